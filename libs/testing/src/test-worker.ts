import { INestApplicationContext, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Client } from 'pg';
import type { DestinationStream } from 'pino';
import { Clock, FixedClock, loadAppConfig } from '@chancery/core';
import type { JobQueueOptions } from '../../../apps/worker/src/jobs/job-queue';
import { configureWorkerContext } from '../../../apps/worker/src/worker-application';
import { WorkerModule } from '../../../apps/worker/src/worker.module';
import { createTestDatabase, TestDatabase } from './database/test-database-server';
import type { TestApp } from './test-app';

export interface TestWorkerOptions {
  /** Work on this (started) test app's database instead of a fresh one: the API writes, the worker delivers. */
  sharesDatabaseWith?: () => TestApp;
  env?: Record<string, string>;
  clock?: FixedClock;
  /** Receives every log line the worker writes (JSON). */
  logDestination?: DestinationStream;
  /** Pause between outbox delivery rounds (default 200 ms); 0: none, the test calls `deliverDue` itself. */
  outboxPollingMs?: number;
  /** Pause between webhook delivery rounds (default 200 ms); 0: none, the test calls `deliverDue` itself. */
  webhookPollingMs?: number;
  /** Pause between certificate PDF rounds (default 0: none, the test renders with `CertificatePdfRenderingLoop.runOnce`). */
  pdfPollingMs?: number;
}

/**
 * The real worker process's composition (job queue, registry, jobs) on a test database, polling fast
 * and with schedules recorded but never fired (so a minute cron cannot add runs to what a test counts).
 */
export class TestWorker {
  private constructor(
    readonly context: INestApplicationContext,
    readonly database: TestDatabase,
    readonly clock: FixedClock,
    private readonly ownsDatabase: boolean,
  ) {}

  static async start(options: TestWorkerOptions = {}): Promise<TestWorker> {
    const shared = options.sharesDatabaseWith?.();
    const database = shared?.database ?? (await createTestDatabase());
    const config = loadAppConfig({
      NODE_ENV: 'test',
      DATABASE_URL: database.ownerUrl,
      DATABASE_APP_URL: database.appUrl,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
      PASSWORD_HASH_MEMORY_KIB: '8192',
      ...(shared?.config.SECRETS_KEY ? { SECRETS_KEY: shared.config.SECRETS_KEY } : {}),
      ...options.env,
    });
    const clock = options.clock ?? shared?.clock ?? new FixedClock(new Date());
    const jobQueue: Partial<JobQueueOptions> = { pollingIntervalSeconds: 0.5, fireSchedules: false };
    const moduleRef = await Test.createTestingModule({ imports: [WorkerModule.register({ config, database, jobQueue, logDestination: options.logDestination, outboxPolling: { intervalMs: options.outboxPollingMs ?? 200 }, webhookPolling: { intervalMs: options.webhookPollingMs ?? 200 }, pdfPolling: { intervalMs: options.pdfPollingMs ?? 0 } })] })
      .overrideProvider(Clock)
      .useValue(clock)
      .compile();
    await configureWorkerContext(moduleRef).init();
    const worker = new TestWorker(moduleRef, database, clock, !shared);
    shared?.shareDatabaseWith(worker);
    return worker;
  }

  get<T>(token: Type<T> | string | symbol): T {
    return this.context.get(token, { strict: false });
  }

  async asOwner<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: this.database.ownerUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  private stopped?: Promise<void>;

  /** Stops the worker once (the app it shares a database with may have stopped it already). */
  stop(): Promise<void> {
    this.stopped ??= (async () => {
      await this.context.close();
      if (this.ownsDatabase) await this.database.drop();
    })();
    return this.stopped;
  }
}

/** Starts the worker for the tests of the enclosing `describe` and stops it after them. */
export function useTestWorker(options: TestWorkerOptions = {}): { readonly worker: TestWorker } {
  const holder: { worker?: TestWorker } = {};
  beforeAll(async () => {
    holder.worker = await TestWorker.start(options);
  });
  afterAll(() => holder.worker?.stop());
  return {
    get worker() {
      if (!holder.worker) throw new Error('the test worker is not started yet: use it inside a test or hook');
      return holder.worker;
    },
  };
}
