import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { requestPublic } from '../../api/client';
import { clientError } from '../../api/errors';
import { graphql } from '../../gql';
import { Notice } from '../../ui/feedback';
import { Form, SubmitButton } from '../../ui/Form';
import { TextField } from '../../ui/fields';
import { PageTitle } from '../../ui/Page';
import { useAction } from '../../ui/use-api';
import { passwordProblems, useLinkToken } from '../registration/link-token';

const ResetPassword = graphql(`
  mutation ResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword)
  }
`);

/** The page the password-reset e-mail links to (`/reset-password#token=…`). */
export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const token = useLinkToken();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [done, setDone] = useState(false);
  const overrides = useMemo(() => ({ UNAUTHENTICATED: t('resetPassword.invalidLink') }), [t]);
  const { run, pending, error } = useAction(async () => {
    const problems = passwordProblems(password, confirmation, 'newPassword', 'passwordConfirmation');
    if (problems.length) throw clientError(problems);
    await requestPublic(ResetPassword, { token, newPassword: password });
    setDone(true);
  });

  if (!token) {
    return (
      <div className="narrow">
        <PageTitle>{t('resetPassword.title')}</PageTitle>
        <Notice kind="warning">{t('resetPassword.invalidLink')}</Notice>
        <p>
          <Link to="/forgot-password">{t('resetPassword.askAgain')}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <PageTitle lead={t('resetPassword.lead')}>{t('resetPassword.title')}</PageTitle>
      {done ? (
        <Notice kind="success" title={t('resetPassword.doneTitle')}>
          <p>{t('resetPassword.done')}</p>
          <p>
            <Link to="/login">{t('common.goToLogin')}</Link>
          </p>
        </Notice>
      ) : (
        <Form error={error} overrides={overrides} onSubmit={() => void run()}>
          <TextField name="newPassword" label={t('fields.newPassword')} hint={t('fields.passwordHint')} type="password" autoComplete="new-password" value={password} onValue={setPassword} />
          <TextField name="passwordConfirmation" label={t('fields.passwordConfirmation')} type="password" autoComplete="new-password" value={confirmation} onValue={setConfirmation} />
          <SubmitButton pending={pending} pendingLabel={t('common.saving')}>
            {t('resetPassword.submit')}
          </SubmitButton>
        </Form>
      )}
    </div>
  );
}
