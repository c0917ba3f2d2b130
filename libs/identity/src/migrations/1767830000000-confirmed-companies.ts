import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Only a confirmed company holds its VAT number in a tenant (review F3). `organisation.confirmed_at`:
 * when the company's registration was confirmed (its administrator's address), null while it awaits
 * that; a company made by the system (demo data, provisioning) is confirmed when made. Before, the
 * unconfirmed registration of a number blocked every other: anyone could hold a company's number with
 * a throw-away address, and a registrant could tell whether an address had an account (a known
 * address creates nothing, so its VAT number stayed free). Now several unconfirmed registrations of a
 * number may stand; the first confirmed wins, and this index refuses the second.
 *
 * Existing rows: a company whose accounts all await their first confirmation is an unconfirmed
 * registration; every other (one with a confirmed account, or none) is confirmed as of its creation.
 */
export class ConfirmedCompanies1767830000000 implements MigrationInterface {
  name = 'ConfirmedCompanies1767830000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE organisation ADD COLUMN confirmed_at timestamptz`);
    await db.query(`
      UPDATE organisation o SET confirmed_at = o.created_at
       WHERE NOT EXISTS (SELECT 1 FROM user_account c WHERE c.tenant_id = o.tenant_id AND c.organisation_id = o.id)
          OR EXISTS (SELECT 1 FROM user_account c WHERE c.tenant_id = o.tenant_id AND c.organisation_id = o.id
                      AND (c.status <> 'PENDING_CONFIRMATION' OR c.email_confirmed_at IS NOT NULL))`);
    await db.query(`ALTER TABLE organisation DROP CONSTRAINT organisation_tenant_id_company_number_key`);
    await db.query(`CREATE UNIQUE INDEX organisation_confirmed_company_number ON organisation (tenant_id, company_number) WHERE confirmed_at IS NOT NULL`);
    await db.query(`CREATE INDEX organisation_company_number ON organisation (tenant_id, company_number)`);
  }

  async down(db: QueryRunner): Promise<void> {
    // Back to one company per number: fails while rival registrations of a number stand (they lapse within 48 hours).
    await db.query(`DROP INDEX organisation_company_number`);
    await db.query(`DROP INDEX organisation_confirmed_company_number`);
    await db.query(`ALTER TABLE organisation ADD CONSTRAINT organisation_tenant_id_company_number_key UNIQUE (tenant_id, company_number)`);
    await db.query(`ALTER TABLE organisation DROP COLUMN confirmed_at`);
  }
}
