import { Injectable } from '@nestjs/common';
import { ORGANISATION_ROLES, Role } from '@chancery/access';
import { AuditLog } from '@chancery/audit';
import { Clock } from '@chancery/core';
import { Organisation } from '../entities/organisation.entity';
import { Tenant } from '../entities/tenant.entity';
import { UserAccount, UserStatus } from '../entities/user-account.entity';
import { AccountRepository } from '../repositories/account.repository';
import { InvitationRepository } from '../repositories/invitation.repository';
import { OrganisationRepository } from '../repositories/organisation.repository';
import { TenantRepository } from '../repositories/tenant.repository';

/**
 * The people, companies and tenants as the document contexts above identity need them (a
 * datasheet's published contact, its holder, the tenant's kind), and the one change they may ask for:
 * withdrawing a person's organisation roles when they object to the disclosure that comes with them
 * (COPRO §5b). Every method works in the caller's unit of work, under its row-level security.
 */
@Injectable()
export class OrganisationPeople {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly organisations: OrganisationRepository,
    private readonly tenants: TenantRepository,
    private readonly invitations: InvitationRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** The person's account with roles (no secrets), or null. */
  person(userId: string): Promise<UserAccount | null> {
    return this.accounts.findById(userId);
  }

  organisation(id: string): Promise<Organisation | null> {
    return this.organisations.findById(id);
  }

  /** The tenant's company with this compact VAT number (its company number), or null. */
  organisationByCompanyNumber(tenantId: string, companyNumber: string): Promise<Organisation | null> {
    return this.organisations.findByCompanyNumber(tenantId, companyNumber);
  }

  tenant(id: string): Promise<Tenant | null> {
    return this.tenants.findById(id);
  }

  /** The company's active accounts that hold an organisation role. */
  async activeMembers(tenantId: string, organisationId: string): Promise<UserAccount[]> {
    const people = await this.accounts.listManaged({ tenantId, organisationId });
    return people.filter((p) => p.status === UserStatus.ACTIVE && (p.roles ?? []).some((role) => ORGANISATION_ROLES.includes(role)));
  }

  /** The company's active administrators, other than `except`. */
  async activeAdministrators(tenantId: string, organisationId: string, except: string | null): Promise<UserAccount[]> {
    const people = await this.accounts.listManaged({ tenantId, organisationId });
    return people.filter((p) => p.id !== except && p.status === UserStatus.ACTIVE && (p.roles ?? []).includes(Role.ORG_ADMIN));
  }

  /**
   * The person objected to the disclosure that holding an organisation role brings: the roles go
   * (effective at their next request: roles are read per request), and so do the invitations they sent.
   * Not subject to the last-administrator rule: the objection is the person's right, the company then
   * names a new administrator through the tenant.
   */
  async withdrawOrganisationRoles(userId: string, reason: string): Promise<Role[]> {
    const person = await this.accounts.findById(userId);
    const withdrawn = (person?.roles ?? []).filter((role) => ORGANISATION_ROLES.includes(role));
    if (!person || withdrawn.length === 0) return [];
    await this.accounts.withdrawRoles(userId, withdrawn);
    for (const role of withdrawn) await this.audit.record({ action: 'identity.role.withdrawn', subjectType: 'User', subjectId: userId, details: { role, reason } });
    const revoked = await this.invitations.revokeSentBy(userId, reason, this.clock.now());
    for (const id of revoked) await this.audit.record({ action: 'identity.invitation.revoked', subjectType: 'Invitation', subjectId: id, details: { reason } });
    return withdrawn;
  }
}
