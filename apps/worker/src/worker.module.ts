import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfig, CoreModule, DatabaseSettings } from '@chancery/core';
import { DEFAULT_JOB_QUEUE_OPTIONS, JOB_QUEUE_OPTIONS, JobQueue, JobQueueOptions } from './jobs/job-queue';
import { JobRegistry } from './jobs/job-registry';
import { HeartbeatJob } from './jobs/platform/heartbeat.job';

/** The jobs this process works, one class each (see `jobs/job-handler.ts`). */
const JOBS = [HeartbeatJob];

export interface WorkerModuleOptions {
  config: AppConfig;
  database: DatabaseSettings;
  /** Tests poll faster and leave schedules unfired. */
  jobQueue?: Partial<JobQueueOptions>;
}

/** The jobs process: composition of the job queue, the registry and the jobs, nothing else. */
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
        }),
        DiscoveryModule,
      ],
      providers: [
        { provide: JOB_QUEUE_OPTIONS, useValue: { ...DEFAULT_JOB_QUEUE_OPTIONS, ...options.jobQueue } },
        JobQueue,
        JobRegistry,
        ...JOBS,
      ],
    };
  }
}
