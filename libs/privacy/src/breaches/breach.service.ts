import { Injectable } from '@nestjs/common';
import { AuditLog } from '@chancery/audit';
import { Clock, RequestContext, TransactionRunner } from '@chancery/core';
import { HeldPerson, PeopleDirectory, Tenant, TenantDirectoryService } from '@chancery/identity';
import { Mailer } from '@chancery/notifications';
import { policedEntities } from '@chancery/policy';
import { tenantOfActor } from '../shared/acting-tenant';
import { BREACH_NOTICE } from '../shared/privacy-office.emails';
import { PrivacyOfficeErrors } from '../shared/privacy-office.errors';
import { Breach } from './breach.entity';
import { BreachRepository } from './breach.repository';

/** Art. 33(1): the supervisory authority is notified without undue delay and, where feasible, within 72 hours of awareness. */
export const AUTHORITY_NOTIFICATION_HOURS = 72;
const HOUR_MS = 60 * 60 * 1000;

export interface BreachReport {
  reference: string;
  nature: string;
  becameAwareAt: Date;
  occurredAt?: Date | null;
  dataCategories: string[];
  /** The companies whose records are involved; `involvesAllOrganisations` for every company of the tenant. */
  involvedOrganisationIds?: string[];
  involvesAllOrganisations?: boolean;
  involvesStaff?: boolean;
  affectedRecords?: number | null;
  likelyConsequences: string;
  measures: string;
  notifiable: boolean;
  notNotifiableReason?: string | null;
  highRisk?: boolean;
}

/**
 * The breach register (000 §7, 001, 002 §5; Art. 33–34). Every breach is documented, notifiable or
 * not; awareness starts the 72-hour clock; the notification to the authority is drafted with the
 * items of Art. 33(3); the people affected are derived from the declarations (which kinds of person
 * hold data of the categories involved) and the records involved (which companies, the staff), and
 * are told in their own language when the breach is of high risk to them.
 */
