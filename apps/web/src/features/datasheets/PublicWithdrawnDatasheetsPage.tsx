import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { requestPublic } from '../../api/client';
import { graphql } from '../../gql';
import type { WithdrawnDatasheetsQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { SelectField } from '../../ui/fields';
import { NextPageButton, PageStatus, ResultCount } from '../../ui/NextPageButton';
import { PageTitle } from '../../ui/Page';
import { useCursorList } from '../../ui/paged';
import { useLoad } from '../../ui/use-api';
import { tenantDirectoryForNames } from '../directory/tenant-directory';

const PAGE_SIZE = 50;

// Anonymous: the notices as the API publishes them (no contact).
const WithdrawnDatasheets = graphql(`
  query WithdrawnDatasheets($tenant: String, $first: Int, $after: String) {
    withdrawnDatasheets(tenant: $tenant, first: $first, after: $after) {
      items {
        id
        tenantId
        publicCode
        productName
        holderName
        scheme
        certificateReference
        withdrawnAt
        reason
      }
      nextCursor
    }
  }
`);

type Notice = WithdrawnDatasheetsQuery['withdrawnDatasheets']['items'][number];

/**
 * The register of withdrawn datasheets (suspended, withdrawn and expired certificates), newest first:
 * what a buyer checks before accepting a delivery, and what a certification body publishes today as a
 * list of suspended and withdrawn certificates. The body filter lives in the address, to be shared.
 */
export default function PublicWithdrawnDatasheetsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const tenant = params.get('tenant') ?? '';
  const directory = useLoad(tenantDirectoryForNames);
  const bodies = (directory.data?.tenants ?? []).filter((body) => body.kinds.includes('CERTIFICATION_BODY'));
  const variables = (after: string | null) => ({ ...(tenant ? { tenant } : {}), first: PAGE_SIZE, ...(after ? { after } : {}) });
  const notices = useCursorList<Notice>(async (after) => (await requestPublic(WithdrawnDatasheets, variables(after))).withdrawnDatasheets, [tenant]);

  return (
    <>
      <PageTitle lead={t('datasheets.withdrawn.lead')}>{t('datasheets.withdrawn.title')}</PageTitle>
      <p>
        <Link to="/datasheets">{t('datasheets.public.backToSearch')}</Link>
      </p>
      <div className="filters">
        <SelectField
          name="tenant"
          label={t('datasheets.fields.certificationBody')}
          value={tenant}
          onValue={(value) => setParams(value ? { tenant: value } : {})}
          options={[{ value: '', label: t('datasheets.public.allBodies') }, ...bodies.map((body) => ({ value: body.slug, label: body.name }))]}
        />
      </div>
      <section aria-busy={notices.loading}>
        <ResultCount list={notices} text={notices.rows.length === 0 ? t('datasheets.withdrawn.none') : t('datasheets.public.shown', { count: notices.rows.length })} />
        {notices.rows.length > 0 ? (
          <ul className="datasheet-list">
            {notices.rows.map((notice) => (
              <li key={notice.id ?? notice.publicCode ?? ''} className="tenant-card">
                <h3 className="tenant-card__name">
                  <Link to={`/datasheets/${notice.publicCode ?? ''}`}>{notice.productName}</Link>
                </h3>
                <dl className="details">
                  <div>
                    <dt>{t('datasheets.withdrawn.withdrawnOn')}</dt>
                    <dd>
                      {format.date(notice.withdrawnAt)} · {t(`datasheets.public.withdrawnReason.${notice.reason ?? 'DATASHEET_WITHDRAWN'}`)}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('datasheets.fields.holder')}</dt>
                    <dd>{notice.holderName}</dd>
                  </div>
                  <div>
                    <dt>{t('datasheets.fields.certificate')}</dt>
                    <dd>
                      {notice.scheme} {notice.certificateReference}
                      {bodies.length > 1 ? <span className="muted"> · {bodies.find((body) => body.id === notice.tenantId)?.name}</span> : null}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('datasheets.fields.publicCode')}</dt>
                    <dd>
                      <code>{notice.publicCode}</code>
                    </dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        ) : null}
        <PageStatus list={notices} />
        <NextPageButton list={notices} label={t('datasheets.public.more')} />
      </section>
    </>
  );
}
