import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The certified products' list search, as the public datasheet search before it
 * (PublishedSearchCovering1767640000000): under row-level security `ILIKE` seeks no index, so the
 * trigram index `certified_product_search` never served the application's role, and the blind
 * estimate made PostgreSQL read all the tenant's products and sort them for a page (8.8 ms at 10,000
 * products). The order's indexes now carry what the search filters on, and the page's keys are found
 * in the index alone, in order, stopping at the page's end.
 */
export class CertifiedProductSearchCovering1767640000100 implements MigrationInterface {
  name = 'CertifiedProductSearchCovering1767640000100';

  async up(db: QueryRunner): Promise<void> {
    await this.orderIndexes(db, { register: 'INCLUDE (organisation_id, name, certificate_reference)', organisation: 'INCLUDE (name, certificate_reference)' });
    await db.query(`DROP INDEX certified_product_search`);
  }

  async down(db: QueryRunner): Promise<void> {
    await this.orderIndexes(db, { register: '', organisation: '' });
    await db.query(`CREATE INDEX certified_product_search ON certified_product USING gin (tenant_id, name gin_trgm_ops, certificate_reference gin_trgm_ops)`);
  }

  private async orderIndexes(db: QueryRunner, include: { register: string; organisation: string }): Promise<void> {
    await db.query(`DROP INDEX certified_product_register`);
    await db.query(`DROP INDEX certified_product_organisation`);
    await db.query(`CREATE INDEX certified_product_register ON certified_product (tenant_id, name_order, id) ${include.register}`);
    await db.query(`CREATE INDEX certified_product_organisation ON certified_product (tenant_id, organisation_id, name_order, id) ${include.organisation}`);
  }
}
