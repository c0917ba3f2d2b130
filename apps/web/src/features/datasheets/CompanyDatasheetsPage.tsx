import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { request } from '../../api/client';
import { useFormat } from '../../i18n/format';
import { LoadError, Loading, Notice } from '../../ui/feedback';
import { NextPageButton } from '../../ui/NextPageButton';
import { PageTitle } from '../../ui/Page';
import { usePagedList } from '../../ui/paged';
import { useLoad } from '../../ui/use-api';
import { CertifiedProducts, Datasheets } from './operations';

/** Products per page. */
const PAGE_SIZE = 50;

/** The company's certified products, each with its datasheet (or the way to complete one). */
export default function CompanyDatasheetsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  // The products by name, a page at a time, each with its datasheet (one read for the page's).
  const list = usePagedList(
    async (after: string | null) => {
      const products = (await request(CertifiedProducts, { first: PAGE_SIZE, after })).certifiedProducts;
      const ids = products.map((p) => p.id ?? '').filter(Boolean);
      const datasheets = ids.length ? (await request(Datasheets, { certifiedProductIds: ids, first: ids.length })).datasheets : [];
      return products.map((product) => ({ product, datasheet: datasheets.find((d) => d.certifiedProductId === product.id) ?? null }));
    },
    (row) => row.product.id ?? null,
    PAGE_SIZE,
  );
  // Datasheets whose contact objected, whatever page their product is on: unpublished at the deadline unless a new contact is named.
  const flagged = useLoad(async () => (await request(Datasheets, { contactReplacementRequired: true, first: 200 })).datasheets);

  return (
    <>
      <PageTitle lead={t('datasheets.company.lead')}>{t('datasheets.company.title')}</PageTitle>
      {list.loading && list.rows.length === 0 ? <Loading /> : null}
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      {flagged.data && flagged.data.length > 0 ? (
        <Notice kind="warning" title={t('datasheets.contact.flaggedTitle')}>
          <p>{t('datasheets.contact.flaggedBody', { count: flagged.data.length })}</p>
        </Notice>
      ) : null}
      {!list.loading && !list.error && list.rows.length === 0 ? <p>{t('datasheets.company.none')}</p> : null}
      {list.rows.length > 0 ? (
        <div className="table-wrap" role="region" aria-label={t('datasheets.company.listTitle')} tabIndex={0}>
          <table>
            <caption className="visually-hidden">{t('datasheets.company.listTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('datasheets.fields.product')}</th>
                <th scope="col">{t('datasheets.fields.family')}</th>
                <th scope="col">{t('datasheets.fields.certificate')}</th>
                <th scope="col">{t('datasheets.fields.productStatus')}</th>
                <th scope="col">{t('datasheets.fields.datasheet')}</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map(({ product, datasheet }) => {
                return (
                  <tr key={product.id ?? ''}>
                    <th scope="row">
                      {product.name}
                      {product.productionUnit ? <span className="muted"> · {product.productionUnit}</span> : null}
                    </th>
                    <td>{product.productFamily}</td>
                    <td>
                      {product.scheme} {product.certificateReference}
                    </td>
                    <td>
                      <span className={`badge badge--${product.status === 'ACTIVE' ? 'ok' : 'muted'}`}>{product.status ? t(`datasheets.productStatus.${product.status}`) : ''}</span>
                      {product.statusChangedAt ? <span className="muted"> {format.date(product.statusChangedAt)}</span> : null}
                    </td>
                    <td>
                      <Link to={`/app/datasheets/${product.id ?? ''}`}>
                        {datasheet ? t('datasheets.company.open', { code: datasheet.publicCode ?? '' }) : t('datasheets.company.complete')}
                        <span className="visually-hidden"> ({product.name})</span>
                      </Link>
                      {datasheet?.contactReplacementRequired || datasheet?.contactSuspended ? (
                        <>
                          <br />
                          <span className="badge">{datasheet.contactReplacementRequired ? t('datasheets.contact.flag') : t('datasheets.contact.suspendedFlag')}</span>
                        </>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      <NextPageButton list={list} label={t('common.showMore')} />
    </>
  );
}
