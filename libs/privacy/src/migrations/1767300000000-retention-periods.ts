import { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from '@chancery/core/database/row-security';

/**
 * The periods a tenant shortened (issue 18 item 4): one row per tenant and retention rule of the
 * catalogue (libs/policy retention-rules). A rule without a row runs on the platform's default. The
 * bounds (default, legal minimum and maximum) live in the catalogue and are checked by the service;
 * the table only refuses what no rule allows.
 */
export class RetentionPeriods1767300000000 implements MigrationInterface {
  name = 'RetentionPeriods1767300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE retention_period (
        tenant_id   uuid NOT NULL REFERENCES tenant(id),
        rule        text NOT NULL CHECK (rule ~ '^[A-Z_]{1,64}$'),
        period      integer NOT NULL CHECK (period >= 0),
        updated_at  timestamptz NOT NULL,
        updated_by  uuid NOT NULL,
        PRIMARY KEY (tenant_id, rule)
      )`);
    await isolateTenantTable(db, 'retention_period', { privileges: 'SELECT, INSERT, UPDATE, DELETE' });
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE retention_period`);
  }
}
