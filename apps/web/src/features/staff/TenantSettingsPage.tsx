import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import { clientError, type FieldProblem } from '../../api/errors';
import { hasAnyRole } from '../../auth/roles';
import { useSession } from '../../auth/session';
import { graphql } from '../../gql';
import type { RequestDeadlineRule } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { ConfirmDialog } from '../../ui/Dialog';
import { ErrorSummary, LoadError, Loading, Notice } from '../../ui/feedback';
import { Form, SubmitButton } from '../../ui/Form';
import { ChoiceGroup, TextField } from '../../ui/fields';
import { PageTitle } from '../../ui/Page';
import { useAction, useLoad } from '../../ui/use-api';

const CertificateSettingsQuery = graphql(`
  query CertificateSettingsOfTenant {
    certificateSettings {
      numberPrefix
      memberFeeCents
      nonMemberFeeCents
      copyMemberFeeCents
      copyNonMemberFeeCents
      currency
    }
  }
`);

const SaveCertificateSettings = graphql(`
  mutation SaveCertificateSettings($input: CertificateSettingsInput!) {
    setCertificateSettings(input: $input) {
      numberPrefix
    }
  }
`);

const DatasheetSettingsQuery = graphql(`
  query DatasheetSettingsOfTenant {
    datasheetSettings {
      contactReplacementDays
    }
  }
`);

const SaveDatasheetSettings = graphql(`
  mutation SaveDatasheetSettings($days: Int!) {
    setDatasheetSettings(contactReplacementDays: $days) {
      contactReplacementDays
    }
  }
`);

const PrivacySettingsQuery = graphql(`
  query PrivacySettingsOfTenant {
    privacySettings {
      requestDeadlineRule
    }
  }
`);

const SaveRequestDeadlineRule = graphql(`
  mutation SaveRequestDeadlineRule($rule: RequestDeadlineRule!) {
    setRequestDeadlineRule(rule: $rule) {
      requestDeadlineRule
    }
  }
`);

const SigningKeys = graphql(`
  query SigningKeysOfChamber($slug: String!) {
    certificateSigningKeys(tenantSlug: $slug) {
      kid
      createdAt
      retiredAt
    }
  }
`);

const RotateSigningKey = graphql(`
  mutation RotateSigningKey {
    rotateCertificateSigningKey {
      kid
    }
  }
`);

const StaffSecondFactorQuery = graphql(`
  query StaffSecondFactorRequirementOfTenant {
    staffSecondFactorRequirement {
      required
      staffWithoutSecondFactor
    }
  }
`);

const SetStaffSecondFactor = graphql(`
  mutation SetStaffSecondFactorRequirement($required: Boolean!) {
    setStaffSecondFactorRequirement(required: $required) {
      required
      staffWithoutSecondFactor
    }
  }
`);

const FEES = ['memberFeeCents', 'nonMemberFeeCents', 'copyMemberFeeCents', 'copyNonMemberFeeCents'] as const;
type Fee = (typeof FEES)[number];
/** The API's ceiling for a fee (class-validator's @Max on CertificateSettingsInput), in cents. */
const MAX_FEE_CENTS = 1_000_000;

/** Cents as the reader types an amount (2 decimals, the reader's decimal sign). */
function amountOf(cents: number | null | undefined, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false }).format((cents ?? 0) / 100);
}

