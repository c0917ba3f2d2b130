import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { request } from '../../api/client';
import { clientError } from '../../api/errors';
import { graphql } from '../../gql';
import type { TenantKind } from '../../gql/graphql';
import { sortedCountries, useFormat } from '../../i18n/format';
import { LANGUAGE_NAMES, LANGUAGES } from '../../i18n/languages';
import { Notice } from '../../ui/feedback';
import { Form, SubmitButton } from '../../ui/Form';
import { ChoiceGroup, SelectField, TextField } from '../../ui/fields';
import { PageTitle } from '../../ui/Page';
import { administratorInput, missingAdministratorFields, NO_TENANT_ADMINISTRATOR, TenantAdministratorFields } from './TenantAdministratorFields';
import { useAction } from '../../ui/use-api';

const CreateTenant = graphql(`
  mutation CreateTenant($input: CreateTenantInput!) {
    createTenant(input: $input) {
      tenant {
        id
        slug
        name
      }
      invitationSentTo
    }
  }
`);

interface Range {
  from: string;
  to: string;
}

type TenantTextField = 'slug' | 'name' | 'legalEntityNumber' | 'street' | 'postalCode' | 'city' | 'phone' | 'email' | 'privacyContactEmail';

/**
 * The platform operator opens a new tenant (a chamber or certification body) and invites its first
 * administrator, who chooses their own password from the e-mailed link: the operator never sets one.
 */
