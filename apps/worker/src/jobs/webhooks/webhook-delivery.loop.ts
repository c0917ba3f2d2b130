import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { RequestContext } from '@chancery/core';
import { WebhookDispatcher } from '@chancery/webhooks';
import { WORKER_ACTOR } from '../job-registry';

export const WEBHOOK_POLLING = Symbol('WEBHOOK_POLLING');

export interface WebhookPolling {
  /** Pause between rounds when the last one found nothing; 0: no loop (tests drive rounds themselves). */
  intervalMs: number;
}

/**
 * Delivers webhooks continuously, like the outbox: a round, another at once while rounds are full,
 * else a pause. The claim (`FOR UPDATE SKIP LOCKED`) lets any number of workers share the table.
 */
@Injectable()
export class WebhookDeliveryLoop implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookDeliveryLoop.name);
  private stopped = false;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly dispatcher: WebhookDispatcher,
    private readonly context: RequestContext,
    @Inject(WEBHOOK_POLLING) private readonly polling: WebhookPolling,
  ) {}

  onApplicationBootstrap(): void {
    if (this.polling.intervalMs > 0) this.schedule(0);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.round().then((busy) => this.schedule(busy ? 0 : this.polling.intervalMs));
    }, delayMs);
  }

  private async round(): Promise<boolean> {
    try {
      const done = await this.context.runAs(WORKER_ACTOR, () => this.dispatcher.deliverDue());
      return done.delivered.length + done.retrying.length + done.deadLettered.length >= 20;
    } catch (error) {
      this.logger.error(`webhook delivery round failed: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
