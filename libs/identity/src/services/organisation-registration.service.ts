import { Injectable } from '@nestjs/common';
import { AuditLog } from '@chancery/audit';
import { assertAcceptablePassword, hashPassword } from '@chancery/auth/password-policy';
import { consumeOneTimeToken } from '@chancery/auth/one-time-token';
import { issueSecret, parseSecret } from '@chancery/auth/secret-token';
import { AppConfig, BadUserInputError, Clock, Outbox, Role, TransactionRunner, UnauthenticatedError } from '@chancery/core';
import { Organisation } from '../entities/organisation.entity';
import { Tenant } from '../entities/tenant.entity';
import { RegisterOrganisationInput } from '../inputs/identity.inputs';
import { isValidPostalCode, normaliseEuVatNumber } from '../validation/company-identifiers';
import { isUniqueViolation } from './database-errors';
import { TenantDirectoryService } from './tenant-directory.service';

export const EMAIL_CONFIRMATION_LIFETIME_MS = 48 * 3600_000;

export interface Registration {
  organisation: Organisation;
  tenant: Tenant;
}

/** A company registers with one tenant; its first administrator confirms the e-mail address. */
@Injectable()
export class OrganisationRegistrationService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly directory: TenantDirectoryService,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async register(input: RegisterOrganisationInput): Promise<Registration> {
    const vatNumber = normaliseEuVatNumber(input.vatNumber)!;
    const country = input.country.toUpperCase();
    if (!isValidPostalCode(input.postalCode, country)) {
      throw BadUserInputError.field('input.postalCode', `is not a postal code of ${country}`, 'postalCode');
    }
    assertAcceptablePassword(input.administrator.password, 'input.administrator.password', input.administrator.email);
    const tenant = input.tenantSlug
      ? await this.directory.findBySlug(input.tenantSlug)
      : await this.directory.proposeForPostalCode(input.postalCode);
    if (!tenant) {
      throw input.tenantSlug
        ? BadUserInputError.field('input.tenantSlug', 'is not a known chamber', 'exists')
        : BadUserInputError.field('input.tenantSlug', 'no chamber serves this postal code: choose one', 'required');
    }
    const passwordHash = await hashPassword(input.administrator.password);
    const administratorEmail = input.administrator.email.toLowerCase();
    const confirmation = issueSecret('ect', tenant.id);
    try {
      const organisation = await this.transactions.run(async (manager) => {
        const duplicate = await manager.count(Organisation, { where: { companyNumber: vatNumber } });
        if (duplicate) throw BadUserInputError.field('input.vatNumber', 'this company is already registered with this chamber', 'duplicate');
        const [existing] = (await manager.query(`SELECT id FROM user_account WHERE email = $1`, [administratorEmail])) as Array<{ id: string }>;
        if (existing) {
          await this.noticeAddressInUse(tenant, administratorEmail, existing.id);
          return null;
        }
        const { administrator: admin } = input;
        const created = await manager.save(Organisation, manager.create(Organisation, {
          tenantId: tenant.id, companyNumber: vatNumber, vatNumber, name: input.name, legalForm: input.legalForm,
          street: input.street, postalCode: input.postalCode, city: input.city, country, phone: input.phone,
          email: input.email.toLowerCase(), iban: input.iban.replace(/\s/g, '').toUpperCase(), loginMethod: input.loginMethod, isMember: false,
        }));
        const [user] = (await manager.query(
          `INSERT INTO user_account (tenant_id, organisation_id, email, first_name, last_name, phone, job_title, preferred_language, password_hash, status)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'PENDING_CONFIRMATION') RETURNING id`,
          [tenant.id, created.id, administratorEmail, admin.firstName, admin.lastName, admin.phone ?? null, admin.jobTitle ?? null, admin.preferredLanguage, passwordHash],
        )) as Array<{ id: string }>;
        await manager.query(`INSERT INTO user_role (tenant_id, user_id, role) VALUES ($1, $2, $3)`, [tenant.id, user!.id, Role.ORG_ADMIN]);
        await manager.query(
          `INSERT INTO one_time_token (tenant_id, user_id, purpose, token_hash, expires_at) VALUES ($1, $2, 'EMAIL_CONFIRMATION', $3, $4)`,
          [tenant.id, user!.id, confirmation.hash, new Date(this.clock.now().getTime() + EMAIL_CONFIRMATION_LIFETIME_MS)],
        );
        await this.outbox.queueEmail({
          tenantId: tenant.id,
          recipient: administratorEmail,
          template: 'identity.confirm-email',
          subject: `Confirm your e-mail address for ${tenant.name}`,
          body: `Confirm your address to activate your account: ${this.config.PUBLIC_BASE_URL}/confirm-email?token=${confirmation.token}`,
        });
        await this.audit.record({ action: 'identity.organisation.registered', subjectType: 'Organisation', subjectId: created.id, tenantId: tenant.id });
        return created;
      }, { tenantId: tenant.id });
      return { organisation: organisation ?? notRegistered(tenant.id), tenant };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const detail = String((error as { detail?: string }).detail ?? (error as { driverError?: { detail?: string } }).driverError?.detail ?? '');
      if (!detail.includes('email')) throw BadUserInputError.field('input.vatNumber', 'this company is already registered with this chamber', 'duplicate');
      // A registration with the same address won the race: answer as below.
      await this.transactions.run(() => this.noticeAddressInUse(tenant, administratorEmail, null), { tenantId: tenant.id });
      return { organisation: notRegistered(tenant.id), tenant };
    }
  }

  /**
   * The address already has an account with this chamber. Saying so would tell anyone whether an
   * address is registered (login and password reset never do): the answer is the same as for a
   * registration, nothing is created, and the address's owner is told by e-mail.
   */
  private async noticeAddressInUse(tenant: Tenant, email: string, userId: string | null): Promise<void> {
    await this.outbox.queueEmail({
      tenantId: tenant.id,
      recipient: email,
      template: 'identity.registration-address-in-use',
      subject: `A registration with ${tenant.name} used your e-mail address`,
      body: `Someone tried to register a company with ${tenant.name} using this address, which already has an account. If it was you, log in (or reset your password) at ${this.config.PUBLIC_BASE_URL}; otherwise you can ignore this message.`,
    });
    await this.audit.record({ action: 'identity.registration.addressInUse', subjectType: userId ? 'User' : undefined, subjectId: userId ?? undefined, tenantId: tenant.id });
  }

  /** Activates the account the confirmation e-mail was sent for; a token works once. */
  async confirmEmail(token: string): Promise<boolean> {
    const parsed = parseSecret(token, 'ect');
    if (!parsed?.tenantId) throw new UnauthenticatedError('Invalid or expired confirmation link');
    const confirmed = await this.transactions.run(async (manager) => {
      const now = this.clock.now();
      const userId = await consumeOneTimeToken(manager, 'EMAIL_CONFIRMATION', parsed.hash, now);
      if (!userId) return false;
      await manager.query(`UPDATE user_account SET status = 'ACTIVE', email_confirmed_at = $2 WHERE id = $1 AND status = 'PENDING_CONFIRMATION'`, [userId, now]);
      await this.audit.record({ action: 'identity.email.confirmed', subjectType: 'User', subjectId: userId, tenantId: parsed.tenantId });
      return true;
    }, { tenantId: parsed.tenantId });
    if (!confirmed) throw new UnauthenticatedError('Invalid or expired confirmation link');
    return true;
  }
}

/**
 * What a registration that created nothing answers with: a company record that exists nowhere, so
 * every field is concealed from the anonymous registrant exactly as a new company's would be.
 */
function notRegistered(tenantId: string): Organisation {
  return Object.assign(new Organisation(), { tenantId });
}
