import { useTranslation } from 'react-i18next';
import { FORMAT_LOCALE, isLanguage, type Language } from './languages';

/** Dates, numbers, countries and languages in the reader's locale (Intl, no library). */
export interface Formatters {
  language: Language;
  locale: string;
  dateTime(iso: string | null | undefined): string;
  date(iso: string | null | undefined): string;
  time(iso: string | null | undefined): string;
  number(value: number): string;
  /** A technical value as it was given, every decimal kept, with the reader's decimal mark and no digit grouping ("0,022", "1200"). */
  measure(value: number): string;
  country(code: string | null | undefined): string;
  languageName(code: string): string;
}

const cache = new Map<string, Formatters>();

export function formattersFor(language: Language): Formatters {
  const cached = cache.get(language);
  if (cached) return cached;
  const locale = FORMAT_LOCALE[language];
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long' });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
  const number = new Intl.NumberFormat(locale);
  const measure = new Intl.NumberFormat(locale, { maximumFractionDigits: 20, useGrouping: false });
  const regions = new Intl.DisplayNames([locale], { type: 'region' });
  const languages = new Intl.DisplayNames([locale], { type: 'language' });
  const parse = (iso: string | null | undefined) => (iso ? new Date(iso) : null);
  const formatters: Formatters = {
    language,
    locale,
    dateTime: (iso) => (parse(iso) ? dateTime.format(parse(iso)!) : ''),
    date: (iso) => (parse(iso) ? date.format(parse(iso)!) : ''),
    time: (iso) => (parse(iso) ? time.format(parse(iso)!) : ''),
    number: (value) => number.format(value),
    measure: (value) => measure.format(value),
    country: (code) => {
      if (!code) return '';
      try {
        return regions.of(code.toUpperCase()) ?? code;
      } catch {
        return code;
      }
    },
    languageName: (code) => {
      try {
        return languages.of(code) ?? code;
      } catch {
        return code;
      }
    },
  };
  cache.set(language, formatters);
  return formatters;
}

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return formattersFor(isLanguage(i18n.language) ? i18n.language : 'en');
}

/** Countries offered in address forms: the EU and EEA, Switzerland and the United Kingdom. */
export const ADDRESS_COUNTRIES = [
  'AT', 'BE', 'BG', 'CH', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GB', 'GR', 'HR', 'HU', 'IE',
  'IS', 'IT', 'LI', 'LT', 'LU', 'LV', 'MT', 'NL', 'NO', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
] as const;

/** Country codes sorted by their name in the reader's language. */
export function sortedCountries(format: Formatters): Array<{ code: string; name: string }> {
  const collator = new Intl.Collator(format.locale);
  return ADDRESS_COUNTRIES.map((code) => ({ code, name: format.country(code) })).sort((a, b) => collator.compare(a.name, b.name));
}
