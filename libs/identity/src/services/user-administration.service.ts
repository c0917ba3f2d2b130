import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { holdsRole, ORGANISATION_ROLES, Role, TENANT_STAFF_ROLES } from '@chancery/access';
import { AuditLog } from '@chancery/audit';
import { Actor, AppConfig, Clock, hashPassword, isUniqueViolation, issueSecret, parseSecret, RequestContext, TransactionRunner } from '@chancery/core';
import { Mailer } from '@chancery/notifications';
import { ACCOUNT_DISABLED, AccountDisabled } from '../accounts/account-events';
import { INVITATION } from '../email/identity-emails';
import { Invitation } from '../entities/invitation.entity';
import { UserAccount, UserStatus } from '../entities/user-account.entity';
import { IdentityErrors } from '../identity.errors';
import { AcceptInvitationInput, ChangeUserRolesInput, InviteUserInput } from '../inputs/identity.inputs';
import { assertAcceptablePassword } from '../password-policy';
import { AccountRepository, ManagedScope } from '../repositories/account.repository';
import { InvitationRepository } from '../repositories/invitation.repository';
import { TenantRepository } from '../repositories/tenant.repository';

export const INVITATION_LIFETIME_MS = 7 * 24 * 3600_000;

/**
 * Which roles an actor may hand out, and to whom: an organisation's admin grants organisation
 * roles within the company; a tenant's admin grants staff roles within the tenant. No one grants
 * a role outside their own kind, so no one grants more than they hold.
 */
export function grantableRoles(actor: Actor): readonly Role[] {
  if (holdsRole(actor.roles, Role.TENANT_ADMIN)) return TENANT_STAFF_ROLES;
  if (holdsRole(actor.roles, Role.ORG_ADMIN)) return ORGANISATION_ROLES;
  return [];
}

/** Whose accounts the actor administers: the tenant's staff for its admin, the company's users for theirs. */
export function managedScopeOf(actor: Actor): ManagedScope {
  if (!actor.tenantId) throw IdentityErrors.USER_NOT_FOUND('User not found');
  return holdsRole(actor.roles, Role.TENANT_ADMIN)
    ? { tenantId: actor.tenantId, organisationId: null }
    : { tenantId: actor.tenantId, organisationId: actor.organisationId ?? '00000000-0000-0000-0000-000000000000' };
}

