import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts hardened (#14): the last second-factor time step used (a code works once, RFC 6238
 * §5.2); a login without a tenant may learn which tenants have an account with the typed address
 * (the `lookingUpLoginAddress` scope, read only); invitations record why they were revoked.
 */
export class IdentityHardening1765100000100 implements MigrationInterface {
  name = 'IdentityHardening1765100000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE user_account ADD COLUMN totp_last_step bigint`);
    await db.query(`
      CREATE POLICY user_account_login_lookup ON user_account FOR SELECT
        USING (current_setting('app.scope', true) = 'login-lookup' AND email = nullif(current_setting('app.lookup', true), ''))`);
    await db.query(`ALTER TABLE invitation ADD COLUMN revoked_reason text`);
    await db.query(`CREATE INDEX invitation_pending_by_inviter ON invitation (invited_by) WHERE accepted_at IS NULL AND revoked_at IS NULL`);
    await db.query(`CREATE INDEX api_key_creator ON api_key (created_by) WHERE revoked_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX api_key_creator`);
    await db.query(`DROP INDEX invitation_pending_by_inviter`);
    await db.query(`ALTER TABLE invitation DROP COLUMN revoked_reason`);
    await db.query(`DROP POLICY user_account_login_lookup ON user_account`);
    await db.query(`ALTER TABLE user_account DROP COLUMN totp_last_step`);
  }
}
