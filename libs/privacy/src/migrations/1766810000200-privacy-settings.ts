import { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from '@chancery/core/database/row-security';

/**
 * Each tenant's privacy settings (issue 18 item 1): how the first deadline of a data-subject request
 * is counted, one calendar month (the default, Art. 12(3)) or 30 days. A tenant without a row uses the defaults.
 */
export class PrivacySettings1766810000200 implements MigrationInterface {
  name = 'PrivacySettings1766810000200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE privacy_settings (
        tenant_id              uuid PRIMARY KEY REFERENCES tenant(id),
        request_deadline_rule  text NOT NULL CHECK (request_deadline_rule IN ('ONE_MONTH', 'THIRTY_DAYS')),
        updated_at             timestamptz NOT NULL,
        updated_by             uuid NOT NULL
      )`);
    await isolateTenantTable(db, 'privacy_settings', { privileges: 'SELECT, INSERT, UPDATE' });
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE privacy_settings`);
  }
}
