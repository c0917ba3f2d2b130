import { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from '@chancery/core/database/row-security';

/**
 * Outgoing webhooks (#16 item 8, #17 item 5, #18 item 3): a tenant's (or a company's ERP) registered
 * targets, and one delivery row per event and target, written in the transaction of the change that
 * causes the event (outbox pattern). A delivery keeps ids and states only, never a copy of a record:
 * its body is built through the output gate when it is sent, so a contact removed on objection is
 * never sent afterwards, not even by a retry. The worker reaches every tenant's deliveries through the
 * `deliveringWebhooks` scope: these two tables only, reading, and marking deliveries.
 */
export class Webhooks1766600000000 implements MigrationInterface {
  name = 'Webhooks1766600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE webhook_subscription (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id        uuid NOT NULL REFERENCES tenant(id),
        organisation_id  uuid,
        url              text NOT NULL,
        event_types      text[] NOT NULL,
        secret           text NOT NULL,
        created_at       timestamptz NOT NULL,
        secret_rotated_at timestamptz
      )`);
    await db.query(`CREATE INDEX webhook_subscription_owner ON webhook_subscription (tenant_id, organisation_id)`);
    await isolateTenantTable(db, 'webhook_subscription');

    await db.query(`
      CREATE TABLE webhook_delivery (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id        uuid NOT NULL REFERENCES tenant(id),
        subscription_id  uuid NOT NULL REFERENCES webhook_subscription(id) ON DELETE CASCADE,
        event_id         uuid NOT NULL,
        event_type       text NOT NULL,
        organisation_id  uuid,
        subject          jsonb NOT NULL,
        occurred_at      timestamptz NOT NULL,
        attempts         integer NOT NULL DEFAULT 0,
        next_attempt_at  timestamptz NOT NULL,
        claimed_until    timestamptz,
        last_status      integer,
        last_error       text,
        delivered_at     timestamptz,
        dead_lettered_at timestamptz
      )`);
    await db.query(`CREATE INDEX webhook_delivery_of_subscription ON webhook_delivery (tenant_id, subscription_id, occurred_at DESC)`);
    await db.query(`CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE delivered_at IS NULL AND dead_lettered_at IS NULL`);
    await isolateTenantTable(db, 'webhook_delivery');
    await db.query(`
      CREATE POLICY webhook_delivery_delivery_read ON webhook_delivery FOR SELECT
        USING (current_setting('app.scope', true) = 'webhook-delivery')`);
    await db.query(`
      CREATE POLICY webhook_delivery_delivery_mark ON webhook_delivery FOR UPDATE
        USING (current_setting('app.scope', true) = 'webhook-delivery')
        WITH CHECK (current_setting('app.scope', true) = 'webhook-delivery')`);
    await db.query(`
      CREATE POLICY webhook_subscription_delivery_read ON webhook_subscription FOR SELECT
        USING (current_setting('app.scope', true) = 'webhook-delivery')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE webhook_delivery`);
    await db.query(`DROP TABLE webhook_subscription`);
  }
}
