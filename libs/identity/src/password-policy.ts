import { IdentityErrors } from './identity.errors';

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
  if (reason) throw IdentityErrors.PASSWORD_TOO_WEAK(reason, { field });
}

/** The part before the @, when long enough to matter (a one-letter mailbox is in every password). */
function containsMailbox(password: string, email?: string): boolean {
  const mailbox = email?.toLowerCase().split('@')[0] ?? '';
  return mailbox.length >= 4 && password.toLowerCase().includes(mailbox);
}
