import { Injectable, Logger } from '@nestjs/common';
import { ApiKeyScope } from '@chancery/access';
import { Actor, AppConfig, Clock, SecretBox, TransactionRunner } from '@chancery/core';
import { present, registerOutputChannel } from '@chancery/policy';
import { ClaimedWebhookDelivery, WebhookDeliveryRepository } from '../repositories/webhook-delivery.repository';
import { WebhookEventBody, WebhookPayloads } from './webhook-payloads';
import { postWebhook, WebhookTransportError } from './webhook-sender';
import { signPayload } from './webhook-signature';

registerOutputChannel({ name: 'webhook', purpose: 'webhook', where: 'libs/webhooks/src/services/webhook-dispatcher.service.ts (every webhook body, built when it is sent)' });

/** How long a worker holds a delivery it took: longer than an attempt may take. */
export const WEBHOOK_CLAIM_MS = 2 * 60_000;
/** Each attempt's bound. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** Attempts before a delivery is dead-lettered: the last about a day and a half after the first. */
export const WEBHOOK_MAX_ATTEMPTS = 10;
const BATCH = 20;

/** The longest wait before the next try after `attempts` tries: 30 s, 1, 2, 4… minutes, at most 6 hours. */
export function webhookRetryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
}

/** The wait actually used: between half and all of it ("equal jitter"), so failed targets are not retried in lockstep. */
export function jitteredDelayMs(attempts: number, random: () => number = Math.random): number {
  const ceiling = webhookRetryDelayMs(attempts);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export interface WebhookRound {
  delivered: string[];
  retrying: string[];
  deadLettered: string[];
}

/**
 * Delivers due webhooks: claims them across tenants (`deliveringWebhooks`, `SKIP LOCKED`, committed
 * before anything is sent), builds each body in its tenant through the output gate as the target's
 * viewer, signs it and POSTs it, then marks it delivered, due again (backoff with jitter), or dead.
 * No transaction stays open while a target is talked to. A worker dying between sending and marking
 * leaves the delivery to be sent again with the same `webhook-id`, which receivers deduplicate on.
 */
@Injectable()
export class WebhookDispatcher {
  private readonly logger = new Logger(WebhookDispatcher.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly payloads: WebhookPayloads,
    private readonly secrets: SecretBox,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async deliverDue(limit = BATCH): Promise<WebhookRound> {
    const round: WebhookRound = { delivered: [], retrying: [], deadLettered: [] };
    const now = this.clock.now();
    const claimed = await this.transactions.deliveringWebhooks(() => this.deliveries.claimDue(now, new Date(now.getTime() + WEBHOOK_CLAIM_MS), limit));
    for (const delivery of claimed) round[await this.deliver(delivery)].push(delivery.id);
    return round;
  }

  private async deliver(delivery: ClaimedWebhookDelivery): Promise<keyof WebhookRound> {
    let status: number | null = null;
    let code: string;
    try {
      const secret = this.secrets.open(delivery.secret);
      if (secret === null) throw new WebhookTransportError('UNREADABLE_SECRET');
      const body = JSON.stringify(await this.transactions.asSystem(delivery.tenantId, () => this.bodyOf(delivery)));
      const timestamp = Math.floor(this.clock.now().getTime() / 1000);
      const answer = await postWebhook({
        url: delivery.url,
        body,
        timeoutMs: WEBHOOK_TIMEOUT_MS,
        production: this.config.isProduction,
        headers: { 'webhook-id': delivery.id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signPayload(secret, delivery.id, timestamp, body) },
      });
      status = answer.status;
      if (status >= 200 && status < 300) {
        await this.transactions.deliveringWebhooks(() => this.deliveries.markDelivered(delivery.id, answer.status, this.clock.now()));
        return 'delivered';
      }
      code = `HTTP_${status}`;
    } catch (error) {
      code = error instanceof WebhookTransportError ? error.code : 'DELIVERY_ERROR';
      if (!(error instanceof WebhookTransportError)) this.logger.error(`webhook ${delivery.id} (${delivery.eventType}) could not be built: ${error instanceof Error ? error.message : String(error)}`);
    }
    const dead = delivery.attempts >= WEBHOOK_MAX_ATTEMPTS;
    const at = this.clock.now();
    const retryAt = dead ? null : new Date(at.getTime() + jitteredDelayMs(delivery.attempts));
    await this.transactions.deliveringWebhooks(() => this.deliveries.markFailed(delivery.id, status, code, retryAt, at));
    // Ids and a code only: the target's answer may quote anything.
    this.logger.warn(`webhook ${delivery.id} (${delivery.eventType}) not delivered, attempt ${delivery.attempts}: ${code}; ${dead ? 'dead-lettered' : `next try at ${retryAt!.toISOString()}`}`);
    return dead ? 'deadLettered' : 'retrying';
  }

  /** The body as the target may see it: a company's ERP as that company's integration, the tenant's targets as its feed. */
  private async bodyOf(delivery: ClaimedWebhookDelivery): Promise<WebhookEventBody> {
    const ref = { tenantId: delivery.tenantId, organisationId: delivery.organisationId, eventType: delivery.eventType, subject: delivery.subject };
    const body = Object.assign(new WebhookEventBody(), {
      eventId: delivery.eventId,
      type: delivery.eventType,
      timestamp: new Date(delivery.occurredAt).toISOString(),
      tenantId: delivery.tenantId,
      organisationId: delivery.organisationId,
      data: await this.payloads.dataOf(ref),
    });
    return present(targetViewer(delivery), body, 'webhook')!;
  }
}

/** Who a target is, for the gate: the integration the subscription stands for (an API key's scope), never a person. */
export function targetViewer(delivery: { tenantId: string; organisationId: string | null }): Actor {
  return delivery.organisationId
    ? { kind: 'apiKey', tenantId: delivery.tenantId, organisationId: delivery.organisationId, roles: [], scopes: [ApiKeyScope.ORGANISATION_ERP] }
    : { kind: 'apiKey', tenantId: delivery.tenantId, roles: [], scopes: [ApiKeyScope.DATASHEET_FEED] };
}
