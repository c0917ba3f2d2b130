import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import * as jwt from 'jsonwebtoken';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { Actor, AppConfig, Clock, UnauthenticatedError } from '@chancery/core';
import {
  ACCESS_TOKEN_LIFETIME_SECONDS,
  ACCESS_TOKEN_TYPE,
  AccessTokenService,
  hasAccessTokenShape,
  MAX_ACCESS_TOKEN_LENGTH,
} from './access-token';
import { ACCESS_TOKEN_ALGORITHM } from './jwt-keys';
import { SessionStateService } from './session-state.service';

const bearer = ExtractJwt.fromAuthHeaderAsBearerToken();

/**
 * passport-jwt checks algorithm (allow-list), signature, issuer, audience, expiry and not-before;
 * `validate` adds what RFC 8725 asks beyond that (explicit type, our key id, claim shapes) and what
 * a signature cannot know: whether the account, the session and the roles are still as they were.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: AppConfig,
    clock: Clock,
    accessTokens: AccessTokenService,
    private readonly sessions: SessionStateService,
  ) {
    super({
      jwtFromRequest: (req: Request) => {
        const token = bearer(req);
        return token && token.length <= MAX_ACCESS_TOKEN_LENGTH ? token : null;
      },
      secretOrKey: accessTokens.publicKey.export({ type: 'spki', format: 'pem' }) as string,
      algorithms: [ACCESS_TOKEN_ALGORITHM],
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      jsonWebTokenOptions: { maxAge: ACCESS_TOKEN_LIFETIME_SECONDS },
      passReqToCallback: true,
    });
    // Expiry is judged by the injected clock, so tests can move time; passport-jwt copies its
    // options once, so "now" is made a live property of that copy.
    const verifyOptions = (this as unknown as { _verifOpts: Record<string, unknown> })._verifOpts;
    Object.defineProperty(verifyOptions, 'clockTimestamp', {
      enumerable: true,
      get: () => Math.floor(clock.now().getTime() / 1000),
    });
    this.keyId = accessTokens.keyId;
    this.clock = clock;
  }

  private readonly clock: Clock;

  private readonly keyId: string;

  async validate(req: Request, payload: unknown): Promise<Actor> {
    const raw = bearer(req) ?? '';
    const decoded = jwt.decode(raw, { complete: true });
    if (!decoded || decoded.header.typ !== ACCESS_TOKEN_TYPE || decoded.header.kid !== this.keyId) {
      throw new UnauthenticatedError('Invalid access token');
    }
    if (!hasAccessTokenShape(payload, Math.floor(this.clock.now().getTime() / 1000))) {
      throw new UnauthenticatedError('Invalid access token');
    }
    const claims = payload;
    const actor = await this.sessions.actorForAccessToken({
      userId: claims.sub,
      sessionId: claims.sid,
      tenantId: typeof claims.tid === 'string' ? claims.tid : undefined,
      tokenVersion: claims.tv,
    });
    if (!actor) throw new UnauthenticatedError('Session ended');
    return actor;
  }
}
