import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CertificateApplicationsQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { StateBadge, useConsigneeLabel } from './ApplicationDetails';

type ApplicationRow = CertificateApplicationsQuery['certificateApplications'][number];

/**
 * A list of certificate applications, as the company sees its own (CertificatesPage) and the chamber its
 * queue (ReviewQueuePage). The chamber's queue names the exporter too, since it holds every company's
 * applications; its first column is when the application was submitted, the company's when it was created.
 */
export function ApplicationsTable({ applications, queue, stateNote }: {
  applications: readonly ApplicationRow[];
  /** The chamber's queue: the submission date, the exporter, and the review screen behind each row. */
  queue?: boolean;
  /** What to say beside the state (the queue: who is reviewing it). */
  stateNote?: (application: ApplicationRow) => ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const consigneeOf = useConsigneeLabel();
  const when = (application: ApplicationRow) => (queue ? application.submittedAt ?? application.createdAt : application.createdAt);
  return (
    <div className="table-wrap" role="region" aria-label={t('certificates.list.applications')} tabIndex={0}>
      <table>
        <caption className="visually-hidden">{t('certificates.list.applications')}</caption>
        <thead>
          <tr>
            <th scope="col">{queue ? t('certificates.detail.submittedAt') : t('certificates.list.created')}</th>
            {queue ? <th scope="col">{t('certificates.detail.exporter')}</th> : null}
            <th scope="col">{t('certificates.list.consignee')}</th>
            <th scope="col">{t('certificates.list.destination')}</th>
            <th scope="col">{t('certificates.list.origin')}</th>
            <th scope="col" className="numeric">{t('certificates.list.goodsLines')}</th>
            <th scope="col">{t('certificates.list.state')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {applications.map((application) => (
            <tr key={application.id ?? ''}>
              <td>{format.dateTime(when(application))}</td>
              {queue ? <td>{application.exporterName ?? ''}</td> : null}
              <th scope="row">{consigneeOf(application)}</th>
              <td>{format.country(application.consigneeCountry)}</td>
              <td>{format.country(application.countryOfOrigin)}</td>
              <td className="numeric">{format.number(application.goods?.length ?? 0)}</td>
              <td>
                <StateBadge state={application.state} />
                {stateNote?.(application)}
              </td>
              <td className="actions">
                <Link
                  to={`${queue ? '/app/review' : '/app/certificates'}/${application.id}`}
                  aria-label={t('certificates.list.openApplication', { consignee: consigneeOf(application), date: format.dateTime(when(application)) })}
                >
                  {t('certificates.list.open')}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