/** An amount typed with a comma or a point and at most two decimals, in cents; null when it is not one. */
export function centsOf(amount: string): number | null {
  const match = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(amount.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/**
 * The tenant's own settings, each where the act it governs would send its administrator: how a chamber
 * numbers its certificates and what it charges for them, how long a certificate holder has to name a new
 * datasheet contact after an objection, whether every staff member needs a second factor, and how the first
 * deadline of a data-subject request is counted.
 */
export default function TenantSettingsPage() {
  const { t } = useTranslation();
  const { me, tenant } = useSession();
  const admin = hasAnyRole(me?.roles, ['TENANT_ADMIN']);
  const kinds = tenant?.kinds ?? [];
  return (
    <div className="medium">
      <PageTitle lead={t('tenantSettings.lead')}>{t('tenantSettings.title')}</PageTitle>
      {admin && kinds.includes('CHAMBER_OF_COMMERCE') ? <CertificateSettingsSection /> : null}
      {admin && kinds.includes('CHAMBER_OF_COMMERCE') ? <SigningKeysSection /> : null}
      {admin && kinds.includes('CERTIFICATION_BODY') ? <DatasheetSettingsSection /> : null}
      {admin ? <StaffSecondFactorSection /> : null}
      <PrivacySettingsSection />
    </div>
  );
}

function CertificateSettingsSection() {
  const { t, i18n } = useTranslation();
  const loaded = useLoad(() => request(CertificateSettingsQuery));
  const [form, setForm] = useState<Record<'numberPrefix' | 'currency' | Fee, string> | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    const settings = loaded.data?.certificateSettings;
    if (!settings) return;
    setForm({
      numberPrefix: settings.numberPrefix ?? '',
      currency: settings.currency ?? 'EUR',
      ...(Object.fromEntries(FEES.map((fee) => [fee, amountOf(settings[fee], i18n.language)])) as Record<Fee, string>),
    });
  }, [loaded.data, i18n.language]);

  const save = useAction(async () => {
    if (!form) return;
    setSaved(false);
    const problems: FieldProblem[] = [];
    const cents = {} as Record<Fee, number>;
    for (const fee of FEES) {
      const value = centsOf(form[fee]);
      if (value === null || value > MAX_FEE_CENTS) problems.push({ field: `input.${fee}`, reason: 'amount', constraint: 'amount' });
      else cents[fee] = value;
    }
    if (!form.numberPrefix.trim()) problems.push({ field: 'input.numberPrefix', reason: 'required', constraint: 'required' });
    if (problems.length) throw clientError(problems);
    await request(SaveCertificateSettings, { input: { numberPrefix: form.numberPrefix.trim().toUpperCase(), currency: form.currency.trim().toUpperCase(), ...cents } });
    setSaved(true);
    loaded.reload();
  });

  // The screen's sentences for the fields it checks itself, and for the prefix the API refuses by its pattern.
  const overrides = useMemo(
    () => ({
      ...Object.fromEntries(FEES.map((fee) => [`input.${fee}.amount`, t('tenantSettings.certificates.amountInvalid')])),
      'input.numberPrefix.matches': t('tenantSettings.certificates.numberPrefixInvalid'),
    }),
    [t],
  );
  const titleId = 'certificate-settings-title';
  return (
    <section aria-labelledby={titleId} className="panel">
      <h2 id={titleId}>{t('tenantSettings.certificates.title')}</h2>
      <p>{t('tenantSettings.certificates.lead')}</p>
      {loaded.loading && !loaded.data ? <Loading /> : null}
      {loaded.error ? <LoadError error={loaded.error} onRetry={loaded.reload} /> : null}
      {saved ? <Notice kind="success">{t('tenantSettings.saved')}</Notice> : null}
      {form ? (
        <Form error={save.error} overrides={overrides} onSubmit={() => void save.run()} idScope="certificates-" aria-labelledby={titleId}>
          <TextField
            name="input.numberPrefix"
            label={t('tenantSettings.certificates.numberPrefix')}
            hint={t('tenantSettings.certificates.numberPrefixHint', { example: `${form.numberPrefix.trim().toUpperCase() || 'BE-ANT'}-${new Date().getFullYear()}-000123` })}
            spellCheck={false}
            autoCapitalize="characters"
            maxLength={51}
            value={form.numberPrefix}
            onValue={(numberPrefix) => setForm({ ...form, numberPrefix })}
          />
          <fieldset className="form-section">
            <legend>{t('tenantSettings.certificates.fees', { currency: form.currency })}</legend>
            <p className="field__hint">{t('tenantSettings.certificates.feesHint')}</p>
            <div className="field-row">
              {FEES.map((fee) => (
                <TextField key={fee} name={`input.${fee}`} label={t(`tenantSettings.certificates.${fee}`)} className="input--short" inputMode="decimal" value={form[fee]} onValue={(value) => setForm({ ...form, [fee]: value })} />
              ))}
            </div>
            <TextField
              name="input.currency"
              label={t('tenantSettings.certificates.currency')}
              hint={t('tenantSettings.certificates.currencyHint')}
              className="input--short"
              maxLength={3}
              autoCapitalize="characters"
              spellCheck={false}
              value={form.currency}
              onValue={(currency) => setForm({ ...form, currency })}
            />
          </fieldset>
          <SubmitButton pending={save.pending} pendingLabel={t('common.saving')}>
            {t('tenantSettings.save')}
          </SubmitButton>
        </Form>
      ) : null}
    </section>
  );
}

/**
 * The chamber's keys for the certificates' digital signature (public: anyone verifies with them). A
 * rotation retires the key in use, which still verifies what it signed, and signs from then on with a new one.
 */
function SigningKeysSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const { session } = useSession();
  const slug = session?.tenantSlug ?? '';
  const keys = useLoad(() => request(SigningKeys, { slug }), [slug]);
  const [confirming, setConfirming] = useState(false);
  const [rotated, setRotated] = useState<string | null>(null);
  const rotate = useAction(async () => {
    try {
      const data = await request(RotateSigningKey);
      setRotated(data.rotateCertificateSigningKey.kid);
      keys.reload();
    } finally {
      setConfirming(false);
    }
  });
  const titleId = 'signing-keys-title';
  const list = keys.data?.certificateSigningKeys ?? [];
  return (
    <section aria-labelledby={titleId} className="panel">
      <h2 id={titleId}>{t('tenantSettings.keys.title')}</h2>
      <p>{t('tenantSettings.keys.lead')}</p>
      <p>
        <a href={`/certificates/keys/${encodeURIComponent(slug)}`}>{t('tenantSettings.keys.published')}</a>
      </p>
      {rotated ? <Notice kind="success">{t('tenantSettings.keys.rotated', { kid: rotated })}</Notice> : null}
      <ErrorSummary error={rotate.error} />
      {keys.loading && !keys.data ? <Loading /> : null}
      {keys.error ? <LoadError error={keys.error} onRetry={keys.reload} /> : null}
      {keys.data && list.length === 0 ? <p>{t('tenantSettings.keys.none')}</p> : null}
      {list.length > 0 ? (
        <div className="table-wrap" role="region" aria-labelledby={titleId} tabIndex={0}>
          <table>
            <caption className="visually-hidden">{t('tenantSettings.keys.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('tenantSettings.keys.kid')}</th>
                <th scope="col">{t('tenantSettings.keys.createdAt')}</th>
                <th scope="col">{t('tenantSettings.keys.status')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((key) => (
                <tr key={key.kid}>
                  <th scope="row">
                    <code className="id">{key.kid}</code>
                  </th>
                  <td>{format.dateTime(key.createdAt)}</td>
                  <td>{key.retiredAt ? t('tenantSettings.keys.retired', { date: format.dateTime(key.retiredAt) }) : <span className="badge badge--info">{t('tenantSettings.keys.inUse')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <button type="button" className="button button--secondary" onClick={() => (setConfirming(true), setRotated(null), rotate.setError(null))}>
        {t('tenantSettings.keys.rotate')}
      </button>
      <ConfirmDialog
        open={confirming}
        tone="primary"
        title={t('tenantSettings.keys.confirmTitle')}
        body={<p>{t('tenantSettings.keys.confirmBody')}</p>}
        confirmLabel={t('tenantSettings.keys.rotate')}
        pending={rotate.pending}
        onConfirm={() => void rotate.run()}
        onClose={() => setConfirming(false)}
      />
    </section>
  );
}

function DatasheetSettingsSection() {
  const { t } = useTranslation();
  const loaded = useLoad(() => request(DatasheetSettingsQuery));
  const [days, setDays] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (loaded.data) setDays(String(loaded.data.datasheetSettings.contactReplacementDays));
  }, [loaded.data]);

  const save = useAction(async () => {
    setSaved(false);
    const value = Number(days);
    if (!/^\d{1,3}$/.test(days?.trim() ?? '') || value < 1 || value > 365) {
      throw clientError([{ field: 'contactReplacementDays', reason: 'range', constraint: 'range' }]);
    }
    await request(SaveDatasheetSettings, { days: value });
    setSaved(true);
    loaded.reload();
  });

  const titleId = 'datasheet-settings-title';
  return (
    <section aria-labelledby={titleId} className="panel">
      <h2 id={titleId}>{t('tenantSettings.datasheets.title')}</h2>
      {loaded.loading && !loaded.data ? <Loading /> : null}
      {loaded.error ? <LoadError error={loaded.error} onRetry={loaded.reload} /> : null}
      {saved ? <Notice kind="success">{t('tenantSettings.saved')}</Notice> : null}
      {days !== null ? (
        <Form error={save.error} overrides={{ 'contactReplacementDays.range': t('tenantSettings.datasheets.daysInvalid') }} onSubmit={() => void save.run()} idScope="datasheets-" aria-labelledby={titleId}>
          <TextField
            name="contactReplacementDays"
            label={t('tenantSettings.datasheets.contactReplacementDays')}
            hint={t('tenantSettings.datasheets.contactReplacementDaysHint')}
            className="input--short"
            inputMode="numeric"
            value={days}
            onValue={setDays}
          />
          <SubmitButton pending={save.pending} pendingLabel={t('common.saving')}>
            {t('tenantSettings.save')}
          </SubmitButton>
        </Form>
      ) : null}
    </section>
  );
}

/**
 * Whether every staff member needs a second factor, not only signers and administrators (review F13). Turning it
 * on asks for a confirmation that says how many will be held to setting one up; the API asks for the
 * administrator's second factor again (a high-value act), which the portal's step-up prompt handles.
 */
function StaffSecondFactorSection() {
  const { t } = useTranslation();
  const loaded = useLoad(() => request(StaffSecondFactorQuery));
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState(false);
  const state = loaded.data?.staffSecondFactorRequirement;
  const change = useAction(async (required: boolean) => {
    setSaved(false);
    try {
      await request(SetStaffSecondFactor, { required });
      setSaved(true);
      loaded.reload();
    } finally {
      setConfirming(false);
    }
  });
  const titleId = 'staff-second-factor-title';
  return (
    <section aria-labelledby={titleId} className="panel">
      <h2 id={titleId}>{t('staffSecondFactor.title')}</h2>
      <p>{t('staffSecondFactor.lead')}</p>
      {loaded.loading && !loaded.data ? <Loading /> : null}
      {loaded.error ? <LoadError error={loaded.error} onRetry={loaded.reload} /> : null}
      {saved ? <Notice kind="success">{t('tenantSettings.saved')}</Notice> : null}
      <ErrorSummary error={change.error} />
      {state ? (
        <>
          <p>
            <strong>{state.required ? t('staffSecondFactor.on') : t('staffSecondFactor.off')}</strong>{' '}
            {state.staffWithoutSecondFactor > 0 ? t('staffSecondFactor.without', { count: state.staffWithoutSecondFactor }) : t('staffSecondFactor.allEnrolled')}
          </p>
          {state.required ? (
            <button type="button" className="button button--secondary" disabled={change.pending} onClick={() => void change.run(false)}>
              {t('staffSecondFactor.turnOff')}
            </button>
          ) : (
            <button type="button" className="button" onClick={() => (setConfirming(true), setSaved(false), change.setError(null))}>
              {t('staffSecondFactor.turnOn')}
            </button>
          )}
          <ConfirmDialog
            open={confirming}
            tone="primary"
            title={t('staffSecondFactor.confirmTitle')}
            body={<p>{state.staffWithoutSecondFactor > 0 ? t('staffSecondFactor.confirmBody', { count: state.staffWithoutSecondFactor }) : t('staffSecondFactor.confirmBodyNone')}</p>}
            confirmLabel={t('staffSecondFactor.turnOn')}
            pending={change.pending}
            onConfirm={() => void change.run(true)}
            onClose={() => setConfirming(false)}
          />
        </>
      ) : null}
    </section>
  );
}

function PrivacySettingsSection() {
  const { t } = useTranslation();
  const loaded = useLoad(() => request(PrivacySettingsQuery));
  const [rule, setRule] = useState<RequestDeadlineRule | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (loaded.data) setRule(loaded.data.privacySettings.requestDeadlineRule ?? 'ONE_MONTH');
  }, [loaded.data]);

  const save = useAction(async () => {
    if (!rule) return;
    setSaved(false);
    await request(SaveRequestDeadlineRule, { rule });
    setSaved(true);
    loaded.reload();
  });

  const titleId = 'privacy-settings-title';
  return (
    <section aria-labelledby={titleId} className="panel">
      <h2 id={titleId}>{t('tenantSettings.privacy.title')}</h2>
      {loaded.loading && !loaded.data ? <Loading /> : null}
      {loaded.error ? <LoadError error={loaded.error} onRetry={loaded.reload} /> : null}
      {saved ? <Notice kind="success">{t('tenantSettings.saved')}</Notice> : null}
      {rule ? (
        <Form error={save.error} onSubmit={() => void save.run()} idScope="privacy-" aria-labelledby={titleId}>
          <ChoiceGroup<RequestDeadlineRule>
            name="rule"
            legend={t('tenantSettings.privacy.deadlineRule')}
            hint={t('tenantSettings.privacy.deadlineRuleHint')}
            type="radio"
            selected={[rule]}
            onChange={([chosen]) => setRule(chosen ?? rule)}
            options={[
              { value: 'ONE_MONTH', label: t('tenantSettings.privacy.ONE_MONTH'), description: t('tenantSettings.privacy.ONE_MONTH_description') },
              { value: 'THIRTY_DAYS', label: t('tenantSettings.privacy.THIRTY_DAYS'), description: t('tenantSettings.privacy.THIRTY_DAYS_description') },
            ]}
          />
          <SubmitButton pending={save.pending} pendingLabel={t('common.saving')}>
            {t('tenantSettings.save')}
          </SubmitButton>
        </Form>
      ) : null}
    </section>
  );
}
