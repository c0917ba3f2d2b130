import { Injectable } from '@nestjs/common';
import { GenerateSql, Sql, SQL_EXAMPLE } from '@chancery/core';
import { DatasheetChangeKind } from '../entities/internal.entities';

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

  /** The same change to several datasheets, one statement (a contact leaving every datasheet at once). */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, [SQL_EXAMPLE.id], 'CONTACT_CHANGED', SQL_EXAMPLE.at] })
  async recordChanges(tenantId: string, datasheetIds: readonly string[], kind: DatasheetChangeKind, at: Date): Promise<void> {
    await this.sql.query(
      `INSERT INTO datasheet_change (tenant_id, datasheet_id, version_id, kind, occurred_at) SELECT $1, id, NULL, $3, $4 FROM unnest($2::uuid[]) WITH ORDINALITY AS t(id, n) ORDER BY n`,
      [tenantId, datasheetIds, kind, at],
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
