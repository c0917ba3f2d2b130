import type { Language } from '@chancery/notifications';

const namers = new Map<string, Intl.DisplayNames>();

/**
 * A country's name in a locale ("Belgique" for BE in fr-BE), from Intl (CLDR); the code itself when
 * Intl knows no name or the code is not a region code. The signed content keeps the code.
 */
export function countryName(code: string, locale: string): string {
  let namer = namers.get(locale);
  if (!namer) namers.set(locale, (namer = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' })));
  try {
    return namer.of(code) ?? code;
  } catch {
    return code; // not a well-formed region code: as it was signed
  }
}

/**
 * Countries by name and numbers with the locale's decimal mark ("Belgique", "10,5"), as a customs
 * officer reads them, on the printed certificate and on the verification page; the signed content
 * keeps the ISO codes and the numbers. No digit grouping: "1.250" reads as 1.25 to half of the
 * certificate's readers. Three decimals at most, as the application form accepts: a number is shown
 * as it was signed.
 */
export function readerFormats(language: Language): ReaderFormats {
  let formats = formatsByLanguage.get(language);
  if (!formats) {
    const locale = READER_LOCALES[language];
    const numbers = new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 3 });
    formatsByLanguage.set(language, (formats = { country: (code) => countryName(code, locale), number: (value) => numbers.format(value) }));
  }
  return formats;
}

export interface ReaderFormats {
  country: (code: string) => string;
  number: (value: number) => string;
}

/** Where a certificate's reader is: Belgian Dutch, French and German (the chambers' own), and English. */
const READER_LOCALES: Record<Language, string> = { en: 'en', nl: 'nl-BE', fr: 'fr-BE', de: 'de-BE' };
const formatsByLanguage = new Map<Language, ReaderFormats>();
