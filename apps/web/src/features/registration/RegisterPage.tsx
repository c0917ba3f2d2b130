import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { requestPublic } from '../../api/client';
import { clientError } from '../../api/errors';
import { graphql } from '../../gql';
import type { LoginMethod } from '../../gql/graphql';
import { sortedCountries, useFormat } from '../../i18n/format';
import { currentLanguage } from '../../i18n/i18n';
import { LANGUAGE_NAMES, LANGUAGES } from '../../i18n/languages';
import { Notice } from '../../ui/feedback';
import { Form, SubmitButton } from '../../ui/Form';
import { ChoiceGroup, SelectField, TextField } from '../../ui/fields';
import { PageTitle } from '../../ui/Page';
import { useAction, useLoad } from '../../ui/use-api';
import { rememberTenant } from '../account/TenantPicker';
import { TenantDirectory } from '../directory/tenant-directory';
import { passwordProblems } from './link-token';
import { ACKNOWLEDGEMENT_FIELD, DisclosureConsent, useDisclosureNotice } from '../datasheets/DisclosureNotice';

const ProposeChamber = graphql(`
  query ProposeChamber($postalCode: String!) {
    proposeChamber(postalCode: $postalCode) {
      slug
      name
      city
    }
  }
`);

// The anonymous registrant may read none of the new company's fields (all concealed): ask only
// for the tenant, which is public.
const RegisterOrganisation = graphql(`
  mutation RegisterOrganisation($input: RegisterOrganisationInput!) {
    registerOrganisation(input: $input) {
      tenant {
        slug
        name
      }
    }
  }
`);

const PROPOSED = '';

const REQUIRED: Array<[keyof RegistrationForm, string]> = [
  ['name', 'input.name'],
  ['legalForm', 'input.legalForm'],
  ['vatNumber', 'input.vatNumber'],
  ['street', 'input.street'],
  ['postalCode', 'input.postalCode'],
  ['city', 'input.city'],
  ['phone', 'input.phone'],
  ['email', 'input.email'],
  ['iban', 'input.iban'],
  ['firstName', 'input.administrator.firstName'],
  ['lastName', 'input.administrator.lastName'],
  ['adminEmail', 'input.administrator.email'],
];

interface RegistrationForm {
  name: string;
  legalForm: string;
  vatNumber: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
  phone: string;
  email: string;
  iban: string;
  tenantSlug: string;
  loginMethod: LoginMethod;
  firstName: string;
  lastName: string;
  adminEmail: string;
  adminPhone: string;
  jobTitle: string;
  preferredLanguage: string;
  password: string;
  confirmation: string;
}

