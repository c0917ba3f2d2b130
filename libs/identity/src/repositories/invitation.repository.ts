import { Injectable } from '@nestjs/common';
import { Role } from '@chancery/access';
import { GenerateSql, selectColumns, Sql, SQL_EXAMPLE, toEntity } from '@chancery/core';
import { Invitation } from '../entities/invitation.entity';
import type { ManagedScope } from './account.repository';

const INVITATION = selectColumns(Invitation, 'i', { except: ['tokenHash'] });

export type NewInvitation = Pick<Invitation, 'tenantId' | 'organisationId' | 'email' | 'roles' | 'tokenHash' | 'invitedBy' | 'expiresAt'>;

/** What accepting an invitation hands over to create the account. */
export interface AcceptedInvitation {
  id: string;
  organisationId: string | null;
  email: string;
  roles: Role[];
  invitedBy: string;
}

/** The `invitation` table: single-use, expiring invitations with the roles they grant. */
@Injectable()
export class InvitationRepository {
  constructor(private readonly sql: Sql) {}

  @GenerateSql({ params: [{ tenantId: SQL_EXAMPLE.tenantId, organisationId: SQL_EXAMPLE.organisationId, email: 'new@example.test', roles: ['ORG_MEMBER'], tokenHash: SQL_EXAMPLE.hash, invitedBy: SQL_EXAMPLE.userId, expiresAt: SQL_EXAMPLE.at }] })
  async insert(invitation: NewInvitation): Promise<Invitation> {
    const [row] = await this.sql.query(
      `INSERT INTO invitation AS i (tenant_id, organisation_id, email, roles, token_hash, invited_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${INVITATION}`,
      [invitation.tenantId, invitation.organisationId, invitation.email, invitation.roles, invitation.tokenHash, invitation.invitedBy, invitation.expiresAt],
    );
    return toEntity(Invitation, row!);
  }

  /** Marks the invitation accepted if it is usable now; the UPDATE is the check, so it works once. */
  @GenerateSql({ params: [SQL_EXAMPLE.hash, SQL_EXAMPLE.at] })
  async accept(tokenHash: Buffer, now: Date): Promise<AcceptedInvitation | null> {
    const [row] = await this.sql.query<AcceptedInvitation>(
      `UPDATE invitation i SET accepted_at = $2
        WHERE i.token_hash = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > $2
       RETURNING i.id, i.organisation_id AS "organisationId", i.email, i.roles, i.invited_by AS "invitedBy"`,
      [tokenHash, now],
    );
    return row ?? null;
  }

  /** Invitations of the scope not yet accepted, revoked or expired, newest first. */
  @GenerateSql({ params: [{ tenantId: SQL_EXAMPLE.tenantId, organisationId: SQL_EXAMPLE.organisationId }, SQL_EXAMPLE.at] })
  async listPending(scope: ManagedScope, now: Date): Promise<Invitation[]> {
    const rows = await this.sql.query(
      `SELECT ${INVITATION} FROM invitation i
        WHERE i.tenant_id = $1 AND i.organisation_id IS NOT DISTINCT FROM $2::uuid
          AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > $3
        ORDER BY i.created_at DESC, i.id`,
      [scope.tenantId, scope.organisationId, now],
    );
    return rows.map((row) => toEntity(Invitation, row));
  }

  /** Whether the scope has a pending invitation for this address. */
  @GenerateSql({ params: [{ tenantId: SQL_EXAMPLE.tenantId, organisationId: SQL_EXAMPLE.organisationId }, 'new@example.test', SQL_EXAMPLE.at] })
  async pendingExists(scope: ManagedScope, email: string, now: Date): Promise<boolean> {
    const rows = await this.sql.query(
      `SELECT 1 FROM invitation i
        WHERE i.tenant_id = $1 AND i.organisation_id IS NOT DISTINCT FROM $2::uuid AND i.email = $3
          AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > $4`,
      [scope.tenantId, scope.organisationId, email, now],
    );
    return rows.length > 0;
  }

  /** Revokes one pending invitation of the scope; null when there is none with this id (or it is no longer pending). */
  @GenerateSql({ params: [SQL_EXAMPLE.id, { tenantId: SQL_EXAMPLE.tenantId, organisationId: null }, 'revoked by an administrator', SQL_EXAMPLE.at] })
  async revoke(id: string, scope: ManagedScope, reason: string, at: Date): Promise<Invitation | null> {
    const [row] = await this.sql.query(
      `UPDATE invitation i SET revoked_at = $4, revoked_reason = $3
        WHERE i.id = $5 AND i.tenant_id = $1 AND i.organisation_id IS NOT DISTINCT FROM $2::uuid AND i.accepted_at IS NULL AND i.revoked_at IS NULL
       RETURNING ${INVITATION}`,
      [scope.tenantId, scope.organisationId, reason, at, id],
    );
    return row ? toEntity(Invitation, row) : null;
  }

  /** Revokes the scope's pending invitations that grant `role` (the operator invites a tenant's administrator again); returns their ids. */
  @GenerateSql({ params: [{ tenantId: SQL_EXAMPLE.tenantId, organisationId: null }, 'TENANT_ADMIN', 'administrator invited again', SQL_EXAMPLE.at] })
  async revokePendingGranting(scope: ManagedScope, role: Role, reason: string, at: Date): Promise<string[]> {
    const rows = await this.sql.query<{ id: string }>(
      `UPDATE invitation i SET revoked_at = $4, revoked_reason = $3
        WHERE i.tenant_id = $1 AND i.organisation_id IS NOT DISTINCT FROM $2::uuid AND $5 = ANY(i.roles) AND i.accepted_at IS NULL AND i.revoked_at IS NULL
       RETURNING i.id`,
      [scope.tenantId, scope.organisationId, reason, at, role],
    );
    return rows.map((row) => row.id);
  }

  /** Revokes every pending invitation the person sent (they were disabled, or lost the role to grant); returns their ids. */
  @GenerateSql({ params: [SQL_EXAMPLE.userId, 'inviter disabled', SQL_EXAMPLE.at] })
  async revokeSentBy(inviterId: string, reason: string, at: Date): Promise<string[]> {
    const rows = await this.sql.query<{ id: string }>(
      `UPDATE invitation i SET revoked_at = $3, revoked_reason = $2
        WHERE i.invited_by = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL RETURNING i.id`,
      [inviterId, reason, at],
    );
    return rows.map((row) => row.id);
  }
}
