import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { request } from '../../api/client';
import { hasAnyRole } from '../../auth/roles';
import { useSession } from '../../auth/session';
import { graphql } from '../../gql';
import type { TenantSupportGrantsQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { ConfirmDialog, Dialog } from '../../ui/Dialog';
import { ErrorSummary, LoadError, Loading, Notice } from '../../ui/feedback';
import { Form, SubmitButton } from '../../ui/Form';
import { PageTitle } from '../../ui/Page';
import { useAction, useLoad } from '../../ui/use-api';
import { GrantStatusCell, isRunning, shortPurpose, timeOrDateTime, useDuration, useSupportReasons } from './support-access-shared';
import { TextAreaField } from './TextAreaField';

const TenantSupportGrants = graphql(`
  query TenantSupportGrants {
    supportGrants {
      id
      purpose
      durationMinutes
      requestedAt
      status
      decidedAt
      refusalReason
      startsAt
      endsAt
      endedAt
    }
  }
`);

const ApproveSupportAccess = graphql(`
  mutation ApproveSupportAccess($grantId: ID!) {
    approveSupportAccess(grantId: $grantId) {
      id
      status
      endsAt
    }
  }
`);

const RefuseSupportAccess = graphql(`
  mutation RefuseSupportAccess($grantId: ID!, $reason: String) {
    refuseSupportAccess(grantId: $grantId, reason: $reason) {
      id
      status
    }
  }
`);

const EndSupportAccess = graphql(`
  mutation EndSupportAccess($grantId: ID!) {
    endSupportAccess(grantId: $grantId) {
      id
      status
      endedAt
    }
  }
`);

type Grant = TenantSupportGrantsQuery['supportGrants'][number];

/**
 * The operator's requests for support access to the tenant's data (SPEC §5): the tenant's
 * administrator approves (step-up), refuses or ends them; its privacy officer follows them.
 */
export default function SupportAccessPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const duration = useDuration();
  const reasons = useSupportReasons();
  const { me } = useSession();
  const admin = hasAnyRole(me?.roles, ['TENANT_ADMIN']) && !me?.organisationId;
  const privacyOfficer = hasAnyRole(me?.roles, ['PRIVACY_OFFICER']);
  const grants = useLoad(() => request(TenantSupportGrants));
  const [approving, setApproving] = useState<Grant | null>(null);
  const [refusing, setRefusing] = useState<Grant | null>(null);
  const [ending, setEnding] = useState<Grant | null>(null);
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  // After a decision the row's button is gone: the focus goes to the sentence that says what happened.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const approve = useAction(async () => {
    if (!approving?.id) return;
    const target = approving;
    const data = await request(ApproveSupportAccess, { grantId: target.id ?? '' });
    setApproving(null);
    setNotice(t('supportAccess.tenant.approved', { time: timeOrDateTime(format, data.approveSupportAccess.endsAt) }));
    grants.reload();
  });
  const refuse = useAction(async () => {
    if (!refusing?.id) return;
    const target = refusing;
    await request(RefuseSupportAccess, { grantId: target.id ?? '', reason: reason.trim() || null });
    setRefusing(null);
    setReason('');
    setNotice(t('supportAccess.tenant.refused'));
    grants.reload();
  });
  const end = useAction(async () => {
    if (!ending?.id) return;
    const target = ending;
    const data = await request(EndSupportAccess, { grantId: target.id ?? '' });
    setEnding(null);
    setNotice(t('supportAccess.tenant.ended', { time: timeOrDateTime(format, data.endSupportAccess.endedAt) }));
    grants.reload();
  });

  const list = grants.data?.supportGrants ?? [];
  const running = list.filter((grant) => isRunning(grant));
  return (
    <>
      <PageTitle lead={t('supportAccess.tenant.lead')}>{t('supportAccess.tenant.title')}</PageTitle>
      <p>
        {t('supportAccess.tenant.logged')}
        {privacyOfficer ? (
          <>
            {' '}
            <Link to="/app/privacy/accesses">{t('supportAccess.tenant.accessLogLink')}</Link>
          </>
        ) : null}
      </p>
      {running.map((grant) => (
        <Notice key={grant.id ?? ''} kind="warning" title={t('supportAccess.tenant.runningTitle', { time: timeOrDateTime(format, grant.endsAt) })}>
          <p>{t('supportAccess.tenant.runningPurpose', { purpose: grant.purpose ?? '' })}</p>
        </Notice>
      ))}
      {notice ? (
        <div ref={noticeRef} tabIndex={-1}>
          <Notice kind="success">{notice}</Notice>
        </div>
      ) : null}
      {grants.loading && !grants.data ? <Loading /> : null}
      {grants.error ? <LoadError error={grants.error} onRetry={grants.reload} /> : null}
      {grants.data ? (
        <section aria-labelledby="support-grants-title">
          <h2 id="support-grants-title">{t('supportAccess.tenant.listTitle')}</h2>
          {list.length === 0 ? <p>{t('supportAccess.tenant.none')}</p> : null}
          {list.length > 0 ? (
            <div className="table-wrap" role="region" aria-labelledby="support-grants-title" tabIndex={0}>
              <table>
                <caption className="visually-hidden">{t('supportAccess.tenant.listTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('supportAccess.purpose')}</th>
                    <th scope="col">{t('supportAccess.requestedAt')}</th>
                    <th scope="col">{t('supportAccess.duration')}</th>
                    <th scope="col">{t('supportAccess.statusColumn')}</th>
                    {admin ? (
                      <th scope="col">
                        <span className="visually-hidden">{t('common.actions')}</span>
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {list.map((grant) => (
                    <tr key={grant.id ?? ''}>
                      <th scope="row" className="break-anywhere">
                        {grant.purpose}
                      </th>
                      <td>{format.dateTime(grant.requestedAt)}</td>
                      <td>{duration(grant.durationMinutes)}</td>
                      <td>
                        <GrantStatusCell grant={grant} />
                      </td>
                      {admin ? (
                        <td className="actions actions--stacked">
                          {grant.status === 'REQUESTED' ? (
                            <>
                              <button type="button" className="button button--small" onClick={() => (setApproving(grant), setNotice(null), approve.setError(null))}>
                                {t('supportAccess.tenant.approve')}
                                <span className="visually-hidden"> {shortPurpose(grant.purpose)}</span>
                              </button>
                              <button type="button" className="button button--secondary button--small" onClick={() => (setRefusing(grant), setReason(''), setNotice(null), refuse.setError(null))}>
                                {t('supportAccess.tenant.refuse')}
                                <span className="visually-hidden"> {shortPurpose(grant.purpose)}</span>
                              </button>
                            </>
                          ) : null}
                          {isRunning(grant) ? (
                            <button type="button" className="button button--danger button--small" onClick={() => (setEnding(grant), setNotice(null), end.setError(null))}>
                              {t('supportAccess.tenant.end')}
                              <span className="visually-hidden"> {shortPurpose(grant.purpose)}</span>
                            </button>
                          ) : null}
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
      ) : null}
      {admin ? (
        <>
          <ConfirmDialog
            open={approving !== null}
            title={t('supportAccess.tenant.approveTitle')}
            tone="primary"
            body={
              <>
                <ErrorSummary error={approve.error} overrides={reasons} />
                <dl className="details">
                  <div>
                    <dt>{t('supportAccess.purpose')}</dt>
                    <dd>{approving?.purpose}</dd>
                  </div>
                  <div>
                    <dt>{t('supportAccess.duration')}</dt>
                    <dd>{duration(approving?.durationMinutes)}</dd>
                  </div>
                </dl>
                <p>{t('supportAccess.tenant.approveBody', { duration: duration(approving?.durationMinutes) })}</p>
              </>
            }
            confirmLabel={t('supportAccess.tenant.approveConfirm')}
            pending={approve.pending}
            onConfirm={() => void approve.run()}
            onClose={() => (setApproving(null), approve.setError(null))}
          />
          <Dialog open={refusing !== null} title={t('supportAccess.tenant.refuseTitle')} onClose={() => (setRefusing(null), refuse.setError(null))}>
            <p className="break-anywhere">{t('supportAccess.tenant.refuseBody', { purpose: refusing?.purpose ?? '' })}</p>
            <Form error={refuse.error} overrides={reasons} onSubmit={() => void refuse.run()} idScope="refuse-">
              <TextAreaField name="reason" label={t('supportAccess.tenant.reason')} hint={t('supportAccess.tenant.reasonHint')} optional maxLength={1000} value={reason} onValue={setReason} />
              <div className="button-row">
                <SubmitButton pending={refuse.pending} pendingLabel={t('common.saving')}>
                  {t('supportAccess.tenant.refuseConfirm')}
                </SubmitButton>
                <button type="button" className="button button--secondary" onClick={() => (setRefusing(null), refuse.setError(null))}>
                  {t('common.cancel')}
                </button>
              </div>
            </Form>
          </Dialog>
          <ConfirmDialog
            open={ending !== null}
            title={t('supportAccess.tenant.endTitle')}
            body={
              <>
                <ErrorSummary error={end.error} overrides={reasons} />
                <p className="break-anywhere">{t('supportAccess.tenant.endBody', { purpose: ending?.purpose ?? '', time: timeOrDateTime(format, ending?.endsAt) })}</p>
              </>
            }
            confirmLabel={t('supportAccess.tenant.endConfirm')}
            pending={end.pending}
            onConfirm={() => void end.run()}
            onClose={() => (setEnding(null), end.setError(null))}
          />
        </>
      ) : null}
    </>
  );
}
