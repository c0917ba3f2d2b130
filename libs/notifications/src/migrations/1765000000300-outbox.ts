import { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from '@chancery/core/database/row-security';

/**
 * The notifications context's outbox: messages written in the transaction of the change that causes
 * them, delivered by the worker. Tests read them back here instead of mocking an SMTP server.
 */
export class Outbox1765000000300 implements MigrationInterface {
  name = 'Outbox1765000000300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE outbox_message (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id   uuid REFERENCES tenant(id),
        channel     text NOT NULL CHECK (channel IN ('EMAIL')),
        recipient   text NOT NULL,
        template    text NOT NULL,
        subject     text NOT NULL,
        body        text NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        sent_at     timestamptz,
        attempts    integer NOT NULL DEFAULT 0
      )`);
    await db.query(`CREATE INDEX outbox_message_pending ON outbox_message (tenant_id, created_at) WHERE sent_at IS NULL`);
    await isolateTenantTable(db, 'outbox_message', { platformRows: true });
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE outbox_message`);
  }
}
