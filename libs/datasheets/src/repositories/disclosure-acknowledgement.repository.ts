import { Injectable } from '@nestjs/common';
import { CONTACT_DISCLOSURE_NOTICE } from '../contact-disclosure-notice';
import { GenerateSql, selectColumns, Sql, SQL_EXAMPLE, toEntity } from '@chancery/core';
import { ContactDisclosureAcknowledgement } from '../entities/contact-disclosure-acknowledgement.entity';

const ACKNOWLEDGEMENT = selectColumns(ContactDisclosureAcknowledgement, 'a');

/** `contact_disclosure_acknowledgement`: who acknowledged which version of the notice, when, and who objected. */
@Injectable()
export class DisclosureAcknowledgementRepository {
  constructor(private readonly sql: Sql) {}

  /**
   * Records an acknowledgement of the notice. The person's acknowledgement in force of that version (not
   * objected) is renewed: its time and text; its role end is never cleared here (only a role actually
   * taken again clears it: roleResumed), and is set when given (the person holds no organisation role).
   * After an objection it is a new record: the objected one stays as it was, with its own retention.
   */
  @GenerateSql({ params: [{ tenantId: SQL_EXAMPLE.tenantId, userId: SQL_EXAMPLE.userId, noticeVersion: '2026-01', noticeText: 'text', acknowledgedAt: SQL_EXAMPLE.at, roleEndedAt: SQL_EXAMPLE.at }] })
  async record(ack: Pick<ContactDisclosureAcknowledgement, 'tenantId' | 'userId' | 'noticeVersion' | 'noticeText' | 'acknowledgedAt' | 'roleEndedAt'>): Promise<ContactDisclosureAcknowledgement> {
    const [row] = await this.sql.query(
      `INSERT INTO contact_disclosure_acknowledgement AS a (tenant_id, user_id, notice_version, notice_text, acknowledged_at, role_ended_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (tenant_id, user_id, notice_version) WHERE objected_at IS NULL
       DO UPDATE SET acknowledged_at = EXCLUDED.acknowledged_at, notice_text = EXCLUDED.notice_text, role_ended_at = coalesce(a.role_ended_at, EXCLUDED.role_ended_at)
       RETURNING ${ACKNOWLEDGEMENT}`,
      [ack.tenantId, ack.userId, ack.noticeVersion, ack.noticeText, ack.acknowledgedAt, ack.roleEndedAt],
    );
    return toEntity(ContactDisclosureAcknowledgement, row!);
  }

