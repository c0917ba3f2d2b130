import { Injectable } from '@nestjs/common';
import { Role } from '@chancery/access';
import { AuditLog } from '@chancery/audit';
import { addDays, BadUserInputError, Clock, personIdOf, RequestContext, TransactionRunner } from '@chancery/core';
import { PeopleDirectory, Tenant, TenantDirectoryService } from '@chancery/identity';
import { languageOf, Mailer } from '@chancery/notifications';
import { listOwnerOf, tenantOfActor } from '../shared/acting-tenant';
import { PrivacyOfficeErrors } from '../shared/privacy-office.errors';
import { CHANGE_WORDS, SUB_PROCESSOR_CHANGE_ANNOUNCED } from '../shared/privacy-office.emails';
import { SubProcessor, SubProcessorChange, SubProcessorChangeKind, SubProcessorObjection } from './sub-processor.entity';
import { SubProcessorRepository } from './sub-processor.repository';
import { inTheEea } from '../shared/eea';

/** The objection window customers get unless a longer one is announced (issue 18; 002 §5). */
export const DEFAULT_OBJECTION_WINDOW_DAYS = 30;

export interface NewSubProcessorDetails {
  name: string;
  service: string;
  location: string;
  transferSafeguard?: string | null;
  dataCategories?: string[];
}

export interface SubProcessorChangeRequest {
  kind: SubProcessorChangeKind;
  description: string;
  effectiveAt: Date;
  objectionWindowDays?: number;
  newSubProcessor?: NewSubProcessorDetails;
  subProcessorId?: string;
}

/**
 * Sub-processor lists (001 subcontractors list, 002 §5): the platform's and each tenant's, public to
 * their customers. A change is announced, never made directly: it takes effect at its effective date,
 * which leaves every customer the whole objection window, and every customer organisation is told in
 * the announcing transaction (a tenant's companies through their administrators; the platform's
 * customers, the tenants, through their privacy contact).
 */
