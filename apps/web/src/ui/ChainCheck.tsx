import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { ErrorSummary, Notice } from './feedback';
import { useAction } from './use-api';

export interface ChainStatus {
  valid: boolean;
  entries: number;
  firstBrokenSequence?: number | null;
}

/**
 * Recomputes a tamper-evident log's hash chain on request (the audit log, the personal-data access
 * log) and says whether it is intact, or from which entry it is broken.
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
            {extra?.(status)}
          </Notice>
        ) : (
          <div className="notice notice--error" role="alert">
            <p>{t('audit.chainBroken', { sequence: status.firstBrokenSequence ?? '?' })}</p>
          </div>
        )
      ) : null}
      <button type="button" className="button button--secondary" onClick={() => void verify.run()} disabled={verify.pending}>
        {verify.pending ? t('common.checking') : t('audit.verify')}
      </button>
    </section>
  );
}
