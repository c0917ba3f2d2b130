import { Injectable, Logger } from '@nestjs/common';
import { Role } from '@chancery/access';
import { Actor, AppConfig, Clock, SecretBox, TransactionRunner } from '@chancery/core';
import { DocumentsService } from '@chancery/documents';
import { PartyDirectoryService } from '@chancery/identity';
import { retryDelayMs } from '@chancery/notifications';
import { ProcessingRestrictions, present, registerOutputChannel } from '@chancery/policy';
import { CertificateSignatory } from '../entities/certificate-signatory';
import { CertificateRepository } from '../repositories/certificate.repository';
import type { renderCertificatePdf as RenderCertificatePdf } from './certificate-pdf';

/** Renderings before a PDF is given up (logged as an error; operators clear `pdf_given_up_at` to queue it again): with the outbox's back-off, the last about an hour after the first. */
export const PDF_MAX_ATTEMPTS = 8;

registerOutputChannel({ name: 'pdf', purpose: 'pdf', where: 'libs/certificates/src/pdf/certificate-pdf.service.ts (certificates rendered by the worker, from the signed content)' });

/** How a certificate is reached from the QR code: the plain GET a browser or a cache can open. */
export function verificationUrl(baseUrl: string, number: string, code: string): string {
  return `${baseUrl.replace(/\/$/, '')}/verify/${encodeURIComponent(number)}?code=${encodeURIComponent(code)}`;
}

/** pdfkit, qrcode and the fonts (about 30 MiB resident) load with the first PDF rendered (the worker), not in every API process. */
function renderer(): typeof RenderCertificatePdf {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded at first use (a CommonJS build keeps import() native)
  return (require('./certificate-pdf') as typeof import('./certificate-pdf')).renderCertificatePdf;
}

/**
 * Renders the PDFs of issued certificates and copies that have none yet, and stores them (documents
 * context), so a download is the stored file and a replica restart loses nothing. Runs in the worker:
 * one query finds what waits in every tenant (`findingAwaitingPdfs`), then each PDF is rendered as the
 * system in its own tenant (row-level security applies), in its own transaction, so a
 * failure leaves nothing written. One that fails is tried again after a back-off (the outbox's
 * `retryDelayMs`), behind every PDF not yet tried, and given up after `PDF_MAX_ATTEMPTS`. Each PDF is claimed
 * (row lock, skip locked) for its transaction: any number of workers can render side by side.
 */
@Injectable()
export class CertificatePdfService {
  private readonly logger = new Logger(CertificatePdfService.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly certificates: CertificateRepository,
    private readonly documents: DocumentsService,
    private readonly parties: PartyDirectoryService,
    private readonly secrets: SecretBox,
    private readonly config: AppConfig,
    private readonly restrictions: ProcessingRestrictions,
    private readonly clock: Clock,
  ) {}

  /** Renders what awaits a PDF in every tenant and is due; returns how many were rendered. */
  async renderAwaiting(limit = 50): Promise<number> {
    let rendered = 0;
    const now = this.clock.now();
    // One query over every tenant (not one per tenant per round); each PDF then in its own tenant.
    for (const item of await this.transactions.findingAwaitingPdfs(() => this.certificates.awaitingPdf(now, limit))) {
      try {
        if (await this.transactions.asSystem(item.tenantId, () => this.renderOne(item.certificateId, item.copyId))) rendered += 1;
      } catch (error) {
        await this.recordFailure(item, error);
      }
    }
    return rendered;
  }

