import { randomInt } from 'node:crypto';

/** No 0/O, 1/I: a code read aloud or copied from a delivery note is not mistaken. 32 symbols, 8 characters: 2^40 codes. */
export const PUBLIC_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const PUBLIC_CODE_LENGTH = 8;

export function newPublicCode(): string {
  let code = '';
  for (let i = 0; i < PUBLIC_CODE_LENGTH; i += 1) code += PUBLIC_CODE_ALPHABET[randomInt(PUBLIC_CODE_ALPHABET.length)];
  return code;
}

/** A code as typed by a person (lower case, spaces or dashes), or null when it cannot be one. */
export function normalisePublicCode(typed: string): string | null {
  const code = typed.replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== PUBLIC_CODE_LENGTH) return null;
  for (const c of code) if (!PUBLIC_CODE_ALPHABET.includes(c)) return null;
  return code;
}
