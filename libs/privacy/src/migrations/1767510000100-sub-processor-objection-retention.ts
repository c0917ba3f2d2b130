import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention of sub-processor objections (rule SUB_PROCESSOR_OBJECTION, issue 18 item 4): five years
 * after the sub-processor objected to is removed, an objection keeps that it existed (the change, the
 * company, the time) and no longer says who objected or in which words.
 *
 * The application role may change an objection only that way: the two columns, and only to nothing
 * (a restrictive policy), so an objection is never rewritten.
 *
 * An objection belongs to the objecting customer's tenant; the change it answers may be the
 * platform's, whose rows that tenant's transactions do not see. `app_removed_sub_processor_changes`
 * (owner's rights, read only) answers the one question the sweep needs: which changes, the platform's
 * or the transaction's tenant's, concern a sub-processor removed before a time. Both lists are public.
 */
export class SubProcessorObjectionRetention1767510000100 implements MigrationInterface {
  name = 'SubProcessorObjectionRetention1767510000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE sub_processor_objection
        ALTER COLUMN objector_user_id DROP NOT NULL,
        ALTER COLUMN reason DROP NOT NULL,
        ADD CONSTRAINT sub_processor_objection_deidentified_whole CHECK ((objector_user_id IS NULL) = (reason IS NULL))`);
    await db.query(`GRANT UPDATE (objector_user_id, reason) ON sub_processor_objection TO chancery_app`);
    await db.query(`
      CREATE POLICY sub_processor_objection_deidentify_only ON sub_processor_objection AS RESTRICTIVE FOR UPDATE
        USING (true) WITH CHECK (objector_user_id IS NULL AND reason IS NULL)`);

    // The function runs as the owner: where the owner is subject to row-level security, these let it read the platform's lists.
    await db.query(`CREATE POLICY sub_processor_platform_list_owner_read ON sub_processor FOR SELECT TO CURRENT_USER USING (tenant_id IS NULL)`);
    await db.query(`CREATE POLICY sub_processor_change_platform_list_owner_read ON sub_processor_change FOR SELECT TO CURRENT_USER USING (tenant_id IS NULL)`);
    await db.query(`
      CREATE FUNCTION app_removed_sub_processor_changes(removed_before timestamptz)
      RETURNS TABLE (change_id uuid, removed_at timestamptz)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        SELECT c.id, s.effective_until
          FROM sub_processor_change c JOIN sub_processor s ON s.id = c.sub_processor_id
         WHERE (c.tenant_id IS NULL OR c.tenant_id = app_current_tenant())
           AND s.tenant_id IS NOT DISTINCT FROM c.tenant_id
           AND s.effective_until < removed_before
      $$`);
    await db.query(`REVOKE ALL ON FUNCTION app_removed_sub_processor_changes(timestamptz) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION app_removed_sub_processor_changes(timestamptz) TO chancery_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION app_removed_sub_processor_changes(timestamptz)`);
    await db.query(`DROP POLICY sub_processor_change_platform_list_owner_read ON sub_processor_change`);
    await db.query(`DROP POLICY sub_processor_platform_list_owner_read ON sub_processor`);
    await db.query(`DROP POLICY sub_processor_objection_deidentify_only ON sub_processor_objection`);
    await db.query(`REVOKE UPDATE (objector_user_id, reason) ON sub_processor_objection FROM chancery_app`);
    await db.query(`
      ALTER TABLE sub_processor_objection DROP CONSTRAINT sub_processor_objection_deidentified_whole,
        ALTER COLUMN reason SET NOT NULL, ALTER COLUMN objector_user_id SET NOT NULL`);
  }
}
