import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { request } from '../../api/client';
import { clientError } from '../../api/errors';
import type { ApplicationFieldsFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { ConfirmDialog } from '../../ui/Dialog';
import { ErrorSummary, LoadError, Loading, Notice } from '../../ui/feedback';
import { Form, SubmitButton } from '../../ui/Form';
import { FieldShell } from '../../ui/fields';
import { PageTitle } from '../../ui/Page';
import { useAction, useLoad } from '../../ui/use-api';
import { ApplicationDetails, CompanyReplyNotice, DestroyedNotice, DocumentList, StateBadge } from './ApplicationDetails';
import { ApplicationForm } from './ApplicationForm';
import { uploadSupportingDocument } from './certificate-files';
import { CertificatePanel } from './CertificatePanel';
import {
  CertificateApplication, DeleteCertificateApplicationDraft, EDITABLE_STATES, RemoveSupportingDocument, ReplaceCertificate, RequestCertificateCopy, WITHDRAWABLE_STATES, WithdrawCertificateApplication,
} from './operations';

/** One application of the company: filled in while a draft (or sent back), then followed to its certificate. */
export default function ApplicationPage() {
  const { applicationId = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const loaded = useLoad(() => request(CertificateApplication, { applicationId }), [applicationId]);
  const [current, setCurrent] = useState<ApplicationFieldsFragment | null>(null);
  const location = useLocation();
  const [notice, setNotice] = useState<string | null>(() => (location.state as { notice?: string } | null)?.notice ?? null);
  const application = current && current.id === applicationId ? current : (loaded.data?.certificateApplication ?? null);

  if (loaded.loading && !loaded.data) return <Loading />;
  if (loaded.error) return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  if (!application) return null;
  // A destroyed application keeps its state (sent back, say) but is never edited or submitted again.
  const editable = !application.destroyedAt && EDITABLE_STATES.includes(application.state ?? '');
  const reload = () => {
    setCurrent(null);
    loaded.reload();
  };

  return (
    <>
      <p>
        <Link to="/app/certificates">{t('certificates.detail.back')}</Link>
      </p>
      <PageTitle lead={editable ? t('certificates.form.lead') : undefined}>{t('certificates.detail.title', { date: format.dateTime(application.createdAt) })}</PageTitle>
      <dl className="details cert-details">
        <dt>{t('certificates.detail.state')}</dt>
        <dd>
          <StateBadge state={application.state} />
        </dd>
        {application.submittedAt ? (
          <>
            <dt>{t('certificates.detail.submittedAt')}</dt>
            <dd>{format.dateTime(application.submittedAt)}</dd>
          </>
        ) : null}
      </dl>
      {application.startedFromApplicationId ? <p>{t('certificates.detail.startedFrom')}</p> : null}
      {application.replacesCertificateId ? <p>{t('certificates.detail.replaces')}</p> : null}
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      {application.destroyedAt ? <DestroyedNotice destroyedAt={application.destroyedAt} record="application" /> : null}
      {application.state === 'CHANGES_REQUESTED' && application.reviewComment ? (
        <div className="notice notice--warning" role="note" aria-labelledby="review-comment-title">
          <h2 className="notice__title" id="review-comment-title">
            {t('certificates.form.changesRequestedTitle')}
          </h2>
          <p className="preserve-lines">{application.reviewComment}</p>
          <p>{t('certificates.form.changesRequestedBody')}</p>
        </div>
      ) : null}
      <CompanyReplyNotice application={application} />
      {application.state === 'REJECTED' ? (
        <div className="notice notice--warning" role="note" aria-labelledby="rejected-title">
          <h2 className="notice__title" id="rejected-title">
            {t('certificates.detail.rejectedTitle')}
          </h2>
          <p className="preserve-lines">
            {t('certificates.detail.rejectionReason')}: {application.rejectionReason}
          </p>
        </div>
      ) : null}
      {editable ? (
        <>
          <ApplicationForm
            key={application.id}
            application={application}
            onSaved={(updated) => setCurrent(updated)}
            onSubmitted={() => {
              setNotice(t('certificates.form.submitted'));
              reload();
            }}
          />
          <DocumentUpload
            application={application}
            onChanged={(message) => {
              setNotice(message);
              reload();
            }}
          />
          {application.state === 'DRAFT' && !application.submittedAt ? <DeleteDraft applicationId={application.id ?? ''} /> : null}
        </>
      ) : (
        <ApplicationDetails application={application} />
      )}
      {!application.destroyedAt && WITHDRAWABLE_STATES.includes(application.state ?? '') ? (
        <WithdrawApplication
          applicationId={application.id ?? ''}
          onWithdrawn={() => {
            setNotice(t('certificates.form.withdrawn'));
            reload();
          }}
        />
      ) : null}
      {application.certificateId ? <CertificatePanel certificateId={application.certificateId} actions={(certificate, reloadCertificate) => <CompanyCertificateActions certificateId={certificate.id ?? ''} issued={certificate.status === 'ISSUED'} onCopy={reloadCertificate} />} /> : null}
    </>
  );
}

/** A new application: the form alone; once its draft is saved, the application's own page (documents, submission). */
export function NewApplicationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <p>
        <Link to="/app/certificates">{t('certificates.detail.back')}</Link>
      </p>
      <PageTitle lead={t('certificates.form.lead')}>{t('certificates.form.titleNew')}</PageTitle>
      <ApplicationForm application={null} onCreated={(id) => navigate(`/app/certificates/${id}`, { state: { notice: t('certificates.form.saved') } })} />
      <p className="muted">{t('certificates.form.documentsAfterSave')}</p>
    </>
  );
}

