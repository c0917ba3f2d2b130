import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router';
import { useSession } from '../auth/session';
import { Loading } from '../ui/feedback';
import { LanguageSwitcher } from './LanguageSwitcher';
import { MAIN_ID, SkipLink } from './SkipLink';

/**
 * Pages anyone may open: the directory, registration, the links of the server's e-mails, login.
 * Light on purpose (public pages load only this, the directory and their own screen).
 */
export function PublicLayout() {
  const { t } = useTranslation();
  const { session } = useSession();
  return (
    <div className="layout layout--public">
      <SkipLink />
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand">
            <span className="brand__mark" aria-hidden="true">C</span>
            <span className="brand__name">{t('app.name')}</span>
          </Link>
          <nav aria-label={t('app.publicNavigation')} className="public-nav">
            <ul>
              <li>
                <NavLink to="/" end>
                  {t('nav.directory')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/verification">{t('nav.verifyCertificate')}</NavLink>
              </li>
              <li>
                <NavLink to="/datasheets">{t('nav.datasheetSearch')}</NavLink>
              </li>
              <li>
                <NavLink to="/register">{t('nav.register')}</NavLink>
              </li>
              <li>
                {session ? <NavLink to="/app">{t('nav.myPortal')}</NavLink> : <NavLink to="/login">{t('nav.login')}</NavLink>}
              </li>
            </ul>
          </nav>
          <LanguageSwitcher />
        </div>
      </header>
      <main id={MAIN_ID} tabIndex={-1} className="site-main">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </div>
  );
}
