import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { request } from '../../api/client';
import { clientError } from '../../api/errors';
import { hasAnyRole } from '../../auth/roles';
import { useSession } from '../../auth/session';
import { useFormat } from '../../i18n/format';
import { ConfirmDialog, Dialog } from '../../ui/Dialog';
import { ErrorSummary, LoadError, Loading, Notice } from '../../ui/feedback';
import { Form, SubmitButton } from '../../ui/Form';
import { FieldShell, SelectField } from '../../ui/fields';
import { PageTitle } from '../../ui/Page';
import { useAction, useLoad } from '../../ui/use-api';
import { ApplicationDetails, CompanyReplyNotice, DestroyedNotice, StateBadge } from './ApplicationDetails';
import { CertificatePanel } from './CertificatePanel';
import {
  ApproveCertificateApplication,
  CertificateApplication,
  ClaimCertificateApplication,
  RejectCertificateApplication,
  ReleaseCertificateApplication,
  RequestCertificateApplicationChanges,
  REVOCATION_REASONS,
  RevokeCertificate,
  SignCertificate,
} from './operations';

/** A key for signing this application, the same on every retry from this screen (the API issues one certificate per key). */
function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `portal-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

type Decision = 'changes' | 'reject' | 'approve' | 'sign' | 'revoke' | null;

/**
 * One application as the chamber sees it, with the acts the viewer's role and its state allow: a
 * clerk claims it, then requests changes, rejects, approves or releases it (back to the queue); the
 * tenant admin releases another clerk's claim; a signer signs it and may revoke the certificate. Signing and revoking ask for the second factor again (step-up) when the last
 * confirmation is older than the API's window.
 */
export default function ReviewApplicationPage() {
  const { applicationId = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const { me } = useSession();
  const loaded = useLoad(() => request(CertificateApplication, { applicationId }), [applicationId]);
  const [decision, setDecision] = useState<Decision>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState<string>(REVOCATION_REASONS[0]);
  const idempotencyKey = useRef(newIdempotencyKey());
  const [certificateGeneration, setCertificateGeneration] = useState(0);

  const application = loaded.data?.certificateApplication ?? null;
  const id = application?.id ?? applicationId;
  const isClerk = hasAnyRole(me?.roles, ['CLERK']);
  const isSigner = hasAnyRole(me?.roles, ['SIGNER']);
  const isTenantAdmin = hasAnyRole(me?.roles, ['TENANT_ADMIN']);
  const claimedByMe = application?.claimedBy != null && application.claimedBy === me?.id;

  const done = (message: string) => {
    setDecision(null);
    setComment('');
    setNotice(message);
    loaded.reload();
  };
  const claim = useAction(async () => {
    await request(ClaimCertificateApplication, { applicationId: id });
    done(t('certificates.review.claimed'));
  });
  /** Back to the queue: the claiming clerk's own claim, or any clerk's for the tenant admin (a clerk who is away). */
  const release = useAction(async () => {
    await request(ReleaseCertificateApplication, { applicationId: id });
    done(t('certificates.review.released'));
  });
  const requestChanges = useAction(async () => {
    if (!comment.trim()) throw clientError([{ field: 'comment', reason: 'required', constraint: 'required' }]);
    await request(RequestCertificateApplicationChanges, { applicationId: id, comment: comment.trim() });
    done(t('certificates.review.changesRequested'));
  });
  const reject = useAction(async () => {
    if (!comment.trim()) throw clientError([{ field: 'reason', reason: 'required', constraint: 'required' }]);
    await request(RejectCertificateApplication, { applicationId: id, reason: comment.trim() });
    done(t('certificates.review.rejected'));
  });
  const approve = useAction(async () => {
    await request(ApproveCertificateApplication, { applicationId: id });
    done(t('certificates.review.approved'));
  });
  // Signing and revoking are tried at once: a login or step-up of the last five minutes counts. When the
  // API asks for a fresh second-factor check, the portal's step-up dialog opens and the act runs again.
  const sign = useAction(async () => {
    const data = await request(SignCertificate, { applicationId: id, idempotencyKey: idempotencyKey.current });
    done(t('certificates.review.signed', { number: data.signCertificate.number ?? '' }));
  });
  const revoke = useAction(async (certificateId: string) => {
    await request(RevokeCertificate, { certificateId, reason });
    setDecision(null);
    setNotice(t('certificates.review.revoked'));
    setCertificateGeneration((g) => g + 1);
  });

  if (loaded.loading && !loaded.data) return <Loading />;
  if (loaded.error) return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  if (!application) return null;
  const state = application.state;
  const actionError = claim.error ?? release.error ?? approve.error ?? sign.error;

  return (
    <>
      <p>
        <Link to={state === 'APPROVED' ? '/app/review?state=APPROVED' : '/app/review'}>{t('certificates.review.back')}</Link>
      </p>
      <PageTitle>{t('certificates.review.detailTitle', { date: format.dateTime(application.submittedAt ?? application.createdAt) })}</PageTitle>
      <dl className="details cert-details">
        <dt>{t('certificates.detail.state')}</dt>
        <dd>
          <StateBadge state={state} />
          {state === 'IN_REVIEW' && application.claimedBy ? <span className="muted"> {claimedByMe ? t('certificates.review.claimedByYou') : t('certificates.review.claimedByOther')}</span> : null}
        </dd>
        <dt>{t('certificates.detail.submittedAt')}</dt>
        <dd>{format.dateTime(application.submittedAt)}</dd>
      </dl>
      {application.replacesCertificateId ? <p>{t('certificates.detail.replaces')}</p> : null}
      {application.destroyedAt ? <DestroyedNotice destroyedAt={application.destroyedAt} record="application" /> : null}
      {application.reviewComment && state === 'CHANGES_REQUESTED' ? (
        <Notice kind="info" title={t('certificates.detail.reviewComment')}>
          <p className="preserve-lines">{application.reviewComment}</p>
        </Notice>
      ) : null}
      <CompanyReplyNotice application={application} />
      {application.rejectionReason && state === 'REJECTED' ? (
        <Notice kind="warning" title={t('certificates.detail.rejectionReason')}>
          <p className="preserve-lines">{application.rejectionReason}</p>
        </Notice>
      ) : null}
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <ErrorSummary error={actionError} />
      {/* A signer without a stored signature: the page where they store it (signing needs it). */}
      {sign.error?.reason === 'SIGNATURE_NOT_STORED' ? (
        <p>
          <Link to="/app/signature">{t('certificates.review.storeSignature')}</Link>
        </p>
      ) : null}
      <div className="button-row">
        {isClerk && state === 'SUBMITTED' ? (
          <button type="button" className="button" disabled={claim.pending} onClick={() => void claim.run()}>
            {t('certificates.review.claim')}
          </button>
        ) : null}
        {isClerk && state === 'IN_REVIEW' && claimedByMe ? (
          <>
            <button type="button" className="button" onClick={() => setDecision('approve')}>
              {t('certificates.review.approve')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setDecision('changes')}>
              {t('certificates.review.requestChanges')}
            </button>
            <button type="button" className="button button--danger" onClick={() => setDecision('reject')}>
              {t('certificates.review.reject')}
            </button>
            <button type="button" className="button button--secondary" disabled={release.pending} onClick={() => void release.run()}>
              {t('certificates.review.release')}
            </button>
          </>
        ) : null}
        {isTenantAdmin && state === 'IN_REVIEW' && application.claimedBy && !claimedByMe ? (
          <button type="button" className="button button--secondary" disabled={release.pending} onClick={() => void release.run()}>
            {t('certificates.review.releaseOther')}
          </button>
        ) : null}
        {isSigner && state === 'APPROVED' ? (
          <button type="button" className="button" disabled={sign.pending} onClick={() => setDecision('sign')}>
            {t('certificates.review.sign')}
          </button>
        ) : null}
      </div>
      {isSigner && (state === 'APPROVED' || application.certificateId) ? <p className="muted">{t('certificates.review.stepUpFirst')}</p> : null}
      <ApplicationDetails application={application} />
      {application.certificateId ? (
        <CertificatePanel
          key={certificateGeneration}
          certificateId={application.certificateId}
          actions={(certificate) =>
            isSigner && certificate.status === 'ISSUED' ? (
              <div className="button-row">
                <button type="button" className="button button--danger" onClick={() => setDecision('revoke')}>
                  {t('certificates.review.revoke')}
                </button>
                <Dialog open={decision === 'revoke'} title={t('certificates.review.revokeTitle', { number: certificate.number ?? '' })} onClose={() => setDecision(null)}>
                  <p>{t('certificates.review.revokeBody')}</p>
                  <Form error={revoke.error} idScope="revoke-" onSubmit={() => void revoke.run(certificate.id ?? '')}>
                    <SelectField
                      name="reason"
                      label={t('certificates.review.revokeReason')}
                      value={reason}
                      onValue={setReason}
                      options={REVOCATION_REASONS.map((code) => ({ value: code, label: t(`certificates.revocationReasons.${code}`) }))}
                    />
                    <SubmitButton pending={revoke.pending} pendingLabel={t('common.saving')}>
                      {t('certificates.review.revoke')}
                    </SubmitButton>
                  </Form>
                </Dialog>
              </div>
            ) : null
          }
        />
      ) : null}

      <Dialog open={decision === 'changes'} title={t('certificates.review.requestChangesTitle')} onClose={() => setDecision(null)}>
        <Form error={requestChanges.error} idScope="changes-" onSubmit={() => void requestChanges.run()}>
          <FieldShell name="comment" label={t('certificates.review.comment')} hint={t('certificates.review.commentHint')}>
            {(a11y) => <textarea {...a11y} rows={5} value={comment} onChange={(event) => setComment(event.target.value)} />}
          </FieldShell>
          <SubmitButton pending={requestChanges.pending} pendingLabel={t('common.sending')}>
            {t('certificates.review.requestChanges')}
          </SubmitButton>
        </Form>
      </Dialog>
      <Dialog open={decision === 'reject'} title={t('certificates.review.rejectTitle')} onClose={() => setDecision(null)}>
        <Form error={reject.error} idScope="reject-" onSubmit={() => void reject.run()}>
          <FieldShell name="reason" label={t('certificates.review.reason')}>
            {(a11y) => <textarea {...a11y} rows={4} value={comment} onChange={(event) => setComment(event.target.value)} />}
          </FieldShell>
          <SubmitButton pending={reject.pending} pendingLabel={t('common.sending')}>
            {t('certificates.review.reject')}
          </SubmitButton>
        </Form>
      </Dialog>
      <ConfirmDialog
        open={decision === 'approve'}
        title={t('certificates.review.approveTitle')}
        body={<p>{t('certificates.review.approveBody')}</p>}
        confirmLabel={t('certificates.review.approve')}
        pending={approve.pending}
        onConfirm={() => {
          setDecision(null);
          void approve.run();
        }}
        onClose={() => setDecision(null)}
      />
      <ConfirmDialog
        open={decision === 'sign'}
        title={t('certificates.review.signTitle')}
        body={<p>{t('certificates.review.signBody')}</p>}
        confirmLabel={t('certificates.review.sign')}
        pending={sign.pending}
        onConfirm={() => {
          setDecision(null);
          void sign.run();
        }}
        onClose={() => setDecision(null)}
      />
    </>
  );
}
