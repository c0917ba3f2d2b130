import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { request } from '../../api/client';
import type { CertificateFieldsFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { ErrorSummary, LoadError, Loading, Notice } from '../../ui/feedback';
import { useAction, useLoad } from '../../ui/use-api';
import { downloadCertificatePdf } from './certificate-files';
import { DestroyedNotice } from './ApplicationDetails';
import { CertificateOfOrigin } from './operations';
import { useSession } from '../../auth/session';

/** The portal's own verification page for a certificate (the QR code's API page links to it too). */
export function verificationPath(number: string, code: string): string {
  return `/verification/${encodeURIComponent(number)}?code=${encodeURIComponent(code)}`;
}

/**
 * An issued certificate: number, status, verification code and its PDF (rendered by the worker
 * within a minute of signing; until then the panel says so and offers to look again).
 * `actions` are the viewer's own acts on it (copy and replacement for the company, revocation for a signer).
 */
export function CertificatePanel({ certificateId, actions }: { certificateId: string; actions?: (certificate: CertificateFieldsFragment, reload: () => void) => ReactNode }) {
  const { t } = useTranslation();
  const format = useFormat();
  const loaded = useLoad(() => request(CertificateOfOrigin, { certificateId }), [certificateId]);
  // A company does not print a revoked or superseded certificate again (the API refuses it); the chamber's staff keep it as evidence.
  const isCompany = Boolean(useSession().me?.organisationId);
  const [downloading, setDownloading] = useState<number | null>(null);
  const download = useAction(async (copyNumber: number) => {
    const certificate = loaded.data?.certificateOfOrigin;
    if (!certificate?.id) return;
    setDownloading(copyNumber);
    try {
      const suffix = copyNumber > 0 ? `-copy-${copyNumber}` : '';
      await downloadCertificatePdf(certificate.id, `${certificate.number ?? 'certificate'}${suffix}.pdf`, copyNumber);
    } finally {
      setDownloading(null);
    }
  });
  if (loaded.loading && !loaded.data) return <Loading />;
  if (loaded.error) return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  const certificate = loaded.data?.certificateOfOrigin;
  if (!certificate) return null;
  const number = certificate.number ?? '';
  return (
    <section className="panel" aria-labelledby="certificate-title">
      <h2 id="certificate-title">{t('certificates.certificate.title', { number })}</h2>
      <dl className="details cert-details">
        <dt>{t('certificates.certificate.status')}</dt>
        <dd>
          <span className={certificate.status === 'ISSUED' ? 'badge badge--ok' : 'badge badge--muted'}>{certificate.status ? t(`certificates.statuses.${certificate.status}`) : ''}</span>
          {certificate.revocationReason ? <> {t('certificates.certificate.revokedReason', { reason: t(`certificates.revocationReasons.${certificate.revocationReason}`) })}</> : null}
          {certificate.supersededByNumber ? <> {t('certificates.certificate.supersededBy', { number: certificate.supersededByNumber })}</> : null}
        </dd>
        <dt>{t('certificates.certificate.issuedAt')}</dt>
        <dd>{format.dateTime(certificate.issuedAt)}</dd>
        <dt>{t('certificates.certificate.verificationCode')}</dt>
        <dd>
          <code>{certificate.verificationCode}</code>
          {certificate.verificationCode ? (
            <>
              {' '}
              (<Link to={verificationPath(number, certificate.verificationCode)}>{t('certificates.certificate.verify')}</Link>)
            </>
          ) : null}
        </dd>
      </dl>
      <ErrorSummary error={download.error} />
      {certificate.destroyedAt ? (
        // Its PDFs went with the signed content (the API says pdfReady: false, so not "being prepared"),
        // and the API refuses every act on it (RECORD_DESTROYED), so none is offered.
        <DestroyedNotice destroyedAt={certificate.destroyedAt} record="certificate" />
      ) : isCompany && certificate.status !== 'ISSUED' ? (
        <Notice kind="warning">
          <p>{certificate.supersededByNumber ? t('certificates.certificate.notPrintedSuperseded', { number: certificate.supersededByNumber }) : t('certificates.certificate.notPrintedRevoked')}</p>
        </Notice>
      ) : certificate.pdfReady ? (
        <div className="button-row">
          <button type="button" className="button" disabled={downloading !== null} onClick={() => void download.run(0)}>
            {downloading === 0 ? t('certificates.certificate.downloading') : t('certificates.certificate.downloadPdf')}
          </button>
        </div>
      ) : (
        <Notice kind="info">
          <p>{t('certificates.certificate.pdfPending')}</p>
          <button type="button" className="button button--secondary button--small" onClick={loaded.reload}>
            {t('certificates.certificate.checkAgain')}
          </button>
        </Notice>
      )}
      {certificate.copies?.length && !certificate.destroyedAt && !(isCompany && certificate.status !== 'ISSUED') ? (
        <>
          <h3>{t('certificates.certificate.copies')}</h3>
          <ul className="plain-list">
            {certificate.copies.map((copy) => (
              <li key={copy.id ?? ''}>
                {copy.pdfReady ? (
                  <button type="button" className="button button--link" disabled={downloading !== null} onClick={() => void download.run(copy.copyNumber ?? 0)}>
                    {t('certificates.certificate.downloadCopy', { copy: copy.copyNumber ?? 0 })}
                  </button>
                ) : (
                  <>
                    {t('certificates.certificate.downloadCopy', { copy: copy.copyNumber ?? 0 })} — {t('certificates.certificate.pdfPending')}
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {actions && !certificate.destroyedAt ? actions(certificate, loaded.reload) : null}
    </section>
  );
}
