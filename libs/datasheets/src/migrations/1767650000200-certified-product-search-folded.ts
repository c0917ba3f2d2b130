import { MigrationInterface, QueryRunner } from 'typeorm';
import { vacuumWhenFilled } from './1767650000000-published-search-folded';

const SEARCHED = { register: 'organisation_id, name_folded, certificate_reference_key', organisation: 'name_folded, certificate_reference_key' };
const SEARCHED_BEFORE = { register: 'organisation_id, name, certificate_reference', organisation: 'name, certificate_reference' };

/**
 * The staff's search of certified products matches as the public datasheet search does
 * (PublishedSearchFolded1767650000000, whose functions it uses): part of the name in any case and with
 * or without accents, part of the certificate reference by its letters and digits ("benor 7" finds
 * BENOR-7/12). Generated columns hold the folded forms; the order's indexes
 * (CertifiedProductSearchCovering1767640000100) carry them instead of the raw columns, so a search
 * still walks the page in the index alone. Adding the columns rewrites the table once.
 */
export class CertifiedProductSearchFolded1767650000200 implements MigrationInterface {
  name = 'CertifiedProductSearchFolded1767650000200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE certified_product
        ADD COLUMN name_folded text GENERATED ALWAYS AS (search_folded(name)) STORED,
        ADD COLUMN certificate_reference_key text GENERATED ALWAYS AS (reference_key(certificate_reference)) STORED`);
    await this.orderIndexes(db, SEARCHED);
  }

  async down(db: QueryRunner): Promise<void> {
    await this.orderIndexes(db, SEARCHED_BEFORE);
    await db.query(`ALTER TABLE certified_product DROP COLUMN name_folded, DROP COLUMN certificate_reference_key`);
  }

  private async orderIndexes(db: QueryRunner, include: { register: string; organisation: string }): Promise<void> {
    await db.query(`DROP INDEX certified_product_register`);
    await db.query(`DROP INDEX certified_product_organisation`);
    await db.query(`CREATE INDEX certified_product_register ON certified_product (tenant_id, name_order, id) INCLUDE (${include.register})`);
    await db.query(`CREATE INDEX certified_product_organisation ON certified_product (tenant_id, organisation_id, name_order, id) INCLUDE (${include.organisation})`);
  }
}

/** After the rewrite, as PublishedSearchFoldedVacuum1767650000100 (the same reasons): outside a transaction. */
export class CertifiedProductSearchFoldedVacuum1767650000300 implements MigrationInterface {
  name = 'CertifiedProductSearchFoldedVacuum1767650000300';
  transaction = false;

  async up(db: QueryRunner): Promise<void> {
    await vacuumWhenFilled(db, 'certified_product');
  }

  async down(): Promise<void> {
    // A vacuum changes no schema.
  }
}
