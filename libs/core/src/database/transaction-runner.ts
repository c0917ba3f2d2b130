import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { Clock } from '../clock/clock';
import { Actor } from '../context/actor';
import { RequestContext } from '../context/request-context';
import { ScopeBypass } from './scope-bypasses';
import { ScopeMode, UnitOfWork, UnitScope } from './unit-of-work';

/**
 * Opens units of work (transactions) with the request's tenant and actor applied to the database
 * session, which row-level security reads. `run` is the one ordinary way in: the actor's own scope
 * (its tenant; the platform operator's own rows for the operator; no tenant for anonymous callers).
 * Every other scope has a named entry point below that says why it exists (see `SCOPE_BYPASSES`).
 * A call made while a unit is open joins it, so a service calling another shares one transaction.
 */
@Injectable()
export class TransactionRunner {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly context: RequestContext,
    private readonly clock: Clock,
  ) {}

  /** The actor's own scope; joins the unit of work already open in this call chain. */
  run<T>(work: () => Promise<T>): Promise<T> {
    if (this.context.unitOfWork) return work();
    return this.within(this.scopeOfActor(this.context.actor), work);
  }

  /**
   * `work` as one step of the open unit of work that may fail alone: in a savepoint, released when it
   * succeeds and rolled back when it throws (the error goes on to the caller, and the unit stays
   * usable: without it, one refused statement, say a foreign key, aborts the whole transaction).
   */
  async step<T>(work: () => Promise<T>): Promise<T> {
    const unit = this.context.unitOfWork;
    if (!unit) throw new Error('a step outside a unit of work: call it within TransactionRunner.run (or a named scope)');
    await unit.query('SAVEPOINT unit_step');
    let value: T;
    try {
      value = await work();
    } catch (error) {
      await unit.query('ROLLBACK TO SAVEPOINT unit_step');
      throw error;
    }
    await unit.query('RELEASE SAVEPOINT unit_step');
    return value;
  }

  /** Like `run`, but never joins: for work that must commit on its own (a failure record kept when the caller fails). */
  runSeparately<T>(work: () => Promise<T>): Promise<T> {
    return this.within(this.scopeOfActor(this.context.actor), work);
  }

  /** Bypass `forSecretHolder`: see SCOPE_BYPASSES. `tenantId` comes from the presented secret. */
  forSecretHolder<T>(secret: { tenantId?: string | null }, work: () => Promise<T>): Promise<T> {
    return this.within(this.bypass('forSecretHolder', secret.tenantId ?? null), work);
  }

  /** Bypass `beforeSession`: see SCOPE_BYPASSES. `tenantId` null: the platform (the operator's login). */
  beforeSession<T>(tenantId: string | null, work: () => Promise<T>): Promise<T> {
    return this.within(this.bypass('beforeSession', tenantId), work);
  }

  /**
   * Bypass `forAccessToken`: see SCOPE_BYPASSES. With `holdForRequest`, the unit stays open as the
   * request's unit of work (read only) and every later `run` of the request joins it: a query's
   * session check and its reads then share one transaction, committed when the response is sent.
   */
  async forAccessToken<T>(
    token: { tenantId: string | null; userId: string },
    work: () => Promise<T>,
    options: { holdForRequest?: boolean } = {},
  ): Promise<T> {
    const scope = { ...this.bypass('forAccessToken', token.tenantId), actorId: token.userId };
    if (!options.holdForRequest || !this.context.tally) return this.within(scope, work);
    const unit = this.unit({ ...scope, readOnly: true });
    this.context.holdUnitOfWork(unit);
    this.context.onRequestEnd(() => void unit.finish('commit').catch(() => undefined));
    try {
      return await work();
    } catch (error) {
      await unit.finish('rollback').catch(() => undefined);
      throw error;
    }
  }

  /**
   * Bypass `creatingTenant`: see SCOPE_BYPASSES. `work` starts in platform scope and calls
   * `enterTenant(id)` once the tenant row exists, to write the tenant's own rows.
   */
  creatingTenant<T>(work: (enterTenant: (tenantId: string) => Promise<void>) => Promise<T>): Promise<T> {
    return this.within(this.bypass('creatingTenant', null), async () => {
      const unit = this.context.unitOfWork!;
      return work(async (tenantId) => {
        await unit.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.scope', '', true)`, [tenantId]);
      });
    });
  }

  /** Bypass `invitingTenantAdministrator`: see SCOPE_BYPASSES. The acting operator, in `tenantId`'s scope. */
  invitingTenantAdministrator<T>(tenantId: string, work: () => Promise<T>): Promise<T> {
    return this.within(this.bypass('invitingTenantAdministrator', tenantId), work);
  }

  /** Bypass `resettingAdministratorSecondFactor`: see SCOPE_BYPASSES. The acting operator, in `tenantId`'s scope. */
  resettingAdministratorSecondFactor<T>(tenantId: string, work: () => Promise<T>): Promise<T> {
    return this.within(this.bypass('resettingAdministratorSecondFactor', tenantId), work);
  }

  /** Bypass `asSystem`: see SCOPE_BYPASSES. `tenantId` null: the platform's own rows. */
  asSystem<T>(tenantId: string | null, work: () => Promise<T>): Promise<T> {
    return this.within(this.bypass('asSystem', tenantId), work);
  }

  /**
   * Bypass `lookingUpLoginAddress`: see SCOPE_BYPASSES. Read only; row-level security shows only the
   * tenant of each account with exactly this address, nothing else of any row.
   */
  lookingUpLoginAddress<T>(email: string, work: () => Promise<T>): Promise<T> {
    return this.within({ ...this.bypass('lookingUpLoginAddress', null), mode: 'login-lookup', readOnly: true, lookup: email }, work);
  }

  /** Bypass `deliveringOutbox`: see SCOPE_BYPASSES. Row-level security shows the outbox table only. */
  deliveringOutbox<T>(work: () => Promise<T>): Promise<T> {
    return this.within({ ...this.bypass('deliveringOutbox', null), mode: 'outbox-delivery' }, work);
  }

  /** Bypass `deliveringWebhooks`: see SCOPE_BYPASSES. Row-level security shows the deliveries and their subscriptions only. */
  deliveringWebhooks<T>(work: () => Promise<T>): Promise<T> {
    return this.within({ ...this.bypass('deliveringWebhooks', null), mode: 'webhook-delivery' }, work);
  }

  /** Bypass `findingAwaitingPdfs`: see SCOPE_BYPASSES. Read only; row-level security shows the rows without a PDF of two tables only. */
  findingAwaitingPdfs<T>(work: () => Promise<T>): Promise<T> {
    return this.within({ ...this.bypass('findingAwaitingPdfs', null), mode: 'pdf-queue', readOnly: true }, work);
  }

  /** Bypass `publicReading`: see SCOPE_BYPASSES. Read only. */
  publicReading<T>(work: () => Promise<T>): Promise<T> {
    return this.within({ ...this.bypass('publicReading', null), mode: 'public', readOnly: true }, work);
  }

  /**
   * Bypass `duringSupportGrant`: see SCOPE_BYPASSES. Read only. The unit starts seeing nothing; its
   * first statement asks the database (`app_enter_support_grant`, privacy's support-access migration)
   * to check the grant against the acting operator and the clock's time and, only if it holds, to
   * enter the grant's tenant. Anything else (no such grant, another operator's, not yet approved,
   * refused, ended, expired) fails with SQLSTATE `SUPPORT_GRANT_NOT_ACTIVE` and nothing is read.
   */
  duringSupportGrant<T>(grantId: string, work: (grant: ActiveSupportGrant) => Promise<T>): Promise<T> {
    const scope: UnitScope = { ...this.bypass('duringSupportGrant', null), mode: 'support', readOnly: true };
    return this.within(scope, async () => {
      const [grant] = await this.context.unitOfWork!.query<ActiveSupportGrant>(
        `SELECT tenant_id AS "tenantId", purpose, ends_at AS "endsAt" FROM app_enter_support_grant($1, $2)`,
        [grantId, this.clock.now()],
      );
      return work(grant!);
    });
  }

  private scopeOfActor(actor: Actor): UnitScope {
    // A person without a tenant is the platform operator: its own rows, no tenant's.
    const mode: ScopeMode = !actor.tenantId && actor.kind === 'user' ? 'platform' : 'tenant';
    return {
      entry: 'actor',
      mode,
      tenantId: actor.tenantId ?? null,
      actorId: actor.kind === 'user' ? (actor.id ?? null) : null,
      requestId: this.context.requestId ?? null,
      readOnly: false,
    };
  }

  private bypass(entry: ScopeBypass, tenantId: string | null): UnitScope {
    const actor = this.context.actor;
    return {
      entry,
      mode: tenantId ? 'tenant' : 'platform',
      tenantId,
      actorId: actor.kind === 'user' ? (actor.id ?? null) : null,
      requestId: this.context.requestId ?? null,
      readOnly: false,
    };
  }

  private unit(scope: UnitScope): UnitOfWork {
    const tally = this.context.tally;
    return new UnitOfWork(
      this.pool,
      scope,
      tally
        ? (text) => {
            tally.statements += 1;
            tally.recorded?.push(text);
          }
        : undefined,
    );
  }

  private async within<T>(scope: UnitScope, work: () => Promise<T>): Promise<T> {
    // A request never holds two connections: a query's held unit ends (its reads are done) before
    // any other unit of the same request opens; later calls open units of their own.
    await this.context.heldUnitOfWork?.finish('commit');
    const unit = this.unit(scope);
    return this.context.withUnitOfWork(unit, async () => {
      let result: T;
      try {
        result = await work();
      } catch (error) {
        await unit.finish('rollback').catch(() => undefined);
        throw error;
      }
      await unit.finish('commit');
      return result;
    });
  }

  private get pool(): Pool {
    // TypeORM's PostgreSQL driver keeps the pg pool here; one pool serves TypeORM and the units of work.
    const pool = (this.dataSource.driver as unknown as { master?: Pool }).master;
    if (!pool) throw new Error('the database connection is not initialised');
    return pool;
  }
}

