import { Injectable } from '@nestjs/common';
import { GenerateSql, selectColumns, Sql, SQL_EXAMPLE, toEntity } from '@chancery/core';
import { WebhookDelivery } from '../entities/webhook-delivery.entity';
import { WebhookSubject } from '../webhook-event-types';
import { WebhookOwner } from './webhook-subscription.repository';

const DELIVERY = selectColumns(WebhookDelivery, 'd');

export interface NewWebhookEvent {
  tenantId: string;
  /** The company the event is about; null: a tenant-wide event (the datasheet feed). */
  organisationId: string | null;
  eventId: string;
  eventType: string;
  subject: WebhookSubject;
  occurredAt: Date;
}

/** A delivery a worker holds until `claimedUntil`, with what it needs to sign and send it. */
export interface ClaimedWebhookDelivery {
  id: string;
  tenantId: string;
  organisationId: string | null;
  subscriptionId: string;
  eventId: string;
  eventType: string;
  subject: Record<string, string | number | boolean | null>;
  occurredAt: Date;
  /** Including this one. */
  attempts: number;
  url: string;
  /** Sealed. */
  secret: string;
}

const EXAMPLE_EVENT: NewWebhookEvent = { tenantId: SQL_EXAMPLE.tenantId, organisationId: SQL_EXAMPLE.organisationId, eventId: SQL_EXAMPLE.id, eventType: 'certificate.issued', subject: { certificateId: SQL_EXAMPLE.id }, occurredAt: SQL_EXAMPLE.at };

/** The `webhook_delivery` table: one row per event and target, pending, delivered or dead-lettered. */
@Injectable()
export class WebhookDeliveryRepository {
  constructor(private readonly sql: Sql) {}

  /**
   * One delivery for every target of the tenant that listens to this event: a company's event goes to
   * that company's targets only, a tenant-wide event to the tenant's own targets only. One statement.
   */
  @GenerateSql({ params: [EXAMPLE_EVENT] })
  async enqueue(event: NewWebhookEvent): Promise<number> {
    const rows = await this.sql.query(
      `INSERT INTO webhook_delivery (tenant_id, subscription_id, organisation_id, event_id, event_type, subject, occurred_at, next_attempt_at)
       SELECT s.tenant_id, s.id, s.organisation_id, $3, $4, $5, $6, $6 FROM webhook_subscription s
        WHERE s.tenant_id = $1 AND s.organisation_id IS NOT DISTINCT FROM $2::uuid AND $4 = ANY (s.event_types)
       RETURNING id`,
      [event.tenantId, event.organisationId, event.eventId, event.eventType, JSON.stringify(event.subject), event.occurredAt],
    );
    return rows.length;
  }

  /** Newest first; `deadLettersOnly` for the dead-letter list. */
  @GenerateSql({ params: [SQL_EXAMPLE.id, false, 50] })
  async listOf(subscriptionId: string, deadLettersOnly: boolean, limit: number): Promise<WebhookDelivery[]> {
    const rows = await this.sql.query(
      `SELECT ${DELIVERY} FROM webhook_delivery d
        WHERE d.tenant_id = app_current_tenant() AND d.subscription_id = $1 AND (NOT $2 OR d.dead_lettered_at IS NOT NULL)
        ORDER BY d.occurred_at DESC, d.id LIMIT $3`,
      [subscriptionId, deadLettersOnly, limit],
    );
    return rows.map((row) => toEntity(WebhookDelivery, row));
  }

  @GenerateSql({ params: [SQL_EXAMPLE.id, { tenantId: SQL_EXAMPLE.tenantId, organisationId: null }] })
  async findOwned(id: string, owner: WebhookOwner): Promise<WebhookDelivery | null> {
    const [row] = await this.sql.query(
      `SELECT ${DELIVERY} FROM webhook_delivery d WHERE d.id = $1 AND d.tenant_id = $2 AND d.organisation_id IS NOT DISTINCT FROM $3::uuid`,
      [id, owner.tenantId, owner.organisationId],
    );
    return row ? toEntity(WebhookDelivery, row) : null;
  }

  /** A dead letter due again now, with a fresh count of attempts. */
  @GenerateSql({ params: [SQL_EXAMPLE.id, SQL_EXAMPLE.at] })
  async redeliver(id: string, at: Date): Promise<WebhookDelivery> {
    const [row] = await this.sql.query(
      `UPDATE webhook_delivery d SET dead_lettered_at = NULL, attempts = 0, next_attempt_at = $2, claimed_until = NULL
        WHERE d.id = $1 RETURNING ${DELIVERY}`,
      [id, at],
    );
    return toEntity(WebhookDelivery, row!);
  }

  /**
   * Takes up to `limit` due deliveries nobody holds, counts the attempt and holds them until
   * `claimedUntil`. `SKIP LOCKED`: two workers never take the same delivery, nor wait for each other.
   */
  @GenerateSql({ params: [SQL_EXAMPLE.at, SQL_EXAMPLE.at, 10] })
  claimDue(now: Date, claimedUntil: Date, limit: number): Promise<ClaimedWebhookDelivery[]> {
    return this.sql.query<ClaimedWebhookDelivery>(
      `WITH claimed AS (
         UPDATE webhook_delivery d SET attempts = d.attempts + 1, claimed_until = $2
          WHERE d.id IN (SELECT id FROM webhook_delivery
                          WHERE delivered_at IS NULL AND dead_lettered_at IS NULL AND next_attempt_at <= $1 AND (claimed_until IS NULL OR claimed_until <= $1)
                          ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
          RETURNING d.id, d.tenant_id, d.organisation_id, d.subscription_id, d.event_id, d.event_type, d.subject, d.occurred_at, d.attempts)
       SELECT c.id, c.tenant_id AS "tenantId", c.organisation_id AS "organisationId", c.subscription_id AS "subscriptionId", c.event_id AS "eventId",
              c.event_type AS "eventType", c.subject, c.occurred_at AS "occurredAt", c.attempts, s.url, s.secret
         FROM claimed c JOIN webhook_subscription s ON s.id = c.subscription_id
        ORDER BY c.occurred_at, c.id`,
      [now, claimedUntil, limit],
    );
  }

  @GenerateSql({ params: [SQL_EXAMPLE.id, 200, SQL_EXAMPLE.at] })
  async markDelivered(id: string, status: number, at: Date): Promise<void> {
    await this.sql.query(
      `UPDATE webhook_delivery SET delivered_at = $3, last_status = $2, last_error = NULL, claimed_until = NULL WHERE id = $1 AND delivered_at IS NULL`,
      [id, status, at],
    );
  }

  /** Not delivered this time: due again at `retryAt`, or dead-lettered (`retryAt` null). */
  @GenerateSql({ params: [SQL_EXAMPLE.id, 500, 'HTTP_500', SQL_EXAMPLE.at, SQL_EXAMPLE.at] })
  async markFailed(id: string, status: number | null, error: string, retryAt: Date | null, at: Date): Promise<void> {
    await this.sql.query(
      `UPDATE webhook_delivery
          SET claimed_until = NULL, last_status = $2, last_error = $3,
              next_attempt_at = coalesce($4, next_attempt_at),
              dead_lettered_at = CASE WHEN $4::timestamptz IS NULL THEN $5::timestamptz END
        WHERE id = $1 AND delivered_at IS NULL`,
      [id, status, error, retryAt, at],
    );
  }
}
