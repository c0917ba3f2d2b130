import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Restriction of processing (Art. 18) in the outbox: a message to a person whose processing is
 * restricted is held (`held_at`), neither sent nor given up, until the restriction is lifted; the
 * messages the controller owes the person about their own rights go out regardless
 * (`sent_during_restriction`, from the template). The delivery scope's policies already let the worker
 * read and mark these columns.
 */
export class OutboxRestriction1767200000300 implements MigrationInterface {
  name = 'OutboxRestriction1767200000300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE outbox_message ADD COLUMN sent_during_restriction boolean NOT NULL DEFAULT false`);
    await db.query(`ALTER TABLE outbox_message ADD COLUMN held_at timestamptz`);
    await db.query(`DROP INDEX outbox_message_due`);
    await db.query(`CREATE INDEX outbox_message_due ON outbox_message (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL AND held_at IS NULL`);
    await db.query(`CREATE INDEX outbox_message_held ON outbox_message (tenant_id, recipient) WHERE held_at IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX outbox_message_held`);
    await db.query(`DROP INDEX outbox_message_due`);
    await db.query(`CREATE INDEX outbox_message_due ON outbox_message (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL`);
    await db.query(`ALTER TABLE outbox_message DROP COLUMN held_at`);
    await db.query(`ALTER TABLE outbox_message DROP COLUMN sent_during_restriction`);
  }
}
