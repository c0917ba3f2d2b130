import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { RequestContext } from '@chancery/core';
import { WORKER_ACTOR } from './job-registry';

export interface Polling {
  /** Pause between rounds when the last one found nothing; 0: no loop (tests drive rounds themselves). */
  intervalMs: number;
}

/** A round that handled this many items had a full batch: another follows at once. */
const FULL_ROUND = 20;

/**
 * A table drained continuously (the outbox, webhook deliveries): a round, then another at once while
 * rounds are full, else a pause. A poll rather than a pg-boss job: a minute's cron is too slow for a
 * confirmation link, and each table's claim (`FOR UPDATE SKIP LOCKED`) lets any number of workers share it.
 */
export abstract class PollingLoop implements OnApplicationBootstrap, OnApplicationShutdown {
  protected abstract readonly logger: Logger;
  /** What a round drains, for its failure line: `outbox delivery`. */
  protected abstract readonly drains: string;
  private stopped = false;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly context: RequestContext,
    private readonly polling: Polling,
  ) {}

  /** One round as the worker; how many items it handled. */
  protected abstract runRound(): Promise<number>;

  /** Whether to poll at all (a destination may be missing); the default: always. */
  protected ready(): boolean {
    return true;
  }

  onApplicationBootstrap(): void {
    if (this.ready() && this.polling.intervalMs > 0) this.schedule(0);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.round().then((busy) => this.schedule(busy ? 0 : this.polling.intervalMs));
    }, delayMs);
  }

  /** One round now, as the worker, outside the loop's timing (tests and operators); how many items it handled. */
  runOnce(): Promise<number> {
    return this.context.runAs(WORKER_ACTOR, () => this.runRound());
  }

  /** True when the round had a full batch: there may be more. */
  private async round(): Promise<boolean> {
    try {
      return (await this.runOnce()) >= FULL_ROUND;
    } catch (error) {
      // A lost database: the next round tries again.
      this.logger.error(`${this.drains} round failed: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
