import { Injectable } from '@nestjs/common';
import { GenerateSql, selectColumns, Sql, SQL_EXAMPLE, toEntity } from '@chancery/core';
import { ContactDisclosureAcknowledgement } from '../entities/contact-disclosure-acknowledgement.entity';
import { DatasheetChangeKind } from '../entities/internal.entities';
import { ProductFamilySchema } from '../entities/product-family-schema.entity';

const ACKNOWLEDGEMENT = selectColumns(ContactDisclosureAcknowledgement, 'a');
const FAMILY_SCHEMA = selectColumns(ProductFamilySchema, 's', { except: ['jsonSchema'] }) + ', s.json_schema::text AS "jsonSchema"';

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

  /** Whether the person holds an acknowledgement of this version of the notice without a later objection. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.userId, '2026-01'] })
  async isAcknowledged(tenantId: string, userId: string, noticeVersion: string): Promise<boolean> {
    const rows = await this.sql.query(
      `SELECT 1 FROM contact_disclosure_acknowledgement a WHERE a.tenant_id = $1 AND a.user_id = $2 AND a.notice_version = $3 AND a.objected_at IS NULL`,
      [tenantId, userId, noticeVersion],
    );
    return rows.length > 0;
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

/** `product_family_schema`: the tenant's JSON Schema per product family. */
@Injectable()
export class ProductFamilySchemaRepository {
  constructor(private readonly sql: Sql) {}

  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, 'kerbstones', '{"type":"object"}', SQL_EXAMPLE.at] })
  async upsert(tenantId: string, family: string, jsonSchema: string, at: Date): Promise<ProductFamilySchema> {
    const [row] = await this.sql.query(
      `INSERT INTO product_family_schema AS s (tenant_id, family, json_schema, updated_at) VALUES ($1, $2, $3::jsonb, $4)
       ON CONFLICT (tenant_id, family) DO UPDATE SET json_schema = EXCLUDED.json_schema, updated_at = EXCLUDED.updated_at, version = s.version + 1
       RETURNING ${FAMILY_SCHEMA}`,
      [tenantId, family, jsonSchema, at],
    );
    return toEntity(ProductFamilySchema, row!);
  }

  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, 'kerbstones'] })
  async find(tenantId: string, family: string): Promise<ProductFamilySchema | null> {
    const [row] = await this.sql.query(`SELECT ${FAMILY_SCHEMA} FROM product_family_schema s WHERE s.tenant_id = $1 AND s.family = $2`, [tenantId, family]);
    return row ? toEntity(ProductFamilySchema, row) : null;
  }

  @GenerateSql({ params: [SQL_EXAMPLE.tenantId] })
  async list(tenantId: string): Promise<ProductFamilySchema[]> {
    const rows = await this.sql.query(`SELECT ${FAMILY_SCHEMA} FROM product_family_schema s WHERE s.tenant_id = $1 ORDER BY s.family`, [tenantId]);
    return rows.map((row) => toEntity(ProductFamilySchema, row));
  }
}

/** `datasheet_settings` and `datasheet_change`: the tenant's deadline, and the change log the external system follows. */
@Injectable()
export class DatasheetLedgerRepository {
  constructor(private readonly sql: Sql) {}

  @GenerateSql({ params: [SQL_EXAMPLE.tenantId] })
  async contactReplacementDays(tenantId: string): Promise<number | null> {
    const [row] = await this.sql.query<{ days: number }>(`SELECT s.contact_replacement_days AS days FROM datasheet_settings s WHERE s.tenant_id = $1`, [tenantId]);
    return row?.days ?? null;
  }

  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, 30, SQL_EXAMPLE.at] })
  async setContactReplacementDays(tenantId: string, days: number, at: Date): Promise<void> {
    await this.sql.query(
      `INSERT INTO datasheet_settings AS s (tenant_id, contact_replacement_days, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id) DO UPDATE SET contact_replacement_days = EXCLUDED.contact_replacement_days, updated_at = EXCLUDED.updated_at`,
      [tenantId, days, at],
    );
  }

  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.id, SQL_EXAMPLE.id, 'PUBLISHED', SQL_EXAMPLE.at] })
  async recordChange(tenantId: string, datasheetId: string, versionId: string | null, kind: DatasheetChangeKind, at: Date): Promise<void> {
    await this.sql.query(
      `INSERT INTO datasheet_change (tenant_id, datasheet_id, version_id, kind, occurred_at) VALUES ($1, $2, $3, $4, $5)`,
      [tenantId, datasheetId, versionId, kind, at],
    );
  }

  /** Changes of the tenant after the cursor, oldest first. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, '0', 100] })
  async changesAfter(tenantId: string, after: string, limit: number): Promise<Array<{ seq: string; datasheetId: string; versionId: string | null; kind: DatasheetChangeKind; occurredAt: Date }>> {
    return this.sql.query(
      `SELECT c.seq::text AS seq, c.datasheet_id AS "datasheetId", c.version_id AS "versionId", c.kind, c.occurred_at AS "occurredAt"
         FROM datasheet_change c WHERE c.tenant_id = $1 AND c.seq > $2::bigint ORDER BY c.seq LIMIT $3`,
      [tenantId, after, limit],
    );
  }
}
