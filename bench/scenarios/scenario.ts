import type { Client } from 'pg';
import type { BaselineCall } from '../baseline/call';
import type { BenchCaller, BenchFixture } from '../fixture';
import type { Prune } from '../growth';

/**
 * One benchmarked operation, in one module: what it needs seeded, the GraphQL request both servers
 * get, and how the baseline answers it. The harness checks one request of it (same JSON, same
 * number of statements from both servers), then measures it. Add a module to `index.ts` to add one.
 */
export interface Scenario {
  /** As printed: `bench <name>: …`. */
  name: string;
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
