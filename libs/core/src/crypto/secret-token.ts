import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Opaque secrets handed to people and machines (refresh tokens, invitations, e-mail confirmation,
 * password reset, API keys): `<kind>_<tenant>_<random>`. Only a SHA-256 of the whole string is
 * stored. The tenant part lets the server open the right tenant's transaction before looking the
 * hash up, so row-level security holds even for callers without a session; forging it finds nothing.
 */
export type SecretKind = 'rt' | 'inv' | 'ect' | 'prt' | 'key' | 'dsr' | 'dse';

const PLATFORM = 'platform';
const UUID_COMPACT = /^[0-9a-f]{32}$/;

export interface ParsedSecret {
  kind: SecretKind;
  /** Undefined for the platform operator's own secrets. */
  tenantId?: string;
  hash: Buffer;
}

export function issueSecret(kind: SecretKind, tenantId: string | null | undefined): { token: string; hash: Buffer } {
  const tenantPart = tenantId ? tenantId.replace(/-/g, '') : PLATFORM;
  const token = `${kind}_${tenantPart}_${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashSecret(token) };
}

export function hashSecret(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Null for anything that is not one of our secrets of the expected kind. */
export function parseSecret(token: unknown, expected: SecretKind): ParsedSecret | null {
  if (typeof token !== 'string' || token.length > 200) return null;
  // The random part is base64url, which may itself contain '_': split off the first two parts only.
  const [kind, tenantPart] = token.split('_', 2);
  const random = token.slice(`${kind}_${tenantPart}_`.length);
  if (kind !== expected || !/^[A-Za-z0-9_-]{43}$/.test(random)) return null;
  if (tenantPart !== PLATFORM && !UUID_COMPACT.test(tenantPart ?? '')) return null;
  const tenantId =
    tenantPart === PLATFORM
      ? undefined
      : `${tenantPart.slice(0, 8)}-${tenantPart.slice(8, 12)}-${tenantPart.slice(12, 16)}-${tenantPart.slice(16, 20)}-${tenantPart.slice(20)}`;
  return { kind, tenantId, hash: hashSecret(token) };
}

export function sameHash(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