/** The grant a `duringSupportGrant` unit entered, as the database found it. */
export interface ActiveSupportGrant {
  tenantId: string;
  purpose: string;
  endsAt: Date;
}

/** What `app_enter_support_grant` raises when the grant does not hold (no such grant, not the operator's, not running). */
export const SUPPORT_GRANT_NOT_ACTIVE = 'CSG01';

/** Runs SQL in the current unit of work: the only way repositories reach the database. */
@Injectable()
export class Sql {
  constructor(private readonly context: RequestContext) {}

  query<T = Record<string, unknown>>(text: string, values: readonly unknown[] = []): Promise<T[]> {
    const unit = this.context.unitOfWork;
    if (!unit) throw new Error('SQL outside a unit of work: call the repository within TransactionRunner.run (or a named scope)');
    return unit.query<T>(text, values);
  }

  /**
   * Whether the open unit's tenant has the record of `kind` with this id, `tables` naming each kind's
   * table (the calling repository's own constant, never input). The tenant is named, not left to
   * row-level security: some tables' policies are alternatives (a public read, a delivery queue).
   */
  async tenantHasRecord(tables: Readonly<Record<string, string>>, kind: string, id: string): Promise<boolean> {
    const table = Object.hasOwn(tables, kind) ? tables[kind] : undefined;
    if (!table) return false;
    return (await this.query(`SELECT 1 FROM ${table} WHERE id = $1 AND tenant_id = app_current_tenant()`, [id])).length > 0;
  }
}
