import { Injectable } from '@nestjs/common';
import { AuditLog } from '@chancery/audit';
import { Clock, personIdOf, RequestContext, sqlStateOf, SUPPORT_GRANT_NOT_ACTIVE, TransactionRunner } from '@chancery/core';
import { ApplicationsService, CertificateApplication } from '@chancery/certificates';
import { DatasheetsService } from '@chancery/datasheets';
import { PeopleDirectory, TenantDirectoryService } from '@chancery/identity';
import { Mailer } from '@chancery/notifications';
import { personalDataReadsOfRequest } from '../access-log/personal-data-reads';
import { SUPPORT_ACCESS_REQUESTED } from '../shared/privacy-office.emails';
import { tenantOfActor } from '../shared/acting-tenant';
import { SupportAccount } from './support-account.entity';
import { SupportCertificateApplication, SupportDatasheet, SupportOrganisation } from './support-views.entity';
import { SupportAccessErrors } from './support-access.errors';
import { SupportGrant, SupportGrantStatus } from './support-grant.entity';
import { SupportGrantRepository } from './support-grant.repository';

const MINUTE_MS = 60 * 1000;
const FOREIGN_KEY_VIOLATION = '23503';

/**
 * Support access (SPEC §5, 002 §4: the operator "does not have access … except in the event that a
 * technical problem"): the operator asks a tenant for a grant with a purpose and a duration; the
 * tenant's administrator approves (step-up) or refuses, and may end it early; an approved grant ends
 * itself at its end time. While it runs, the operator reads the tenant through the one named bypass
 * `duringSupportGrant`, whose grant check is the database's, in the reading transaction; each read of
 * personal data lands in the tenant's access log naming the grant and its purpose.
 */
