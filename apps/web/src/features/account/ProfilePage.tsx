import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import { useSession } from '../../auth/session';
import { graphql } from '../../gql';
import type { UpdateUserProfileInput } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { changeLanguage } from '../../i18n/i18n';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES } from '../../i18n/languages';
import { LoadError, Loading, Notice } from '../../ui/feedback';
import { Form, SubmitButton } from '../../ui/Form';
import { SelectField, TextField } from '../../ui/fields';
import { PageTitle } from '../../ui/Page';
import { useAction, useLoad } from '../../ui/use-api';

// Everything here is the person's own record (User, `self`).
const MyProfile = graphql(`
  query MyProfile {
    me {
      id
      email
      firstName
      lastName
      phone
      jobTitle
      preferredLanguage
      roles
      status
      lastLoginAt
      totpEnrolledAt
    }
  }
`);

const UpdateMyProfile = graphql(`
  mutation UpdateMyProfile($input: UpdateUserProfileInput!) {
    updateUserProfile(input: $input) {
      id
      firstName
      lastName
      phone
      jobTitle
      preferredLanguage
    }
  }
`);

type Editable = 'firstName' | 'lastName' | 'phone' | 'jobTitle' | 'preferredLanguage';

export default function ProfilePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { reloadMe } = useSession();
  const profile = useLoad(() => request(MyProfile));
  const me = profile.data?.me;
  const [form, setForm] = useState<Record<Editable, string>>({ firstName: '', lastName: '', phone: '', jobTitle: '', preferredLanguage: 'en' });
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (me) setForm({ firstName: me.firstName ?? '', lastName: me.lastName ?? '', phone: me.phone ?? '', jobTitle: me.jobTitle ?? '', preferredLanguage: me.preferredLanguage ?? 'en' });
  }, [me]);
  const set = (key: Editable) => (value: string) => {
    setSaved(false);
    setForm((previous) => ({ ...previous, [key]: value }));
  };

  const save = useAction(async () => {
    if (!me?.id) return;
    // Only what changed; an emptied optional field is cleared.
    const input: UpdateUserProfileInput = { userId: me.id };
    const changes: Partial<Record<Editable, string | null>> = {};
    for (const key of ['firstName', 'lastName', 'phone', 'jobTitle', 'preferredLanguage'] as const) {
      const value = form[key].trim();
      if (value !== (me[key] ?? '')) changes[key] = value === '' ? null : value;
    }
    await request(UpdateMyProfile, { input: { ...input, ...changes } });
    if (changes.preferredLanguage && isLanguage(changes.preferredLanguage)) await changeLanguage(changes.preferredLanguage);
    setSaved(true);
    profile.reload();
    await reloadMe();
  });

  return (
    <div className="medium">
      <PageTitle lead={t('profile.lead')}>{t('profile.title')}</PageTitle>
      {profile.loading && !me ? <Loading /> : null}
      {profile.error ? <LoadError error={profile.error} onRetry={profile.reload} /> : null}
      {me ? (
        <>
          <dl className="details details--wide">
            <div>
              <dt>{t('fields.email')}</dt>
              <dd>{me.email}</dd>
            </div>
            <div>
              <dt>{t('fields.roles')}</dt>
              <dd>{(me.roles ?? []).map((role) => t(`roles.${role}`)).join(', ')}</dd>
            </div>
            <div>
              <dt>{t('fields.status')}</dt>
              <dd>{me.status ? t(`userStatus.${me.status}`) : ''}</dd>
            </div>
            <div>
              <dt>{t('profile.lastLogin')}</dt>
              <dd>{me.lastLoginAt ? format.dateTime(me.lastLoginAt) : t('common.never')}</dd>
            </div>
            <div>
              <dt>{t('nav.secondFactor')}</dt>
              <dd>{me.totpEnrolledAt ? t('secondFactor.enrolledSince', { date: format.date(me.totpEnrolledAt) }) : t('secondFactor.notEnrolled')}</dd>
            </div>
          </dl>
          <h2>{t('profile.edit')}</h2>
          {saved ? <Notice kind="success">{t('common.saved')}</Notice> : null}
          <Form error={save.error} onSubmit={() => void save.run()}>
            <TextField name="input.firstName" label={t('fields.firstName')} autoComplete="given-name" value={form.firstName} onValue={set('firstName')} />
            <TextField name="input.lastName" label={t('fields.lastName')} autoComplete="family-name" value={form.lastName} onValue={set('lastName')} />
            <TextField name="input.jobTitle" label={t('fields.jobTitle')} optional value={form.jobTitle} onValue={set('jobTitle')} />
            <TextField name="input.phone" label={t('fields.phone')} hint={t('fields.phoneHint')} optional type="tel" autoComplete="tel" value={form.phone} onValue={set('phone')} />
            <SelectField
              name="input.preferredLanguage"
              label={t('fields.preferredLanguage')}
              hint={t('profile.languageHint')}
              value={form.preferredLanguage}
              onValue={set('preferredLanguage')}
              options={LANGUAGES.map((language) => ({ value: language, label: LANGUAGE_NAMES[language], lang: language }))}
            />
            <SubmitButton pending={save.pending} pendingLabel={t('common.saving')}>
              {t('common.save')}
            </SubmitButton>
          </Form>
        </>
      ) : null}
    </div>
  );
}
