import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Certified products are listed in the natural order of their names (`natural_order`, the platform's
 * collation): `name_order` was lower(name) in the database's collation, which put "Élément" after
 * "zeta" and "kerbstone 10" before "kerbstone 9". The column (not an expression in the statement: under
 * row-level security an index is sought only with conditions that leak nothing) and its two indexes
 * are made again in the new order.
 */
export class ProductNameOrder1767600000100 implements MigrationInterface {
  name = 'ProductNameOrder1767600000100';

  async up(db: QueryRunner): Promise<void> {
    await this.nameOrder(db, `text COLLATE natural_order GENERATED ALWAYS AS (name) STORED`);
  }

  async down(db: QueryRunner): Promise<void> {
    await this.nameOrder(db, `text GENERATED ALWAYS AS (lower(name)) STORED`);
  }

  /** Dropping the column drops its indexes (certified_product_register, certified_product_organisation). */
  private async nameOrder(db: QueryRunner, definition: string): Promise<void> {
    await db.query(`ALTER TABLE certified_product DROP COLUMN name_order`);
    await db.query(`ALTER TABLE certified_product ADD COLUMN name_order ${definition}`);
    await db.query(`CREATE INDEX certified_product_register ON certified_product (tenant_id, name_order, id)`);
    await db.query(`CREATE INDEX certified_product_organisation ON certified_product (tenant_id, organisation_id, name_order, id)`);
  }
}