@Injectable()
export class SupportAccessService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly grants: SupportGrantRepository,
    private readonly people: PeopleDirectory,
    private readonly tenants: TenantDirectoryService,
    private readonly mailer: Mailer,
    private readonly audit: AuditLog,
    private readonly context: RequestContext,
    private readonly clock: Clock,
    private readonly applications: ApplicationsService,
    private readonly datasheets: DatasheetsService,
  ) {}

  /**
   * The operator's request, in its own scope; audited in the platform's chain. The tenant learns of it
   * at its privacy contact in the same transaction (the platform's channel to its customer, as for
   * sub-processor changes), so no request waits unseen for an administrator to open the portal.
   */
  async request(tenantId: string, purpose: string, durationMinutes: number): Promise<SupportGrant> {
    const operatorId = personIdOf(this.context.actor);
    const at = this.clock.now();
    try {
      return await this.transactions.run(async () => {
        const grant = await this.grants.insertRequest({ tenantId: tenantId.toLowerCase(), requestedBy: operatorId, purpose: purpose.trim(), durationMinutes, requestedAt: at });
        await this.audit.record({
          action: 'privacy.supportGrant.requested', subjectType: 'SupportGrant', subjectId: grant.id,
          details: { tenantId: grant.tenantId, durationMinutes },
        });
        const [tenant] = await this.tenants.findByIds([grant.tenantId]);
        if (tenant) {
          await this.mailer.queue(SUPPORT_ACCESS_REQUESTED, {
            tenantId: null, to: tenant.privacyContactEmail, language: tenant.languages[0] ?? 'en', values: { purpose: grant.purpose, durationMinutes },
          });
        }
        return this.withStatus(grant, at);
      });
    } catch (error) {
      if (sqlStateOf(error) === FOREIGN_KEY_VIOLATION) throw SupportAccessErrors.SUPPORT_TENANT_NOT_FOUND('No such tenant', { field: 'input.tenantId' });
      throw error;
    }
  }

  /** The tenant's grants for its administrators and privacy officer; the operator's own requests for the operator. */
  async list(): Promise<SupportGrant[]> {
    const actor = this.context.actor;
    const at = this.clock.now();
    const grants = await this.transactions.run(() =>
      actor.tenantId ? this.grants.listOfTenant(actor.tenantId) : this.grants.listOfOperator(personIdOf(actor)),
    );
    return grants.map((g) => this.withStatus(g, at));
  }

  /** The tenant's administrator lets the operator in, from now for the duration asked. */
  async approve(grantId: string): Promise<SupportGrant> {
    return this.decide(grantId, 'approved', async (tenantId, adminId, at, pending) =>
      this.grants.approve(tenantId, pending.id, adminId, at, new Date(at.getTime() + pending.durationMinutes * MINUTE_MS)),
    );
  }

  async refuse(grantId: string, reason: string | null | undefined): Promise<SupportGrant> {
    return this.decide(grantId, 'refused', (tenantId, adminId, at, pending) => this.grants.refuse(tenantId, pending.id, adminId, at, reason?.trim() || null));
  }

  /** The tenant's administrator ends a running grant before its end time. */
  async end(grantId: string): Promise<SupportGrant> {
    const tenantId = tenantOfActor(this.context.actor);
    const adminId = personIdOf(this.context.actor);
    const at = this.clock.now();
    return this.transactions.run(async () => {
      await this.load(tenantId, grantId);
      const ended = await this.grants.end(tenantId, grantId.toLowerCase(), adminId, at);
      if (!ended) throw SupportAccessErrors.SUPPORT_GRANT_NOT_RUNNING('The grant is not running', { details: { grantId } });
      await this.audit.record({ action: 'privacy.supportGrant.ended', subjectType: 'SupportGrant', subjectId: ended.id, details: { early: true } });
      return this.withStatus(ended, at);
    });
  }

  /**
   * The operator's view of the tenant's accounts under a running grant. The grant is checked by the
   * database in the same read-only transaction (`duringSupportGrant`): refused there, nothing is read.
   */
  async accountsUnderGrant(grantId: string): Promise<SupportAccount[]> {
    return this.underGrant(grantId, async (tenantId) =>
      (await this.people.activePeopleOfTenant(tenantId)).map((person) =>
        Object.assign(new SupportAccount(), {
          id: person.id, tenantId, organisationId: person.organisationId, email: person.email, roles: person.roles, createdAt: person.createdAt,
        }),
      ),
    );
  }

  /** The tenant's companies (their records but the bank account), under a running grant. */
  organisationsUnderGrant(grantId: string): Promise<SupportOrganisation[]> {
    return this.underGrant(grantId, async (tenantId) =>
      (await this.people.companyRecordsOfTenant(tenantId)).map((company) => Object.assign(new SupportOrganisation(), { ...company, tenantId })));
  }

  /** The tenant's certificate applications but drafts (the company's alone), newest submissions last, under a running grant. */
  applicationsUnderGrant(grantId: string, first: number): Promise<SupportCertificateApplication[]> {
    return this.underGrant(grantId, async () => (await this.applications.listUnderSupportGrant(first)).map(supportApplication));
  }

  /** One certificate application of the tenant (not a draft), under a running grant; NOT_FOUND otherwise, another tenant's included. */
  applicationUnderGrant(grantId: string, applicationId: string): Promise<SupportCertificateApplication> {
    return this.underGrant(grantId, async () => supportApplication(await this.applications.oneUnderSupportGrant(applicationId.toLowerCase())));
  }

  /** The tenant's datasheets with their latest version, under a running grant (read only). */
  datasheetsUnderGrant(grantId: string): Promise<SupportDatasheet[]> {
    return this.underGrant(grantId, async (tenantId) =>
      (await this.datasheets.underSupportGrant(tenantId)).map(({ datasheet, latest }) =>
        Object.assign(new SupportDatasheet(), {
          id: datasheet.id, tenantId, organisationId: datasheet.organisationId, certifiedProductId: datasheet.certifiedProductId, publicCode: datasheet.publicCode,
          contactUserId: datasheet.contactUserId, latestVersion: latest?.number ?? null, latestState: latest?.state ?? null, completedBy: latest?.completedBy ?? null,
          createdAt: datasheet.createdAt,
        }),
      ),
    );
  }

  /**
   * A read of the tenant under a running grant. The grant is checked by the database in the same
   * read-only transaction (`duringSupportGrant`): refused there, nothing is read. The access log's
   * rows of this request then name the grant and its purpose.
   */
  private async underGrant<T>(grantId: string, read: (tenantId: string) => Promise<T>): Promise<T> {
    try {
      return await this.transactions.duringSupportGrant(grantId.toLowerCase(), async (grant) => {
        const reads = personalDataReadsOfRequest();
        if (reads) reads.supportGrant = { id: grantId.toLowerCase(), purpose: grant.purpose };
        return read(grant.tenantId);
      });
    } catch (error) {
      if (sqlStateOf(error) === SUPPORT_GRANT_NOT_ACTIVE) throw SupportAccessErrors.NO_ACTIVE_SUPPORT_GRANT('No running support grant of yours has this id');
      throw error;
    }
  }

  private async decide(
    grantId: string,
    outcome: 'approved' | 'refused',
    write: (tenantId: string, adminId: string, at: Date, pending: SupportGrant) => Promise<SupportGrant | null>,
  ): Promise<SupportGrant> {
    const tenantId = tenantOfActor(this.context.actor);
    const adminId = personIdOf(this.context.actor);
    const at = this.clock.now();
    return this.transactions.run(async () => {
      const pending = await this.load(tenantId, grantId);
      const decided = await write(tenantId, adminId, at, pending);
      if (!decided) throw SupportAccessErrors.SUPPORT_GRANT_NOT_PENDING('Already decided', { details: { grantId: pending.id } });
      await this.audit.record({
        action: `privacy.supportGrant.${outcome}`, subjectType: 'SupportGrant', subjectId: decided.id,
        details: { durationMinutes: decided.durationMinutes },
      });
      return this.withStatus(decided, at);
    });
  }

  private async load(tenantId: string, grantId: string): Promise<SupportGrant> {
    const grant = await this.grants.findById(tenantId, grantId.toLowerCase());
    if (!grant) throw SupportAccessErrors.SUPPORT_GRANT_NOT_FOUND('No such support grant', { field: 'grantId' });
    return grant;
  }

  /** An approved grant past its end time reads as EXPIRED: it ended itself. */
  private withStatus(grant: SupportGrant, at: Date): SupportGrant {
    if (grant.status === SupportGrantStatus.APPROVED && grant.endsAt && grant.endsAt.getTime() <= at.getTime()) grant.status = SupportGrantStatus.EXPIRED;
    return grant;
  }
}

function supportApplication(a: CertificateApplication): SupportCertificateApplication {
  return Object.assign(new SupportCertificateApplication(), {
    id: a.id, tenantId: a.tenantId, organisationId: a.organisationId, state: a.state, consigneeName: a.consigneeName, consigneeAddress: a.consigneeAddress,
    consigneeCountry: a.consigneeCountry, countryOfOrigin: a.countryOfOrigin, createdBy: a.createdBy, claimedBy: a.claimedBy, reviewedBy: a.reviewedBy,
    certificateId: a.certificateId, createdAt: a.createdAt, submittedAt: a.submittedAt, updatedAt: a.updatedAt,
  });
}
