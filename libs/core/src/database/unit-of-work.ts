import type { Pool, PoolClient } from 'pg';

/**
 * How a unit of work's transaction is scoped in the database: row-level security reads these
 * settings (`app_current_tenant()`, `app_in_platform_scope()`, `app_in_public_scope()`).
 *
 * - `tenant`: rows of `tenantId` (none when it is null: an anonymous caller sees only what public
 *   policies show);
 * - `platform`: the platform operator's own rows (tenant_id IS NULL), and no tenant's;
 * - `public`: published rows of every tenant, read only (see the `publicReading` entry point);
 * - `login-lookup`: only which tenants have an account with the address in `lookup`, read only (see
 *   the `lookingUpLoginAddress` entry point);
 * - `outbox-delivery`: the outbox's rows of every tenant, to read and mark, nothing else (see the
 *   `deliveringOutbox` entry point);
 * - `webhook-delivery`: the webhook deliveries of every tenant and their subscriptions' targets, to
 *   read and mark deliveries, nothing else (see the `deliveringWebhooks` entry point);
 * - `pdf-queue`: the certificates and copies of every tenant that have no PDF yet, read only, nothing
 *   else (see the `findingAwaitingPdfs` entry point);
 * - `support`: nothing at all until the database has checked a support grant and entered its tenant
 *   (see the `duringSupportGrant` entry point).
 */
export type ScopeMode = 'tenant' | 'platform' | 'public' | 'login-lookup' | 'outbox-delivery' | 'webhook-delivery' | 'pdf-queue' | 'support';

export interface UnitScope {
  /** The entry point that opened the unit: `actor` (the caller's own scope) or a named bypass. */
  entry: string;
  mode: ScopeMode;
  tenantId: string | null;
  actorId: string | null;
  requestId: string | null;
  readOnly: boolean;
  /** The one value a lookup scope may match (`app.lookup`): the typed e-mail address of a login. */
  lookup?: string;
}

/** Told of every statement a unit sends (counting per request, the SQL snapshots of the tests). */
export type StatementObserver = (text: string) => void;

const SET_SCOPE = `SELECT set_config('app.tenant_id', $1, true), set_config('app.scope', $2, true),
       set_config('app.actor_id', $3, true), set_config('app.request_id', $4, true), set_config('app.lookup', $5, true)`;

/**
 * One transaction, opened on its first statement: a unit of work that turns out to need no SQL (an
 * answer already at hand) costs nothing. The scope is applied with `set_config(…, true)`, which is
 * transaction-local, so a pooled connection never carries one request's tenant into another's.
 */
export class UnitOfWork {
  private connection?: Promise<PoolClient>;
  private finished = false;
  /** Statements run one after another: parallel callers (a query's root fields) share the unit. */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly pool: Pool,
    readonly scope: UnitScope,
    private readonly observe: StatementObserver = () => undefined,
  ) {}

  /** Sends one statement in this unit's transaction and returns its rows. */
  query<T = Record<string, unknown>>(text: string, values: readonly unknown[] = []): Promise<T[]> {
    if (this.finished) return Promise.reject(new Error(`unit of work (${this.scope.entry}) already ended: a statement was sent after it`));
    const run = this.tail.then(async () => {
      const client = await (this.connection ??= this.open());
      this.observe(text);
      const result = await client.query(text, values as unknown[]);
      return result.rows as T[];
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  get started(): boolean {
    return this.connection !== undefined;
  }

  get ended(): boolean {
    return this.finished;
  }

  /** Ends the transaction (if one was opened) and returns its connection to the pool. Idempotent. */
  async finish(outcome: 'commit' | 'rollback'): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    if (!this.connection) return;
    await this.tail;
    const client = await this.connection.catch(() => undefined);
    if (!client) return;
    try {
      this.observe(outcome === 'commit' ? 'COMMIT' : 'ROLLBACK');
      await client.query(outcome === 'commit' ? 'COMMIT' : 'ROLLBACK');
      client.release();
    } catch (error) {
      // A connection whose transaction state is unknown must not go back to the pool.
      client.release(error instanceof Error ? error : true);
      if (outcome === 'commit') throw error;
    }
  }

  /**
   * Takes a connection and opens the transaction with its scope. BEGIN and the scope go out together,
   * one round trip instead of two (the pool runs pg's pipeline mode: a query is written at once, not
   * after the previous answer); PostgreSQL runs them in the order sent, so the scope is in force before
   * any statement of the unit, which is sent only once both have answered. A connection holds its
   * unit's transaction through every round trip, and on a busy process each answer waits its turn, so
   * one round trip fewer is a connection back in the pool sooner.
   */
  private async open(): Promise<PoolClient> {
    const client = await this.pool.connect();
    try {
      this.observe('BEGIN');
      const begun = client.query(this.scope.readOnly ? 'BEGIN READ ONLY' : 'BEGIN');
      this.observe(SET_SCOPE);
      const scoped = client.query(SET_SCOPE, [
        this.scope.tenantId ?? '',
        this.scope.mode === 'tenant' ? '' : this.scope.mode,
        this.scope.actorId ?? '',
        this.scope.requestId ?? '',
        this.scope.lookup ?? '',
      ]);
      // Both awaited (and both failures handled): a failed BEGIN leaves the scope statement's answer to come.
      await Promise.all([begun, scoped]);
      return client;
    } catch (error) {
      client.release(error instanceof Error ? error : true);
      throw error;
    }
  }
}
