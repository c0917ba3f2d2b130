import { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from '@chancery/core/database/row-security';

/**
 * Second-factor recovery codes (review F11: a sole administrator who loses their phone is not locked
 * out). Ten single-use codes per account with a second factor, each stored only as a keyed hash
 * (HMAC-SHA-256, see `RecoveryCodeRepository`); `used_at` set once, by the login that spends it.
 * Isolated like `user_account`: the tenant's rows in its transactions, the platform operator's own
 * (tenant_id NULL) in platform scope only.
 */
export class RecoveryCodes1767720000000 implements MigrationInterface {
  name = 'RecoveryCodes1767720000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE recovery_code (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id   uuid REFERENCES tenant(id),
        user_id     uuid NOT NULL REFERENCES user_account(id) ON DELETE CASCADE,
        code_hash   bytea NOT NULL CHECK (length(code_hash) = 32),
        created_at  timestamptz NOT NULL,
        used_at     timestamptz,
        UNIQUE (user_id, code_hash)
      )`);
    await isolateTenantTable(db, 'recovery_code', { platformRows: true });
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE recovery_code`);
  }
}