/** A company registers with a chamber (proposed from its postal code) and names its administrator. */
export default function RegisterPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params] = useSearchParams();
  const [form, setForm] = useState<RegistrationForm>({
    name: '', legalForm: '', vatNumber: '', street: '', postalCode: '', city: '', country: 'BE', phone: '', email: '', iban: '',
    tenantSlug: params.get('tenant') ?? PROPOSED, loginMethod: 'PASSWORD',
    firstName: '', lastName: '', adminEmail: '', adminPhone: '', jobTitle: '', preferredLanguage: currentLanguage(), password: '', confirmation: '',
  });
  const set = <K extends keyof RegistrationForm>(key: K) => (value: RegistrationForm[K]) => setForm((previous) => ({ ...previous, [key]: value }));
  const directory = useLoad(() => requestPublic(TenantDirectory));
  const [proposal, setProposal] = useState<{ postalCode: string; slug: string | null; name: string | null } | null>(null);
  const [registered, setRegistered] = useState<{ email: string; tenant: string } | null>(null);

  // The chamber serving the postal code, asked once the user pauses typing.
  const postalCode = form.postalCode.trim();
  useEffect(() => {
    if (!/^[A-Z0-9 -]{4,10}$/i.test(postalCode)) {
      setProposal(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      requestPublic(ProposeChamber, { postalCode }).then(
        (data) => current && setProposal({ postalCode, slug: data.proposeChamber?.slug ?? null, name: data.proposeChamber?.name ?? null }),
        () => current && setProposal(null),
      );
    }, 350);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [postalCode]);

  const countries = useMemo(() => sortedCountries(format), [format]);
  const tenants = useMemo(() => [...(directory.data?.tenants ?? [])].sort((a, b) => a.name.localeCompare(b.name)), [directory.data]);

  // A certification body's space: the administrator's contact details are published on its datasheets (COPRO §5b).
  const chosenSlug = form.tenantSlug || proposal?.slug || null;
  const certificationBody = Boolean(tenants.find((tenant) => tenant.slug === chosenSlug)?.kinds.includes('CERTIFICATION_BODY'));
  const notice = useDisclosureNotice(certificationBody);
  const [acknowledged, setAcknowledged] = useState(false);

  const { run, pending, error } = useAction(async () => {
    const problems = [
      ...REQUIRED.filter(([key]) => !String(form[key]).trim()).map(([, field]) => ({ field, reason: 'required', constraint: 'required' })),
      ...passwordProblems(form.password, form.confirmation, 'input.administrator.password', 'passwordConfirmation'),
      ...(certificationBody && !acknowledged ? [{ field: ACKNOWLEDGEMENT_FIELD, reason: 'required', constraint: 'acknowledgement' }] : []),
    ];
    if (problems.length) throw clientError(problems);
    const data = await requestPublic(RegisterOrganisation, {
      input: {
        name: form.name.trim(),
        legalForm: form.legalForm.trim(),
        vatNumber: form.vatNumber.trim(),
        street: form.street.trim(),
        postalCode,
        city: form.city.trim(),
        country: form.country,
        phone: form.phone.trim(),
        email: form.email.trim(),
        iban: form.iban.trim(),
        loginMethod: form.loginMethod,
        ...(form.tenantSlug ? { tenantSlug: form.tenantSlug } : {}),
        ...(certificationBody && acknowledged && notice.data ? { acknowledgedContactDisclosureNotice: notice.data.version } : {}),
        administrator: {
          firstName: form.firstName.trim(),
          lastName: form.lastName.trim(),
          email: form.adminEmail.trim(),
          preferredLanguage: form.preferredLanguage,
          password: form.password,
          ...(form.adminPhone.trim() ? { phone: form.adminPhone.trim() } : {}),
          ...(form.jobTitle.trim() ? { jobTitle: form.jobTitle.trim() } : {}),
        },
      },
    });
    rememberTenant(data.registerOrganisation.tenant.slug);
    setRegistered({ email: form.adminEmail.trim(), tenant: data.registerOrganisation.tenant.name });
    window.scrollTo({ top: 0 });
  });

  if (registered) {
    return (
      <div className="narrow">
        <PageTitle>{t('register.doneTitle')}</PageTitle>
        <Notice kind="success">
          <p>{t('register.done', { email: registered.email, tenant: registered.tenant })}</p>
        </Notice>
        <p>
          <Link to="/login">{t('common.goToLogin')}</Link>
        </p>
      </div>
    );
  }

  const proposalText =
    proposal && proposal.postalCode === postalCode
      ? proposal.name
        ? t('register.proposed', { postalCode, tenant: proposal.name })
        : t('register.noProposal', { postalCode })
      : t('register.proposalPending');

  return (
    <div className="medium">
      <PageTitle lead={t('register.lead')}>{t('register.title')}</PageTitle>
      <Form error={error} onSubmit={() => void run()}>
        <fieldset className="form-section">
          <legend>{t('register.company')}</legend>
          <TextField name="input.name" label={t('fields.companyName')} autoComplete="organization" value={form.name} onValue={set('name')} />
          <TextField name="input.legalForm" label={t('fields.legalForm')} hint={t('fields.legalFormHint')} value={form.legalForm} onValue={set('legalForm')} />
          <TextField name="input.vatNumber" label={t('fields.vatNumber')} hint={t('fields.vatNumberHint')} autoCapitalize="characters" spellCheck={false} value={form.vatNumber} onValue={set('vatNumber')} />
          <TextField name="input.street" label={t('fields.street')} autoComplete="address-line1" value={form.street} onValue={set('street')} />
          <div className="field-row">
            <TextField name="input.postalCode" label={t('fields.postalCode')} autoComplete="postal-code" className="input--short" value={form.postalCode} onValue={set('postalCode')} />
            <TextField name="input.city" label={t('fields.city')} autoComplete="address-level2" value={form.city} onValue={set('city')} />
          </div>
          <SelectField name="input.country" label={t('fields.country')} autoComplete="country" value={form.country} onValue={set('country')} options={countries.map((c) => ({ value: c.code, label: c.name }))} />
          <TextField name="input.phone" label={t('fields.phone')} hint={t('fields.phoneHint')} type="tel" autoComplete="tel" value={form.phone} onValue={set('phone')} />
          <TextField name="input.email" label={t('fields.companyEmail')} type="email" autoComplete="email" value={form.email} onValue={set('email')} />
          <TextField name="input.iban" label={t('fields.iban')} hint={t('fields.ibanHint')} autoCapitalize="characters" spellCheck={false} value={form.iban} onValue={set('iban')} />
        </fieldset>

        <fieldset className="form-section">
          <legend>{t('register.chamber')}</legend>
          <p className="proposal" role="status">
            {proposalText}
          </p>
          <SelectField
            name="input.tenantSlug"
            label={t('register.registerWith')}
            hint={t('register.registerWithHint')}
            value={form.tenantSlug}
            onValue={set('tenantSlug')}
            options={[
              { value: PROPOSED, label: proposal?.name ? t('register.proposedOption', { tenant: proposal.name }) : t('register.proposedOptionUnknown') },
              ...tenants.map((tenant) => ({ value: tenant.slug, label: tenant.name })),
            ]}
          />
          <ChoiceGroup<LoginMethod>
            name="input.loginMethod"
            legend={t('register.loginMethod')}
            hint={t('register.loginMethodHint')}
            type="radio"
            selected={[form.loginMethod]}
            onChange={(values) => set('loginMethod')(values[0] ?? 'PASSWORD')}
            options={[
              { value: 'PASSWORD', label: t('loginMethods.PASSWORD'), description: t('register.passwordOnly') },
              { value: 'PASSWORD_AND_TOTP', label: t('loginMethods.PASSWORD_AND_TOTP'), description: t('register.passwordAndTotp') },
            ]}
          />
        </fieldset>

        <fieldset className="form-section">
          <legend>{t('register.administrator')}</legend>
          <p className="field__hint">{t('register.administratorHint')}</p>
          <TextField name="input.administrator.firstName" label={t('fields.firstName')} autoComplete="given-name" value={form.firstName} onValue={set('firstName')} />
          <TextField name="input.administrator.lastName" label={t('fields.lastName')} autoComplete="family-name" value={form.lastName} onValue={set('lastName')} />
          <TextField name="input.administrator.email" label={t('fields.email')} type="email" autoComplete="email" value={form.adminEmail} onValue={set('adminEmail')} />
          <TextField name="input.administrator.jobTitle" label={t('fields.jobTitle')} optional autoComplete="organization-title" value={form.jobTitle} onValue={set('jobTitle')} />
          <TextField name="input.administrator.phone" label={t('fields.phone')} hint={t('fields.phoneHint')} optional type="tel" value={form.adminPhone} onValue={set('adminPhone')} />
          <SelectField
            name="input.administrator.preferredLanguage"
            label={t('fields.preferredLanguage')}
            value={form.preferredLanguage}
            onValue={set('preferredLanguage')}
            options={LANGUAGES.map((language) => ({ value: language, label: LANGUAGE_NAMES[language], lang: language }))}
          />
          <TextField name="input.administrator.password" label={t('fields.password')} hint={t('fields.passwordHint')} type="password" autoComplete="new-password" value={form.password} onValue={set('password')} />
          <TextField name="passwordConfirmation" label={t('fields.passwordConfirmation')} type="password" autoComplete="new-password" value={form.confirmation} onValue={set('confirmation')} />
        </fieldset>
        {certificationBody && notice.data ? <DisclosureConsent notice={notice.data} acknowledged={acknowledged} onChange={setAcknowledged} /> : null}
        <SubmitButton pending={pending} pendingLabel={t('common.sending')}>
          {t('register.submit')}
        </SubmitButton>
      </Form>
    </div>
  );
}
