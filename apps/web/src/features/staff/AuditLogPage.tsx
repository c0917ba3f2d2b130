import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import { graphql } from '../../gql';
import { useFormat } from '../../i18n/format';
import { translateDynamic } from '../../i18n/errors';
import { ChainCheck } from '../../ui/ChainCheck';
import { downloadText } from '../../ui/download';
import { useLoad } from '../../ui/use-api';
import { LoadError, Loading } from '../../ui/feedback';
import { PageTitle } from '../../ui/Page';
import { NextPageButton } from '../../ui/NextPageButton';
import { usePagedList } from '../../ui/paged';
import { auditActionLabel, auditDetailLabel, auditDetailValue, recordTypeName } from './audit-labels';

const PAGE_SIZE = 50;

// TENANT_ADMIN and AUDITOR read every AuditEntry field of their own tenant.
const AuditEntries = graphql(`
  query AuditEntries($first: Int!, $afterSequence: Int) {
    auditEntries(first: $first, afterSequence: $afterSequence) {
      id
      sequence
      occurredAt
      action
      actorKind
      actorId
      subjectType
      subjectId
      details {
        key
        value
      }
    }
  }
`);

const VerifyAuditChain = graphql(`
  query VerifyAuditChain {
    verifyAuditChain {
      valid
      entries
      firstBrokenSequence
      reason
      checkpointSequence
    }
  }
`);

// TENANT_ADMIN and AUDITOR: positions and hashes of both logs, no personal data.
const LogCheckpoints = graphql(`
  query LogCheckpoints($first: Int!) {
    logCheckpoints(first: $first) {
      id
      chain
      sequence
      checkpointedAt
      keyId
      document
    }
  }
`);

const CHECKPOINTS_SHOWN = 24;

/** The tenant's tamper-evident log, newest first, in words (with the action's code), and a check of its hash chain. */
export default function AuditLogPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const list = usePagedList(
    async (afterSequence: number | null) => (await request(AuditEntries, { first: PAGE_SIZE, afterSequence })).auditEntries,
    (row) => row.sequence,
    PAGE_SIZE,
  );

  return (
    <>
      <PageTitle lead={t('audit.lead')}>{t('audit.title')}</PageTitle>
      <ChainCheck check={async () => (await request(VerifyAuditChain)).verifyAuditChain} lead={t('audit.verifyLead')} />
      <Checkpoints />
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      {list.rows.length > 0 ? (
        <div className="table-wrap" role="region" aria-label={t('audit.entries')} tabIndex={0}>
          <table>
            <caption className="visually-hidden">{t('audit.entries')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.sequence')}</th>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.subject')}</th>
                <th scope="col">{t('audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((entry) => (
                <tr key={entry.id ?? entry.sequence ?? ''}>
                  <td className="numeric">{entry.sequence}</td>
                  <td>{format.dateTime(entry.occurredAt)}</td>
                  <td>
                    {auditActionLabel(entry.action ?? '')}
                    <span className="cell-note">
                      <code>{entry.action}</code>
                    </span>
                  </td>
                  <td>
                    {translateDynamic(`actorKinds.${entry.actorKind ?? ''}`) ?? entry.actorKind}
                    {entry.actorId ? (
                      <>
                        <br />
                        <code className="id">{entry.actorId}</code>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {entry.subjectType ? recordTypeName(entry.subjectType) : null}
                    {entry.subjectId ? (
                      <>
                        <br />
                        <code className="id">{entry.subjectId}</code>
                      </>
                    ) : null}
                  </td>
                  <td>
                    <ul className="plain-list">
                      {(entry.details ?? []).map((detail) => (
                        <li key={detail.key}>
                          <DetailValue action={entry.action ?? ''} detailKey={detail.key ?? ''} value={detail.value ?? null} />
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {!list.loading && !list.error && list.rows.length === 0 ? <p>{t('audit.none')}</p> : null}
      {list.loading ? <Loading /> : null}
      <NextPageButton list={list} label={t('common.loadOlder')} />
    </>
  );
}

/**
 * The signed heads of the tenant's two logs (review F2): the platform signs how far each had reached,
 * and the tenant keeps the documents, which show a log later cut short (docs/verify-log-checkpoint.mjs).
 */
function Checkpoints() {
  const { t } = useTranslation();
  const format = useFormat();
  const checkpoints = useLoad(async () => (await request(LogCheckpoints, { first: CHECKPOINTS_SHOWN })).logCheckpoints);
  const rows = checkpoints.data ?? [];
  return (
    <section className="panel" aria-labelledby="checkpoints-title">
      <h2 id="checkpoints-title">{t('audit.checkpointsTitle')}</h2>
      <p>{t('audit.checkpointsLead')}</p>
      {checkpoints.error ? <LoadError error={checkpoints.error} onRetry={checkpoints.reload} /> : null}
      {checkpoints.loading ? <Loading /> : null}
      {!checkpoints.loading && !checkpoints.error && rows.length === 0 ? <p>{t('audit.checkpointsNone')}</p> : null}
      {rows.length > 0 ? (
        <div className="table-wrap" role="region" aria-label={t('audit.checkpointsTitle')} tabIndex={0}>
          <table>
            <caption className="visually-hidden">{t('audit.checkpointsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.checkpointLog')}</th>
                <th scope="col">{t('audit.sequence')}</th>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.checkpointDocument')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((checkpoint) => (
                <tr key={checkpoint.id ?? ''}>
                  <td>{checkpoint.chain === 'PERSONAL_DATA_ACCESS' ? t('audit.checkpointAccessLog') : t('audit.checkpointAuditLog')}</td>
                  <td className="numeric">{checkpoint.sequence}</td>
                  <td>{format.dateTime(checkpoint.checkpointedAt)}</td>
                  <td>
                    <button
                      type="button"
                      className="button button--secondary"
                      onClick={() => downloadText(checkpoint.document ?? '', `checkpoint-${(checkpoint.chain ?? '').toLowerCase()}-${checkpoint.sequence ?? ''}.json`, 'application/json')}
                    >
                      {t('audit.checkpointDownload')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/** One detail of an entry: its name, and its value in words where it is a code we name, else as recorded. */
function DetailValue({ action, detailKey, value }: { action: string; detailKey: string; value: string | null }) {
  const words = value === null ? null : auditDetailValue(action, detailKey, value);
  return (
    <>
      {auditDetailLabel(detailKey)}: {value === null ? '—' : (words ?? <code>{value}</code>)}
    </>
  );
}
