import { randomUUID } from 'node:crypto';
import * as jwt from 'jsonwebtoken';
import type { AppConfig } from '@chancery/core';
import {
  ACCESS_TOKEN_LIFETIME_SECONDS,
  ACCESS_TOKEN_TYPE,
  AccessTokenClaims,
  bearerTokenIn,
  hasAccessTokenShape,
  VerifiedAccessToken,
} from '@chancery/auth/access-token';
import { ACCESS_TOKEN_ALGORITHM, AccessTokenKeys, loadAccessTokenKeys } from '@chancery/auth/jwt-keys';

/**
 * The baseline's access tokens, checked as the API checks them (RFC 8725): ES256 only, with the key
 * parsed once (a KeyObject), issuer, audience, expiry, not-before and maximum age by jsonwebtoken,
 * then explicit type `at+jwt`, our key id and the claims' shape. Keys come from the same PEM as the
 * API's (JWT_PRIVATE_KEY), with the same key id.
 */
export class BaselineTokens {
  private readonly keys: AccessTokenKeys;

  constructor(
    privateKeyPem: string,
    private readonly issuer = 'chancery',
    private readonly audience = 'chancery-api',
  ) {
    this.keys = loadAccessTokenKeys({ JWT_PRIVATE_KEY: privateKeyPem } as AppConfig);
  }

  /** The verified claims of the request's bearer token, or null for anything else. */
  verifyHeader(authorization: string | undefined): VerifiedAccessToken | null {
    // The API's rule for the header and the token's spelling (bearerTokenOf in jwt.strategy.ts).
    const token = bearerTokenIn(authorization);
    if (!token) return null;
    const now = Math.floor(Date.now() / 1000);
    try {
      const { header, payload } = jwt.verify(token, this.keys.publicKey, {
        algorithms: [ACCESS_TOKEN_ALGORITHM],
        issuer: this.issuer,
        audience: this.audience,
        clockTimestamp: now,
        maxAge: ACCESS_TOKEN_LIFETIME_SECONDS,
        complete: true,
      });
      if (header.typ !== ACCESS_TOKEN_TYPE || header.kid !== this.keys.keyId) return null;
      return hasAccessTokenShape(payload, now) ? payload : null;
    } catch {
      return null;
    }
  }

  /** A new access token, signed as AccessTokenService.issue signs them. */
  issue(claims: AccessTokenClaims): { token: string; expiresAt: Date } {
    const now = Math.floor(Date.now() / 1000);
    const token = jwt.sign(
      { ...claims, iat: now, nbf: now, exp: now + ACCESS_TOKEN_LIFETIME_SECONDS },
      this.keys.privateKey,
      {
        algorithm: ACCESS_TOKEN_ALGORITHM,
        issuer: this.issuer,
        audience: this.audience,
        jwtid: randomUUID(),
        header: { alg: ACCESS_TOKEN_ALGORITHM, typ: ACCESS_TOKEN_TYPE, kid: this.keys.keyId },
      },
    );
    return { token, expiresAt: new Date((now + ACCESS_TOKEN_LIFETIME_SECONDS) * 1000) };
  }
}
