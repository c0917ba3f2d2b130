/**
 * Shared helpers for the token tests (T8, T9, T10): a small JWS signer over node:crypto (so a forged
 * token differs from a genuine one in exactly the part a case tampers with), GraphQL calls used by
 * several files, and refresh-token plumbing.
 */
import { createHash, createHmac, generateKeyPairSync, KeyObject, sign as cryptoSign } from 'node:crypto';
import * as jwt from 'jsonwebtoken';
import { parseSecret } from '@chancery/core';
import { GraphQLResponse, IdentityFactory, TestApp, TestSession, TestUser } from '@chancery/testing';

export const ME = '{ me { id email roles } }';
export const MANAGED_USERS = '{ managedUsers { id } }';
export const REFRESH =
  'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }';
export const LOGOUT = 'mutation { logout }';
export const LOGOUT_EVERYWHERE = 'mutation { logoutEverywhere }';

export type Json = Record<string, unknown>;

export function b64url(value: Buffer | string): string {
  return Buffer.from(value).toString('base64url');
}

export function b64json(value: unknown): string {
  return b64url(JSON.stringify(value));
}

/** Header and payload of a compact JWS, without checking anything. */
export function parts(token: string): { header: Json; payload: Json; signature: string } {
  const [h, p, s] = token.split('.');
  return {
    header: JSON.parse(Buffer.from(h!, 'base64url').toString()) as Json,
    payload: JSON.parse(Buffer.from(p!, 'base64url').toString()) as Json,
    signature: s ?? '',
  };
}

export type Signer = (signingInput: string) => Buffer;

/** ES256/ES384 with the JOSE signature encoding (r||s), RS256, EdDSA, HS256. */
export const signers = {
  es256:
    (key: KeyObject): Signer =>
    (input) =>
      cryptoSign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' }),
  es384:
    (key: KeyObject): Signer =>
    (input) =>
      cryptoSign('sha384', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' }),
  rs256:
    (key: KeyObject): Signer =>
    (input) =>
      cryptoSign('sha256', Buffer.from(input), key),
  eddsa:
    (key: KeyObject): Signer =>
    (input) =>
      cryptoSign(null, Buffer.from(input), key),
  hs256:
    (secret: string | Buffer): Signer =>
    (input) =>
      createHmac('sha256', secret).update(input).digest(),
};

export function signJws(header: Json, payload: Json, signer: Signer | null): string {
  const input = `${b64json(header)}.${b64json(payload)}`;
  return `${input}.${signer ? b64url(signer(input)) : ''}`;
}

export function newKey(kind: 'p256' | 'p384' | 'rsa' | 'ed25519'): {
  privateKey: KeyObject;
  publicKey: KeyObject;
} {
  switch (kind) {
    case 'p256':
      return generateKeyPairSync('ec', { namedCurve: 'P-256' });
    case 'p384':
      return generateKeyPairSync('ec', { namedCurve: 'P-384' });
    case 'rsa':
      return generateKeyPairSync('rsa', { modulusLength: 2048 });
    case 'ed25519':
      return generateKeyPairSync('ed25519');
  }
}

/** The key id the app derives from its public key (jwt-keys.ts): SHA-256 of the SPKI DER, base64url, 16 chars. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64url')
    .slice(0, 16);
}

/**
 * A signing key the test configures as the app's JWT_PRIVATE_KEY, as production does, so claim-level
 * cases (wrong iss/aud/typ, nbf, iat) carry a genuine signature and are refused for that claim alone.
 */
export function appSigningKey(): { privateKey: KeyObject; pem: string; keyId: string } {
  const { privateKey, publicKey } = newKey('p256');
  return {
    privateKey,
    pem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    keyId: keyIdOf(publicKey),
  };
}

export function decodeAccessToken(token: string): jwt.JwtPayload & { sid: string; tid?: string; tv: number } {
  const decoded = jwt.decode(token);
  if (!decoded || typeof decoded !== 'object') throw new Error('not a JWT');
  return decoded as jwt.JwtPayload & { sid: string; tid?: string; tv: number };
}

export function codes(response: GraphQLResponse<unknown>): string[] {
  return (response.errors ?? []).map((error) => String(error.extensions?.code));
}

/** What a refusal is made of, for toEqual: status class, data, error codes. */
export function outcome(response: GraphQLResponse<unknown>): {
  status: string;
  data: unknown;
  codes: string[];
} {
  return {
    status: response.status < 500 ? 'below 500' : String(response.status),
    data: response.data ?? null,
    codes: codes(response),
  };
}

export const REFUSED = { status: 'below 500', data: null, codes: ['UNAUTHENTICATED'] };

export function me(app: TestApp, token: string) {
  return app.graphql<{ me: { id: string; email: string; roles: string[] } }>(ME, {}, { token });
}

export function refresh(app: TestApp, refreshToken: string) {
  return app.graphql<{ refreshSession: TestSession }>(REFRESH, { t: refreshToken });
}

/**
 * Whether the server can parse this refresh token at all. Found while writing these tests (commit
 * b815d4e): issueSecret() makes the random part base64url, which may contain `_`, and parseSecret()
 * split on `_`, so about half of all refresh tokens could never be used. refresh-rotation's first test
 * guards that. The other rotation/revocation tests must check their own rule, not that bug: refusing
 * a token the server cannot even parse would make their "refused" assertions vacuous, so they only use
 * tokens the app's own parser accepts. With the parser fixed every token is usable and nothing retries.
 */
export function usable(refreshToken: string): boolean {
  return parseSecret(refreshToken, 'rt') !== null;
}

/** A login whose refresh token the server can parse (see `usable`). */
export async function loginUsable(factory: IdentityFactory, user: TestUser): Promise<TestSession> {
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const session = await factory.login(user);
    if (usable(session.refreshToken)) return session;
  }
  throw new Error('no parseable refresh token in 40 logins');
}

/**
 * A session rotated `rotations` times, every refresh token of it parseable (see `usable`): the chain
 * of sessions, oldest first (index 0 is the login). A chain that hits an unparseable token is
 * abandoned and a new login started.
 */
export async function usableChain(
  app: TestApp,
  factory: IdentityFactory,
  user: TestUser,
  rotations: number,
): Promise<TestSession[]> {
  attempts: for (let attempt = 0; attempt < 40; attempt += 1) {
    const chain = [await loginUsable(factory, user)];
    for (let i = 0; i < rotations; i += 1) {
      const response = await refresh(app, chain[chain.length - 1]!.refreshToken);
      if (!response.data?.refreshSession)
        throw new Error(`refresh of a parseable, unused token failed: ${JSON.stringify(response.errors)}`);
      chain.push(response.data.refreshSession);
      if (!usable(response.data.refreshSession.refreshToken)) continue attempts;
    }
    return chain;
  }
  throw new Error(`no chain of ${rotations} parseable refresh tokens in 40 logins`);
}
