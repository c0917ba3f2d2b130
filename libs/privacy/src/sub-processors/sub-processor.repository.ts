import { Injectable } from '@nestjs/common';
import { GenerateSql, selectColumns, Sql, SQL_EXAMPLE, toEntity } from '@chancery/core';
import { SubProcessor, SubProcessorChange, SubProcessorChangeKind, SubProcessorObjection } from './sub-processor.entity';

const SUB_PROCESSOR = selectColumns(SubProcessor, 's');
const CHANGE = selectColumns(SubProcessorChange, 'c');
const OBJECTION = selectColumns(SubProcessorObjection, 'o');

/** An objection still naming someone, to a change whose sub-processor was removed before the period ($1 now, $2 the period). */
const OBJECTION_PAST_RETENTION = `o.objector_user_id IS NOT NULL
  AND o.change_id IN (SELECT r.change_id FROM app_removed_sub_processor_changes($1::timestamptz - $2::interval) r)`;

/** `owner`: a tenant id, or null for the platform's own list. */
type Owner = string | null;

/** The `sub_processor`, `sub_processor_change` and `sub_processor_objection` tables. */
@Injectable()
export class SubProcessorRepository {
  constructor(private readonly sql: Sql) {}

  /** The list in force at `at`: started, and not yet ended. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.at] }, { params: [null, SQL_EXAMPLE.at], tenantId: null })
  async inForce(owner: Owner, at: Date): Promise<SubProcessor[]> {
    const rows = await this.sql.query(
      `SELECT ${SUB_PROCESSOR} FROM sub_processor s
        WHERE s.tenant_id IS NOT DISTINCT FROM $1::uuid AND s.effective_from <= $2 AND (s.effective_until IS NULL OR s.effective_until > $2)
        ORDER BY s.name COLLATE natural_order, s.id`,
      [owner, at],
    );
    return rows.map((row) => toEntity(SubProcessor, row));
  }

  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.id] })
  async findById(owner: Owner, id: string): Promise<SubProcessor | null> {
    const [row] = await this.sql.query(`SELECT ${SUB_PROCESSOR} FROM sub_processor s WHERE s.tenant_id IS NOT DISTINCT FROM $1::uuid AND s.id = $2`, [owner, id]);
    return row ? toEntity(SubProcessor, row) : null;
  }

  @GenerateSql({ params: [{ tenantId: SQL_EXAMPLE.tenantId, name: 'Mailer BV', service: 'e-mail delivery', location: 'BE', transferSafeguard: null, dataCategories: ['contact'], effectiveFrom: SQL_EXAMPLE.at, effectiveUntil: null, createdAt: SQL_EXAMPLE.at }] })
  async insert(subProcessor: Omit<SubProcessor, 'id'>): Promise<SubProcessor> {
    const s = subProcessor;
    const [row] = await this.sql.query(
      `INSERT INTO sub_processor AS s (tenant_id, name, service, location, transfer_safeguard, data_categories, effective_from, effective_until, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${SUB_PROCESSOR}`,
      [s.tenantId, s.name, s.service, s.location, s.transferSafeguard, s.dataCategories, s.effectiveFrom, s.effectiveUntil, s.createdAt],
    );
    return toEntity(SubProcessor, row!);
  }

  /** Ends a sub-processor at `at`, unless an end is already set (then nothing changes: null). */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.id, SQL_EXAMPLE.at] })
  async endAt(owner: Owner, id: string, at: Date): Promise<SubProcessor | null> {
    const [row] = await this.sql.query(
      `UPDATE sub_processor s SET effective_until = $3
        WHERE s.tenant_id IS NOT DISTINCT FROM $1::uuid AND s.id = $2 AND s.effective_until IS NULL RETURNING ${SUB_PROCESSOR}`,
      [owner, id, at],
    );
    return row ? toEntity(SubProcessor, row) : null;
  }

  /** Announced changes of one list, newest first. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId] }, { params: [null], tenantId: null })
  async changes(owner: Owner): Promise<SubProcessorChange[]> {
    const rows = await this.sql.query(`SELECT ${CHANGE} FROM sub_processor_change c WHERE c.tenant_id IS NOT DISTINCT FROM $1::uuid ORDER BY c.announced_at DESC, c.id`, [owner]);
    return rows.map((row) => toEntity(SubProcessorChange, row));
  }

  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.id] })
  async findChange(owner: Owner, id: string): Promise<SubProcessorChange | null> {
    const [row] = await this.sql.query(`SELECT ${CHANGE} FROM sub_processor_change c WHERE c.tenant_id IS NOT DISTINCT FROM $1::uuid AND c.id = $2`, [owner, id]);
    return row ? toEntity(SubProcessorChange, row) : null;
  }

  @GenerateSql({ params: [{ tenantId: SQL_EXAMPLE.tenantId, kind: SubProcessorChangeKind.ADDITION, subProcessorId: SQL_EXAMPLE.id, description: 'New mailer', announcedAt: SQL_EXAMPLE.at, objectionDeadline: SQL_EXAMPLE.at, effectiveAt: SQL_EXAMPLE.at, customersNotified: 2 }] })
  async insertChange(change: Omit<SubProcessorChange, 'id'>): Promise<SubProcessorChange> {
    const c = change;
    const [row] = await this.sql.query(
      `INSERT INTO sub_processor_change AS c (tenant_id, kind, sub_processor_id, description, announced_at, objection_deadline, effective_at, customers_notified)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${CHANGE}`,
      [c.tenantId, c.kind, c.subProcessorId, c.description, c.announcedAt, c.objectionDeadline, c.effectiveAt, c.customersNotified],
    );
    return toEntity(SubProcessorChange, row!);
  }

  /** Records an objection; null when this customer already objected to the change. */
  @GenerateSql({ params: [{ tenantId: SQL_EXAMPLE.tenantId, changeId: SQL_EXAMPLE.id, changeTenantId: SQL_EXAMPLE.tenantId, organisationId: SQL_EXAMPLE.organisationId, objectorUserId: SQL_EXAMPLE.userId, reason: 'Not in the EEA', objectedAt: SQL_EXAMPLE.at }] })
  async insertObjection(objection: Omit<SubProcessorObjection, 'id'>): Promise<SubProcessorObjection | null> {
    const o = objection;
    const [row] = await this.sql.query(
      `INSERT INTO sub_processor_objection AS o (tenant_id, change_id, change_tenant_id, organisation_id, objector_user_id, reason, objected_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING ${OBJECTION}`,
      [o.tenantId, o.changeId, o.changeTenantId, o.organisationId, o.objectorUserId, o.reason, o.objectedAt],
    );
    return row ? toEntity(SubProcessorObjection, row) : null;
  }

  /**
   * Retention (SUB_PROCESSOR_OBJECTION): the transaction's tenant's objections to a change whose
   * sub-processor was removed longer than the period ago ($1 now, $2 the period) that still say who
   * objected and why. The changes may be the platform's: `app_removed_sub_processor_changes` finds them.
   * Held: under a legal hold (`SubProcessorObjection:<id>`) or the objector restricted.
   */
  @GenerateSql({ params: [SQL_EXAMPLE.at, '5 years', [], []] })
  async countObjectionsPastRetention(now: Date, retention: string, held: readonly string[], restricted: readonly string[]): Promise<{ expired: number; held: number }> {
    const [row] = await this.sql.query<{ expired: string; held: string }>(
      `SELECT count(*) AS expired,
              count(*) FILTER (WHERE ('SubProcessorObjection:' || o.id::text) = ANY($3::text[]) OR o.objector_user_id = ANY($4::uuid[])) AS held
         FROM sub_processor_objection o WHERE ${OBJECTION_PAST_RETENTION}`,
      [now, retention, held, restricted],
    );
    return { expired: Number(row!.expired), held: Number(row!.held) };
  }

  /** Up to `limit` of them keep the change, the company and the time, and no longer name or quote anyone. */
  @GenerateSql({ params: [SQL_EXAMPLE.at, '5 years', [], [], 100] })
  async deidentifyObjectionsPastRetention(now: Date, retention: string, held: readonly string[], restricted: readonly string[], limit: number): Promise<number> {
    const rows = await this.sql.query(
      `UPDATE sub_processor_objection d SET objector_user_id = NULL, reason = NULL
        WHERE d.id IN (
          SELECT o.id FROM sub_processor_objection o
           WHERE ${OBJECTION_PAST_RETENTION}
             AND NOT (('SubProcessorObjection:' || o.id::text) = ANY($3::text[]))
             AND NOT (o.objector_user_id = ANY($4::uuid[]))
           ORDER BY o.objected_at, o.id LIMIT $5)
        RETURNING d.id`,
      [now, retention, held, restricted, limit],
    );
    return rows.length;
  }

  /** Objections to the changes one list's owner announced (a tenant's, or with null the platform's), newest first. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId] }, { params: [null], tenantId: null })
  async objectionsTo(owner: Owner): Promise<SubProcessorObjection[]> {
    const rows = await this.sql.query(
      `SELECT ${OBJECTION} FROM sub_processor_objection o WHERE o.change_tenant_id IS NOT DISTINCT FROM $1::uuid ORDER BY o.objected_at DESC, o.id`,
      [owner],
    );
    return rows.map((row) => toEntity(SubProcessorObjection, row));
  }

  /** The objections one customer lodged: a company's (organisationId), or a tenant's own to the platform's changes (null); newest first. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.organisationId] }, { params: [SQL_EXAMPLE.tenantId, null] })
  async objectionsBy(tenantId: string, organisationId: string | null): Promise<SubProcessorObjection[]> {
    const rows = await this.sql.query(
      `SELECT ${OBJECTION} FROM sub_processor_objection o WHERE o.tenant_id = $1 AND o.organisation_id IS NOT DISTINCT FROM $2::uuid ORDER BY o.objected_at DESC, o.id`,
      [tenantId, organisationId],
    );
    return rows.map((row) => toEntity(SubProcessorObjection, row));
  }
}
