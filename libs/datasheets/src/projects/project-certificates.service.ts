import { Injectable } from '@nestjs/common';
import { Role } from '@chancery/access';
import { AuditLog } from '@chancery/audit';
import { Clock, personIdOf, RequestContext, TransactionRunner } from '@chancery/core';
import { normaliseEuVatNumber, OrganisationPeople, TenantKind } from '@chancery/identity';
import { WebhookEvents } from '@chancery/webhooks';
import { DatasheetsErrors } from '../datasheets.errors';
import { PublishedContact } from '../repositories/published-datasheet.repository';
import { companyContact, DatasheetPublication } from '../services/datasheet-publication.service';
import { companyScopeOf, datasheetScopeOf, staffScopeOf } from '../services/datasheet-scope';
import { ProjectCertificate, ProjectCertificateState, ProjectDistribution, ProjectPartyCandidate, ProjectPartyRole } from './project-certificate.entity';
import { ProjectCertificateRepository } from './project-certificate.repository';

export interface ProjectCertificateInput {
  reference: string;
  site: string;
  material: string;
  quantityTonnes: number;
  parties: Array<{ role: ProjectPartyRole; organisationId: string }>;
}

const ALL_ROLES = Object.values(ProjectPartyRole);

/**
 * Multi-party project certificates (COPRO 000 §5c, SPEC §3): a company of the certification body
 * opens a project naming the client, the contractor and the intermediate storage location; each
 * company's contact person is published on the certificate to the members of the three companies,
 * under the same rule as a datasheet's contact (acknowledged notice; an objection, a lost role or a
 * closed account puts the company's general contact in their place, flagged, until another is named).
 * The certification body's staff issue it once every party has a contact person; a party's
 * administrator distributes it to an external system: each distribution is recorded and sent as a
 * webhook event to the distributing company's targets.
 */
