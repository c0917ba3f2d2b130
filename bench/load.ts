import { join } from 'node:path';
import { runNode } from './processes';

/** One run of the load generator against one server. */
export interface LoadJob {
  url: string;
  method: 'GET' | 'POST';
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  headers: Record<string, string>;
  body: string;
  /** The scenario's name: its `comparable` (if any) applies to each response before comparing. */
  scenario: string;
  /** Every response must be this (the answer both servers gave to the check, in comparable form). */
  expectBody: string;
  /** The server's process, whose CPU time is read around the measured part. */
  serverPid: number;
  /** Processes that must be idle before the warm-up and before the measured part (both servers). */
  quietPids: number[];
}

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  /** Latency percentiles, ms. */
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  mismatches: number;
  /** CPU seconds the server used during the measured part; null without /proc. */
  cpuSeconds: number | null;
}

/** Runs the load worker (bench/load-worker.ts, compiled beside this file) in a child process. */
export async function runLoad(job: LoadJob, root: string): Promise<LoadResult> {
  const output = await runNode(join(__dirname, 'load-worker.js'), [JSON.stringify(job)], root);
  return JSON.parse(output.trim().split('\n').pop()!) as LoadResult;
}

/** Responses that were not the expected answer: any of them invalidates the run. */
export function failuresOf(result: LoadResult): number {
  return result.non2xx + result.errors + result.mismatches;
}
