import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed attempts hardened (#14): counters keyed per account and address, per account, per session
 * (step-up) remember their last failure, from which an account's back-off interval runs.
 */
export class AuthHardening1765100000200 implements MigrationInterface {
  name = 'AuthHardening1765100000200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE login_throttle ADD COLUMN last_failure_at timestamptz`);
    await db.query(`UPDATE login_throttle SET last_failure_at = window_start`);
    await db.query(`ALTER TABLE login_throttle ALTER COLUMN last_failure_at SET NOT NULL`);
    await db.query(`CREATE INDEX auth_session_user_address ON auth_session (user_id, ip_address, created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX auth_session_user_address`);
    await db.query(`ALTER TABLE login_throttle DROP COLUMN last_failure_at`);
  }
}
