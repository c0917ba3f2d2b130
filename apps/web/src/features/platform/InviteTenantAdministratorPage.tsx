import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request, requestPublic } from '../../api/client';
import { clientError } from '../../api/errors';
import { graphql } from '../../gql';
import { useFormat } from '../../i18n/format';
import { LANGUAGE_NAMES, LANGUAGES } from '../../i18n/languages';
import { LoadError, Notice } from '../../ui/feedback';
import { Form, SubmitButton } from '../../ui/Form';
import { SelectField, TextField } from '../../ui/fields';
import { PageTitle } from '../../ui/Page';
import { useAction, useLoad } from '../../ui/use-api';
import { TenantDirectory } from '../directory/tenant-directory';

const InviteTenantAdministrator = graphql(`
  mutation InviteTenantAdministrator($input: InviteTenantAdministratorInput!) {
    inviteTenantAdministrator(input: $input) {
      tenant {
        name
      }
      invitationSentTo
      earlierInvitationsRevoked
    }
  }
`);

type AdminField = 'firstName' | 'lastName' | 'email';

/**
 * The platform operator invites the administrator of a tenant that has no active one: the first
 * administrator's invitation expired or went to a wrong address, or its only administrator left. The
 * server refuses while the tenant has an active administrator (they invite its staff), so the list
 * offers every tenant and the refusal says why.
 */
export default function InviteTenantAdministratorPage() {
  const { t } = useTranslation();
  const format = useFormat();
  // Asked afresh: a tenant opened a moment ago is the likely one.
  const directory = useLoad(() => requestPublic(TenantDirectory));
  const tenants = useMemo(() => {
    const collator = new Intl.Collator(format.locale);
    return [...(directory.data?.tenants ?? [])].sort((a, b) => collator.compare(a.name ?? '', b.name ?? ''));
  }, [directory.data, format.locale]);
  const [tenantId, setTenantId] = useState('');
  const [admin, setAdmin] = useState<Record<AdminField, string>>({ firstName: '', lastName: '', email: '' });
  const [language, setLanguage] = useState('nl');
  const [sent, setSent] = useState<{ tenant: string; email: string; revoked: number } | null>(null);
  const setA = (key: AdminField) => (value: string) => setAdmin((p) => ({ ...p, [key]: value }));
  const overrides = {
    TENANT_HAS_ADMINISTRATOR: t('tenantAdministrator.hasAdministrator'),
    'input.tenantId.tenanthasadministrator': t('tenantAdministrator.hasAdministratorField'),
    'input.administrator.email.addressalreadyincompany': t('tenantAdministrator.addressTaken'),
  };

  const invite = useAction(async () => {
    const problems = [
      ...(tenantId ? [] : [{ field: 'input.tenantId', reason: 'required', constraint: 'required' }]),
      ...(['firstName', 'lastName', 'email'] as const).filter((key) => !admin[key].trim()).map((key) => ({ field: `input.administrator.${key}`, reason: 'required', constraint: 'required' })),
    ];
    if (problems.length) throw clientError(problems);
    setSent(null);
    const data = await request(InviteTenantAdministrator, {
      input: { tenantId, administrator: { firstName: admin.firstName.trim(), lastName: admin.lastName.trim(), email: admin.email.trim(), preferredLanguage: language } },
    });
    const answer = data.inviteTenantAdministrator;
    setSent({ tenant: answer.tenant.name, email: answer.invitationSentTo, revoked: answer.earlierInvitationsRevoked });
    setAdmin({ firstName: '', lastName: '', email: '' });
    setTenantId('');
  });

  return (
    <div className="medium">
      <PageTitle lead={t('tenantAdministrator.lead')}>{t('tenantAdministrator.title')}</PageTitle>
      {sent ? (
        <Notice kind="success">
          <p>{t('tenantAdministrator.sent', { tenant: sent.tenant, email: sent.email })}</p>
          {sent.revoked > 0 ? <p>{t('tenantAdministrator.revoked', { count: sent.revoked })}</p> : null}
        </Notice>
      ) : null}
      {directory.error ? <LoadError error={directory.error} onRetry={directory.reload} /> : null}
      <Form error={invite.error} overrides={overrides} onSubmit={() => void invite.run()}>
        <SelectField
          name="input.tenantId"
          label={t('tenantAdministrator.tenant')}
          value={tenantId}
          onValue={setTenantId}
          options={[{ value: '', label: t('tenantAdministrator.chooseTenant') }, ...tenants.map((tenant) => ({ value: tenant.id ?? '', label: tenant.name ?? '' }))]}
        />
        <fieldset className="form-section">
          <legend>{t('tenantAdministrator.administrator')}</legend>
          <p className="field__hint">{t('createTenant.administratorHint')}</p>
          <TextField name="input.administrator.firstName" label={t('fields.firstName')} value={admin.firstName} onValue={setA('firstName')} />
          <TextField name="input.administrator.lastName" label={t('fields.lastName')} value={admin.lastName} onValue={setA('lastName')} />
          <TextField name="input.administrator.email" label={t('fields.email')} type="email" value={admin.email} onValue={setA('email')} />
          <SelectField
            name="input.administrator.preferredLanguage"
            label={t('fields.preferredLanguage')}
            value={language}
            onValue={setLanguage}
            options={LANGUAGES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code], lang: code }))}
          />
        </fieldset>
        <SubmitButton pending={invite.pending} pendingLabel={t('common.sending')}>
          {t('tenantAdministrator.submit')}
        </SubmitButton>
      </Form>
    </div>
  );
}
