import { Injectable } from '@nestjs/common';
import { AuditLog } from '@chancery/audit';
import { hashPassword, assertAcceptablePassword } from '@chancery/auth/password-policy';
import { BadUserInputError, Role, TransactionRunner } from '@chancery/core';
import { Tenant } from '../entities/tenant.entity';
import { CreateTenantInput } from '../inputs/identity.inputs';
import { isUniqueViolation } from './database-errors';

/** The list of tenants (public) and their creation by the platform operator. */
@Injectable()
export class TenantDirectoryService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
  ) {}

  list(): Promise<Tenant[]> {
    return this.transactions.run((manager) => manager.find(Tenant, { order: { name: 'ASC' } }));
  }

  findBySlug(slug: string): Promise<Tenant | null> {
    return this.transactions.run((manager) => manager.findOne(Tenant, { where: { slug } }));
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

  /** Creates a tenant with its first administrator (who must confirm by logging in and enrolling TOTP). */
  async create(input: CreateTenantInput): Promise<Tenant> {
    assertAcceptablePassword(input.administrator.password, 'input.administrator.password', input.administrator.email);
    const passwordHash = await hashPassword(input.administrator.password);
    const { administrator, ...details } = input;
    try {
      // Creating a tenant is the operator's act (platform scope); its first admin is the tenant's own
      // row. One transaction, so a tenant never exists without its administrator.
      return await this.transactions.run(async (manager) => {
        const tenant = await manager.save(Tenant, manager.create(Tenant, { ...details, phone: details.phone ?? null, email: details.email ?? null, website: null }));
        await this.audit.record({ action: 'identity.tenant.created', subjectType: 'Tenant', subjectId: tenant.id, tenantId: null });
        await this.transactions.enterTenant(manager, tenant.id);
        const [user] = (await manager.query(
          `INSERT INTO user_account (tenant_id, email, first_name, last_name, phone, job_title, preferred_language, password_hash, status, email_confirmed_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'ACTIVE', now()) RETURNING id`,
          [tenant.id, administrator.email.toLowerCase(), administrator.firstName, administrator.lastName, administrator.phone ?? null, administrator.jobTitle ?? null, administrator.preferredLanguage, passwordHash],
        )) as Array<{ id: string }>;
        await manager.query(`INSERT INTO user_role (tenant_id, user_id, role) VALUES ($1, $2, $3)`, [tenant.id, user!.id, Role.TENANT_ADMIN]);
        await this.audit.record({ action: 'identity.role.granted', subjectType: 'User', subjectId: user!.id, details: { role: Role.TENANT_ADMIN }, tenantId: tenant.id });
        return tenant;
      }, { platformScope: true });
    } catch (error) {
      if (isUniqueViolation(error)) throw BadUserInputError.field('input.slug', 'is already used by another tenant', 'unique');
      throw error;
    }
  }
}
