import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import { graphql } from '../../gql';
import type { RunRetentionSweepMutation } from '../../gql/graphql';
import { translateDynamic } from '../../i18n/errors';
import { useFormat } from '../../i18n/format';
import { ConfirmDialog } from '../../ui/Dialog';
import { ErrorSummary } from '../../ui/feedback';
import { useAction } from '../../ui/use-api';

const RunRetentionSweep = graphql(`
  mutation RunRetentionSweep {
    runRetentionSweep {
      holder
      deleted
      deidentified
      expired
      held
    }
  }
`);

type Outcome = RunRetentionSweepMutation['runRetentionSweep'][number];

/**
 * The schedule applied now rather than at night (privacy officer, tenant admin): after a period is
 * shortened, what is past it goes at once. Irreversible, so asked twice; the answer says what each
 * part of the application deleted, de-identified or left alone under a legal hold or a restriction.
 */
export function RetentionSweepSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<{ at: Date; rows: Outcome[] } | null>(null);
  const sweep = useAction(async () => {
    const rows = (await request(RunRetentionSweep)).runRetentionSweep;
    setOutcome({ at: new Date(), rows });
    setConfirming(false);
  });
  const holderName = (holder: string) => translateDynamic(`retentionSchedule.sweep.holders.${holder.replace(/\./g, '_')}`) ?? holder;
  const total = (key: 'deleted' | 'deidentified' | 'held') => (outcome?.rows ?? []).reduce((sum, row) => sum + row[key], 0);

  return (
    <section aria-labelledby="sweep-title" className="panel">
      <h2 id="sweep-title">{t('retentionSchedule.sweep.title')}</h2>
      <p>{t('retentionSchedule.sweep.lead')}</p>
      <button type="button" className="button button--secondary" onClick={() => (sweep.setError(null), setConfirming(true))}>
        {t('retentionSchedule.sweep.run')}
      </button>
      <ConfirmDialog
        open={confirming}
        title={t('retentionSchedule.sweep.confirmTitle')}
        body={
          <>
            <p>{t('retentionSchedule.sweep.confirmBody')}</p>
            <ErrorSummary error={sweep.error} />
          </>
        }
        confirmLabel={t('retentionSchedule.sweep.run')}
        pending={sweep.pending}
        onConfirm={() => void sweep.run()}
        onClose={() => setConfirming(false)}
      />
      {outcome ? (
        <div role="status">
          <p>
            {t('retentionSchedule.sweep.done', { time: format.dateTime(outcome.at.toISOString()), deleted: total('deleted'), deidentified: total('deidentified'), held: total('held') })}
          </p>
          <div className="table-wrap" role="region" aria-label={t('retentionSchedule.sweep.resultTitle')} tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t('retentionSchedule.sweep.resultTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('retentionSchedule.sweep.holder')}</th>
                  <th scope="col" className="numeric">{t('retentionSchedule.sweep.expired')}</th>
                  <th scope="col" className="numeric">{t('retentionSchedule.sweep.deleted')}</th>
                  <th scope="col" className="numeric">{t('retentionSchedule.sweep.deidentified')}</th>
                  <th scope="col" className="numeric">{t('retentionSchedule.sweep.held')}</th>
                </tr>
              </thead>
              <tbody>
                {outcome.rows.map((row) => (
                  <tr key={row.holder}>
                    <th scope="row">{holderName(row.holder)}</th>
                    <td className="numeric">{format.number(row.expired)}</td>
                    <td className="numeric">{format.number(row.deleted)}</td>
                    <td className="numeric">{format.number(row.deidentified)}</td>
                    <td className="numeric">{format.number(row.held)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
    </section>
  );
}
