import { Args, Field, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Allow, Permission } from '@chancery/access';
import { Envelope } from '@chancery/policy';
import { WebhookDelivery } from '../entities/webhook-delivery.entity';
import { WebhookSubscription } from '../entities/webhook-subscription.entity';
import { RegisterWebhookInput, WebhookDeliveriesArgs, WebhookDeliveryIdArgs, WebhookIdArgs } from '../inputs/webhooks.inputs';
import { WebhookSubscriptions } from '../services/webhook-subscriptions.service';

/** A target with its signing secret, shown this once. */
@ObjectType()
@Envelope('WebhookWithSecret')
export class WebhookWithSecret {
  @Field(() => WebhookSubscription) webhook: WebhookSubscription;
  @Field({ description: 'The signing secret (whsec_…), shown once: keep it in the receiving system.' }) secret: string;
}

@Resolver()
export class WebhooksResolver {
  constructor(private readonly subscriptions: WebhookSubscriptions) {}

  @Allow(Permission.ManageWebhooks)
  @Mutation(() => WebhookWithSecret)
  async registerWebhook(@Args('input') input: RegisterWebhookInput): Promise<WebhookWithSecret> {
    const { subscription, secret } = await this.subscriptions.register(input);
    return Object.assign(new WebhookWithSecret(), { webhook: subscription, secret });
  }

  @Allow(Permission.ReadWebhooks)
  @Query(() => [String], { description: 'The event types the caller’s targets may subscribe to: a company’s or the tenant’s own, of the kinds of the tenant’s space (none: the caller has nothing to register a target for).' })
  webhookEventTypes(): Promise<string[]> {
    return this.subscriptions.offeredEventTypes();
  }

  @Allow(Permission.ReadWebhooks)
  @Query(() => [WebhookSubscription])
  webhooks(): Promise<WebhookSubscription[]> {
    return this.subscriptions.list();
  }

  @Allow(Permission.ManageWebhooks)
  @Mutation(() => WebhookWithSecret)
  async rotateWebhookSecret(@Args() { webhookId }: WebhookIdArgs): Promise<WebhookWithSecret> {
    const { subscription, secret } = await this.subscriptions.rotateSecret(webhookId);
    return Object.assign(new WebhookWithSecret(), { webhook: subscription, secret });
  }

  @Allow(Permission.ManageWebhooks)
  @Mutation(() => WebhookSubscription)
  deleteWebhook(@Args() { webhookId }: WebhookIdArgs): Promise<WebhookSubscription> {
    return this.subscriptions.delete(webhookId);
  }

  @Allow(Permission.ReadWebhooks)
  @Query(() => [WebhookDelivery])
  webhookDeliveries(@Args() { webhookId, deadLettersOnly }: WebhookDeliveriesArgs): Promise<WebhookDelivery[]> {
    return this.subscriptions.deliveriesOf(webhookId, deadLettersOnly ?? false);
  }

  @Allow(Permission.ManageWebhooks)
  @Mutation(() => WebhookDelivery)
  redeliverWebhook(@Args() { deliveryId }: WebhookDeliveryIdArgs): Promise<WebhookDelivery> {
    return this.subscriptions.redeliver(deliveryId);
  }
}
