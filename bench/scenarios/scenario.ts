import type { Client } from 'pg';
import type { BaselineCall } from '../baseline/call';
import type { BenchCaller, BenchFixture } from '../fixture';
import type { BenchDatabase } from '../database';
import type { Prune } from '../growth';
import type { ServerProcess } from '../processes';
import type { BenchTokens } from '../requests';
import type { BenchSettings } from '../settings';

/**
 * One benchmarked operation, in one module: what it needs seeded, the GraphQL request both servers
 * get, and how the baseline answers it. The harness checks one request of it (same JSON, same
 * number of statements from both servers), then measures it. Add a module to `index.ts` to add one.
 */
export interface Scenario {
  /** As printed: `bench <name>: …`. */
  name: string;
  /**
   * What `--only` / BENCH_SCENARIOS select it by (default: the name). A dotted key is also selected
   * by its first part: `Q1` selects `Q1` and `Q1.get`.
   */
  key?: string;
  /** The figure line ends with the statement count (issue #15's lines); the document issues' lines do not. */
  statementsInFigure?: boolean;
  /** One request of it to each server before the checked one: a per-process lookup (a tenant's slug) is then remembered by both. */
  warmBeforeCheck?: boolean;
  /**
   * The plain HTTP GET form of an operation instead of a GraphQL POST: the path and query both servers
   * get, and the baseline's answer (the JSON value and the headers the API sets on it).
   */
  get?: {
    path(fixture: BenchFixture): string;
    /** The baseline routes a GET to the scenario whose pattern matches its path. */
    route: RegExp;
    /** The request's Accept header (the verification GET answers HTML without it). */
    accept?: string;
    baseline(call: BaselineCall, url: URL): Promise<{ body: unknown; headers: Record<string, string> }>;
  };
  /** API req/s ÷ baseline req/s the issue asks for; absent: reported without a target. */
  target?: number;
  /** `login` runs with its own connections and duration (argon2 is the cost, not the server). */
  load: 'default' | 'login';
  /** The baseline finds the scenario by the request's operation name. */
  operationName: string;
  document: string;
  variables?(fixture: BenchFixture): Record<string, unknown>;
  /** Whose access token the request carries; null: anonymous. */
  caller(fixture: BenchFixture): BenchCaller | null;
  /** Rows the scenario needs beyond the shared data set (seed.ts); must be idempotent, it runs at every start. */
  seed?(owner: Client, fixture: BenchFixture): Promise<void>;
  /**
   * The baseline's answer: the `data` object with the fields in the document's order, from the
   * same statements as the API (the server's repositories over the baseline's transaction).
   */
  baseline(call: BaselineCall, variables: Record<string, unknown>): Promise<unknown>;
  /** The answer as compared between the servers (default: as it is). Login masks its fresh tokens. */
  comparable?(body: string): string;
  /**
   * Before the runs: what to remove afterwards, so repeated runs see the same database (a write
   * scenario's audit entries, login's sessions). Returns a function that prunes and says what it did.
   */
  growth?(owner: Client, fixture: BenchFixture): Promise<Prune>;
}

/**
 * A scenario measured as work done one item after another rather than under concurrent load, with
 * no baseline to compare with (issue #16's signing throughput): it prepares its data, drives the API
 * (and the worker's code) itself and reports items per second.
 */
export interface ThroughputScenario {
  /** As printed: `bench <name>: …`. */
  name: string;
  /** What `--only` / BENCH_SCENARIOS select it by. */
  key: string;
  run(context: ThroughputContext): Promise<ThroughputResult>;
}

export interface ThroughputContext {
  settings: BenchSettings;
  database: BenchDatabase;
  api: ServerProcess;
  tokens: BenchTokens;
  say(line: string): void;
}

export interface ThroughputResult {
  /** Applications signed, one after the other. */
  count: number;
  signaturesPerSecond: number;
  /** Latency of one signature (ms). */
  signatureP50: number;
  signatureP99: number;
  /** The API process's CPU time per signature (ms); null without /proc. */
  apiCpuMsPerSignature: number | null;
  pdfs: number;
  pdfsPerSecond: number;
  /** CPU time of the rendering (the worker's code, in the harness's process) per PDF (ms). */
  workerCpuMsPerPdf: number;
  /** Second-factor step-ups the signer needed (1 unless the signing outlasted the step-up window). */
  stepUps: number;
}
