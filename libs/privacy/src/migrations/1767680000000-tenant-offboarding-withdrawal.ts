import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A departure can be withdrawn before the destruction (filed for the wrong tenant, a contract renewed
 * during the wait): by the operator (filed or confirmed), or by the tenant's administrator (declining a
 * filed one, revoking the confirmation during the wait). The row is kept as evidence, status
 * `WITHDRAWN` with when, by whom, which party and why; a withdrawn row is final (a trigger refuses any
 * change to it), and no longer blocks a new filing for the tenant: the one-per-tenant rule now holds
 * for open departures only. The operator may update a row in its own scope only to withdraw it, as itself.
 */
export class TenantOffboardingWithdrawal1767680000000 implements MigrationInterface {
  name = 'TenantOffboardingWithdrawal1767680000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE tenant_offboarding
        ADD COLUMN withdrawn_at        timestamptz NULL,
        ADD COLUMN withdrawn_by        uuid NULL,
        ADD COLUMN withdrawn_by_party  text NULL CHECK (withdrawn_by_party IN ('OPERATOR', 'TENANT')),
        ADD COLUMN withdrawal_reason   text NULL`);
    await db.query(`ALTER TABLE tenant_offboarding DROP CONSTRAINT tenant_offboarding_status_check`);
    await db.query(`ALTER TABLE tenant_offboarding ADD CONSTRAINT tenant_offboarding_status_check CHECK (status IN ('REQUESTED', 'CONFIRMED', 'WITHDRAWN'))`);
    await db.query(`
      ALTER TABLE tenant_offboarding ADD CONSTRAINT tenant_offboarding_withdrawal_check CHECK (
        (status = 'WITHDRAWN') = (withdrawn_at IS NOT NULL AND withdrawn_by IS NOT NULL AND withdrawn_by_party IS NOT NULL AND withdrawal_reason IS NOT NULL))`);
    await db.query(`ALTER TABLE tenant_offboarding DROP CONSTRAINT tenant_offboarding_tenant_id_key`);
    await db.query(`CREATE UNIQUE INDEX tenant_offboarding_one_open_per_tenant ON tenant_offboarding (tenant_id) WHERE status <> 'WITHDRAWN'`);
    await db.query(`CREATE INDEX tenant_offboarding_tenant ON tenant_offboarding (tenant_id, requested_at)`);
    await db.query(`
      CREATE POLICY tenant_offboarding_withdrawn_by_operator ON tenant_offboarding FOR UPDATE
        USING (app_in_platform_scope())
        WITH CHECK (app_in_platform_scope() AND status = 'WITHDRAWN' AND withdrawn_by = app_current_actor() AND withdrawn_by_party = 'OPERATOR')`);
    await db.query(`
      CREATE FUNCTION app_tenant_offboarding_withdrawn_is_final() RETURNS trigger
      LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
      BEGIN
        IF OLD.status = 'WITHDRAWN' THEN
          RAISE EXCEPTION 'a withdrawn offboarding is not changed' USING ERRCODE = 'CTD03';
        END IF;
        RETURN NEW;
      END
      $$`);
    await db.query(`
      CREATE TRIGGER tenant_offboarding_withdrawn_is_final BEFORE UPDATE ON tenant_offboarding
        FOR EACH ROW EXECUTE FUNCTION app_tenant_offboarding_withdrawn_is_final()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER tenant_offboarding_withdrawn_is_final ON tenant_offboarding`);
    await db.query(`DROP FUNCTION app_tenant_offboarding_withdrawn_is_final()`);
    await db.query(`DROP POLICY tenant_offboarding_withdrawn_by_operator ON tenant_offboarding`);
    await db.query(`DELETE FROM tenant_offboarding WHERE status = 'WITHDRAWN'`);
    await db.query(`DROP INDEX tenant_offboarding_tenant`);
    await db.query(`DROP INDEX tenant_offboarding_one_open_per_tenant`);
    await db.query(`ALTER TABLE tenant_offboarding ADD CONSTRAINT tenant_offboarding_tenant_id_key UNIQUE (tenant_id)`);
    await db.query(`ALTER TABLE tenant_offboarding DROP CONSTRAINT tenant_offboarding_withdrawal_check`);
    await db.query(`ALTER TABLE tenant_offboarding DROP CONSTRAINT tenant_offboarding_status_check`);
    await db.query(`ALTER TABLE tenant_offboarding ADD CONSTRAINT tenant_offboarding_status_check CHECK (status IN ('REQUESTED', 'CONFIRMED'))`);
    await db.query(`ALTER TABLE tenant_offboarding DROP COLUMN withdrawal_reason, DROP COLUMN withdrawn_by_party, DROP COLUMN withdrawn_by, DROP COLUMN withdrawn_at`);
  }
}
