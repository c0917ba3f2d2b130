import { randomInt } from 'node:crypto';

/** How many recovery codes an account gets at a time. */
export const RECOVERY_CODE_COUNT = 10;

/** RFC 4648 base32: no 0, 1, 8 or 9 to mistake for O, I, B or g when typed from paper. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * A recovery code as typed: two groups of five base32 characters, the dash and case optional
 * ("abcde fghij" too). 50 bits of randomness each.
 */
export const RECOVERY_CODE_PATTERN = /^\s*[A-Za-z2-7]{5}[\s-]?[A-Za-z2-7]{5}\s*$/;

/** New codes, `XXXXX-XXXXX`, from the operating system's random source (`randomInt` is uniform). */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** The code's canonical form (upper case, no separator), what is hashed; null when it is not one. */
export function canonicalRecoveryCode(typed: string): string | null {
  if (!RECOVERY_CODE_PATTERN.test(typed)) return null;
  return typed.replace(/[\s-]/g, '').toUpperCase();
}
