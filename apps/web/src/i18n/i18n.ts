import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isLanguage, LANGUAGES, type Language } from './languages';
import type { Messages } from './locales/en';

const STORAGE_KEY = 'chancery.language';

/** One chunk per language: a visitor downloads only the messages of the language they read. */
const loaders: Record<Language, () => Promise<{ default: Messages }>> = {
  en: () => import('./locales/en'),
  nl: () => import('./locales/nl'),
  fr: () => import('./locales/fr'),
  de: () => import('./locales/de'),
};

function stored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** The remembered choice, else the browser's first language we have, else English. */
export function initialLanguage(): Language {
  const remembered = stored();
  if (isLanguage(remembered)) return remembered;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

function applyToDocument(language: Language): void {
  document.documentElement.lang = language;
}

async function ensureLoaded(language: Language): Promise<void> {
  if (i18next.hasResourceBundle(language, 'translation')) return;
  const messages = (await loaders[language]()).default;
  i18next.addResourceBundle(language, 'translation', messages, true, true);
}

export async function initI18n(): Promise<void> {
  const language = initialLanguage();
  const messages = (await loaders[language]()).default;
  await i18next.use(initReactI18next).init({
    lng: language,
    supportedLngs: [...LANGUAGES],
    fallbackLng: false,
    resources: { [language]: { translation: messages } },
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  applyToDocument(language);
}

/** Switches the portal's language and remembers it in this browser. */
export async function changeLanguage(language: Language): Promise<void> {
  await ensureLoaded(language);
  await i18next.changeLanguage(language);
  applyToDocument(language);
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage refused (private mode): the choice lasts for this visit.
  }
}

export function currentLanguage(): Language {
  const language = i18next.language;
  return isLanguage(language) ? language : 'en';
}
