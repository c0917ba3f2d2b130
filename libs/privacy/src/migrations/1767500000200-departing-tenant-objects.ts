import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A departing tenant's stored files kept outside the database (S3 objects, issue 18 item 10): the
 * destruction deletes every row, `document_content`'s bytes with them, but an object in a bucket is
 * not a row. `app_departing_tenant_objects()` (owner's rights, the same checks as
 * `app_destroy_tenant`: the operator in its own scope, a confirmed and exported offboarding past its
 * waiting period) lists where they are, so the destruction deletes each object in the same
 * transaction, before it commits. Only their locations: no name, no content.
 */
export class DepartingTenantObjects1767500000200 implements MigrationInterface {
  name = 'DepartingTenantObjects1767500000200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION app_departing_tenant_objects(offboarding_id uuid, at_time timestamptz)
      RETURNS TABLE (document_id uuid, storage text, storage_key text)
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
      DECLARE
        departing uuid;
      BEGIN
        IF coalesce(current_setting('app.scope', true), '') <> 'platform' OR app_current_actor() IS NULL THEN
          RAISE EXCEPTION 'only the operator, in its own scope, destroys a tenant' USING ERRCODE = 'CTD01';
        END IF;
        SELECT o.tenant_id INTO departing FROM tenant_offboarding o
         WHERE o.id = offboarding_id AND o.status = 'CONFIRMED' AND o.export_sha256 IS NOT NULL AND o.destroy_not_before <= at_time;
        IF departing IS NULL THEN
          RAISE EXCEPTION 'no confirmed, exported offboarding past its waiting period' USING ERRCODE = 'CTD01';
        END IF;
        -- In the tenant's scope for this one read (an owner that cannot bypass row-level security still sees them), then back.
        PERFORM set_config('app.tenant_id', departing::text, true);
        RETURN QUERY SELECT d.id, d.storage, d.storage_key FROM stored_document d WHERE d.tenant_id = departing AND d.storage <> 'postgres' ORDER BY d.id;
        PERFORM set_config('app.tenant_id', '', true);
      END
      $$`);
    await db.query(`REVOKE ALL ON FUNCTION app_departing_tenant_objects(uuid, timestamptz) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION app_departing_tenant_objects(uuid, timestamptz) TO chancery_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION app_departing_tenant_objects(uuid, timestamptz)`);
  }
}
