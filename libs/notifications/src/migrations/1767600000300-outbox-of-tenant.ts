import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox's personal-data statements (a person's messages for an export or an erasure, the nightly
 * deletion of delivered messages) name the tenant: the table's policies are alternatives (the tenant's
 * rows, or the delivery worker's), so row-level security alone gave PostgreSQL no condition to seek,
 * and each read every tenant's messages: every tenant's sweep, every night. Indexed in the sweep's order.
 */
export class OutboxOfTenant1767600000300 implements MigrationInterface {
  name = 'OutboxOfTenant1767600000300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX outbox_message_tenant_sent ON outbox_message (tenant_id, sent_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX outbox_message_tenant_sent`);
  }
}
