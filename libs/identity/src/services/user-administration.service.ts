import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AuditLog } from '@chancery/audit';
import { assertAcceptablePassword, hashPassword } from '@chancery/auth/password-policy';
import { issueSecret, parseSecret } from '@chancery/auth/secret-token';
import {
  Actor,
  AppConfig,
  BadUserInputError,
  Clock,
  ForbiddenError,
  hasRole,
  NotFoundError,
  ORGANISATION_ROLES,
  personIdOf,
  Outbox,
  RequestContext,
  Role,
  TENANT_STAFF_ROLES,
  TransactionRunner,
  UnauthenticatedError,
} from '@chancery/core';
import { Invitation } from '../entities/invitation.entity';
import { UserAccount } from '../entities/user-account.entity';
import { AcceptInvitationInput, ChangeUserRolesInput, InviteUserInput } from '../inputs/identity.inputs';
import { isUniqueViolation } from './database-errors';

export const INVITATION_LIFETIME_MS = 7 * 24 * 3600_000;

/**
 * Which roles an actor may hand out, and to whom: an organisation's admin grants organisation
 * roles within the company; a tenant's admin grants staff roles within the tenant. No one grants
 * a role outside their own kind, so no one grants more than they hold.
 */
export function grantableRoles(actor: Actor): readonly Role[] {
  if (hasRole(actor, Role.TENANT_ADMIN)) return TENANT_STAFF_ROLES;
  if (hasRole(actor, Role.ORG_ADMIN)) return ORGANISATION_ROLES;
  return [];
}

