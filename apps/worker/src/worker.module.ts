import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { AppConfig, CoreModule, DatabaseSettings } from '@chancery/core';
import { MailDeliveryModule } from '@chancery/notifications';
import { ContactReplacementDeadlineJob } from '@chancery/datasheets';
import { logOutputThroughGate } from '@chancery/policy';
import type { DestinationStream } from 'pino';
import { DEFAULT_JOB_QUEUE_OPTIONS, JOB_QUEUE_OPTIONS, JobQueue, JobQueueOptions } from './jobs/job-queue';
import { JobRegistry } from './jobs/job-registry';
import { OUTBOX_POLLING, OutboxDeliveryLoop, OutboxPolling } from './jobs/notifications/outbox-delivery.loop';
import { WEBHOOK_POLLING, WebhookDeliveryLoop, WebhookPolling } from './jobs/webhooks/webhook-delivery.loop';
import { CertificatePdfRenderingLoop, PDF_POLLING, PdfPolling } from './jobs/certificates/certificate-pdf-rendering.loop';
import { HeartbeatJob } from './jobs/platform/heartbeat.job';
import { WORKER_CONTEXTS } from './worker-contexts';

/** The jobs this process works, one class each (see `JobHandler` in libs/core). */
const JOBS = [HeartbeatJob, ContactReplacementDeadlineJob];

export interface WorkerModuleOptions {
  config: AppConfig;
  database: DatabaseSettings;
  /** Tests poll faster and leave schedules unfired. */
  jobQueue?: Partial<JobQueueOptions>;
  /** Tests poll the outbox faster, or not at all (0) to drive delivery rounds themselves. */
  outboxPolling?: Partial<OutboxPolling>;
  /** Tests drive webhook delivery rounds themselves (0). */
  webhookPolling?: Partial<WebhookPolling>;
  /** Tests render certificate PDFs themselves (0). */
  pdfPolling?: Partial<PdfPolling>;
  logDestination?: DestinationStream;
}

/** The jobs process: composition of the job queue, the registry, the contexts and the jobs, nothing else. */
@Module({})
export class WorkerModule {
  static register(options: WorkerModuleOptions): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot({
          config: options.config,
          database: options.database,
          applicationName: 'chancery-worker',
          logs: logOutputThroughGate(options.logDestination),
        }),
        EventEmitterModule.forRoot(),
        DiscoveryModule,
        ...WORKER_CONTEXTS,
        MailDeliveryModule,
      ],
      providers: [
        { provide: JOB_QUEUE_OPTIONS, useValue: { ...DEFAULT_JOB_QUEUE_OPTIONS, ...options.jobQueue } },
        JobQueue,
        JobRegistry,
        ...JOBS,
        { provide: OUTBOX_POLLING, useValue: { intervalMs: 1_000, ...options.outboxPolling } },
        OutboxDeliveryLoop,
        { provide: WEBHOOK_POLLING, useValue: { intervalMs: 1_000, ...options.webhookPolling } },
        WebhookDeliveryLoop,
        // Every 2 s: a round asks each tenant for what awaits a PDF (one indexed query each).
        { provide: PDF_POLLING, useValue: { intervalMs: 2_000, ...options.pdfPolling } },
        CertificatePdfRenderingLoop,
      ],
    };
  }
}
