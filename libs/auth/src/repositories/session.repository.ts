import { Injectable } from '@nestjs/common';
import { GenerateSql, selectColumns, Sql, SQL_EXAMPLE, StepUpMethod, toEntity } from '@chancery/core';
import { AccountAccess, accountAccessColumns, accountAccessOf } from '@chancery/identity';
import { AuthSession } from '../entities/auth-session.entity';

const SESSION = selectColumns(AuthSession, 's');
const SESSIONS_LISTED = 50;

export interface NewSession {
  tenantId: string | null;
  userId: string;
  at: Date;
  absoluteExpiresAt: Date;
  steppedUp: { at: Date; with: StepUpMethod } | null;
  ipAddress: string | null;
  userAgent: string | null;
}

/** A session as the per-request check sees it, with its account (identity's published `account_access`). */
export interface SessionState {
  revokedAt: Date | null;
  absoluteExpiresAt: Date;
  steppedUpAt: Date | null;
  steppedUpWith: StepUpMethod | null;
  access: AccountAccess;
}

/** A refresh token with its session, locked for the rotation. */
export interface RefreshTokenRow {
  tokenId: string;
  usedAt: Date | null;
  sessionId: string;
  userId: string;
  revokedAt: Date | null;
  lastRefreshedAt: Date;
  absoluteExpiresAt: Date;
  steppedUpAt: Date | null;
  steppedUpWith: StepUpMethod | null;
}

/** The `auth_session` and `refresh_token` tables: login sessions and their rotating refresh tokens. */
@Injectable()
export class SessionRepository {
  constructor(private readonly sql: Sql) {}

