import { Injectable } from '@nestjs/common';
import { CONTACT_DISCLOSURE_NOTICE } from '../contact-disclosure-notice';
import { GenerateSql, selectColumns, Sql, SQL_EXAMPLE, toEntity } from '@chancery/core';
import { ContactDisclosureAcknowledgement } from '../entities/contact-disclosure-acknowledgement.entity';

const ACKNOWLEDGEMENT = selectColumns(ContactDisclosureAcknowledgement, 'a');

/** `contact_disclosure_acknowledgement`: who acknowledged which version of the notice, when, and who objected. */
@Injectable()
export class DisclosureAcknowledgementRepository {
  constructor(private readonly sql: Sql) {}

  @GenerateSql({ params: [{ tenantId: SQL_EXAMPLE.tenantId, userId: SQL_EXAMPLE.userId, noticeVersion: '2026-01', noticeText: 'text', acknowledgedAt: SQL_EXAMPLE.at }] })
  async record(ack: Pick<ContactDisclosureAcknowledgement, 'tenantId' | 'userId' | 'noticeVersion' | 'noticeText' | 'acknowledgedAt'>): Promise<ContactDisclosureAcknowledgement> {
    // Acknowledging again after an objection starts over: the objection is kept in the audit log.
    const [row] = await this.sql.query(
      `INSERT INTO contact_disclosure_acknowledgement AS a (tenant_id, user_id, notice_version, notice_text, acknowledged_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, user_id, notice_version) DO UPDATE SET acknowledged_at = EXCLUDED.acknowledged_at, notice_text = EXCLUDED.notice_text, objected_at = NULL
       RETURNING ${ACKNOWLEDGEMENT}`,
      [ack.tenantId, ack.userId, ack.noticeVersion, ack.noticeText, ack.acknowledgedAt],
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

  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.userId, SQL_EXAMPLE.at] })
  async markObjected(tenantId: string, userId: string, at: Date): Promise<number> {
    const rows = await this.sql.query(
      `UPDATE contact_disclosure_acknowledgement a SET objected_at = $3 WHERE a.tenant_id = $1 AND a.user_id = $2 AND a.objected_at IS NULL RETURNING a.id`,
      [tenantId, userId, at],
    );
    return rows.length;
  }
}
