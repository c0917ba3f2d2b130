import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request, setStepUpPrompt } from '../../api/client';
import { graphql } from '../../gql';
import { Dialog } from '../../ui/Dialog';
import { Form, SubmitButton } from '../../ui/Form';
import { TextField } from '../../ui/fields';
import { useAction } from '../../ui/use-api';

const StepUp = graphql(`
  mutation StepUp($code: String, $password: String) {
    stepUp(code: $code, password: $password)
  }
`);

/** How long the API accepts a step-up for high-value acts (libs/auth: STEP_UP_WINDOW_MS). */
export const STEP_UP_WINDOW_MS = 5 * 60_000;

/**
 * Asks for the second factor again before a high-value act (signing a certificate, later): the
 * API accepts it for five minutes. `onVerified` receives the end of that window.
 */
export function StepUpDialog({ open, onClose, onVerified, withPassword = false }: { open: boolean; onClose: () => void; onVerified: (until: Date) => void; withPassword?: boolean }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const { run, pending, error } = useAction(async () => {
    // An account without a second factor confirms with its password (the API's `recent-login`).
    const data = await request(StepUp, withPassword ? { password } : { code: code.replace(/\s/g, '') });
    setCode('');
    setPassword('');
    onVerified(new Date(Date.parse(data.stepUp) + STEP_UP_WINDOW_MS));
  });
  return (
    <Dialog open={open} title={t('stepUp.title')} onClose={onClose}>
      <p>{withPassword ? t('stepUp.bodyPassword') : t('stepUp.body')}</p>
      <Form error={error} onSubmit={() => void run()} idScope="step-up-">
        {withPassword ? (
          <TextField name="password" label={t('fields.password')} type="password" autoComplete="current-password" value={password} onValue={setPassword} />
        ) : (
          <TextField name="code" label={t('secondFactor.code')} inputMode="numeric" autoComplete="one-time-code" maxLength={7} value={code} onValue={setCode} />
        )}
        <SubmitButton pending={pending} pendingLabel={t('common.checking')}>
          {t('stepUp.submit')}
        </SubmitButton>
      </Form>
    </Dialog>
  );
}

/**
 * The portal's one answer to the API's STEP_UP_REQUIRED (a high-value act needs a re-authentication
 * within five minutes): the client asks here, the dialog opens, and the act the screen started runs
 * again once the person has confirmed (or fails with the API's sentence when they cancel). Every act
 * that asks for it is covered, whichever screen runs it; acts started while it is open wait for it.
 */
export function StepUpPrompt({ withPassword }: { withPassword: boolean }) {
  const [open, setOpen] = useState(false);
  const waiting = useRef<Array<(confirmed: boolean) => void>>([]);
  useEffect(() => {
    setStepUpPrompt(
      () =>
        new Promise<boolean>((resolve) => {
          waiting.current.push(resolve);
          setOpen(true);
        }),
    );
    return () => setStepUpPrompt(null);
  }, []);
  const settle = (confirmed: boolean) => {
    const all = waiting.current;
    waiting.current = [];
    setOpen(false);
    for (const resolve of all) resolve(confirmed);
  };
  return <StepUpDialog open={open} onClose={() => settle(false)} onVerified={() => settle(true)} withPassword={withPassword} />;
}
