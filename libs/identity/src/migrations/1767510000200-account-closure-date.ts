import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When an account was closed (issue 18 item 4, rule ACCOUNT: 12 months after the account is closed).
 * An account is closed by disabling it; `disabled_at` records when, and goes when it is enabled again.
 * Accounts disabled before this migration count from the migration: their real date was not kept,
 * and counting from later keeps them longer, never shorter. Erased accounts are disabled and already
 * without personal data, whatever their date.
 */
export class AccountClosureDate1767510000200 implements MigrationInterface {
  name = 'AccountClosureDate1767510000200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE user_account ADD COLUMN disabled_at timestamptz NULL`);
    await db.query(`UPDATE user_account SET disabled_at = now() WHERE status = 'DISABLED'`);
    await db.query(`ALTER TABLE user_account ADD CONSTRAINT user_account_disabled_when CHECK (disabled_at IS NULL OR status = 'DISABLED')`);
    await db.query(`CREATE INDEX user_account_disabled ON user_account (tenant_id, disabled_at) WHERE disabled_at IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX user_account_disabled`);
    await db.query(`ALTER TABLE user_account DROP CONSTRAINT user_account_disabled_when, DROP COLUMN disabled_at`);
  }
}
