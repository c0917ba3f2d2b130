import { Injectable } from '@nestjs/common';
import { AuditLog } from '@chancery/audit';
import { Clock, isUniqueViolation, TransactionRunner } from '@chancery/core';
import { Tenant } from '../entities/tenant.entity';
import { IdentityErrors } from '../identity.errors';
import { CreateTenantInput, InviteTenantAdministratorInput, ResetTenantAdministratorSecondFactorInput } from '../inputs/identity.inputs';
import { TenantRepository } from '../repositories/tenant.repository';
import { UserAdministrationService } from './user-administration.service';

/** A tenant whose administrator the operator invited again, where the invitation went, and how many unaccepted ones it replaced. */
export interface InvitedTenantAdministrator extends CreatedTenant {
  earlierInvitationsRevoked: number;
}

/** A tenant whose only administrator's second factor the operator reset: who, and when. */
export interface TenantAdministratorSecondFactorReset {
  tenant: Tenant;
  administratorId: string;
  resetAt: Date;
}

/** A tenant just opened, and where the invitation of its first administrator went. */
export interface CreatedTenant {
  tenant: Tenant;
  invitationSentTo: string;
}

/** The list of tenants (public) and their creation by the platform operator. */
@Injectable()
export class TenantDirectoryService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly tenants: TenantRepository,
    private readonly users: UserAdministrationService,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  list(): Promise<Tenant[]> {
    return this.transactions.run(() => this.tenants.list());
  }

  findBySlug(slug: string): Promise<Tenant | null> {
    return this.transactions.run(() => this.tenants.findBySlug(slug));
  }

  /** Tenants by id, in the order given (public details: the directory lists them all). */
  async findByIds(ids: readonly string[]): Promise<Tenant[]> {
    const found = await this.transactions.run(() => Promise.all(ids.map((id) => this.tenants.findById(id))));
    return found.filter((tenant): tenant is Tenant => tenant !== null);
  }

  /** The chamber that serves a postal code, if one does (DigiChambers register page). */
  async proposeForPostalCode(postalCode: string): Promise<Tenant | null> {
    const tenants = await this.list();
    const code = postalCode.trim();
    return (
      tenants.find((tenant) =>
        tenant.servedPostalCodes.some((range) => code.length === range.from.length && code >= range.from && code <= range.to),
      ) ?? null
    );
  }

  /**
   * Creates a tenant and invites its first administrator, in one transaction: the operator gives who
   * they are, never a credential. No account exists until the administrator accepts the invitation with
   * a password of their own (and they enrol a second factor at their first login), so the operator
   * cannot log in as them.
   */
  async create(input: CreateTenantInput): Promise<CreatedTenant> {
    const { administrator, ...details } = input;
    try {
      return await this.transactions.creatingTenant(async (enterTenant) => {
        const tenant = await this.tenants.insert({ ...details, phone: details.phone ?? null, email: details.email ?? null });
        await this.audit.record({ action: 'identity.tenant.created', subjectType: 'Tenant', subjectId: tenant.id, tenantId: null });
        await enterTenant(tenant.id);
        const invitation = await this.users.inviteFirstTenantAdministrator(tenant, administrator);
        return { tenant, invitationSentTo: invitation.email };
      });
    } catch (error) {
      if (isUniqueViolation(error, 'tenant_slug_key')) throw IdentityErrors.TENANT_SLUG_TAKEN('is already used by another tenant', { field: 'input.slug' });
      throw error;
    }
  }

  /**
   * Invites a tenant's administrator again while the tenant has no active one: its first
   * administrator's invitation expired or went to a wrong address, or its only administrator left.
   * Nobody else could: the tenant's administrators invite its staff. Earlier pending administrator
   * invitations stop working (a mistyped address could still accept one). An unknown or destroyed
   * tenant is NOT_FOUND; one with an active administrator is CONFLICT, so the operator can never add
   * an administrator beside the tenant's own.
   */
  /**
   * Resets the second factor of a tenant's only active administrator, who lost phone and recovery codes
   * (see UserAdministrationService.resetOnlyAdministratorSecondFactor). An unknown tenant is NOT_FOUND.
   */
  resetAdministratorSecondFactor(input: ResetTenantAdministratorSecondFactorInput): Promise<TenantAdministratorSecondFactorReset> {
    return this.transactions.resettingAdministratorSecondFactor(input.tenantId, async () => {
      const tenant = await this.tenants.findById(input.tenantId);
      if (!tenant) throw IdentityErrors.TENANT_NOT_FOUND('No such tenant', { field: 'input.tenantId' });
      const administrator = await this.users.resetOnlyAdministratorSecondFactor(tenant, input.email, input.reference);
      return { tenant, administratorId: administrator.id, resetAt: this.clock.now() };
    });
  }

  inviteAdministrator(input: InviteTenantAdministratorInput): Promise<InvitedTenantAdministrator> {
    return this.transactions.invitingTenantAdministrator(input.tenantId, async () => {
      const tenant = await this.tenants.findById(input.tenantId);
      if (!tenant) throw IdentityErrors.TENANT_NOT_FOUND('No such tenant', { field: 'input.tenantId' });
      const { invitation, revoked } = await this.users.inviteTenantAdministratorAgain(tenant, input.administrator);
      return { tenant, invitationSentTo: invitation.email, earlierInvitationsRevoked: revoked };
    });
  }
}
