import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isLanguage, LANGUAGES, type Language } from './languages';
import type { CoreMessages } from './locales/en';
import type { PortalMessages } from './locales/portal/en';

const STORAGE_KEY = 'chancery.language';

/** One chunk per language: a visitor downloads only the messages of the language they read. */
const loaders: Record<Language, () => Promise<{ default: CoreMessages }>> = {
  en: () => import('./locales/en'),
  nl: () => import('./locales/nl'),
  fr: () => import('./locales/fr'),
  de: () => import('./locales/de'),
};

/** The portal's own screens' messages, a second chunk per language: public pages never load them. */
const portalLoaders: Record<Language, () => Promise<{ default: PortalMessages }>> = {
  en: () => import('./locales/portal/en'),
  nl: () => import('./locales/portal/nl'),
  fr: () => import('./locales/portal/fr'),
  de: () => import('./locales/portal/de'),
};
/** Once the portal has asked for its messages, a change of language brings them along. */
let portalWanted = false;
const portalLoaded = new Set<Language>();

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
  if (!i18next.hasResourceBundle(language, 'translation')) {
    i18next.addResourceBundle(language, 'translation', (await loaders[language]()).default, true, true);
  }
  if (portalWanted && !portalLoaded.has(language)) {
    i18next.addResourceBundle(language, 'translation', (await portalLoaders[language]()).default, true, true);
    portalLoaded.add(language);
  }
}

/** Whether the portal's messages of the current language are at hand. */
export function portalMessagesLoaded(): boolean {
  return portalLoaded.has(currentLanguage());
}

/** Loads the portal's messages (the logged-in screens), for the current language and every later one. */
export async function loadPortalMessages(): Promise<void> {
  portalWanted = true;
  await ensureLoaded(currentLanguage());
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
