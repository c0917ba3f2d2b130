import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { requestPublic } from '../../api/client';
import type { TenantKind } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { LoadError, Loading } from '../../ui/feedback';
import { PageTitle } from '../../ui/Page';
import { useLoad } from '../../ui/use-api';
import { TenantDirectory } from './tenant-directory';

const KINDS: TenantKind[] = ['CHAMBER_OF_COMMERCE', 'CERTIFICATION_BODY'];

/** The public list of chambers and certification bodies with their contact addresses. */
export default function DirectoryPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, error, loading, reload } = useLoad(() => requestPublic(TenantDirectory));
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<TenantKind | 'ALL'>('ALL');
  const searchId = useId();
  const kindId = useId();

  const tenants = useMemo(() => {
    const needle = search.trim().toLocaleLowerCase(format.locale);
    const collator = new Intl.Collator(format.locale);
    return (data?.tenants ?? [])
      .filter((tenant) => kind === 'ALL' || tenant.kinds.includes(kind))
      .filter((tenant) => !needle || [tenant.name, tenant.city, tenant.postalCode].some((v) => v.toLocaleLowerCase(format.locale).includes(needle)))
      .sort((a, b) => collator.compare(a.name, b.name));
  }, [data, search, kind, format.locale]);

  return (
    <>
      <PageTitle lead={t('directory.lead')}>{t('directory.title')}</PageTitle>
      <div role="search" className="filters" aria-label={t('directory.filters')}>
        <div className="field">
          <label htmlFor={searchId}>{t('directory.search')}</label>
          <input id={searchId} type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={kindId}>{t('directory.kind')}</label>
          <select id={kindId} value={kind} onChange={(event) => setKind(event.target.value as TenantKind | 'ALL')}>
            <option value="ALL">{t('directory.allKinds')}</option>
            {KINDS.map((value) => (
              <option key={value} value={value}>
                {t(`tenantKinds.${value}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {loading ? <Loading /> : null}
      {error ? <LoadError error={error} onRetry={reload} /> : null}
      {data ? (
        <p className="result-count" role="status">
          {t('directory.count', { count: tenants.length })}
        </p>
      ) : null}
      <ul className="tenant-list">
        {tenants.map((tenant) => (
          <li key={tenant.id} className="tenant-card">
            <article aria-labelledby={`tenant-${tenant.slug}`}>
              <h2 id={`tenant-${tenant.slug}`} className="tenant-card__name">
                {tenant.name}
              </h2>
              <p className="tenant-card__kinds">{tenant.kinds.map((k) => t(`tenantKinds.${k}`)).join(' · ')}</p>
              <dl className="details">
                <div>
                  <dt>{t('directory.address')}</dt>
                  <dd>
                    <address>
                      {tenant.street}
                      <br />
                      {tenant.postalCode} {tenant.city}
                      <br />
                      {format.country(tenant.country)}
                    </address>
                  </dd>
                </div>
                {tenant.phone ? (
                  <div>
                    <dt>{t('directory.phone')}</dt>
                    <dd>
                      <a href={`tel:${tenant.phone}`}>{tenant.phone}</a>
                    </dd>
                  </div>
                ) : null}
                {tenant.email ? (
                  <div>
                    <dt>{t('directory.email')}</dt>
                    <dd>
                      <a href={`mailto:${tenant.email}`}>{tenant.email}</a>
                    </dd>
                  </div>
                ) : null}
                {tenant.website ? (
                  <div>
                    <dt>{t('directory.website')}</dt>
                    <dd>
                      <a href={tenant.website} rel="noopener noreferrer">
                        {tenant.website}
                      </a>
                    </dd>
                  </div>
                ) : null}
                <div>
                  <dt>{t('directory.privacyContact')}</dt>
                  <dd>
                    <a href={`mailto:${tenant.privacyContactEmail}`}>{tenant.privacyContactEmail}</a>
                  </dd>
                </div>
                <div>
                  <dt>{t('directory.languages')}</dt>
                  <dd>{tenant.languages.map((code) => format.languageName(code)).join(', ')}</dd>
                </div>
                <div>
                  <dt>{t('directory.legalEntityNumber')}</dt>
                  <dd>{tenant.legalEntityNumber}</dd>
                </div>
              </dl>
              <p className="tenant-card__actions">
                <Link to={`/register?tenant=${encodeURIComponent(tenant.slug)}`} className="button button--secondary button--small">
                  {t('directory.registerWith')}
                  <span className="visually-hidden"> {tenant.name}</span>
                </Link>
                <Link to={`/login?tenant=${encodeURIComponent(tenant.slug)}`} className="button button--link button--small">
                  {t('directory.loginAt')}
                  <span className="visually-hidden"> {tenant.name}</span>
                </Link>
                <Link to={`/privacy/${encodeURIComponent(tenant.slug)}`} className="button button--link button--small">
                  {t('privacyDesk.notice.link')}
                  <span className="visually-hidden"> {tenant.name}</span>
                </Link>
              </p>
            </article>
          </li>
        ))}
      </ul>
    </>
  );
}
