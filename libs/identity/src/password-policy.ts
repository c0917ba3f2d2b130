import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { IdentityErrors } from './identity.errors';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * zxcvbn's lowest score that is "safely unguessable" against an online attack and a slow hash offline
 * (about 10^8 guesses): below it are the known passwords (its list of about 50,000 common ones),
 * keyboard rows, sequences, repeats and dates, also when made from the person's own address.
 */
const MINIMUM_STRENGTH = 3;

let estimator: ZxcvbnFactory | undefined;
/**
 * Loaded and built on first use, once per process: the dictionaries take about 14 MiB, which a process
 * that never sets a password (a worker, most API replicas most of the time) should not carry from start-up.
 */
function strengthOf(password: string, email?: string): number {
  if (!estimator) {
    /* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, see above */
    const { ZxcvbnFactory } = require('@zxcvbn-ts/core') as typeof import('@zxcvbn-ts/core');
    const { adjacencyGraphs, dictionary } = require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
    /* eslint-enable @typescript-eslint/no-require-imports */
    estimator = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  }
  const ownWords = (email?.toLowerCase() ?? '').split(/[@.+_-]/).filter((word) => word.length >= 3);
  return estimator.check(password, ownWords).score;
}

/**
 * Length over composition rules (NIST SP 800-63B §5.1.1.2): at least 12 characters, at most 128, not
 * the e-mail address, and not a known or easily guessed password (zxcvbn).
 */
export function assertAcceptablePassword(password: string, field: string, email?: string): void {
  const reason =
    password.length < PASSWORD_MIN_LENGTH
      ? `must be at least ${PASSWORD_MIN_LENGTH} characters long`
      : password.length > PASSWORD_MAX_LENGTH
        ? `must be at most ${PASSWORD_MAX_LENGTH} characters long`
        : containsMailbox(password, email)
          ? 'must not contain the e-mail address'
          : new Set(password).size < 4 || strengthOf(password, email) < MINIMUM_STRENGTH
            ? 'is too easy to guess'
            : null;
  if (reason) throw IdentityErrors.PASSWORD_TOO_WEAK(reason, { field });
}

/** The part before the @, when long enough to matter (a one-letter mailbox is in every password). */
function containsMailbox(password: string, email?: string): boolean {
  const mailbox = email?.toLowerCase().split('@')[0] ?? '';
  return mailbox.length >= 4 && password.toLowerCase().includes(mailbox);
}
