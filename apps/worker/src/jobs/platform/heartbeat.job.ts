import { Injectable } from '@nestjs/common';
import { hostname } from 'node:os';
import { Clock, JobHandler, TransactionRunner, WorkerHeartbeatRepository, WorkerJob } from '@chancery/core';

export const HEARTBEAT_JOB = 'platform.heartbeat';

/** Which process ran a job: enough to find its logs, nothing about any person. */
export function workerIdentity(): string {
  return `${hostname()}:${process.pid}`;
}

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
    private readonly heartbeats: WorkerHeartbeatRepository,
    private readonly clock: Clock,
  ) {}

  async handle(): Promise<void> {
    await this.transactions.asSystem(null, () => this.heartbeats.recordRun(this.name, this.clock.now(), workerIdentity()));
  }
}
