import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A withdrawn datasheet's history stays readable ("history stays readable", SPEC §3; review 2 finding
 * 6): the contractor who built with the product last month needs what was certified then. The version
 * in force when a datasheet is withdrawn joins its history, as published (no contact), with when it was
 * withdrawn and why (`withdrawn_at`, `withdrawal_reason`, instead of `superseded_at`); and the public
 * scope reads the history of a datasheet that is published or withdrawn (it has a public notice).
 * Datasheets withdrawn before this migration get their last version from what their notice kept (the
 * product and holder as published) and the version's own characteristics and texts; its production unit
 * is the product's (not kept by the notice, a product's production unit does not change in practice).
 */
export class WithdrawnDatasheetHistory1767840000300 implements MigrationInterface {
  name = 'WithdrawnDatasheetHistory1767840000300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE published_datasheet_version
        ALTER COLUMN superseded_at DROP NOT NULL,
        ADD COLUMN withdrawn_at timestamptz,
        ADD COLUMN withdrawal_reason text CHECK (withdrawal_reason IN ('PRODUCT_SUSPENDED', 'PRODUCT_WITHDRAWN', 'PRODUCT_EXPIRED', 'DATASHEET_WITHDRAWN')),
        ADD CONSTRAINT published_datasheet_version_ended CHECK (
          (superseded_at IS NOT NULL AND withdrawn_at IS NULL AND withdrawal_reason IS NULL)
          OR (superseded_at IS NULL AND withdrawn_at IS NOT NULL AND withdrawal_reason IS NOT NULL))`);
    await db.query(`
      INSERT INTO published_datasheet_version (version_id, tenant_id, datasheet_id, version_number, product_name, product_family, certificate_reference,
             scheme, production_unit, holder_name, characteristics, texts, published_at, withdrawn_at, withdrawal_reason)
      SELECT v.id, w.tenant_id, w.datasheet_id, w.version_number, w.product_name, w.product_family, w.certificate_reference,
             w.scheme, c.production_unit, w.holder_name, v.characteristics, v.texts, w.published_at, w.withdrawn_at, w.reason
        FROM withdrawn_datasheet w
        JOIN datasheet_version v ON v.tenant_id = w.tenant_id AND v.datasheet_id = w.datasheet_id AND v.number = w.version_number
        JOIN datasheet d ON d.tenant_id = w.tenant_id AND d.id = w.datasheet_id
        JOIN certified_product c ON c.tenant_id = d.tenant_id AND c.id = d.certified_product_id
      ON CONFLICT (version_id) DO NOTHING`);
    await db.query(`DROP POLICY published_datasheet_version_public_read ON published_datasheet_version`);
    await db.query(`
      CREATE POLICY published_datasheet_version_public_read ON published_datasheet_version FOR SELECT
        USING (app_in_public_scope() AND (
          EXISTS (SELECT 1 FROM published_datasheet p WHERE p.datasheet_id = published_datasheet_version.datasheet_id)
          OR EXISTS (SELECT 1 FROM withdrawn_datasheet w WHERE w.datasheet_id = published_datasheet_version.datasheet_id)))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP POLICY published_datasheet_version_public_read ON published_datasheet_version`);
    await db.query(`
      CREATE POLICY published_datasheet_version_public_read ON published_datasheet_version FOR SELECT
        USING (app_in_public_scope() AND EXISTS (SELECT 1 FROM published_datasheet p WHERE p.datasheet_id = published_datasheet_version.datasheet_id))`);
    await db.query(`DELETE FROM published_datasheet_version WHERE withdrawn_at IS NOT NULL`);
    await db.query(`
      ALTER TABLE published_datasheet_version
        DROP CONSTRAINT published_datasheet_version_ended, DROP COLUMN withdrawal_reason, DROP COLUMN withdrawn_at,
        ALTER COLUMN superseded_at SET NOT NULL`);
  }
}