@Injectable()
export class BreachService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly breaches: BreachRepository,
    private readonly people: PeopleDirectory,
    private readonly tenants: TenantDirectoryService,
    private readonly mailer: Mailer,
    private readonly audit: AuditLog,
    private readonly context: RequestContext,
    private readonly clock: Clock,
  ) {}

  async register(report: BreachReport): Promise<Breach> {
    const actor = this.context.actor;
    const tenantId = tenantOfActor(actor);
    const now = this.clock.now();
    if (report.becameAwareAt.getTime() > now.getTime()) throw PrivacyOfficeErrors.AWARENESS_IN_THE_FUTURE('Awareness cannot be in the future', { field: 'input.becameAwareAt' });
    if (report.occurredAt && report.occurredAt.getTime() > now.getTime()) throw PrivacyOfficeErrors.AWARENESS_IN_THE_FUTURE('The breach cannot have occurred in the future', { field: 'input.occurredAt' });
    if (report.occurredAt && report.occurredAt.getTime() > report.becameAwareAt.getTime()) {
      throw PrivacyOfficeErrors.BREACH_TIMES_OUT_OF_ORDER('The breach cannot have occurred after it became known', { field: 'input.occurredAt' });
    }
    if (!report.notifiable && !report.notNotifiableReason?.trim()) {
      throw PrivacyOfficeErrors.NOT_NOTIFIABLE_REASON_REQUIRED('Say why the breach is not notifiable', { field: 'input.notNotifiableReason' });
    }
    const scope = {
      dataCategories: [...new Set(report.dataCategories)].sort(),
      involvedOrganisationIds: report.involvesAllOrganisations ? [] : [...new Set((report.involvedOrganisationIds ?? []).map((id) => id.toLowerCase()))].sort(),
      involvesAllOrganisations: report.involvesAllOrganisations ?? false,
      involvesStaff: report.involvesStaff ?? false,
    };
    return this.transactions.run(async () => {
      // Only the tenant's own companies: a company of another tenant answers like one that does not exist.
      const companies = new Set((await this.people.companiesOfTenant(tenantId)).map((c) => c.id));
      if (scope.involvedOrganisationIds.some((id) => !companies.has(id))) {
        throw PrivacyOfficeErrors.INVOLVED_COMPANY_NOT_FOUND('No such company in this tenant', { field: 'input.involvedOrganisationIds' });
      }
      const affected = await this.affectedPeople(tenantId, scope);
      const breach = await this.breaches.insert({
        tenantId, reference: report.reference, nature: report.nature, becameAwareAt: report.becameAwareAt, occurredAt: report.occurredAt ?? null,
        ...scope, affectedPeople: affected.length, affectedRecords: report.affectedRecords ?? null, likelyConsequences: report.likelyConsequences,
        measures: report.measures, notifiable: report.notifiable, notNotifiableReason: report.notifiable ? null : report.notNotifiableReason!.trim(),
        highRisk: report.highRisk ?? false, registeredBy: actor.id ?? null, registeredAt: now,
      });
      if (!breach) throw PrivacyOfficeErrors.BREACH_REFERENCE_TAKEN('Another breach has this reference', { field: 'input.reference' });
      await this.audit.record({
        action: 'privacy.breach.registered', subjectType: 'Breach', subjectId: breach.id,
        details: { notifiable: breach.notifiable, affectedPeople: breach.affectedPeople, categories: breach.dataCategories.join(',') },
      });
      return this.withDraft(breach, await this.controllerOf(tenantId));
    });
  }

  async list(): Promise<Breach[]> {
    const tenantId = tenantOfActor(this.context.actor);
    return this.transactions.run(async () => {
      const tenant = await this.controllerOf(tenantId);
      return (await this.breaches.listOfTenant(tenantId)).map((b) => this.withDraft(b, tenant));
    });
  }

  async get(id: string): Promise<Breach> {
    const tenantId = tenantOfActor(this.context.actor);
    return this.transactions.run(async () => this.withDraft(await this.load(tenantId, id), await this.controllerOf(tenantId)));
  }

  /** Records the notification to the supervisory authority; after 72 hours only with the reasons for the delay. */
  async recordAuthorityNotification(id: string, notifiedAt: Date | undefined, delayReason: string | undefined): Promise<Breach> {
    const tenantId = tenantOfActor(this.context.actor);
    const now = this.clock.now();
    const at = notifiedAt ?? now;
    if (at.getTime() > now.getTime()) throw PrivacyOfficeErrors.AWARENESS_IN_THE_FUTURE('The notification cannot be in the future', { field: 'input.notifiedAt' });
    return this.transactions.run(async () => {
      const breach = await this.load(tenantId, id);
      if (!breach.notifiable) throw PrivacyOfficeErrors.BREACH_NOT_NOTIFIABLE('The breach is documented as not notifiable', { details: { breachId: breach.id } });
      if (breach.authorityNotifiedAt) throw PrivacyOfficeErrors.AUTHORITY_ALREADY_NOTIFIED('Already recorded', { details: { breachId: breach.id } });
      // Backdated before awareness, the notification would make the 72-hour deadline look met.
      if (at.getTime() < breach.becameAwareAt.getTime()) {
        throw PrivacyOfficeErrors.BREACH_TIMES_OUT_OF_ORDER('The authority cannot have been notified before the breach became known', { field: 'input.notifiedAt' });
      }
      const late = at.getTime() > authorityDeadlineOf(breach).getTime();
      if (late && !delayReason?.trim()) {
        throw PrivacyOfficeErrors.DELAY_REASON_REQUIRED('More than 72 hours after awareness: state the reasons for the delay', { field: 'input.delayReason' });
      }
      const updated = await this.breaches.recordAuthorityNotified(tenantId, breach.id, at, late ? delayReason!.trim() : null);
      if (!updated) throw PrivacyOfficeErrors.AUTHORITY_ALREADY_NOTIFIED('Already recorded', { details: { breachId: breach.id } });
      await this.audit.record({ action: 'privacy.breach.authorityNotified', subjectType: 'Breach', subjectId: breach.id, details: { late } });
      return this.withDraft(updated, await this.controllerOf(tenantId));
    });
  }

  /** Tells each person affected, in their language, in one transaction with the record of it (Art. 34). */
  async notifySubjects(id: string): Promise<Breach> {
    const tenantId = tenantOfActor(this.context.actor);
    const now = this.clock.now();
    return this.transactions.run(async () => {
      const breach = await this.load(tenantId, id);
      if (!breach.highRisk) throw PrivacyOfficeErrors.SUBJECTS_NOTIFICATION_NOT_DUE('Only a breach of high risk to the people is told to them', { details: { breachId: breach.id } });
      if (breach.subjectsNotifiedAt) throw PrivacyOfficeErrors.SUBJECTS_ALREADY_NOTIFIED('Already notified', { details: { breachId: breach.id } });
      const tenant = await this.controllerOf(tenantId);
      const affected = await this.affectedPeople(tenantId, breach);
      for (const person of affected) {
        await this.mailer.queue(BREACH_NOTICE, {
          tenantId, to: person.email, language: person.preferredLanguage,
          values: { controller: tenant.name, reference: breach.reference, nature: breach.nature, consequences: breach.likelyConsequences, measures: breach.measures, contact: tenant.privacyContactEmail },
        });
      }
      const updated = await this.breaches.recordSubjectsNotified(tenantId, breach.id, now, affected.length);
      if (!updated) throw PrivacyOfficeErrors.SUBJECTS_ALREADY_NOTIFIED('Already notified', { details: { breachId: breach.id } });
      await this.audit.record({ action: 'privacy.breach.subjectsNotified', subjectType: 'Breach', subjectId: breach.id, details: { people: affected.length } });
      return this.withDraft(updated, tenant);
    });
  }

  /**
   * The people a breach affects: the kinds of person (declared subjects) holding data of the
   * categories involved, among the records involved. A person (`user`) is affected when their company
   * is involved (or they are staff and the staff's records are); a company's data (`organisation`)
   * reaches the people who speak for it, its active administrators. A person's own data is held
   * whatever the state of their account (a disabled account until its ACCOUNT retention de-identifies
   * it, one awaiting the confirmation of its address): they are counted and told all the same (Art. 34);
   * an erased account holds nobody's data and no address.
   */
  private async affectedPeople(
    tenantId: string,
    scope: Pick<Breach, 'dataCategories' | 'involvedOrganisationIds' | 'involvesAllOrganisations' | 'involvesStaff'>,
  ): Promise<HeldPerson[]> {
    const subjects = subjectsHolding(scope.dataCategories);
    const involvesCompany = (organisationId: string | null) =>
      organisationId !== null && (scope.involvesAllOrganisations || scope.involvedOrganisationIds.includes(organisationId));
    const people = await this.people.peopleWithDataOfTenant(tenantId);
    return people.filter((p) => {
      if (subjects.has('user') && (involvesCompany(p.organisationId) || (p.organisationId === null && scope.involvesStaff))) return true;
      // A company's data is not the person's own: it reaches those who speak for the company now.
      return subjects.has('organisation') && involvesCompany(p.organisationId) && p.status === 'ACTIVE' && p.roles.includes('ORG_ADMIN');
    });
  }

  private async load(tenantId: string, id: string): Promise<Breach> {
    const breach = await this.breaches.findById(tenantId, id);
    if (!breach) throw PrivacyOfficeErrors.BREACH_NOT_FOUND('No such breach');
    return breach;
  }

  private async controllerOf(tenantId: string): Promise<Tenant> {
    const [tenant] = await this.tenants.findByIds([tenantId]);
    return tenant!;
  }

  private withDraft(breach: Breach, controller: Tenant): Breach {
    breach.authorityDeadline = authorityDeadlineOf(breach);
    breach.notificationDraft = notificationDraft(breach, controller, this.clock.now());
    return breach;
  }
}

