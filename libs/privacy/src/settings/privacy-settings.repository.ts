import { Injectable } from '@nestjs/common';
import { GenerateSql, selectColumns, Sql, SQL_EXAMPLE, toEntity } from '@chancery/core';
import { PrivacySettings, RequestDeadlineRule } from './privacy-settings.entity';

const SETTINGS = selectColumns(PrivacySettings, 's');

/** The `privacy_settings` table: one row per tenant that changed a default. */
@Injectable()
export class PrivacySettingsRepository {
  constructor(private readonly sql: Sql) {}

  @GenerateSql({ params: [SQL_EXAMPLE.tenantId] })
  async find(tenantId: string): Promise<PrivacySettings | null> {
    const [row] = await this.sql.query(`SELECT ${SETTINGS} FROM privacy_settings s WHERE s.tenant_id = $1`, [tenantId]);
    return row ? toEntity(PrivacySettings, row) : null;
  }

  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, RequestDeadlineRule.THIRTY_DAYS, SQL_EXAMPLE.at, SQL_EXAMPLE.userId] })
  async saveDeadlineRule(tenantId: string, rule: RequestDeadlineRule, at: Date, by: string): Promise<PrivacySettings> {
    const [row] = await this.sql.query(
      `INSERT INTO privacy_settings AS s (tenant_id, request_deadline_rule, updated_at, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id) DO UPDATE SET request_deadline_rule = EXCLUDED.request_deadline_rule, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
       RETURNING ${SETTINGS}`,
      [tenantId, rule, at, by],
    );
    return toEntity(PrivacySettings, row!);
  }
}
