import { Injectable } from '@nestjs/common';
import { GenerateSql, Sql, SQL_EXAMPLE } from '@chancery/core';

/** The `login_throttle` table: failed logins per account key (a hash of tenant and e-mail). */
@Injectable()
export class LoginThrottleRepository {
  constructor(private readonly sql: Sql) {}

  @GenerateSql({ params: [SQL_EXAMPLE.hash, SQL_EXAMPLE.at] })
  async failuresSince(accountKey: Buffer, windowStartAfter: Date): Promise<number> {
    const [row] = await this.sql.query<{ failures: number }>(
      `SELECT l.failures FROM login_throttle l WHERE l.account_key = $1 AND l.window_start > $2`,
      [accountKey, windowStartAfter],
    );
    return row?.failures ?? 0;
  }

  /** Counts a failure in the current window, or starts a new window. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.hash, SQL_EXAMPLE.at, SQL_EXAMPLE.at] })
  async recordFailure(tenantId: string | null, accountKey: Buffer, at: Date, windowStartAfter: Date): Promise<void> {
    await this.sql.query(
      `INSERT INTO login_throttle AS l (tenant_id, account_key, failures, window_start) VALUES ($1, $2, 1, $3)
       ON CONFLICT (account_key) DO UPDATE
         SET failures = CASE WHEN l.window_start <= $4 THEN 1 ELSE l.failures + 1 END,
             window_start = CASE WHEN l.window_start <= $4 THEN $3 ELSE l.window_start END`,
      [tenantId, accountKey, at, windowStartAfter],
    );
  }

  @GenerateSql({ params: [SQL_EXAMPLE.hash] })
  async clear(accountKey: Buffer): Promise<void> {
    await this.sql.query(`DELETE FROM login_throttle l WHERE l.account_key = $1`, [accountKey]);
  }
}
