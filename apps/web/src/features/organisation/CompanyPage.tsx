import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import { hasAnyRole } from '../../auth/roles';
import { useSession } from '../../auth/session';
import { graphql } from '../../gql';
import { useFormat } from '../../i18n/format';
import { HiddenValue, LoadError, Loading, Notice } from '../../ui/feedback';
import { Form, SubmitButton } from '../../ui/Form';
import { TextField } from '../../ui/fields';
import { PageTitle } from '../../ui/Page';
import { useAction, useLoad } from '../../ui/use-api';

// ORG_ADMIN@ownOrganisation reads every field; an ORG_MEMBER may not read iban, loginMethod or
// isMember (docs/visibility-matrix.md), so the member's query does not ask for them.
const CompanyForAdmin = graphql(`
  query CompanyForAdmin($id: ID!) {
    organisation(id: $id) {
      id
      name
      legalForm
      vatNumber
      companyNumber
      street
      postalCode
      city
      country
      phone
      email
      iban
      loginMethod
      isMember
    }
  }
`);

const CompanyForMember = graphql(`
  query CompanyForMember($id: ID!) {
    organisation(id: $id) {
      id
      name
      legalForm
      vatNumber
      companyNumber
      street
      postalCode
      city
      country
      phone
      email
    }
  }
`);

const UpdateCompany = graphql(`
  mutation UpdateCompany($input: UpdateOrganisationInput!) {
    updateOrganisation(input: $input) {
      id
    }
  }
`);

const EDITABLE = ['name', 'legalForm', 'street', 'postalCode', 'city', 'phone', 'email', 'iban'] as const;
type Editable = (typeof EDITABLE)[number];
type Company = { [K in Editable]?: string | null } & {
  id: string | null;
  vatNumber: string | null;
  companyNumber: string | null;
  country: string | null;
  loginMethod?: string | null;
  isMember?: boolean | null;
};

export default function CompanyPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { me } = useSession();
  const isAdmin = hasAnyRole(me?.roles, ['ORG_ADMIN']);
  const organisationId = me?.organisationId ?? '';
  const company = useLoad<Company>(
    async () =>
      isAdmin
        ? (await request(CompanyForAdmin, { id: organisationId })).organisation
        : (await request(CompanyForMember, { id: organisationId })).organisation,
    [organisationId, isAdmin],
  );
  const data = company.data;
  const [form, setForm] = useState<Record<Editable, string>>({ name: '', legalForm: '', street: '', postalCode: '', city: '', phone: '', email: '', iban: '' });
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (data) setForm(Object.fromEntries(EDITABLE.map((key) => [key, data[key] ?? ''])) as Record<Editable, string>);
  }, [data]);
  const set = (key: Editable) => (value: string) => {
    setSaved(false);
    setForm((previous) => ({ ...previous, [key]: value }));
  };
  const save = useAction(async () => {
    if (!data) return;
    const changes = Object.fromEntries(EDITABLE.filter((key) => form[key].trim() !== (data[key] ?? '')).map((key) => [key, form[key].trim()]));
    await request(UpdateCompany, { input: { organisationId, ...changes } });
    setSaved(true);
    company.reload();
  });

  const hiddenForMembers = t('company.adminOnly');
  return (
    <div className="medium">
      <PageTitle lead={isAdmin ? t('company.leadAdmin') : t('company.leadMember')}>{t('company.title')}</PageTitle>
      {company.loading && !data ? <Loading /> : null}
      {company.error ? <LoadError error={company.error} onRetry={company.reload} /> : null}
      {data ? (
        <dl className="details details--wide">
          <div>
            <dt>{t('fields.vatNumber')}</dt>
            <dd>{data.vatNumber}</dd>
          </div>
          <div>
            <dt>{t('fields.country')}</dt>
            <dd>{format.country(data.country)}</dd>
          </div>
          <div>
            <dt>{t('register.loginMethod')}</dt>
            <dd>{isAdmin && data.loginMethod ? t(`loginMethods.${data.loginMethod as 'PASSWORD' | 'PASSWORD_AND_TOTP'}`) : <HiddenValue reason={hiddenForMembers} />}</dd>
          </div>
          <div>
            <dt>{t('company.membership')}</dt>
            <dd>{isAdmin && data.isMember != null ? (data.isMember ? t('company.member') : t('company.notMember')) : <HiddenValue reason={hiddenForMembers} />}</dd>
          </div>
          {!isAdmin ? (
            <>
              <div>
                <dt>{t('fields.companyName')}</dt>
                <dd>{data.name}</dd>
              </div>
              <div>
                <dt>{t('fields.legalForm')}</dt>
                <dd>{data.legalForm}</dd>
              </div>
              <div>
                <dt>{t('directory.address')}</dt>
                <dd>
                  {data.street}, {data.postalCode} {data.city}
                </dd>
              </div>
              <div>
                <dt>{t('fields.phone')}</dt>
                <dd>{data.phone}</dd>
              </div>
              <div>
                <dt>{t('fields.companyEmail')}</dt>
                <dd>{data.email}</dd>
              </div>
              <div>
                <dt>{t('fields.iban')}</dt>
                <dd>
                  <HiddenValue reason={hiddenForMembers} />
                </dd>
              </div>
            </>
          ) : null}
        </dl>
      ) : null}
      {data && isAdmin ? (
        <>
          <h2>{t('company.edit')}</h2>
          <p className="field__hint">{t('company.fixedFields')}</p>
          {saved ? <Notice kind="success">{t('common.saved')}</Notice> : null}
          <Form error={save.error} onSubmit={() => void save.run()}>
            <TextField name="input.name" label={t('fields.companyName')} value={form.name} onValue={set('name')} />
            <TextField name="input.legalForm" label={t('fields.legalForm')} value={form.legalForm} onValue={set('legalForm')} />
            <TextField name="input.street" label={t('fields.street')} value={form.street} onValue={set('street')} />
            <div className="field-row">
              <TextField name="input.postalCode" label={t('fields.postalCode')} className="input--short" value={form.postalCode} onValue={set('postalCode')} />
              <TextField name="input.city" label={t('fields.city')} value={form.city} onValue={set('city')} />
            </div>
            <TextField name="input.phone" label={t('fields.phone')} hint={t('fields.phoneHint')} type="tel" value={form.phone} onValue={set('phone')} />
            <TextField name="input.email" label={t('fields.companyEmail')} type="email" value={form.email} onValue={set('email')} />
            <TextField name="input.iban" label={t('fields.iban')} spellCheck={false} value={form.iban} onValue={set('iban')} />
            <SubmitButton pending={save.pending} pendingLabel={t('common.saving')}>
              {t('common.save')}
            </SubmitButton>
          </Form>
        </>
      ) : null}
    </div>
  );
}
