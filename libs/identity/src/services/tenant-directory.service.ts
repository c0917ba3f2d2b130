import { Injectable } from '@nestjs/common';
import { Role } from '@chancery/access';
import { AuditLog } from '@chancery/audit';
import { Clock, isUniqueViolation, PasswordHasher, TransactionRunner } from '@chancery/core';
import { Tenant } from '../entities/tenant.entity';
import { UserStatus } from '../entities/user-account.entity';
import { IdentityErrors } from '../identity.errors';
import { CreateTenantInput } from '../inputs/identity.inputs';
import { assertAcceptablePassword } from '../password-policy';
import { AccountRepository } from '../repositories/account.repository';
import { TenantRepository } from '../repositories/tenant.repository';
import { normaliseEmailAddress } from '../validation/email-address';

/** The list of tenants (public) and their creation by the platform operator. */
@Injectable()
export class TenantDirectoryService {
  constructor(
    private readonly passwords: PasswordHasher,
    private readonly transactions: TransactionRunner,
    private readonly tenants: TenantRepository,
    private readonly accounts: AccountRepository,
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

  /** Creates a tenant with its first administrator (who must enrol a second factor at first login). */
  async create(input: CreateTenantInput): Promise<Tenant> {
    const { administrator, ...details } = input;
    assertAcceptablePassword(administrator.password, 'input.administrator.password', administrator.email);
    const passwordHash = await this.passwords.hash(administrator.password);
    try {
      return await this.transactions.creatingTenant(async (enterTenant) => {
        const tenant = await this.tenants.insert({ ...details, phone: details.phone ?? null, email: details.email ?? null });
        await this.audit.record({ action: 'identity.tenant.created', subjectType: 'Tenant', subjectId: tenant.id, tenantId: null });
        await enterTenant(tenant.id);
        const userId = await this.accounts.insert({
          tenantId: tenant.id,
          organisationId: null,
          email: normaliseEmailAddress(administrator.email),
          firstName: administrator.firstName,
          lastName: administrator.lastName,
          phone: administrator.phone ?? null,
          jobTitle: administrator.jobTitle ?? null,
          preferredLanguage: administrator.preferredLanguage,
          passwordHash,
          status: UserStatus.ACTIVE,
          emailConfirmedAt: this.clock.now(),
        });
        await this.accounts.grantRoles(userId, tenant.id, [Role.TENANT_ADMIN], null);
        await this.audit.record({ action: 'identity.role.granted', subjectType: 'User', subjectId: userId, details: { role: Role.TENANT_ADMIN }, tenantId: tenant.id });
        return tenant;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'tenant_slug_key')) throw IdentityErrors.TENANT_SLUG_TAKEN('is already used by another tenant', { field: 'input.slug' });
      throw error;
    }
  }
}