/** The kinds of data subject whose declared personal data includes any of the categories. */
export function subjectsHolding(categories: readonly string[]): Set<string> {
  const subjects = new Set<string>();
  for (const policy of policedEntities()) {
    for (const field of policy.fields.values()) {
      if (field.personalData && categories.includes(field.personalData.category)) subjects.add(field.personalData.subject);
    }
  }
  return subjects;
}

export function authorityDeadlineOf(breach: Pick<Breach, 'becameAwareAt'>): Date {
  return new Date(breach.becameAwareAt.getTime() + AUTHORITY_NOTIFICATION_HOURS * HOUR_MS);
}

/** The four items of Art. 33(3), as headings the draft must hold (T18 checks them). */
export const ARTICLE_33_3_HEADINGS = [
  '(a) Nature of the breach',
  '(b) Contact point',
  '(c) Likely consequences',
  '(d) Measures taken or proposed',
] as const;

/** The notification to the supervisory authority, drafted from the register entry (Markdown). */
export function notificationDraft(breach: Breach, controller: Pick<Tenant, 'name' | 'privacyContactEmail' | 'phone'>, now: Date): string {
  const deadline = authorityDeadlineOf(breach);
  const hoursLeft = Math.floor((deadline.getTime() - now.getTime()) / HOUR_MS);
  const status = !breach.notifiable
    ? `Not notifiable: ${breach.notNotifiableReason}. Documented in the register under Art. 33(5).`
    : breach.authorityNotifiedAt
      ? `Notified to the supervisory authority on ${breach.authorityNotifiedAt.toISOString()}${breach.delayReason ? `; reasons for the delay: ${breach.delayReason}` : ''}.`
      : hoursLeft >= 0
        ? `To be notified by ${deadline.toISOString()} (${hoursLeft} hours left).`
        : `OVERDUE since ${deadline.toISOString()}: notify now and state the reasons for the delay (Art. 33(1)).`;
  return [
    `# Personal-data breach ${breach.reference} — notification to the supervisory authority (Art. 33)`,
    '',
    `Controller: ${controller.name}. Became aware at ${breach.becameAwareAt.toISOString()}${breach.occurredAt ? `; occurred at ${breach.occurredAt.toISOString()}` : ''}.`,
    `Status: ${status}`,
    '',
    `## ${ARTICLE_33_3_HEADINGS[0]}`,
    breach.nature,
    `Categories of personal data: ${breach.dataCategories.join(', ')}.`,
    `Categories of data subjects: ${[...subjectsHolding(breach.dataCategories)].sort().join(', ') || 'none identified'}; records involved: ${breach.involvesAllOrganisations ? 'every customer company' : `${breach.involvedOrganisationIds.length} customer compan${breach.involvedOrganisationIds.length === 1 ? 'y' : 'ies'}`}${breach.involvesStaff ? ' and the staff' : ''}.`,
    `Approximate number of data subjects: ${breach.affectedPeople}. Approximate number of records: ${breach.affectedRecords ?? 'not known yet'}.`,
    '',
    `## ${ARTICLE_33_3_HEADINGS[1]}`,
    `${controller.name}, data-protection contact: ${controller.privacyContactEmail}${controller.phone ? `, ${controller.phone}` : ''}.`,
    '',
    `## ${ARTICLE_33_3_HEADINGS[2]}`,
    breach.likelyConsequences,
    '',
    `## ${ARTICLE_33_3_HEADINGS[3]}`,
    breach.measures,
    breach.highRisk ? 'The people affected are told directly (Art. 34).' : 'Not of high risk to the people affected: they are not told directly (Art. 34(1)).',
    '',
  ].join('\n');
}
