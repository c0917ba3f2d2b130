import { registerEnumType } from '@nestjs/graphql';
import type { HttpRequest, ResponseHeaders } from '@chancery/core';
import { SESSION_IDLE_LIFETIME_MS } from './auth.service';

/**
 * The refresh token as a browser should keep it: in a cookie no page script can read (HttpOnly),
 * sent only over HTTPS (Secure; browsers count http://localhost as secure), never with a request
 * another site starts (SameSite=Strict), and only to the one route that renews a session (its own
 * Path), so no GraphQL request carries it. Scripts keep the short-lived access token in memory.
 */
export const REFRESH_COOKIE_NAME = 'chancery_refresh';
export const REFRESH_COOKIE_PATH = '/auth/session';

export enum RefreshTokenDelivery {
  /** In the answer's `refreshToken` (programs, the mobile app). */
  RESPONSE = 'RESPONSE',
  /** As an HttpOnly cookie for `POST /auth/session/refresh` (the web portal); `refreshToken` is null. */
  COOKIE = 'COOKIE',
}
registerEnumType(RefreshTokenDelivery, { name: 'RefreshTokenDelivery', description: 'Where a login puts the refresh token.' });

const ATTRIBUTES = `Path=${REFRESH_COOKIE_PATH}; HttpOnly; Secure; SameSite=Strict`;

/** Sets the cookie; it lives as long as an unused session may idle. */
export function setRefreshCookie(res: ResponseHeaders, refreshToken: string): void {
  res.header('set-cookie', `${REFRESH_COOKIE_NAME}=${refreshToken}; ${ATTRIBUTES}; Max-Age=${Math.floor(SESSION_IDLE_LIFETIME_MS / 1000)}`);
}

export function clearRefreshCookie(res: ResponseHeaders): void {
  res.header('set-cookie', `${REFRESH_COOKIE_NAME}=; ${ATTRIBUTES}; Max-Age=0`);
}

/** The cookie's value when the request carries exactly one well-formed one. */
export function refreshCookieOf(req: HttpRequest): string | null {
  const header = req.headers.cookie;
  if (typeof header !== 'string') return null;
  const values = header
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.startsWith(`${REFRESH_COOKIE_NAME}=`))
    .map((part) => part.slice(REFRESH_COOKIE_NAME.length + 1));
  return values.length === 1 && /^[A-Za-z0-9_-]{1,200}$/.test(values[0]!) ? values[0]! : null;
}
