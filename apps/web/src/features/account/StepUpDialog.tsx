import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import { ApiError } from '../../api/errors';
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
 * Runs a high-value act (the API asks for a re-authentication within five minutes): when the API
 * answers STEP_UP_REQUIRED, the step-up dialog opens and the act runs again once confirmed.
 */
export function useStepUpRetry() {
  const [open, setOpen] = useState(false);
  const pending = useRef<(() => void) | null>(null);
  const guard = async <R,>(act: () => Promise<R>, retry: () => void): Promise<R | undefined> => {
    try {
      return await act();
    } catch (error) {
      if (error instanceof ApiError && error.reason === 'STEP_UP_REQUIRED') {
        pending.current = retry;
        setOpen(true);
        return undefined;
      }
      throw error;
    }
  };
  const onClose = () => {
    pending.current = null;
    setOpen(false);
  };
  const onVerified = () => {
    const act = pending.current;
    onClose();
    act?.();
  };
  return { guard, dialog: { open, onClose, onVerified } };
}

/** The `guard` of `useStepUpRetry`, for a part of the screen that runs acts of its own. */
export type StepUpGuard = ReturnType<typeof useStepUpRetry>['guard'];