/** Administrators managing the people of their company or staff: invitations, roles, disabling. */
@Injectable()
export class UserAdministrationService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly context: RequestContext,
    private readonly accounts: AccountRepository,
    private readonly invitations: InvitationRepository,
    private readonly tenants: TenantRepository,
    private readonly audit: AuditLog,
    private readonly mailer: Mailer,
    private readonly events: EventEmitter2,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** Users the actor administers: the company's users for its admin, the tenant's staff for the tenant's admin. */
  listManagedUsers(): Promise<UserAccount[]> {
    const scope = managedScopeOf(this.context.actor);
    return this.transactions.run(() => this.accounts.listManaged(scope));
  }

  /** One user the actor administers; another tenant's or company's user is "not found", like a missing id. */
  findManagedUser(userId: string): Promise<UserAccount> {
    return this.transactions.run(() => this.loadManaged(userId));
  }

  async invite(input: InviteUserInput): Promise<Invitation> {
    const actor = this.context.actor;
    const grantable = grantableRoles(actor);
    const refused = input.roles.find((role) => !grantable.includes(role));
    if (refused) throw IdentityErrors.ROLE_NOT_GRANTABLE(`You cannot grant the role ${refused}`, { field: 'input.roles' });
    const { tenantId, organisationId } = managedScopeOf(actor);
    const secret = issueSecret('inv', tenantId);
    const email = input.email.toLowerCase();
    return this.transactions.run(async () => {
      const invitation = await this.invitations.insert({
        tenantId,
        organisationId,
        email,
        roles: input.roles,
        tokenHash: secret.hash,
        invitedBy: actor.id!,
        expiresAt: new Date(this.clock.now().getTime() + INVITATION_LIFETIME_MS),
      });
      const tenant = await this.tenants.findById(tenantId);
      await this.mailer.queue(INVITATION, {
        tenantId,
        to: email,
        language: tenant?.languages[0],
        values: { tenantName: tenant?.name ?? 'Chancery', link: `${this.config.PUBLIC_BASE_URL}/accept-invitation?token=${secret.token}` },
      });
      await this.audit.record({ action: 'identity.invitation.created', subjectType: 'Invitation', subjectId: invitation.id, details: { roles: input.roles.join(',') } });
      return invitation;
    });
  }

  /** Creates the invited person's account with the invitation's roles; the invitation works once. */
  async acceptInvitation(input: AcceptInvitationInput): Promise<boolean> {
    const parsed = parseSecret(input.token, 'inv');
    if (!parsed?.tenantId) throw IdentityErrors.INVITATION_INVALID('Invalid or expired invitation');
    const tenantId = parsed.tenantId;
    // Checked and hashed before the transaction: argon2 must not hold a connection.
    assertAcceptablePassword(input.password, 'input.password');
    const passwordHash = await hashPassword(input.password);
    const accepted = await this.transactions.forSecretHolder(parsed, async () => {
      const now = this.clock.now();
      const invitation = await this.invitations.accept(parsed.hash, now);
      if (!invitation) return false;
      assertAcceptablePassword(input.password, 'input.password', invitation.email);
      try {
        const userId = await this.accounts.insert({
          tenantId, organisationId: invitation.organisationId, email: invitation.email, firstName: input.firstName, lastName: input.lastName,
          phone: input.phone ?? null, jobTitle: input.jobTitle ?? null, preferredLanguage: input.preferredLanguage, passwordHash,
          status: UserStatus.ACTIVE, emailConfirmedAt: now,
        });
        await this.accounts.grantRoles(userId, tenantId, invitation.roles, invitation.invitedBy);
        await this.audit.record({ action: 'identity.invitation.accepted', subjectType: 'User', subjectId: userId, details: { invitation: invitation.id }, tenantId });
      } catch (error) {
        if (isUniqueViolation(error, 'user_account_email_per_tenant')) {
          throw IdentityErrors.ACCOUNT_ALREADY_EXISTS('an account with this e-mail address already exists', { field: 'input.token' });
        }
        throw error;
      }
      return true;
    });
    if (!accepted) throw IdentityErrors.INVITATION_INVALID('Invalid or expired invitation');
    return true;
  }

  /** Grants and withdraws roles; a withdrawal takes effect at the user's next request. */
  async changeRoles(input: ChangeUserRolesInput): Promise<UserAccount> {
    const grantable = grantableRoles(this.context.actor);
    const refused = [...input.grant, ...input.withdraw].find((role) => !grantable.includes(role));
    if (refused) throw IdentityErrors.ROLE_NOT_GRANTABLE(`You cannot change the role ${refused}`, { field: 'input.roles' });
    return this.transactions.run(async () => {
      const user = await this.loadManaged(input.userId);
      await this.accounts.grantRoles(user.id, user.tenantId, input.grant, this.context.actor.id ?? null);
      for (const role of input.grant) await this.audit.record({ action: 'identity.role.granted', subjectType: 'User', subjectId: user.id, details: { role } });
      await this.accounts.withdrawRoles(user.id, input.withdraw);
      for (const role of input.withdraw) await this.audit.record({ action: 'identity.role.withdrawn', subjectType: 'User', subjectId: user.id, details: { role } });
      // Roles are read from the database on every request, so a withdrawal takes effect at the next
      // one while the user's other roles keep working; the session itself stays valid.
      return this.loadManaged(user.id);
    });
  }

  /** Disables an account: its sessions end and its access tokens stop at the next request. */
  async disable(userId: string): Promise<UserAccount> {
    if (userId === this.context.actor.id) throw IdentityErrors.CANNOT_DISABLE_SELF('you cannot disable your own account', { field: 'userId' });
    return this.transactions.run(async () => {
      const user = await this.loadManaged(userId);
      await this.accounts.disable(user.id);
      await this.events.emitAsync(ACCOUNT_DISABLED, { userId: user.id, tenantId: user.tenantId } satisfies AccountDisabled);
      await this.audit.record({ action: 'identity.user.disabled', subjectType: 'User', subjectId: user.id });
      return this.loadManaged(user.id);
    });
  }

  private async loadManaged(userId: string): Promise<UserAccount> {
    const user = await this.accounts.findManaged(userId, managedScopeOf(this.context.actor));
    if (!user) throw IdentityErrors.USER_NOT_FOUND('User not found');
    return user;
  }
}
