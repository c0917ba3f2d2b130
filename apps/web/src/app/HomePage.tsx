import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../auth/session';
import { Notice } from '../ui/feedback';
import { PageTitle } from '../ui/Page';
import { navigationFor } from './navigation';

/** What this user can do here, by section. */
export default function HomePage() {
  const { t } = useTranslation();
  const { me, tenant } = useSession();
  const sections = navigationFor(me?.roles, tenant?.kinds);
  return (
    <>
      <PageTitle lead={t('home.lead')}>{t('home.title', { name: me?.firstName ?? '' })}</PageTitle>
      {me && !me.totpEnrolledAt ? (
        <Notice kind="info" title={t('home.secondFactorAdvice')}>
          <p>
            <Link to="/app/second-factor">{t('secondFactor.setUp')}</Link>
          </p>
        </Notice>
      ) : null}
      {sections.map((section) => (
        <section key={section.id} className="home-section" aria-labelledby={`home-${section.id}`}>
          <h2 id={`home-${section.id}`}>{t(section.label)}</h2>
          <ul className="card-list">
            {section.items.map((item) => (
              <li key={item.to} className="card">
                <Link to={item.to} className="card__link">
                  {t(item.label)}
                </Link>
                <p>{t(item.description)}</p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
