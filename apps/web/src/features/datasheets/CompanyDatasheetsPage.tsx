import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { request } from '../../api/client';
import { useFormat } from '../../i18n/format';
import { LoadError, Loading, Notice } from '../../ui/feedback';
import { PageTitle } from '../../ui/Page';
import { useLoad } from '../../ui/use-api';
import { CertifiedProducts, Datasheets } from './operations';

/** The company's certified products, each with its datasheet (or the way to complete one). */
export default function CompanyDatasheetsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const data = useLoad(async () => {
    const [products, datasheets] = await Promise.all([request(CertifiedProducts), request(Datasheets)]);
    return { products: products.certifiedProducts, datasheets: datasheets.datasheets };
  });
  const flagged = data.data?.datasheets.filter((datasheet) => datasheet.contactReplacementRequired) ?? [];

  return (
    <>
      <PageTitle lead={t('datasheets.company.lead')}>{t('datasheets.company.title')}</PageTitle>
      {data.loading && !data.data ? <Loading /> : null}
      {data.error ? <LoadError error={data.error} onRetry={data.reload} /> : null}
      {flagged.length > 0 ? (
        <Notice kind="warning" title={t('datasheets.contact.flaggedTitle')}>
          <p>{t('datasheets.contact.flaggedBody', { count: flagged.length })}</p>
        </Notice>
      ) : null}
      {data.data && data.data.products.length === 0 ? <p>{t('datasheets.company.none')}</p> : null}
      {data.data && data.data.products.length > 0 ? (
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
              {data.data.products.map((product) => {
                const datasheet = data.data!.datasheets.find((d) => d.certifiedProductId === product.id);
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
                      {datasheet?.contactReplacementRequired ? (
                        <>
                          <br />
                          <span className="badge">{t('datasheets.contact.flag')}</span>
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
    </>
  );
}
