import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { Role } from '@chancery/access';
import { AuditLog } from '@chancery/audit';
import { AppConfig, Clock, issueSecret, isUniqueViolation, parseSecret, PasswordHasher, TransactionRunner } from '@chancery/core';
import { Mailer } from '@chancery/notifications';
import { ORGANISATION_ROLES_TAKEN, OrganisationRolesTaken } from '../accounts/account-events';
import { CONFIRM_EMAIL, REGISTRATION_ADDRESS_IN_USE } from '../email/identity-emails';
import { LoginMethod, Organisation } from '../entities/organisation.entity';
import { Tenant } from '../entities/tenant.entity';
import { UserStatus } from '../entities/user-account.entity';
import { IdentityErrors } from '../identity.errors';
import { RegisterOrganisationInput } from '../inputs/identity.inputs';
import { assertAcceptablePassword } from '../password-policy';
import { AccountRepository } from '../repositories/account.repository';
import { AccountTokenRepository } from '../repositories/account-token.repository';
import { OrganisationRepository } from '../repositories/organisation.repository';
import { isValidPostalCode, normaliseEuVatNumber } from '../validation/company-identifiers';
import { TenantDirectoryService } from './tenant-directory.service';
import { EMAIL_CONFIRMATION_LIFETIME_MS, UnconfirmedRegistrations } from './unconfirmed-registrations.service';
import { normaliseEmailAddress } from '../validation/email-address';

export interface Registration {
  organisation: Organisation;
  tenant: Tenant;
  /** The registrant's own input, as registered (see RegisteredCompany). */
  company: { name: string; vatNumber: string; city: string; country: string; confirmationSentTo: string; status: 'AWAITING_EMAIL_CONFIRMATION' };
}

/** A company registers with one tenant; its first administrator confirms the e-mail address. */
@Injectable()
export class OrganisationRegistrationService {
  constructor(
    private readonly passwords: PasswordHasher,
    private readonly transactions: TransactionRunner,
    private readonly directory: TenantDirectoryService,
    private readonly organisations: OrganisationRepository,
    private readonly accounts: AccountRepository,
    private readonly accountTokens: AccountTokenRepository,
    private readonly audit: AuditLog,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly events: EventEmitter2,
    private readonly unconfirmed: UnconfirmedRegistrations,
  ) {}

  async register(input: RegisterOrganisationInput): Promise<Registration> {
    const vatNumber = normaliseEuVatNumber(input.vatNumber)!;
    const country = input.country.toUpperCase();
    if (!isValidPostalCode(input.postalCode, country)) {
      throw IdentityErrors.INVALID_POSTAL_CODE(`is not a postal code of ${country}`, { field: 'input.postalCode' });
    }
    assertAcceptablePassword(input.administrator.password, 'input.administrator.password', input.administrator.email);
    const tenant = input.tenantSlug
      ? await this.directory.findBySlug(input.tenantSlug)
      : await this.directory.proposeForPostalCode(input.postalCode);
    if (!tenant) {
      throw input.tenantSlug
        ? IdentityErrors.UNKNOWN_CHAMBER('is not a known chamber', { field: 'input.tenantSlug' })
        : IdentityErrors.NO_CHAMBER_FOR_POSTAL_CODE('no chamber serves this postal code: choose one', { field: 'input.tenantSlug' });
    }
    // Hashed before the transaction: argon2 takes tens of milliseconds and must not hold a connection.
    const passwordHash = await this.passwords.hash(input.administrator.password);
    const administratorEmail = normaliseEmailAddress(input.administrator.email);
    const confirmation = issueSecret('ect', tenant.id);
    const company = { name: input.name, vatNumber, city: input.city, country, confirmationSentTo: administratorEmail, status: 'AWAITING_EMAIL_CONFIRMATION' as const };
    try {
      const organisation = await this.transactions.beforeSession(tenant.id, async () => {
        // A registration of this company or address never confirmed, whose link expired, no longer stands in the way.
        await this.unconfirmed.clearTheWayFor(tenant.id, vatNumber, administratorEmail, this.clock.now());
        // Only a confirmed company holds its number: an unconfirmed registration of it never blocks
        // this one (see confirmEmail: the first confirmed wins). Otherwise what a known address leaves
        // behind (nothing) and a new one (a company) would tell them apart, and anyone could hold a
        // company's number with an address of their own until the link expired.
        if (await this.organisations.confirmedWithCompanyNumber(tenant.id, vatNumber)) {
          throw IdentityErrors.COMPANY_ALREADY_REGISTERED('this company is already registered with this chamber', { field: 'input.vatNumber' });
        }
        const existing = await this.accounts.findIdByEmail(tenant.id, administratorEmail);
        if (existing) {
          await this.noticeAddressInUse(tenant, administratorEmail, input.administrator.preferredLanguage, existing);
          return null;
        }
        const admin = input.administrator;
        const created = await this.organisations.insert({
          tenantId: tenant.id, companyNumber: vatNumber, vatNumber, name: input.name, legalForm: input.legalForm,
          street: input.street, postalCode: input.postalCode, city: input.city, country, phone: input.phone,
          email: normaliseEmailAddress(input.email), iban: input.iban.replace(/\s/g, '').toUpperCase(), loginMethod: input.loginMethod as LoginMethod, isMember: false,
          confirmedAt: null,
        });
        const userId = await this.accounts.insert({
          tenantId: tenant.id, organisationId: created.id, email: administratorEmail, firstName: admin.firstName, lastName: admin.lastName,
          phone: admin.phone ?? null, jobTitle: admin.jobTitle ?? null, preferredLanguage: admin.preferredLanguage, passwordHash,
          status: UserStatus.PENDING_CONFIRMATION, emailConfirmedAt: null,
        });
        await this.accounts.grantRoles(userId, tenant.id, [Role.ORG_ADMIN], null);
        await this.events.emitAsync(ORGANISATION_ROLES_TAKEN, {
          userId, tenantId: tenant.id, organisationId: created.id, roles: [Role.ORG_ADMIN],
          acknowledgedNoticeVersion: input.acknowledgedContactDisclosureNotice ?? null, field: 'input.acknowledgedContactDisclosureNotice',
        } satisfies OrganisationRolesTaken);
        await this.accountTokens.insert({
          tenantId: tenant.id, userId, purpose: 'EMAIL_CONFIRMATION', hash: confirmation.hash,
          expiresAt: new Date(this.clock.now().getTime() + EMAIL_CONFIRMATION_LIFETIME_MS),
        });
        await this.mailer.queue(CONFIRM_EMAIL, {
          tenantId: tenant.id,
          to: administratorEmail,
          language: admin.preferredLanguage,
          values: { tenantName: tenant.name, link: this.config.portalLink('/confirm-email', confirmation.token) },
        });
        await this.audit.record({ action: 'identity.organisation.registered', subjectType: 'Organisation', subjectId: created.id, tenantId: tenant.id });
        return created;
      });
      return { organisation: organisation ?? notRegistered(tenant.id), tenant, company };
    } catch (error) {
      if (!isUniqueViolation(error, 'user_account_email_per_tenant')) throw error;
      // A registration with the same address won the race: answer as below.
      await this.transactions.beforeSession(tenant.id, () =>
        this.noticeAddressInUse(tenant, administratorEmail, input.administrator.preferredLanguage, null),
      );
      return { organisation: notRegistered(tenant.id), tenant, company };
    }
  }

