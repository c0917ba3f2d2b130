import { Controller, HttpCode, Post, Req, Res, UseInterceptors } from '@nestjs/common';
import { Public } from '@chancery/access';
import { DomainError, ErrorCode } from '@chancery/core';
import type { HttpReply, HttpRequest } from '@chancery/core';
import { OutputWithoutRecords, PresentResultsInterceptor } from '@chancery/policy';
import { AuthErrors } from './auth.errors';
import { AuthService } from './auth.service';
import { clearRefreshCookie, refreshCookieOf, setRefreshCookie } from './refresh-cookie';

/** What a browser gets back for its cookie: the new access token; the new refresh token is only in the cookie. */
export interface CookieSessionTokens {
  accessToken: string;
  accessTokenExpiresAt: string;
  totpEnrolmentRequired: boolean;
}

/**
 * The browser's side door to `refreshSession`: the refresh token comes from the HttpOnly cookie set by
 * `login(input: { refreshTokenIn: COOKIE })` and goes back into it, rotated. Besides SameSite=Strict,
 * a JSON content type is required: a form or an image on another site cannot send one without a
 * preflight, which this origin never grants.
 */
@Controller('auth/session')
@UseInterceptors(PresentResultsInterceptor)
export class SessionCookieController {
  constructor(private readonly auth: AuthService) {}

  // Not @ThrottleAuthentication: see AuthResolver.refreshSession.
  @Public()
  @OutputWithoutRecords("new tokens of the caller's own session, no records")
  @Post('refresh')
  @HttpCode(200)
  // passthrough: the answer still leaves through the gate (the interceptor); `res` only sets the cookie.
  // eslint-disable-next-line no-restricted-syntax
  async refresh(@Req() req: HttpRequest, @Res({ passthrough: true }) res: HttpReply): Promise<CookieSessionTokens> {
    requireJson(req);
    const refreshToken = refreshCookieOf(req);
    if (!refreshToken) throw AuthErrors.REFRESH_TOKEN_INVALID('no session cookie came with the request');
    try {
      const issued = await this.auth.refresh(refreshToken);
      setRefreshCookie(res, issued.refreshToken);
      return { accessToken: issued.accessToken, accessTokenExpiresAt: issued.accessTokenExpiresAt.toISOString(), totpEnrolmentRequired: issued.totpEnrolmentRequired };
    } catch (error) {
      // A dead token (ended, reused, expired) is of no use to keep.
      if (error instanceof DomainError && error.code === ErrorCode.UNAUTHENTICATED) clearRefreshCookie(res);
      throw error;
    }
  }

  /** Forgets the cookie (after `logout`, which ends the session itself). */
  @Public()
  @OutputWithoutRecords('an acknowledgement, no records')
  @Post('end')
  @HttpCode(200)
  // passthrough: as above, `res` only clears the cookie.
  // eslint-disable-next-line no-restricted-syntax
  end(@Req() req: HttpRequest, @Res({ passthrough: true }) res: HttpReply): { ended: true } {
    requireJson(req);
    clearRefreshCookie(res);
    return { ended: true };
  }
}

function requireJson(req: HttpRequest): void {
  const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') throw AuthErrors.JSON_REQUIRED('send Content-Type: application/json', { field: 'content-type' });
}
