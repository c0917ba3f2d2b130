import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { request, requestPublic, tokensFromCookie } from '../api/client';
import { ApiError } from '../api/errors';
import { graphql } from '../gql';
import type { MeQuery, SessionTenantQuery } from '../gql/graphql';
import { changeLanguage, currentLanguage } from '../i18n/i18n';
import { isLanguage } from '../i18n/languages';
import { sessionStore, type Session, type SessionTokens } from './session-store';

// Only fields the person may read about themself (docs/visibility-matrix.md: User, `self`).
const Me = graphql(`
  query Me {
    me {
      id
      email
      firstName
      lastName
      preferredLanguage
      roles
      status
      totpEnrolledAt
      organisationId
    }
  }
`);

// The tenant's public directory entry: what kind of space it is decides which menus make sense.
const SessionTenant = graphql(`
  query SessionTenant($slug: String!) {
    tenant(slug: $slug) {
      slug
      name
      kinds
    }
  }
`);

const Logout = graphql(`
  mutation Logout {
    logout
  }
`);

export type Me = MeQuery['me'];
export type SessionTenant = NonNullable<SessionTenantQuery['tenant']>;

interface SessionContextValue {
  session: Session | null;
  me: Me | null;
  /** The tenant logged in to (null for the platform operator, or until it has loaded). */
  tenant: SessionTenant | null;
  meError: ApiError | null;
  reloadMe: () => Promise<Me | null>;
  signIn: (tokens: SessionTokens, tenantSlug: string | null) => Promise<Me | null>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const session = useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
  const [me, setMe] = useState<Me | null>(null);
  const [meError, setMeError] = useState<ApiError | null>(null);
  const [tenant, setTenant] = useState<SessionTenant | null>(null);
  // After a reload: the session cookie is asked for new tokens before any page decides "logged out".
  const [resuming, setResuming] = useState(() => !sessionStore.get() && sessionStore.resumable() !== null);

  /**
   * The person, and the tenant's entry when it is not at hand yet (after login, or when reading it
   * failed): read side by side and set in one render, so the menus know the kind of space whenever
   * the pages render for the person. A failed read of the person keeps what was shown (meError says so).
   */
  const load = useCallback(async (tenantSlug: string | null, withTenant: boolean): Promise<Me | null> => {
    const [found, person] = await Promise.all([withTenant ? tenantOf(tenantSlug) : undefined, personOf()]);
    if (found !== undefined) setTenant(found);
    // A session held to enrolling a second factor may not read the person yet: expected, not a fault
    // (the layout shows the enrolment screen; the person is read once the factor is set up).
    if ('error' in person) setMeError(person.error.reason === 'SECOND_FACTOR_ENROLMENT_REQUIRED' ? null : person.error);
    else {
      setMe(person.me);
      setMeError(null);
    }
    return 'me' in person ? person.me : null;
  }, []);

  const reloadMe = useCallback(() => {
    const tenantSlug = sessionStore.get()?.tenantSlug ?? null;
    return load(tenantSlug, tenant === null && tenantSlug !== null);
  }, [load, tenant]);

  useEffect(() => {
    if (!session) {
      setMe(null);
      setMeError(null);
      setTenant(null);
    }
  }, [session]);

  const signIn = useCallback(
    async (tokens: SessionTokens, tenantSlug: string | null) => {
      sessionStore.start(tokens, tenantSlug);
      const loaded = await load(tenantSlug, true);
      // The user's own choice of language, kept by the server, wins after login.
      const preferred = loaded?.preferredLanguage;
      if (isLanguage(preferred) && preferred !== currentLanguage()) await changeLanguage(preferred);
      return loaded;
    },
    [load],
  );

  useEffect(() => {
    if (!resuming) return;
    const saved = sessionStore.resumable();
    void (async () => {
      try {
        const tokens = await tokensFromCookie();
        if (tokens) await signIn(tokens, saved?.tenantSlug ?? null);
        else sessionStore.end('expired');
      } catch {
        // The server could not be asked (offline): log in again.
      } finally {
        setResuming(false);
      }
    })();
  }, [resuming, signIn]);

  const signOut = useCallback(async () => {
    try {
      await request(Logout);
    } catch {
      // Ending the session here matters more than the server's answer (it may already be gone).
    }
    sessionStore.end('logout');
  }, []);

  const value = useMemo(() => ({ session, me, tenant, meError, reloadMe, signIn, signOut }), [session, me, tenant, meError, reloadMe, signIn, signOut]);
  return <SessionContext.Provider value={value}>{resuming ? null : children}</SessionContext.Provider>;
}

async function personOf(): Promise<{ me: Me } | { error: ApiError }> {
  try {
    return { me: (await request(Me)).me };
  } catch (error) {
    return { error: ApiError.of(error) };
  }
}

async function tenantOf(slug: string | null): Promise<SessionTenant | null> {
  if (!slug) return null;
  try {
    return (await requestPublic(SessionTenant, { slug })).tenant ?? null;
  } catch {
    // Without it the menus show only what every kind of space has; the pages themselves still load.
    return null;
  }
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
