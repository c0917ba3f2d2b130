import { generateSecret, generateSync, generateURI, verifySync } from 'otplib';

/** TOTP (RFC 6238) as authenticator apps do it: SHA-1, 6 digits, 30-second steps, ±1 step of drift. */
export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, account: string): string {
  return generateURI({ issuer: 'Chancery', label: account, secret });
}

export function totpCodeAt(secret: string, at: Date): string {
  return generateSync({ secret, epoch: Math.floor(at.getTime() / 1000) });
}

/**
 * The time step (30-second interval since the epoch) of a valid code, or null. `after`: the last
 * step already used by the account; a code of that step or an earlier one is refused (RFC 6238 §5.2:
 * a verifier must not accept the second attempt of a code).
 */
export function totpStepOf(secret: string, code: string, at: Date, after: number | null = null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const result = verifySync({ secret, token: code, epoch: Math.floor(at.getTime() / 1000), epochTolerance: 30, afterTimeStep: after ?? undefined });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}
