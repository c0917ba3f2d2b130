import { useState } from 'react';
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
import { initialChoice, rememberedTenant, slugOf, TenantPicker, type TenantChoice } from './TenantPicker';

const RequestPasswordReset = graphql(`
  mutation RequestPasswordReset($email: String!, $tenant: String) {
    requestPasswordReset(email: $email, tenant: $tenant)
  }
`);

export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [tenant, setTenant] = useState<TenantChoice>(() => initialChoice(rememberedTenant()));
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { run, pending, error } = useAction(async () => {
    const missing = [
      ...(tenant.selected ? [] : [{ field: 'tenant', reason: 'required', constraint: 'required' }]),
      ...(email.trim() ? [] : [{ field: 'email', reason: 'required', constraint: 'required' }]),
    ];
    if (missing.length) throw clientError(missing);
    const slug = slugOf(tenant);
    await requestPublic(RequestPasswordReset, { email: email.trim(), tenant: slug });
    setSentTo(email.trim());
  });

  return (
    <div className="narrow">
      <PageTitle lead={t('forgotPassword.lead')}>{t('forgotPassword.title')}</PageTitle>
      {sentTo ? (
        <Notice kind="success" title={t('forgotPassword.sentTitle')}>
          <p>{t('forgotPassword.sent', { email: sentTo })}</p>
          <p>
            <Link to="/login">{t('common.backToLogin')}</Link>
          </p>
        </Notice>
      ) : (
        <Form error={error} onSubmit={() => void run()}>
          <TenantPicker name="tenant" value={tenant} onChange={setTenant} allowPlatform />
          <TextField name="email" label={t('fields.email')} type="email" autoComplete="email" value={email} onValue={setEmail} />
          <SubmitButton pending={pending} pendingLabel={t('common.sending')}>
            {t('forgotPassword.submit')}
          </SubmitButton>
        </Form>
      )}
    </div>
  );
}
