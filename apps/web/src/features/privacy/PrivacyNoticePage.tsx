import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { requestPublic } from '../../api/client';
import { graphql } from '../../gql';
import { useFormat } from '../../i18n/format';
import { LoadError, Loading } from '../../ui/feedback';
import { PageTitle } from '../../ui/Page';
import { useLoad } from '../../ui/use-api';
import { categoryName } from './shared';

// All public: Tenant (anyone), privacyPolicyVersions and subProcessors (public by the API).
const TenantPrivacy = graphql(`
  query TenantPrivacy($slug: String!) {
    tenant(slug: $slug) {
      slug
      name
      privacyContactEmail
    }
    privacyPolicyVersions(tenantSlug: $slug) {
      id
      version
      title
      summary
      body
      publishedAt
    }
    subProcessors(tenantSlug: $slug) {
      id
      name
      service
      location
      dataCategories
      effectiveFrom
      transferSafeguard
    }
  }
`);

/** A tenant's current privacy notice and its sub-processors, for anyone (`/privacy/:slug`). */
export default function PrivacyNoticePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { slug = '' } = useParams();
  const { data, error, loading, reload } = useLoad(() => requestPublic(TenantPrivacy, { slug }), [slug]);
  const current = data?.privacyPolicyVersions[0];
  return (
    <div className="medium">
      <PageTitle lead={t('privacyDesk.notice.lead')}>{data?.tenant ? t('privacyDesk.notice.title', { tenant: data.tenant.name }) : t('privacyDesk.notice.titleUnknown')}</PageTitle>
      {loading ? <Loading /> : null}
      {error ? <LoadError error={error} onRetry={reload} /> : null}
      {data ? (
        <>
          <p>
            <Link to={`/privacy/request?tenant=${encodeURIComponent(slug)}`} className="button button--secondary">
              {t('privacyDesk.notice.makeRequest')}
            </Link>
          </p>
          {data.tenant ? (
            <p>
              {t('privacyDesk.notice.contact')}: <a href={`mailto:${data.tenant.privacyContactEmail}`}>{data.tenant.privacyContactEmail}</a>
            </p>
          ) : null}
          <section aria-labelledby="policy-title">
            <h2 id="policy-title">{current?.title ?? t('privacyDesk.notice.policy')}</h2>
            {current ? (
              <>
                <p className="muted">{t('privacyDesk.notice.version', { version: current.version ?? 1, date: format.date(current.publishedAt) })}</p>
                <div className="prewrap">{current.body}</div>
              </>
            ) : (
              <p>{t('privacyDesk.notice.noPolicy')}</p>
            )}
          </section>
          <section aria-labelledby="sub-processors-title">
            <h2 id="sub-processors-title">{t('privacyDesk.notice.subProcessors')}</h2>
            {data.subProcessors.length === 0 ? (
              <p>{t('privacyDesk.notice.noSubProcessors')}</p>
            ) : (
              <div className="table-wrap" role="region" aria-labelledby="sub-processors-title" tabIndex={0}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('privacyDesk.notice.name')}</th>
                      <th scope="col">{t('privacyDesk.notice.service')}</th>
                      <th scope="col">{t('privacyDesk.notice.location')}</th>
                      <th scope="col">{t('privacyDesk.notice.categories')}</th>
                      <th scope="col">{t('privacyDesk.notice.since')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.subProcessors.map((entry) => (
                      <tr key={entry.id ?? ''}>
                        <th scope="row">{entry.name}</th>
                        <td>{entry.service}</td>
                        <td>
                          {format.country(entry.location)}
                          {entry.transferSafeguard ? (
                            <>
                              <br />
                              <span className="muted">
                                {t('privacyDesk.notice.safeguard')}: {entry.transferSafeguard}
                              </span>
                            </>
                          ) : null}
                        </td>
                        <td>{(entry.dataCategories ?? []).map(categoryName).join(', ')}</td>
                        <td>{format.date(entry.effectiveFrom)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      ) : null}
    </div>
  );
}
