import { Injectable } from '@nestjs/common';
import { GenerateSql, selectColumns, Sql, SQL_EXAMPLE, toEntity } from '@chancery/core';
import { WebhookSubscription } from '../entities/webhook-subscription.entity';

const SUBSCRIPTION = selectColumns(WebhookSubscription, 's', { except: ['secret'] });

/** Whose targets: a company's ERP (organisationId) or the tenant's own (organisationId null). */
export interface WebhookOwner {
  tenantId: string;
  organisationId: string | null;
}

export type NewWebhookSubscription = Pick<WebhookSubscription, 'tenantId' | 'organisationId' | 'url' | 'eventTypes' | 'secret' | 'createdAt'>;

/** The `webhook_subscription` table: targets, their event types and sealed signing secrets. */
@Injectable()
export class WebhookSubscriptionRepository {
  constructor(private readonly sql: Sql) {}

  @GenerateSql({ params: [{ tenantId: SQL_EXAMPLE.tenantId, organisationId: SQL_EXAMPLE.organisationId, url: 'https://erp.example.test/hooks', eventTypes: ['certificate.issued'], secret: 'v1.sealed', createdAt: SQL_EXAMPLE.at }] })
  async insert(subscription: NewWebhookSubscription): Promise<WebhookSubscription> {
    const [row] = await this.sql.query(
      `INSERT INTO webhook_subscription AS s (tenant_id, organisation_id, url, event_types, secret, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${SUBSCRIPTION}`,
      [subscription.tenantId, subscription.organisationId, subscription.url, subscription.eventTypes, subscription.secret, subscription.createdAt],
    );
    return toEntity(WebhookSubscription, row!);
  }

  @GenerateSql({ params: [{ tenantId: SQL_EXAMPLE.tenantId, organisationId: null }] })
  async listOwnedBy(owner: WebhookOwner): Promise<WebhookSubscription[]> {
    const rows = await this.sql.query(
      `SELECT ${SUBSCRIPTION} FROM webhook_subscription s WHERE s.tenant_id = $1 AND s.organisation_id IS NOT DISTINCT FROM $2::uuid ORDER BY s.created_at, s.id`,
      [owner.tenantId, owner.organisationId],
    );
    return rows.map((row) => toEntity(WebhookSubscription, row));
  }

  @GenerateSql({ params: [SQL_EXAMPLE.id, { tenantId: SQL_EXAMPLE.tenantId, organisationId: SQL_EXAMPLE.organisationId }] })
  async findOwned(id: string, owner: WebhookOwner): Promise<WebhookSubscription | null> {
    const [row] = await this.sql.query(
      `SELECT ${SUBSCRIPTION} FROM webhook_subscription s WHERE s.id = $1 AND s.tenant_id = $2 AND s.organisation_id IS NOT DISTINCT FROM $3::uuid`,
      [id, owner.tenantId, owner.organisationId],
    );
    return row ? toEntity(WebhookSubscription, row) : null;
  }

  @GenerateSql({ params: [SQL_EXAMPLE.id, 'v1.sealed', SQL_EXAMPLE.at] })
  async replaceSecret(id: string, sealedSecret: string, at: Date): Promise<WebhookSubscription> {
    const [row] = await this.sql.query(
      `UPDATE webhook_subscription s SET secret = $2, secret_rotated_at = $3 WHERE s.id = $1 RETURNING ${SUBSCRIPTION}`,
      [id, sealedSecret, at],
    );
    return toEntity(WebhookSubscription, row!);
  }

  /** Its deliveries go with it (pending ones are not sent). */
  @GenerateSql({ params: [SQL_EXAMPLE.id] })
  async delete(id: string): Promise<void> {
    await this.sql.query(`DELETE FROM webhook_subscription WHERE id = $1`, [id]);
  }
}
