import { Injectable } from '@nestjs/common';
import { GenerateSql, isUniqueViolation, selectColumns, Sql, SQL_EXAMPLE, toEntity } from '@chancery/core';
import { TenantDestructionCertificate, TenantOffboarding } from './tenant-offboarding.entity';

const OFFBOARDING = selectColumns(TenantOffboarding, 'o');
const CERTIFICATE = selectColumns(TenantDestructionCertificate, 'c');

export type NewDestructionCertificate = Omit<TenantDestructionCertificate, 'id' | 'exportHash' | 'certificateHash' | 'rowsDeleted' | 'totalRowsDeleted' | 'intact' | 'signedContent'>;

const CERTIFICATE_EXAMPLE: NewDestructionCertificate = {
  departedTenantId: SQL_EXAMPLE.tenantId, tenantSlug: 'departed', tenantName: 'Departed', requestedAt: SQL_EXAMPLE.at, confirmedAt: SQL_EXAMPLE.at,
  exportSha256: SQL_EXAMPLE.hash, exportedAt: SQL_EXAMPLE.at, exportedRecords: 10, destroyedAt: SQL_EXAMPLE.at, destroyedBy: SQL_EXAMPLE.userId,
  deletedRows: { organisation: 1, tenant: 1 }, certificateSha256: SQL_EXAMPLE.hash, signingKeyId: 'kid', signature: 'signature',
};

/** `tenant_offboarding` and `tenant_destruction_certificate`, and the two functions that reach every tenant table (see the migration). */
@Injectable()
export class TenantOffboardingRepository {
  constructor(private readonly sql: Sql) {}

  /** Filed by the operator in its own scope. Null when the tenant is already leaving. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.userId, SQL_EXAMPLE.at] })
  async insertRequest(tenantId: string, requestedBy: string, at: Date): Promise<TenantOffboarding | null> {
    try {
      const [row] = await this.sql.query(
        `INSERT INTO tenant_offboarding AS o (tenant_id, requested_by, requested_at, status) VALUES ($1, $2, $3, 'REQUESTED') RETURNING ${OFFBOARDING}`,
        [tenantId, requestedBy, at],
      );
      return toEntity(TenantOffboarding, row!);
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  @GenerateSql({ params: [SQL_EXAMPLE.id] })
  async findById(id: string): Promise<TenantOffboarding | null> {
    const [row] = await this.sql.query(`SELECT ${OFFBOARDING} FROM tenant_offboarding o WHERE o.id = $1`, [id]);
    return row ? toEntity(TenantOffboarding, row) : null;
  }

  /**
   * The offboarding, its row locked until the transaction ends: every change of a departure (confirm,
   * export, withdraw, destroy) takes this lock first, so concurrent ones run one after the other and
   * each re-reads the state the previous one left (a destroyed tenant's row is gone: null).
   */
  @GenerateSql({ params: [SQL_EXAMPLE.id] })
  async lockById(id: string): Promise<TenantOffboarding | null> {
    const [row] = await this.sql.query(`SELECT ${OFFBOARDING} FROM tenant_offboarding o WHERE o.id = $1 FOR UPDATE`, [id]);
    return row ? toEntity(TenantOffboarding, row) : null;
  }

  /** Withdrawn by the operator (platform scope) or the tenant's administrator; null when it was not open. */
  @GenerateSql({ params: [SQL_EXAMPLE.id, SQL_EXAMPLE.userId, 'OPERATOR', 'Contract renewed', SQL_EXAMPLE.at] })
  async withdraw(id: string, withdrawnBy: string, party: string, reason: string, at: Date): Promise<TenantOffboarding | null> {
    const [row] = await this.sql.query(
      `UPDATE tenant_offboarding o SET status = 'WITHDRAWN', withdrawn_by = $2, withdrawn_by_party = $3, withdrawal_reason = $4, withdrawn_at = $5
        WHERE o.id = $1 AND o.status IN ('REQUESTED', 'CONFIRMED') RETURNING ${OFFBOARDING}`,
      [id, withdrawnBy, party, reason, at],
    );
    return row ? toEntity(TenantOffboarding, row) : null;
  }

  /** Every offboarding the scope shows: the tenant's own, or (platform scope) every tenant's. */
  @GenerateSql({ params: [] })
  async listVisible(): Promise<TenantOffboarding[]> {
    const rows = await this.sql.query(`SELECT ${OFFBOARDING} FROM tenant_offboarding o ORDER BY o.requested_at DESC, o.id`);
    return rows.map((row) => toEntity(TenantOffboarding, row));
  }

