import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import { graphql } from '../../gql';
import { LoadError } from '../../ui/feedback';
import { SelectField } from '../../ui/fields';
import { PageTitle } from '../../ui/Page';
import { OutOfBandResetDone, OutOfBandSecondFactorResetForm } from '../account/OutOfBandSecondFactorReset';
import { useFreshTenantDirectory } from '../directory/tenant-directory';

const ResetTenantAdministratorSecondFactor = graphql(`
  mutation ResetTenantAdministratorSecondFactor($input: ResetTenantAdministratorSecondFactorInput!) {
    resetTenantAdministratorSecondFactor(input: $input) {
      administratorId
      resetAt
      tenant {
        name
      }
    }
  }
`);

/**
 * Break-glass: the platform operator removes the second factor of a tenant's only active
 * administrator, who lost both the phone and the recovery codes, after calling them back on the
 * number on record, under the support case's reference (kept in the tenant's audit log). The server
 * refuses while another active administrator could do it (they reset it from their staff page), for
 * an address that is not an active administrator of the tenant, and when there is nothing to reset;
 * it asks for a step-up first (the api client's prompt). The administrator is e-mailed, their
 * sessions end, and their password alone then opens only the enrolment of a new authenticator.
 */
export default function ResetAdministratorSecondFactorPage() {
  const { t } = useTranslation();
  // Asked afresh, as on the invitation page: a tenant opened a moment ago may be the one.
  const { directory, byName: tenants } = useFreshTenantDirectory();
  const [tenantId, setTenantId] = useState('');
  const [done, setDone] = useState<{ tenant: string; email: string; reference: string } | null>(null);
  const chosen = tenants.find((tenant) => tenant.id === tenantId);
  const reset = async ({ email, reference }: { email: string; reference: string }) => {
    setDone(null);
    const data = await request(ResetTenantAdministratorSecondFactor, { input: { tenantId, email, reference } });
    setDone({ tenant: data.resetTenantAdministratorSecondFactor.tenant.name, email, reference });
    setTenantId('');
  };

  return (
    <div className="medium">
      <PageTitle lead={t('breakGlass.lead')}>{t('breakGlass.title')}</PageTitle>
      {done ? (
        <OutOfBandResetDone messages="breakGlass" summary={t('breakGlass.done', done)} nextLogin={t('breakGlass.nextLogin')} />
      ) : null}
      {directory.error ? <LoadError error={directory.error} onRetry={directory.reload} /> : null}
      <OutOfBandSecondFactorResetForm
        messages="breakGlass"
        reasons={{ otherAdministrator: 'TENANT_HAS_OTHER_ADMINISTRATOR', notAdministrator: 'NOT_TENANT_ADMINISTRATOR' }}
        overrides={{ TENANT_NOT_FOUND: t('breakGlass.tenantNotFound') }}
        scopeProblems={() => (tenantId ? [] : [{ field: 'input.tenantId', reason: 'required', constraint: 'required' }])}
        reset={reset}
        scope={
          <SelectField
            name="input.tenantId"
            label={t('breakGlass.tenant')}
            hint={chosen ? (chosen.phone ? t('breakGlass.tenantPhone', { phone: chosen.phone }) : t('breakGlass.tenantNoPhone')) : undefined}
            value={tenantId}
            onValue={setTenantId}
            options={[{ value: '', label: t('breakGlass.chooseTenant') }, ...tenants.map((tenant) => ({ value: tenant.id ?? '', label: tenant.name ?? '' }))]}
          />
        }
      />
    </div>
  );
}
