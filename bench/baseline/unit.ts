import { isDeepStrictEqual } from 'node:util';
import type { Pool, PoolClient } from 'pg';
import { ScopeMode, Sql, UnitOfWork } from '@chancery/core';

/** How the baseline scopes a transaction: what the API's units of work apply with set_config. */
export interface BaselineScope {
  mode: ScopeMode;
  tenantId: string | null;
  actorId: string | null;
  requestId: string;
  readOnly: boolean;
}

/** The text of the API's `set_config` statement, captured once from its own UnitOfWork (see `captureScopeStatement`). */
let setScope: string | undefined;

/**
 * Runs the server's UnitOfWork once against a recording stand-in for a pool and keeps the text of
 * the statement that applies the scope, checking that it still opens with BEGIN, then that
 * statement with (tenant, scope, actor, request id, lookup). A change there stops the bench with a message,
 * rather than letting the baseline drift from the API.
 */
export async function captureScopeStatement(): Promise<void> {
  const sent: Array<{ text: string; values?: unknown[] }> = [];
  const client = {
    query: async (text: string, values?: unknown[]) => (sent.push({ text, values }), { rows: [] }),
    release: () => undefined,
  };
  const pool = { connect: async () => client } as unknown as Pool;
  const unit = new UnitOfWork(pool, {
    entry: 'bench',
    mode: 'platform',
    tenantId: 'T',
    actorId: 'A',
    requestId: 'R',
    readOnly: true,
  });
  await unit.query('SELECT 1');
  await unit.finish('commit');
  const [begin, scope, , commit] = sent;
  if (
    begin?.text !== 'BEGIN READ ONLY' ||
    !isDeepStrictEqual(scope?.values, ['T', 'platform', 'A', 'R', '']) ||
    commit?.text !== 'COMMIT'
  ) {
    throw new Error(
      `UnitOfWork no longer opens as the baseline expects (${JSON.stringify(sent)}): update bench/baseline/unit.ts`,
    );
  }
  setScope = scope!.text;
}

/**
 * One transaction of the baseline, with the statements the API's UnitOfWork sends: BEGIN [READ
 * ONLY], the set_config statement, the work, COMMIT. Opened at once (the API opens on the first
 * statement, which comes straight away in every scenario). `sql` lets the server's repositories
 * send their statements through it.
 */
export class BaselineUnit {
  readonly sql: Sql;
  private ended = false;

  private constructor(
    private readonly client: PoolClient,
    private readonly count: () => void,
  ) {
    this.sql = {
      query: (text: string, values?: readonly unknown[]) => this.query(text, values),
    } as unknown as Sql;
  }

  static async open(pool: Pool, scope: BaselineScope, count: () => void): Promise<BaselineUnit> {
    if (!setScope) throw new Error('captureScopeStatement() first');
    const client = await pool.connect();
    try {
      // As the API's UnitOfWork: BEGIN and the scope in one round trip (the pool pipelines).
      count();
      const begun = client.query(scope.readOnly ? 'BEGIN READ ONLY' : 'BEGIN');
      count();
      const scoped = client.query(setScope, [
        scope.tenantId ?? '',
        scope.mode === 'tenant' ? '' : scope.mode,
        scope.actorId ?? '',
        scope.requestId,
        '', // app.lookup: only the login's tenant lookup sets it
      ]);
      await Promise.all([begun, scoped]);
    } catch (error) {
      client.release(error instanceof Error ? error : true);
      throw error;
    }
    return new BaselineUnit(client, count);
  }

  async query<T = Record<string, unknown>>(text: string, values: readonly unknown[] = []): Promise<T[]> {
    this.count();
    return (await this.client.query(text, values as unknown[])).rows as T[];
  }

  async commit(): Promise<void> {
    await this.end('COMMIT');
  }

  async rollback(): Promise<void> {
    await this.end('ROLLBACK').catch(() => undefined);
  }

  private async end(statement: 'COMMIT' | 'ROLLBACK'): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    this.count();
    try {
      await this.client.query(statement);
      this.client.release();
    } catch (error) {
      this.client.release(error instanceof Error ? error : true);
      throw error;
    }
  }
}
