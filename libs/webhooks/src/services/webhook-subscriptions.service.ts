import { Injectable } from '@nestjs/common';
import { holdsRole, Role } from '@chancery/access';
import { AuditLog } from '@chancery/audit';
import { Actor, AppConfig, Clock, RequestContext, SecretBox, TransactionRunner } from '@chancery/core';
import { WebhookDelivery } from '../entities/webhook-delivery.entity';
import { WebhookSubscription } from '../entities/webhook-subscription.entity';
import { WebhookDeliveryRepository } from '../repositories/webhook-delivery.repository';
import { WebhookOwner, WebhookSubscriptionRepository } from '../repositories/webhook-subscription.repository';
import { WebhookErrors } from '../webhooks.errors';
import { eventTypesFor, WebhookEventType } from '../webhook-event-types';
import { TenantSpaces } from './tenant-spaces';
import { newSigningSecret } from './webhook-signature';
import { refusalOfTargetUrl } from './webhook-target';

const DELIVERIES_PAGE = 100;

/**
 * Registering and keeping webhook targets: a company administrator's for the company's ERP (its
 * applications and certificates), a tenant administrator's for the tenant's datasheet feed. Each
 * sees and changes only its own targets and their deliveries; anything else is NOT_FOUND.
 */
@Injectable()
export class WebhookSubscriptions {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly context: RequestContext,
    private readonly subscriptions: WebhookSubscriptionRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly audit: AuditLog,
    private readonly secrets: SecretBox,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly spaces: TenantSpaces,
  ) {}

  /** The events the caller's targets may hear: their audience's, of the kinds of the tenant's space. */
  offeredEventTypes(): Promise<WebhookEventType[]> {
    const owner = ownerOf(this.context.actor);
    return this.transactions.run(() => this.offeredTo(owner));
  }

  /** The signing secret is returned once, here; it is kept sealed. */
  async register(input: { url: string; eventTypes: string[] }): Promise<{ subscription: WebhookSubscription; secret: string }> {
    const owner = ownerOf(this.context.actor);
    const url = input.url.trim();
    const refusal = refusalOfTargetUrl(url, this.config.isProduction);
    if (refusal) throw WebhookErrors.WEBHOOK_URL_REFUSED(refusal, { field: 'url' });
    const secret = newSigningSecret();
    const subscription = await this.transactions.run(async () => {
      const eventTypes = this.acceptedEventTypes(await this.offeredTo(owner), input.eventTypes);
      const created = await this.subscriptions.insert({ ...owner, url, eventTypes, secret: this.secrets.seal(secret), createdAt: this.clock.now() });
      await this.audit.record({ action: 'webhooks.subscription.created', subjectType: 'WebhookSubscription', subjectId: created.id, details: { eventTypes: eventTypes.join(',') } });
      return created;
    });
    return { subscription, secret };
  }

  list(): Promise<WebhookSubscription[]> {
    const owner = ownerOf(this.context.actor);
    return this.transactions.run(() => this.subscriptions.listOwnedBy(owner));
  }

  /** A new secret, returned once; the old one stops signing at once. */
  async rotateSecret(id: string): Promise<{ subscription: WebhookSubscription; secret: string }> {
    const owner = ownerOf(this.context.actor);
    const secret = newSigningSecret();
    const subscription = await this.transactions.run(async () => {
      const found = await this.owned(id, owner);
      const rotated = await this.subscriptions.replaceSecret(found.id, this.secrets.seal(secret), this.clock.now());
      await this.audit.record({ action: 'webhooks.subscription.secretRotated', subjectType: 'WebhookSubscription', subjectId: found.id });
      return rotated;
    });
    return { subscription, secret };
  }

  delete(id: string): Promise<WebhookSubscription> {
    const owner = ownerOf(this.context.actor);
    return this.transactions.run(async () => {
      const found = await this.owned(id, owner);
      await this.subscriptions.delete(found.id);
      await this.audit.record({ action: 'webhooks.subscription.deleted', subjectType: 'WebhookSubscription', subjectId: found.id });
      return found;
    });
  }

  /** Newest first; `deadLettersOnly`: the dead-letter list. */
  deliveriesOf(subscriptionId: string, deadLettersOnly: boolean): Promise<WebhookDelivery[]> {
    const owner = ownerOf(this.context.actor);
    return this.transactions.run(async () => {
      const found = await this.owned(subscriptionId, owner);
      return this.deliveries.listOf(found.id, deadLettersOnly, DELIVERIES_PAGE);
    });
  }

  /** A dead letter sent again from now, with a fresh count of attempts. */
  redeliver(deliveryId: string): Promise<WebhookDelivery> {
    const owner = ownerOf(this.context.actor);
    return this.transactions.run(async () => {
      const delivery = await this.deliveries.findOwned(deliveryId, owner);
      if (!delivery) throw WebhookErrors.WEBHOOK_DELIVERY_NOT_FOUND('Webhook delivery not found');
      if (!delivery.deadLetteredAt) {
        throw WebhookErrors.WEBHOOK_NOT_DEAD_LETTERED('The delivery is not dead-lettered', { details: { state: delivery.deliveredAt ? 'DELIVERED' : 'PENDING' } });
      }
      const again = await this.deliveries.redeliver(delivery.id, this.clock.now());
      await this.audit.record({ action: 'webhooks.delivery.redelivered', subjectType: 'WebhookDelivery', subjectId: delivery.id });
      return again;
    });
  }

  private async owned(id: string, owner: WebhookOwner): Promise<WebhookSubscription> {
    const found = await this.subscriptions.findOwned(id, owner);
    if (!found) throw WebhookErrors.WEBHOOK_NOT_FOUND('Webhook target not found');
    return found;
  }

  private async offeredTo(owner: WebhookOwner): Promise<WebhookEventType[]> {
    return eventTypesFor(owner.organisationId ? 'organisation' : 'tenant', await this.spaces.kindsOf(owner.tenantId));
  }

  private acceptedEventTypes(allowed: readonly string[], requested: string[]): WebhookEventType[] {
    // Targets that could hear nothing here (none since every tenant's own hear `audit.checkpoint`; kept as the guard it was).
    if (!allowed.length) throw WebhookErrors.WEBHOOK_NO_EVENTS_HERE('no event of this tenant’s space is for these targets: a tenant’s targets hear its datasheet feed, which only a certification body publishes');
    const refused = requested.filter((type) => !allowed.includes(type));
    if (!requested.length || refused.length) {
      throw WebhookErrors.WEBHOOK_EVENT_TYPE_REFUSED(
        requested.length ? `not one of ${allowed.join(', ')}: ${refused.join(', ')}` : `name at least one of ${allowed.join(', ')}`,
        { field: 'eventTypes' },
      );
    }
    return [...new Set(requested)].sort() as WebhookEventType[];
  }
}

/** A company administrator manages the company's ERP targets; a tenant administrator the tenant's own. */
function ownerOf(actor: Actor): WebhookOwner {
  if (actor.kind !== 'user' || !actor.tenantId) throw WebhookErrors.WEBHOOK_OWNER_REQUIRED('Only an administrator manages webhook targets');
  if (actor.organisationId && holdsRole(actor.roles, Role.ORG_ADMIN)) return { tenantId: actor.tenantId, organisationId: actor.organisationId };
  if (!actor.organisationId && holdsRole(actor.roles, Role.TENANT_ADMIN)) return { tenantId: actor.tenantId, organisationId: null };
  throw WebhookErrors.WEBHOOK_OWNER_REQUIRED('Only an administrator manages webhook targets');
}
