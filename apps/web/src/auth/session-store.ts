/**
 * The login session. The access token lives in memory only (never localStorage, sessionStorage or a
 * readable cookie), so a script injected into the page cannot carry it off; the refresh token is in
 * an HttpOnly cookie the server sets for /auth/session only, which no script here can read. A reload
 * resumes the session through that cookie (see `resumable`).
 */
export interface SessionTokens {
  accessToken: string;
  accessTokenExpiresAt: string;
  totpEnrolmentRequired: boolean;
}

export interface Session {
  accessToken: string;
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

/**
 * Whether a session cookie may be there to resume after a reload: a flag, not a secret (the cookie
 * itself is unreadable here), so a visitor who never logged in does not ask the server at every load.
 */
const RESUMABLE_KEY = 'chancery.sessionCookie';
function setResumable(on: { tenantSlug: string | null } | false): void {
  try {
    if (on) localStorage.setItem(RESUMABLE_KEY, JSON.stringify(on));
    else localStorage.removeItem(RESUMABLE_KEY);
  } catch {
    // Storage refused (private mode): a reload then logs out, as before.
  }
}

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
    setResumable({ tenantSlug });
    current = {
      accessToken: tokens.accessToken,
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
    setResumable(false);
    // The cookie is HttpOnly: only the server can forget it.
    void fetch('/auth/session/end', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}', credentials: 'same-origin' }).catch(() => undefined);
    if (!current) return;
    current = null;
    endReason = reason;
    emit();
  },
  /** Whether a reload may resume a session from its cookie, and the tenant it was logged in to. */
  resumable(): { tenantSlug: string | null } | null {
    try {
      const stored = JSON.parse(localStorage.getItem(RESUMABLE_KEY) ?? 'null') as { tenantSlug?: unknown } | null;
      return stored ? { tenantSlug: typeof stored.tenantSlug === 'string' ? stored.tenantSlug : null } : null;
    } catch {
      return null;
    }
  },
  /** The API client registers how to renew the tokens (kept apart to avoid an import cycle). */
  setRefresher(renew: () => Promise<boolean>): void {
    refresher = renew;
    schedule();
  },
};
