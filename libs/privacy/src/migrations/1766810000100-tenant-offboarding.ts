import { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from '@chancery/core/database/row-security';

/** Every table of the schema with a tenant_id column: the tenant's rows, whichever context owns them. */
const TENANT_TABLES = `
  SELECT c.table_name::text
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
   WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE'
   ORDER BY 1`;

/**
 * Offboarding (SPEC §5, COVER §"Fate of data"; issue 18 item 10): when a tenant leaves, its data is
 * returned as an export and then destroyed, and the destruction is justified in writing.
 *
 * `tenant_offboarding` is the tenant's row (its administrator confirms it); the operator files it and
 * reads it in platform scope. `tenant_destruction_certificate` is the platform's: it has no tenant_id
 * and outlives the tenant.
 *
 * The one place that reaches every context's tables at once, because offboarding is about all of
 * them: `app_tenant_archive_rows()` (invoker's rights: row-level security keeps it to the transaction's
 * tenant) reads them for the archive; `app_destroy_tenant()` (owner's rights) deletes them, only for an
 * offboarding that is confirmed, exported and past its waiting period, checked here in the database.
 */
export class TenantOffboarding1766810000100 implements MigrationInterface {
  name = 'TenantOffboarding1766810000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE tenant_offboarding (
        id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id           uuid NOT NULL UNIQUE REFERENCES tenant(id),
        requested_by        uuid NOT NULL,
        requested_at        timestamptz NOT NULL,
        status              text NOT NULL CHECK (status IN ('REQUESTED', 'CONFIRMED')),
        confirmed_by        uuid NULL,
        confirmed_at        timestamptz NULL,
        destroy_not_before  timestamptz NULL,
        export_sha256       bytea NULL,
        exported_at         timestamptz NULL,
        exported_records    integer NULL,
        CHECK (status <> 'CONFIRMED' OR (confirmed_at IS NOT NULL AND destroy_not_before >= confirmed_at))
      )`);
    await isolateTenantTable(db, 'tenant_offboarding', { privileges: 'SELECT, INSERT, UPDATE' });
    await db.query(`
      CREATE POLICY tenant_offboarding_requested_by_operator ON tenant_offboarding FOR INSERT
        WITH CHECK (app_in_platform_scope() AND requested_by = app_current_actor() AND status = 'REQUESTED')`);
    await db.query(`CREATE POLICY tenant_offboarding_read_by_operator ON tenant_offboarding FOR SELECT USING (app_in_platform_scope())`);
    // app_destroy_tenant runs as this owner: where it is neither superuser nor BYPASSRLS, it must still find the offboarding.
    await db.query(`CREATE POLICY tenant_offboarding_owner_check ON tenant_offboarding FOR SELECT TO CURRENT_USER USING (true)`);

    await db.query(`
      CREATE TABLE tenant_destruction_certificate (
        id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        departed_tenant_id   uuid NOT NULL UNIQUE,
        tenant_slug          text NOT NULL,
        tenant_name          text NOT NULL,
        requested_at         timestamptz NOT NULL,
        confirmed_at         timestamptz NOT NULL,
        export_sha256        bytea NOT NULL,
        exported_at          timestamptz NOT NULL,
        exported_records     integer NOT NULL,
        destroyed_at         timestamptz NOT NULL,
        destroyed_by         uuid NOT NULL,
        deleted_rows         jsonb NOT NULL,
        certificate_sha256   bytea NOT NULL
      )`);
    await db.query(`ALTER TABLE tenant_destruction_certificate ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE tenant_destruction_certificate FORCE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY tenant_destruction_certificate_platform_read ON tenant_destruction_certificate FOR SELECT USING (app_in_platform_scope())`);
    await db.query(`CREATE POLICY tenant_destruction_certificate_platform_write ON tenant_destruction_certificate FOR INSERT WITH CHECK (app_in_platform_scope())`);
    // Kept: the application may write a certificate and read it, never change or remove one.
    await db.query(`REVOKE ALL ON tenant_destruction_certificate FROM PUBLIC`);
    await db.query(`GRANT SELECT, INSERT ON tenant_destruction_certificate TO chancery_app`);

    await db.query(`
      CREATE FUNCTION app_tenant_archive_rows() RETURNS TABLE (table_name text, row_data jsonb)
      LANGUAGE plpgsql STABLE SECURITY INVOKER SET search_path = pg_catalog, public AS $$
      DECLARE
        tenant_table text;
      BEGIN
        IF app_current_tenant() IS NULL THEN
          RETURN;
        END IF;
        FOR tenant_table IN ${TENANT_TABLES} LOOP
          RETURN QUERY EXECUTE format(
            'SELECT %L::text, to_jsonb(x) FROM %I x WHERE x.tenant_id = app_current_tenant() ORDER BY to_jsonb(x)::text', tenant_table, tenant_table);
        END LOOP;
      END
      $$`);
    await db.query(`REVOKE ALL ON FUNCTION app_tenant_archive_rows() FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION app_tenant_archive_rows() TO chancery_app`);

    // The owner must pass row-level security here (superuser or BYPASSRLS, as the embedded database's
    // owner is); where it cannot, the final check finds the rows left and the destruction is refused.
    await db.query(`
      CREATE FUNCTION app_destroy_tenant(offboarding_id uuid, at_time timestamptz)
      RETURNS TABLE (table_name text, deleted bigint)
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
      DECLARE
        departing uuid;
        remaining text[];
        next_round text[];
        tenant_table text;
        deleted_now bigint;
        counts jsonb := '{}';
      BEGIN
        IF coalesce(current_setting('app.scope', true), '') <> 'platform' OR app_current_actor() IS NULL THEN
          RAISE EXCEPTION 'only the operator, in its own scope, destroys a tenant' USING ERRCODE = 'CTD01';
        END IF;
        SELECT o.tenant_id INTO departing FROM tenant_offboarding o
         WHERE o.id = offboarding_id AND o.status = 'CONFIRMED' AND o.export_sha256 IS NOT NULL AND o.destroy_not_before <= at_time;
        IF departing IS NULL THEN
          RAISE EXCEPTION 'no confirmed, exported offboarding past its waiting period' USING ERRCODE = 'CTD01';
        END IF;
        PERFORM set_config('app.tenant_id', departing::text, true);
        SELECT array_agg(t) INTO remaining FROM (${TENANT_TABLES}) AS tables(t);
        -- Tables referring to each other are emptied in whichever order the foreign keys allow.
        LOOP
          next_round := '{}';
          FOREACH tenant_table IN ARRAY remaining LOOP
            BEGIN
              EXECUTE format('DELETE FROM %I WHERE tenant_id = $1', tenant_table) USING departing;
              GET DIAGNOSTICS deleted_now = ROW_COUNT;
              counts := counts || jsonb_build_object(tenant_table, deleted_now);
            EXCEPTION WHEN foreign_key_violation THEN
              next_round := next_round || tenant_table;
            END;
          END LOOP;
          EXIT WHEN cardinality(next_round) = 0;
          IF cardinality(next_round) = cardinality(remaining) THEN
            RAISE EXCEPTION 'the tables % refer to each other: no order deletes them', next_round USING ERRCODE = 'CTD02';
          END IF;
          remaining := next_round;
        END LOOP;
        FOREACH tenant_table IN ARRAY (SELECT array_agg(t) FROM (${TENANT_TABLES}) AS tables(t)) LOOP
          EXECUTE format('SELECT count(*) FROM %I WHERE tenant_id = $1', tenant_table) INTO deleted_now USING departing;
          IF deleted_now > 0 THEN
            RAISE EXCEPTION 'rows of the tenant remain in %', tenant_table USING ERRCODE = 'CTD02';
          END IF;
        END LOOP;
        DELETE FROM tenant WHERE id = departing;
        GET DIAGNOSTICS deleted_now = ROW_COUNT;
        IF deleted_now <> 1 THEN
          RAISE EXCEPTION 'the tenant row could not be deleted' USING ERRCODE = 'CTD02';
        END IF;
        counts := counts || jsonb_build_object('tenant', 1);
        -- Back to the operator's own scope for the rest of the transaction (the certificate, the audit entry).
        PERFORM set_config('app.tenant_id', '', true);
        RETURN QUERY SELECT e.key, e.value::bigint FROM jsonb_each_text(counts) e ORDER BY e.key;
      END
      $$`);
    await db.query(`REVOKE ALL ON FUNCTION app_destroy_tenant(uuid, timestamptz) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION app_destroy_tenant(uuid, timestamptz) TO chancery_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION app_destroy_tenant(uuid, timestamptz)`);
    await db.query(`DROP FUNCTION app_tenant_archive_rows()`);
    await db.query(`DROP TABLE tenant_destruction_certificate`);
    await db.query(`DROP TABLE tenant_offboarding`);
  }
}