  /** The administrator's confirmation; null when it is not pending. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.id, SQL_EXAMPLE.userId, SQL_EXAMPLE.at, SQL_EXAMPLE.at] })
  async confirm(tenantId: string, id: string, confirmedBy: string, at: Date, destroyNotBefore: Date): Promise<TenantOffboarding | null> {
    const [row] = await this.sql.query(
      `UPDATE tenant_offboarding o SET status = 'CONFIRMED', confirmed_by = $3, confirmed_at = $4, destroy_not_before = $5
        WHERE o.tenant_id = $1 AND o.id = $2 AND o.status = 'REQUESTED' RETURNING ${OFFBOARDING}`,
      [tenantId, id, confirmedBy, at, destroyNotBefore],
    );
    return row ? toEntity(TenantOffboarding, row) : null;
  }

  /** Records the archive handed out last: the certificate names its hash. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.id, SQL_EXAMPLE.hash, SQL_EXAMPLE.at, 10] })
  async recordExport(tenantId: string, id: string, sha256: Buffer, at: Date, records: number): Promise<void> {
    await this.sql.query(
      `UPDATE tenant_offboarding o SET export_sha256 = $3, exported_at = $4, exported_records = $5 WHERE o.tenant_id = $1 AND o.id = $2 AND o.status = 'CONFIRMED'`,
      [tenantId, id, sha256, at, records],
    );
  }

  /** Every row of every tenant table, of the transaction's tenant only (row-level security), in a stable order. */
  @GenerateSql({ params: [] })
  async archiveRows(): Promise<Array<{ table: string; row: Record<string, unknown> }>> {
    return this.sql.query(`SELECT a.table_name AS "table", a.row_data AS "row" FROM app_tenant_archive_rows() a`);
  }

  /** The departing tenant's changes (audit entries) after its archive was taken, but for the departure's own, and the newest one's time. */
  @GenerateSql({ params: [SQL_EXAMPLE.id] })
  async changesAfterExport(offboardingId: string): Promise<{ changes: number; lastChange: Date | null }> {
    const [row] = await this.sql.query<{ changes: number; lastChange: Date | null }>(
      `SELECT c.changes::int AS changes, c.last_change AS "lastChange" FROM app_tenant_changes_after_export($1) c`,
      [offboardingId],
    );
    return row!;
  }

  /** Deletes every row of the offboarding's tenant; the database refuses unless it is confirmed, exported and past its wait. */
  @GenerateSql({ params: [SQL_EXAMPLE.id, SQL_EXAMPLE.at] })
  async destroyTenant(offboardingId: string, at: Date): Promise<Array<{ table: string; deleted: number }>> {
    return this.sql.query(`SELECT d.table_name AS "table", d.deleted::int AS deleted FROM app_destroy_tenant($1, $2) d`, [offboardingId, at]);
  }

  /** Where the departing tenant's files outside the database are (S3 objects): the same checks as the destruction's. */
  @GenerateSql({ params: [SQL_EXAMPLE.id, SQL_EXAMPLE.at] })
  async departingTenantObjects(offboardingId: string, at: Date): Promise<Array<{ documentId: string; storage: string; storageKey: string }>> {
    return this.sql.query(
      `SELECT o.document_id AS "documentId", o.storage, o.storage_key AS "storageKey" FROM app_departing_tenant_objects($1, $2) o`,
      [offboardingId, at],
    );
  }

  @GenerateSql({ params: [CERTIFICATE_EXAMPLE] })
  async insertCertificate(c: NewDestructionCertificate): Promise<TenantDestructionCertificate> {
    const [row] = await this.sql.query(
      `INSERT INTO tenant_destruction_certificate AS c (departed_tenant_id, tenant_slug, tenant_name, requested_at, confirmed_at, export_sha256, exported_at,
         exported_records, destroyed_at, destroyed_by, deleted_rows, certificate_sha256, signing_key_id, signature)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING ${CERTIFICATE}`,
      [c.departedTenantId, c.tenantSlug, c.tenantName, c.requestedAt, c.confirmedAt, c.exportSha256, c.exportedAt, c.exportedRecords, c.destroyedAt, c.destroyedBy,
        JSON.stringify(c.deletedRows), c.certificateSha256, c.signingKeyId, c.signature],
    );
    return toEntity(TenantDestructionCertificate, row!);
  }

  @GenerateSql({ params: [] })
  async listCertificates(): Promise<TenantDestructionCertificate[]> {
    const rows = await this.sql.query(`SELECT ${CERTIFICATE} FROM tenant_destruction_certificate c ORDER BY c.destroyed_at DESC, c.id`);
    return rows.map((row) => toEntity(TenantDestructionCertificate, row));
  }
}