  /**
   * The address already has an account with this chamber. Saying so would tell anyone whether an
   * address is registered (login and password reset never do): the answer is the same as for a
   * registration, nothing is created, and the address's owner is told by e-mail.
   */
  private async noticeAddressInUse(tenant: Tenant, email: string, language: string, userId: string | null): Promise<void> {
    await this.mailer.queue(REGISTRATION_ADDRESS_IN_USE, {
      tenantId: tenant.id,
      to: email,
      language,
      values: { tenantName: tenant.name, loginLink: `${this.config.publicBaseUrl}/login` },
    });
    await this.audit.record({ action: 'identity.registration.addressInUse', subjectType: userId ? 'User' : undefined, subjectId: userId ?? undefined, tenantId: tenant.id });
  }

  /**
   * Activates the account the confirmation e-mail was sent for, and confirms its company's
   * registration; a token works once. Of rival registrations of one company (VAT number), the first
   * confirmed wins: a later one is refused and nothing of it changes (its link keeps working until it
   * expires, and it lapses as any unconfirmed registration does).
   */
  async confirmEmail(token: string): Promise<boolean> {
    const parsed = parseSecret(token, 'ect');
    if (!parsed?.tenantId) throw IdentityErrors.CONFIRMATION_LINK_INVALID('Invalid or expired confirmation link');
    const registeredMeanwhile = () => IdentityErrors.COMPANY_REGISTERED_MEANWHILE('another registration of this company with this chamber was confirmed first');
    let confirmed: boolean;
    try {
      confirmed = await this.transactions.forSecretHolder(parsed, async () => {
        const now = this.clock.now();
        const userId = await this.accountTokens.consume('EMAIL_CONFIRMATION', parsed.hash, now);
        if (!userId) return false;
        if (await this.organisations.confirmedRivalOf(userId)) throw registeredMeanwhile();
        // The company first: the database activates no account of an unconfirmed one.
        await this.organisations.confirmRegistrationOf(userId, now);
        await this.accounts.confirmEmail(userId, now);
        await this.audit.record({ action: 'identity.email.confirmed', subjectType: 'User', subjectId: userId, tenantId: parsed.tenantId });
        return true;
      });
    } catch (error) {
      // A rival confirmed in the same moment: the database's index decided, as the check above would have.
      if (isUniqueViolation(error, 'organisation_confirmed_company_number')) throw registeredMeanwhile();
      throw error;
    }
    if (!confirmed) throw IdentityErrors.CONFIRMATION_LINK_INVALID('Invalid or expired confirmation link');
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
