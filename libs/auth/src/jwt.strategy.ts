import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { JwtHeader } from 'jsonwebtoken';
import { Strategy } from 'passport-jwt';
import { Actor, AppConfig, Clock, UnauthenticatedError } from '@chancery/core';
import type { HttpRequest } from '@chancery/core';
import { ACCESS_TOKEN_LIFETIME_SECONDS, ACCESS_TOKEN_TYPE, AccessTokenService, bearerTokenIn, hasAccessTokenShape } from './access-token';
import { ACCESS_TOKEN_ALGORITHM } from './jwt-keys';
import { SessionStateService } from './session-state.service';

/** The request's bearer token: exactly `Bearer <one token>`, as we issue it (bearerTokenIn). */
export function bearerTokenOf(req: HttpRequest): string | null {
  return bearerTokenIn(req.headers.authorization);
}

/** Set on the request by the guard: whether the session check may open the request's held unit of work. */
export const HOLD_FOR_REQUEST = Symbol('chancery.holdUnitOfWorkForRequest');

/**
 * passport-jwt checks algorithm (allow-list), signature, issuer, audience, expiry and not-before, in
 * one pass with the parsed public key (never re-parsed per request); `validate` receives the whole
 * verified token and adds what RFC 8725 asks beyond that (explicit type, our key id, claim shapes)
 * and what a signature cannot know: whether the account, the session and the roles are as they were.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  private readonly keyId: string;

  constructor(
    config: AppConfig,
    private readonly clock: Clock,
    accessTokens: AccessTokenService,
    private readonly sessions: SessionStateService,
  ) {
    super({
      jwtFromRequest: bearerTokenOf,
      // The parsed key: jsonwebtoken takes a KeyObject as it is (passport-jwt's types only know PEM strings).
      secretOrKey: accessTokens.publicKey as unknown as string,
      algorithms: [ACCESS_TOKEN_ALGORITHM],
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      // The header comes with the payload, so the token is decoded once.
      jsonWebTokenOptions: { maxAge: ACCESS_TOKEN_LIFETIME_SECONDS, complete: true },
      passReqToCallback: true,
    });
    // Expiry is judged by the injected clock, so tests can move time; passport-jwt copies its
    // options once, so "now" is made a live property of that copy.
    const verifyOptions = (this as unknown as { _verifOpts: Record<string, unknown> })._verifOpts;
    Object.defineProperty(verifyOptions, 'clockTimestamp', { enumerable: true, get: () => Math.floor(clock.now().getTime() / 1000) });
    this.keyId = accessTokens.keyId;
  }

  async validate(req: HttpRequest & { [HOLD_FOR_REQUEST]?: boolean }, verified: { header?: JwtHeader; payload?: unknown }): Promise<Actor> {
    const { header, payload } = verified ?? {};
    if (!header || header.typ !== ACCESS_TOKEN_TYPE || header.kid !== this.keyId) throw new UnauthenticatedError('Invalid access token');
    if (!hasAccessTokenShape(payload, Math.floor(this.clock.now().getTime() / 1000))) throw new UnauthenticatedError('Invalid access token');
    const actor = await this.sessions.actorForAccessToken(
      { userId: payload.sub, sessionId: payload.sid, tenantId: typeof payload.tid === 'string' ? payload.tid : undefined, tokenVersion: payload.tv },
      { holdForRequest: req[HOLD_FOR_REQUEST] === true },
    );
    if (!actor) throw new UnauthenticatedError('Session ended');
    return actor;
  }
}
