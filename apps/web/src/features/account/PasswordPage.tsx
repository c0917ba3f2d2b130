import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import { clientError } from '../../api/errors';
import { sessionStore } from '../../auth/session-store';
import { useSession } from '../../auth/session';
import { graphql } from '../../gql';
import { Notice } from '../../ui/feedback';
import { Form, SubmitButton } from '../../ui/Form';
import { TextField } from '../../ui/fields';
import { PageTitle } from '../../ui/Page';
import { useAction } from '../../ui/use-api';
import { passwordProblems } from '../registration/link-token';

// The refresh token goes into the HttpOnly cookie, as at login: this session continues with the
// tokens answered, every other session of the account ends, and the old tokens stop.
const ChangeMyPassword = graphql(`
  mutation ChangeMyPassword($currentPassword: String!, $newPassword: String!) {
    changeMyPassword(currentPassword: $currentPassword, newPassword: $newPassword, refreshTokenIn: COOKIE) {
      accessToken
      accessTokenExpiresAt
      totpEnrolmentRequired
    }
  }
`);

/**
 * Changing one's password, given the current one. Every account has one (both ways of logging in
 * that a company chooses at registration start with the password; the second factor comes on top),
 * so the page is offered to everyone logged in.
 */
export default function PasswordPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [done, setDone] = useState(false);
  const overrides = useMemo(
    () => ({
      CURRENT_PASSWORD_WRONG: t('accountAdmin.password.currentWrong'),
      'currentPassword.currentpasswordwrong': t('accountAdmin.password.currentWrongField'),
      // Longer than any password can be (128 characters): not the current one.
      'currentPassword.islength': t('accountAdmin.password.currentWrongField'),
      'newPassword.passwordtooweak': t('errors.constraint.passwordpolicy'),
      'newPassword.maxlength': t('accountAdmin.password.tooLong'),
      'newPassword.passwordunchanged': t('accountAdmin.password.unchanged'),
      STEP_UP_THROTTLED: t('accountAdmin.password.throttled'),
    }),
    [t],
  );
  const change = useAction(async () => {
    const problems = [
      ...(current ? [] : [{ field: 'currentPassword', reason: 'required', constraint: 'required' }]),
      ...passwordProblems(password, confirmation, 'newPassword', 'passwordConfirmation'),
      ...(current && password === current ? [{ field: 'newPassword', reason: 'unchanged', constraint: 'passwordUnchanged' }] : []),
    ];
    if (problems.length) throw clientError(problems);
    const data = await request(ChangeMyPassword, { currentPassword: current, newPassword: password });
    // The access token held until now stops: carry on with the one answered.
    sessionStore.renew(data.changeMyPassword);
    setCurrent('');
    setPassword('');
    setConfirmation('');
    setDone(true);
  });
  const edit = (set: (value: string) => void) => (value: string) => {
    setDone(false);
    set(value);
  };

  return (
    <div className="narrow">
      <PageTitle lead={t('accountAdmin.password.lead')}>{t('accountAdmin.password.title')}</PageTitle>
      {done ? (
        <Notice kind="success" title={t('accountAdmin.password.doneTitle')}>
          <p>{t('accountAdmin.password.done')}</p>
        </Notice>
      ) : null}
      <Form error={change.error} overrides={overrides} onSubmit={() => void change.run()}>
        {/* For password managers: whose password this is. */}
        <input type="email" name="username" autoComplete="username" value={me?.email ?? ''} readOnly hidden />
        <TextField name="currentPassword" label={t('accountAdmin.password.current')} type="password" autoComplete="current-password" value={current} onValue={edit(setCurrent)} />
        <TextField name="newPassword" label={t('fields.newPassword')} hint={t('fields.passwordHint')} type="password" autoComplete="new-password" value={password} onValue={edit(setPassword)} />
        <TextField name="passwordConfirmation" label={t('fields.passwordConfirmation')} type="password" autoComplete="new-password" value={confirmation} onValue={edit(setConfirmation)} />
        <p className="muted">{t('accountAdmin.password.otherSessions')}</p>
        <SubmitButton pending={change.pending} pendingLabel={t('common.saving')}>
          {t('accountAdmin.password.submit')}
        </SubmitButton>
      </Form>
    </div>
  );
}
