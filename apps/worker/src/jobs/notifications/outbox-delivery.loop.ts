import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { RequestContext } from '@chancery/core';
import { OutboxDelivery } from '@chancery/notifications';
import { WORKER_ACTOR } from '../job-registry';

export const OUTBOX_POLLING = Symbol('OUTBOX_POLLING');

export interface OutboxPolling {
  /** Pause between rounds when the last one found nothing; 0: no loop (tests drive rounds themselves). */
  intervalMs: number;
}

/**
 * Delivers the outbox continuously: a round, then another at once while rounds find work, else a
 * pause. A poll rather than a pg-boss job: a minute's cron is too slow for a confirmation link, and
 * the claim (`FOR UPDATE SKIP LOCKED`) already lets any number of workers share the table.
 */
@Injectable()
export class OutboxDeliveryLoop implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxDeliveryLoop.name);
  private stopped = false;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly delivery: OutboxDelivery,
    private readonly context: RequestContext,
    @Inject(OUTBOX_POLLING) private readonly polling: OutboxPolling,
  ) {}

  onApplicationBootstrap(): void {
    const destination = this.delivery.destination;
    if (!destination) {
      this.logger.warn('SMTP_URL is not set: e-mail stays in the outbox until it is');
      return;
    }
    this.logger.log(`delivering the outbox to ${destination}`);
    if (this.polling.intervalMs > 0) this.schedule(0);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.round().then((busy) => this.schedule(busy ? 0 : this.polling.intervalMs));
    }, delayMs);
  }

  /** True when the round had a full batch: there may be more. */
  private async round(): Promise<boolean> {
    try {
      const done = await this.context.runAs(WORKER_ACTOR, () => this.delivery.deliverDue());
      return done.sent.length + done.retrying.length + done.givenUp.length >= 20;
    } catch (error) {
      // A lost database: the next round tries again.
      this.logger.error(`outbox delivery round failed: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
