import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RequestContext } from '../context/request-context';

/**
 * The unit-of-work options for acting in a given tenant, or, for null (the platform operator's own
 * accounts), in platform scope. For callers without a session yet (login, refresh, links by e-mail).
 */
export function scopeOf(tenantId: string | null | undefined): UnitOfWorkOptions {
  return tenantId ? { tenantId } : { platformScope: true };
}

export interface UnitOfWorkOptions {
  /**
   * Open the transaction in platform scope: the operator's own rows (tenant_id IS NULL) become
   * visible, and no tenant's. Implied for an operator's session (a person without a tenant); asked
   * for explicitly only where no session exists yet (`grep -r 'platformScope\|scopeOf('`).
   */
  platformScope?: boolean;
  /** Act in this tenant instead of the actor's (registration, login, token refresh: no session yet). */
  tenantId?: string;
}

/**
 * Runs a unit of work in one transaction with the request's tenant and actor applied to the database
 * session via `set_config(..., true)`: transaction-local, so a pooled connection never carries one
 * request's tenant into another's. Row-level security reads these settings.
 */
@Injectable()
export class TransactionRunner {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly context: RequestContext,
  ) {}

  async run<T>(work: (manager: EntityManager) => Promise<T>, options: UnitOfWorkOptions = {}): Promise<T> {
    const open = this.context.transaction;
    if (open && !options.tenantId && !options.platformScope) return work(open);
    const actor = this.context.actor;
    const tenantId = options.tenantId ?? actor.tenantId ?? '';
    // The operator (a person without a tenant) works in platform scope: its own rows, no tenant's.
    const platformScope = options.platformScope || (!options.tenantId && actor.kind === 'user' && !actor.tenantId);
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `SELECT set_config('app.tenant_id', $1, true), set_config('app.actor_id', $2, true),
                set_config('app.scope', $3, true), set_config('app.request_id', $4, true)`,
        [tenantId, actor.kind === 'user' ? (actor.id ?? '') : '', platformScope ? 'platform' : '', this.context.requestId ?? ''],
      );
      return this.context.withTransaction(manager, () => work(manager));
    });
  }

  /**
   * Moves an open platform-scope transaction into a tenant, for the one act that spans both: the
   * operator creating a tenant with its first administrator, atomically.
   */
  async enterTenant(manager: EntityManager, tenantId: string): Promise<void> {
    await manager.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.scope', '', true)`, [tenantId]);
  }
}
