import { Injectable } from '@nestjs/common';
import { hostname } from 'node:os';
import { Clock, TransactionRunner } from '@chancery/core';
import { JobHandler, WorkerJob } from '../job-handler';

export const HEARTBEAT_JOB = 'platform.heartbeat';

/** Which process ran a job: enough to find its logs, nothing about any person. */
export function workerIdentity(): string {
  return `${hostname()}:${process.pid}`;
}

const RECORD_HEARTBEAT = `
  INSERT INTO worker_heartbeat (job_name, last_run_at, run_count, last_worker)
  VALUES ($1, $2, 1, $3)
  ON CONFLICT (job_name) DO UPDATE
    SET last_run_at = EXCLUDED.last_run_at,
        run_count = worker_heartbeat.run_count + 1,
        last_worker = EXCLUDED.last_worker`;

/**
 * Proof that the worker fleet is alive and its schedules fire: a stale `last_run_at` means no worker
 * is taking jobs. Runs every minute and can be sent on demand; no payload.
 */
@WorkerJob()
@Injectable()
export class HeartbeatJob implements JobHandler<Record<string, never>> {
  readonly name = HEARTBEAT_JOB;
  readonly schedule = '* * * * *';

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async handle(): Promise<void> {
    await this.transactions.run((manager) =>
      manager.query(RECORD_HEARTBEAT, [this.name, this.clock.now(), workerIdentity()]),
    );
  }
}