@Injectable()
export class SubProcessorService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly subProcessors: SubProcessorRepository,
    private readonly tenants: TenantDirectoryService,
    private readonly people: PeopleDirectory,
    private readonly mailer: Mailer,
    private readonly audit: AuditLog,
    private readonly context: RequestContext,
    private readonly clock: Clock,
  ) {}

  /** The list in force now: the platform's (no slug) or a tenant's. Public. */
  async publicList(tenantSlug?: string | null): Promise<SubProcessor[]> {
    const owner = await this.ownerOfSlug(tenantSlug);
    const now = this.clock.now();
    return this.transactions.publicReading(() => this.subProcessors.inForce(owner, now));
  }

  /** Announced changes of the platform's (no slug) or a tenant's list, newest first. Public. */
  async publicChanges(tenantSlug?: string | null): Promise<SubProcessorChange[]> {
    const owner = await this.ownerOfSlug(tenantSlug);
    return this.transactions.publicReading(() => this.subProcessors.changes(owner));
  }

  /** The platform's and the tenant's lists in force (for the register of processing). */
  async inForceFor(tenantId: string | null): Promise<{ platform: SubProcessor[]; tenant: SubProcessor[] }> {
    const now = this.clock.now();
    return this.transactions.publicReading(async () => ({
      platform: await this.subProcessors.inForce(null, now),
      tenant: tenantId ? await this.subProcessors.inForce(tenantId, now) : [],
    }));
  }

  async announce(request: SubProcessorChangeRequest): Promise<SubProcessorChange> {
    const added = request.newSubProcessor;
    // Outside the EEA, personal data goes only under a safeguard (Art. 44–46: an adequacy decision,
    // standard contractual clauses…), and the register of processing names it.
    if (added && !inTheEea(added.location) && !added.transferSafeguard) {
      throw new BadUserInputError([{
        field: 'input.newSubProcessor.transferSafeguard',
        reason: `processing in ${added.location.toUpperCase()} is a transfer outside the EEA: name its safeguard (an adequacy decision, standard contractual clauses, …)`,
        constraint: 'requiredOutsideTheEea',
      }]);
    }
    const actor = this.context.actor;
    const owner = listOwnerOf(actor);
    const announcedAt = this.clock.now();
    const windowDays = request.objectionWindowDays ?? DEFAULT_OBJECTION_WINDOW_DAYS;
    if (windowDays < DEFAULT_OBJECTION_WINDOW_DAYS) {
      throw PrivacyOfficeErrors.OBJECTION_WINDOW_TOO_SHORT(`The objection window is at least ${DEFAULT_OBJECTION_WINDOW_DAYS} days`, { field: 'input.objectionWindowDays' });
    }
    const objectionDeadline = addDays(announcedAt, windowDays);
    if (request.effectiveAt.getTime() < objectionDeadline.getTime()) {
      throw PrivacyOfficeErrors.OBJECTION_WINDOW_TOO_SHORT(
        `The change can take effect on ${objectionDeadline.toISOString()} at the earliest (announcement + ${windowDays} days)`,
        { field: 'input.effectiveAt', details: { earliest: objectionDeadline.toISOString() } },
      );
    }
    return this.transactions.run(async () => {
      const subProcessor = await this.applyPlanned(owner, request, announcedAt);
      const customersNotified = await this.notifyCustomers(owner, request.kind, subProcessor, objectionDeadline, request.effectiveAt);
      const change = await this.subProcessors.insertChange({
        tenantId: owner, kind: request.kind, subProcessorId: subProcessor.id, description: request.description,
        announcedAt, objectionDeadline, effectiveAt: request.effectiveAt, customersNotified,
      });
      await this.audit.record({
        action: 'privacy.subProcessorChange.announced', subjectType: 'SubProcessorChange', subjectId: change.id,
        details: { kind: change.kind, subProcessor: subProcessor.id, customersNotified, windowDays }, tenantId: owner,
      });
      return change;
    });
  }

  /** A customer objects within the window: a company's administrator to its tenant's change, a tenant's administrator to the platform's. */
  async object(changeId: string, reason: string): Promise<SubProcessorObjection> {
    const actor = this.context.actor;
    const tenantId = tenantOfActor(actor);
    const objectorUserId = personIdOf(actor);
    // A company objects to its tenant's changes; tenant staff (no company) to the platform's.
    const organisationId = actor.organisationId ?? null;
    const changeOwner = organisationId ? tenantId : null;
    if (!organisationId && !actor.roles.includes(Role.TENANT_ADMIN)) throw notFound();
    const change = changeOwner
      ? await this.transactions.run(() => this.subProcessors.findChange(changeOwner, changeId))
      : await this.transactions.publicReading(() => this.subProcessors.findChange(null, changeId));
    if (!change) throw notFound();
    const now = this.clock.now();
    if (now.getTime() > change.objectionDeadline.getTime()) {
      throw PrivacyOfficeErrors.OBJECTION_WINDOW_CLOSED('The objection window has closed', { details: { objectionDeadline: change.objectionDeadline.toISOString() } });
    }
    return this.transactions.run(async () => {
      const objection = await this.subProcessors.insertObjection({
        tenantId, changeId: change.id, changeTenantId: changeOwner, organisationId, objectorUserId, reason, objectedAt: now,
      });
      if (!objection) throw PrivacyOfficeErrors.ALREADY_OBJECTED('This customer has already objected to the change');
      await this.audit.record({ action: 'privacy.subProcessorChange.objected', subjectType: 'SubProcessorChange', subjectId: change.id, details: { objection: objection.id } });
      return objection;
    });
  }

  /** Objections to the changes the actor's tenant (the operator: the platform) announced. */
  objections(): Promise<SubProcessorObjection[]> {
    const owner = listOwnerOf(this.context.actor);
    return this.transactions.run(() => this.subProcessors.objectionsTo(owner));
  }

  /** The objections the actor's company lodged (a tenant's administrator, in no company: the tenant's own to the platform's changes). */
  lodgedObjections(): Promise<SubProcessorObjection[]> {
    const actor = this.context.actor;
    const tenantId = tenantOfActor(actor);
    return this.transactions.run(() => this.subProcessors.objectionsBy(tenantId, actor.organisationId ?? null));
  }

  private async applyPlanned(owner: string | null, request: SubProcessorChangeRequest, now: Date): Promise<SubProcessor> {
    if (request.kind === SubProcessorChangeKind.ADDITION) {
      const details = request.newSubProcessor;
      if (!details || request.subProcessorId) {
        throw PrivacyOfficeErrors.SUB_PROCESSOR_CHANGE_INCOMPLETE('An addition names the new sub-processor (newSubProcessor) and no current one', { field: 'input.newSubProcessor' });
      }
      return this.subProcessors.insert({
        tenantId: owner, name: details.name, service: details.service, location: details.location.toUpperCase(),
        transferSafeguard: details.transferSafeguard ?? null, dataCategories: details.dataCategories ?? [],
        effectiveFrom: request.effectiveAt, effectiveUntil: null, createdAt: now,
      });
    }
    if (!request.subProcessorId || request.newSubProcessor) {
      throw PrivacyOfficeErrors.SUB_PROCESSOR_CHANGE_INCOMPLETE('A removal names the current sub-processor (subProcessorId) and no new one', { field: 'input.subProcessorId' });
    }
    const current = await this.subProcessors.findById(owner, request.subProcessorId);
    if (!current) throw PrivacyOfficeErrors.SUB_PROCESSOR_NOT_FOUND('No such sub-processor in the list', { field: 'input.subProcessorId' });
    const ended = await this.subProcessors.endAt(owner, current.id, request.effectiveAt < current.effectiveFrom ? current.effectiveFrom : request.effectiveAt);
    if (!ended) throw PrivacyOfficeErrors.SUB_PROCESSOR_ALREADY_LEAVING('The sub-processor is already removed or leaving', { details: { subProcessorId: current.id } });
    return ended;
  }

  /** Tells every customer organisation, in the transaction of the announcement; returns how many were told. */
  private async notifyCustomers(owner: string | null, kind: SubProcessorChangeKind, subProcessor: SubProcessor, deadline: Date, effectiveAt: Date): Promise<number> {
    const values = (announcer: string, language: string) => {
      const lang = languageOf(language);
      return { announcer, change: CHANGE_WORDS[kind][lang], subProcessor: `${subProcessor.name}, ${subProcessor.service}, ${subProcessor.location}`, objectionDeadline: deadline.toISOString(), effectiveAt: effectiveAt.toISOString() };
    };
    let notified = 0;
    if (owner === null) {
      // The platform's customers are the tenants: their privacy contact, in the tenant's first language.
      const tenants = await this.tenants.list();
      for (const tenant of tenants) {
        const language = tenant.languages[0] ?? 'en';
        await this.mailer.queue(SUB_PROCESSOR_CHANGE_ANNOUNCED, { tenantId: null, to: tenant.privacyContactEmail, language, values: values('Chancery', language) });
      }
      return tenants.length;
    }
    const [tenant] = await this.tenants.findByIds([owner]);
    const announcer = (tenant as Tenant).name;
    const administrators = await this.people.companyAdministrators(owner);
    for (const company of await this.people.companiesOfTenant(owner)) {
      const admins = administrators.filter((a) => a.organisationId === company.id);
      // A company without an active administrator is told at its general address, in the tenant's first language.
      const recipients = admins.length ? admins.map((a) => ({ to: a.email, language: a.preferredLanguage })) : [{ to: company.email, language: (tenant as Tenant).languages[0] ?? 'en' }];
      for (const recipient of recipients) {
        await this.mailer.queue(SUB_PROCESSOR_CHANGE_ANNOUNCED, { tenantId: owner, to: recipient.to, language: recipient.language, values: values(announcer, recipient.language) });
      }
      notified += 1;
    }
    return notified;
  }

  private async ownerOfSlug(tenantSlug?: string | null): Promise<string | null> {
    if (!tenantSlug) return null;
    const tenant = await this.tenants.findBySlug(tenantSlug);
    if (!tenant) throw PrivacyOfficeErrors.UNKNOWN_TENANT_SLUG('No tenant has this slug', { field: 'tenantSlug' });
    return tenant.id;
  }
}

const notFound = () => PrivacyOfficeErrors.SUB_PROCESSOR_CHANGE_NOT_FOUND('No such planned change');
