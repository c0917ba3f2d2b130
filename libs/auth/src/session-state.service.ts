import { Injectable } from '@nestjs/common';
import { Actor, Clock, Role, scopeOf, TransactionRunner } from '@chancery/core';
import { secondFactorMissing } from './second-factor';

interface SessionStateRow {
  status: string;
  token_version: number;
  organisation_id: string | null;
  tenant_id: string | null;
  revoked_at: Date | null;
  absolute_expires_at: Date;
  stepped_up_at: Date | null;
  totp_enrolled_at: Date | null;
  login_method: string | null;
  roles: Role[];
}

/**
 * What a signature cannot know: is the account still active, the session still open, the token
 * version unchanged? Checked on every request, so disabling an account, withdrawing a role or
 * logging out takes effect at the next request, not at token expiry. Roles come from the database,
 * not from the token.
 */
@Injectable()
export class SessionStateService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async actorForAccessToken(claims: { userId: string; sessionId: string; tenantId?: string; tokenVersion: number }): Promise<Actor | null> {
    const rows: SessionStateRow[] = await this.transactions.run(
      (manager) =>
        manager.query(
          `SELECT u.status, u.token_version, u.organisation_id, u.tenant_id, u.totp_enrolled_at, o.login_method,
                  s.revoked_at, s.absolute_expires_at, s.stepped_up_at,
                  ARRAY(SELECT r.role FROM user_role r WHERE r.user_id = u.id ORDER BY r.role) AS roles
             FROM user_account u JOIN auth_session s ON s.user_id = u.id AND s.id = $2
             LEFT JOIN organisation o ON o.id = u.organisation_id
            WHERE u.id = $1`,
          [claims.userId, claims.sessionId],
        ),
      scopeOf(claims.tenantId),
    );
    const row = rows[0];
    const now = this.clock.now();
    if (
      !row ||
      row.status !== 'ACTIVE' ||
      row.token_version !== claims.tokenVersion ||
      row.revoked_at !== null ||
      row.absolute_expires_at <= now ||
      (row.tenant_id ?? undefined) !== claims.tenantId
    ) {
      return null;
    }
    return {
      kind: 'user',
      id: claims.userId,
      tenantId: row.tenant_id ?? undefined,
      organisationId: row.organisation_id ?? undefined,
      roles: row.roles,
      sessionId: claims.sessionId,
      steppedUpAt: row.stepped_up_at ?? undefined,
      secondFactorMissing: secondFactorMissing(row),
    };
  }
}
