import { Injectable } from '@nestjs/common';
import { GenerateSql, Sql, SQL_EXAMPLE } from '@chancery/core';

/** A company whose registration lapsed, with the accounts registered with it. */
export interface LapsedRegistration {
  tenantId: string;
  organisationId: string;
  userIds: string[];
}

/**
 * The company `o`'s registration lapsed as of `now` (the parameter named): it has accounts, every one
 * still awaits the confirmation of its address and never had it, no confirmation link of theirs still
 * works, and the company is older than a link's lifetime (`lifetime`, an interval), so that nothing
 * being registered at this moment, whose link is not yet written, ever counts as lapsed.
 */
function lapsedAt(now: string, lifetime: string): string {
  return `EXISTS (SELECT 1 FROM user_account c WHERE c.tenant_id = o.tenant_id AND c.organisation_id = o.id)
      AND NOT EXISTS (SELECT 1 FROM user_account c WHERE c.tenant_id = o.tenant_id AND c.organisation_id = o.id AND (c.status <> 'PENDING_CONFIRMATION' OR c.email_confirmed_at IS NOT NULL))
      AND NOT EXISTS (SELECT 1 FROM one_time_token t JOIN user_account c ON c.id = t.user_id
                       WHERE c.tenant_id = o.tenant_id AND c.organisation_id = o.id AND t.purpose = 'EMAIL_CONFIRMATION' AND t.used_at IS NULL AND t.expires_at > ${now}::timestamptz)
      AND o.created_at <= ${now}::timestamptz - ${lifetime}::interval`;
}

const USER_IDS = `ARRAY(SELECT c.id FROM user_account c WHERE c.tenant_id = o.tenant_id AND c.organisation_id = o.id ORDER BY c.id) AS "userIds"`;

/**
 * Registrations whose address was never confirmed (a company and its first administrator, written by
 * `registerOrganisation`): found when they lapse, and deleted. Runs in the unit of work of the tenant.
 */
@Injectable()
export class UnconfirmedRegistrationRepository {
  constructor(private readonly sql: Sql) {}

  /**
   * The lapsed registrations that stand in the way of a new one: of the same company number, or with
   * an account of the same address. Locked until the unit ends, so two registrations cannot both remove one.
   */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, 'BE0123456749', 'a@example.test', SQL_EXAMPLE.at, '48 hours'] })
  async lapsedInTheWayOf(tenantId: string, companyNumber: string, email: string, now: Date, lifetime: string): Promise<LapsedRegistration[]> {
    return this.sql.query<LapsedRegistration>(
      `SELECT o.tenant_id AS "tenantId", o.id AS "organisationId", ${USER_IDS}
         FROM organisation o
        WHERE o.tenant_id = $1
          AND (o.company_number = $2 OR o.id IN (SELECT a.organisation_id FROM user_account a WHERE a.tenant_id = $1 AND a.email = $3))
          AND ${lapsedAt('$4', '$5')}
        ORDER BY o.id
        FOR UPDATE OF o`,
      [tenantId, companyNumber, email, now, lifetime],
    );
  }

  /**
   * Registrations lapsed longer than `retention` (rule UNCONFIRMED_REGISTRATION, counted from the
   * expiry of the last link sent), except those with an account under a legal hold (`User:<id>`) or
   * restricted, and those in `kept` (found earlier and kept, being referred to): one batch, oldest first.
   */
  @GenerateSql({ params: [SQL_EXAMPLE.at, '48 hours', '7 days', [], [], [], 100] })
  async lapsedPastRetention(
    now: Date, lifetime: string, retention: string, held: readonly string[], restricted: readonly string[], kept: readonly string[], limit: number,
  ): Promise<LapsedRegistration[]> {
    return this.sql.query<LapsedRegistration>(
      `SELECT o.tenant_id AS "tenantId", o.id AS "organisationId", ${USER_IDS}
         FROM organisation o
        WHERE o.tenant_id = app_current_tenant()
          AND ${lapsedAt('$1', '$2')}
          AND coalesce((SELECT max(t.expires_at) FROM one_time_token t JOIN user_account c ON c.id = t.user_id
                         WHERE c.tenant_id = o.tenant_id AND c.organisation_id = o.id AND t.purpose = 'EMAIL_CONFIRMATION'),
                       o.created_at + $2::interval) < $1::timestamptz - $3::interval
          AND NOT EXISTS (SELECT 1 FROM user_account c WHERE c.tenant_id = o.tenant_id AND c.organisation_id = o.id AND (('User:' || c.id::text) = ANY($4::text[]) OR c.id = ANY($5::uuid[])))
          AND NOT (o.id = ANY($6::uuid[]))
        ORDER BY o.created_at, o.id
        LIMIT $7
        FOR UPDATE OF o`,
      [now, lifetime, retention, held, restricted, kept, limit],
    );
  }

  /**
   * Deletes a lapsed registration: the links, roles and accounts of the company, then the company.
   * A record that refers to any of them (the chamber invited someone to the company, say) makes it
   * fail with a foreign-key violation: the caller runs it as a step of its unit and keeps the registration.
   */
  @GenerateSql({ params: [SQL_EXAMPLE.id] })
  async remove(organisationId: string): Promise<void> {
    const accounts = `SELECT c.id FROM user_account c WHERE c.tenant_id = app_current_tenant() AND c.organisation_id = $1`;
    await this.sql.query(`DELETE FROM one_time_token t WHERE t.user_id IN (${accounts})`, [organisationId]);
    await this.sql.query(`DELETE FROM user_role r WHERE r.user_id IN (${accounts})`, [organisationId]);
    await this.sql.query(`DELETE FROM user_account u WHERE u.tenant_id = app_current_tenant() AND u.organisation_id = $1`, [organisationId]);
    await this.sql.query(`DELETE FROM organisation o WHERE o.tenant_id = app_current_tenant() AND o.id = $1`, [organisationId]);
  }
}
