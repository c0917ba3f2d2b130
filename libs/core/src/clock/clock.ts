/**
 * The one source of "now". Services take it by injection so tests can move time (legal clocks,
 * token expiry, retention) without sleeping.
 */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A day of elapsed time (24 hours): deadlines counted in days from an instant. */
export const DAY_MS = 86_400_000;

/** The instant `days` days (of 24 hours) after `at`; legal calendar rules (a month, working days) are in privacy. */
export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY_MS);
}

/** A clock tests set and advance by hand. */
export class FixedClock extends Clock {
  constructor(private current: Date = new Date()) {
    super();
  }
  now(): Date {
    return new Date(this.current.getTime());
  }
  set(at: Date): void {
    this.current = new Date(at.getTime());
  }
  advance(milliseconds: number): void {
    this.current = new Date(this.current.getTime() + milliseconds);
  }
}
