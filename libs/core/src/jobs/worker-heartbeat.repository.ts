import { Injectable } from '@nestjs/common';
import { GenerateSql, SQL_EXAMPLE } from '../database/generate-sql';
import { Sql } from '../database/transaction-runner';

/** The platform's `worker_heartbeat` table: when each job last ran, and where. */
@Injectable()
export class WorkerHeartbeatRepository {
  constructor(private readonly sql: Sql) {}

  @GenerateSql({ params: ['platform.heartbeat', SQL_EXAMPLE.at, 'host:1'] })
  async recordRun(jobName: string, at: Date, worker: string): Promise<void> {
    await this.sql.query(
      `INSERT INTO worker_heartbeat (job_name, last_run_at, run_count, last_worker)
       VALUES ($1, $2, 1, $3)
       ON CONFLICT (job_name) DO UPDATE
         SET last_run_at = EXCLUDED.last_run_at,
             run_count = worker_heartbeat.run_count + 1,
             last_worker = EXCLUDED.last_worker`,
      [jobName, at, worker],
    );
  }
}