  /** Counts the failed attempt (its own transaction: the rendering's rolled back) and says when it is tried again, or that it is not. */
  private async recordFailure(item: { tenantId: string; certificateId: string; copyId: string | null; attempts: number }, error: unknown): Promise<void> {
    const what = `PDF of certificate ${item.certificateId}${item.copyId ? ` (copy ${item.copyId})` : ''}`;
    const reason = error instanceof Error ? error.message : String(error);
    const attempts = item.attempts + 1;
    const giveUp = attempts >= PDF_MAX_ATTEMPTS;
    const at = this.clock.now();
    const next = giveUp ? null : new Date(at.getTime() + retryDelayMs(attempts));
    let counted: boolean;
    try {
      counted = await this.transactions.asSystem(item.tenantId, () => this.certificates.markPdfFailed(item.certificateId, item.copyId, attempts, next, giveUp ? at : null));
    } catch (markError) {
      this.logger.error(`${what} failed: ${reason}; the attempt could not be recorded: ${markError instanceof Error ? markError.message : String(markError)}`);
      return;
    }
    // Another worker rendered it or counted this failure meanwhile: it says what follows.
    if (!counted) this.logger.warn(`${what} failed: ${reason}`);
    // The one line operators act on: nothing tries it again until they queue it.
    else if (giveUp) this.logger.error(`${what} given up after ${attempts} attempts: ${reason} (docs/certificates.md: rendering it again)`);
    else this.logger.warn(`${what} failed, attempt ${attempts} of ${PDF_MAX_ATTEMPTS}: ${reason}; next try at ${next!.toISOString()}`);
  }

  /** Renders one PDF unless another worker has it (or has done it); true when this one rendered it. */
  private async renderOne(certificateId: string, copyId: string | null): Promise<boolean> {
    if (!(await this.certificates.claimAwaitingPdf(certificateId, copyId))) return false;
    const stored = await this.certificates.findById(certificateId);
    if (!stored) return false;
    // The PDF is the company's: its content leaves through the gate as the company's users see it.
    const reader: Actor = { kind: 'user', tenantId: stored.tenantId, organisationId: stored.organisationId, roles: [Role.ORG_MEMBER] };
    const certificate = present(reader, stored, 'pdf');
    if (!certificate?.signedPayload) return false;
    const copy = copyId ? await this.certificates.findCopy(copyId) : null;
    const code = this.secrets.open(stored.sealedVerificationCode) ?? '';
    // A signer whose processing is restricted (Art. 18) is not read nor printed: the PDF goes out
    // without their name and signature image. The certificate stays valid (the chamber's stamp, the
    // Ed25519 signature over the signed content, the verification code), and the exporter, whose
    // goods wait for it, is not held hostage to a request that is not theirs.
    // A signer who has been erased (Art. 17) is printed the same way: their account keeps no name and
    // no signature image, and a PDF rendered after the erasure (a copy) must not bring them back.
    const signerRestricted = stored.signedBy === null || (await this.restrictions.restrictedAmong([stored.signedBy])).size > 0;
    const signer = signerRestricted || stored.signedBy === null ? null : await this.signatoryOf(stored.tenantId, stored.organisationId, stored.signedBy);
    const signatory = signer ? present(reader, signer, 'pdf') : null;
    const bytes = await renderer()({
      signedPayload: certificate.signedPayload,
      verificationCode: code,
      verificationUrl: verificationUrl(this.config.publicBaseUrl, certificate.number, code),
      signerName: signatory?.name ?? '',
      signatureImage: signatory?.signatureImage ?? null,
      copyNumber: copy?.copyNumber ?? 0,
    });
    const document = await this.documents.store({
      tenantId: stored.tenantId, organisationId: stored.organisationId, kind: 'CERTIFICATE_PDF',
      fileName: `${certificate.number}${copy ? `-copy-${copy.copyNumber}` : ''}.pdf`, bytes,
    });
    if (copy) await this.certificates.setCopyPdf(copy.id, document.id);
    else await this.certificates.setCertificatePdf(stored.id, document.id);
    return true;
  }

  /** The signer as printed, or null once their account is erased (no name left to print). */
  private async signatoryOf(tenantId: string, organisationId: string, signerId: string): Promise<CertificateSignatory | null> {
    const name = await this.parties.signerName(signerId);
    if (name === null) return null;
    return CertificateSignatory.of({ tenantId, organisationId, userId: signerId, name, signatureImage: await this.parties.signatureImage(signerId) });
  }
}
