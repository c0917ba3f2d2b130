import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The company's reply to a change request (outside review 2, finding 2): the portal told the exporter to
 * answer the clerk in "Remarks", which the signed certificate prints (box "Remarks"), so the exchange with
 * the chamber ended up certified for good. The answer now has a column of its own, written when the
 * company resubmits an application sent back for changes, shown to the clerk beside the review comment,
 * never printed nor signed. Applications already resubmitted keep whatever they wrote in Remarks.
 */
export class CompanyReply1767840000000 implements MigrationInterface {
  name = 'CompanyReply1767840000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE certificate_application ADD COLUMN company_reply text, ADD COLUMN company_replied_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE certificate_application DROP COLUMN company_replied_at, DROP COLUMN company_reply`);
  }
}
