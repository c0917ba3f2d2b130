import type { Language } from './email-template';

/** The recipients are Belgian chambers, certification bodies and their companies: Belgian usage per language. */
const LOCALE: Record<Language, string> = { nl: 'nl-BE', fr: 'fr-BE', de: 'de-BE', en: 'en-GB' };
/** The platform's users work in Belgium: a moment is told in Belgian time, with the zone's name. */
const ZONE = 'Europe/Brussels';

/**
 * A moment as the recipient reads it in their language, e.g. "7 December 2026 at 00:30 CET" or
 * "7 december 2026 om 00:30 CET", not an ISO timestamp in UTC.
 */
export function emailMoment(at: string | Date, language: Language): string {
  return new Intl.DateTimeFormat(LOCALE[language], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: ZONE,
    timeZoneName: 'short',
  }).format(new Date(at));
}

/** A calendar day (`YYYY-MM-DD`, or the day of a moment in Belgian time) as the recipient reads it, e.g. "6 December 2026". */
export function emailDay(day: string | Date, language: Language): string {
  const iso = typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day);
  return new Intl.DateTimeFormat(LOCALE[language], { dateStyle: 'long', timeZone: iso ? 'UTC' : ZONE }).format(iso ? new Date(`${day}T00:00:00Z`) : new Date(day));
}
