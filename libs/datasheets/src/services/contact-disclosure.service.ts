import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ORGANISATION_ROLES, Role } from '@chancery/access';
import { AuditLog } from '@chancery/audit';
import { Clock, personIdOf, RequestContext, TransactionRunner } from '@chancery/core';
import {
  ACCOUNT_DISABLED, ACCOUNT_ENABLED, AccountDisabled, ORGANISATION_DETAILS_CHANGED, ORGANISATION_ROLES_TAKEN, ORGANISATION_ROLES_WITHDRAWN, OrganisationDetailsChanged, OrganisationPeople,
  OrganisationRolesTaken, OrganisationRolesWithdrawn, PERSON_DETAILS_CHANGED, PersonDetailsChanged, REGISTRATION_LAPSED, RegistrationLapsed,
  TenantDirectoryService, TenantKind, UserAccount,
} from '@chancery/identity';
import { Mailer } from '@chancery/notifications';
import { CONTACT_DISCLOSURE_NOTICE } from '../contact-disclosure-notice';
import { DatasheetsErrors } from '../datasheets.errors';
import { CONTACT_OBJECTION } from '../email/datasheets-emails';
import { ContactDisclosureAcknowledgement } from '../entities/contact-disclosure-acknowledgement.entity';
import { Datasheet } from '../entities/datasheet.entity';
import { DatasheetWithdrawalReason } from '../entities/withdrawn-datasheet.entity';
import { HolderRecipients } from './holder-recipients';
import { DatasheetLedgerRepository } from '../repositories/datasheet-ledger.repository';
import { DisclosureAcknowledgementRepository } from '../repositories/disclosure-acknowledgement.repository';
import { DatasheetRepository } from '../repositories/datasheet.repository';
import { ProjectCertificateRepository } from '../projects/project-certificate.repository';
import { companyContact, DatasheetPublication, DEFAULT_CONTACT_REPLACEMENT_DAYS, ReleasedContact } from './datasheet-publication.service';
import { companyScopeOf, staffScopeOf } from './datasheet-scope';

export interface ObjectionOutcome {
  withdrawnRoles: Role[];
  datasheetsAffected: number;
  replacementDeadline: Date | null;
}

/**
 * The contact-disclosure rule (COPRO §5b, SPEC §3): the person who completes a datasheet is published
 * as its contact, so taking an organisation role in a certification body's space requires
 * acknowledging the notice; objecting withdraws the role and takes the person's details off every
 * public output at once; the company names a new contact or its datasheets are unpublished after the
 * tenant's deadline.
 */
