/** The portal's languages (the API's too: apiInfo.languages). */
export const LANGUAGES = ['nl', 'fr', 'de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Names of the languages in themselves, for the language menu. */
export const LANGUAGE_NAMES: Record<Language, string> = { nl: 'Nederlands', fr: 'Français', de: 'Deutsch', en: 'English' };

/** Locale for dates, numbers and country names: Belgian conventions, British English. */
export const FORMAT_LOCALE: Record<Language, string> = { nl: 'nl-BE', fr: 'fr-BE', de: 'de-BE', en: 'en-GB' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
