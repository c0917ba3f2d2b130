import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The public list of withdrawn datasheets (a certification body's register of suspended and withdrawn
 * certificates), newest withdrawal first: one body's, or every body's, a page read in the order's index.
 */
export class WithdrawnDatasheetList1767670000100 implements MigrationInterface {
  name = 'WithdrawnDatasheetList1767670000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX withdrawn_datasheet_of_tenant_newest ON withdrawn_datasheet (tenant_id, withdrawn_at DESC, datasheet_id DESC)`);
    await db.query(`CREATE INDEX withdrawn_datasheet_newest ON withdrawn_datasheet (withdrawn_at DESC, datasheet_id DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX withdrawn_datasheet_newest`);
    await db.query(`DROP INDEX withdrawn_datasheet_of_tenant_newest`);
  }
}
