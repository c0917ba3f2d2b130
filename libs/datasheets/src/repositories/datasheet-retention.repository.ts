import { Injectable } from '@nestjs/common';
import { GenerateSql, Sql, SQL_EXAMPLE } from '@chancery/core';

/**
 * A withdrawn datasheet ($1 now, $2 the tenant's DATASHEET_RECORD period): no version published or in
 * the works, one unpublished, the last withdrawal longer ago than the period.
 */
const WITHDRAWN_PAST_RETENTION = `
  NOT EXISTS (SELECT 1 FROM datasheet_version v WHERE v.tenant_id = d.tenant_id AND v.datasheet_id = d.id AND v.state NOT IN ('UNPUBLISHED', 'SUPERSEDED'))
  AND (SELECT max(v.unpublished_at) FROM datasheet_version v WHERE v.tenant_id = d.tenant_id AND v.datasheet_id = d.id) < $1::timestamptz - $2::interval`;
/** Still naming someone: its contact, who completed a version, who added an attachment. */
const NAMES_SOMEONE = `
  (d.contact_user_id IS NOT NULL OR d.contact_suspended_user_id IS NOT NULL
   OR EXISTS (SELECT 1 FROM datasheet_version v WHERE v.tenant_id = d.tenant_id AND v.datasheet_id = d.id AND v.completed_by IS NOT NULL)
   OR EXISTS (SELECT 1 FROM datasheet_attachment t WHERE t.tenant_id = d.tenant_id AND t.datasheet_id = d.id AND t.uploaded_by IS NOT NULL))`;
/**
 * Left alone: under a legal hold ($3: `Datasheet:id`, `DatasheetVersion:id`) or naming a restricted person ($4).
 * `IS TRUE` on the nullable contact columns: a NULL there would make the whole test NULL, and `NOT KEPT` would
 * then leave a datasheet without a contact (or without a suspended one) out of the sweep for ever.
 */
const KEPT = `
  (('Datasheet:' || d.id::text) = ANY($3::text[])
   OR (d.contact_user_id = ANY($4::uuid[])) IS TRUE OR (d.contact_suspended_user_id = ANY($4::uuid[])) IS TRUE
   OR EXISTS (SELECT 1 FROM datasheet_version v WHERE v.tenant_id = d.tenant_id AND v.datasheet_id = d.id
                 AND (('DatasheetVersion:' || v.id::text) = ANY($3::text[]) OR v.completed_by = ANY($4::uuid[])))
   OR EXISTS (SELECT 1 FROM datasheet_attachment t WHERE t.tenant_id = d.tenant_id AND t.datasheet_id = d.id AND t.uploaded_by = ANY($4::uuid[])))`;

/** The records a legal hold can name here, by kind (`Kind:id`): their tables. */
export const HOLDABLE_DATASHEET_RECORDS = { ContactDisclosureAcknowledgement: 'contact_disclosure_acknowledgement', Datasheet: 'datasheet', DatasheetVersion: 'datasheet_version', ProjectDistribution: 'project_distribution' };

/**
 * Withdrawn datasheets past their retention (rule DATASHEET_RECORD): the product's record stays
 * (versions, characteristics, dates, attachments), without anyone in it. Published datasheets and
 * their superseded versions are never touched.
 */
@Injectable()
export class DatasheetRetentionRepository {
  constructor(private readonly sql: Sql) {}

  /** Whether the tenant has the record a legal hold names. */
  @GenerateSql({ params: ['ContactDisclosureAcknowledgement', SQL_EXAMPLE.id] }, { params: ['Datasheet', SQL_EXAMPLE.id] }, { params: ['DatasheetVersion', SQL_EXAMPLE.id] }, { params: ['ProjectDistribution', SQL_EXAMPLE.id] })
  hasHoldableRecord(kind: string, id: string): Promise<boolean> {
    return this.sql.tenantHasRecord(HOLDABLE_DATASHEET_RECORDS, kind, id);
  }

  @GenerateSql({ params: [SQL_EXAMPLE.at, '12 months', [], []] })
  async countWithdrawnPastRetention(now: Date, retention: string, held: readonly string[], restricted: readonly string[]): Promise<{ expired: number; held: number }> {
    const [row] = await this.sql.query<{ expired: string; held: string }>(
      `SELECT count(*) AS expired, count(*) FILTER (WHERE ${KEPT}) AS held FROM datasheet d WHERE ${WITHDRAWN_PAST_RETENTION} AND ${NAMES_SOMEONE}`,
      [now, retention, held, restricted],
    );
    return { expired: Number(row!.expired), held: Number(row!.held) };
  }

  /** Up to `limit` withdrawn datasheets past retention: their contact, who completed their versions and who added their attachments forgotten. */
  @GenerateSql({ params: [SQL_EXAMPLE.at, '12 months', [], [], 500] })
  async deidentifyWithdrawnPastRetention(now: Date, retention: string, held: readonly string[], restricted: readonly string[], limit: number): Promise<number> {
    const due = await this.sql.query<{ id: string }>(
      `SELECT d.id FROM datasheet d WHERE ${WITHDRAWN_PAST_RETENTION} AND ${NAMES_SOMEONE} AND NOT ${KEPT} ORDER BY d.id LIMIT $5 FOR UPDATE`,
      [now, retention, held, restricted, limit],
    );
    if (due.length === 0) return 0;
    const ids = due.map((row) => row.id);
    await this.sql.query(
      `UPDATE datasheet d SET contact_user_id = NULL, contact_suspended_user_id = NULL, contact_replacement_required = false, contact_replacement_deadline = NULL
        WHERE d.id = ANY($1::uuid[])`,
      [ids],
    );
    await this.sql.query(`UPDATE datasheet_version v SET completed_by = NULL WHERE v.datasheet_id = ANY($1::uuid[]) AND v.completed_by IS NOT NULL`, [ids]);
    await this.sql.query(`UPDATE datasheet_attachment t SET uploaded_by = NULL WHERE t.datasheet_id = ANY($1::uuid[]) AND t.uploaded_by IS NOT NULL`, [ids]);
    return ids.length;
  }
}
