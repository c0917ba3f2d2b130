import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationFieldsFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { ErrorSummary } from '../../ui/feedback';
import { useAction } from '../../ui/use-api';
import { downloadSupportingDocument } from './certificate-files';
import { GoodsTable } from './GoodsTable';

/** The state of an application as a badge: words, never colour alone. */
export function StateBadge({ state }: { state: string | null }) {
  const { t } = useTranslation();
  if (!state) return null;
  const kind = state === 'ISSUED' || state === 'APPROVED' ? 'badge--ok' : state === 'REJECTED' ? 'badge--muted' : 'badge--info';
  return <span className={`badge ${kind}`}>{t(`certificates.states.${state as 'DRAFT'}`)}</span>;
}

/**
 * How a list names an application: its consignee, else why it has none (destroyed after its retention
 * period, or a draft not filled in yet).
 */
export function useConsigneeLabel(): (application: { consigneeName?: string | null; destroyedAt?: string | null }) => string {
  const { t } = useTranslation();
  return (application) => application.consigneeName || (application.destroyedAt ? t('certificates.list.destroyed') : t('certificates.list.noConsignee'));
}

/**
 * Shown on a record the retention sweep destroyed: an application (12 months after a company left it
 * sent back for changes; the certificate file's period after its decision) or a certificate (that
 * period after its issue). Its fields are empty because of that, and nothing can change it any more.
 */
export function DestroyedNotice({ destroyedAt, record }: { destroyedAt: string; record: 'application' | 'certificate' }) {
  const { t } = useTranslation();
  const format = useFormat();
  const texts = record === 'application' ? 'certificates.detail' : 'certificates.certificate';
  const Heading = record === 'application' ? 'h2' : 'h3';
  return (
    <div className="notice notice--warning" role="note" aria-labelledby={`${record}-destroyed-title`}>
      <Heading className="notice__title" id={`${record}-destroyed-title`}>
        {t(`${texts}.destroyedTitle`)}
      </Heading>
      <p>{t(`${texts}.destroyedBody`, { date: format.date(destroyedAt) })}</p>
    </div>
  );
}

/**
 * The company's reply to the chamber's change request, with the comment it answers: the exchange about
 * the application, which the certificate never prints. Shown to the company and the chamber's staff
 * once resubmitted; sent back again, the new comment is what counts.
 */
export function CompanyReplyNotice({ application }: { application: ApplicationFieldsFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!application.companyReply || application.state === 'CHANGES_REQUESTED') return null;
  return (
    <div className="notice notice--info" role="note" aria-labelledby="company-reply-title">
      <h2 className="notice__title" id="company-reply-title">
        {t('certificates.detail.companyReply')}
      </h2>
      {application.reviewComment ? (
        <p className="preserve-lines muted">
          {t('certificates.detail.companyReplyTo')}: {application.reviewComment}
        </p>
      ) : null}
      <p className="preserve-lines">{application.companyReply}</p>
      <p className="muted">{t('certificates.detail.companyRepliedAt', { date: format.dateTime(application.companyRepliedAt) })}</p>
    </div>
  );
}

/** What the company applied for, read-only (the review screens, and an application no longer editable). */
export function ApplicationDetails({ application }: { application: ApplicationFieldsFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const goods = application.goods ?? [];
  return (
    <section className="panel" aria-labelledby="application-content">
      <h2 id="application-content">{t('certificates.detail.content')}</h2>
      <dl className="details details--wide cert-details">
        {application.exporterName ? (
          <>
            <dt>{t('certificates.detail.exporter')}</dt>
            <dd>
              {application.exporterName}
              {application.exporterAddress ? <><br />{application.exporterAddress}</> : null}
              {application.exporterCountry ? <><br />{format.country(application.exporterCountry)}</> : null}
              <br />
              <span className="muted">{t('certificates.detail.exporterAsSubmitted')}</span>
            </dd>
          </>
        ) : null}
        <dt>{t('certificates.form.consignee')}</dt>
        <dd>
          {application.consigneeName ?? ''}
          {application.consigneeAddress ? <><br />{application.consigneeAddress}</> : null}
          {application.consigneeCountry ? <><br />{format.country(application.consigneeCountry)}</> : null}
        </dd>
        <dt>{t('certificates.form.countryOfOrigin')}</dt>
        <dd>{format.country(application.countryOfOrigin)}</dd>
        <dt>{t('certificates.form.transportDetails')}</dt>
        <dd>{application.transportDetails || t('certificates.detail.none')}</dd>
        <dt>{t('certificates.form.invoiceReferences')}</dt>
        <dd>{application.invoiceReferences?.length ? application.invoiceReferences.join(', ') : t('certificates.detail.none')}</dd>
        <dt>{t('certificates.form.remarks')}</dt>
        <dd className="preserve-lines">{application.remarks || t('certificates.detail.none')}</dd>
        <dt>{t('certificates.form.language')}</dt>
        <dd>{application.language ? t(`certificates.languages.${application.language}`) : ''}</dd>
        <dt>{t('certificates.form.declaration')}</dt>
        <dd>{application.declarationAccepted ? t('certificates.detail.declarationAccepted') : t('certificates.detail.declarationNotAccepted')}</dd>
      </dl>
      <h3>{t('certificates.form.goods')}</h3>
      {goods.length === 0 ? <p>{t('certificates.form.noLines')}</p> : null}
      {goods.length > 0 ? <GoodsTable goods={goods} caption={t('certificates.form.goods')} /> : null}
      <DocumentList application={application} />
    </section>
  );
}

/** The supporting documents, each downloadable as uploaded (the company's; the chamber's staff once submitted). */
export function DocumentList({ application, onRemove }: { application: ApplicationFieldsFragment; onRemove?: (documentId: string, fileName: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const documents = application.supportingDocuments ?? [];
  const [downloading, setDownloading] = useState<string | null>(null);
  const download = useAction(async (documentId: string, fileName: string) => {
    setDownloading(documentId);
    try {
      await downloadSupportingDocument(application.id ?? '', documentId, fileName);
    } finally {
      setDownloading(null);
    }
  });
  return (
    <>
      <h3>{t('certificates.form.documents')}</h3>
      {documents.length === 0 ? <p>{t('certificates.form.noDocuments')}</p> : null}
      <ErrorSummary error={download.error} />
      {documents.length > 0 ? (
        <ul className="plain-list">
          {documents.map((document) => (
            <li key={document.id ?? ''}>
              <button
                type="button"
                className="button button--link"
                disabled={downloading !== null}
                aria-label={t('certificates.form.download', { name: document.fileName ?? '' })}
                onClick={() => void download.run(document.id ?? '', document.fileName ?? 'document')}
              >
                {downloading === document.id ? t('certificates.form.downloading') : document.fileName}
              </button>{' '}
              — {t('certificates.form.sizeKb', { size: format.number(Math.ceil((document.sizeBytes ?? 0) / 1024)) })}, {format.dateTime(document.createdAt)}
              {onRemove ? (
                <>
                  {' '}
                  <button type="button" className="button button--link" onClick={() => onRemove(document.id ?? '', document.fileName ?? '')}>
                    {t('certificates.form.removeDocument', { name: document.fileName ?? '' })}
                  </button>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
