import { Injectable } from '@nestjs/common';
import { GenerateSql, selectColumns, Sql, SQL_EXAMPLE, toEntity } from '@chancery/core';
import { AuthSession } from '../entities/auth-session.entity';

const SESSION = selectColumns(AuthSession, 's');
/** When a session ended: logout or revocation, else its absolute expiry. */
const ENDED = `coalesce(s.revoked_at, s.absolute_expires_at)`;

/** The records a legal hold can name here, by kind (`Kind:id`): their tables. */
export const HOLDABLE_SESSION_RECORDS = { Session: 'auth_session' };

/** Login sessions as a holder of personal data (IP address, browser): one person's, and their retention. */
@Injectable()
export class SessionPersonalDataRepository {
  constructor(private readonly sql: Sql) {}

  /** Whether the tenant has the record a legal hold names. */
  @GenerateSql({ params: ['Session', SQL_EXAMPLE.id] })
  hasHoldableRecord(kind: string, id: string): Promise<boolean> {
    return this.sql.tenantHasRecord(HOLDABLE_SESSION_RECORDS, kind, id);
  }

  @GenerateSql({ params: [SQL_EXAMPLE.userId] })
  async sessionsOf(userId: string): Promise<AuthSession[]> {
    const rows = await this.sql.query(`SELECT ${SESSION} FROM auth_session s WHERE s.user_id = $1 ORDER BY s.created_at`, [userId]);
    return rows.map((row) => toEntity(AuthSession, row));
  }

  /** The person's sessions and their refresh tokens. */
  @GenerateSql({ params: [SQL_EXAMPLE.userId] })
  async deleteSessionsOf(userId: string): Promise<number> {
    await this.sql.query(`DELETE FROM refresh_token WHERE session_id IN (SELECT id FROM auth_session WHERE user_id = $1)`, [userId]);
    return (await this.sql.query(`DELETE FROM auth_session WHERE user_id = $1 RETURNING id`, [userId])).length;
  }

  /** Sessions ended longer than `retention` ago (rule LOGIN_SESSION, the tenant's period), except held or restricted ones: one batch. */
  @GenerateSql({ params: [SQL_EXAMPLE.at, '12 months', [], [], 500] }, { params: [SQL_EXAMPLE.at, '12 months', [], [], 500], tenantId: null })
  async deleteEndedBefore(now: Date, retention: string, held: readonly string[], restrictedUserIds: readonly string[], batchSize: number): Promise<number> {
    const expired = await this.sql.query<{ id: string }>(
      `SELECT s.id FROM auth_session s WHERE ${ENDED} < $1::timestamptz - $2::interval
         AND NOT (('Session:' || s.id::text) = ANY($3::text[])) AND NOT (s.user_id = ANY($4::uuid[]))
       ORDER BY s.created_at LIMIT ${Math.trunc(batchSize)}`,
      [now, retention, held, restrictedUserIds],
    );
    if (expired.length === 0) return 0;
    const ids = expired.map((row) => row.id);
    await this.sql.query(`DELETE FROM refresh_token WHERE session_id = ANY($1::uuid[])`, [ids]);
    return (await this.sql.query(`DELETE FROM auth_session WHERE id = ANY($1::uuid[]) RETURNING id`, [ids])).length;
  }

  @GenerateSql({ params: [SQL_EXAMPLE.at, '12 months', [], []] }, { params: [SQL_EXAMPLE.at, '12 months', [], []], tenantId: null })
  async countEndedBefore(now: Date, retention: string, held: readonly string[], restrictedUserIds: readonly string[]): Promise<{ expired: number; held: number }> {
    const [row] = await this.sql.query<{ expired: string; held: string }>(
      `SELECT count(*) AS expired,
         count(*) FILTER (WHERE ('Session:' || s.id::text) = ANY($3::text[]) OR s.user_id = ANY($4::uuid[])) AS held
       FROM auth_session s WHERE ${ENDED} < $1::timestamptz - $2::interval`,
      [now, retention, held, restrictedUserIds],
    );
    return { expired: Number(row!.expired), held: Number(row!.held) };
  }
}
