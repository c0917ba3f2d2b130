import de from '../../../apps/web/src/i18n/locales/de';
import en, { type Messages } from '../../../apps/web/src/i18n/locales/en';
import fr from '../../../apps/web/src/i18n/locales/fr';
import nl from '../../../apps/web/src/i18n/locales/nl';
import portalDe from '../../../apps/web/src/i18n/locales/portal/de';
import portalEn from '../../../apps/web/src/i18n/locales/portal/en';
import portalFr from '../../../apps/web/src/i18n/locales/portal/fr';
import portalNl from '../../../apps/web/src/i18n/locales/portal/nl';
import type { Language } from './fixtures';

/** The portal's messages (the shared ones and the logged-in screens' own): the tests look for what a reader of that language sees. */
export const MESSAGES: Record<Language, Messages> = {
  en: { ...en, ...portalEn },
  nl: { ...nl, ...portalNl },
  fr: { ...fr, ...portalFr },
  de: { ...de, ...portalDe },
};

/** A message with its {{placeholders}} filled in. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
}

/** An exact, whole-text match for a label or name. */
export function exactly(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

/** Login form labels in a language, for logIn(). */
export function loginTexts(m: Messages) {
  return {
    tenant: exactly(m.login.tenant),
    email: new RegExp(`^${m.fields.email}`),
    password: exactly(m.fields.password),
    code: new RegExp(`^${m.login.code.replace(/[()]/g, '.')}`),
    submit: exactly(m.login.submit),
  };
}
