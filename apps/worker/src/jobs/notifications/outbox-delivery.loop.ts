import { Inject, Injectable, Logger } from '@nestjs/common';
import { RequestContext } from '@chancery/core';
import { OutboxDelivery } from '@chancery/notifications';
import { Polling, PollingLoop } from '../polling-loop';

export const OUTBOX_POLLING = Symbol('OUTBOX_POLLING');

export type OutboxPolling = Polling;

/** Delivers the outbox continuously (see PollingLoop); not at all while no SMTP_URL is set. */
@Injectable()
export class OutboxDeliveryLoop extends PollingLoop {
  protected readonly logger = new Logger(OutboxDeliveryLoop.name);
  protected readonly drains = 'outbox delivery';

  constructor(
    private readonly delivery: OutboxDelivery,
    context: RequestContext,
    @Inject(OUTBOX_POLLING) polling: OutboxPolling,
  ) {
    super(context, polling);
  }

  protected override ready(): boolean {
    const destination = this.delivery.destination;
    if (!destination) {
      this.logger.warn('SMTP_URL is not set: e-mail stays in the outbox until it is');
      return false;
    }
    this.logger.log(`delivering the outbox to ${destination}`);
    return true;
  }

  protected async runRound(): Promise<number> {
    const done = await this.delivery.deliverDue();
    return done.sent.length + done.retrying.length + done.givenUp.length + done.held.length + done.released;
  }
}
