import { Injectable } from '@nestjs/common';
import { AuditLog } from '@chancery/audit';
import { Clock, NotFoundError, RequestContext, SecretBox, TransactionRunner, isUniqueViolation, personIdOf } from '@chancery/core';
import { DocumentsService } from '@chancery/documents';
import { PartyDirectoryService, TenantDirectoryService, TenantKind } from '@chancery/identity';
import { canSee } from '@chancery/policy';
import { WebhookEvents } from '@chancery/webhooks';
import { assertCertificateTransition, assertStep } from '../application-workflow';
import { CertificateErrors } from '../certificates.errors';
import { ApplicationState, CertificateApplication } from '../entities/certificate-application.entity';
import { Certificate, CertificateCopy, CertificateStatus, RevocationReason } from '../entities/certificate.entity';
import { CertificateSettings } from '../entities/public-verification.types';
import { CertificateRepository } from '../repositories/certificate.repository';
import { certificateNumber, certificatePayload, goodsHash, newVerificationCode, verificationCodeHash } from '../signing/certificate-payload';
import { ApplicationsService } from './applications.service';
import { SigningKeysService } from './signing-keys.service';

/**
 * Issued certificates: signing (number, frozen content, signature), revocation, replacement and
 * copies, each in one transaction with its audit entry. Signing is idempotent: the application row
 * lock makes a second or concurrent signature of the same application return the first certificate.
 */