@Injectable()
export class ContactDisclosureService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly context: RequestContext,
    private readonly acknowledgements: DisclosureAcknowledgementRepository,
    private readonly datasheets: DatasheetRepository,
    private readonly ledger: DatasheetLedgerRepository,
    private readonly publication: DatasheetPublication,
    private readonly projects: ProjectCertificateRepository,
    private readonly people: OrganisationPeople,
    private readonly directory: TenantDirectoryService,
    private readonly mailer: Mailer,
    private readonly recipients: HolderRecipients,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /**
   * The logged-in person acknowledges the current notice (text and version recorded with the time): a
   * certificate holder's person in a certification body's space, who holds or is taking an organisation
   * role. Nobody else is published as a contact: a chamber's people and the body's staff are refused
   * (nothing stored about them without a purpose).
   */
  async acknowledge(version: string): Promise<ContactDisclosureAcknowledgement> {
    if (version !== CONTACT_DISCLOSURE_NOTICE.version) throw DatasheetsErrors.NOTICE_VERSION_OUTDATED(`the current notice is version ${CONTACT_DISCLOSURE_NOTICE.version}`, { field: 'version' });
    const userId = personIdOf(this.context.actor);
    const tenantId = this.context.actor.tenantId;
    if (!tenantId) throw DatasheetsErrors.NOT_A_CERTIFICATION_BODY('the platform has no datasheets');
    return this.transactions.run(async () => {
      const tenant = await this.people.tenant(tenantId);
      if (!tenant?.kinds.includes(TenantKind.CERTIFICATION_BODY)) throw DatasheetsErrors.NOT_A_CERTIFICATION_BODY('the tenant is not a certification body: nobody’s contact details are published on its datasheets');
      const person = await this.people.person(userId);
      if (!person?.organisationId) throw DatasheetsErrors.DISCLOSURE_NOTICE_NOT_FOR_STAFF('only a certificate holder’s people acknowledge the notice: staff are never a datasheet’s contact');
      // Taking a role again (after an objection, a withdrawal): no role is held until it is granted, so
      // the retention of this acknowledgement runs until then (roleResumed stops it when the role is taken).
      const holdsRole = (person?.roles ?? []).some((role) => ORGANISATION_ROLES.includes(role as Role));
      return this.record(tenantId, userId, holdsRole ? null : this.clock.now());
    });
  }

  /**
   * Identity announces organisation roles being taken (registration, invitation, grant), inside the
   * unit of work that grants them: in a certification body's space, no acknowledgement, no role.
   */
  @OnEvent(ORGANISATION_ROLES_TAKEN, { suppressErrors: false })
  async onOrganisationRolesTaken(event: OrganisationRolesTaken): Promise<void> {
    if (!event.roles.some((role) => ORGANISATION_ROLES.includes(role as Role))) return;
    await this.transactions.run(async () => {
      const tenant = await this.people.tenant(event.tenantId);
      if (!tenant?.kinds.includes(TenantKind.CERTIFICATION_BODY)) return;
      // The role holds again: an acknowledgement counted towards its retention no longer is.
      await this.acknowledgements.roleResumed(event.tenantId, event.userId);
      if (await this.acknowledgements.isAcknowledged(event.tenantId, event.userId)) return;
      if (event.acknowledgedNoticeVersion !== CONTACT_DISCLOSURE_NOTICE.version) {
        throw DatasheetsErrors.DISCLOSURE_NOTICE_NOT_ACKNOWLEDGED(
          `this role publishes the person's contact details on datasheets: the person must acknowledge notice ${CONTACT_DISCLOSURE_NOTICE.version} (contactDisclosureNotice)`,
          { field: event.field, details: { noticeVersion: CONTACT_DISCLOSURE_NOTICE.version } },
        );
      }
      await this.record(event.tenantId, event.userId, null);
    });
  }

  /**
   * The person objects to the disclosure. In one unit of work: the acknowledgement is marked objected,
   * their organisation roles are withdrawn (effective at their next request), every datasheet showing
   * them shows the company's general contact instead, flagged, with the deadline running; the change
   * log tells the external system; the remaining administrators are told to name a new contact.
   */
  async object(): Promise<ObjectionOutcome> {
    const userId = personIdOf(this.context.actor);
    const tenantId = this.context.actor.tenantId;
    if (!tenantId) throw DatasheetsErrors.NOT_A_CERTIFICATION_BODY('the platform has no datasheets');
    return this.transactions.run(() => this.objectionOf(tenantId, userId, 'objected to the contact disclosure'));
  }

  /**
   * An objection upheld by the privacy office on the person's request: their own objection, in a
   * certification body's space (a chamber publishes no contact: nothing to do). In the caller's unit of work.
   */
  async upheldObjection(tenantId: string, userId: string): Promise<number> {
    const tenant = await this.people.tenant(tenantId);
    if (!tenant?.kinds.includes(TenantKind.CERTIFICATION_BODY)) return 0;
    return (await this.objectionOf(tenantId, userId, 'objection upheld on the person’s request')).datasheetsAffected;
  }

  /** The person's objection, made by them or upheld by the privacy office on their request. In the caller's unit of work. */
  async objectionOf(tenantId: string, userId: string, reason: string): Promise<ObjectionOutcome> {
    await this.acknowledgements.markObjected(tenantId, userId, this.clock.now());
    const withdrawnRoles = await this.people.withdrawOrganisationRoles(userId, reason);
    const released = await this.releaseAsContact(tenantId, userId, reason);
    await this.audit.record({ action: 'datasheets.contact.objected', subjectType: 'User', subjectId: userId, details: { rolesWithdrawn: withdrawnRoles.length ? withdrawnRoles.join(',') : 'none' } });
    return { withdrawnRoles, datasheetsAffected: released.datasheets.length, replacementDeadline: released.deadline };
  }

  /** A disabled account's holder can no longer answer for its datasheets: they show the company's contact. */
  /** The role ends with it too: the retention of their acknowledgements (DISCLOSURE_ACKNOWLEDGEMENT) counts from now. */
  @OnEvent(ACCOUNT_DISABLED, { suppressErrors: false })
  async onAccountDisabled(event: AccountDisabled): Promise<void> {
    if (!event.tenantId) return;
    const tenantId = event.tenantId;
    await this.transactions.run(async () => {
      await this.acknowledgements.roleEnded(tenantId, event.userId, this.clock.now());
      await this.releaseAsContact(tenantId, event.userId, 'account disabled');
    });
  }

  /** A published contact is a copy of the person's details: it follows their correction in the same unit of work. */
  @OnEvent(PERSON_DETAILS_CHANGED, { suppressErrors: false })
  async onPersonDetailsChanged(event: PersonDetailsChanged): Promise<void> {
    if (event.tenantId) await this.transactions.run(() => this.publication.refreshPersonContact(event.tenantId!, event.userId));
  }

  /** So is the company's general contact, shown while no person is named. */
  @OnEvent(ORGANISATION_DETAILS_CHANGED, { suppressErrors: false })
  async onOrganisationDetailsChanged(event: OrganisationDetailsChanged): Promise<void> {
    await this.transactions.run(() => this.publication.refreshCompanyContact(event.tenantId, event.organisationId));
  }

  /** An account enabled again holds its roles again: its acknowledgements are in force again. */
  @OnEvent(ACCOUNT_ENABLED, { suppressErrors: false })
  async onAccountEnabled(event: AccountDisabled): Promise<void> {
    if (event.tenantId) await this.transactions.run(() => this.acknowledgements.roleResumed(event.tenantId!, event.userId));
  }

  /**
   * A registration never confirmed lapsed: its accounts are deleted, and so are the acknowledgements
   * given with it (nobody ever held the role, nor completed a datasheet).
   */
  @OnEvent(REGISTRATION_LAPSED, { suppressErrors: false })
  async onRegistrationLapsed(event: RegistrationLapsed): Promise<void> {
    await this.transactions.run(async () => {
      for (const userId of event.userIds) await this.acknowledgements.deleteOfUser(userId);
    });
  }

  /**
   * Without an organisation role, a person cannot be a published contact (COPRO §5b): the same as an
   * objection, for the datasheets; the retention of their acknowledgements counts from now.
   */
  @OnEvent(ORGANISATION_ROLES_WITHDRAWN, { suppressErrors: false })
  async onOrganisationRolesWithdrawn(event: OrganisationRolesWithdrawn): Promise<void> {
    if (event.remaining.some((role) => ORGANISATION_ROLES.includes(role as Role))) return;
    await this.transactions.run(async () => {
      await this.acknowledgements.roleEnded(event.tenantId, event.userId, this.clock.now());
      await this.releaseAsContact(event.tenantId, event.userId, 'no longer holds an organisation role');
    });
  }

  /**
   * Takes the person off every datasheet they are the contact of, in the caller's unit of work (their
   * details leave every public output at once, the change log tells the external system), tells the
   * company's remaining administrators to name a new contact, and audits it with the reason.
   */
  async releaseAsContact(tenantId: string, userId: string, reason: string): Promise<ReleasedContact> {
    const projectParties = await this.releaseAsProjectContact(tenantId, userId);
    const released = await this.publication.releasePersonContact(tenantId, userId);
    if (projectParties > 0) {
      await this.audit.record({ action: 'datasheets.project.contactReleased', subjectType: 'User', subjectId: userId, tenantId, details: { reason, parties: projectParties } });
    }
    if (released.datasheets.length === 0) return released;
    // One number, the objector's answer's (`datasheetsAffected`) too: every datasheet that named them is flagged
    // and needs a new contact, a withdrawn one (its product suspended) as well as the published ones. A contact
    // belongs to the datasheet's company, so this is one company.
    const affected = released.datasheets.length;
    for (const organisationId of new Set(released.datasheets.map((d) => d.organisationId))) {
      for (const recipient of await this.recipients.of(tenantId, organisationId, { except: userId })) {
        await this.mailer.queue(CONTACT_OBJECTION, { tenantId, ...recipient, values: { count: affected, deadline: released.deadline!.toISOString() } });
      }
    }
    await this.audit.record({
      action: 'datasheets.contact.released', subjectType: 'User', subjectId: userId, tenantId,
      details: { reason, datasheets: released.datasheets.length, published: released.published },
    });
    return released;
  }

  /**
   * The person's processing is restricted (Art. 18): their details leave every public output at once as
   * on an objection (the company's general contact shown, the external system told), but nothing is
   * withdrawn and no deadline runs: the restriction is temporary, and `restoreAsContact` shows them again
   * when it is lifted. The company is not mailed (it has nothing to do; it may still name another contact).
   * In the caller's unit of work; returns how many datasheets and project parties changed.
   */
  async suspendAsContact(tenantId: string, userId: string): Promise<number> {
    const person = await this.people.person(userId);
    const organisation = person?.organisationId ? await this.people.organisation(person.organisationId) : null;
    const parties = await this.projects.suspendContact(tenantId, userId, companyContact(organisation));
    const suspended = await this.publication.suspendPersonContact(tenantId, userId);
    if (parties + suspended.datasheets.length > 0) {
      await this.audit.record({
        action: 'datasheets.contact.suspended', subjectType: 'User', subjectId: userId, tenantId,
        details: { datasheets: suspended.datasheets.length, published: suspended.published, parties },
      });
    }
    return parties + suspended.datasheets.length;
  }

  /**
   * The person's restriction is lifted (after its end is written, in the same unit of work): every
   * datasheet and project party that waited for them shows them again, unless the company named someone
   * else meanwhile. If they may no longer be a contact, what waited for them is released as on an
   * objection (the company named a new contact, with the deadline running). Returns how many were restored.
   */
  async restoreAsContact(tenantId: string, userId: string): Promise<number> {
    const { restored, notEligible } = await this.publication.restorePersonContact(tenantId, userId);
    let parties = 0;
    let partiesNotEligible = 0;
    // One eligibility check per company (every party the person stood for is their own company's), not per party.
    const eligibleFor = new Map<string, Awaited<ReturnType<DatasheetPublication['eligibleContact']>>>();
    for (const party of await this.projects.lockPartiesSuspendedFor(tenantId, userId)) {
      if (!eligibleFor.has(party.organisationId)) eligibleFor.set(party.organisationId, await this.publication.eligibleContact({ tenantId, organisationId: party.organisationId }, userId));
      const eligible = eligibleFor.get(party.organisationId);
      if (!eligible) {
        partiesNotEligible += 1;
        continue;
      }
      await this.projects.setContact(party.projectId, party.role, eligible.contact);
      parties += 1;
    }
    if (restored.length + parties > 0) {
      await this.audit.record({ action: 'datasheets.contact.restored', subjectType: 'User', subjectId: userId, tenantId, details: { datasheets: restored.length, parties } });
    }
    if (notEligible.length + partiesNotEligible > 0) await this.releaseAsContact(tenantId, userId, 'no longer eligible when the restriction was lifted');
    return restored.length + parties;
  }

  /**
   * The colleagues the company may name as a datasheet's contact, by the rule `nameContact` applies
   * (DatasheetPublication.eligibleContact): active, holding an organisation role, having acknowledged
   * the current notice without objecting, and not under a restriction of processing. The picker
   * offered every active colleague, and naming one who was not eligible was then refused (review M7).
   */
  async contactCandidates(): Promise<UserAccount[]> {
    const scope = companyScopeOf(this.context.actor);
    if (!scope?.organisationId) return [];
    const company = { tenantId: scope.tenantId, organisationId: scope.organisationId };
    return this.transactions.run(async () => {
      // A chamber's company names no contact (nothing of anyone is published there): said, as acknowledge says it, not an empty list.
      const tenant = await this.people.tenant(company.tenantId);
      if (!tenant?.kinds.includes(TenantKind.CERTIFICATION_BODY)) throw DatasheetsErrors.NOT_A_CERTIFICATION_BODY('the tenant is not a certification body: its datasheets name no contact');
      return this.publication.eligibleAmong(company, await this.people.activeMembers(company.tenantId, company.organisationId));
    });
  }

  /** The company names a new contact for a datasheet: an active colleague with an organisation role who acknowledged the notice. */
  async nameContact(datasheetId: string, userId: string): Promise<Datasheet> {
    const scope = companyScopeOf(this.context.actor);
    return this.transactions.run(async () => {
      const datasheet = scope ? await this.datasheets.lockInScope(datasheetId, scope) : null;
      if (!datasheet) throw DatasheetsErrors.DATASHEET_NOT_FOUND('Datasheet not found', { field: 'datasheetId' });
      // A person of another company answers like one who does not exist.
      const person = await this.people.person(userId);
      if (person?.organisationId !== datasheet.organisationId) throw DatasheetsErrors.CONTACT_PERSON_NOT_FOUND('Person not found', { field: 'userId' });
      const eligible = await this.publication.eligibleContact(datasheet, userId);
      if (!eligible) throw DatasheetsErrors.CONTACT_NOT_ELIGIBLE('cannot be the published contact', { field: 'userId' });
      const updated = await this.publication.showPersonContact(datasheet, eligible.contact);
      await this.audit.record({ action: 'datasheets.contact.named', subjectType: 'Datasheet', subjectId: datasheet.id, details: { contact: userId } });
      return updated;
    });
  }

  /** The tenant's deadline for naming a new contact, the default while it set none. */
  async contactReplacementDays(): Promise<number> {
    return this.transactions.run(async () => (await this.ledger.contactReplacementDays(await this.bodyStaffTenant())) ?? DEFAULT_CONTACT_REPLACEMENT_DAYS);
  }

  /** Sets the tenant's deadline for naming a new contact. */
  async setContactReplacementDays(days: number): Promise<number> {
    return this.transactions.run(async () => {
      await this.ledger.setContactReplacementDays(await this.bodyStaffTenant(), days, this.clock.now());
      await this.audit.record({ action: 'datasheets.settings.changed', details: { contactReplacementDays: days } });
      return days;
    });
  }

  /** The caller's tenant, when the caller is its staff and it is a certification body (a chamber has no datasheet settings). */
  private async bodyStaffTenant(): Promise<string> {
    const scope = staffScopeOf(this.context.actor);
    if (!scope) throw DatasheetsErrors.NOT_A_CERTIFICATION_BODY('not a certification body’s staff');
    const tenant = await this.people.tenant(scope.tenantId);
    if (!tenant?.kinds.includes(TenantKind.CERTIFICATION_BODY)) throw DatasheetsErrors.NOT_A_CERTIFICATION_BODY('the tenant is not a certification body');
    return scope.tenantId;
  }

  /** The scheduled job: in every tenant, datasheets whose deadline passed without a new contact are unpublished. */
  async unpublishOverdue(): Promise<number> {
    const tenants = await this.directory.list();
    let unpublished = 0;
    for (const tenant of tenants.filter((t) => t.kinds.includes(TenantKind.CERTIFICATION_BODY))) {
      unpublished += await this.transactions.asSystem(tenant.id, async () => {
        let count = 0;
        for (const datasheet of await this.datasheets.lockOverdue(tenant.id, this.clock.now())) {
          if (await this.publication.unpublish(datasheet, DatasheetWithdrawalReason.DATASHEET_WITHDRAWN, 'no new contact named before the deadline')) count += 1;
        }
        return count;
      });
    }
    return unpublished;
  }

  /** `roleEndedAt`: now when the person holds no organisation role yet (they are taking one), null when they hold or take it in this unit. */
  private async record(tenantId: string, userId: string, roleEndedAt: Date | null): Promise<ContactDisclosureAcknowledgement> {
    const acknowledgement = await this.acknowledgements.record({
      tenantId, userId, noticeVersion: CONTACT_DISCLOSURE_NOTICE.version, noticeText: CONTACT_DISCLOSURE_NOTICE.text.en, acknowledgedAt: this.clock.now(), roleEndedAt,
    });
    await this.audit.record({ action: 'datasheets.notice.acknowledged', subjectType: 'User', subjectId: userId, tenantId, details: { version: CONTACT_DISCLOSURE_NOTICE.version } });
    return acknowledgement;
  }

  /** The same rule on project certificates (COPRO §5c): each party the person stood for shows its company's contact, flagged. */
  private async releaseAsProjectContact(tenantId: string, userId: string): Promise<number> {
    const person = await this.people.person(userId);
    const organisation = person?.organisationId ? await this.people.organisation(person.organisationId) : null;
    return this.projects.releaseContact(tenantId, userId, companyContact(organisation));
  }
}
