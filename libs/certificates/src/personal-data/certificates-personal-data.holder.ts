import { Injectable } from '@nestjs/common';
import { DocumentsService } from '@chancery/documents';
import { PartyDirectoryService } from '@chancery/identity';
import { DataSubject, ErasureOutcome, HeldRecord, HoldsPersonalData, KeptOnErasure, NOTHING_ERASED, PersonalDataHolder, RetentionOutcome, RetentionRuleKey, RetentionSweep, inBatches, sumOutcomes } from '@chancery/policy';
import { CertificateApplication } from '../entities/certificate-application.entity';
import { CertificateSignatory } from '../entities/certificate-signatory';
import { ApplicationRepository } from '../repositories/application.repository';
import { CertificateRepository } from '../repositories/certificate.repository';
import { HOLDABLE_CERTIFICATE_RECORDS, CertificateRetentionRepository } from '../repositories/certificate-retention.repository';
import { VerificationRepository } from '../repositories/verification.repository';
import { processingStatistics } from '../services/certificate-reports.service';
import { COUNTER_KEPT_AFTER_WINDOW_MS, VERIFICATION_WINDOW_MS } from '../services/verification.service';
import { deleteSupportingDocumentsNoLongerNamed } from '../services/supporting-document-files';

/** Fields of an application that are never the person's: the consignee is someone else (a company or a person abroad). */
const CONSIGNEE_FIELDS = ['consigneeName', 'consigneeAddress'] as const;

/**
 * The certificates' personal data of a person: the applications they applied for (the applicant),
 * held (claimed) or decided as a clerk, the certificates they signed and the copies they requested,
 * their processing statistics, their signatory profile as certificates print it (name, signature
 * image), and the supporting documents they uploaded.
 *
 * Erasure. An issued certificate of origin is evidence the chamber must keep (10 years after issue,
 * DigiChambers §4.3), and so is the application file behind it: those records are kept, holding only
 * the person's account id (de-identified by identity), and their signed content is never changed.
 * Around them: drafts the person started and never submitted are nobody's evidence and are deleted;
 * the staff notes of the applications they applied for or decided keep their words without the
 * person's name, address or telephone; the supporting documents they uploaded stay (the company's
 * evidence) without their id.
 *
 * The signature image is on the account (identity clears it with the name). PDFs already rendered
 * are the certificates as issued, held by the exporter and kept under the same duty: they stay as
 * they are. A PDF rendered after the erasure (an awaiting one, a copy) is printed as for a restricted
 * signer (certificate-pdf.service.ts): without name and signature image, the certificate staying
 * valid by the chamber's key and verification code. Re-rendering issued PDFs would change a
 * certificate the exporter already holds, so it is not done.
 *
 * Retention (rule CERTIFICATE_FILE: the tenant's period, 10 years after issue by default, never under
 * the legal 7). Past it, the certificate file is destroyed: of the certificate a minimal record stays
 * (number, status, dates, chamber, country of origin, goods hash), so public verification of the
 * number says the record was destroyed after its retention period; its signed content (consignee,
 * exporter), signature, signer, the copies' requesters and every PDF (record and bytes) go; of its
 * application the consignee, the applicant, the clerks, their notes and the company's reply go, and the supporting
 * documents no live application names (record and bytes). Rejected applications go the same way,
 * counted from the decision. A file under a legal hold, or naming a restricted person, stays.
 *
 * Retention (rule ABANDONED_APPLICATION: 12 months after its last change by default): applications
 * their company abandoned (`sweepAbandonedApplications`).
 */
@HoldsPersonalData()
@Injectable()
export class CertificatesPersonalDataHolder implements PersonalDataHolder {
  readonly holder = 'certificates.applications';
  readonly legalHoldKinds = Object.keys(HOLDABLE_CERTIFICATE_RECORDS);

  constructor(
    private readonly applications: ApplicationRepository,
    private readonly certificates: CertificateRepository,
    private readonly documents: DocumentsService,
    private readonly parties: PartyDirectoryService,
    private readonly retention: CertificateRetentionRepository,
    private readonly verifications: VerificationRepository,
  ) {}

  hasHoldableRecord(kind: string, id: string): Promise<boolean> {
    return this.retention.hasHoldableRecord(kind, id);
  }

