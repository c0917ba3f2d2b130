import { DiscoveryService } from '@nestjs/core';

/**
 * What a job receives. Payloads are stored in pg-boss's tables (owner schema, retained for days and
 * copied into its archive), outside row-level security and the privacy controls: they carry ids only
 * (tenant, record, request), never personal data. A handler loads what it needs by id, through the
 * application role, when it runs.
 */
export type JobPayload = Readonly<Record<string, string | number | boolean | null>>;

/** The run being handled, for logs and idempotency keys. */
export interface JobRun {
  /** pg-boss's job id; the same id again means a retry of the same run. */
  id: string;
  name: string;
}

/**
 * One job of the worker, one class each. Add `@WorkerJob()` and list the class in the worker module:
 * the registry creates its queue, schedules it when `schedule` is set, and works it.
 */
export interface JobHandler<TPayload extends JobPayload = JobPayload> {
  /** Queue name, `<context>.<job>` (e.g. `privacy.retention-sweep`). */
  readonly name: string;
  /** Cron expression in UTC (`* * * * *` = every minute); absent for jobs that only run when sent. */
  readonly schedule?: string;
  /**
   * Does the work. Throwing fails the run and pg-boss retries it, so work must be safe to repeat.
   * Data access goes through repositories within `TransactionRunner.asSystem(tenantId, …)` (the application role: row-level security applies to jobs too).
   */
  handle(payload: TPayload, run: JobRun): Promise<void>;
}

/** Marks a provider as a job the registry discovers. */
export const WorkerJob = DiscoveryService.createDecorator<void>();
