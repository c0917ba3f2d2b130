import { Injectable } from '@nestjs/common';
import { ORGANISATION_ROLES, Role } from '@chancery/access';
import { AuditLog } from '@chancery/audit';
import { addDays, AppConfig, Clock } from '@chancery/core';
import { Organisation, OrganisationPeople, UserAccount, UserStatus } from '@chancery/identity';
import { DatasheetsErrors } from '../datasheets.errors';
import { CertifiedProduct, CertifiedProductStatus } from '../entities/certified-product.entity';
import { DatasheetState, DatasheetVersion } from '../entities/datasheet-version.entity';
import { Datasheet } from '../entities/datasheet.entity';
import { DatasheetChangeKind } from '../entities/internal.entities';
import { DatasheetContactKind } from '../entities/published-datasheet.entity';
import { DatasheetWithdrawalReason, WithdrawnDatasheet } from '../entities/withdrawn-datasheet.entity';
import { DATASHEET_WITHDRAWN } from '../email/datasheets-emails';
import { CertifiedProductRepository } from '../repositories/certified-product.repository';
import { DatasheetLedgerRepository } from '../repositories/datasheet-ledger.repository';
import { DisclosureAcknowledgementRepository } from '../repositories/disclosure-acknowledgement.repository';
import { DatasheetVersionRepository } from '../repositories/datasheet-version.repository';
import { DatasheetRepository } from '../repositories/datasheet.repository';
import { PublishedContact, PublishedDatasheetRepository } from '../repositories/published-datasheet.repository';
import { WebhookEvents, WebhookEventType } from '@chancery/webhooks';
import { DatasheetAttachmentsService } from './datasheet-attachments.service';
import { HolderRecipients } from './holder-recipients';
import { ProcessingRestrictions } from '@chancery/policy';
import { Mailer } from '@chancery/notifications';

export const DEFAULT_CONTACT_REPLACEMENT_DAYS = 30;

/** What a withdrawal notice says of a product's certificate in each status (ACTIVE: the datasheet alone was withdrawn). */
const WITHDRAWAL_OF_PRODUCT_STATUS: Record<CertifiedProductStatus, DatasheetWithdrawalReason> = {
  [CertifiedProductStatus.ACTIVE]: DatasheetWithdrawalReason.DATASHEET_WITHDRAWN,
  [CertifiedProductStatus.SUSPENDED]: DatasheetWithdrawalReason.PRODUCT_SUSPENDED,
  [CertifiedProductStatus.WITHDRAWN]: DatasheetWithdrawalReason.PRODUCT_WITHDRAWN,
  [CertifiedProductStatus.EXPIRED]: DatasheetWithdrawalReason.PRODUCT_EXPIRED,
};

/** What releasing a person as contact changed: the datasheets that named them, how many of them are public, the deadline. */
export interface ReleasedContact {
  datasheets: Datasheet[];
  published: number;
  deadline: Date | null;
}

/**
 * What goes public, and when it stops: publishing a version (superseding the one before), unpublishing,
 * and the contact a published datasheet shows. The public read model and the change log are written
 * here, in the unit of work of the change, so no public output ever disagrees with the datasheet.
 */
@Injectable()
export class DatasheetPublication {
  constructor(
    private readonly datasheets: DatasheetRepository,
    private readonly versions: DatasheetVersionRepository,
    private readonly published: PublishedDatasheetRepository,
    private readonly products: CertifiedProductRepository,
    private readonly ledger: DatasheetLedgerRepository,
    private readonly acknowledgements: DisclosureAcknowledgementRepository,
    private readonly people: OrganisationPeople,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly webhooks: WebhookEvents,
    private readonly restrictions: ProcessingRestrictions,
    private readonly attachments: DatasheetAttachmentsService,
    private readonly mailer: Mailer,
    private readonly recipients: HolderRecipients,
    private readonly config: AppConfig,
  ) {}

  /** The change log entry the pull feed reads, and the same event for the tenant's push targets, in the change's unit. */
  private async recordChange(tenantId: string, datasheetId: string, versionId: string | null, kind: DatasheetChangeKind, at: Date): Promise<void> {
    await this.ledger.recordChange(tenantId, datasheetId, versionId, kind, at);
    await this.webhooks.publish({ tenantId, type: `datasheet.${kind.toLowerCase()}` as WebhookEventType, subject: { datasheetId, versionId, kind } });
  }

  /** The same change to several datasheets: one change-log statement, and the push event of each. */
  private async recordChanges(tenantId: string, datasheetIds: readonly string[], kind: DatasheetChangeKind, at: Date): Promise<void> {
    await this.ledger.recordChanges(tenantId, datasheetIds, kind, at);
    for (const datasheetId of datasheetIds) {
      await this.webhooks.publish({ tenantId, type: `datasheet.${kind.toLowerCase()}` as WebhookEventType, subject: { datasheetId, versionId: null, kind } });
    }
  }

