import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../api/client';
import { useSession } from '../auth/session';
import { graphql } from '../gql';
import { changeLanguage } from '../i18n/i18n';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES } from '../i18n/languages';

const UpdateMyLanguage = graphql(`
  mutation UpdateMyLanguage($input: UpdateUserProfileInput!) {
    updateUserProfile(input: $input) {
      id
      preferredLanguage
    }
  }
`);

/** The language menu: remembered in this browser, and as the user's preference once logged in. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const { me, reloadMe } = useSession();
  const id = useId();
  const choose = async (value: string) => {
    if (!isLanguage(value)) return;
    await changeLanguage(value);
    if (me?.id && me.preferredLanguage !== value) {
      try {
        await request(UpdateMyLanguage, { input: { userId: me.id, preferredLanguage: value } });
        await reloadMe();
      } catch {
        // The portal already speaks the new language; the preference is saved at the next change.
      }
    }
  };
  return (
    <div className="language-switcher">
      <label htmlFor={id} className="visually-hidden">
        {t('app.language')}
      </label>
      <select id={id} value={i18n.language} onChange={(event) => void choose(event.target.value)}>
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
    </div>
  );
}
