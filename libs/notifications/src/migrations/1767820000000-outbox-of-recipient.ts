import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person's messages in a tenant, found by address: whether a notice went to them lately (a notice
 * sent at most once a day, `insertEmailUnlessRecent`), and their messages for an export or an erasure
 * (`lower(recipient)`, as those statements compare it). Without it each read every message of the tenant.
 */
export class OutboxOfRecipient1767820000000 implements MigrationInterface {
  name = 'OutboxOfRecipient1767820000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX outbox_message_recipient ON outbox_message (tenant_id, lower(recipient), created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX outbox_message_recipient`);
  }
}