  @GenerateSql({ params: [{ tenantId: SQL_EXAMPLE.tenantId, userId: SQL_EXAMPLE.userId, at: SQL_EXAMPLE.at, absoluteExpiresAt: SQL_EXAMPLE.at, steppedUp: { at: SQL_EXAMPLE.at, with: 'password' }, ipAddress: '127.0.0.1', userAgent: 'browser' }] })
  async open(session: NewSession): Promise<string> {
    const [row] = await this.sql.query<{ id: string }>(
      `INSERT INTO auth_session (tenant_id, user_id, created_at, last_refreshed_at, absolute_expires_at, stepped_up_at, stepped_up_with, ip_address, user_agent)
       VALUES ($1, $2, $3, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [session.tenantId, session.userId, session.at, session.absoluteExpiresAt, session.steppedUp?.at ?? null, session.steppedUp?.with ?? null, session.ipAddress, session.userAgent],
    );
    return row!.id;
  }

  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.id, SQL_EXAMPLE.hash, SQL_EXAMPLE.at] })
  async addRefreshToken(tenantId: string | null, sessionId: string, hash: Buffer, at: Date): Promise<void> {
    await this.sql.query(`INSERT INTO refresh_token (tenant_id, session_id, token_hash, created_at) VALUES ($1, $2, $3, $4)`, [tenantId, sessionId, hash, at]);
  }

  /**
   * The per-request check: the session and its account in one statement. The account comes from the
   * view identity publishes for this (auth never reads identity's tables).
   */
  @GenerateSql({ params: [SQL_EXAMPLE.userId, SQL_EXAMPLE.id] })
  async stateOf(userId: string, sessionId: string): Promise<SessionState | null> {
    const [row] = await this.sql.query(
      `SELECT s.revoked_at AS "revokedAt", s.absolute_expires_at AS "absoluteExpiresAt", s.stepped_up_at AS "steppedUpAt",
              s.stepped_up_with AS "steppedUpWith", ${accountAccessColumns('a')}
         FROM auth_session s JOIN account_access a ON a.id = s.user_id
        WHERE s.id = $2 AND s.user_id = $1`,
      [userId, sessionId],
    );
    if (!row) return null;
    return {
      revokedAt: row.revokedAt as Date | null,
      absoluteExpiresAt: row.absoluteExpiresAt as Date,
      steppedUpAt: row.steppedUpAt as Date | null,
      steppedUpWith: row.steppedUpWith as StepUpMethod | null,
      access: accountAccessOf(row),
    };
  }

  /** The refresh token with this hash and its session, both locked until the rotation commits. */
  @GenerateSql({ params: [SQL_EXAMPLE.hash] })
  async lockRefreshToken(hash: Buffer): Promise<RefreshTokenRow | null> {
    const [row] = await this.sql.query<RefreshTokenRow>(
      `SELECT t.id AS "tokenId", t.used_at AS "usedAt", s.id AS "sessionId", s.user_id AS "userId", s.revoked_at AS "revokedAt",
              s.last_refreshed_at AS "lastRefreshedAt", s.absolute_expires_at AS "absoluteExpiresAt",
              s.stepped_up_at AS "steppedUpAt", s.stepped_up_with AS "steppedUpWith"
         FROM refresh_token t JOIN auth_session s ON s.id = t.session_id
        WHERE t.token_hash = $1
          FOR UPDATE OF t, s`,
      [hash],
    );
    return row ?? null;
  }

  @GenerateSql({ params: [SQL_EXAMPLE.id, SQL_EXAMPLE.id, SQL_EXAMPLE.at] })
  async markRefreshTokenUsed(tokenId: string, sessionId: string, at: Date): Promise<void> {
    await this.sql.query(`UPDATE refresh_token t SET used_at = $2 WHERE t.id = $1`, [tokenId, at]);
    await this.sql.query(`UPDATE auth_session s SET last_refreshed_at = $2 WHERE s.id = $1`, [sessionId, at]);
  }

  /** Marks the session's unused refresh tokens used: presenting one now ends the session (reuse). */
  @GenerateSql({ params: [SQL_EXAMPLE.id, SQL_EXAMPLE.at] })
  async retireRefreshTokens(sessionId: string, at: Date): Promise<void> {
    await this.sql.query(`UPDATE refresh_token t SET used_at = $2 WHERE t.session_id = $1 AND t.used_at IS NULL`, [sessionId, at]);
  }

  @GenerateSql({ params: [SQL_EXAMPLE.id, 'logout', SQL_EXAMPLE.at] })
  async revoke(sessionId: string, reason: string, at: Date): Promise<void> {
    await this.sql.query(`UPDATE auth_session s SET revoked_at = $2, revoked_reason = $3 WHERE s.id = $1 AND s.revoked_at IS NULL`, [sessionId, at, reason]);
  }

  @GenerateSql({ params: [SQL_EXAMPLE.userId, 'logout everywhere', SQL_EXAMPLE.at] })
  async revokeAllOf(userId: string, reason: string, at: Date): Promise<void> {
    await this.sql.query(`UPDATE auth_session s SET revoked_at = $2, revoked_reason = $3 WHERE s.user_id = $1 AND s.revoked_at IS NULL`, [userId, at, reason]);
  }

  /** Every session of the person but one (a password change keeps the session that made it). */
  @GenerateSql({ params: [SQL_EXAMPLE.userId, SQL_EXAMPLE.id, 'password changed', SQL_EXAMPLE.at] })
  async revokeAllOfExcept(userId: string, keptSessionId: string, reason: string, at: Date): Promise<void> {
    await this.sql.query(
      `UPDATE auth_session s SET revoked_at = $3, revoked_reason = $4 WHERE s.user_id = $1 AND s.id <> $2 AND s.revoked_at IS NULL`,
      [userId, keptSessionId, at, reason],
    );
  }

  /** Whether the person logged in from this address since `since` (their usual place, not slowed by an account's back-off). */
  @GenerateSql({ params: [SQL_EXAMPLE.userId, '192.0.2.1', SQL_EXAMPLE.at] })
  async loggedInFrom(userId: string, ipAddress: string, since: Date): Promise<boolean> {
    const rows = await this.sql.query(`SELECT 1 FROM auth_session s WHERE s.user_id = $1 AND s.ip_address = $2 AND s.created_at > $3 LIMIT 1`, [userId, ipAddress, since]);
    return rows.length > 0;
  }

  @GenerateSql({ params: [SQL_EXAMPLE.id, SQL_EXAMPLE.at, 'secondFactor'] })
  async markSteppedUp(sessionId: string, at: Date, method: StepUpMethod): Promise<void> {
    await this.sql.query(`UPDATE auth_session s SET stepped_up_at = $2, stepped_up_with = $3 WHERE s.id = $1`, [sessionId, at, method]);
  }

  @GenerateSql({ params: [SQL_EXAMPLE.userId] })
  async listOf(userId: string): Promise<AuthSession[]> {
    const rows = await this.sql.query(
      `SELECT ${SESSION} FROM auth_session s WHERE s.user_id = $1 ORDER BY s.created_at DESC, s.id LIMIT ${SESSIONS_LISTED}`,
      [userId],
    );
    return rows.map((row) => toEntity(AuthSession, row));
  }

  @GenerateSql({ params: [SQL_EXAMPLE.userId, SQL_EXAMPLE.id] })
  async findOf(userId: string, sessionId: string): Promise<AuthSession | null> {
    const [row] = await this.sql.query(`SELECT ${SESSION} FROM auth_session s WHERE s.id = $2 AND s.user_id = $1`, [userId, sessionId]);
    return row ? toEntity(AuthSession, row) : null;
  }
}
