import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ground every later migration stands on: the helpers row-level security policies call, the
 * application role's access to the schema, and the worker's heartbeat table.
 */
export class PlatformFoundation1765000000000 implements MigrationInterface {
  name = 'PlatformFoundation1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await db.query(`GRANT USAGE ON SCHEMA public TO chancery_app`);
    await db.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);

    // The tenant of the current transaction, set by the application with set_config(..., true).
    // Empty or unset means "no tenant": policies keyed by it then match no tenant-owned row.
    await db.query(`
      CREATE FUNCTION app_current_tenant() RETURNS uuid
      LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT nullif(current_setting('app.tenant_id', true), '')::uuid
      $$`);
    // The platform operator's own rows (tenant_id IS NULL), reachable only in a transaction the
    // application opened in platform scope (the operator's own scope, or a named bypass).
    await db.query(`
      CREATE FUNCTION app_in_platform_scope() RETURNS boolean
      LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT coalesce(current_setting('app.scope', true), '') = 'platform'
      $$`);
    // Anonymous reads of published records across tenants (the `publicReading` entry point, read only).
    await db.query(`
      CREATE FUNCTION app_in_public_scope() RETURNS boolean
      LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT coalesce(current_setting('app.scope', true), '') = 'public'
      $$`);
    await db.query(`
      CREATE FUNCTION app_current_actor() RETURNS uuid
      LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT nullif(current_setting('app.actor_id', true), '')::uuid
      $$`);

    await db.query(`
      CREATE TABLE worker_heartbeat (
        job_name     text PRIMARY KEY,
        last_run_at  timestamptz NOT NULL,
        run_count    bigint NOT NULL DEFAULT 1,
        last_worker  text NOT NULL
      )`);
    await db.query(`GRANT SELECT, INSERT, UPDATE ON worker_heartbeat TO chancery_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE worker_heartbeat`);
    await db.query(`DROP FUNCTION app_current_actor()`);
    await db.query(`DROP FUNCTION app_in_public_scope()`);
    await db.query(`DROP FUNCTION app_in_platform_scope()`);
    await db.query(`DROP FUNCTION app_current_tenant()`);
  }
}