  /** Publishes an approved version: the published one before it is superseded, in the same unit. */
  async publish(datasheet: Datasheet, version: DatasheetVersion): Promise<DatasheetVersion> {
    const now = this.clock.now();
    const product = await this.products.findInScope(datasheet.certifiedProductId, { tenantId: datasheet.tenantId, organisationId: null });
    if (product?.status !== CertifiedProductStatus.ACTIVE) throw DatasheetsErrors.PRODUCT_NOT_ACTIVE('the certified product is not active', { field: 'versionId' });
    const previous = await this.versions.findOfDatasheetIn(datasheet.id, [DatasheetState.PUBLISHED]);
    if (previous) {
      // Its public history keeps it, as published (SPEC §3), before the read model moves on.
      await this.published.keepSuperseded(datasheet.id, previous.id, now);
      await this.versions.setState(previous.id, DatasheetState.SUPERSEDED, now, null);
      await this.recordChange(datasheet.tenantId, datasheet.id, previous.id, DatasheetChangeKind.SUPERSEDED, now);
    }
    const publishedVersion = await this.versions.setState(version.id, DatasheetState.PUBLISHED, now, null);
    // In force again (a datasheet withdrawn before): its withdrawal notice goes.
    if (!previous) await this.published.forgetWithdrawal(datasheet.id);
    const organisation = await this.people.organisation(datasheet.organisationId);
    // Nobody to name when who completed it was forgotten (a withdrawn datasheet past DATASHEET_RECORD).
    const person = version.completedBy ? await this.eligibleContact(datasheet, version.completedBy) : null;
    let contact: PublishedContact;
    if (person) {
      await this.datasheets.setContact(datasheet.id, person.id, false, null);
      contact = person.contact;
    } else if (datasheet.contactSuspendedUserId) {
      // Its contact is suspended by a restriction: the general contact, without a deadline, until they are shown again.
      contact = { ...companyContact(organisation), replacementRequired: false };
    } else {
      // The one who completed it objected (or left): the company's general contact, flagged, with the deadline running.
      await this.datasheets.setContact(datasheet.id, null, true, datasheet.contactReplacementDeadline ?? (await this.replacementDeadline(datasheet.tenantId)));
      contact = companyContact(organisation);
    }
    // The published version's attachments, public from now on; the superseded version's no longer.
    const attachments = await this.attachments.forPublication(publishedVersion);
    await this.attachments.showPublicly(datasheet.tenantId, datasheet.id, attachments);
    await this.published.upsert(
      {
        id: datasheet.id, tenantId: datasheet.tenantId, organisationId: datasheet.organisationId, versionId: publishedVersion.id, versionNumber: publishedVersion.number,
        publicCode: datasheet.publicCode, productName: product.name, productFamily: product.productFamily, certificateReference: product.certificateReference,
        scheme: product.scheme, productionUnit: product.productionUnit, holderName: organisation?.name ?? '', characteristics: publishedVersion.characteristics,
        texts: publishedVersion.texts, attachments, publishedAt: now,
      },
      contact,
    );
    await this.recordChange(datasheet.tenantId, datasheet.id, publishedVersion.id, DatasheetChangeKind.PUBLISHED, now);
    await this.audit.record({ action: 'datasheets.version.published', subjectType: 'DatasheetVersion', subjectId: publishedVersion.id, details: { datasheet: datasheet.id, number: publishedVersion.number, superseded: previous?.id ?? null } });
    return publishedVersion;
  }

  /**
   * Takes the datasheet off every public output (its published version becomes UNPUBLISHED), leaving
   * the public a notice of the withdrawal and why (`reason`; `note` is for the audit trail only); false
   * when it was not published.
   */
  async unpublish(datasheet: Datasheet, reason: DatasheetWithdrawalReason, note: string): Promise<boolean> {
    const now = this.clock.now();
    const current = await this.versions.findOfDatasheetIn(datasheet.id, [DatasheetState.PUBLISHED]);
    if (!current) return false;
    await this.versions.setState(current.id, DatasheetState.UNPUBLISHED, now, null);
    const notice = await this.published.keepWithdrawal(datasheet.id, now, reason);
    // Its public history keeps the version withdrawn, as published (SPEC §3), before the read model's row goes.
    await this.published.keepWithdrawnVersion(datasheet.id, now, reason);
    await this.published.remove(datasheet.id);
    await this.attachments.showPublicly(datasheet.tenantId, datasheet.id, []);
    await this.recordChange(datasheet.tenantId, datasheet.id, current.id, DatasheetChangeKind.UNPUBLISHED, now);
    await this.audit.record({ action: 'datasheets.datasheet.unpublished', subjectType: 'Datasheet', subjectId: datasheet.id, details: { version: current.id, reason, note } });
    if (notice) await this.tellHolder(datasheet, notice);
    return true;
  }