  async recordsOf(subject: DataSubject): Promise<HeldRecord[]> {
    if (!subject.userId) return [];
    const userId = subject.userId;
    const records: HeldRecord[] = (await this.applications.ofPerson(userId)).map((record) => ({ record, aboutOthers: aboutOthersOn(record, userId) }));
    const signed = await this.certificates.signedBy(userId);
    records.push(...signed.map((record) => ({ record })));
    records.push(...(await this.certificates.copiesRequestedBy(userId)).map((record) => ({ record })));
    const statistics = processingStatistics(subject.tenantId, await this.applications.reviewsPerMonth(userId), await this.certificates.signaturesPerMonth(userId));
    records.push(...statistics.map((record) => ({ record })));
    const signatureImage = await this.parties.signatureImage(userId);
    if (signed.length > 0 || signatureImage) {
      // The signatory as certificates print them (organisation: none, it is the person's own profile).
      records.push({ record: CertificateSignatory.of({ tenantId: subject.tenantId, organisationId: '', userId, name: (await this.parties.signerName(userId)) ?? '', signatureImage }) });
    }
    records.push(...(await this.documents.uploadedBy(userId, 'SUPPORTING_DOCUMENT')).map((record) => ({ record })));
    return records;
  }

  async erase(subject: DataSubject): Promise<ErasureOutcome> {
    if (!subject.userId) return NOTHING_ERASED;
    const userId = subject.userId;
    const drafts = await this.applications.deleteUnsubmittedDraftsOf(userId);
    // Their documents go with them (nobody's evidence; an invoice may name the person), unless another application names them too.
    const deleted = drafts.length + (await deleteSupportingDocumentsNoLongerNamed(this.applications, this.documents, drafts.flatMap((d) => d.supportingDocumentIds ?? [])));
    let deidentified = 0;
    const values = [...new Set([...(await this.parties.identifyingValuesOf(userId)), subject.email].filter((v) => v && v.trim().length >= 2))];
    if (values.length > 0) deidentified += await this.applications.deidentifyNotesAbout(userId, values.map(escapeRegExp).join('|'));
    deidentified += await this.documents.forgetUploader(userId, 'SUPPORTING_DOCUMENT');
    const kept = (await this.applications.ofPerson(userId)).length
      + (await this.certificates.signedBy(userId)).length
      + (await this.certificates.copiesRequestedBy(userId)).length;
    return {
      deleted,
      deidentified,
      keptAsReference: kept,
      reason: kept + deidentified > 0
        ? 'The applications you made or handled, the certificates of origin you signed and the copies you requested are kept with your account’s identifier only (no name or contact details), and their signed content is never changed: a certificate of origin is evidence the chamber must keep for 10 years after issue (DigiChambers §4.3). Staff notes on them no longer name you; documents you uploaded stay with the company’s file without your identifier; PDFs already issued stay as issued, and none printed from now on shows your name or signature.'
        : undefined,
      kept: kept > 0 ? [{ what: KeptOnErasure.CERTIFICATE_FILE, records: kept }] : [],
    };
  }

  /**
   * The public verification's counters of failed attempts (platform rows: a hash of a client address)
   * a day after their window: they count nothing after it.
   */
  async sweepPlatformRetention(sweep: RetentionSweep): Promise<RetentionOutcome> {
    const before = new Date(sweep.now.getTime() - VERIFICATION_WINDOW_MS - COUNTER_KEPT_AFTER_WINDOW_MS);
    // Not in the counts: a counter is no record of a rule (nothing a person's export shows or a hold names).
    await inBatches(sweep.batchSize, () => this.verifications.deleteWindowsStartedBefore(before, sweep.batchSize));
    return { expired: 0, deleted: 0, deidentified: 0, held: 0 };
  }

  async sweepRetention(sweep: RetentionSweep): Promise<RetentionOutcome> {
    // Two rules: the certificate files, and the applications their companies abandoned.
    const outcomes = [await this.sweepCertificateFiles(sweep), await this.sweepAbandonedApplications(sweep)];
    return sumOutcomes(outcomes);
  }

