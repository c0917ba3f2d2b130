import * as argon2 from 'argon2';
import { BadUserInputError } from '@chancery/core';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Length over composition rules (NIST SP 800-63B): at least 12 characters, at most 128, not the
 * e-mail address or a run of one character.
 */
export function assertAcceptablePassword(password: string, field: string, email?: string): void {
  const reason =
    password.length < PASSWORD_MIN_LENGTH
      ? `must be at least ${PASSWORD_MIN_LENGTH} characters long`
      : password.length > PASSWORD_MAX_LENGTH
        ? `must be at most ${PASSWORD_MAX_LENGTH} characters long`
        : containsMailbox(password, email)
          ? 'must not contain the e-mail address'
          : new Set(password).size < 4
            ? 'is too easy to guess'
            : null;
  if (reason) throw BadUserInputError.field(field, reason, 'passwordPolicy');
}

/** The part before the @, when long enough to matter (a one-letter mailbox is in every password). */
function containsMailbox(password: string, email?: string): boolean {
  const mailbox = email?.toLowerCase().split('@')[0] ?? '';
  return mailbox.length >= 4 && password.toLowerCase().includes(mailbox);
}

/** argon2id with the library's defaults (64 MiB, 3 passes), which follow RFC 9106's second choice. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  // Compare against a real hash even when there is none, so the answer takes the same time.
  const target = hash ?? DUMMY_HASH;
  const ok = await argon2.verify(target, password).catch(() => false);
  return ok && hash !== null;
}

const DUMMY_HASH = '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$2m7N6bQ0u7Ow0Zl7p1i0Pq6eW4J3Kx0Yq1gqgk1b6xM';
