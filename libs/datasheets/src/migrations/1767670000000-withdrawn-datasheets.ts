import { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from '@chancery/core/database/row-security';

/**
 * The public notice of a withdrawn datasheet: a buyer or site engineer who types the short code printed
 * on a delivery note learns that the datasheet was withdrawn, when and why (the product's certificate
 * suspended, withdrawn or expired, or the datasheet withdrawn by the certification body), instead of a
 * "not found" that reads like a wrong code. Written in the unpublishing transaction from the public
 * read model's row, without its contact (no person stays public after a withdrawal, SPEC §3), and
 * removed when the datasheet is published again. Datasheets withdrawn before this migration have no
 * notice: their product and holder as then published were not kept.
 */
export class WithdrawnDatasheets1767670000000 implements MigrationInterface {
  name = 'WithdrawnDatasheets1767670000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE withdrawn_datasheet (
        datasheet_id           uuid PRIMARY KEY,
        tenant_id              uuid NOT NULL REFERENCES tenant(id),
        public_code            char(8) NOT NULL UNIQUE,
        version_number         integer NOT NULL,
        product_name           text NOT NULL,
        product_family         text NOT NULL,
        certificate_reference  text NOT NULL,
        scheme                 text NOT NULL,
        holder_name            text NOT NULL,
        published_at           timestamptz NOT NULL,
        withdrawn_at           timestamptz NOT NULL,
        reason                 text NOT NULL CHECK (reason IN ('PRODUCT_SUSPENDED', 'PRODUCT_WITHDRAWN', 'PRODUCT_EXPIRED', 'DATASHEET_WITHDRAWN')),
        FOREIGN KEY (tenant_id, datasheet_id) REFERENCES datasheet(tenant_id, id)
      )`);
    await isolateTenantTable(db, 'withdrawn_datasheet');
    await db.query(`CREATE POLICY withdrawn_datasheet_public_read ON withdrawn_datasheet FOR SELECT USING (app_in_public_scope())`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE withdrawn_datasheet`);
  }
}
