import { Inject, Injectable, Logger } from '@nestjs/common';
import { RequestContext } from '@chancery/core';
import { WebhookDispatcher } from '@chancery/webhooks';
import { Polling, PollingLoop } from '../polling-loop';

export const WEBHOOK_POLLING = Symbol('WEBHOOK_POLLING');

export type WebhookPolling = Polling;

/** Delivers webhooks continuously, like the outbox (see PollingLoop). */
@Injectable()
export class WebhookDeliveryLoop extends PollingLoop {
  protected readonly logger = new Logger(WebhookDeliveryLoop.name);
  protected readonly drains = 'webhook delivery';

  constructor(
    private readonly dispatcher: WebhookDispatcher,
    context: RequestContext,
    @Inject(WEBHOOK_POLLING) polling: WebhookPolling,
  ) {
    super(context, polling);
  }

  protected async runRound(): Promise<number> {
    const done = await this.dispatcher.deliverDue();
    return done.delivered.length + done.retrying.length + done.deadLettered.length;
  }
}
