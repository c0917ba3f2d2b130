import { Injectable } from '@nestjs/common';
import { GenerateSql, selectColumns, Sql, SQL_EXAMPLE, toEntity } from '@chancery/core';
import { Invitation } from '../entities/invitation.entity';
import { UserAccount } from '../entities/user-account.entity';
import { UserRole } from '../entities/user-role.entity';

const ACCOUNT = selectColumns(UserAccount, 'u');
const ROLE = selectColumns(UserRole, 'r');
const INVITATION = selectColumns(Invitation, 'i');

/** The address an erased account keeps: unique, unroutable (RFC 2606 `.invalid`), and nobody's. */
export function erasedAddressOf(userId: string): string {
  return `erased-${userId.toLowerCase()}@erased.invalid`;
}

/** `erasedAddressOf` in SQL, for the account `a`/`u` of the statement. */
const ERASED_ADDRESS_SQL = `'erased-' || a.id::text || '@erased.invalid'`;

/** Closed before the period ($1 now, $2 the period) and not yet de-identified. */
const CLOSED_PAST_RETENTION = `u.status = 'DISABLED' AND u.disabled_at < $1::timestamptz - $2::interval AND u.email <> 'erased-' || u.id::text || '@erased.invalid'`;

/** The records a legal hold can name here, by kind (`Kind:id`): their tables. */
export const HOLDABLE_IDENTITY_RECORDS = { Invitation: 'invitation', User: 'user_account' };

/**
 * What identity holds of one person, for data-subject exports, erasure and retention (the
 * `PersonalDataHolder` of identity). Runs in the unit of work of the person's tenant.
 */
@Injectable()
export class IdentityPersonalDataRepository {
  constructor(private readonly sql: Sql) {}

  /** Whether the tenant has the record a legal hold names. */
  @GenerateSql({ params: ['Invitation', SQL_EXAMPLE.id] }, { params: ['User', SQL_EXAMPLE.id] })
  hasHoldableRecord(kind: string, id: string): Promise<boolean> {
    return this.sql.tenantHasRecord(HOLDABLE_IDENTITY_RECORDS, kind, id);
  }

  @GenerateSql({ params: [SQL_EXAMPLE.userId] })
  async account(userId: string): Promise<UserAccount | null> {
    const rows = await this.sql.query(`SELECT ${ACCOUNT} FROM user_account u WHERE u.id = $1`, [userId]);
    return rows[0] ? toEntity(UserAccount, rows[0]) : null;
  }

  @GenerateSql({ params: [SQL_EXAMPLE.userId] })
  async roles(userId: string): Promise<UserRole[]> {
    const rows = await this.sql.query(`SELECT ${ROLE} FROM user_role r WHERE r.user_id = $1 ORDER BY r.role`, [userId]);
    return rows.map((row) => toEntity(UserRole, row));
  }

  @GenerateSql({ params: ['a@example.test'] })
  async invitationsTo(email: string): Promise<Invitation[]> {
    const rows = await this.sql.query(`SELECT ${INVITATION} FROM invitation i WHERE lower(i.email) = lower($1) ORDER BY i.created_at`, [email]);
    return rows.map((row) => toEntity(Invitation, row));
  }

  /**
   * Keeps the account row (its id is the reference of the audit trail and, later, of certificates
   * signed or requested) with nothing left that names, reaches or authenticates the person.
   * Idempotent: an account already erased is not touched again.
   */
  @GenerateSql({ params: [SQL_EXAMPLE.userId, 'erased-x@erased.invalid'] })
  async deidentifyAccount(userId: string, erasedAddress: string): Promise<number> {
    const rows = await this.sql.query(
      `UPDATE user_account SET email = $2, first_name = '', last_name = '', phone = NULL, job_title = NULL,
         password_hash = NULL, totp_secret = NULL, totp_enrolled_at = NULL, signature_image = NULL,
         last_login_at = NULL, email_confirmed_at = NULL, status = 'DISABLED', token_version = token_version + 1
       WHERE id = $1 AND email <> $2
       RETURNING id`,
      [userId, erasedAddress],
    );
    return rows.length;
  }

  @GenerateSql({ params: [SQL_EXAMPLE.userId] })
  async deleteRoles(userId: string): Promise<number> {
    return (await this.sql.query(`DELETE FROM user_role WHERE user_id = $1 RETURNING role`, [userId])).length;
  }

  @GenerateSql({ params: [SQL_EXAMPLE.userId] })
  async deleteOneTimeTokens(userId: string): Promise<number> {
    return (await this.sql.query(`DELETE FROM one_time_token WHERE user_id = $1 RETURNING id`, [userId])).length;
  }

  @GenerateSql({ params: ['a@example.test'] })
  async deleteInvitationsTo(email: string): Promise<number> {
    return (await this.sql.query(`DELETE FROM invitation WHERE lower(email) = lower($1) RETURNING id`, [email])).length;
  }

  /** Invitations past their retention (rule INVITATION: answered ones at once, expired ones `retention` after expiry), except held ones: one batch. */
  @GenerateSql({ params: [SQL_EXAMPLE.at, '30 days', [], 500] })
  async deleteExpiredInvitations(now: Date, retention: string, held: readonly string[], batchSize: number): Promise<number> {
    const rows = await this.sql.query(
      `DELETE FROM invitation WHERE id IN (
         SELECT id FROM invitation
         WHERE (accepted_at IS NOT NULL OR revoked_at IS NOT NULL OR expires_at < $1::timestamptz - $2::interval)
           AND NOT (('Invitation:' || id::text) = ANY($3::text[]))
         ORDER BY created_at LIMIT ${Math.trunc(batchSize)})
       RETURNING id`,
      [now, retention, held],
    );
    return rows.length;
  }

