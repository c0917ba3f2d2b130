import { Injectable } from '@nestjs/common';
import { GenerateSql, selectColumns, Sql, SQL_EXAMPLE, toEntity } from '@chancery/core';
import { RecoveryCode } from '../entities/recovery-code.entity';

const CODE = selectColumns(RecoveryCode, 'c');

/** How many of an account's recovery codes are left, and when they were made (null: none ever made). */
export interface RecoveryCodeCount {
  remaining: number;
  generatedAt: Date | null;
}

/**
 * The `recovery_code` table: an account's single-use second-factor recovery codes, by keyed hash.
 * No method returns a hash to a caller but the export's (`allOf`), which the export withholds.
 */
@Injectable()
export class RecoveryCodeRepository {
  constructor(private readonly sql: Sql) {}

  /**
   * The account's codes replaced by these (hashes), made at `at`. The account's tenant is taken from
   * the account itself, so a code row can never name another tenant than its account's.
   */
  @GenerateSql({ params: [SQL_EXAMPLE.userId, [SQL_EXAMPLE.hash], SQL_EXAMPLE.at] })
  async replaceAll(userId: string, hashes: readonly Buffer[], at: Date): Promise<number> {
    await this.deleteAllOf(userId);
    const rows = await this.sql.query(
      `INSERT INTO recovery_code (tenant_id, user_id, code_hash, created_at)
       SELECT u.tenant_id, u.id, h, $3 FROM user_account u CROSS JOIN unnest($2::bytea[]) AS h WHERE u.id = $1
       RETURNING id`,
      [userId, hashes, at],
    );
    return rows.length;
  }

  /**
   * Spends the unused code with this hash: the UPDATE is the check (a row locked by another login
   * is re-read when it commits, and then is no longer unused), so one code can never open two
   * sessions. The number left, or null when there was no such unused code.
   */
  @GenerateSql({ params: [SQL_EXAMPLE.userId, SQL_EXAMPLE.hash, SQL_EXAMPLE.at] })
  async use(userId: string, hash: Buffer, at: Date): Promise<number | null> {
    const [row] = await this.sql.query<{ spent: number; remaining: number }>(
      `WITH spent AS (
         UPDATE recovery_code c SET used_at = $3 WHERE c.user_id = $1 AND c.code_hash = $2 AND c.used_at IS NULL RETURNING c.id
       )
       -- The count reads the table as it was before the UPDATE (a statement sees its own snapshot).
       SELECT (SELECT count(*) FROM spent)::int AS spent,
              (SELECT count(*) FROM recovery_code c WHERE c.user_id = $1 AND c.used_at IS NULL)::int - (SELECT count(*) FROM spent)::int AS remaining`,
      [userId, hash, at],
    );
    return row!.spent === 1 ? row!.remaining : null;
  }

  @GenerateSql({ params: [SQL_EXAMPLE.userId] })
  async countOf(userId: string): Promise<RecoveryCodeCount> {
    const [row] = await this.sql.query<RecoveryCodeCount>(
      `SELECT count(*) FILTER (WHERE c.used_at IS NULL)::int AS remaining, max(c.created_at) AS "generatedAt" FROM recovery_code c WHERE c.user_id = $1`,
      [userId],
    );
    return row ?? { remaining: 0, generatedAt: null };
  }

  /** Every code of the account, used or not (the person's export; the hash is withheld there). */
  @GenerateSql({ params: [SQL_EXAMPLE.userId] })
  async allOf(userId: string): Promise<RecoveryCode[]> {
    const rows = await this.sql.query(`SELECT ${CODE} FROM recovery_code c WHERE c.user_id = $1 ORDER BY c.created_at, c.id`, [userId]);
    return rows.map((row) => toEntity(RecoveryCode, row));
  }

  /** The second factor was removed, the person erased, or new codes replace these. */
  @GenerateSql({ params: [SQL_EXAMPLE.userId] })
  async deleteAllOf(userId: string): Promise<number> {
    return (await this.sql.query(`DELETE FROM recovery_code c WHERE c.user_id = $1 RETURNING c.id`, [userId])).length;
  }
}
