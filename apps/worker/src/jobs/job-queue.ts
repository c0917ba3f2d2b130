import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { DATABASE_SETTINGS, DatabaseSettings } from '@chancery/core';
import { JobPayload } from '@chancery/core';

export const JOB_QUEUE_OPTIONS = Symbol('JOB_QUEUE_OPTIONS');

export interface JobQueueOptions {
  /** How often an idle worker asks its queue for work (pg-boss's minimum is 0.5 s). */
  pollingIntervalSeconds: number;
  /**
   * Whether this process turns due schedules into jobs. Tests switch it off so the minute cron cannot
   * add runs to what they count; schedules are still recorded.
   */
  fireSchedules: boolean;
  /** Longest wait for running jobs at shutdown; past it they are failed, so pg-boss retries them. */
  stopTimeoutMs: number;
}

export const DEFAULT_JOB_QUEUE_OPTIONS: JobQueueOptions = {
  pollingIntervalSeconds: 2,
  fireSchedules: true,
  stopTimeoutMs: 10_000,
};

/**
 * pg-boss, started with the module and stopped with the application. It connects as the owner: it
 * creates and migrates its own `pgboss` schema, which the application role cannot reach. Jobs never
 * use this connection for data; they go through the application role (`TransactionRunner`).
 */
@Injectable()
export class JobQueue implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(JobQueue.name);
  private readonly boss: PgBoss;

  constructor(
    @Inject(DATABASE_SETTINGS) database: DatabaseSettings,
    @Inject(JOB_QUEUE_OPTIONS) private readonly options: JobQueueOptions,
  ) {
    this.boss = new PgBoss({
      connectionString: database.ownerUrl,
      application_name: 'chancery-worker-queue',
      schedule: options.fireSchedules,
    });
    // Without a listener an 'error' event would throw and end the process; a lost connection is retried.
    this.boss.on('error', (error: Error & { queue?: string }) =>
      this.logger.error(`job queue error${error.queue ? ` in ${error.queue}` : ''}: ${error.message}`),
    );
  }

  async onModuleInit(): Promise<void> {
    await this.boss.start();
  }

  /** pg-boss 10 refuses to send, work or schedule on a queue that was not created first. Idempotent. */
  createQueue(name: string): Promise<void> {
    return this.boss.createQueue(name);
  }

  /** Runs `handle` for each job of the queue, one at a time; a rejection fails the job (retried). */
  async work(name: string, handle: (job: PgBoss.Job<JobPayload>) => Promise<void>): Promise<void> {
    const options = { pollingIntervalSeconds: this.options.pollingIntervalSeconds, batchSize: 1 };
    await this.boss.work<JobPayload>(name, options, async (jobs) => {
      for (const job of jobs) await handle(job);
    });
  }

  /** Replaces the queue's schedule; times are UTC so a daylight-saving change never skips or doubles a run. */
  schedule(name: string, cron: string): Promise<void> {
    return this.boss.schedule(name, cron, {}, { tz: 'UTC' });
  }

  unschedule(name: string): Promise<void> {
    return this.boss.unschedule(name);
  }

  schedules(): Promise<PgBoss.Schedule[]> {
    return this.boss.getSchedules();
  }

  /** Queues a run now. Payload: ids only (see `JobPayload`). Returns the job id. */
  send(name: string, payload: JobPayload = {}): Promise<string | null> {
    return this.boss.send(name, payload);
  }

  /**
   * Stops fetching, lets running jobs finish within the timeout, then closes pg-boss's pool. CoreModule
   * is global, and Nest shuts global modules down last, so the application role's connection is still
   * open while running jobs finish.
   */
  async onApplicationShutdown(): Promise<void> {
    const timeoutMs = this.options.stopTimeoutMs;
    const stopped = this.boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
    let timer: NodeJS.Timeout | undefined;
    // pg-boss bounds its wait for running jobs but not its own shutdown queries; never hang the exit.
    const gaveUp = new Promise<'gave up'>((resolve) => {
      timer = setTimeout(() => resolve('gave up'), timeoutMs + 5_000);
    });
    try {
      if ((await Promise.race([stopped, gaveUp])) === 'gave up') {
        this.logger.warn(`job queue did not stop within ${timeoutMs + 5_000} ms`);
      }
    } catch (error) {
      this.logger.warn(
        `job queue stopped with an error: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      clearTimeout(timer);
    }
  }
}
