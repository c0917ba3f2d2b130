import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { hasAnyRole, type Role } from '../auth/roles';
import { useSession } from '../auth/session';
import { LoadError, Loading } from '../ui/feedback';
import { PageTitle } from '../ui/Page';

/** Logged-in pages: without a session, to the login page, then back here. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const location = useLocation();
  if (!session) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}

/** A screen for some roles only. The API refuses the others anyway; this spares them a dead end. */
export function RequireRoles({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { me, meError, reloadMe } = useSession();
  if (meError) return <LoadError error={meError} onRetry={() => void reloadMe()} />;
  if (!me) return <Loading />;
  if (!hasAnyRole(me.roles, roles)) return <Forbidden />;
  return <>{children}</>;
}

export function Forbidden() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('errors.forbiddenPage.title')}</PageTitle>
      <p>{t('errors.forbiddenPage.body')}</p>
      <p>
        <Link to="/app">{t('nav.home')}</Link>
      </p>
    </>
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('errors.notFoundPage.title')}</PageTitle>
      <p>{t('errors.notFoundPage.body')}</p>
      <p>
        <Link to="/">{t('nav.directory')}</Link>
      </p>
    </>
  );
}
