import { Injectable } from '@nestjs/common';
import { GenerateSql, selectColumns, Sql, SQL_EXAMPLE, toEntity } from '@chancery/core';
import { ProcessingActivity } from './processing-activity.entity';

const COLUMNS = selectColumns(ProcessingActivity, 'a');
const EXAMPLE = {
  tenantId: SQL_EXAMPLE.tenantId, name: 'Newsletter', purpose: 'Inform members', legalBasis: 'consent', dataSubjects: ['subscriber'],
  dataCategories: ['contact'], recipients: ['mailing service'], transfers: 'none', retention: 'until unsubscribed', securityMeasures: 'double opt-in', createdAt: SQL_EXAMPLE.at,
};

/** The `processing_activity` table: the tenant's own entries of its register. */
@Injectable()
export class ProcessingActivityRepository {
  constructor(private readonly sql: Sql) {}

  @GenerateSql({ params: [SQL_EXAMPLE.tenantId] })
  async listOfTenant(tenantId: string): Promise<ProcessingActivity[]> {
    const rows = await this.sql.query(`SELECT ${COLUMNS} FROM processing_activity a WHERE a.tenant_id = $1 ORDER BY a.created_at, a.id`, [tenantId]);
    return rows.map((row) => toEntity(ProcessingActivity, row));
  }

  @GenerateSql({ params: [EXAMPLE] })
  async insert(activity: Omit<ProcessingActivity, 'id'>): Promise<ProcessingActivity> {
    const [row] = await this.sql.query(
      `INSERT INTO processing_activity AS a (tenant_id, name, purpose, legal_basis, data_subjects, data_categories, recipients, transfers, retention, security_measures, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${COLUMNS}`,
      [activity.tenantId, activity.name, activity.purpose, activity.legalBasis, activity.dataSubjects, activity.dataCategories, activity.recipients,
        activity.transfers, activity.retention, activity.securityMeasures, activity.createdAt],
    );
    return toEntity(ProcessingActivity, row!);
  }

  /** Removes one entry of the tenant; false when it has none with this id. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.id] })
  async delete(tenantId: string, id: string): Promise<ProcessingActivity | null> {
    const [row] = await this.sql.query(`DELETE FROM processing_activity a WHERE a.tenant_id = $1 AND a.id = $2 RETURNING ${COLUMNS}`, [tenantId, id]);
    return row ? toEntity(ProcessingActivity, row) : null;
  }
}
