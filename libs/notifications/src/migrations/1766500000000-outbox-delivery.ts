import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Delivery of the outbox (#14): when a message may next be tried, who holds it until when (a claim,
 * so two workers never send the same message), when it was given up and why (a code, never a text
 * that could quote an address). The worker reaches every tenant's messages through the
 * `deliveringOutbox` scope, this table only, reading and marking, never adding or removing.
 *
 * Bodies are sealed from now on (AES-256-GCM under SECRETS_KEY, by the Mailer). Messages written
 * before were never delivered (nothing delivered the outbox), their links point at pages that did not
 * exist and carry live tokens in clear: their texts are erased and the messages given up, so no token
 * stays at rest in clear; a person asks for a new link.
 */
export class OutboxDelivery1766500000000 implements MigrationInterface {
  name = 'OutboxDelivery1766500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE outbox_message ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now()`);
    await db.query(`ALTER TABLE outbox_message ADD COLUMN claimed_until timestamptz`);
    await db.query(`ALTER TABLE outbox_message ADD COLUMN failed_at timestamptz`);
    await db.query(`ALTER TABLE outbox_message ADD COLUMN last_error text`);
    await db.query(`
      UPDATE outbox_message SET body = '', failed_at = now(), last_error = 'UNSEALED_BEFORE_UPGRADE'
       WHERE body NOT LIKE 'v1.%' AND sent_at IS NULL`);
    await db.query(`DROP INDEX outbox_message_pending`);
    await db.query(`CREATE INDEX outbox_message_due ON outbox_message (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL`);
    await db.query(`
      CREATE POLICY outbox_message_delivery_read ON outbox_message FOR SELECT
        USING (current_setting('app.scope', true) = 'outbox-delivery')`);
    await db.query(`
      CREATE POLICY outbox_message_delivery_mark ON outbox_message FOR UPDATE
        USING (current_setting('app.scope', true) = 'outbox-delivery')
        WITH CHECK (current_setting('app.scope', true) = 'outbox-delivery')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP POLICY outbox_message_delivery_mark ON outbox_message`);
    await db.query(`DROP POLICY outbox_message_delivery_read ON outbox_message`);
    await db.query(`DROP INDEX outbox_message_due`);
    await db.query(`CREATE INDEX outbox_message_pending ON outbox_message (tenant_id, created_at) WHERE sent_at IS NULL`);
    for (const column of ['last_error', 'failed_at', 'claimed_until', 'next_attempt_at']) {
      await db.query(`ALTER TABLE outbox_message DROP COLUMN ${column}`);
    }
  }
}
