import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import { clientError, type FieldProblem } from '../../api/errors';
import { graphql } from '../../gql';
import { LoadError, Notice } from '../../ui/feedback';
import { Form, SubmitButton } from '../../ui/Form';
import { ChoiceGroup, SelectField, TextField } from '../../ui/fields';
import { PageTitle } from '../../ui/Page';
import { useAction } from '../../ui/use-api';
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

/** The operator's tick that the person was checked out of band: the browser's own check, the API takes the reference. */
const CHECKED = 'checkedOutOfBand';

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
  const [email, setEmail] = useState('');
  const [reference, setReference] = useState('');
  const [checked, setChecked] = useState(false);
  const [done, setDone] = useState<{ tenant: string; email: string; reference: string } | null>(null);
  const chosen = tenants.find((tenant) => tenant.id === tenantId);
  const overrides = {
    TENANT_HAS_OTHER_ADMINISTRATOR: t('breakGlass.hasOtherAdministrator'),
    'input.email.tenanthasotheradministrator': t('breakGlass.hasOtherAdministratorField'),
    NOT_TENANT_ADMINISTRATOR: t('breakGlass.notAdministrator'),
    'input.email.nottenantadministrator': t('breakGlass.notAdministratorField'),
    SECOND_FACTOR_NOT_ENROLLED: t('breakGlass.notEnrolled'),
    'input.email.secondfactornotenrolled': t('breakGlass.notEnrolledField'),
    TENANT_NOT_FOUND: t('breakGlass.tenantNotFound'),
    'input.reference.matches': t('breakGlass.referenceForm'),
    [`${CHECKED}.required`]: t('breakGlass.confirmationRequired'),
  };

  const reset = useAction(async () => {
    const required = (field: string): FieldProblem => ({ field, reason: 'required', constraint: 'required' });
    const problems = [
      ...(tenantId ? [] : [required('input.tenantId')]),
      ...(email.trim() ? [] : [required('input.email')]),
      ...(reference.trim() ? [] : [required('input.reference')]),
      ...(checked ? [] : [required(CHECKED)]),
    ];
    if (problems.length) throw clientError(problems);
    setDone(null);
    const data = await request(ResetTenantAdministratorSecondFactor, { input: { tenantId, email: email.trim(), reference: reference.trim() } });
    setDone({ tenant: data.resetTenantAdministratorSecondFactor.tenant.name, email: email.trim(), reference: reference.trim() });
    setTenantId('');
    setEmail('');
    setReference('');
    setChecked(false);
    window.scrollTo({ top: 0 });
  });

  return (
    <div className="medium">
      <PageTitle lead={t('breakGlass.lead')}>{t('breakGlass.title')}</PageTitle>
      {done ? (
        <Notice kind="success" title={t('breakGlass.doneTitle')}>
          <p>{t('breakGlass.done', done)}</p>
          <ul>
            <li>{t('breakGlass.nextMail')}</li>
            <li>{t('breakGlass.nextSessions')}</li>
            <li>{t('breakGlass.nextLogin')}</li>
          </ul>
        </Notice>
      ) : null}
      {directory.error ? <LoadError error={directory.error} onRetry={directory.reload} /> : null}
      <section aria-labelledby="break-glass-checklist-title">
        <h2 id="break-glass-checklist-title">{t('breakGlass.checklistTitle')}</h2>
        <ol className="steps">
          <li>{t('breakGlass.checkRequest')}</li>
          <li>{t('breakGlass.checkCallBack')}</li>
          <li>{t('breakGlass.checkLost')}</li>
        </ol>
      </section>
      <Form error={reset.error} overrides={overrides} onSubmit={() => void reset.run()}>
        <SelectField
          name="input.tenantId"
          label={t('breakGlass.tenant')}
          hint={chosen ? (chosen.phone ? t('breakGlass.tenantPhone', { phone: chosen.phone }) : t('breakGlass.tenantNoPhone')) : undefined}
          value={tenantId}
          onValue={setTenantId}
          options={[{ value: '', label: t('breakGlass.chooseTenant') }, ...tenants.map((tenant) => ({ value: tenant.id ?? '', label: tenant.name ?? '' }))]}
        />
        <TextField name="input.email" label={t('breakGlass.email')} hint={t('breakGlass.emailHint')} type="email" autoComplete="off" spellCheck={false} value={email} onValue={setEmail} />
        <TextField name="input.reference" label={t('breakGlass.reference')} hint={t('breakGlass.referenceHint')} autoComplete="off" spellCheck={false} value={reference} onValue={setReference} />
        <ChoiceGroup<'yes'>
          name={CHECKED}
          legend={t('breakGlass.confirmation')}
          type="checkbox"
          options={[{ value: 'yes', label: t('breakGlass.confirmed') }]}
          selected={checked ? ['yes'] : []}
          onChange={(selected) => setChecked(selected.includes('yes'))}
        />
        <SubmitButton pending={reset.pending} pendingLabel={t('common.saving')}>
          {t('breakGlass.submit')}
        </SubmitButton>
      </Form>
    </div>
  );
}