@Injectable()
export class UserAdministrationService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly context: RequestContext,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  me(): Promise<UserAccount> {
    const id = personIdOf(this.context.actor);
    return this.transactions.run(async (manager) => {
      const user = await manager.findOne(UserAccount, { where: { id } });
      if (!user) throw new UnauthenticatedError();
      return this.withRoles(manager, user);
    });
  }

  /** Users the actor administers: the company's users for its admin, the tenant's staff for the tenant's admin. */
  listManagedUsers(): Promise<UserAccount[]> {
    return this.transactions.run(async (manager) => {
      const users = await manager.query(`SELECT id FROM user_account WHERE ${this.managedScopeSql()} ORDER BY last_name, first_name`, this.managedScopeParameters());
      const found = await manager.find(UserAccount, { where: { id: In((users as Array<{ id: string }>).map((u) => u.id)) }, order: { lastName: 'ASC', firstName: 'ASC' } });
      // One query for every user's roles: a transaction's connection runs one query at a time.
      const roles = (await manager.query(`SELECT user_id, role FROM user_role WHERE user_id = ANY($1) ORDER BY role`, [found.map((u) => u.id)])) as Array<{ user_id: string; role: Role }>;
      for (const user of found) user.roles = roles.filter((r) => r.user_id === user.id).map((r) => r.role);
      return found;
    });
  }

  /** One user the actor administers; another tenant's or company's user is "not found", like a missing id. */
  findManagedUser(userId: string): Promise<UserAccount> {
    return this.transactions.run(async (manager) => this.withRoles(manager, await this.loadManagedUser(manager, userId)));
  }

  async invite(input: InviteUserInput): Promise<Invitation> {
    const actor = this.context.actor;
    const grantable = grantableRoles(actor);
    const refused = input.roles.find((role) => !grantable.includes(role));
    if (refused) throw new ForbiddenError(`You cannot grant the role ${refused}`, 'input.roles');
    const secret = issueSecret('inv', actor.tenantId);
    const email = input.email.toLowerCase();
    return this.transactions.run(async (manager) => {
      const invitation = await manager.save(Invitation, manager.create(Invitation, {
        tenantId: actor.tenantId!,
        organisationId: hasRole(actor, Role.TENANT_ADMIN) ? null : actor.organisationId!,
        email,
        roles: input.roles,
        tokenHash: secret.hash,
        invitedBy: actor.id!,
        expiresAt: new Date(this.clock.now().getTime() + INVITATION_LIFETIME_MS),
        acceptedAt: null,
        revokedAt: null,
      }));
      await this.outbox.queueEmail({
        tenantId: actor.tenantId!,
        recipient: email,
        template: 'identity.invitation',
        subject: 'You are invited to Chancery',
        body: `Accept the invitation: ${this.config.PUBLIC_BASE_URL}/accept-invitation?token=${secret.token}`,
      });
      await this.audit.record({ action: 'identity.invitation.created', subjectType: 'Invitation', subjectId: invitation.id, details: { roles: input.roles.join(',') } });
      return invitation;
    });
  }

  /** Creates the invited person's account with the invitation's roles; the invitation works once. */
  async acceptInvitation(input: AcceptInvitationInput): Promise<boolean> {
    const parsed = parseSecret(input.token, 'inv');
    if (!parsed?.tenantId) throw new UnauthenticatedError('Invalid or expired invitation');
    const tenantId = parsed.tenantId;
    const invitationFound = await this.transactions.run(async (manager) => {
      const now = this.clock.now();
      const [rows] = (await manager.query(
        `UPDATE invitation SET accepted_at = $2 WHERE token_hash = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $2
         RETURNING id, organisation_id, email, roles, invited_by`,
        [parsed.hash, now],
      )) as [Array<{ id: string; organisation_id: string | null; email: string; roles: Role[]; invited_by: string }>, number];
      const invitation = rows[0];
      if (!invitation) return false;
      assertAcceptablePassword(input.password, 'input.password', invitation.email);
      const passwordHash = await hashPassword(input.password);
      try {
        const [user] = (await manager.query(
          `INSERT INTO user_account (tenant_id, organisation_id, email, first_name, last_name, phone, job_title, preferred_language, password_hash, status, email_confirmed_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'ACTIVE', $10) RETURNING id`,
          [tenantId, invitation.organisation_id, invitation.email, input.firstName, input.lastName, input.phone ?? null, input.jobTitle ?? null, input.preferredLanguage, passwordHash, now],
        )) as Array<{ id: string }>;
        for (const role of invitation.roles) {
          await manager.query(`INSERT INTO user_role (tenant_id, user_id, role, granted_by) VALUES ($1, $2, $3, $4)`, [tenantId, user!.id, role, invitation.invited_by]);
        }
        await this.audit.record({ action: 'identity.invitation.accepted', subjectType: 'User', subjectId: user!.id, details: { invitation: invitation.id }, tenantId });
      } catch (error) {
        if (isUniqueViolation(error)) throw BadUserInputError.field('input.token', 'an account with this e-mail address already exists', 'unique');
        throw error;
      }
      return true;
    }, { tenantId });
    if (!invitationFound) throw new UnauthenticatedError('Invalid or expired invitation');
    return true;
  }

  /** Grants and withdraws roles; a withdrawal takes effect at the user's next request. */
  async changeRoles(input: ChangeUserRolesInput): Promise<UserAccount> {
    const grantable = grantableRoles(this.context.actor);
    const refused = [...input.grant, ...input.withdraw].find((role) => !grantable.includes(role));
    if (refused) throw new ForbiddenError(`You cannot change the role ${refused}`, 'input.roles');
    return this.transactions.run(async (manager) => {
      const user = await this.loadManagedUser(manager, input.userId);
      const actor = this.context.actor;
      for (const role of input.grant) {
        await manager.query(`INSERT INTO user_role (tenant_id, user_id, role, granted_by) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [user.tenantId, user.id, role, actor.id]);
        await this.audit.record({ action: 'identity.role.granted', subjectType: 'User', subjectId: user.id, details: { role } });
      }
      for (const role of input.withdraw) {
        await manager.query(`DELETE FROM user_role WHERE user_id = $1 AND role = $2`, [user.id, role]);
        await this.audit.record({ action: 'identity.role.withdrawn', subjectType: 'User', subjectId: user.id, details: { role } });
      }
      // Roles are read from the database on every request, so a withdrawal takes effect at the next
      // one while the user's other roles keep working; the session itself stays valid.
      return this.withRoles(manager, user);
    });
  }

  /** Disables an account: its sessions end and its access tokens stop at the next request. */
  async disable(userId: string): Promise<UserAccount> {
    if (userId === this.context.actor.id) throw BadUserInputError.field('userId', 'you cannot disable your own account', 'self');
    return this.transactions.run(async (manager) => {
      const user = await this.loadManagedUser(manager, userId);
      const now = this.clock.now();
      await manager.query(`UPDATE user_account SET status = 'DISABLED', token_version = token_version + 1 WHERE id = $1`, [user.id]);
      await manager.query(`UPDATE auth_session SET revoked_at = $2, revoked_reason = 'account disabled' WHERE user_id = $1 AND revoked_at IS NULL`, [user.id, now]);
      await this.audit.record({ action: 'identity.user.disabled', subjectType: 'User', subjectId: user.id });
      user.status = 'DISABLED' as UserAccount['status'];
      return this.withRoles(manager, user);
    });
  }

  private managedScopeSql(): string {
    // The tenant is already enforced by row-level security and repeated here (two locks).
    return hasRole(this.context.actor, Role.TENANT_ADMIN)
      ? `tenant_id = $1 AND organisation_id IS NULL`
      : `tenant_id = $1 AND organisation_id = $2`;
  }

  private managedScopeParameters(): unknown[] {
    const { tenantId, organisationId } = this.context.actor;
    return hasRole(this.context.actor, Role.TENANT_ADMIN) ? [tenantId] : [tenantId, organisationId ?? null];
  }

  private async loadManagedUser(manager: EntityManager, userId: string): Promise<UserAccount> {
    const params = this.managedScopeParameters();
    const rows = (await manager.query(`SELECT id FROM user_account WHERE id = $${params.length + 1} AND ${this.managedScopeSql()}`, [...params, userId])) as Array<{ id: string }>;
    const user = rows[0] && (await manager.findOne(UserAccount, { where: { id: rows[0].id } }));
    if (!user) throw new NotFoundError('User');
    return user;
  }

  private async withRoles(manager: EntityManager, user: UserAccount): Promise<UserAccount> {
    const roles = (await manager.query(`SELECT role FROM user_role WHERE user_id = $1 ORDER BY role`, [user.id])) as Array<{ role: Role }>;
    user.roles = roles.map((r) => r.role);
    return user;
  }
}
