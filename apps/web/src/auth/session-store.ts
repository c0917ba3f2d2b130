/**
 * The login session, in memory only: the access token and (for now) the refresh token never touch
 * localStorage, sessionStorage or a readable cookie, so a script injected into the page cannot take
 * them away from this tab, and a reload logs out. When the server sets the refresh token as an
 * HttpOnly cookie, `refreshToken` disappears from here and a reload will resume the session.
 */
export interface SessionTokens {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  totpEnrolmentRequired: boolean;
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
  /** Slug of the tenant the user logged in to; null for the platform operator. */
  tenantSlug: string | null;
  /** The account must enrol a second factor before anything else opens. */
  totpEnrolmentRequired: boolean;
  /** Id of this login session (the token's `sid`), to mark it in "my sessions". */
  sessionId: string | null;
}

export type SessionEndReason = 'logout' | 'expired';

type Listener = () => void;

let current: Session | null = null;
let endReason: SessionEndReason | null = null;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let refresher: (() => Promise<boolean>) | null = null;
const listeners = new Set<Listener>();

/** Renew this long before the access token expires. */
const REFRESH_MARGIN_MS = 60_000;

function emit(): void {
  for (const listener of listeners) listener();
}

/** The `sid` claim of a JWT, read without verifying (the server verifies; this only labels a row). */
function sessionIdOf(accessToken: string): string | null {
  try {
    const payload = accessToken.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(json) as { sid?: unknown };
    return typeof claims.sid === 'string' ? claims.sid : null;
  } catch {
    return null;
  }
}

function schedule(): void {
  clearTimeout(refreshTimer);
  if (!current || !refresher) return;
  const delay = Math.max(5_000, current.expiresAt - Date.now() - REFRESH_MARGIN_MS);
  const renew = refresher;
  refreshTimer = setTimeout(() => void renew(), delay);
}

export const sessionStore = {
  get(): Session | null {
    return current;
  },
  /** Why the last session ended, for the login page to say so; cleared when read by a new login. */
  endReason(): SessionEndReason | null {
    return endReason;
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  start(tokens: SessionTokens, tenantSlug: string | null): void {
    endReason = null;
    current = {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      expiresAt: Date.parse(tokens.accessTokenExpiresAt),
      tenantSlug,
      totpEnrolmentRequired: tokens.totpEnrolmentRequired,
      sessionId: sessionIdOf(tokens.accessToken),
    };
    schedule();
    emit();
  },
  renew(tokens: SessionTokens): void {
    if (!current) return;
    current = {
      ...current,
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      expiresAt: Date.parse(tokens.accessTokenExpiresAt),
      totpEnrolmentRequired: tokens.totpEnrolmentRequired,
    };
    schedule();
    emit();
  },
  secondFactorEnrolled(): void {
    if (!current) return;
    current = { ...current, totpEnrolmentRequired: false };
    emit();
  },
  end(reason: SessionEndReason): void {
    clearTimeout(refreshTimer);
    if (!current) return;
    current = null;
    endReason = reason;
    emit();
  },
  /** The API client registers how to renew the tokens (kept apart to avoid an import cycle). */
  setRefresher(renew: () => Promise<boolean>): void {
    refresher = renew;
    schedule();
  },
};
