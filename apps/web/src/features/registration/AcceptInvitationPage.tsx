import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { requestPublic } from '../../api/client';
import { clientError } from '../../api/errors';
import { graphql } from '../../gql';
import { currentLanguage } from '../../i18n/i18n';
import { LANGUAGE_NAMES, LANGUAGES } from '../../i18n/languages';
import { Notice } from '../../ui/feedback';
import { Form, SubmitButton } from '../../ui/Form';
import { SelectField, TextField } from '../../ui/fields';
import { PageTitle } from '../../ui/Page';
import { useAction, useLoad } from '../../ui/use-api';
import { passwordProblems, useLinkToken } from './link-token';
import { TenantDirectory } from '../directory/tenant-directory';
import { DisclosureConsent, useDisclosureNotice } from '../datasheets/DisclosureNotice';

/** The tenant an invitation token belongs to (`inv_<tenant id without dashes>_<secret>`). */
function tenantIdOf(token: string): string | null {
  const compact = /^inv_([0-9a-f]{32})_/i.exec(token)?.[1];
  return compact ? `${compact.slice(0, 8)}-${compact.slice(8, 12)}-${compact.slice(12, 16)}-${compact.slice(16, 20)}-${compact.slice(20)}`.toLowerCase() : null;
}

const AcceptInvitation = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input)
  }
`);

/** The page the invitation e-mail links to (`/accept-invitation#token=…`). */
export default function AcceptInvitationPage() {
  const { t } = useTranslation();
  const token = useLinkToken();
  const [form, setForm] = useState({ firstName: '', lastName: '', phone: '', jobTitle: '', preferredLanguage: currentLanguage() as string, password: '', confirmation: '' });
  const set = (key: keyof typeof form) => (value: string) => setForm((previous) => ({ ...previous, [key]: value }));
  const [done, setDone] = useState(false);
  // A certification body's space: a company user's contact details are published on its datasheets
  // (COPRO §5b), so the notice is shown; the API decides whether this invitation's role needs it.
  const directory = useLoad(() => requestPublic(TenantDirectory));
  const tenantId = tenantIdOf(token);
  const certificationBody = Boolean(directory.data?.tenants.find((tenant) => tenant.id.toLowerCase() === tenantId)?.kinds.includes('CERTIFICATION_BODY'));
  const notice = useDisclosureNotice(certificationBody);
  const [acknowledged, setAcknowledged] = useState(false);
  const overrides = useMemo(() => ({ UNAUTHENTICATED: t('acceptInvitation.invalidLink') }), [t]);
  const { run, pending, error } = useAction(async () => {
    const problems = [
      ...(form.firstName.trim() ? [] : [{ field: 'input.firstName', reason: 'required', constraint: 'required' }]),
      ...(form.lastName.trim() ? [] : [{ field: 'input.lastName', reason: 'required', constraint: 'required' }]),
      ...passwordProblems(form.password, form.confirmation, 'input.password', 'passwordConfirmation'),
    ];
    if (problems.length) throw clientError(problems);
    await requestPublic(AcceptInvitation, {
      input: {
        token,
        firstName: form.firstName.trim(),
        lastName: form.lastName.trim(),
        preferredLanguage: form.preferredLanguage,
        password: form.password,
        ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
        ...(form.jobTitle.trim() ? { jobTitle: form.jobTitle.trim() } : {}),
        ...(certificationBody && acknowledged && notice.data ? { acknowledgedContactDisclosureNotice: notice.data.version } : {}),
      },
    });
    setDone(true);
  });

  return (
    <div className="narrow">
      <PageTitle lead={t('acceptInvitation.lead')}>{t('acceptInvitation.title')}</PageTitle>
      {!token ? <Notice kind="warning">{t('acceptInvitation.invalidLink')}</Notice> : null}
      {done ? (
        <Notice kind="success" title={t('acceptInvitation.doneTitle')}>
          <p>{t('acceptInvitation.done')}</p>
          <p>
            <Link to="/login">{t('common.goToLogin')}</Link>
          </p>
        </Notice>
      ) : token ? (
        <Form error={error} overrides={overrides} onSubmit={() => void run()}>
          <TextField name="input.firstName" label={t('fields.firstName')} autoComplete="given-name" value={form.firstName} onValue={set('firstName')} />
          <TextField name="input.lastName" label={t('fields.lastName')} autoComplete="family-name" value={form.lastName} onValue={set('lastName')} />
          <TextField name="input.jobTitle" label={t('fields.jobTitle')} optional autoComplete="organization-title" value={form.jobTitle} onValue={set('jobTitle')} />
          <TextField name="input.phone" label={t('fields.phone')} hint={t('fields.phoneHint')} optional type="tel" autoComplete="tel" value={form.phone} onValue={set('phone')} />
          <SelectField
            name="input.preferredLanguage"
            label={t('fields.preferredLanguage')}
            value={form.preferredLanguage}
            onValue={set('preferredLanguage')}
            options={LANGUAGES.map((language) => ({ value: language, label: LANGUAGE_NAMES[language], lang: language }))}
          />
          <TextField name="input.password" label={t('fields.password')} hint={t('fields.passwordHint')} type="password" autoComplete="new-password" value={form.password} onValue={set('password')} />
          <TextField name="passwordConfirmation" label={t('fields.passwordConfirmation')} type="password" autoComplete="new-password" value={form.confirmation} onValue={set('confirmation')} />
          {certificationBody && notice.data ? <DisclosureConsent notice={notice.data} acknowledged={acknowledged} onChange={setAcknowledged} /> : null}
          <SubmitButton pending={pending} pendingLabel={t('common.saving')}>
            {t('acceptInvitation.submit')}
          </SubmitButton>
        </Form>
      ) : null}
    </div>
  );
}
