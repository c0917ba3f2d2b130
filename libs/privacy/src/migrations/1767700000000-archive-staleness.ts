import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Review F1: a tenant keeps working during its departure's waiting period, so the archive its
 * administrator took may miss what came after, and the destruction deleted that too.
 * `app_tenant_changes_after_export()` (owner's rights, for the operator in its own scope, like
 * `app_destroy_tenant`) counts the departing tenant's audit entries written after its archive was
 * taken (the changes of its records are audited) and gives the newest one's time. Entries that change
 * no record the archive holds do not count: the departure's own (its export, a file of the archive
 * fetched, which the administrator does after the export), logins, sessions and credentials (`auth.*`,
 * never archived), and a person downloading their own export. The destruction is refused while there
 * is any: the administrator takes the archive again. No action, actor or detail leaves the function.
 */
export class ArchiveStaleness1767700000000 implements MigrationInterface {
  name = 'ArchiveStaleness1767700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION app_tenant_changes_after_export(offboarding_id uuid)
      RETURNS TABLE (changes bigint, last_change timestamptz)
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
      DECLARE
        departing uuid;
        exported timestamptz;
      BEGIN
        IF coalesce(current_setting('app.scope', true), '') <> 'platform' OR app_current_actor() IS NULL THEN
          RAISE EXCEPTION 'only the operator, in its own scope, destroys a tenant' USING ERRCODE = 'CTD01';
        END IF;
        SELECT o.tenant_id, o.exported_at INTO departing, exported FROM tenant_offboarding o WHERE o.id = offboarding_id AND o.exported_at IS NOT NULL;
        IF departing IS NULL THEN
          RETURN QUERY SELECT 0::bigint, NULL::timestamptz;
          RETURN;
        END IF;
        -- In the tenant's scope for this one read (an owner that cannot bypass row-level security still sees them), then back.
        PERFORM set_config('app.tenant_id', departing::text, true);
        RETURN QUERY SELECT count(*), max(a.occurred_at) FROM audit_entry a
          WHERE a.tenant_id = departing AND a.occurred_at > exported
            AND a.action NOT LIKE 'privacy.offboarding.%' AND a.action NOT LIKE 'auth.%' AND a.action <> 'privacy.request.exportDownloaded';
        PERFORM set_config('app.tenant_id', '', true);
      END
      $$`);
    await db.query(`REVOKE ALL ON FUNCTION app_tenant_changes_after_export(uuid) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION app_tenant_changes_after_export(uuid) TO chancery_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION app_tenant_changes_after_export(uuid)`);
  }
}
