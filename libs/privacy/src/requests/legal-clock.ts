import { DAY_MS } from '@chancery/core';

/**
 * The legal clock of data-subject requests (GDPR Art. 12(3); SPEC §5): answered within one month of
 * receipt, extendable once by up to two further months. "One month" is a calendar month (Regulation
 * 1182/71 Art. 3(2)(c)): the same day of the next month, or that month's last day when it is shorter
 * (31 January → 28 or 29 February). Days are counted in UTC: a date is `YYYY-MM-DD`.
 */
export type DeadlineRule = 'ONE_MONTH' | 'THIRTY_DAYS';

export const MAX_EXTENSION_MONTHS = 2;

/** The calendar day of an instant, in UTC. */
export function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** `day` plus whole calendar months, clamped to the last day of a shorter month. */
export function addCalendarMonths(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const targetMonthIndex = month - 1 + months;
  const lastDay = new Date(Date.UTC(year, targetMonthIndex + 1, 0)).getUTCDate();
  return dayOf(new Date(Date.UTC(year, targetMonthIndex, Math.min(date, lastDay))));
}

export function addDays(day: string, days: number): string {
  return dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
}

/** The first deadline of a request received at `receivedAt`. */
export function firstDeadline(receivedAt: Date, rule: DeadlineRule = 'ONE_MONTH'): string {
  const received = dayOf(receivedAt);
  return rule === 'THIRTY_DAYS' ? addDays(received, 30) : addCalendarMonths(received, 1);
}

/** The deadline after an extension of `months` (1 or 2), counted from the first deadline. */
export function extendedDeadline(firstDue: string, months: number): string {
  return addCalendarMonths(firstDue, months);
}

/** Overdue once the day after the due day has begun. */
export function isOverdue(dueOn: string, now: Date): boolean {
  return dayOf(now) > dueOn;
}