/** Supporting documents: the list, and one file at a time sent as it is (the API checks type and size on the bytes). */
function DocumentUpload({ application, onChanged }: { application: ApplicationFieldsFragment; onChanged: (notice: string) => void }) {
  const { t } = useTranslation();
  // A file attached by mistake comes off while the application is the company's to change.
  const remove = useAction(async (documentId: string, fileName: string) => {
    await request(RemoveSupportingDocument, { applicationId: application.id ?? '', documentId });
    onChanged(t('certificates.form.documentRemoved', { name: fileName }));
  });
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const upload = useAction(async () => {
    if (!file) throw clientError([{ field: 'file', reason: 'required', constraint: 'required' }]);
    await uploadSupportingDocument(application.id ?? '', file);
    setFile(null);
    setInputKey((k) => k + 1);
    onChanged(t('certificates.form.uploaded', { name: file.name }));
  });
  return (
    <section className="panel" aria-labelledby="documents-title">
      <h2 id="documents-title" className="visually-hidden">
        {t('certificates.form.documents')}
      </h2>
      <ErrorSummary error={remove.error} />
      <DocumentList application={application} onRemove={remove.pending ? undefined : (documentId, fileName) => void remove.run(documentId, fileName)} />
      <p>{t('certificates.form.documentsLead')}</p>
      <Form error={upload.error} onSubmit={() => void upload.run()} idScope="upload-">
        <FieldShell name="file" label={t('certificates.form.file')}>
          {(a11y) => <input key={inputKey} {...a11y} type="file" accept="application/pdf,image/png,image/jpeg" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />}
        </FieldShell>
        <SubmitButton pending={upload.pending} pendingLabel={t('certificates.form.uploading')}>
          {t('certificates.form.upload')}
        </SubmitButton>
      </Form>
    </section>
  );
}

/**
 * One of the company's irreversible steps on its application (withdrawing it, deleting a draft): a
 * button, a confirmation that says what follows, then the step; the API's refusal shown above.
 */
function ConfirmedStep({ label, title, body, run }: { label: string; title: string; body: string; run: () => Promise<void> }) {
  const [confirming, setConfirming] = useState(false);
  const step = useAction(async () => {
    await run();
    setConfirming(false);
  });
  return (
    <>
      <ErrorSummary error={step.error} />
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
          {label}
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={title}
        body={<p>{body}</p>}
        confirmLabel={label}
        pending={step.pending}
        onConfirm={() => void step.run()}
        onClose={() => setConfirming(false)}
      />
    </>
  );
}

/** The company takes its application back before a clerk works on it (the shipment was cancelled). */
function WithdrawApplication({ applicationId, onWithdrawn }: { applicationId: string; onWithdrawn: () => void }) {
  const { t } = useTranslation();
  return (
    <ConfirmedStep
      label={t('certificates.form.withdraw')}
      title={t('certificates.form.withdrawTitle')}
      body={t('certificates.form.withdrawBody')}
      run={async () => {
        await request(WithdrawCertificateApplication, { applicationId });
        onWithdrawn();
      }}
    />
  );
}

/** A draft begun by mistake: deleted with its documents (a submitted application is the chamber's file). */
function DeleteDraft({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <ConfirmedStep
      label={t('certificates.form.deleteDraft')}
      title={t('certificates.form.deleteDraftTitle')}
      body={t('certificates.form.deleteDraftBody')}
      run={async () => {
        await request(DeleteCertificateApplicationDraft, { applicationId });
        navigate('/app/certificates', { state: { notice: t('certificates.form.draftDeleted') } });
      }}
    />
  );
}

/** What the company does with its issued certificate besides printing it: a copy, or a replacement. */
function CompanyCertificateActions({ certificateId, issued, onCopy }: { certificateId: string; issued: boolean; onCopy: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const copy = useAction(async () => {
    const data = await request(RequestCertificateCopy, { certificateId });
    setNotice(t('certificates.certificate.copyRequested', { copy: data.requestCertificateCopy.copyNumber ?? 0 }));
    onCopy();
  });
  const replace = useAction(async () => {
    const data = await request(ReplaceCertificate, { certificateId });
    setConfirming(false);
    if (data.replaceCertificate.id) navigate(`/app/certificates/${data.replaceCertificate.id}`);
  });
  if (!issued) return null;
  return (
    <>
      <ErrorSummary error={copy.error ?? replace.error} />
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <div className="button-row">
        <button type="button" className="button button--secondary" disabled={copy.pending} onClick={() => void copy.run()}>
          {t('certificates.certificate.requestCopy')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
          {t('certificates.certificate.replace')}
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('certificates.certificate.replaceTitle')}
        body={<p>{t('certificates.certificate.replaceBody')}</p>}
        confirmLabel={t('certificates.certificate.replace')}
        pending={replace.pending}
        onConfirm={() => void replace.run()}
        onClose={() => setConfirming(false)}
      />
    </>
  );
}
