import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * No account of a company whose registration is not confirmed is ACTIVE: anyone can register a company
 * with any address, and until its registrant confirms it is nobody's company. Its registrant's own
 * confirmation (confirmEmail) confirms the company first, then activates the account, in one unit of
 * work; every other way to an ACTIVE account (an invitation accepted, an account enabled again, the
 * provisioning of demo data and tests, a hand-written UPDATE) is refused here, where all of them pass,
 * with SQLSTATE CTI01 (the application answers an invitation into such a company as an invalid one).
 *
 * Read under the writer's row-level security, as any statement of its unit of work: an organisation
 * the writer cannot see counts as unconfirmed (deny). An account's company is never unconfirmed
 * again (no statement sets confirmed_at back to null), so only the account's side is checked.
 *
 * Existing rows are left as they are: since the confirmed-companies migration no statement of the
 * application made an ACTIVE account of an unconfirmed company but an invitation into one, which only
 * an active account of that company (none) or the provisioning could issue.
 */
export class ActiveAccountsOfConfirmedCompanies1767850000000 implements MigrationInterface {
  name = 'ActiveAccountsOfConfirmedCompanies1767850000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION app_active_account_of_confirmed_company() RETURNS trigger
      LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM organisation o WHERE o.id = NEW.organisation_id AND o.confirmed_at IS NOT NULL) THEN
          RAISE EXCEPTION 'an account of a company whose registration is not confirmed is not active' USING ERRCODE = 'CTI01';
        END IF;
        RETURN NEW;
      END
      $$`);
    await db.query(`
      CREATE TRIGGER user_account_active_of_confirmed_company BEFORE INSERT OR UPDATE OF status, organisation_id ON user_account
        FOR EACH ROW WHEN (NEW.status = 'ACTIVE' AND NEW.organisation_id IS NOT NULL)
        EXECUTE FUNCTION app_active_account_of_confirmed_company()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER user_account_active_of_confirmed_company ON user_account`);
    await db.query(`DROP FUNCTION app_active_account_of_confirmed_company()`);
  }
}