  /**
   * The certificate holder learns of the withdrawal (its copies handed out with deliveries are no longer
   * in force), in the unit of work of the withdrawal. Restricted administrators are left out: the
   * contact deadline job withdraws too.
   */
  private async tellHolder(datasheet: Datasheet, notice: WithdrawnDatasheet): Promise<void> {
    const link = `${this.config.publicBaseUrl}/datasheets/${notice.publicCode}`;
    for (const recipient of await this.recipients.of(datasheet.tenantId, datasheet.organisationId, { leaveOutRestricted: true })) {
      await this.mailer.queue(DATASHEET_WITHDRAWN, { tenantId: datasheet.tenantId, ...recipient, values: { notice, link } });
    }
  }

  /**
   * The product's certificate changed status: a datasheet in force is withdrawn when the product is no
   * longer ACTIVE, and the notice of one withdrawn already follows the certificate (suspended, then
   * withdrawn; active again while the datasheet is not yet published again: withdrawn by the body). A
   * changed notice is announced again (UNPUBLISHED, no version), so the external system's notice follows.
   */
  async followProductStatus(product: CertifiedProduct): Promise<void> {
    const datasheet = await this.datasheets.lockOfProduct(product.id, product.tenantId);
    if (!datasheet) return;
    const reason = WITHDRAWAL_OF_PRODUCT_STATUS[product.status];
    if (product.status !== CertifiedProductStatus.ACTIVE && (await this.unpublish(datasheet, reason, `product ${product.status}`))) return;
    if (await this.published.changeWithdrawalReason(datasheet.id, reason)) {
      await this.recordChange(datasheet.tenantId, datasheet.id, null, DatasheetChangeKind.UNPUBLISHED, this.clock.now());
    }
  }

  /**
   * The person stops being the contact of every datasheet naming them: each shows its company's
   * general contact instead, flagged, with the tenant's deadline running, and the change log tells
   * the external system. A fixed number of statements however many datasheets name them.
   */
  async releasePersonContact(tenantId: string, userId: string): Promise<ReleasedContact> {
    const deadline = await this.replacementDeadline(tenantId);
    const released = await this.datasheets.releaseContact(tenantId, userId, deadline);
    if (released.length === 0) return { datasheets: [], published: 0, deadline: null };
    let published = 0;
    // A contact belongs to the datasheet's company, so this is one company in practice.
    for (const organisationId of new Set(released.map((d) => d.organisationId))) {
      const ids = released.filter((d) => d.organisationId === organisationId).map((d) => d.id);
      const replaced = await this.published.replaceContactOfMany(ids, companyContact(await this.people.organisation(organisationId)));
      if (replaced.length) await this.recordChanges(tenantId, replaced, DatasheetChangeKind.CONTACT_CHANGED, this.clock.now());
      published += replaced.length;
    }
    return { datasheets: released, published, deadline: released[0]!.contactReplacementDeadline ?? deadline };
  }

  /**
   * The person's processing is restricted (Art. 18): every datasheet showing them shows the company's
   * general contact instead, without a replacement deadline nor a flag (nothing for the company to do),
   * and remembers them for `restorePersonContact`. In the caller's unit of work.
   */
  async suspendPersonContact(tenantId: string, userId: string): Promise<{ datasheets: Datasheet[]; published: number }> {
    const suspended = await this.datasheets.suspendContact(tenantId, userId);
    let published = 0;
    for (const organisationId of new Set(suspended.map((d) => d.organisationId))) {
      const ids = suspended.filter((d) => d.organisationId === organisationId).map((d) => d.id);
      const replaced = await this.published.replaceContactOfMany(ids, { ...companyContact(await this.people.organisation(organisationId)), replacementRequired: false });
      if (replaced.length) await this.recordChanges(tenantId, replaced, DatasheetChangeKind.CONTACT_CHANGED, this.clock.now());
      published += replaced.length;
    }
    return { datasheets: suspended, published };
  }

  /**
   * The person's restriction is lifted: the datasheets that waited for them show them again when they
   * may still be a contact (`eligibleContact`); the others are returned for the caller to release. In
   * the caller's unit of work, after the restriction's end is written.
   */
  async restorePersonContact(tenantId: string, userId: string): Promise<{ restored: Datasheet[]; notEligible: Datasheet[] }> {
    const waiting = await this.datasheets.lockSuspendedFor(tenantId, userId);
    const person = waiting.length ? await this.people.person(userId) : null;
    const restored: Datasheet[] = [];
    const notEligible: Datasheet[] = [];
    // A contact belongs to the datasheet's company, so this is one company (and one eligibility check) in practice.
    for (const organisationId of new Set(waiting.map((d) => d.organisationId))) {
      const [eligible] = person ? await this.eligibleAmong({ tenantId, organisationId }, [person]) : [];
      for (const datasheet of waiting.filter((d) => d.organisationId === organisationId)) {
        if (eligible) restored.push(await this.showPersonContact(datasheet, personContact(eligible)));
        else notEligible.push(datasheet);
      }
    }
    return { restored, notEligible };
  }

