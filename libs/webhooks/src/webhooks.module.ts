import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@chancery/audit';
import { WebhookDelivery } from './entities/webhook-delivery.entity';
import { WebhookSubscription } from './entities/webhook-subscription.entity';
import { WebhookDeliveryRepository } from './repositories/webhook-delivery.repository';
import { WebhookSubscriptionRepository } from './repositories/webhook-subscription.repository';
import { WebhooksResolver } from './resolvers/webhooks.resolver';
import { WebhookDispatcher } from './services/webhook-dispatcher.service';
import { WebhookEvents } from './services/webhook-events.service';
import { WebhookPayloads } from './services/webhook-payloads';
import { WebhookSubscriptions } from './services/webhook-subscriptions.service';

/**
 * Outgoing webhooks: targets, events written with the change that causes them, and their delivery
 * (signed, retried with backoff, dead-lettered), which the worker runs.
 */
@Module({
  imports: [TypeOrmModule.forFeature([WebhookSubscription, WebhookDelivery]), AuditModule],
  providers: [WebhookSubscriptionRepository, WebhookDeliveryRepository, WebhookEvents, WebhookPayloads, WebhookSubscriptions, WebhookDispatcher, WebhooksResolver],
  exports: [WebhookEvents, WebhookPayloads, WebhookDispatcher],
})
export class WebhooksModule {}
