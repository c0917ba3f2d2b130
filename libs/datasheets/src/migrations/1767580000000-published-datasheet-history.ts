import { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from '@chancery/core/database/row-security';

/**
 * The published versions a new version superseded ("history stays readable", SPEC §3): written in the
 * publishing transaction from the public read model's row of the superseded version, without its
 * contact (the datasheet's contact is the current one; a former contact's details do not stay public).
 * Rows are never changed. The public scope reads the versions of datasheets that are published now:
 * an unpublished datasheet's history is out of reach with it. Versions superseded before this
 * migration are not in it (their product and holder as then were not kept).
 */
export class PublishedDatasheetHistory1767580000000 implements MigrationInterface {
  name = 'PublishedDatasheetHistory1767580000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE published_datasheet_version (
        version_id             uuid PRIMARY KEY,
        tenant_id              uuid NOT NULL REFERENCES tenant(id),
        datasheet_id           uuid NOT NULL,
        version_number         integer NOT NULL,
        product_name           text NOT NULL,
        product_family         text NOT NULL,
        certificate_reference  text NOT NULL,
        scheme                 text NOT NULL,
        production_unit        text NOT NULL,
        holder_name            text NOT NULL,
        characteristics        jsonb NOT NULL,
        texts                  jsonb NOT NULL,
        published_at           timestamptz NOT NULL,
        superseded_at          timestamptz NOT NULL,
        FOREIGN KEY (tenant_id, datasheet_id) REFERENCES datasheet(tenant_id, id)
      )`);
    await db.query(`CREATE INDEX published_datasheet_version_of ON published_datasheet_version (datasheet_id, version_number DESC)`);
    await isolateTenantTable(db, 'published_datasheet_version', { privileges: 'SELECT, INSERT' });
    await db.query(`
      CREATE POLICY published_datasheet_version_public_read ON published_datasheet_version FOR SELECT
        USING (app_in_public_scope() AND EXISTS (SELECT 1 FROM published_datasheet p WHERE p.datasheet_id = published_datasheet_version.datasheet_id))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE published_datasheet_version`);
  }
}
