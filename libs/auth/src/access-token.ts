import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import * as jwt from 'jsonwebtoken';
import { AppConfig, Clock, Role } from '@chancery/core';
import { ACCESS_TOKEN_ALGORITHM, AccessTokenKeys, loadAccessTokenKeys } from './jwt-keys';

/** Short-lived: a withdrawn role is caught per request anyway, this bounds a stolen token. */
export const ACCESS_TOKEN_LIFETIME_SECONDS = 10 * 60;
/** Explicit type (RFC 9068), so no other JWT of ours, or anyone's, passes as an access token. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';
/** Anything longer is refused before any parsing. */
export const MAX_ACCESS_TOKEN_LENGTH = 4096;

export interface AccessTokenClaims {
  sub: string;
  /** Session (refresh-token family) the token was issued for. */
  sid: string;
  tid?: string;
  oid?: string;
  roles: Role[];
  /** Token version of the account; bumped when it is disabled or a role is withdrawn. */
  tv: number;
}

export interface VerifiedAccessToken extends AccessTokenClaims {
  iat: number;
  exp: number;
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
      if (header.typ !== ACCESS_TOKEN_TYPE || header.kid !== this.keys.keyId || typeof payload !== 'object') return null;
      const claims = payload as Partial<VerifiedAccessToken>;
      const validShape =
        typeof claims.sub === 'string' &&
        typeof claims.sid === 'string' &&
        typeof claims.tv === 'number' &&
        Array.isArray(claims.roles) &&
        typeof claims.exp === 'number' &&
        typeof claims.iat === 'number';
      return validShape ? (claims as VerifiedAccessToken) : null;
    } catch {
      return null;
    }
  }
}
