import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The certificates page of a chamber and of a company (CertificateRepository.list): newest first, in
 * pages after a position. The chamber's had no index at all (each page sorted the tenant's whole
 * register), and the company's had none with the id that breaks ties, so a page after a position
 * filtered every earlier certificate of the company. An index per list, in its order.
 */
export class CertificateListOrder1767590000100 implements MigrationInterface {
  name = 'CertificateListOrder1767590000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX certificate_register ON certificate (tenant_id, issued_at DESC, id DESC)`);
    await db.query(`DROP INDEX certificate_organisation`);
    await db.query(`CREATE INDEX certificate_organisation ON certificate (tenant_id, organisation_id, issued_at DESC, id DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX certificate_organisation`);
    await db.query(`CREATE INDEX certificate_organisation ON certificate (tenant_id, organisation_id, issued_at DESC)`);
    await db.query(`DROP INDEX certificate_register`);
  }
}