@Injectable()
export class CertificatesService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly certificates: CertificateRepository,
    private readonly applications: ApplicationsService,
    private readonly keys: SigningKeysService,
    private readonly tenants: TenantDirectoryService,
    private readonly parties: PartyDirectoryService,
    private readonly documents: DocumentsService,
    private readonly secrets: SecretBox,
    private readonly audit: AuditLog,
    private readonly context: RequestContext,
    private readonly clock: Clock,
    private readonly webhooks: WebhookEvents,
  ) {}

  async sign(applicationId: string, idempotencyKey: string): Promise<Certificate> {
    const signer = personIdOf(this.context.actor);
    try {
      return await this.transactions.run(() => this.signOnce(applicationId, idempotencyKey, signer));
    } catch (error) {
      // Two requests with one key for two applications: the loser sees the unique index.
      if (isUniqueViolation(error, 'certificate_tenant_id_idempotency_key_key')) throw CertificateErrors.IDEMPOTENCY_KEY_REUSED('The idempotency key was already used for another application', { field: 'idempotencyKey' });
      // Numbers are unique across chambers: one issued by another chamber under a prefix it has since
      // left. The transaction rolled back, counter included; the tenant admin chooses another prefix.
      if (isUniqueViolation(error, 'certificate_number_key')) throw CertificateErrors.NUMBER_PREFIX_TAKEN('Another chamber has issued this number: the tenant administrator chooses another number prefix');
      throw error;
    }
  }

  async revoke(certificateId: string, reason: RevocationReason): Promise<Certificate> {
    return this.transactions.run(async () => {
      const replacements = await this.applications.lockOpenReplacementsOf(certificateId);
      const certificate = notDestroyed(await this.visible(certificateId, true));
      assertCertificateTransition(certificate.status, CertificateStatus.REVOKED);
      const revoked = await this.certificates.changeStatus(certificate.id, { status: CertificateStatus.REVOKED, revokedAt: this.clock.now(), revocationReason: reason });
      await this.audit.record({ action: 'certificates.certificate.revoked', subjectType: 'CertificateOfOrigin', subjectId: certificate.id, details: { number: certificate.number, reason } });
      // And one started while this revocation waited for the certificate (replaceCertificate locks only the certificate).
      const startedMeanwhile = (await this.applications.lockOpenReplacementsOf(certificate.id)).filter((late) => !replacements.some((known) => known.id === late.id));
      await this.applications.closeReplacementsOfRevoked([...replacements, ...startedMeanwhile], certificate, reason);
      await this.applications.tellCertificateRevoked(certificate, reason);
      await this.webhooks.publish({ tenantId: certificate.tenantId, organisationId: certificate.organisationId, type: 'certificate.revoked', subject: { certificateId: certificate.id, number: certificate.number, status: CertificateStatus.REVOKED, reason } });
      return this.presentable(revoked);
    });
  }

  /** Starts a replacement: a new draft prefilled from the certificate's application; issuing it supersedes this certificate. */
  async replace(certificateId: string): Promise<CertificateApplication> {
    return this.transactions.run(async () => {
      const certificate = notDestroyed(await this.visible(certificateId, true));
      assertCertificateTransition(certificate.status, CertificateStatus.SUPERSEDED);
      if (certificate.organisationId !== this.context.actor.organisationId) throw new NotFoundError('Certificate');
      const source = await this.applications.visible(certificate.applicationId);
      return this.applications.withDocuments(await this.applications.createReplacement(source, certificate.id));
    });
  }

  /** A copy (duplicate): numbered, billed, rendered by the worker with "COPY n" on it. */
  async requestCopy(certificateId: string): Promise<CertificateCopy> {
    const requester = personIdOf(this.context.actor);
    return this.transactions.run(async () => {
      const certificate = notDestroyed(await this.visible(certificateId, true));
      if (certificate.status !== CertificateStatus.ISSUED) {
        throw CertificateErrors.ILLEGAL_TRANSITION(`A certificate in status ${certificate.status} gets no copies`, { details: { from: certificate.status, to: 'COPY' } });
      }
      const now = this.clock.now();
      const copy = await this.certificates.insertCopy(certificate.tenantId, certificate.id, requester, now);
      await this.bill(certificate, 'COPY', copy.copyNumber, now);
      await this.audit.record({ action: 'certificates.certificate.copied', subjectType: 'CertificateOfOrigin', subjectId: certificate.id, details: { copyNumber: copy.copyNumber } });
      return Object.assign(copy, { organisationId: certificate.organisationId, pdfReady: false });
    });
  }

  async get(certificateId: string): Promise<Certificate> {
    return this.transactions.run(async () => this.presentable(await this.visible(certificateId)));
  }

  /** The company's certificates (company users) or the tenant's (staff); `number`: only the one with that number. */
  async list(first: number, after: string | null, number: string | null = null): Promise<Certificate[]> {
    const actor = this.context.actor;
    return this.transactions.run(async () => {
      const found = (await this.certificates.list(actor.organisationId ?? null, first, after, number)).filter((c) => canSee(actor, Certificate, c));
      // One query for the copies of the whole page, not one per certificate.
      const copies = await this.certificates.copiesOf(found.map((c) => c.id));
      return Promise.all(found.map((c) => this.presentable(c, copies.filter((k) => k.certificateId === c.id))));
    });
  }

  /** The stored PDF of the certificate (copy 0) or of one of its copies, as rendered by the worker. */
  async pdf(certificateId: string, copyNumber: number): Promise<{ fileName: string; bytes: Buffer }> {
    return this.transactions.run(async () => {
      const certificate = notDestroyed(await this.visible(certificateId));
      // A revoked or superseded certificate must not be printed and presented again: not to the company.
      // The chamber's staff keep the file as evidence.
      if (this.context.actor.organisationId && certificate.status !== CertificateStatus.ISSUED) {
        throw CertificateErrors.CERTIFICATE_NO_LONGER_VALID(`The certificate is ${certificate.status.toLowerCase()}: it is not printed again`, {
          details: { status: certificate.status, ...(certificate.supersededByNumber ? { supersededByNumber: certificate.supersededByNumber } : {}) },
        });
      }
      let documentId = certificate.pdfDocumentId;
      if (copyNumber > 0) {
        const copy = (await this.certificates.copiesOf([certificate.id])).find((k) => k.copyNumber === copyNumber);
        if (!copy) throw new NotFoundError('Certificate copy');
        documentId = copy.pdfDocumentId;
      }
      if (!documentId) throw CertificateErrors.PDF_NOT_RENDERED('The PDF is being rendered; try again shortly');
      const { bytes } = await this.documents.read(documentId);
      return { fileName: `${certificate.number}${copyNumber > 0 ? `-copy-${copyNumber}` : ''}.pdf`, bytes };
    });
  }

  /** The certificate if the caller may see it, else NOT_FOUND. In the caller's unit. */
  async visible(certificateId: string, forUpdate = false): Promise<Certificate> {
    const certificate = await this.certificates.findById(certificateId, forUpdate);
    if (!certificate || !canSee(this.context.actor, Certificate, certificate)) throw new NotFoundError('Certificate');
    return certificate;
  }

  private async signOnce(applicationId: string, idempotencyKey: string, signer: string): Promise<Certificate> {
    const earlier = await this.certificates.findByIdempotencyKey(idempotencyKey);
    if (earlier) {
      if (earlier.applicationId !== applicationId) throw CertificateErrors.IDEMPOTENCY_KEY_REUSED('The idempotency key was already used for another application', { field: 'idempotencyKey' });
      return this.presentable(earlier);
    }
    const application = await this.applications.visible(applicationId, true);
    if (application.state === ApplicationState.ISSUED && application.certificateId) {
      // Signed already (a retry, or a concurrent request that got the lock first): the same certificate.
      return this.presentable((await this.certificates.findById(application.certificateId))!);
    }
    assertStep('sign', application.state);
    if (application.reviewedBy === signer) throw CertificateErrors.SIGNER_IS_REVIEWER('The clerk who approved the application cannot sign it');
    // The certificate carries the official's signature (SPEC §2): read at signing, in this transaction, before a
    // number is drawn, so a refusal consumes none. (Printed later by the worker, from the account as it is then.)
    if (!(await this.parties.hasStoredSignature(signer))) {
      throw CertificateErrors.SIGNATURE_NOT_STORED('You have no signature stored: store it on the signature page before signing');
    }

    const issuedAt = this.clock.now();
    const year = issuedAt.getUTCFullYear();
    const [tenant] = await this.tenants.findByIds([application.tenantId]);
    const exporter = await this.parties.companyProfile(application.organisationId);
    if (!tenant || !exporter) throw new NotFoundError('Certificate application');
    // Every application past submission has it (submission sets it; the migration gave it to those already with the chamber).
    if (!application.exporterName || !application.exporterAddress || !application.exporterCountry) throw new Error(`application ${application.id} has no exporter as submitted`);
    if (!tenant.kinds.includes(TenantKind.CHAMBER_OF_COMMERCE)) throw CertificateErrors.NOT_A_CHAMBER_OF_COMMERCE('Certificates of origin are issued in a chamber of commerce’s space only');
    const settings = await this.settingsOf(application.tenantId, tenant.country, tenant.slug);
    // The counter row lock queues concurrent signers of the tenant until this transaction ends.
    const sequence = await this.certificates.nextSequence(application.tenantId, year);
    const number = certificateNumber(settings.numberPrefix, year, sequence);
    const replaced = application.replacesCertificateId ? await this.certificates.findById(application.replacesCertificateId, true) : null;
    if (replaced) assertCertificateTransition(replaced.status, CertificateStatus.SUPERSEDED);

    const activeKey = await this.keys.activeKey(application.tenantId);
    const payload = certificatePayload({
      number, issuedAt, keyId: activeKey.id, application, replacesNumber: replaced?.number ?? null,
      chamber: { name: tenant.name, slug: tenant.slug, country: tenant.country },
      // The exporter the chamber reviewed: as submitted (checked printable then), not the profile as it is now.
      exporter: { name: application.exporterName, address: application.exporterAddress, country: application.exporterCountry },
    });
    const { keyId, signature } = await this.keys.sign(application.tenantId, payload);
    const code = newVerificationCode();
    const certificate = await this.certificates.insert({
      tenantId: application.tenantId, organisationId: application.organisationId, applicationId: application.id, number, year, sequence,
      language: application.language, countryOfOrigin: application.countryOfOrigin, goodsHash: goodsHash(application.goods), issuingChamber: tenant.name,
      signedPayload: payload, signature, keyId, verificationCodeHash: verificationCodeHash(code), sealedVerificationCode: this.secrets.seal(code),
      idempotencyKey, signedBy: signer, issuedAt,
    });
    if (replaced) {
      await this.certificates.changeStatus(replaced.id, { status: CertificateStatus.SUPERSEDED, supersededAt: issuedAt, supersededByCertificateId: certificate.id, supersededByNumber: number });
      await this.audit.record({ action: 'certificates.certificate.superseded', subjectType: 'CertificateOfOrigin', subjectId: replaced.id, details: { number: replaced.number, supersededBy: number } });
      await this.webhooks.publish({ tenantId: replaced.tenantId, organisationId: replaced.organisationId, type: 'certificate.superseded', subject: { certificateId: replaced.id, number: replaced.number, status: CertificateStatus.SUPERSEDED, supersededByCertificateId: certificate.id, supersededByNumber: number } });
    }
    await this.bill(certificate, 'ISSUE', null, issuedAt, exporter.isMember, settings);
    await this.audit.record({ action: 'certificates.certificate.issued', subjectType: 'CertificateOfOrigin', subjectId: certificate.id, details: { number, keyId, applicationId: application.id } });
    await this.webhooks.publish({ tenantId: certificate.tenantId, organisationId: certificate.organisationId, type: 'certificate.issued', subject: { certificateId: certificate.id, number, status: CertificateStatus.ISSUED, applicationId: application.id } });
    await this.applications.transition(application, ApplicationState.ISSUED, { certificateId: certificate.id }, number);
    return this.presentable(certificate);
  }

  private async bill(certificate: Certificate, kind: 'ISSUE' | 'COPY', copyNumber: number | null, at: Date, member?: boolean, settings?: CertificateSettings): Promise<void> {
    const isMember = member ?? (await this.parties.companyProfile(certificate.organisationId))?.isMember ?? false;
    const fees = settings ?? (await this.certificates.settings());
    const amountCents = !fees ? 0 : kind === 'ISSUE' ? (isMember ? fees.memberFeeCents : fees.nonMemberFeeCents) : isMember ? fees.copyMemberFeeCents : fees.copyNonMemberFeeCents;
    await this.certificates.insertBillableLine({
      tenantId: certificate.tenantId, organisationId: certificate.organisationId, certificateId: certificate.id, kind, copyNumber, member: isMember, amountCents,
      currency: fees?.currency ?? 'EUR', occurredAt: at,
    });
  }

  private async settingsOf(tenantId: string, country: string, slug: string): Promise<CertificateSettings> {
    return (await this.certificates.settings()) ?? defaultCertificateSettings(tenantId, country, slug);
  }

  /** With what its readers see beside the columns: the printed code, the copies, whether the PDF is ready. In the caller's unit. */
  private async presentable(certificate: Certificate, loadedCopies?: CertificateCopy[]): Promise<Certificate> {
    const copies = loadedCopies ?? (await this.certificates.copiesOf([certificate.id]));
    return Object.assign(certificate, {
      verificationCode: this.secrets.open(certificate.sealedVerificationCode) ?? undefined,
      // A record destroyed after its retention period has no PDF any more (its id stays, so the worker never renders it again).
      pdfReady: certificate.pdfDocumentId !== null && certificate.destroyedAt === null,
      copies: copies.map((k) => Object.assign(k, { organisationId: certificate.organisationId, pdfReady: k.pdfDocumentId !== null && certificate.destroyedAt === null })),
    });
  }
}

/** A certificate whose record was destroyed after its retention period can no longer be printed, copied, revoked or replaced. */
function notDestroyed(certificate: Certificate): Certificate {
  if (certificate.destroyedAt) throw CertificateErrors.RECORD_DESTROYED(`The record of certificate ${certificate.number} was destroyed after its retention period`);
  return certificate;
}

/** The prefix a chamber numbers with until it saves one: its country and slug (BE-VOKA-ANTWERPEN-WAASLAND). */
/** What a chamber that saved no settings issues with: numbers from its country and slug, and no fees. */
export function defaultCertificateSettings(tenantId: string, country: string, slug: string): CertificateSettings {
  return Object.assign(new CertificateSettings(), {
    tenantId, numberPrefix: defaultNumberPrefix(country, slug),
    memberFeeCents: 0, nonMemberFeeCents: 0, copyMemberFeeCents: 0, copyNonMemberFeeCents: 0, currency: 'EUR',
  });
}

export function defaultNumberPrefix(country: string, slug: string): string {
  return `${country}-${slug.toUpperCase().replace(/[^A-Z0-9]+/g, '-').replace(/^-|-$/g, '')}`.slice(0, 60);
}
