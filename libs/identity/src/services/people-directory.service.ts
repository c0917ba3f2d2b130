import { Injectable } from '@nestjs/common';
import { Role } from '@chancery/access';
import { TransactionRunner } from '@chancery/core';
import { CompanyRecord, HeldPerson, PeopleDirectoryRepository, ReachableCompany, ReachablePerson } from '../repositories/people-directory.repository';

export type { CompanyRecord, HeldPerson, ReachableCompany, ReachablePerson } from '../repositories/people-directory.repository';

/**
 * The people of a tenant as the privacy office reaches them (a sub-processor change announced to
 * every customer company, a breach notified to the people affected, a policy version answered by
 * every user). Runs in the caller's unit of work and scope: row-level security keeps it to one tenant.
 */
@Injectable()
export class PeopleDirectory {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly people: PeopleDirectoryRepository,
  ) {}

  activePeopleOfTenant(tenantId: string): Promise<ReachablePerson[]> {
    return this.transactions.run(() => this.people.activePeopleOfTenant(tenantId));
  }

  /**
   * Everyone whose data the tenant still holds, whatever the state of their account (a breach's
   * affected people, Art. 33–34): a disabled account until its retention de-identifies it, an
   * unconfirmed one; never an erased account.
   */
  peopleWithDataOfTenant(tenantId: string): Promise<HeldPerson[]> {
    return this.transactions.run(() => this.people.peopleWithDataOfTenant(tenantId));
  }

  /** The administrators of each company of the tenant: who speaks for a customer company. */
  async companyAdministrators(tenantId: string): Promise<ReachablePerson[]> {
    return (await this.activePeopleOfTenant(tenantId)).filter((p) => p.organisationId !== null && p.roles.includes(Role.ORG_ADMIN));
  }

  companiesOfTenant(tenantId: string): Promise<ReachableCompany[]> {
    return this.transactions.run(() => this.people.companiesOfTenant(tenantId));
  }

  /** The tenant's confirmed companies' records (no bank account), for the operator under a support grant (privacy's support access). */
  companyRecordsOfTenant(tenantId: string): Promise<CompanyRecord[]> {
    return this.transactions.run(() => this.people.companyRecordsOfTenant(tenantId));
  }
}
