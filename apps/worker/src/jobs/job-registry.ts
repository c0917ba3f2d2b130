import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type PgBoss from 'pg-boss';
import { Actor, RequestContext, SYSTEM_ACTOR } from '@chancery/core';
import { JobHandler, JobPayload, WorkerJob } from '@chancery/core';
import { JobQueue } from './job-queue';

/**
 * Who acts when a job runs: the system, in no tenant. A job that works on one tenant's data passes
 * that tenant to `TransactionRunner.asSystem(tenantId, work)`, so row-level security still applies.
 */
export const WORKER_ACTOR: Actor = SYSTEM_ACTOR;

/**
 * Finds every `@WorkerJob()` provider at start, creates its queue, keeps its schedule in line with
 * the class, and works it: each run in a fresh request context (system actor, request id = job id).
 */
@Injectable()
export class JobRegistry implements OnApplicationBootstrap {
  private readonly logger = new Logger(JobRegistry.name);
  private readonly jobs = new Map<string, JobHandler>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly queue: JobQueue,
    private readonly context: RequestContext,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const job of this.discoverJobs()) {
      await this.queue.createQueue(job.name);
      // Removing `schedule` from a class removes the schedule pg-boss keeps in its table.
      if (job.schedule) await this.queue.schedule(job.name, job.schedule);
      else await this.queue.unschedule(job.name);
      await this.queue.work(job.name, (run) => this.runJob(job, run));
      this.jobs.set(job.name, job);
    }
    // A job class removed from the code takes its schedule along (the PDF job became a polling loop).
    for (const { name } of await this.queue.schedules()) {
      if (this.jobs.has(name)) continue;
      await this.queue.unschedule(name);
      this.logger.log(`schedule of ${name} removed: no job class works it any more`);
    }
    this.logger.log(`working ${[...this.jobs.keys()].join(', ') || 'no jobs'}`);
  }

  /** Names of the jobs this process works. */
  get jobNames(): string[] {
    return [...this.jobs.keys()];
  }

  private discoverJobs(): JobHandler[] {
    const found = new Map<string, JobHandler>();
    for (const wrapper of this.discovery.getProviders({ metadataKey: WorkerJob.KEY })) {
      const job = wrapper.instance as Partial<JobHandler> | undefined;
      // Request-scoped or transient providers have no single instance to hand jobs to.
      if (!job || typeof job.name !== 'string' || typeof job.handle !== 'function') {
        throw new Error(`${String(wrapper.name)} is marked @WorkerJob() but is not a singleton JobHandler`);
      }
      if (found.has(job.name)) throw new Error(`two jobs are named ${job.name}`);
      found.set(job.name, job as JobHandler);
    }
    return [...found.values()];
  }

  private runJob(job: JobHandler, run: PgBoss.Job<JobPayload>): Promise<void> {
    return this.context.runAs(
      WORKER_ACTOR,
      async () => {
        this.context.setOperation(job.name);
        try {
          await job.handle(run.data ?? {}, { id: run.id, name: run.name });
        } catch (error) {
          // Message only: the payload is ids, but an error's details may quote data.
          this.logger.error(
            `${job.name} run ${run.id} failed: ${error instanceof Error ? error.message : String(error)}`,
          );
          throw error;
        }
      },
      run.id,
    );
  }
}