  /** The person's current details on every published datasheet that shows them (they changed them). In the caller's unit. */
  async refreshPersonContact(tenantId: string, userId: string): Promise<void> {
    const shown = await this.published.withContact(userId);
    const person = shown.length ? await this.people.person(userId) : null;
    if (!person) return;
    const changed = await this.published.replaceContactOfMany(shown.map((d) => d.id), personContact(person));
    if (changed.length) await this.recordChanges(tenantId, changed, DatasheetChangeKind.CONTACT_CHANGED, this.clock.now());
  }

  /**
   * The company's current details on its published datasheets, in the caller's unit: its name as their
   * holder (all of them), its general contact on those that show it. One change per datasheet changed
   * (CONTACT_CHANGED: the external system reads the datasheet again), however many of its fields changed.
   */
  async refreshCompanyContact(tenantId: string, organisationId: string): Promise<void> {
    const organisation = await this.people.organisation(organisationId);
    if (!organisation) return;
    const renamed = await this.published.renameHolder(organisationId, organisation.name);
    const ids = await this.published.showingCompanyContact(organisationId);
    const replaced = ids.length ? await this.published.replaceContactOfMany(ids, companyContact(organisation)) : [];
    const changed = [...new Set([...renamed, ...replaced])].sort();
    if (changed.length) await this.recordChanges(tenantId, changed, DatasheetChangeKind.CONTACT_CHANGED, this.clock.now());
  }

  /** A person named as the datasheet's contact (eligible: checked by the caller). */
  async showPersonContact(datasheet: Datasheet, contact: PublishedContact & { userId: string }): Promise<Datasheet> {
    const updated = await this.datasheets.setContact(datasheet.id, contact.userId, false, null);
    if (await this.published.replaceContact(datasheet.id, contact)) {
      await this.recordChange(datasheet.tenantId, datasheet.id, null, DatasheetChangeKind.CONTACT_CHANGED, this.clock.now());
    }
    return updated;
  }

  /**
   * The person as a published contact, if they may be one: an active user of the datasheet's company
   * holding an organisation role who acknowledged the current notice and has not objected, and
   * whose processing is not restricted (Art. 18: publishing them would be processing).
   */
  async eligibleContact(datasheet: Pick<Datasheet, 'tenantId' | 'organisationId'>, userId: string): Promise<{ id: string; contact: PublishedContact & { userId: string } } | null> {
    const person = await this.people.person(userId);
    const [eligible] = person ? await this.eligibleAmong(datasheet, [person]) : [];
    return eligible ? { id: eligible.id, contact: personContact(eligible) } : null;
  }

  /** Those of the people who may be the datasheet's published contact (the rule of `eligibleContact`), in two statements whatever their number. */
  async eligibleAmong(datasheet: Pick<Datasheet, 'tenantId' | 'organisationId'>, people: readonly UserAccount[]): Promise<UserAccount[]> {
    const members = people.filter(
      (person) => person.status === UserStatus.ACTIVE && person.organisationId === datasheet.organisationId && (person.roles ?? []).some((role: Role) => ORGANISATION_ROLES.includes(role)),
    );
    if (members.length === 0) return [];
    const ids = members.map((person) => person.id);
    const restricted = await this.restrictions.restrictedAmong(ids);
    const acknowledged = await this.acknowledgements.acknowledgedAmong(datasheet.tenantId, ids);
    return members.filter((person) => !restricted.has(person.id) && acknowledged.has(person.id));
  }

  async replacementDeadline(tenantId: string): Promise<Date> {
    const days = (await this.ledger.contactReplacementDays(tenantId)) ?? DEFAULT_CONTACT_REPLACEMENT_DAYS;
    return addDays(this.clock.now(), days);
  }
}

/** The company's general contact details (COPRO §5b: shown until another contact person is presented). */
/** A person as a published contact: their name, e-mail, telephone and position. */
export function personContact(person: UserAccount): PublishedContact & { userId: string } {
  return {
    kind: DatasheetContactKind.PERSON, userId: person.id, name: `${person.firstName} ${person.lastName}`, email: person.email, phone: person.phone,
    position: person.jobTitle, replacementRequired: false,
  };
}

export function companyContact(organisation: Organisation | null): PublishedContact {
  return {
    kind: DatasheetContactKind.COMPANY, userId: null, name: organisation?.name ?? '', email: organisation?.email ?? null, phone: organisation?.phone ?? null,
    position: null, replacementRequired: true,
  };
}
