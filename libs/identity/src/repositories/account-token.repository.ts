import { Injectable } from '@nestjs/common';
import { GenerateSql, Sql, SQL_EXAMPLE } from '@chancery/core';

export type AccountTokenPurpose = 'EMAIL_CONFIRMATION' | 'PASSWORD_RESET';

/** The `one_time_token` table: single-use links sent by e-mail (address confirmation, password reset). */
@Injectable()
export class AccountTokenRepository {
  constructor(private readonly sql: Sql) {}

  @GenerateSql({ params: [{ tenantId: SQL_EXAMPLE.tenantId, userId: SQL_EXAMPLE.userId, purpose: 'PASSWORD_RESET', hash: SQL_EXAMPLE.hash, expiresAt: SQL_EXAMPLE.at }] })
  async insert(token: { tenantId: string | null; userId: string; purpose: AccountTokenPurpose; hash: Buffer; expiresAt: Date }): Promise<void> {
    await this.sql.query(
      `INSERT INTO one_time_token (tenant_id, user_id, purpose, token_hash, expires_at) VALUES ($1, $2, $3, $4, $5)`,
      [token.tenantId, token.userId, token.purpose, token.hash, token.expiresAt],
    );
  }

  /**
   * Uses a token if it is unused and unexpired, and returns its user, or null. The UPDATE is the
   * check, so two concurrent uses cannot both succeed.
   */
  @GenerateSql({ params: ['PASSWORD_RESET', SQL_EXAMPLE.hash, SQL_EXAMPLE.at] })
  async consume(purpose: AccountTokenPurpose, hash: Buffer, now: Date): Promise<string | null> {
    const [row] = await this.sql.query<{ userId: string }>(
      `UPDATE one_time_token t SET used_at = $3
        WHERE t.token_hash = $1 AND t.purpose = $2 AND t.used_at IS NULL AND t.expires_at > $3
       RETURNING t.user_id AS "userId"`,
      [hash, purpose, now],
    );
    return row?.userId ?? null;
  }

  /** Marks every unused token of the purpose of the account used. */
  @GenerateSql({ params: [SQL_EXAMPLE.userId, 'PASSWORD_RESET', SQL_EXAMPLE.at] })
  async spendAll(userId: string, purpose: AccountTokenPurpose, at: Date): Promise<void> {
    await this.sql.query(`UPDATE one_time_token t SET used_at = $3 WHERE t.user_id = $1 AND t.purpose = $2 AND t.used_at IS NULL`, [userId, purpose, at]);
  }
}