  /** Whether the person holds an acknowledgement of the notice (the current version unless named) without a later objection. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.userId, '2026-01'] })
  async isAcknowledged(tenantId: string, userId: string, noticeVersion: string = CONTACT_DISCLOSURE_NOTICE.version): Promise<boolean> {
    const rows = await this.sql.query(
      `SELECT 1 FROM contact_disclosure_acknowledgement a WHERE a.tenant_id = $1 AND a.user_id = $2 AND a.notice_version = $3 AND a.objected_at IS NULL`,
      [tenantId, userId, noticeVersion],
    );
    return rows.length > 0;
  }

  /** Those of the people who hold an acknowledgement of the current notice without a later objection (one statement for a company's people). */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, [SQL_EXAMPLE.userId]] })
  async acknowledgedAmong(tenantId: string, userIds: readonly string[], noticeVersion: string = CONTACT_DISCLOSURE_NOTICE.version): Promise<Set<string>> {
    const rows = await this.sql.query<{ userId: string }>(
      `SELECT DISTINCT a.user_id AS "userId" FROM contact_disclosure_acknowledgement a
        WHERE a.tenant_id = $1 AND a.user_id = ANY($2::uuid[]) AND a.notice_version = $3 AND a.objected_at IS NULL`,
      [tenantId, userIds, noticeVersion],
    );
    return new Set(rows.map((row) => row.userId));
  }

  /** The person's acknowledgements and objections in the unit of work's tenant (a data-subject export). */
  @GenerateSql({ params: [SQL_EXAMPLE.userId] })
  async ofUser(userId: string): Promise<ContactDisclosureAcknowledgement[]> {
    const rows = await this.sql.query(`SELECT ${ACKNOWLEDGEMENT} FROM contact_disclosure_acknowledgement a WHERE a.user_id = $1 ORDER BY a.acknowledged_at`, [userId]);
    return rows.map((row) => toEntity(ContactDisclosureAcknowledgement, row));
  }

  @GenerateSql({ params: [SQL_EXAMPLE.userId] })
  async deleteOfUser(userId: string): Promise<number> {
    return (await this.sql.query(`DELETE FROM contact_disclosure_acknowledgement a WHERE a.user_id = $1 RETURNING a.id`, [userId])).length;
  }

  /** The person objects: their acknowledgements in force are marked (earlier objections keep their date), and the role ends. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.userId, SQL_EXAMPLE.at] })
  async markObjected(tenantId: string, userId: string, at: Date): Promise<number> {
    const rows = await this.sql.query(
      `UPDATE contact_disclosure_acknowledgement a SET objected_at = $3, role_ended_at = coalesce(a.role_ended_at, $3)
        WHERE a.tenant_id = $1 AND a.user_id = $2 AND a.objected_at IS NULL RETURNING a.id`,
      [tenantId, userId, at],
    );
    return rows.length;
  }

  /** The person no longer holds an organisation role (withdrawn, account disabled): the retention of their acknowledgements starts. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.userId, SQL_EXAMPLE.at] })
  async roleEnded(tenantId: string, userId: string, at: Date): Promise<number> {
    const rows = await this.sql.query(
      `UPDATE contact_disclosure_acknowledgement a SET role_ended_at = $3 WHERE a.tenant_id = $1 AND a.user_id = $2 AND a.role_ended_at IS NULL RETURNING a.id`,
      [tenantId, userId, at],
    );
    return rows.length;
  }

  /** The person holds an organisation role again (granted, account enabled): acknowledgements they did not object with count as in force. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.userId] })
  async roleResumed(tenantId: string, userId: string): Promise<number> {
    const rows = await this.sql.query(
      `UPDATE contact_disclosure_acknowledgement a SET role_ended_at = NULL
        WHERE a.tenant_id = $1 AND a.user_id = $2 AND a.objected_at IS NULL AND a.role_ended_at IS NOT NULL RETURNING a.id`,
      [tenantId, userId],
    );
    return rows.length;
  }

  /**
   * Retention (DISCLOSURE_ACKNOWLEDGEMENT): acknowledgements whose role ended longer than the period
   * ago ($1 now, $2 the period). Held: under a legal hold (`ContactDisclosureAcknowledgement:<id>`) or
   * the person's processing restricted. Nothing refers to an acknowledgement: it is deleted.
   */
  @GenerateSql({ params: [SQL_EXAMPLE.at, '12 months', [], []] })
  async countRoleEndedPastRetention(now: Date, retention: string, held: readonly string[], restricted: readonly string[]): Promise<{ expired: number; held: number }> {
    const [row] = await this.sql.query<{ expired: string; held: string }>(
      `SELECT count(*) AS expired,
              count(*) FILTER (WHERE ('ContactDisclosureAcknowledgement:' || a.id::text) = ANY($3::text[]) OR a.user_id = ANY($4::uuid[])) AS held
         FROM contact_disclosure_acknowledgement a WHERE a.role_ended_at < $1::timestamptz - $2::interval`,
      [now, retention, held, restricted],
    );
    return { expired: Number(row!.expired), held: Number(row!.held) };
  }

  @GenerateSql({ params: [SQL_EXAMPLE.at, '12 months', [], [], 100] })
  async deleteRoleEndedPastRetention(now: Date, retention: string, held: readonly string[], restricted: readonly string[], limit: number): Promise<number> {
    const rows = await this.sql.query(
      `DELETE FROM contact_disclosure_acknowledgement d WHERE d.id IN (
         SELECT a.id FROM contact_disclosure_acknowledgement a
          WHERE a.role_ended_at < $1::timestamptz - $2::interval
            AND NOT (('ContactDisclosureAcknowledgement:' || a.id::text) = ANY($3::text[])) AND NOT (a.user_id = ANY($4::uuid[]))
          ORDER BY a.role_ended_at, a.id LIMIT $5)
       RETURNING d.id`,
      [now, retention, held, restricted, limit],
    );
    return rows.length;
  }
}
