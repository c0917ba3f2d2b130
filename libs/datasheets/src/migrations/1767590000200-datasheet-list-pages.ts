import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The certified products and datasheets of a certification body (or of one company) are read in pages
 * (`certifiedProducts`, `datasheets`): before, both stopped at their first 1,000 records, so a body with
 * more products than that could not reach the rest, and its review page asked for each datasheet's
 * versions one request at a time. Each list now has an index in its order (with the id, for the
 * position a page continues after; a state's list: the versions in that state, in order), and the
 * products' search by part of the name or of the certificate reference a trigram index (pg_trgm and
 * btree_gin are there since the public search).
 */
export class DatasheetListPages1767590000200 implements MigrationInterface {
  name = 'DatasheetListPages1767590000200';

  async up(db: QueryRunner): Promise<void> {
    // Products are listed by name whatever its case ('kerbstone Delta' between 'Kerbstone Beta' and
    // 'Kerbstone Eta', not after every capital); a column, not lower() in the statement: under
    // row-level security an index is sought only with conditions that leak nothing, and lower() is not one.
    await db.query(`ALTER TABLE certified_product ADD COLUMN name_order text GENERATED ALWAYS AS (lower(name)) STORED`);
    await db.query(`CREATE INDEX certified_product_register ON certified_product (tenant_id, name_order, id)`);
    await db.query(`DROP INDEX certified_product_organisation`);
    await db.query(`CREATE INDEX certified_product_organisation ON certified_product (tenant_id, organisation_id, name_order, id)`);
    await db.query(`CREATE INDEX certified_product_search ON certified_product USING gin (tenant_id, name gin_trgm_ops, certificate_reference gin_trgm_ops)`);
    await db.query(`CREATE INDEX datasheet_register ON datasheet (tenant_id, created_at DESC, id DESC)`);
    await db.query(`DROP INDEX datasheet_organisation`);
    await db.query(`CREATE INDEX datasheet_organisation ON datasheet (tenant_id, organisation_id, created_at DESC, id DESC)`);
    // A page of products' datasheets, and whether a product has one (a scan of the tenant's datasheets before).
    await db.query(`CREATE INDEX datasheet_product ON datasheet (tenant_id, certified_product_id)`);
    // A reviewer's queue: the datasheets with a version in a state, in the order they reached it.
    await db.query(`CREATE INDEX datasheet_version_state ON datasheet_version (tenant_id, state, updated_at, datasheet_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX datasheet_version_state`);
    await db.query(`DROP INDEX datasheet_product`);
    await db.query(`DROP INDEX datasheet_organisation`);
    await db.query(`CREATE INDEX datasheet_organisation ON datasheet (tenant_id, organisation_id)`);
    await db.query(`DROP INDEX datasheet_register`);
    await db.query(`DROP INDEX certified_product_search`);
    await db.query(`DROP INDEX certified_product_organisation`);
    await db.query(`CREATE INDEX certified_product_organisation ON certified_product (tenant_id, organisation_id)`);
    await db.query(`DROP INDEX certified_product_register`);
    await db.query(`ALTER TABLE certified_product DROP COLUMN name_order`);
  }
}
