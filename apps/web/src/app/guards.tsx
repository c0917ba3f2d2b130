import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { hasAnyRole, type Role } from '../auth/roles';
import { useSession, type SessionTenant } from '../auth/session';
import type { TenantKind } from '../gql/graphql';
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

/**
 * A screen for some roles only, and, given `kinds`, only in a space of those kinds (a chamber's
 * certificates, a certification body's datasheets). The API refuses the others anyway; this spares
 * them a dead end, and says which it is: not their role, or not this kind of space.
 */
export function RequireRoles({ roles, kinds, children }: { roles: readonly Role[]; kinds?: readonly TenantKind[]; children: ReactNode }) {
  const { me, tenant, meError, reloadMe } = useSession();
  if (meError) return <LoadError error={meError} onRetry={() => void reloadMe()} />;
  if (!me) return <Loading />;
  if (kinds && outsideSpace(tenant, kinds)) return <OtherSpace tenant={tenant!} kinds={kinds} />;
  if (!hasAnyRole(me.roles, roles)) return <Forbidden />;
  return <>{children}</>;
}

/**
 * Known to be a space of none of these kinds. Unknown (the operator has no tenant; the directory
 * could not be read) is not a refusal: the page asks, and the API answers. (The contact-disclosure
 * page stays open in every space: it says itself why nothing of a chamber's users is published.)
 */
function outsideSpace(tenant: SessionTenant | null, kinds: readonly TenantKind[]): boolean {
  return tenant !== null && !kinds.some((kind) => tenant.kinds.includes(kind));
}

function OtherSpace({ tenant, kinds }: { tenant: SessionTenant; kinds: readonly TenantKind[] }) {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('errors.otherSpacePage.title')}</PageTitle>
      {kinds.map((kind) => (
        <p key={kind}>{t(`errors.otherSpacePage.${kind}`, { tenant: tenant.name })}</p>
      ))}
      <p>
        <Link to="/app">{t('nav.home')}</Link>
      </p>
    </>
  );
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
