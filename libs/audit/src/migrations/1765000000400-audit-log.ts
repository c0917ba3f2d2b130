import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tamper-evident audit log (`libs/audit`): one hash chain per tenant (tenant_id NULL is the
 * platform's own chain). Append-only for the application role: it may read and insert, nothing else.
 * No foreign key to tenants yet: a later migration adds it once the tenants table exists.
 */
export class AuditLog1765000000400 implements MigrationInterface {
  name = 'AuditLog1765000000400';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE audit_entry (
        id             bigserial PRIMARY KEY,
        tenant_id      uuid NULL,
        sequence       bigint NOT NULL CHECK (sequence > 0),
        occurred_at    timestamptz NOT NULL,
        actor_kind     text NOT NULL,
        actor_id       uuid NULL,
        action         text NOT NULL,
        subject_type   text NULL,
        subject_id     text NULL,
        details        jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(details) = 'object'),
        request_id     text NULL,
        previous_hash  bytea NULL CHECK (octet_length(previous_hash) = 32),
        hash           bytea NOT NULL CHECK (octet_length(hash) = 32),
        -- Only the first entry of a chain has no predecessor.
        CONSTRAINT audit_entry_chain_start CHECK ((sequence = 1) = (previous_hash IS NULL))
      )`);
    // One position per chain, even if two writers ever got past the advisory lock; NULLS NOT
    // DISTINCT (PostgreSQL 15+) makes the platform chain (tenant_id NULL) unique too. Leads with
    // tenant_id, and serves both the chain walk and the newest-first listing.
    await db.query(`
      CREATE UNIQUE INDEX audit_entry_tenant_sequence
        ON audit_entry (tenant_id, sequence) NULLS NOT DISTINCT`);

    await db.query(`ALTER TABLE audit_entry ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE audit_entry FORCE ROW LEVEL SECURITY`);
    // Policies for reading and appending only: even if UPDATE or DELETE were granted by mistake,
    // no row would be reachable by them.
    const visible = `tenant_id = app_current_tenant() OR (tenant_id IS NULL AND app_in_platform_scope())`;
    await db.query(`CREATE POLICY audit_entry_read ON audit_entry FOR SELECT USING (${visible})`);
    await db.query(`CREATE POLICY audit_entry_append ON audit_entry FOR INSERT WITH CHECK (${visible})`);
    // Named bypass: the role running this migration (the owner) may read every chain, so the
    // verification command works where the owner is neither superuser nor BYPASSRLS (managed
    // databases). It can alter the table anyway; reading grants it nothing new.
    await db.query(
      `CREATE POLICY audit_entry_owner_verification ON audit_entry FOR SELECT TO CURRENT_USER USING (true)`,
    );

    await db.query(`REVOKE ALL ON audit_entry FROM PUBLIC`);
    await db.query(`GRANT SELECT, INSERT ON audit_entry TO chancery_app`);
    await db.query(`GRANT USAGE ON SEQUENCE audit_entry_id_seq TO chancery_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_entry`);
  }
}
