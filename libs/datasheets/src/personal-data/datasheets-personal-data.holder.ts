import { Injectable } from '@nestjs/common';
import { DataSubject, ErasureOutcome, HeldRecord, HoldsPersonalData, KeptOnErasure, PersonalDataHolder, RetentionOutcome, RetentionRuleKey, RetentionSweep, inBatches, sumOutcomes } from '@chancery/policy';
import { DatasheetAttachmentRepository } from '../repositories/datasheet-attachment.repository';
import { DatasheetVersionRepository } from '../repositories/datasheet-version.repository';
import { DatasheetRepository } from '../repositories/datasheet.repository';
import { HOLDABLE_DATASHEET_RECORDS, DatasheetRetentionRepository } from '../repositories/datasheet-retention.repository';
import { DisclosureAcknowledgementRepository } from '../repositories/disclosure-acknowledgement.repository';
import { PublishedDatasheetRepository } from '../repositories/published-datasheet.repository';
import { ProjectCertificateRepository } from '../projects/project-certificate.repository';
import { ContactDisclosureService } from '../services/contact-disclosure.service';

/**
 * The datasheets' personal data of a person: where they are the published contact (name, e-mail,
 * telephone, position on public datasheets and in the feed), the versions they completed, the
 * attachments they added, and their acknowledgements of the disclosure notice. Erasure takes them
 * off every public output exactly as an objection does (the company's general contact, flagged, the
 * external system told), deletes the acknowledgements, keeps the versions' reference to who completed them and the
 * distributions' to who sent them (evidence of the certificate file), and clears who added
 * attachments (the documents stay: they are the company's, not the person's).
 *
 * Retention (rule DATASHEET_RECORD, the tenant's period: 12 months after a datasheet is withdrawn):
 * a withdrawn datasheet (unpublished, nothing published or in the works) keeps its versions and
 * attachments without its contact, who completed its versions and who added its attachments (its
 * public row, with the contact's name, e-mail, telephone and position, went when it was withdrawn).
 * A project certificate's distribution forgets who sent it once CERTIFICATE_FILE's period after the
 * distribution is over.
 */
@HoldsPersonalData()
@Injectable()
export class DatasheetsPersonalDataHolder implements PersonalDataHolder {
  readonly holder = 'datasheets.contacts';
  readonly legalHoldKinds = Object.keys(HOLDABLE_DATASHEET_RECORDS);

  constructor(
    private readonly datasheets: DatasheetRepository,
    private readonly published: PublishedDatasheetRepository,
    private readonly versions: DatasheetVersionRepository,
    private readonly acknowledgements: DisclosureAcknowledgementRepository,
    private readonly disclosure: ContactDisclosureService,
    private readonly projects: ProjectCertificateRepository,
    private readonly attachments: DatasheetAttachmentRepository,
    private readonly retention: DatasheetRetentionRepository,
  ) {}

  hasHoldableRecord(kind: string, id: string): Promise<boolean> {
    return this.retention.hasHoldableRecord(kind, id);
  }

  async recordsOf(subject: DataSubject): Promise<HeldRecord[]> {
    if (!subject.userId) return [];
    const userId = subject.userId;
    return [
      ...(await this.published.withContact(userId)),
      ...(await this.datasheets.withContact(userId)),
      ...(await this.versions.completedBy(userId)),
      ...(await this.acknowledgements.ofUser(userId)),
      ...(await this.projects.partiesWithContact(userId)),
      ...(await this.projects.distributionsBy(userId)),
      ...(await this.attachments.uploadedBy(userId)),
    ].map((record) => ({ record }));
  }

  /**
   * Restriction (Art. 18): publishing the person is processing, so they leave every public output at
   * once (the company's general contact shown, the external system told), without a replacement
   * deadline: the datasheets wait for them. Their role stays; while restricted they cannot be named or
   * published again.
   */
  restrictProcessing(subject: DataSubject): Promise<number> {
    return subject.userId ? this.disclosure.suspendAsContact(subject.tenantId, subject.userId) : Promise.resolve(0);
  }

  /** The restriction is lifted: what waited for the person shows them again (see ContactDisclosureService.restoreAsContact). */
  restrictionLifted(subject: DataSubject): Promise<number> {
    return subject.userId ? this.disclosure.restoreAsContact(subject.tenantId, subject.userId) : Promise.resolve(0);
  }

  /** An objection upheld by the privacy office: exactly the person's own objection to the contact disclosure. */
  async object(subject: DataSubject): Promise<number> {
    if (!subject.userId) return 0;
    return this.disclosure.upheldObjection(subject.tenantId, subject.userId);
  }

