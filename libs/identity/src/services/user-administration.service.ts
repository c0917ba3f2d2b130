import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { holdsRole, ORGANISATION_ROLES, Role, TENANT_STAFF_ROLES } from '@chancery/access';
import { AuditLog } from '@chancery/audit';
import { Actor, AppConfig, Clock, DAY_MS, DomainError, issueSecret, isUniqueViolation, parseSecret, PasswordHasher, RequestContext, TransactionRunner } from '@chancery/core';
import { Mailer } from '@chancery/notifications';
import {
  ACCOUNT_DISABLED, ACCOUNT_ENABLED, AccountDisabled, ORGANISATION_ROLES_TAKEN, ORGANISATION_ROLES_WITHDRAWN, OrganisationRolesTaken, OrganisationRolesWithdrawn, SECOND_FACTOR_REMOVED,
} from '../accounts/account-events';
import { INVITATION, SECOND_FACTOR_RESET } from '../email/identity-emails';
import { Invitation } from '../entities/invitation.entity';
import { Tenant } from '../entities/tenant.entity';
import { UserAccount, UserStatus } from '../entities/user-account.entity';
import { IdentityErrors } from '../identity.errors';
import {
  AcceptInvitationInput, AppointCompanyAdministratorInput, ChangeUserRolesInput, InviteUserInput, ResetCompanyAdministratorSecondFactorInput, TenantAdministratorInput,
} from '../inputs/identity.inputs';
import { assertAcceptablePassword } from '../password-policy';
import { AccountRepository, isActivationOfUnconfirmedCompany, ManagedScope } from '../repositories/account.repository';
import { ApiKeyRepository } from '../repositories/api-key.repository';
import { InvitationRepository } from '../repositories/invitation.repository';
import { RecoveryCodeRepository } from '../repositories/recovery-code.repository';
import { TenantRepository } from '../repositories/tenant.repository';
import { normaliseEmailAddress } from '../validation/email-address';

export const INVITATION_LIFETIME_MS = 7 * DAY_MS;

/** The roles that administer people: a company (and the tenant's staff) must always keep one. */
const ADMINISTRATOR_ROLES: readonly Role[] = [Role.ORG_ADMIN, Role.TENANT_ADMIN];

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

/** A company whose only administrator's second factor the tenant's administrator reset: who, and when. */
export interface CompanyAdministratorSecondFactorReset {
  organisationId: string;
  administratorId: string;
  resetAt: Date;
}

/** Administrators managing the people of their company or staff: invitations, roles, disabling. */
@Injectable()
export class UserAdministrationService {
  constructor(
    private readonly passwords: PasswordHasher,
    private readonly transactions: TransactionRunner,
    private readonly context: RequestContext,
    private readonly accounts: AccountRepository,
    private readonly invitations: InvitationRepository,
    private readonly apiKeys: ApiKeyRepository,
    private readonly tenants: TenantRepository,
    private readonly audit: AuditLog,
    private readonly mailer: Mailer,
    private readonly events: EventEmitter2,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly recoveryCodes: RecoveryCodeRepository,
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
    const scope = managedScopeOf(actor);
    const { tenantId, organisationId } = scope;
    const email = normaliseEmailAddress(input.email);
    return this.transactions.run(async () => {
      // Said at once to the administrator, who may see the company's people anyway: an account of
      // another company or another tenant is not revealed here (its acceptance fails instead).
      if (await this.accounts.existsInScope(scope, email)) {
        throw IdentityErrors.ADDRESS_ALREADY_IN_COMPANY('already has an account here', { field: 'input.email' });
      }
      if (await this.invitations.pendingExists(scope, email, this.clock.now())) {
        throw IdentityErrors.INVITATION_ALREADY_PENDING('already has a pending invitation; revoke it to send a new one', { field: 'input.email' });
      }
      return this.sendInvitation({ tenantId, organisationId, email, roles: input.roles, invitedBy: actor.id! });
    });
  }

