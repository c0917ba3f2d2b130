import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `organisation_invoicing`, a read model identity publishes to certificates: what an invoice names of
 * a company (its name and VAT number), read in the same statement as the month's billable lines, so
 * the invoicing export costs one query however many lines it has. No address, bank account or login
 * setting. security_invoker: the caller's row-level security applies, as if it read the table.
 */
export class OrganisationInvoicingDetails1767680000300 implements MigrationInterface {
  name = 'OrganisationInvoicingDetails1767680000300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE VIEW organisation_invoicing WITH (security_invoker = true) AS
      SELECT o.id, o.tenant_id, o.name, o.vat_number FROM organisation o`);
    await db.query(`GRANT SELECT ON organisation_invoicing TO chancery_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP VIEW organisation_invoicing`);
  }
}
