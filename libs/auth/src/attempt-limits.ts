import { DAY_MS } from '@chancery/core';
import { createHash } from 'node:crypto';
import type { FailureCount } from './repositories/login-throttle.repository';

/**
 * How failed attempts are limited (#14: slow guessing down without letting a stranger deny a person
 * their account). Counters live in `login_throttle`, each under a key hashing what it counts.
 *
 * - One account from one client address: 5 failures stop that address for the rest of the
 *   15-minute window. The owner elsewhere is not affected.
 * - One account from anywhere: from the 10th failure in the window, attempts are spaced by a
 *   back-off (1 s, doubling per failure, at most 60 s). Attempts within it are refused without the
 *   password being judged (nothing to learn) and without being counted. The owner's usual address
 *   (a successful login from it in the last 30 days) is not slowed down.
 * - Never refused: the right password with an unused second-factor code.
 * - Step-up (and the current password of a password change): 5 failures per session, 10 per account.
 * - The right password with a wrong second-factor code, 5 times in the window: someone else has the
 *   password. Until the window ends only the owner's usual address logs in (even with the complete
 *   proof), and the owner is told by e-mail.
 * - An attempt is counted as a failure before it is judged, under a lock per account, and given back
 *   when it succeeds: attempts sent at the same moment cannot all be judged on the count from before
 *   them. A login without a tenant counts against every tenant's account it is judged against.
 */
export const ATTEMPT_WINDOW_MS = 15 * 60_000;
export const LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS = 5;
export const LOGIN_FAILURES_BEFORE_ACCOUNT_BACKOFF = 10;
export const MAX_ACCOUNT_BACKOFF_MS = 60_000;
export const USUAL_ADDRESS_MS = 30 * DAY_MS;
export const STEP_UP_FAILURES_PER_SESSION = 5;
export const STEP_UP_FAILURES_PER_ACCOUNT = 10;
export const SECOND_FACTOR_FAILURES_PER_ACCOUNT = 5;
/**
 * A counter outlives its window by this much, then the nightly retention sweep deletes it: it counts
 * nothing after its window, and its key hashes an e-mail address with a client address.
 */
export const COUNTER_KEPT_AFTER_WINDOW_MS = DAY_MS;

/** The counter key of what is counted (its parts joined); a hash, so no address or e-mail is stored. */
export function attemptKey(...parts: string[]): Buffer {
  return createHash('sha256').update(parts.join('\u0000')).digest();
}

/** Milliseconds until the account's back-off lets the next attempt in (0: now). */
export function accountBackoffRemainingMs(account: FailureCount, now: Date): number {
  if (account.failures < LOGIN_FAILURES_BEFORE_ACCOUNT_BACKOFF || !account.lastFailureAt) return 0;
  const interval = Math.min(MAX_ACCOUNT_BACKOFF_MS, 1000 * 2 ** (account.failures - LOGIN_FAILURES_BEFORE_ACCOUNT_BACKOFF));
  return Math.max(0, account.lastFailureAt.getTime() + interval - now.getTime());
}

/** Milliseconds until the counter's window ends. */
export function windowRemainingMs(count: FailureCount, now: Date): number {
  return count.windowStart ? Math.max(0, count.windowStart.getTime() + ATTEMPT_WINDOW_MS - now.getTime()) : 0;
}

export function secondsFrom(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