export default function CreateTenantPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const countries = useMemo(() => sortedCountries(format), [format]);
  const [tenant, setTenant] = useState<Record<TenantTextField, string>>({ slug: '', name: '', legalEntityNumber: '', street: '', postalCode: '', city: '', phone: '', email: '', privacyContactEmail: '' });
  const [country, setCountry] = useState('BE');
  const [kinds, setKinds] = useState<TenantKind[]>(['CHAMBER_OF_COMMERCE']);
  const [languages, setLanguages] = useState<string[]>(['nl', 'fr', 'en']);
  const [ranges, setRanges] = useState<Range[]>([]);
  const [admin, setAdmin] = useState(NO_TENANT_ADMINISTRATOR);
  const [created, setCreated] = useState<{ slug: string; name: string; email: string } | null>(null);
  const setT = (key: TenantTextField) => (value: string) => setTenant((p) => ({ ...p, [key]: value }));

  const create = useAction(async () => {
    const required = (['slug', 'name', 'legalEntityNumber', 'street', 'postalCode', 'city', 'privacyContactEmail'] as const).filter((key) => !tenant[key].trim());
    const problems = [
      ...required.map((key) => ({ field: `input.${key}`, reason: 'required', constraint: 'required' })),
      ...missingAdministratorFields(admin),
    ];
    if (problems.length) throw clientError(problems);
    const optional = (value: string) => (value.trim() ? value.trim() : undefined);
    const data = await request(CreateTenant, {
      input: {
        slug: tenant.slug.trim(),
        name: tenant.name.trim(),
        kinds,
        legalEntityNumber: tenant.legalEntityNumber.trim(),
        street: tenant.street.trim(),
        postalCode: tenant.postalCode.trim(),
        city: tenant.city.trim(),
        country,
        phone: optional(tenant.phone),
        email: optional(tenant.email),
        languages,
        privacyContactEmail: tenant.privacyContactEmail.trim(),
        servedPostalCodes: ranges.map((range) => ({ from: range.from.trim(), to: range.to.trim() })),
        administrator: administratorInput(admin),
      },
    });
    setCreated({ slug: data.createTenant.tenant.slug, name: data.createTenant.tenant.name, email: data.createTenant.invitationSentTo });
    window.scrollTo({ top: 0 });
  });

  if (created) {
    return (
      <div className="medium">
        <PageTitle>{t('createTenant.doneTitle')}</PageTitle>
        <Notice kind="success">
          <p>{t('createTenant.invited', { name: created.name, slug: created.slug, email: created.email })}</p>
        </Notice>
        <p>
          <Link to="/">{t('nav.directory')}</Link>
        </p>
      </div>
    );
  }

  return (
    <div className="medium">
      <PageTitle lead={t('createTenant.lead')}>{t('createTenant.title')}</PageTitle>
      <Form error={create.error} onSubmit={() => void create.run()}>
        <fieldset className="form-section">
          <legend>{t('createTenant.organisation')}</legend>
          <TextField name="input.name" label={t('fields.tenantName')} value={tenant.name} onValue={setT('name')} />
          <TextField name="input.slug" label={t('fields.slug')} hint={t('fields.slugHint')} spellCheck={false} autoCapitalize="none" value={tenant.slug} onValue={setT('slug')} />
          <ChoiceGroup<TenantKind>
            name="input.kinds"
            legend={t('fields.kinds')}
            type="checkbox"
            selected={kinds}
            onChange={setKinds}
            options={[
              { value: 'CHAMBER_OF_COMMERCE', label: t('tenantKinds.CHAMBER_OF_COMMERCE') },
              { value: 'CERTIFICATION_BODY', label: t('tenantKinds.CERTIFICATION_BODY') },
            ]}
          />
          <TextField name="input.legalEntityNumber" label={t('fields.legalEntityNumber')} value={tenant.legalEntityNumber} onValue={setT('legalEntityNumber')} />
          <TextField name="input.street" label={t('fields.street')} value={tenant.street} onValue={setT('street')} />
          <div className="field-row">
            <TextField name="input.postalCode" label={t('fields.postalCode')} className="input--short" value={tenant.postalCode} onValue={setT('postalCode')} />
            <TextField name="input.city" label={t('fields.city')} value={tenant.city} onValue={setT('city')} />
          </div>
          <SelectField name="input.country" label={t('fields.country')} value={country} onValue={setCountry} options={countries.map((c) => ({ value: c.code, label: c.name }))} />
          <TextField name="input.phone" label={t('fields.phone')} hint={t('fields.phoneHint')} optional type="tel" value={tenant.phone} onValue={setT('phone')} />
          <TextField name="input.email" label={t('fields.email')} optional type="email" value={tenant.email} onValue={setT('email')} />
          <TextField name="input.privacyContactEmail" label={t('fields.privacyContactEmail')} type="email" value={tenant.privacyContactEmail} onValue={setT('privacyContactEmail')} />
          <ChoiceGroup<string>
            name="input.languages"
            legend={t('fields.languages')}
            type="checkbox"
            selected={languages}
            onChange={setLanguages}
            options={LANGUAGES.map((language) => ({ value: language, label: LANGUAGE_NAMES[language] }))}
          />
        </fieldset>
        <fieldset className="form-section">
          <legend>{t('createTenant.postalCodes')}</legend>
          <p className="field__hint">{t('createTenant.postalCodesHint')}</p>
          {ranges.map((range, index) => (
            <div className="field-row" key={index}>
              <TextField
                name={`input.servedPostalCodes.${index}.from`}
                label={t('createTenant.rangeFrom', { index: index + 1 })}
                className="input--short"
                inputMode="numeric"
                value={range.from}
                onValue={(value) => setRanges((all) => all.map((r, i) => (i === index ? { ...r, from: value } : r)))}
              />
              <TextField
                name={`input.servedPostalCodes.${index}.to`}
                label={t('createTenant.rangeTo', { index: index + 1 })}
                className="input--short"
                inputMode="numeric"
                value={range.to}
                onValue={(value) => setRanges((all) => all.map((r, i) => (i === index ? { ...r, to: value } : r)))}
              />
              <button type="button" className="button button--link" onClick={() => setRanges((all) => all.filter((_, i) => i !== index))}>
                {t('createTenant.removeRange', { index: index + 1 })}
              </button>
            </div>
          ))}
          <button type="button" className="button button--secondary button--small" onClick={() => setRanges((all) => [...all, { from: '', to: '' }])}>
            {t('createTenant.addRange')}
          </button>
        </fieldset>
        <TenantAdministratorFields legend={t('createTenant.administrator')} value={admin} onChange={setAdmin} />
        <SubmitButton pending={create.pending} pendingLabel={t('common.saving')}>
          {t('createTenant.submit')}
        </SubmitButton>
      </Form>
    </div>
  );
}
