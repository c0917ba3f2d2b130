import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import { graphql } from '../../gql';
import { useFormat } from '../../i18n/format';
import { ConfirmDialog } from '../../ui/Dialog';
import { ErrorSummary, LoadError, Loading, Notice } from '../../ui/feedback';
import { PageTitle } from '../../ui/Page';
import { useAction, useLoad } from '../../ui/use-api';
import { useOffboardingReasons, WAITING_DAYS, withoutFields } from './offboarding-shared';
import { downloadText } from '../../ui/download';

const OwnTenantOffboarding = graphql(`
  query OwnTenantOffboarding {
    tenantOffboardings {
      id
      status
      requestedAt
      confirmedAt
      destroyNotBefore
      exportedAt
      exportedRecords
      exportHash
    }
  }
`);

const ConfirmOwnTenantOffboarding = graphql(`
  mutation ConfirmOwnTenantOffboarding($offboardingId: ID!) {
    confirmTenantOffboarding(offboardingId: $offboardingId) {
      id
      status
      confirmedAt
      destroyNotBefore
    }
  }
`);

const ExportOwnTenantArchive = graphql(`
  mutation ExportOwnTenantArchive($offboardingId: ID!) {
    exportTenantArchive(offboardingId: $offboardingId) {
      offboardingId
      records
      withheld
      sha256
      json
    }
  }
`);

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The tenant's departure from the platform (GDPR Art. 28(3)(g)), as its administrator sees it: the
 * operator files it; an administrator confirms it (step-up), takes the archive of every record, and
 * after the waiting period the operator destroys the data. Without a filed departure: says so.
 */