  /**
   * Invites the first administrator of a tenant the platform operator is opening, in the transaction
   * that creates it (already in the new tenant's scope): an invitation with the role TENANT_ADMIN, sent
   * by the operator, and its e-mail in the administrator's language. No account exists until they
   * accept it with a password of their own; they then enrol a second factor at their first login.
   */
  async inviteFirstTenantAdministrator(tenant: Tenant, administrator: TenantAdministratorInput): Promise<Invitation> {
    const operator = this.context.actor;
    if (!operator.id) throw new Error('a tenant is opened by a person');
    return this.sendInvitation({
      tenantId: tenant.id,
      organisationId: null,
      email: normaliseEmailAddress(administrator.email),
      roles: [Role.TENANT_ADMIN],
      invitedBy: operator.id,
      tenant,
      language: administrator.preferredLanguage,
      inviteeName: `${administrator.firstName} ${administrator.lastName}`,
    });
  }

  /**
   * In the operator's unit in `tenant`'s scope (TenantDirectoryService.inviteAdministrator): refused
   * while the tenant has an active administrator, or when the address already has a staff account;
   * otherwise the pending administrator invitations are revoked and a new one is sent, from the
   * operator, as when the tenant was opened.
   */
  async inviteTenantAdministratorAgain(tenant: Tenant, administrator: TenantAdministratorInput): Promise<{ invitation: Invitation; revoked: number }> {
    const scope: ManagedScope = { tenantId: tenant.id, organisationId: null };
    // Serialised with the tenant's own changes of its administrators and with a second operator's call.
    await this.accounts.lockAdministration(scope);
    if ((await this.accounts.countActiveHolders(scope, Role.TENANT_ADMIN, [])) > 0) {
      throw IdentityErrors.TENANT_HAS_ADMINISTRATOR('The tenant has an active administrator: they invite its staff', { field: 'input.tenantId' });
    }
    if (await this.accounts.existsInScope(scope, normaliseEmailAddress(administrator.email))) {
      throw IdentityErrors.ADDRESS_ALREADY_IN_COMPANY('already has an account among the tenant’s staff', { field: 'input.administrator.email' });
    }
    const reason = 'administrator invited again by the platform operator';
    const revoked = await this.invitations.revokePendingGranting(scope, Role.TENANT_ADMIN, reason, this.clock.now());
    for (const id of revoked) await this.audit.record({ action: 'identity.invitation.revoked', subjectType: 'Invitation', subjectId: id, details: { reason } });
    return { invitation: await this.inviteFirstTenantAdministrator(tenant, administrator), revoked: revoked.length };
  }

  /** The invitation, its e-mail with the one-time link, and the audit entry (in the invitation's tenant). */
  private async sendInvitation(invite: {
    tenantId: string;
    organisationId: string | null;
    email: string;
    roles: Role[];
    invitedBy: string;
    tenant?: Tenant;
    language?: string;
    inviteeName?: string;
  }): Promise<Invitation> {
    const { tenantId, organisationId, email, roles } = invite;
    const secret = issueSecret('inv', tenantId);
    const invitation = await this.invitations.insert({
      tenantId,
      organisationId,
      email,
      roles,
      tokenHash: secret.hash,
      invitedBy: invite.invitedBy,
      expiresAt: new Date(this.clock.now().getTime() + INVITATION_LIFETIME_MS),
    });
    const tenant = invite.tenant ?? (await this.tenants.findById(tenantId));
    await this.mailer.queue(INVITATION, {
      tenantId,
      to: email,
      language: invite.language ?? tenant?.languages[0],
      values: {
        tenantName: tenant?.name ?? 'Chancery',
        link: this.config.portalLink('/accept-invitation', secret.token),
        ...(invite.inviteeName ? { inviteeName: invite.inviteeName, firstAdministrator: true } : {}),
      },
    });
    await this.audit.record({ action: 'identity.invitation.created', subjectType: 'Invitation', subjectId: invitation.id, details: { roles: roles.join(',') }, tenantId });
    return invitation;
  }

  /** Pending invitations of what the actor administers (the company, or the tenant's staff). */
  listPendingInvitations(): Promise<Invitation[]> {
    const scope = managedScopeOf(this.context.actor);
    return this.transactions.run(() => this.invitations.listPending(scope, this.clock.now()));
  }

