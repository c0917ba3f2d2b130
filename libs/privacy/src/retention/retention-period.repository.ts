import { Injectable } from '@nestjs/common';
import { GenerateSql, selectColumns, Sql, SQL_EXAMPLE, toEntity } from '@chancery/core';
import { RetentionRuleKey } from '@chancery/policy';
import { RetentionPeriod } from './retention-period.entity';

const PERIOD = selectColumns(RetentionPeriod, 'p');

/** The `retention_period` table: the periods a tenant shortened, one row per rule. */
@Injectable()
export class RetentionPeriodRepository {
  constructor(private readonly sql: Sql) {}

  @GenerateSql({ params: [SQL_EXAMPLE.tenantId] })
  async ofTenant(tenantId: string): Promise<RetentionPeriod[]> {
    const rows = await this.sql.query(`SELECT ${PERIOD} FROM retention_period p WHERE p.tenant_id = $1 ORDER BY p.rule`, [tenantId]);
    return rows.map((row) => toEntity(RetentionPeriod, row));
  }

  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, RetentionRuleKey.LOGIN_SESSION, 6, SQL_EXAMPLE.at, SQL_EXAMPLE.userId] })
  async save(tenantId: string, rule: RetentionRuleKey, period: number, at: Date, by: string): Promise<RetentionPeriod> {
    const [row] = await this.sql.query(
      `INSERT INTO retention_period AS p (tenant_id, rule, period, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, rule) DO UPDATE SET period = EXCLUDED.period, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
       RETURNING ${PERIOD}`,
      [tenantId, rule, period, at, by],
    );
    return toEntity(RetentionPeriod, row!);
  }

  /** Back to the platform's default: the tenant's row goes. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, RetentionRuleKey.LOGIN_SESSION] })
  async remove(tenantId: string, rule: RetentionRuleKey): Promise<number> {
    return (await this.sql.query(`DELETE FROM retention_period p WHERE p.tenant_id = $1 AND p.rule = $2 RETURNING p.rule`, [tenantId, rule])).length;
  }
}
