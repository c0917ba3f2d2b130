import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { ErrorSummary, Notice } from './feedback';
import { useAction } from './use-api';

export interface ChainStatus {
  valid: boolean;
  entries: number;
  firstBrokenSequence?: number | null;
  /** Why it is broken (LINK_BROKEN, TRUNCATED, CHECKPOINT_MISMATCH). */
  reason?: string | null;
  /** The newest signed head (checkpoint) the chain was checked against. */
  checkpointSequence?: number | null;
}

/** The message of a broken chain: a removed or changed entry within it, its newest entries removed, or rewritten from a signed position. */
function brokenKey(reason: string | null | undefined): 'audit.chainTruncated' | 'audit.chainMismatch' | 'audit.chainBroken' {
  return reason === 'TRUNCATED' ? 'audit.chainTruncated' : reason === 'CHECKPOINT_MISMATCH' ? 'audit.chainMismatch' : 'audit.chainBroken';
}

/**
 * Recomputes a tamper-evident log's hash chain on request (the audit log, the personal-data access
 * log) against the heads the platform signed, and says whether it is intact, or from which entry and
 * why it is broken.
 */
export function ChainCheck<S extends ChainStatus>({ check, lead, extra }: { check: () => Promise<S>; lead: string; extra?: (status: S) => ReactNode }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [status, setStatus] = useState<S | null>(null);
  const verify = useAction(async () => setStatus(await check()));
  return (
    <section className="panel" aria-labelledby="verify-title">
      <h2 id="verify-title">{t('audit.verifyTitle')}</h2>
      <p>{lead}</p>
      <ErrorSummary error={verify.error} />
      {status ? (
        status.valid ? (
          <Notice kind="success">
            <p>{t('audit.chainValid', { count: status.entries, entries: format.number(status.entries) })}</p>
            {status.checkpointSequence ? <p>{t('audit.checkedAgainstCheckpoint', { sequence: status.checkpointSequence })}</p> : null}
            {extra?.(status)}
          </Notice>
        ) : (
          <div className="notice notice--error" role="alert">
            <p>{t(brokenKey(status.reason), { sequence: status.firstBrokenSequence ?? '?', checkpoint: status.checkpointSequence ?? '?' })}</p>
          </div>
        )
      ) : null}
      <button type="button" className="button button--secondary" onClick={() => void verify.run()} disabled={verify.pending}>
        {verify.pending ? t('common.checking') : t('audit.verify')}
      </button>
    </section>
  );
}