  /** Revokes a pending invitation: its link stops working. Another scope's (or a missing) id is "not found". */
  async revokeInvitation(id: string): Promise<Invitation> {
    const scope = managedScopeOf(this.context.actor);
    return this.transactions.run(async () => {
      const revoked = await this.invitations.revoke(id, scope, 'revoked by an administrator', this.clock.now());
      if (!revoked) throw IdentityErrors.INVITATION_NOT_FOUND('Invitation not found, or no longer pending');
      await this.audit.record({ action: 'identity.invitation.revoked', subjectType: 'Invitation', subjectId: id });
      return revoked;
    });
  }

  /** Creates the invited person's account with the invitation's roles; the invitation works once. */
  async acceptInvitation(input: AcceptInvitationInput): Promise<boolean> {
    const parsed = parseSecret(input.token, 'inv');
    if (!parsed?.tenantId) throw IdentityErrors.INVITATION_INVALID('Invalid or expired invitation');
    const tenantId = parsed.tenantId;
    // Checked and hashed before the transaction: argon2 must not hold a connection.
    assertAcceptablePassword(input.password, 'input.password');
    const passwordHash = await this.passwords.hash(input.password);
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
        if (invitation.organisationId) {
          await this.events.emitAsync(ORGANISATION_ROLES_TAKEN, {
            userId, tenantId, organisationId: invitation.organisationId, roles: invitation.roles,
            acknowledgedNoticeVersion: input.acknowledgedContactDisclosureNotice ?? null, field: 'input.acknowledgedContactDisclosureNotice',
          } satisfies OrganisationRolesTaken);
        }
        await this.audit.record({ action: 'identity.invitation.accepted', subjectType: 'User', subjectId: userId, details: { invitation: invitation.id }, tenantId });
      } catch (error) {
        if (isUniqueViolation(error, 'user_account_email_per_tenant')) {
          throw IdentityErrors.ACCOUNT_ALREADY_EXISTS('an account with this e-mail address already exists', { field: 'input.token' });
        }
        // An invitation into a company whose registration is not confirmed yet (issued before it was
        // hidden, or provisioned): no account of it becomes active but its registrant's, and until then
        // the company does not exist for anyone else: answered as an unknown link, nothing written.
        if (isActivationOfUnconfirmedCompany(error)) throw IdentityErrors.INVITATION_INVALID('Invalid or expired invitation');
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
      const withdrawn = input.withdraw.filter((role) => (user.roles ?? []).includes(role) && !input.grant.includes(role));
      await this.keepAnAdministrator(user, withdrawn);
      await this.accounts.grantRoles(user.id, user.tenantId, input.grant, this.context.actor.id ?? null);
      const taken = input.grant.filter((role) => !(user.roles ?? []).includes(role));
      if (user.organisationId && user.tenantId && taken.length > 0) {
        await this.events.emitAsync(ORGANISATION_ROLES_TAKEN, {
          userId: user.id, tenantId: user.tenantId, organisationId: user.organisationId, roles: taken, acknowledgedNoticeVersion: null, field: 'input.grant',
        } satisfies OrganisationRolesTaken);
      }
      for (const role of input.grant) await this.audit.record({ action: 'identity.role.granted', subjectType: 'User', subjectId: user.id, details: { role } });
      await this.accounts.withdrawRoles(user.id, withdrawn);
      for (const role of withdrawn) await this.audit.record({ action: 'identity.role.withdrawn', subjectType: 'User', subjectId: user.id, details: { role } });
      if (user.organisationId && user.tenantId && withdrawn.length > 0) {
        const remaining = [...new Set([...(user.roles ?? []).filter((role) => !withdrawn.includes(role)), ...input.grant])];
        await this.events.emitAsync(ORGANISATION_ROLES_WITHDRAWN, {
          userId: user.id, tenantId: user.tenantId, organisationId: user.organisationId, withdrawn, remaining,
        } satisfies OrganisationRolesWithdrawn);
      }
      // The role that allowed the person to invite is gone: so are the invitations they sent with it.
      if (withdrawn.some((role) => ADMINISTRATOR_ROLES.includes(role))) await this.revokeInvitationsSentBy(user.id, 'inviter lost the role to grant');
      // Roles are read from the database on every request, so a withdrawal takes effect at the next
      // one while the user's other roles keep working; the session itself stays valid.
      return this.loadManaged(user.id);
    });
  }

  /**
   * A company left without an active administrator (its only one objected to the contact disclosure,
   * was erased or left) can no longer invite, name a datasheet contact or manage its users, and has no
   * one to ask: the tenant's administrator, having checked who asks, makes one of its active users its
   * administrator. Only then: while the company has one, that one grants the role (COMPANY_HAS_ADMINISTRATOR).
   * In a certification body's space the person must have acknowledged the contact-disclosure notice.
   */
  async appointCompanyAdministrator(input: AppointCompanyAdministratorInput): Promise<UserAccount> {
    const actor = this.context.actor;
    if (!actor.tenantId) throw IdentityErrors.USER_NOT_FOUND('User not found', { field: 'input.email' });
    return this.transactions.run(async () => {
      // Staff, and the registrant of a company not confirmed yet, are found as an address nobody has.
      const found = await this.accounts.findCompanyUserByEmail(actor.tenantId!, normaliseEmailAddress(input.email));
      if (!found?.organisationId) throw IdentityErrors.USER_NOT_FOUND('No user of a company of yours has this address', { field: 'input.email' });
      const scope: ManagedScope = { tenantId: actor.tenantId!, organisationId: found.organisationId };
      await this.accounts.lockAdministration(scope);
      if ((await this.accounts.countActiveHolders(scope, Role.ORG_ADMIN, [])) > 0) {
        throw IdentityErrors.COMPANY_HAS_ADMINISTRATOR('The company has an active administrator: they grant its roles', { field: 'input.email' });
      }
      if (found.status !== UserStatus.ACTIVE) throw IdentityErrors.ACCOUNT_NOT_ACTIVE('The account is not active', { field: 'input.email', details: { status: found.status } });
      await this.accounts.grantRoles(found.id, scope.tenantId, [Role.ORG_ADMIN], actor.id ?? null);
      await this.events.emitAsync(ORGANISATION_ROLES_TAKEN, {
        userId: found.id, tenantId: scope.tenantId, organisationId: found.organisationId, roles: [Role.ORG_ADMIN], acknowledgedNoticeVersion: null, field: 'input.email',
      } satisfies OrganisationRolesTaken);
      await this.audit.record({ action: 'identity.role.granted', subjectType: 'User', subjectId: found.id, details: { role: Role.ORG_ADMIN, appointedByTenant: true } });
      return (await this.accounts.findManaged(found.id, scope))!;
    });
  }

  /** Disables an account: its sessions end and its access tokens stop at the next request. */
  async disable(userId: string): Promise<UserAccount> {
    if (userId === this.context.actor.id) throw IdentityErrors.CANNOT_DISABLE_SELF('you cannot disable your own account', { field: 'userId' });
    return this.transactions.run(async () => {
      const user = await this.loadManaged(userId);
      await this.keepAnAdministrator(user, user.status === UserStatus.ACTIVE ? (user.roles ?? []) : []);
      await this.accounts.disable(user.id, this.clock.now());
      await this.events.emitAsync(ACCOUNT_DISABLED, { userId: user.id, tenantId: user.tenantId } satisfies AccountDisabled);
      await this.audit.record({ action: 'identity.user.disabled', subjectType: 'User', subjectId: user.id });
      await this.revokeInvitationsSentBy(user.id, 'inviter disabled');
      // Decided in docs/decisions.md: a key answers for the person who made it, and ends with their account.
      const keys = await this.apiKeys.revokeCreatedBy(user.id, this.clock.now());
      for (const key of keys) await this.audit.record({ action: 'identity.apiKey.revoked', subjectType: 'ApiKey', subjectId: key, details: { reason: 'creator disabled' } });
      return this.loadManaged(user.id);
    });
  }

  /** A disabled account active again, with its roles; its old sessions and tokens stay ended, it logs in anew. */
  async enable(userId: string): Promise<UserAccount> {
    return this.transactions.run(async () => {
      const user = await this.loadManaged(userId);
      if (!(await this.accounts.enable(user.id))) throw IdentityErrors.USER_NOT_DISABLED('the account is not disabled', { field: 'userId' });
      await this.events.emitAsync(ACCOUNT_ENABLED, { userId: user.id, tenantId: user.tenantId } satisfies AccountDisabled);
      await this.audit.record({ action: 'identity.user.enabled', subjectType: 'User', subjectId: user.id });
      return this.loadManaged(user.id);
    });
  }

  /**
   * Removes a user's second factor (a lost phone), recovery codes included: their sessions end and they
   * enrol again at the next login. Not one's own: another administrator checks who is asking.
   */
  async resetSecondFactor(userId: string): Promise<UserAccount> {
    if (userId === this.context.actor.id) throw IdentityErrors.CANNOT_RESET_OWN_SECOND_FACTOR('ask another administrator to reset your second factor', { field: 'userId' });
    return this.transactions.run(async () => {
      const user = await this.loadManaged(userId);
      if (!user.totpEnrolledAt) throw IdentityErrors.SECOND_FACTOR_NOT_ENROLLED('the user has no second factor', { field: 'userId' });
      await this.accounts.removeSecondFactor(user.id);
      await this.recoveryCodes.deleteAllOf(user.id);
      await this.events.emitAsync(SECOND_FACTOR_REMOVED, { userId: user.id, tenantId: user.tenantId } satisfies AccountDisabled);
      await this.audit.record({ action: 'identity.secondFactor.reset', subjectType: 'User', subjectId: user.id });
      // In the same unit of work: the notice leaves only if the reset stands.
      await this.mailer.queue(SECOND_FACTOR_RESET, { tenantId: user.tenantId, to: user.email, language: user.preferredLanguage, values: { at: this.clock.now().toISOString() } });
      return this.loadManaged(user.id);
    });
  }

  /**
   * The platform operator removes the second factor of a tenant's only active administrator, who lost
   * phone and recovery codes (review F11): nobody else could, the tenant's administrators reset each
   * other's. The operator checked the person out of band under a support `reference`, kept in the
   * tenant's own audit log with the operator as actor; the administrator is told by e-mail, their
   * sessions end, and they set up a new authenticator at their next login (their password still
   * needed). Refused while another active administrator exists: they reset it. In the tenant's unit.
   */
  async resetOnlyAdministratorSecondFactor(tenant: Tenant, email: string, reference: string): Promise<UserAccount> {
    return this.resetOnlyAdministratorOf({ tenantId: tenant.id, organisationId: null }, Role.TENANT_ADMIN, email, {
      reference,
      action: 'identity.secondFactor.resetByOperator',
      notAdministrator: () => IdentityErrors.NOT_TENANT_ADMINISTRATOR('is not the address of an active administrator of the tenant', { field: 'input.email' }),
      otherAdministrator: () =>
        IdentityErrors.TENANT_HAS_OTHER_ADMINISTRATOR('the tenant has another active administrator: they reset the second factor (resetSecondFactor)', { field: 'input.email' }),
    });
  }

  /**
   * The same one level down (review F13): the tenant's administrator removes the second factor of a
   * company's only active administrator, who lost phone and recovery codes; the company's other users
   * cannot, and the tenant's administrators otherwise manage their staff only. The tenant's administrator
   * called the person back on the company's number on record, under a support `reference` kept in the
   * tenant's audit log. Refused while the company has another active administrator: they reset it. An
   * address that is not an active administrator of that company, or a company not of the tenant, is
   * NOT_FOUND alike, so nothing is learnt of other companies' people or other tenants' companies.
   */
  async resetOnlyCompanyAdministratorSecondFactor(input: ResetCompanyAdministratorSecondFactorInput): Promise<CompanyAdministratorSecondFactorReset> {
    const notAdministrator = () =>
      IdentityErrors.NOT_COMPANY_ADMINISTRATOR('is not the address of an active administrator of this company', { field: 'input.email' });
    const tenantId = this.context.actor.tenantId;
    if (!tenantId) throw notAdministrator();
    const administrator = await this.transactions.run(() =>
      this.resetOnlyAdministratorOf({ tenantId, organisationId: input.organisationId }, Role.ORG_ADMIN, input.email, {
        reference: input.reference,
        action: 'identity.secondFactor.resetByTenant',
        notAdministrator,
        otherAdministrator: () =>
          IdentityErrors.COMPANY_HAS_OTHER_ADMINISTRATOR('the company has another active administrator: they reset the second factor (resetSecondFactor)', { field: 'input.email' }),
      }),
    );
    return { organisationId: administrator.organisationId!, administratorId: administrator.id, resetAt: this.clock.now() };
  }

  /**
   * Removes the second factor of the only active holder of an administrator role in a scope (a tenant's
   * staff, or a company), in the caller's unit of work: recovery codes go too, the sessions end, the
   * person is e-mailed, and the support reference stands in the tenant's audit log (the actor: who did it).
   */
  private async resetOnlyAdministratorOf(
    scope: ManagedScope,
    role: Role,
    email: string,
    how: { reference: string; action: 'identity.secondFactor.resetByOperator' | 'identity.secondFactor.resetByTenant'; notAdministrator: () => DomainError; otherAdministrator: () => DomainError },
  ): Promise<UserAccount> {
    // Serialised with the scope's own changes of its administrators.
    await this.accounts.lockAdministration(scope);
    const administrators = await this.accounts.activeHolders(scope, role);
    const target = administrators.find((admin) => admin.email === normaliseEmailAddress(email));
    if (!target) throw how.notAdministrator();
    if (administrators.length > 1) throw how.otherAdministrator();
    const user = (await this.accounts.findManaged(target.id, scope))!;
    if (!user.totpEnrolledAt) throw IdentityErrors.SECOND_FACTOR_NOT_ENROLLED('the administrator has no second factor', { field: 'input.email' });
    await this.accounts.removeSecondFactor(user.id);
    await this.recoveryCodes.deleteAllOf(user.id);
    await this.events.emitAsync(SECOND_FACTOR_REMOVED, { userId: user.id, tenantId: user.tenantId } satisfies AccountDisabled);
    const { action, reference } = how;
    await this.audit.record({ action, subjectType: 'User', subjectId: user.id, tenantId: scope.tenantId, details: { reference } });
    await this.mailer.queue(SECOND_FACTOR_RESET, { tenantId: scope.tenantId, to: user.email, language: user.preferredLanguage, values: { at: this.clock.now().toISOString() } });
    return (await this.accounts.findManaged(user.id, scope))!;
  }

  /**
   * Refuses a change that would leave the user's company (or the tenant's staff) without an active
   * administrator: nobody could give the role back. The lock makes two simultaneous changes wait
   * for each other, so they cannot both see the other admin still there.
   */
  private async keepAnAdministrator(user: UserAccount, rolesLost: readonly Role[]): Promise<void> {
    const lost = rolesLost.filter((role) => ADMINISTRATOR_ROLES.includes(role));
    if (lost.length === 0 || !user.tenantId) return;
    const scope: ManagedScope = { tenantId: user.tenantId, organisationId: user.organisationId };
    await this.accounts.lockAdministration(scope);
    for (const role of lost) {
      if ((await this.accounts.countActiveHolders(scope, role, [user.id])) === 0) {
        throw IdentityErrors.LAST_ADMINISTRATOR(`the ${role} role cannot be removed from the only active administrator; make someone else ${role} first`, {
          field: 'userId',
          details: { role },
        });
      }
    }
  }

  private async revokeInvitationsSentBy(userId: string, reason: string): Promise<void> {
    const revoked = await this.invitations.revokeSentBy(userId, reason, this.clock.now());
    for (const id of revoked) await this.audit.record({ action: 'identity.invitation.revoked', subjectType: 'Invitation', subjectId: id, details: { reason } });
  }

  private async loadManaged(userId: string): Promise<UserAccount> {
    const user = await this.accounts.findManaged(userId, managedScopeOf(this.context.actor));
    if (!user) throw IdentityErrors.USER_NOT_FOUND('User not found');
    return user;
  }
}