@Injectable()
export class ProjectCertificatesService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly context: RequestContext,
    private readonly projects: ProjectCertificateRepository,
    private readonly publication: DatasheetPublication,
    private readonly people: OrganisationPeople,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly webhooks: WebhookEvents,
  ) {}

  async create(input: ProjectCertificateInput): Promise<ProjectCertificate> {
    const scope = companyScopeOf(this.context.actor);
    if (!scope?.organisationId) throw DatasheetsErrors.NOT_A_CERTIFICATION_BODY('project certificates are opened by a certificate holder’s users');
    const roles = input.parties.map((p) => p.role);
    if (roles.length !== ALL_ROLES.length || ALL_ROLES.some((role) => !roles.includes(role))) {
      throw DatasheetsErrors.PROJECT_PARTIES_INVALID('name exactly one client, one contractor and one intermediate storage location', { field: 'input.parties' });
    }
    const own = input.parties.find((p) => p.organisationId === scope.organisationId);
    if (!own) throw DatasheetsErrors.PROJECT_PARTIES_INVALID("the caller's company must be one of the parties", { field: 'input.parties' });
    const userId = personIdOf(this.context.actor);
    return this.transactions.run(async () => {
      const tenant = await this.people.tenant(scope.tenantId);
      if (!tenant?.kinds.includes(TenantKind.CERTIFICATION_BODY)) throw DatasheetsErrors.NOT_A_CERTIFICATION_BODY('not a certification body’s space');
      const project = await this.projects.insert({ tenantId: scope.tenantId, createdByOrganisationId: scope.organisationId!, reference: input.reference, site: input.site, material: input.material, quantityTonnes: input.quantityTonnes });
      const parties = [];
      for (const [index, party] of input.parties.entries()) {
        const organisation = await this.people.organisation(party.organisationId);
        // A company of another tenant (row-level security hides it) answers like one that does not exist.
        if (!organisation) throw DatasheetsErrors.HOLDER_NOT_FOUND('No such company in the tenant', { field: `input.parties.${index}.organisationId` });
        let contact: PublishedContact = companyContact(organisation);
        if (party.organisationId === scope.organisationId) {
          // The person who opens the project is their company's contact: the disclosure rule applies to them.
          const eligible = await this.publication.eligibleContact({ tenantId: scope.tenantId, organisationId: party.organisationId }, userId);
          if (!eligible) throw DatasheetsErrors.DISCLOSURE_NOTICE_NOT_ACKNOWLEDGED('the contact person must have acknowledged the contact-disclosure notice', { field: 'input.parties' });
          contact = eligible.contact;
        }
        parties.push({ role: party.role, organisationId: organisation.id, organisationName: organisation.name, contact });
      }
      await this.projects.insertParties(scope.tenantId, project.id, parties);
      await this.audit.record({ action: 'datasheets.project.created', subjectType: 'ProjectCertificate', subjectId: project.id, details: { reference: input.reference } });
      return this.load(project.id, scope.tenantId);
    });
  }

  /**
   * The company of the caller's certification body registered under this VAT number, so that the
   * person opening a project can name the other parties: they know their partners' VAT numbers (on
   * every contract and invoice), not our ids. Another tenant's company is not found (row-level security).
   */
  async partyCandidate(vatNumber: string): Promise<ProjectPartyCandidate> {
    const scope = companyScopeOf(this.context.actor);
    if (!scope?.organisationId) throw DatasheetsErrors.NOT_A_CERTIFICATION_BODY('project certificates are opened by a certificate holder’s users');
    const companyNumber = normaliseEuVatNumber(vatNumber);
    return this.transactions.run(async () => {
      const tenant = await this.people.tenant(scope.tenantId);
      if (!tenant?.kinds.includes(TenantKind.CERTIFICATION_BODY)) throw DatasheetsErrors.NOT_A_CERTIFICATION_BODY('not a certification body’s space');
      const organisation = companyNumber ? await this.people.organisationByCompanyNumber(scope.tenantId, companyNumber) : null;
      if (!organisation) throw DatasheetsErrors.PROJECT_PARTY_NOT_FOUND('No company with this VAT number here', { field: 'vatNumber' });
      return Object.assign(new ProjectPartyCandidate(), { organisationId: organisation.id, tenantId: organisation.tenantId, name: organisation.name, city: organisation.city, vatNumber: organisation.vatNumber });
    });
  }

  /** The projects the caller's company is a party to (organisation users), or the tenant's (staff). */
  async list(first: number): Promise<ProjectCertificate[]> {
    const scope = datasheetScopeOf(this.context.actor);
    if (!scope) return [];
    return this.transactions.run(async () => this.withParties(await this.projects.list(scope.tenantId, scope.organisationId, first)));
  }

  async get(id: string): Promise<ProjectCertificate> {
    const scope = datasheetScopeOf(this.context.actor);
    return this.transactions.run(async () => this.visible(id, scope?.tenantId ?? null, scope?.organisationId ?? null, false));
  }

  /** A party's administrator names their company's contact person (a colleague who acknowledged the notice, themself included). */
  async nameContact(projectId: string, role: ProjectPartyRole, userId: string): Promise<ProjectCertificate> {
    const scope = companyScopeOf(this.context.actor);
    return this.transactions.run(async () => {
      const project = await this.visible(projectId, scope?.tenantId ?? null, scope?.organisationId ?? null, true);
      const party = project.parties!.find((p) => p.role === role);
      if (!party || party.organisationId !== scope!.organisationId) throw DatasheetsErrors.PROJECT_PARTY_NOT_YOURS('only the company in this role names its contact', { field: 'role' });
      if (project.state === ProjectCertificateState.WITHDRAWN) throw DatasheetsErrors.PROJECT_TRANSITION_INVALID('a withdrawn project certificate names no new contact', { details: { from: project.state, to: 'CONTACT_NAMED' } });
      const person = await this.people.person(userId);
      if (person?.organisationId !== party.organisationId) throw DatasheetsErrors.CONTACT_PERSON_NOT_FOUND('Person not found', { field: 'userId' });
      const eligible = await this.publication.eligibleContact({ tenantId: project.tenantId, organisationId: party.organisationId }, userId);
      if (!eligible) throw DatasheetsErrors.CONTACT_NOT_ELIGIBLE('cannot be the contact person', { field: 'userId' });
      await this.projects.setContact(project.id, role, eligible.contact);
      await this.audit.record({ action: 'datasheets.project.contactNamed', subjectType: 'ProjectCertificate', subjectId: project.id, details: { role, contact: userId } });
      return this.load(project.id, project.tenantId);
    });
  }

  /** Staff issue the certificate once every party has a contact person. */
  async issue(projectId: string): Promise<ProjectCertificate> {
    const scope = staffScopeOf(this.context.actor);
    return this.transactions.run(async () => {
      const project = await this.visible(projectId, scope?.tenantId ?? null, null, true);
      if (project.state !== ProjectCertificateState.DRAFT) {
        throw DatasheetsErrors.PROJECT_TRANSITION_INVALID(`a ${project.state} project certificate cannot be issued`, { details: { from: project.state, to: ProjectCertificateState.ISSUED } });
      }
      const missing = project.parties!.filter((p) => p.contactReplacementRequired).map((p) => p.role);
      if (missing.length) throw DatasheetsErrors.PROJECT_CONTACT_MISSING(`a contact person is still to be named for ${missing.join(', ')}`, { field: 'projectId', details: { roles: missing.join(',') } });
      await this.projects.setState(project.id, ProjectCertificateState.ISSUED, this.clock.now());
      await this.audit.record({ action: 'datasheets.project.issued', subjectType: 'ProjectCertificate', subjectId: project.id });
      return this.load(project.id, project.tenantId);
    });
  }

  /** A party's administrator sends the issued certificate to an external system; the distribution is recorded for all parties to see. */
  async distribute(projectId: string, target: string): Promise<ProjectDistribution> {
    const scope = companyScopeOf(this.context.actor);
    if (!this.context.actor.roles.includes(Role.ORG_ADMIN)) throw DatasheetsErrors.PROJECT_PARTY_NOT_YOURS('only an administrator of a party distributes the certificate', { field: 'projectId' });
    return this.transactions.run(async () => {
      const project = await this.visible(projectId, scope?.tenantId ?? null, scope?.organisationId ?? null, true);
      if (project.state !== ProjectCertificateState.ISSUED) throw DatasheetsErrors.PROJECT_TRANSITION_INVALID('only an issued project certificate is distributed', { details: { from: project.state, to: 'DISTRIBUTED' } });
      const distribution = await this.projects.recordDistribution({ tenantId: project.tenantId, projectId: project.id, distributedBy: personIdOf(this.context.actor), target, distributedAt: this.clock.now() });
      await this.audit.record({ action: 'datasheets.project.distributed', subjectType: 'ProjectCertificate', subjectId: project.id, details: { target } });
      // The external system hears of it through the distributing company's webhook targets, in this
      // transaction (outbox): ids only here, the body is built through the gate when it is sent.
      await this.webhooks.publish({
        tenantId: project.tenantId, organisationId: scope!.organisationId!, type: 'project_certificate.distributed',
        subject: { projectId: project.id, distributionId: distribution.id, target },
      });
      distribution.partyOrganisationIds = project.partyOrganisationIds;
      return distribution;
    });
  }

  /**
   * Staff withdraw an issued certificate (issued in error): it stays readable by the parties, WITHDRAWN
   * with the date and the reason, and is no longer distributed. The row is locked before its state is
   * read, so a withdrawal racing a distribution or another withdrawal answers a stable refusal.
   */
  async withdraw(projectId: string, reason: string): Promise<ProjectCertificate> {
    const scope = staffScopeOf(this.context.actor);
    return this.transactions.run(async () => {
      const project = await this.visible(projectId, scope?.tenantId ?? null, null, true);
      if (project.state !== ProjectCertificateState.ISSUED) {
        throw DatasheetsErrors.PROJECT_TRANSITION_INVALID(`a ${project.state} project certificate cannot be withdrawn`, { details: { from: project.state, to: ProjectCertificateState.WITHDRAWN } });
      }
      await this.projects.withdraw(project.id, this.clock.now(), reason);
      // The reason stays on the project: an audit entry holds no free text (and a reason is up to 500 characters).
      await this.audit.record({ action: 'datasheets.project.withdrawn', subjectType: 'ProjectCertificate', subjectId: project.id });
      // Every party's external systems may hold a copy (any party's administrator distributes it): each
      // company's targets hear of it, in this transaction (outbox), the body built when sent.
      for (const organisationId of project.partyOrganisationIds!) {
        await this.webhooks.publish({ tenantId: project.tenantId, organisationId, type: 'project_certificate.withdrawn', subject: { projectId: project.id } });
      }
      return this.load(project.id, project.tenantId);
    });
  }

  /**
   * An administrator of the company that opened a project deletes it while it is a draft (opened by
   * mistake): its parties go with it. Another party's administrator is refused; an issued one is kept
   * (withdrawn by staff instead). Locked first: a second deletion finds it gone (NOT_FOUND).
   */
  async deleteDraft(projectId: string): Promise<string> {
    const scope = companyScopeOf(this.context.actor);
    if (!this.context.actor.roles.includes(Role.ORG_ADMIN)) throw DatasheetsErrors.PROJECT_PARTY_NOT_YOURS('only an administrator of the company that opened the project deletes it', { field: 'projectId' });
    return this.transactions.run(async () => {
      const project = await this.visible(projectId, scope?.tenantId ?? null, scope?.organisationId ?? null, true);
      if (project.createdByOrganisationId !== scope!.organisationId) throw DatasheetsErrors.PROJECT_PARTY_NOT_YOURS('only the company that opened the project deletes it', { field: 'projectId' });
      if (project.state !== ProjectCertificateState.DRAFT) {
        throw DatasheetsErrors.PROJECT_TRANSITION_INVALID(`a ${project.state} project certificate is not deleted`, { details: { from: project.state, to: 'DELETED' } });
      }
      await this.projects.deleteDraft(project.id);
      await this.audit.record({ action: 'datasheets.project.draftDeleted', subjectType: 'ProjectCertificate', subjectId: project.id, details: { reference: project.reference } });
      return project.id;
    });
  }

  /** In the caller's unit (a webhook body being built in the event's tenant): the project as it is now, or null. */
  async current(projectId: string, tenantId: string): Promise<ProjectCertificate | null> {
    const project = await this.projects.find(projectId, tenantId, false);
    return project ? (await this.withParties([project]))[0]! : null;
  }

  /** In the caller's unit: the project with its parties if the caller's company is a party (or staff), else NOT_FOUND. */
  private async visible(id: string, tenantId: string | null, organisationId: string | null, forUpdate: boolean): Promise<ProjectCertificate> {
    const project = tenantId ? await this.projects.find(id, tenantId, forUpdate) : null;
    const [loaded] = project ? await this.withParties([project]) : [];
    if (!loaded || (organisationId && !loaded.partyOrganisationIds!.includes(organisationId))) throw DatasheetsErrors.PROJECT_NOT_FOUND('Project certificate not found', { field: 'projectId' });
    return loaded;
  }

  private async load(id: string, tenantId: string): Promise<ProjectCertificate> {
    return this.visible(id, tenantId, null, false);
  }

  /** Parties and distributions of a page of projects: two statements, whatever the page size. */
  private async withParties(projects: ProjectCertificate[]): Promise<ProjectCertificate[]> {
    if (projects.length === 0) return projects;
    const ids = projects.map((p) => p.id);
    const [parties, distributions] = [await this.projects.partiesOf(ids), await this.projects.distributionsOf(ids)];
    for (const project of projects) {
      project.parties = parties.filter((p) => p.projectId === project.id);
      project.partyOrganisationIds = [...new Set(project.parties.map((p) => p.organisationId))];
      for (const party of project.parties) party.partyOrganisationIds = project.partyOrganisationIds;
      project.distributions = distributions.filter((d) => d.projectId === project.id);
      for (const distribution of project.distributions) distribution.partyOrganisationIds = project.partyOrganisationIds;
    }
    return projects;
  }
}
