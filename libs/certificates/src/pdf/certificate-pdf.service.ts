import { Injectable, Logger } from '@nestjs/common';
import { Role } from '@chancery/access';
import { Actor, AppConfig, SecretBox, TransactionRunner } from '@chancery/core';
import { DocumentsService } from '@chancery/documents';
import { PartyDirectoryService } from '@chancery/identity';
import { ProcessingRestrictions, present, registerOutputChannel } from '@chancery/policy';
import { CertificateSignatory } from '../entities/certificate-signatory';
import { CertificateRepository } from '../repositories/certificate.repository';
import type { renderCertificatePdf as RenderCertificatePdf } from './certificate-pdf';

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
 * system in its own tenant (row-level security applies), in its own transaction, so
 * one that fails is retried on the next round without holding back the others. Each PDF is claimed
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
  ) {}

  /** Renders what awaits a PDF in every tenant; returns how many were rendered. */
  async renderAwaiting(limit = 50): Promise<number> {
    let rendered = 0;
    // One query over every tenant (not one per tenant per round); each PDF then in its own tenant.
    for (const item of await this.transactions.findingAwaitingPdfs(() => this.certificates.awaitingPdf(limit))) {
      try {
        if (await this.transactions.asSystem(item.tenantId, () => this.renderOne(item.certificateId, item.copyId))) rendered += 1;
      } catch (error) {
        this.logger.error(`PDF of certificate ${item.certificateId} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return rendered;
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