  /**
   * Rule ABANDONED_APPLICATION: applications left by their company longer than the tenant's period
   * after their last change. A draft never submitted is nobody's evidence (the chamber never saw it):
   * deleted, as at erasure. One sent back for changes and never resubmitted was reviewed: destroyed
   * like a rejected one, so the chamber keeps that it examined these goods and what became of the
   * request (the audit trail's entries still name a record) without anyone in it; editing or
   * submitting it is then a CONFLICT (RECORD_DESTROYED). Their supporting documents go with them
   * unless another application names them. Held or naming a restricted person: left alone.
   */
  private async sweepAbandonedApplications(sweep: RetentionSweep): Promise<RetentionOutcome> {
    const held = [...sweep.held];
    const restricted = [...sweep.restrictedUserIds];
    const retention = sweep.intervalOf(RetentionRuleKey.ABANDONED_APPLICATION);
    const counted = await this.retention.countAbandonedPastRetention(sweep.now, retention, held, restricted);
    let deleted = 0;
    let destroyed = 0;
    await inBatches(sweep.batchSize, async () => {
      const due = await this.retention.abandonedDue(sweep.now, retention, held, restricted, sweep.batchSize);
      const drafts = await this.retention.deleteDrafts(due.filter((a) => a.state === 'DRAFT').map((a) => a.id));
      await deleteSupportingDocumentsNoLongerNamed(this.applications, this.documents, drafts.documentIds);
      const destroyedNow = await this.destroyApplications(due.filter((a) => a.state !== 'DRAFT').map((a) => a.id), sweep.now);
      deleted += drafts.deleted;
      destroyed += destroyedNow;
      return drafts.deleted + destroyedNow;
    });
    return { expired: counted.expired, deleted, deidentified: destroyed, held: counted.held };
  }

  /** Rule CERTIFICATE_FILE: issued certificates and their applications, and rejected applications, past the tenant's period. */
  private async sweepCertificateFiles(sweep: RetentionSweep): Promise<RetentionOutcome> {
    const held = [...sweep.held];
    const restricted = [...sweep.restrictedUserIds];
    const retention = sweep.intervalOf(RetentionRuleKey.CERTIFICATE_FILE);
    const counted = await this.retention.countPastRetention(sweep.now, retention, held, restricted);
    const at = sweep.now;
    let destroyed = 0;
    for (;;) {
      const due = await this.retention.certificatesDue(sweep.now, retention, held, restricted, sweep.batchSize);
      if (due.length === 0) break;
      const pdfs = await this.retention.destroyCertificates(due.map((c) => c.id), at);
      await this.documents.deleteUnnamed(pdfs, 'CERTIFICATE_PDF');
      await this.destroyApplications(due.map((c) => c.applicationId), at);
      destroyed += due.length;
      if (due.length < sweep.batchSize) break;
    }
    for (;;) {
      const due = await this.retention.rejectedDue(sweep.now, retention, held, restricted, sweep.batchSize);
      if (due.length === 0) break;
      destroyed += await this.destroyApplications(due, at);
      if (due.length < sweep.batchSize) break;
    }
    return { expired: counted.expired, deleted: 0, deidentified: destroyed, held: counted.held };
  }

  /** The applications' personal data, and the supporting documents no other application names (record and bytes). */
  private async destroyApplications(ids: readonly string[], at: Date): Promise<number> {
    if (ids.length === 0) return 0;
    const { destroyed, documentIds } = await this.retention.destroyApplications(ids, at);
    await deleteSupportingDocumentsNoLongerNamed(this.applications, this.documents, documentIds);
    return destroyed;
  }

}

/** The fields of an application that are someone else's: the consignee's, and the other side's (the applicant and the company's reply, the clerk and their notes). */
function aboutOthersOn(application: CertificateApplication, userId: string): string[] {
  const others: string[] = [...CONSIGNEE_FIELDS];
  const someoneElse = (id: string | null) => id !== null && id.toLowerCase() !== userId.toLowerCase();
  // The reply is the company's words (its applicant's, as far as the record says): not a clerk's.
  if (someoneElse(application.createdBy) || application.createdBy === null) others.push('createdBy', 'companyReply');
  if (someoneElse(application.claimedBy)) others.push('claimedBy');
  // The notes are the deciding clerk's words: theirs, not the applicant's.
  if (someoneElse(application.reviewedBy) || application.reviewedBy === null) others.push('reviewedBy', 'reviewComment', 'rejectionReason');
  return others;
}

/** A literal for a PostgreSQL regular expression (advanced syntax). */
function escapeRegExp(value: string): string {
  return value.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
}
