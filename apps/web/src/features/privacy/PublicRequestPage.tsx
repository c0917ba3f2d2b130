import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { requestPublic } from '../../api/client';
import { clientError } from '../../api/errors';
import { graphql } from '../../gql';
import type { DataSubjectRequestType } from '../../gql/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { LANGUAGE_NAMES, LANGUAGES } from '../../i18n/languages';
import { Notice } from '../../ui/feedback';
import { Form, SubmitButton } from '../../ui/Form';
import { ChoiceGroup, SelectField, TextField } from '../../ui/fields';
import { PageTitle } from '../../ui/Page';
import { useAction, useLoad } from '../../ui/use-api';
import { REQUEST_TYPES, usePrivacyReasons } from './shared';
import { TextAreaField } from './TextAreaField';

// Only the public fields of Tenant (docs/visibility-matrix.md: Tenant, `anyone`).
const PrivacyTenants = graphql(`
  query PrivacyTenants {
    tenants {
      slug
      name
    }
  }
`);

const SubmitDataSubjectRequest = graphql(`
  mutation SubmitDataSubjectRequest($input: PublicDataSubjectRequestInput!) {
    submitDataSubjectRequest(input: $input)
  }
`);

/** Every tenant where the address is known (the API routes the request to each). */
const EVERY_TENANT = '';

/**
 * The public data-subject request form: anyone, no login. The API answers the same whether or not
 * the address is known (no one learns who is a customer); a link to confirm the address follows by e-mail.
 */
export default function PublicRequestPage() {
  const { t } = useTranslation();
  const reasons = usePrivacyReasons();
  const [params] = useSearchParams();
  const directory = useLoad(() => requestPublic(PrivacyTenants));
  const [tenant, setTenant] = useState(params.get('tenant') ?? EVERY_TENANT);
  const [type, setType] = useState<DataSubjectRequestType>('ACCESS');
  const [email, setEmail] = useState('');
  const [language, setLanguage] = useState<string>(currentLanguage());
  const [details, setDetails] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const tenants = useMemo(() => [...(directory.data?.tenants ?? [])].sort((a, b) => a.name.localeCompare(b.name)), [directory.data]);

  const { run, pending, error } = useAction(async () => {
    const address = email.trim();
    if (!address) throw clientError([{ field: 'input.email', reason: 'required', constraint: 'required' }]);
    await requestPublic(SubmitDataSubjectRequest, {
      input: { type, email: address, language, ...(tenant ? { tenant } : {}), ...(details.trim() ? { details: details.trim() } : {}) },
    });
    setSentTo(address);
    window.scrollTo({ top: 0 });
  });

  if (sentTo) {
    return (
      <div className="narrow">
        <PageTitle>{t('privacyDesk.form.sentTitle')}</PageTitle>
        <Notice kind="success">
          <p>{t('privacyDesk.form.sent', { email: sentTo })}</p>
        </Notice>
        <p>
          <Link to="/">{t('privacyDesk.backToDirectory')}</Link>
        </p>
      </div>
    );
  }

  return (
    <div className="medium">
      <PageTitle lead={t('privacyDesk.form.lead')}>{t('privacyDesk.form.title')}</PageTitle>
      <Form error={error} overrides={reasons} onSubmit={() => void run()}>
        <SelectField
          name="input.tenant"
          label={t('privacyDesk.form.tenant')}
          hint={t('privacyDesk.form.tenantHint')}
          value={tenant}
          onValue={setTenant}
          options={[{ value: EVERY_TENANT, label: t('privacyDesk.form.everyTenant') }, ...tenants.map((entry) => ({ value: entry.slug, label: entry.name }))]}
        />
        <ChoiceGroup<DataSubjectRequestType>
          name="input.type"
          legend={t('privacyDesk.form.type')}
          type="radio"
          selected={[type]}
          onChange={(values) => setType(values[0] ?? 'ACCESS')}
          options={REQUEST_TYPES.map((value) => ({ value, label: t(`privacyDesk.types.${value}`), description: t(`privacyDesk.typeDescriptions.${value}`) }))}
        />
        <TextField name="input.email" label={t('fields.email')} hint={t('privacyDesk.form.emailHint')} type="email" autoComplete="email" value={email} onValue={setEmail} />
        <SelectField
          name="input.language"
          label={t('privacyDesk.form.language')}
          value={language}
          onValue={setLanguage}
          options={LANGUAGES.map((value) => ({ value, label: LANGUAGE_NAMES[value], lang: value }))}
        />
        <TextAreaField name="input.details" label={t('privacyDesk.form.details')} hint={t('privacyDesk.form.detailsHint')} optional value={details} onValue={setDetails} />
        <SubmitButton pending={pending} pendingLabel={t('common.sending')}>
          {t('privacyDesk.form.submit')}
        </SubmitButton>
      </Form>
    </div>
  );
}
