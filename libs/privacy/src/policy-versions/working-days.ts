import { DAY_MS } from '@chancery/core';

/**
 * Working days for DigiChambers' rule (004 §1.2): a change of the privacy policy is deemed accepted by
 * whoever has not objected "within three (3) working days" after it was visibly announced.
 *
 * A working day is Monday to Friday that is not a Belgian national public holiday (DigiChambers and
 * the chambers are Belgian; the law of 4 January 1974 lists ten: 1 January, Easter Monday, 1 May,
 * Ascension Day, Whit Monday, 21 July, 15 August, 1 November, 11 November, 25 December). Skipping
 * them only lengthens the window, so a user never loses a day to a holiday. Regional and community
 * holidays (e.g. 11 July) and bridge days are not skipped: they are not days off for every user.
 * Days are calendar days in Europe/Brussels.
 *
 * The deadline keeps the time of day of the publication: published on Friday at 10:00, the three
 * working days are Monday, Tuesday and Wednesday, and the deadline is Wednesday 10:00 (Brussels).
 */
const ZONE = 'Europe/Brussels';

/** The calendar date (y, m 1-12, d) and weekday (0 = Sunday) of an instant in Brussels. */
function brusselsDate(at: Date): { year: number; month: number; day: number; weekday: number } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, year: 'numeric', month: 'numeric', day: 'numeric', weekday: 'short' }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
  return { year: Number(get('year')), month: Number(get('month')), day: Number(get('day')), weekday };
}

/** Easter Sunday (Gregorian), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

const key = (month: number, day: number) => `${month}-${day}`;

/** The ten Belgian national public holidays of a year, as `month-day` keys. */
export function belgianPublicHolidays(year: number): Set<string> {
  const easter = easterSunday(year);
  const easterUtc = Date.UTC(year, easter.month - 1, easter.day);
  const afterEaster = (days: number) => {
    const date = new Date(easterUtc + days * DAY_MS);
    return key(date.getUTCMonth() + 1, date.getUTCDate());
  };
  return new Set([
    key(1, 1), afterEaster(1), key(5, 1), afterEaster(39), afterEaster(50),
    key(7, 21), key(8, 15), key(11, 1), key(11, 11), key(12, 25),
  ]);
}

export function isWorkingDay(at: Date): boolean {
  const date = brusselsDate(at);
  if (date.weekday === 0 || date.weekday === 6) return false;
  return !belgianPublicHolidays(date.year).has(key(date.month, date.day));
}

/**
 * The instant `workingDays` working days after `from`, at the same Brussels time of day. Days are
 * stepped by 24 hours from noon-safe points, so a daylight-saving change does not skip or repeat a
 * day; the result is then set back to the original wall-clock time.
 */
export function addWorkingDays(from: Date, workingDays: number): Date {
  let cursor = from;
  let counted = 0;
  while (counted < workingDays) {
    cursor = new Date(cursor.getTime() + DAY_MS);
    if (isWorkingDay(cursor)) counted += 1;
  }
  // Stepping by 24 h keeps UTC time; across a DST change the Brussels wall-clock time moves by an hour. Put it back.
  return new Date(cursor.getTime() + (offsetMinutes(from) - offsetMinutes(cursor)) * 60_000);
}

/** Minutes Brussels is ahead of UTC at an instant (60 in winter, 120 in summer). */
function offsetMinutes(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/** DigiChambers' window: three working days. */
export const POLICY_OBJECTION_WORKING_DAYS = 3;
