import autocannon from 'autocannon';
import type { LoadJob, LoadResult } from './load';
import { cpuSeconds, waitUntilIdle } from './proc';
import { SCENARIOS } from './scenarios';

/**
 * The load generator, run by the harness as its own process per run (never inside a server): a
 * warm-up, then the measured run, reading the server's CPU time around the measured part only.
 * Prints one LoadResult as JSON.
 */
async function main(job: LoadJob): Promise<LoadResult> {
  const comparable = SCENARIOS.find((scenario) => scenario.name === job.scenario)?.comparable;
  const options = {
    url: job.url,
    connections: job.connections,
    method: job.method,
    headers: job.headers,
    ...(job.method === 'POST' ? { body: job.body } : {}),
    // Login waits for argon2 behind the other connections' logins: give it time rather than count timeouts.
    timeout: 60,
    // Every answer is checked, not only the first: a server answering errors fast must not look fast.
    ...(comparable
      ? { verifyBody: (body: string | Buffer | undefined) => comparable(String(body)) === job.expectBody }
      : { expectBody: job.expectBody }),
  };
  await waitUntilIdle(job.quietPids);
  if (job.warmupSeconds > 0) await autocannon({ ...options, duration: job.warmupSeconds });
  // Requests the warm-up left in flight (a login's argon2) would otherwise run into the measured part.
  await waitUntilIdle(job.quietPids);
  const cpuBefore = cpuSeconds(job.serverPid);
  const result = await autocannon({ ...options, duration: job.durationSeconds });
  const cpuAfter = cpuSeconds(job.serverPid);
  return {
    requests: result.requests.total,
    seconds: result.duration,
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    mismatches: result.mismatches,
    cpuSeconds: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
  };
}

main(JSON.parse(process.argv[2]!) as LoadJob).then(
  (result) => process.stdout.write(JSON.stringify(result) + '\n'),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