export default function TenantOffboardingPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const reasons = useOffboardingReasons();
  const departures = useLoad(() => request(OwnTenantOffboarding));
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  // After confirming, the Confirm button is gone: the focus goes to the sentence that says what happened.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const departure = departures.data?.tenantOffboardings[0] ?? null;

  const confirm = useAction(async () => {
    if (!departure?.id) return;
    const data = await request(ConfirmOwnTenantOffboarding, { offboardingId: departure.id });
    setConfirming(false);
    setNotice(t('offboarding.tenant.confirmedNotice', { date: format.dateTime(data.confirmTenantOffboarding.destroyNotBefore) }));
    departures.reload();
  });

  const archive = useAction(async () => {
    if (!departure?.id) return;
    const data = await request(ExportOwnTenantArchive, { offboardingId: departure.id });
    const exported = data.exportTenantArchive;
    downloadText(exported.json, `chancery-archive-${new Date().toISOString().slice(0, 10)}-${exported.sha256.slice(0, 12)}.json`, 'application/json');
    setNotice(t('offboarding.tenant.downloaded', { count: exported.records, withheld: exported.withheld }));
    departures.reload();
  });

  // What the confirmation starts, counted from now (the API counts from its own clock, a moment later).
  const earliestIfConfirmedNow = new Date(Date.now() + WAITING_DAYS * DAY_MS).toISOString();

  return (
    <>
      <PageTitle lead={t('offboarding.tenant.lead')}>{t('offboarding.tenant.title')}</PageTitle>
      {notice ? (
        <div ref={noticeRef} tabIndex={-1}>
          <Notice kind="success">{notice}</Notice>
        </div>
      ) : null}
      {departures.loading && !departures.data ? <Loading /> : null}
      {departures.error ? <LoadError error={departures.error} onRetry={departures.reload} /> : null}
      {departures.data && !departure ? (
        <section aria-labelledby="offboarding-none-title">
          <h2 id="offboarding-none-title">{t('offboarding.tenant.noneTitle')}</h2>
          <p>{t('offboarding.tenant.none')}</p>
        </section>
      ) : null}
      {departure ? (
        <>
          {departure.status === 'REQUESTED' ? (
            <Notice kind="warning" title={t('offboarding.tenant.filedTitle', { date: format.dateTime(departure.requestedAt) })}>
              <p>{t('offboarding.tenant.notYou')}</p>
            </Notice>
          ) : (
            <Notice kind="warning" title={t('offboarding.tenant.confirmedTitle', { date: format.dateTime(departure.destroyNotBefore) })}>
              <p>{departure.exportedAt ? t('offboarding.tenant.confirmedTaken') : t('offboarding.tenant.confirmedNotTaken')}</p>
            </Notice>
          )}
          <section aria-labelledby="offboarding-departure-title">
            <h2 id="offboarding-departure-title">{t('offboarding.tenant.departureTitle')}</h2>
            <dl className="details">
              <div>
                <dt>{t('offboarding.statusLabel')}</dt>
                <dd>
                  <span className={departure.status === 'REQUESTED' ? 'badge badge--info' : 'badge badge--alarm'}>{t(`offboarding.status.${departure.status ?? 'REQUESTED'}`)}</span>
                </dd>
              </div>
              <div>
                <dt>{t('offboarding.requestedAt')}</dt>
                <dd>{format.dateTime(departure.requestedAt)}</dd>
              </div>
              {departure.confirmedAt ? (
                <div>
                  <dt>{t('offboarding.confirmedAt')}</dt>
                  <dd>{format.dateTime(departure.confirmedAt)}</dd>
                </div>
              ) : null}
              {departure.destroyNotBefore ? (
                <div>
                  <dt>{t('offboarding.destroyNotBefore')}</dt>
                  <dd>{format.dateTime(departure.destroyNotBefore)}</dd>
                </div>
              ) : null}
              {departure.status === 'CONFIRMED' ? (
                <div>
                  <dt>{t('offboarding.exportedAt')}</dt>
                  <dd>{departure.exportedAt ? t('offboarding.tenant.taken', { date: format.dateTime(departure.exportedAt), count: departure.exportedRecords ?? 0 }) : t('offboarding.tenant.notTaken')}</dd>
                </div>
              ) : null}
              {departure.exportHash ? (
                <div>
                  <dt>{t('offboarding.exportHash')}</dt>
                  <dd>
                    <code className="break-anywhere">{departure.exportHash}</code>
                  </dd>
                </div>
              ) : null}
            </dl>
          </section>
          {departure.status === 'REQUESTED' ? (
            <section aria-labelledby="offboarding-meaning-title">
              <h2 id="offboarding-meaning-title">{t('offboarding.tenant.meaningTitle')}</h2>
              <ol className="steps">
                <li>{t('offboarding.tenant.step1', { days: WAITING_DAYS })}</li>
                <li>{t('offboarding.tenant.step2')}</li>
                <li>{t('offboarding.tenant.step3')}</li>
              </ol>
              <p>
                <strong>{t('offboarding.tenant.notYou')}</strong>
              </p>
              <p>
                <button type="button" className="button button--danger" onClick={() => (setConfirming(true), setNotice(null), confirm.setError(null))}>
                  {t('offboarding.tenant.confirm')}
                </button>
              </p>
            </section>
          ) : (
            <section aria-labelledby="offboarding-archive-title">
              <h2 id="offboarding-archive-title">{t('offboarding.tenant.archiveTitle')}</h2>
              <p>{t('offboarding.tenant.archiveBody', { date: format.dateTime(departure.destroyNotBefore) })}</p>
              <p>{t('offboarding.tenant.archiveFiles')}</p>
              <ErrorSummary error={withoutFields(archive.error)} overrides={reasons} />
              <p>
                <button type="button" className="button" onClick={() => (setNotice(null), void archive.run())} disabled={archive.pending} aria-disabled={archive.pending}>
                  {archive.pending ? t('offboarding.tenant.downloading') : t('offboarding.tenant.download')}
                </button>
              </p>
            </section>
          )}
        </>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={t('offboarding.tenant.confirmTitle')}
        body={
          <>
            <ErrorSummary error={withoutFields(confirm.error)} overrides={reasons} />
            <p>{t('offboarding.tenant.confirmBody', { days: WAITING_DAYS, date: format.date(earliestIfConfirmedNow) })}</p>
            <p>{t('offboarding.tenant.confirmIrreversible')}</p>
          </>
        }
        confirmLabel={t('offboarding.tenant.confirmConfirm')}
        pending={confirm.pending}
        onConfirm={() => void confirm.run()}
        onClose={() => (setConfirming(false), confirm.setError(null))}
      />
    </>
  );
}