  /**
   * Retention (USAGE_EVENT): when someone last logged in is usage data, kept for the period after the
   * login and then forgotten (the account stays). Held: under a legal hold (`User:<id>`) or restricted.
   */
  @GenerateSql({ params: [SQL_EXAMPLE.at, '12 months', [], []] })
  async countStaleLastLogins(now: Date, retention: string, held: readonly string[], restricted: readonly string[]): Promise<{ expired: number; held: number }> {
    const [row] = await this.sql.query<{ expired: string; held: string }>(
      `SELECT count(*) AS expired, count(*) FILTER (WHERE ('User:' || u.id::text) = ANY($3::text[]) OR u.id = ANY($4::uuid[])) AS held
         FROM user_account u WHERE u.tenant_id = app_current_tenant() AND u.last_login_at < $1::timestamptz - $2::interval`,
      [now, retention, held, restricted],
    );
    return { expired: Number(row!.expired), held: Number(row!.held) };
  }

  @GenerateSql({ params: [SQL_EXAMPLE.at, '12 months', [], [], 100] })
  async forgetStaleLastLogins(now: Date, retention: string, held: readonly string[], restricted: readonly string[], limit: number): Promise<number> {
    const rows = await this.sql.query(
      `UPDATE user_account a SET last_login_at = NULL WHERE a.id IN (
         SELECT u.id FROM user_account u
          WHERE u.tenant_id = app_current_tenant() AND u.last_login_at < $1::timestamptz - $2::interval
            AND NOT (('User:' || u.id::text) = ANY($3::text[])) AND NOT (u.id = ANY($4::uuid[]))
          ORDER BY u.last_login_at, u.id LIMIT $5)
       RETURNING a.id`,
      [now, retention, held, restricted, limit],
    );
    return rows.length;
  }

  /**
   * Retention (ACCOUNT): an account closed (disabled) longer than the period ago keeps its id (the
   * reference of the audit trail and of every record naming it) and nothing else of the person: the
   * same de-identification as erasure, its roles, one-time tokens and recovery codes deleted with it. Not yet
   * de-identified ones only; held: under a legal hold (`User:<id>`) or restricted.
   */
  @GenerateSql({ params: [SQL_EXAMPLE.at, '12 months', [], []] })
  async countClosedPastRetention(now: Date, retention: string, held: readonly string[], restricted: readonly string[]): Promise<{ expired: number; held: number }> {
    const [row] = await this.sql.query<{ expired: string; held: string }>(
      `SELECT count(*) AS expired, count(*) FILTER (WHERE ('User:' || u.id::text) = ANY($3::text[]) OR u.id = ANY($4::uuid[])) AS held
         FROM user_account u WHERE ${CLOSED_PAST_RETENTION}`,
      [now, retention, held, restricted],
    );
    return { expired: Number(row!.expired), held: Number(row!.held) };
  }

  @GenerateSql({ params: [SQL_EXAMPLE.at, '12 months', [], [], 100] })
  async deidentifyClosedPastRetention(now: Date, retention: string, held: readonly string[], restricted: readonly string[], limit: number): Promise<number> {
    const rows = await this.sql.query(
      `WITH due AS (
         SELECT u.id FROM user_account u
          WHERE ${CLOSED_PAST_RETENTION}
            AND NOT (('User:' || u.id::text) = ANY($3::text[])) AND NOT (u.id = ANY($4::uuid[]))
          ORDER BY u.disabled_at, u.id LIMIT $5 FOR UPDATE
       ), roles AS (
         DELETE FROM user_role r USING due WHERE r.user_id = due.id RETURNING r.user_id
       ), tokens AS (
         DELETE FROM one_time_token t USING due WHERE t.user_id = due.id RETURNING t.id
       ), codes AS (
         DELETE FROM recovery_code c USING due WHERE c.user_id = due.id RETURNING c.id
       )
       UPDATE user_account a SET email = ${ERASED_ADDRESS_SQL}, first_name = '', last_name = '', phone = NULL, job_title = NULL,
              password_hash = NULL, totp_secret = NULL, totp_enrolled_at = NULL, signature_image = NULL,
              last_login_at = NULL, email_confirmed_at = NULL, token_version = a.token_version + 1
         FROM due WHERE a.id = due.id
       RETURNING a.id`,
      [now, retention, held, restricted, limit],
    );
    return rows.length;
  }

  @GenerateSql({ params: [SQL_EXAMPLE.at, '30 days', []] })
  async countExpiredInvitations(now: Date, retention: string, held: readonly string[]): Promise<{ expired: number; held: number }> {
    const [row] = await this.sql.query<{ expired: string; held: string }>(
      `SELECT count(*) AS expired, count(*) FILTER (WHERE ('Invitation:' || id::text) = ANY($3::text[])) AS held FROM invitation
       WHERE accepted_at IS NOT NULL OR revoked_at IS NOT NULL OR expires_at < $1::timestamptz - $2::interval`,
      [now, retention, held],
    );
    return { expired: Number(row!.expired), held: Number(row!.held) };
  }
}
