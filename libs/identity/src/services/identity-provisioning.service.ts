import { Injectable } from '@nestjs/common';
import { ApiKeyScope, Role } from '@chancery/access';
import { AppConfig, Clock, hashPassword, issueSecret, SecretBox, TransactionRunner } from '@chancery/core';
import { INVITATION_LIFETIME_MS } from './user-administration.service';
import { ApiKey } from '../entities/api-key.entity';
import { Invitation } from '../entities/invitation.entity';
import { LoginMethod, Organisation } from '../entities/organisation.entity';
import { Tenant } from '../entities/tenant.entity';
import { UserStatus } from '../entities/user-account.entity';
import { AccountRepository } from '../repositories/account.repository';
import { ApiKeyRepository } from '../repositories/api-key.repository';
import { InvitationRepository } from '../repositories/invitation.repository';
import { NewOrganisation, OrganisationRepository } from '../repositories/organisation.repository';
import { NewTenant, TenantRepository } from '../repositories/tenant.repository';
import { normaliseEmailAddress } from '../validation/email-address';

export interface ProvisionedAccount {
  tenantId: string | null;
  organisationId?: string | null;
  email: string;
  firstName: string;
  lastName: string;
  phone?: string | null;
  jobTitle?: string | null;
  preferredLanguage?: string;
  roles: Role[];
  status?: UserStatus;
  /** A password to hash, or a hash made once for many accounts (faster for large data sets). */
  password?: string;
  passwordHash?: string;
  /** An enrolled second factor (the secret in clear; it is stored sealed). */
  totpSecret?: string;
  /** A stored signature image (a PNG or JPEG data URL), as a signer sets it on /app/signature. */
  signatureImage?: string;
}

/**
 * Records made by the system rather than by a person's request: the demo data set of the embedded
 * default and the test factories. The same repositories as the application's own flows, in the
 * system's scope (`asSystem`), so row-level security applies to them as to everything else.
 */
@Injectable()
export class IdentityProvisioning {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly tenants: TenantRepository,
    private readonly organisations: OrganisationRepository,
    private readonly accounts: AccountRepository,
    private readonly invitations: InvitationRepository,
    private readonly apiKeys: ApiKeyRepository,
    private readonly secrets: SecretBox,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  tenantBySlug(slug: string): Promise<Tenant | null> {
    return this.transactions.asSystem(null, () => this.tenants.findBySlug(slug));
  }

  provisionTenant(tenant: NewTenant): Promise<Tenant> {
    return this.transactions.asSystem(null, () => this.tenants.insert(tenant));
  }

  /** A company made by the system is confirmed when made (only registerOrganisation makes unconfirmed ones). */
  provisionOrganisation(
    organisation: Omit<NewOrganisation, 'loginMethod' | 'isMember' | 'confirmedAt'> & { loginMethod?: LoginMethod; isMember?: boolean },
  ): Promise<Organisation> {
    return this.transactions.asSystem(organisation.tenantId, () =>
      this.organisations.insert({ ...organisation, loginMethod: organisation.loginMethod ?? LoginMethod.PASSWORD, isMember: organisation.isMember ?? false, confirmedAt: this.clock.now() }),
    );
  }

  async provisionAccount(account: ProvisionedAccount): Promise<string> {
    const passwordHash = account.passwordHash ?? (await hashPassword(account.password ?? 'not a password anyone knows', this.config.PASSWORD_HASH_MEMORY_KIB));
    const now = this.clock.now();
    return this.transactions.asSystem(account.tenantId, async () => {
      const id = await this.accounts.insert({
        tenantId: account.tenantId,
        organisationId: account.organisationId ?? null,
        email: normaliseEmailAddress(account.email),
        firstName: account.firstName,
        lastName: account.lastName,
        phone: account.phone ?? null,
        jobTitle: account.jobTitle ?? null,
        preferredLanguage: account.preferredLanguage ?? 'en',
        passwordHash,
        status: account.status ?? UserStatus.ACTIVE,
        emailConfirmedAt: (account.status ?? UserStatus.ACTIVE) === UserStatus.PENDING_CONFIRMATION ? null : now,
        totpSecret: account.totpSecret ? this.secrets.seal(account.totpSecret) : null,
        totpEnrolledAt: account.totpSecret ? now : null,
      });
      await this.accounts.grantRoles(id, account.tenantId, account.roles, null);
      if (account.signatureImage) await this.accounts.setSignatureImage(id, account.signatureImage);
      return id;
    });
  }

  provisionInvitation(invitation: { tenantId: string; organisationId: string | null; email: string; roles: Role[]; invitedBy: string }): Promise<{ invitation: Invitation; token: string }> {
    const secret = issueSecret('inv', invitation.tenantId);
    return this.transactions.asSystem(invitation.tenantId, async () => ({
      invitation: await this.invitations.insert({ ...invitation, tokenHash: secret.hash, expiresAt: new Date(this.clock.now().getTime() + INVITATION_LIFETIME_MS) }),
      token: secret.token,
    }));
  }

  provisionApiKey(key: { tenantId: string; organisationId: string | null; name: string; createdBy: string }): Promise<{ apiKey: ApiKey; secret: string }> {
    const secret = issueSecret('key', key.tenantId);
    return this.transactions.asSystem(key.tenantId, async () => ({
      apiKey: await this.apiKeys.insert({
        ...key,
        scopes: [key.organisationId ? ApiKeyScope.ORGANISATION_ERP : ApiKeyScope.DATASHEET_FEED],
        keyHash: secret.hash,
      }),
      secret: secret.token,
    }));
  }
}
