import { Injectable } from '@nestjs/common';
import { GenerateSql, Sql, SQL_EXAMPLE } from '@chancery/core';

/** Failed attempts counted under one key, in the current window. */
export interface FailureCount {
  failures: number;
  windowStart: Date | null;
  lastFailureAt: Date | null;
}

/**
 * The `login_throttle` table: failed attempts per key, a hash naming what is counted (an account and
 * a client address, an account, a session's step-ups…; see `attempt-limits.ts`), in a fixed window.
 */
@Injectable()
export class LoginThrottleRepository {
  constructor(private readonly sql: Sql) {}

  /** The failures counted under each key in windows that started after `windowStartAfter`, in the keys' order. */
  @GenerateSql({ params: [[SQL_EXAMPLE.hash], SQL_EXAMPLE.at] })
  async failuresSince(keys: readonly Buffer[], windowStartAfter: Date): Promise<FailureCount[]> {
    const rows = await this.sql.query<{ key: Buffer; failures: number; windowStart: Date; lastFailureAt: Date }>(
      `SELECT l.account_key AS key, l.failures, l.window_start AS "windowStart", l.last_failure_at AS "lastFailureAt" FROM login_throttle l
        WHERE l.account_key = ANY($1::bytea[]) AND l.window_start > $2`,
      [keys, windowStartAfter],
    );
    return keys.map((key) => {
      const row = rows.find((r) => r.key.equals(key));
      return { failures: row?.failures ?? 0, windowStart: row?.windowStart ?? null, lastFailureAt: row?.lastFailureAt ?? null };
    });
  }

  /**
   * Holds the account's counters for the rest of the caller's transaction: attempts on the same
   * account (from any address, in any session) read and count one after another, so attempts that
   * arrive together cannot all be judged on the count from before any of them. Every key of an
   * attempt (address, session) belongs to one account, so that one lock covers them all.
   */
  @GenerateSql({ params: [SQL_EXAMPLE.hash] })
  async lockAccount(accountKey: Buffer): Promise<void> {
    await this.sql.query(`SELECT pg_advisory_xact_lock(hashtextextended('login_throttle:' || encode($1, 'hex'), 0))`, [accountKey]);
  }

  /** Counts a failure under each key in its current window, or starts a new window. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, [SQL_EXAMPLE.hash], SQL_EXAMPLE.at, SQL_EXAMPLE.at] })
  async recordFailure(tenantId: string | null, keys: readonly Buffer[], at: Date, windowStartAfter: Date): Promise<void> {
    await this.sql.query(
      `INSERT INTO login_throttle AS l (tenant_id, account_key, failures, window_start, last_failure_at)
       SELECT $1, key, 1, $3, $3 FROM unnest($2::bytea[]) AS key
       ON CONFLICT (account_key) DO UPDATE
         SET failures = CASE WHEN l.window_start <= $4 THEN 1 ELSE l.failures + 1 END,
             window_start = CASE WHEN l.window_start <= $4 THEN $3 ELSE l.window_start END,
             last_failure_at = $3`,
      [tenantId, keys, at, windowStartAfter],
    );
  }

  /** Takes back an attempt counted before it was judged (it succeeded): one failure less in the current window. */
  @GenerateSql({ params: [[SQL_EXAMPLE.hash], SQL_EXAMPLE.at] })
  async giveBack(keys: readonly Buffer[], windowStartAfter: Date): Promise<void> {
    await this.sql.query(
      `UPDATE login_throttle l SET failures = l.failures - 1 WHERE l.account_key = ANY($1::bytea[]) AND l.window_start > $2 AND l.failures > 0`,
      [keys, windowStartAfter],
    );
  }

  /**
   * Counters whose window started before `before`: they count nothing any more. Those of the unit's
   * tenant, or in a platform unit the platform's (row-level security); one batch.
   */
  @GenerateSql({ params: [SQL_EXAMPLE.at, 500] }, { params: [SQL_EXAMPLE.at, 500], tenantId: null })
  async deleteWindowsStartedBefore(before: Date, batchSize: number): Promise<number> {
    const rows = await this.sql.query(
      `DELETE FROM login_throttle WHERE account_key IN (
         SELECT l.account_key FROM login_throttle l WHERE l.window_start < $1 LIMIT ${Math.trunc(batchSize)})
       RETURNING account_key`,
      [before],
    );
    return rows.length;
  }

  @GenerateSql({ params: [[SQL_EXAMPLE.hash]] })
  async clear(keys: readonly Buffer[]): Promise<void> {
    await this.sql.query(`DELETE FROM login_throttle l WHERE l.account_key = ANY($1::bytea[])`, [keys]);
  }
}
