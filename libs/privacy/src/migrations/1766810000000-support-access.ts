import { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from '@chancery/core/database/row-security';

/**
 * Support access (SPEC §5, 002 §4): the platform operator sees a tenant's personal data only through
 * a grant the tenant's administrator approved, with a purpose and an end time.
 *
 * `support_grant` rows belong to the tenant (its administrators decide and list them). The operator
 * files a request in its own (platform) scope and reads back its own requests; nothing more.
 *
 * `app_enter_support_grant` is the one way a transaction enters a tenant for the operator (the
 * `duringSupportGrant` entry point): it runs as the table owner, finds the grant only when it is the
 * acting operator's, approved, not ended and running at the given time, and only then sets the
 * transaction's tenant. Anything else raises CSG01 and the transaction reads nothing.
 */
export class SupportAccess1766810000000 implements MigrationInterface {
  name = 'SupportAccess1766810000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE support_grant (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id         uuid NOT NULL REFERENCES tenant(id),
        requested_by      uuid NOT NULL,
        purpose           text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 1000),
        duration_minutes  integer NOT NULL CHECK (duration_minutes BETWEEN 1 AND 480),
        requested_at      timestamptz NOT NULL,
        status            text NOT NULL CHECK (status IN ('REQUESTED', 'APPROVED', 'REFUSED', 'ENDED')),
        decided_by        uuid NULL,
        decided_at        timestamptz NULL,
        refusal_reason    text NULL,
        starts_at         timestamptz NULL,
        ends_at           timestamptz NULL,
        ended_by          uuid NULL,
        ended_at          timestamptz NULL,
        CHECK (status <> 'APPROVED' OR (starts_at IS NOT NULL AND ends_at > starts_at))
      )`);
    await db.query(`CREATE INDEX support_grant_tenant ON support_grant (tenant_id, requested_at)`);
    await db.query(`CREATE INDEX support_grant_operator ON support_grant (requested_by, requested_at)`);
    await isolateTenantTable(db, 'support_grant', { privileges: 'SELECT, INSERT, UPDATE' });
    // The operator, in its own scope, files a request (never a decision) and reads its own requests back.
    await db.query(`
      CREATE POLICY support_grant_requested_by_operator ON support_grant FOR INSERT
        WITH CHECK (app_in_platform_scope() AND requested_by = app_current_actor() AND status = 'REQUESTED' AND decided_by IS NULL)`);
    await db.query(`
      CREATE POLICY support_grant_read_by_operator ON support_grant FOR SELECT
        USING (app_in_platform_scope() AND requested_by = app_current_actor())`);

    // The function below runs as this owner; where it is neither superuser nor BYPASSRLS (managed
    // databases), forced row-level security would hide every grant from it. Reading grants it nothing new.
    await db.query(`CREATE POLICY support_grant_owner_check ON support_grant FOR SELECT TO CURRENT_USER USING (true)`);

    await db.query(`
      CREATE FUNCTION app_enter_support_grant(grant_id uuid, at_time timestamptz)
      RETURNS TABLE (tenant_id uuid, purpose text, ends_at timestamptz)
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
      DECLARE
        entered support_grant%ROWTYPE;
      BEGIN
        IF coalesce(current_setting('app.scope', true), '') <> 'support' THEN
          RAISE EXCEPTION 'a support grant is entered only from the support scope' USING ERRCODE = 'CSG01';
        END IF;
        SELECT * INTO entered FROM support_grant g
         WHERE g.id = grant_id
           AND g.requested_by = app_current_actor()
           AND g.status = 'APPROVED'
           AND g.starts_at <= at_time AND at_time < g.ends_at;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'no active support grant' USING ERRCODE = 'CSG01';
        END IF;
        PERFORM set_config('app.tenant_id', entered.tenant_id::text, true);
        PERFORM set_config('app.scope', '', true);
        RETURN QUERY SELECT entered.tenant_id, entered.purpose, entered.ends_at;
      END
      $$`);
    await db.query(`REVOKE ALL ON FUNCTION app_enter_support_grant(uuid, timestamptz) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION app_enter_support_grant(uuid, timestamptz) TO chancery_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION app_enter_support_grant(uuid, timestamptz)`);
    await db.query(`DROP TABLE support_grant`);
  }
}
