import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import { graphql } from '../../gql';
import { useFormat } from '../../i18n/format';
import { clientError } from '../../api/errors';
import { ConfirmDialog, Dialog } from '../../ui/Dialog';
import { Form, SubmitButton } from '../../ui/Form';
import { TextAreaField } from '../privacy/TextAreaField';
import { ErrorSummary, LoadError, Loading, Notice } from '../../ui/feedback';
import { PageTitle } from '../../ui/Page';
import { useAction, useLoad } from '../../ui/use-api';
import { useOffboardingReasons, WAITING_DAYS, WITHDRAWAL_REASON_MAX, withoutFields, withReasonFieldOnly } from './offboarding-shared';
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
      withdrawnAt
      withdrawnByParty
      withdrawalReason
    }
  }
`);

const DeclineOwnTenantOffboarding = graphql(`
  mutation DeclineOwnTenantOffboarding($offboardingId: ID!, $reason: String!) {
    declineTenantOffboarding(offboardingId: $offboardingId, reason: $reason) {
      id
      status
      withdrawnAt
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
  const [declining, setDeclining] = useState(false);
  const [declineReason, setDeclineReason] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  // After confirming, the Confirm button is gone: the focus goes to the sentence that says what happened.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  // The open departure if there is one; withdrawn ones are kept for the record (newest first), the last shown below.
  const all = departures.data?.tenantOffboardings ?? [];
  const departure = all.find((d) => d.status !== 'WITHDRAWN') ?? null;
  const lastWithdrawn = departure ? null : (all.find((d) => d.status === 'WITHDRAWN') ?? null);
  // The administrator may decline a filed departure, or revoke the confirmation while the waiting period runs.
  const declinable = departure !== null && (departure.status === 'REQUESTED' || (departure.destroyNotBefore !== null && departure.destroyNotBefore !== undefined && Date.parse(departure.destroyNotBefore) > Date.now()));
  const revoking = departure?.status === 'CONFIRMED';

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

  const decline = useAction(async () => {
    if (!departure?.id) return;
    if (!declineReason.trim()) throw clientError([{ field: 'reason', reason: 'required', constraint: 'required' }]);
    await request(DeclineOwnTenantOffboarding, { offboardingId: departure.id, reason: declineReason.trim() }).catch((error: unknown) => {
      throw withReasonFieldOnly(error);
    });
    setDeclining(false);
    setDeclineReason('');
    setNotice(t(revoking ? 'offboarding.withdrawal.tenant.revokedNotice' : 'offboarding.withdrawal.tenant.declinedNotice'));
    departures.reload();
  });
  const closeDecline = () => (setDeclining(false), decline.setError(null));

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
          {lastWithdrawn ? (
            <p className="break-anywhere">
              {t(lastWithdrawn.withdrawnByParty === 'TENANT' ? 'offboarding.withdrawal.byTenant' : 'offboarding.withdrawal.byOperator', { date: format.dateTime(lastWithdrawn.withdrawnAt) })}{' '}
              {t('offboarding.withdrawal.reasonGiven', { reason: lastWithdrawn.withdrawalReason ?? '' })}
            </p>
          ) : null}
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
                  <span className={departure.status === 'REQUESTED' ? 'badge badge--info' : 'badge badge--alarm'}>{t(`offboarding.status.${departure.status === 'CONFIRMED' ? 'CONFIRMED' : 'REQUESTED'}`)}</span>
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
          {declinable ? (
            <section aria-labelledby="offboarding-decline-title">
              <h2 id="offboarding-decline-title">{t('offboarding.withdrawal.tenant.sectionTitle')}</h2>
              <p>{revoking ? t('offboarding.withdrawal.tenant.revokeLead', { date: format.dateTime(departure.destroyNotBefore) }) : t('offboarding.withdrawal.tenant.declineLead')}</p>
              <p>
                <button type="button" className="button button--secondary" onClick={() => (setDeclining(true), setDeclineReason(''), setNotice(null), decline.setError(null))}>
                  {t('offboarding.withdrawal.tenant.action')}
                </button>
              </p>
            </section>
          ) : null}
        </>
      ) : null}
      <Dialog open={declining} title={revoking ? t('offboarding.withdrawal.tenant.revokeTitle') : t('offboarding.withdrawal.tenant.declineTitle')} onClose={closeDecline}>
        <p>{t('offboarding.withdrawal.tenant.body')}</p>
        <Form error={decline.error} overrides={reasons} onSubmit={() => void decline.run()} idScope="decline-">
          <TextAreaField
            name="reason"
            label={t('offboarding.withdrawal.reason')}
            hint={t('offboarding.withdrawal.tenant.reasonHint')}
            maxLength={WITHDRAWAL_REASON_MAX}
            value={declineReason}
            onValue={setDeclineReason}
          />
          <div className="button-row">
            <SubmitButton pending={decline.pending} pendingLabel={t('common.saving')}>
              {revoking ? t('offboarding.withdrawal.tenant.revokeConfirm') : t('offboarding.withdrawal.tenant.declineConfirm')}
            </SubmitButton>
            <button type="button" className="button button--secondary" onClick={closeDecline}>
              {t('common.cancel')}
            </button>
          </div>
        </Form>
      </Dialog>
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
