import { Injectable } from '@nestjs/common';
import { Role } from '@chancery/access';
import { GenerateSql, selectColumns, Sql, SQL_EXAMPLE, toEntity } from '@chancery/core';
import { Invitation } from '../entities/invitation.entity';

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
}
