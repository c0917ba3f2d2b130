import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import { clientError } from '../../api/errors';
import { graphql } from '../../gql';
import { LoadError, Notice } from '../../ui/feedback';
import { Form, SubmitButton } from '../../ui/Form';
import { SelectField } from '../../ui/fields';
import { PageTitle } from '../../ui/Page';
import { useAction } from '../../ui/use-api';
import { useFreshTenantDirectory } from '../directory/tenant-directory';
import { administratorInput, missingAdministratorFields, NO_TENANT_ADMINISTRATOR, TenantAdministratorFields } from './TenantAdministratorFields';

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

/**
 * The platform operator invites the administrator of a tenant that has no active one: the first
 * administrator's invitation expired or went to a wrong address, or its only administrator left. The
 * server refuses while the tenant has an active administrator (they invite its staff), so the list
 * offers every tenant and the refusal says why.
 */
export default function InviteTenantAdministratorPage() {
  const { t } = useTranslation();
  // Asked afresh: a tenant opened a moment ago is the likely one.
  const { directory, byName: tenants } = useFreshTenantDirectory();
  const [tenantId, setTenantId] = useState('');
  const [admin, setAdmin] = useState(NO_TENANT_ADMINISTRATOR);
  const [sent, setSent] = useState<{ tenant: string; email: string; revoked: number } | null>(null);
  const overrides = {
    TENANT_HAS_ADMINISTRATOR: t('tenantAdministrator.hasAdministrator'),
    'input.tenantId.tenanthasadministrator': t('tenantAdministrator.hasAdministratorField'),
    'input.administrator.email.addressalreadyincompany': t('tenantAdministrator.addressTaken'),
  };

  const invite = useAction(async () => {
    const problems = [...(tenantId ? [] : [{ field: 'input.tenantId', reason: 'required', constraint: 'required' }]), ...missingAdministratorFields(admin)];
    if (problems.length) throw clientError(problems);
    setSent(null);
    const data = await request(InviteTenantAdministrator, {
      input: { tenantId, administrator: administratorInput(admin) },
    });
    const answer = data.inviteTenantAdministrator;
    setSent({ tenant: answer.tenant.name, email: answer.invitationSentTo, revoked: answer.earlierInvitationsRevoked });
    setAdmin(NO_TENANT_ADMINISTRATOR);
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
        <TenantAdministratorFields legend={t('tenantAdministrator.administrator')} value={admin} onChange={setAdmin} />
        <SubmitButton pending={invite.pending} pendingLabel={t('common.sending')}>
          {t('tenantAdministrator.submit')}
        </SubmitButton>
      </Form>
    </div>
  );
}
