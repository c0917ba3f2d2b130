import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import * as jwt from 'jsonwebtoken';
import { AppConfig, Clock } from '@chancery/core';
import { ACCESS_TOKEN_ALGORITHM, AccessTokenKeys, loadAccessTokenKeys } from './jwt-keys';

/** Short-lived: a withdrawn role is caught per request anyway, this bounds a stolen token. */
export const ACCESS_TOKEN_LIFETIME_SECONDS = 10 * 60;
/** Explicit type (RFC 9068), so no other JWT of ours, or anyone's, passes as an access token. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';
/** Anything longer is refused before any parsing. */
export const MAX_ACCESS_TOKEN_LENGTH = 4096;

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/i;

/**
 * `Bearer <one token>` in an Authorization header, nothing before or after it, and the token itself
 * (three base64url parts) within MAX_ACCESS_TOKEN_LENGTH and written as we write it: otherwise null.
 * Base64url's last character of the signature carries unused low bits, so a few other spellings decode
 * to the same signature; jsonwebtoken accepts them, and a token we did not issue byte for byte would
 * then pass as ours (a deny list, a log search or a hash of the token would not recognise it).
 */
export function bearerTokenIn(authorization: unknown): string | null {
  if (typeof authorization !== 'string') return null;
  const match = BEARER.exec(authorization);
  if (!match || match[1]!.length > MAX_ACCESS_TOKEN_LENGTH) return null;
  const token = match[1]!;
  const signature = token.slice(token.lastIndexOf('.') + 1);
  return Buffer.from(signature, 'base64url').toString('base64url') === signature ? token : null;
}

export interface AccessTokenClaims {
  sub: string;
  /** Session (refresh-token family) the token was issued for. */
  sid: string;
  tid?: string;
  oid?: string;
  roles: string[];
  /** Token version of the account; bumped when it is disabled or a role is withdrawn. */
  tv: number;
}

export interface VerifiedAccessToken extends AccessTokenClaims {
  iat: number;
  exp: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Clock difference tolerated between the instance that issued a token and the one checking it. */
const CLOCK_SKEW_SECONDS = 30;

/**
 * The claims beyond what jsonwebtoken checks: ids are UUIDs, and the token was not issued in the
 * future nor for longer than our lifetime (jsonwebtoken's maxAge counts from `iat`, so a future
 * `iat` would stretch it).
 */
export function hasAccessTokenShape(payload: unknown, nowSeconds: number): payload is VerifiedAccessToken {
  if (typeof payload !== 'object' || payload === null) return false;
  const claims = payload as Partial<VerifiedAccessToken>;
  return (
    typeof claims.sub === 'string' && UUID.test(claims.sub) &&
    typeof claims.sid === 'string' && UUID.test(claims.sid) &&
    (claims.tid === undefined || (typeof claims.tid === 'string' && UUID.test(claims.tid))) &&
    typeof claims.tv === 'number' && Number.isInteger(claims.tv) &&
    Array.isArray(claims.roles) &&
    typeof claims.iat === 'number' && typeof claims.exp === 'number' &&
    claims.iat <= nowSeconds + CLOCK_SKEW_SECONDS &&
    claims.exp - claims.iat <= ACCESS_TOKEN_LIFETIME_SECONDS
  );
}

@Injectable()
export class AccessTokenService {
  private readonly keys: AccessTokenKeys;

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.keys = loadAccessTokenKeys(config);
  }

  get publicKey() {
    return this.keys.publicKey;
  }

  get keyId(): string {
    return this.keys.keyId;
  }

  issue(claims: AccessTokenClaims): { token: string; expiresAt: Date } {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const token = jwt.sign({ ...claims, iat: now, nbf: now, exp: now + ACCESS_TOKEN_LIFETIME_SECONDS }, this.keys.privateKey, {
      algorithm: ACCESS_TOKEN_ALGORITHM,
      issuer: this.config.JWT_ISSUER,
      audience: this.config.JWT_AUDIENCE,
      jwtid: randomUUID(),
      header: { alg: ACCESS_TOKEN_ALGORITHM, typ: ACCESS_TOKEN_TYPE, kid: this.keys.keyId },
    });
    return { token, expiresAt: new Date((now + ACCESS_TOKEN_LIFETIME_SECONDS) * 1000) };
  }

  /**
   * Null for anything that is not a valid access token of ours: wrong algorithm (incl. `none` and
   * HS/ES confusion), signature, issuer, audience, type, key id, expiry or not-before, or shape.
   */
  verify(token: string): VerifiedAccessToken | null {
    if (token.length > MAX_ACCESS_TOKEN_LENGTH) return null;
    try {
      const { header, payload } = jwt.verify(token, this.keys.publicKey, {
        algorithms: [ACCESS_TOKEN_ALGORITHM],
        issuer: this.config.JWT_ISSUER,
        audience: this.config.JWT_AUDIENCE,
        clockTimestamp: Math.floor(this.clock.now().getTime() / 1000),
        maxAge: ACCESS_TOKEN_LIFETIME_SECONDS,
        complete: true,
      });
      if (header.typ !== ACCESS_TOKEN_TYPE || header.kid !== this.keys.keyId) return null;
      return hasAccessTokenShape(payload, Math.floor(this.clock.now().getTime() / 1000)) ? payload : null;
    } catch {
      return null;
    }
  }
}
