import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/errors';
import { useSession } from '../auth/session';
import { loadPortalMessages, portalMessagesLoaded } from '../i18n/i18n';
import { StepUpPrompt } from '../features/account/StepUpDialog';
import { PolicyNotice } from '../features/privacy/PolicyNotice';
import { LoadError, Loading } from '../ui/feedback';
import { PageNoticeSlot } from '../ui/Page';
import { LanguageSwitcher } from './LanguageSwitcher';
import { navigationFor } from './navigation';
import { MAIN_ID, SkipLink } from './SkipLink';

export const SECOND_FACTOR_PATH = '/app/second-factor';

/** The logged-in portal: the user's sections on the side, the screen in the middle. */
export default function AppLayout() {
  const { t } = useTranslation();
  const { session, me, tenant, meError, reloadMe, signOut } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const portal = usePortalMessages();
  // The place under the screen's title where the privacy-policy notice appears (PageTitle gives it).
  const [noticeSlot, setNoticeSlot] = useState<HTMLDivElement | null>(null);

  // An account that must have a second factor can do nothing else until it enrols one.
  if (session?.totpEnrolmentRequired && location.pathname !== SECOND_FACTOR_PATH) {
    return <Navigate to={SECOND_FACTOR_PATH} replace />;
  }

  if (portal.error) return <LoadError error={portal.error} onRetry={portal.retry} />;
  if (!portal.ready) return <Loading />;

  const sections = navigationFor(me?.roles, tenant?.kinds);
  const logout = async () => {
    await signOut();
    navigate('/login', { replace: true });
  };
  const name = me ? [me.firstName, me.lastName].filter(Boolean).join(' ') || me.email : '';

  return (
    <div className="layout layout--app">
      <SkipLink />
      <header className="site-header site-header--app">
        <div className="site-header__inner">
          <Link to="/app" className="brand">
            <span className="brand__mark" aria-hidden="true">C</span>
            <span className="brand__name">{t('app.name')}</span>
          </Link>
          <p className="site-header__who">
            {name}
            {session?.tenantSlug ? <span className="site-header__tenant"> · {tenant?.name ?? session.tenantSlug}</span> : null}
          </p>
          <LanguageSwitcher />
          <button type="button" className="button button--secondary button--small" onClick={() => void logout()}>
            {t('nav.logout')}
          </button>
        </div>
      </header>
      <div className="app-body">
        <nav className="side-nav" aria-label={t('app.portalNavigation')}>
          <ul className="side-nav__sections">
            <li>
              <NavLink to="/app" end className="side-nav__home">
                {t('nav.home')}
              </NavLink>
            </li>
            {session?.totpEnrolmentRequired
              ? null
              : sections.map((section) => (
                  <li key={section.id}>
                    <h2 className="side-nav__title" id={`nav-${section.id}`}>
                      {t(section.label)}
                    </h2>
                    <ul aria-labelledby={`nav-${section.id}`}>
                      {section.items.map((item) => (
                        <li key={`${section.id}-${item.to}`}>
                          <NavLink to={item.to}>{t(item.label)}</NavLink>
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
          </ul>
        </nav>
        <main id={MAIN_ID} tabIndex={-1} className="app-main">
          {meError && !session?.totpEnrolmentRequired ? <LoadError error={meError} onRetry={() => void reloadMe()} /> : null}
          {me && !session?.totpEnrolmentRequired ? <PolicyNotice slot={noticeSlot} /> : null}
          <PageNoticeSlot.Provider value={setNoticeSlot}>
            <Suspense fallback={<Loading />}>{me || session?.totpEnrolmentRequired ? <Outlet /> : <Loading />}</Suspense>
          </PageNoticeSlot.Provider>
          {/* A session held to enrolling has no profile to read yet, and no second factor: its step-up is the password. */}
          {me || session?.totpEnrolmentRequired ? <StepUpPrompt withPassword={!me?.totpEnrolledAt} /> : null}
        </main>
      </div>
    </div>
  );
}

/** The portal's own messages (a chunk of their own, which public pages never load), loaded before its first screen. */
function usePortalMessages(): { ready: boolean; error: ApiError | null; retry: () => void } {
  const [ready, setReady] = useState(portalMessagesLoaded);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (ready) return;
    let live = true;
    loadPortalMessages().then(
      () => live && setReady(true),
      (caught: unknown) => live && setError(new ApiError('NETWORK', caught instanceof Error ? caught.message : 'messages not loaded')),
    );
    return () => {
      live = false;
    };
  }, [ready, attempt]);
  return { ready, error, retry: () => (setError(null), setAttempt((n) => n + 1)) };
}
