import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A product family's schema becomes public with the family's first published datasheet (and private
 * again after its last unpublication): the public page and the external systems read what each
 * characteristic is ("Thermal conductivity λ (W/m·K)") where they had only a property's key. The
 * public scope sees no other schema: one of a family in preparation stays the certification body's.
 */
export class PublishedFamilySchemas1767660000000 implements MigrationInterface {
  name = 'PublishedFamilySchemas1767660000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE POLICY product_family_schema_public_read ON product_family_schema FOR SELECT
        USING (app_in_public_scope() AND EXISTS (SELECT 1 FROM published_datasheet p WHERE p.tenant_id = product_family_schema.tenant_id AND p.product_family = product_family_schema.family))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP POLICY product_family_schema_public_read ON product_family_schema`);
  }
}
