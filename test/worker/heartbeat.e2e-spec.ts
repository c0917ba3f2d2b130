import { Client } from 'pg';
import { FixedClock } from '@chancery/core';
import { useTestWorker } from '@chancery/testing';
import { JobQueue } from '../../apps/worker/src/jobs/job-queue';
import { HEARTBEAT_JOB, workerIdentity } from '../../apps/worker/src/jobs/platform/heartbeat.job';

interface HeartbeatRow {
  job_name: string;
  last_run_at: Date;
  run_count: string;
  last_worker: string;
}

// Above the 15 s the polls may wait, so a missing heartbeat fails with what was read, not a timeout.
jest.setTimeout(40_000);

/** Reads until `accept` holds or the time is up; the worker polls every 0.5 s here. */
async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`not reached within ${timeoutMs} ms; last read: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('The worker heartbeat', () => {
  const clock = new FixedClock(new Date('2026-03-02T09:15:00.000Z'));
  const started = useTestWorker({ clock });
  let owner: Client;

  beforeAll(async () => {
    owner = new Client({ connectionString: started.worker.database.ownerUrl });
    owner.on('error', () => undefined); // the worker's teardown drops the database under it
    await owner.connect();
  });
  afterAll(() => owner?.end().catch(() => undefined));

  const heartbeat = async (): Promise<HeartbeatRow | undefined> =>
    (await owner.query<HeartbeatRow>('SELECT * FROM worker_heartbeat WHERE job_name = $1', [HEARTBEAT_JOB]))
      .rows[0];

  it('records a run sent on demand, then counts the next one', async () => {
    expect(await heartbeat()).toBeUndefined();

    await started.worker.get(JobQueue).send(HEARTBEAT_JOB);
    const first = await eventually(heartbeat, (row) => row !== undefined);
    expect(first).toEqual({
      job_name: HEARTBEAT_JOB,
      last_run_at: clock.now(),
      run_count: '1',
      last_worker: workerIdentity(),
    });

    clock.advance(60_000);
    await started.worker.get(JobQueue).send(HEARTBEAT_JOB);
    const second = await eventually(heartbeat, (row) => row?.run_count !== '1');
    expect(second).toEqual({ ...first, last_run_at: clock.now(), run_count: '2' });
  });

  it('is scheduled every minute, in UTC', async () => {
    const schedules = await started.worker.get(JobQueue).schedules();
    expect(schedules).toContainEqual(
      expect.objectContaining({ name: HEARTBEAT_JOB, cron: '* * * * *', timezone: 'UTC' }),
    );
  });

  it("keeps pg-boss's tables (job payloads) out of the application role's reach", async () => {
    const app = new Client({ connectionString: started.worker.database.appUrl });
    await app.connect();
    try {
      await expect(app.query('SELECT count(*) FROM pgboss.job')).rejects.toThrow(/permission denied/);
    } finally {
      await app.end();
    }
  });
});
