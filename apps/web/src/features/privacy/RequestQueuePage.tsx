import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { request } from '../../api/client';
import { graphql } from '../../gql';
import { useFormat } from '../../i18n/format';
import { LoadError, Loading } from '../../ui/feedback';
import { PageTitle } from '../../ui/Page';
import { useLoad } from '../../ui/use-api';

// PRIVACY_OFFICER@ownTenant reads every field of DataSubjectRequest.
export const DataSubjectRequestQueue = graphql(`
  query DataSubjectRequestQueue($open: Boolean!, $first: Int!) {
    dataSubjectRequests(open: $open, first: $first) {
      id
      type
      status
      receivedAt
      acknowledgedAt
      completedAt
      firstDueOn
      dueOn
      overdue
      extensionMonths
      extensionReason
      identityVerifiedBy
      language
      requesterEmail
      subjectUserId
      details
      outcome
    }
  }
`);

/** The largest page the API serves; a tenant's open requests stay well below it. */
export const QUEUE_SIZE = 200;

/** The privacy officers' queue: open requests by due date, with the overdue alarm. */
export default function RequestQueuePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [showAll, setShowAll] = useState(false);
  const { data, error, loading, reload } = useLoad(() => request(DataSubjectRequestQueue, { open: !showAll, first: QUEUE_SIZE }), [showAll]);
  // The API sorts by due date already; sorting here too keeps the promise if it pages differently.
  const rows = [...(data?.dataSubjectRequests ?? [])].sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? ''));
  return (
    <>
      <PageTitle lead={t('privacyDesk.queue.lead')}>{t('privacyDesk.queue.title')}</PageTitle>
      <div className="field field--checkbox">
        <label>
          <input type="checkbox" checked={showAll} onChange={(event) => setShowAll(event.target.checked)} /> {t('privacyDesk.queue.showAll')}
        </label>
      </div>
      {loading && !data ? <Loading /> : null}
      {error ? <LoadError error={error} onRetry={reload} /> : null}
      {data && rows.length === 0 ? <p>{t('privacyDesk.queue.none')}</p> : null}
      {rows.length > 0 ? (
        <div className="table-wrap" role="region" aria-labelledby="queue-caption" tabIndex={0}>
          <table>
            <caption id="queue-caption" className="visually-hidden">
              {t('privacyDesk.queue.title')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('privacyDesk.queue.dueOn')}</th>
                <th scope="col">{t('privacyDesk.queue.type')}</th>
                <th scope="col">{t('privacyDesk.queue.status')}</th>
                <th scope="col">{t('privacyDesk.queue.received')}</th>
                <th scope="col">{t('privacyDesk.queue.requester')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id ?? ''} className={row.overdue ? 'row--overdue' : undefined}>
                  <td>
                    <Link to={`/app/privacy/requests/${row.id ?? ''}`}>{format.date(row.dueOn)}</Link>
                    {row.overdue ? (
                      <>
                        {' '}
                        <span className="badge badge--alarm">{t('privacyDesk.queue.overdue')}</span>
                      </>
                    ) : null}
                    {row.extensionMonths ? <span className="muted"> ({t('privacyDesk.queue.extended')})</span> : null}
                  </td>
                  <td>{t(`privacyDesk.types.${row.type ?? 'ACCESS'}`)}</td>
                  <td>{row.status ? t(`privacyDesk.statuses.${row.status}`) : null}</td>
                  <td>{format.date(row.receivedAt)}</td>
                  <td>{row.requesterEmail ?? <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