  async erase(subject: DataSubject): Promise<ErasureOutcome> {
    if (!subject.userId) return { deleted: 0, deidentified: 0, keptAsReference: 0 };
    const projectParties = (await this.projects.partiesWithContact(subject.userId)).length;
    const released = await this.disclosure.releaseAsContact(subject.tenantId, subject.userId, 'erasure requested by the person');
    const deleted = await this.acknowledgements.deleteOfUser(subject.userId);
    // The documents are the company's: they stay, without the id of the person who added them.
    const forgotten = await this.attachments.forgetUploader(subject.userId);
    const completed = (await this.versions.completedBy(subject.userId)).length;
    // Who sent a project certificate out is the certificate file's evidence (CERTIFICATE_FILE): kept, then forgotten by the sweep.
    const distributed = (await this.projects.distributionsBy(subject.userId)).length;
    const reasons = [
      completed > 0 ? "The datasheet versions you completed keep your account's identifier (no name or contact details): they are the record of a certified product's declared characteristics, kept for the product's certification file." : '',
      distributed > 0 ? "The project certificates you sent to an external system keep your account's identifier as the one who sent them (no name or contact details), as evidence kept with the certificate file; it is removed when that file's retention period after the sending is over." : '',
    ].filter(Boolean);
    return {
      deleted,
      deidentified: released.datasheets.length + projectParties + forgotten,
      keptAsReference: completed + distributed,
      reason: reasons.length > 0 ? reasons.join(' ') : undefined,
      kept: [
        ...(completed > 0 ? [{ what: KeptOnErasure.DATASHEET_VERSIONS, records: completed }] : []),
        ...(distributed > 0 ? [{ what: KeptOnErasure.PROJECT_DISTRIBUTIONS, records: distributed }] : []),
      ],
    };
  }

  async sweepRetention(sweep: RetentionSweep): Promise<RetentionOutcome> {
    // Three rules: the withdrawn datasheets' records, the acknowledgements of people whose role ended, who distributed project certificates.
    const outcomes = [await this.sweepDatasheetRecords(sweep), await this.sweepDisclosureAcknowledgements(sweep), await this.sweepProjectDistributors(sweep)];
    return sumOutcomes(outcomes);
  }

  /**
   * DISCLOSURE_ACKNOWLEDGEMENT: an acknowledgement of the contact-disclosure notice is evidence while
   * the person holds the role and for the period after it ended (objection, roles withdrawn, account
   * disabled); then it is deleted (nothing refers to it). A held one or a restricted person's stays.
   */
  async sweepDisclosureAcknowledgements(sweep: RetentionSweep): Promise<RetentionOutcome> {
    const held = [...sweep.held];
    const restricted = [...sweep.restrictedUserIds];
    const retention = sweep.intervalOf(RetentionRuleKey.DISCLOSURE_ACKNOWLEDGEMENT);
    const counted = await this.acknowledgements.countRoleEndedPastRetention(sweep.now, retention, held, restricted);
    const deleted = await inBatches(sweep.batchSize, () => this.acknowledgements.deleteRoleEndedPastRetention(sweep.now, retention, held, restricted, sweep.batchSize));
    return { expired: counted.expired, deleted, deidentified: 0, held: counted.held };
  }

  /**
   * PROJECT_DISTRIBUTOR (rule CERTIFICATE_FILE, counted from the distribution): a distribution past the
   * tenant's period keeps where and when the certificate was sent and forgets who sent it. A held one
   * (`ProjectDistribution:<id>`) or a restricted person's stays.
   */
  private async sweepProjectDistributors(sweep: RetentionSweep): Promise<RetentionOutcome> {
    const held = [...sweep.held];
    const restricted = [...sweep.restrictedUserIds];
    const retention = sweep.intervalOf(RetentionRuleKey.CERTIFICATE_FILE);
    const counted = await this.projects.countDistributionsPastRetention(sweep.now, retention, held, restricted);
    const deidentified = await inBatches(sweep.batchSize, () => this.projects.forgetDistributorsPastRetention(sweep.now, retention, held, restricted, sweep.batchSize));
    return { expired: counted.expired, deleted: 0, deidentified, held: counted.held };
  }

  /** Rule DATASHEET_RECORD: withdrawn datasheets past the tenant's period, de-identified in batches. */
  private async sweepDatasheetRecords(sweep: RetentionSweep): Promise<RetentionOutcome> {
    const held = [...sweep.held];
    const restricted = [...sweep.restrictedUserIds];
    const retention = sweep.intervalOf(RetentionRuleKey.DATASHEET_RECORD);
    const counted = await this.retention.countWithdrawnPastRetention(sweep.now, retention, held, restricted);
    const deidentified = await inBatches(sweep.batchSize, () => this.retention.deidentifyWithdrawnPastRetention(sweep.now, retention, held, restricted, sweep.batchSize));
    return { expired: counted.expired, deleted: 0, deidentified, held: counted.held };
  }
}
