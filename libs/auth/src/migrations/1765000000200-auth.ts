import { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from '@chancery/core/database/row-security';

/**
 * The auth context's tables: login sessions (refresh-token families), their refresh tokens, and
 * failed-login counters. Rows of the platform operator have no tenant (platform scope only).
 */
export class Auth1765000000200 implements MigrationInterface {
  name = 'Auth1765000000200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE auth_session (
        id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id            uuid REFERENCES tenant(id),
        user_id              uuid NOT NULL REFERENCES user_account(id),
        created_at           timestamptz NOT NULL,
        last_refreshed_at    timestamptz NOT NULL,
        absolute_expires_at  timestamptz NOT NULL,
        stepped_up_at        timestamptz,
        stepped_up_with      text CHECK (stepped_up_with IN ('password', 'secondFactor')),
        revoked_at           timestamptz,
        revoked_reason       text,
        ip_address           text,
        user_agent           text
      )`);
    await db.query(`CREATE INDEX auth_session_user ON auth_session (tenant_id, user_id)`);

    await db.query(`
      CREATE TABLE refresh_token (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id    uuid REFERENCES tenant(id),
        session_id   uuid NOT NULL REFERENCES auth_session(id),
        token_hash   bytea NOT NULL UNIQUE,
        created_at   timestamptz NOT NULL,
        used_at      timestamptz
      )`);
    await db.query(`CREATE INDEX refresh_token_session ON refresh_token (tenant_id, session_id)`);

    // Failed logins per account key (a hash of tenant + e-mail), so throttling works the same for
    // addresses that are not registered and reveals nothing.
    await db.query(`
      CREATE TABLE login_throttle (
        tenant_id     uuid REFERENCES tenant(id),
        account_key   bytea NOT NULL,
        failures      integer NOT NULL,
        window_start  timestamptz NOT NULL,
        PRIMARY KEY (account_key)
      )`);
    await db.query(`CREATE INDEX login_throttle_tenant ON login_throttle (tenant_id)`);

    for (const table of ['auth_session', 'refresh_token', 'login_throttle']) {
      await isolateTenantTable(db, table, { platformRows: true });
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['login_throttle', 'refresh_token', 'auth_session']) await db.query(`DROP TABLE ${table}`);
  }
}
