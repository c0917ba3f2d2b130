import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { AuditEntryFieldsFragment, LogCheckpointFieldsFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { translateDynamic } from '../../i18n/errors';
import { downloadText } from '../../ui/download';
import { useLoad } from '../../ui/use-api';
import { LoadError, Loading } from '../../ui/feedback';
import { NextPageButton } from '../../ui/NextPageButton';
import { usePagedList } from '../../ui/paged';
import { auditActionLabel, auditDetailLabel, auditDetailValue, recordTypeName } from './audit-labels';

/*
 * The parts of an audit-log screen, shared by the tenant's (AuditLogPage) and the operator's for the
 * platform's own chain (features/platform/PlatformAuditLogPage): each page brings its own queries,
 * which select these fragments.
 */

export const AuditEntryFields = graphql(`
  fragment AuditEntryFields on AuditEntry {
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
`);

export const ChainStatusFields = graphql(`
  fragment ChainStatusFields on AuditChainStatus {
    valid
    entries
    firstBrokenSequence
    reason
    checkpointSequence
  }
`);

export const LogCheckpointFields = graphql(`
  fragment LogCheckpointFields on LogCheckpoint {
    id
    chain
    sequence
    checkpointedAt
    keyId
    document
  }
`);

/** An entry as both audit-log queries select it. */
export type AuditEntryRow = AuditEntryFieldsFragment;
/** A signed head as both checkpoint queries select it. */
export type LogCheckpointRow = LogCheckpointFieldsFragment;

/**
 * A chain's entries, newest first, in words (with the action's code), a page at a time ("Load older").
 * `load(afterSequence)` gets the page below that sequence (null: the newest).
 */
export function AuditEntriesList({ load, pageSize }: { load: (afterSequence: number | null) => Promise<AuditEntryRow[]>; pageSize: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = usePagedList(load, (row) => row.sequence, pageSize);
  return (
    <>
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
 * Signed heads of tamper-evident logs (review F2): the platform signs how far each had reached, and the
 * reader keeps the documents, which show a log later cut short (docs/verify-log-checkpoint.mjs). `load`
 * gets them (the tenant's two logs, or the platform's own audit log); `lead` says whose they are.
 */
export function CheckpointsPanel({ load, lead }: { load: () => Promise<LogCheckpointRow[]>; lead: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const checkpoints = useLoad(load);
  const rows = checkpoints.data ?? [];
  return (
    <section className="panel" aria-labelledby="checkpoints-title">
      <h2 id="checkpoints-title">{t('audit.checkpointsTitle')}</h2>
      <p>{lead}</p>
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
