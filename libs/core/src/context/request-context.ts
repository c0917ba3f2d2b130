import { Injectable } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ClsService, ClsStore } from 'nestjs-cls';
import { requestIdOf } from '../logging/logger-options';
import type { UnitOfWork } from '../database/unit-of-work';
import { Actor, ANONYMOUS_ACTOR } from './actor';

/** Mutable per-request tallies, shared by every nested context of the request. */
export interface RequestTally {
  statements: number;
  /** When set, every statement's text is appended here (the SQL snapshots of the tests). */
  recorded?: string[];
  /** The read-only unit of work a query's session check opened, shared by the query's reads. */
  heldUnit?: UnitOfWork;
  readonly endHooks: Array<() => void>;
  /** Values kept for the rest of the request (see `requestScoped`). */
  readonly values: Map<string, unknown>;
}

export interface RequestContextStore extends ClsStore {
  requestId: string;
  actor: Actor;
  /** The open unit of work, so nested service calls join it instead of opening a second one. */
  unitOfWork?: UnitOfWork;
  /** The operation being served (GraphQL operation or job name), for the access log. */
  operation?: string;
  tally?: RequestTally;
}

/**
 * The request context as one object (request id, actor, open unit of work), carried by
 * AsyncLocalStorage through `nestjs-cls` so services, logs and the database helper read the same one.
 */
@Injectable()
export class RequestContext {
  private readonly afterResponseWork = new Set<Promise<void>>();

  constructor(private readonly cls: ClsService) {}

  /**
   * The current context's store, or undefined outside one: one AsyncLocalStorage lookup, read as a
   * plain object. (ClsService's `get('key')` looks the store up again and splits the key as a dotted
   * path on every call, and a request reads its context dozens of times; its typed paths also recurse
   * into the unit of work and exhaust the compiler.)
   */
  private store(): RequestContextStore | undefined {
    return this.cls.get() as RequestContextStore | undefined;
  }

  /** The current context's store, for a write: outside a context there is nothing to write to. */
  private storeToWrite(what: string): RequestContextStore {
    const store = this.store();
    if (!store) throw new Error(`Cannot set ${what} outside a request context`);
    return store;
  }

  get active(): boolean {
    return this.store() !== undefined;
  }

  get requestId(): string | undefined {
    return this.store()?.requestId;
  }

  get actor(): Actor {
    return this.store()?.actor || ANONYMOUS_ACTOR;
  }

  get tenantId(): string | undefined {
    return this.actor.tenantId;
  }

  get operation(): string | undefined {
    return this.store()?.operation;
  }

  /** The unit of work calls in this context join: the innermost one open, else the request's held one (if not ended). */
  get unitOfWork(): UnitOfWork | undefined {
    const store = this.store();
    if (!store) return undefined;
    const unit = store.unitOfWork ?? store.tally?.heldUnit;
    return unit && !unit.ended ? unit : undefined;
  }

  /** The request's held (read-only) unit of work, if one was adopted and has not ended. */
  get heldUnitOfWork(): UnitOfWork | undefined {
    const unit = this.tally?.heldUnit;
    return unit && !unit.ended ? unit : undefined;
  }

  get tally(): RequestTally | undefined {
    return this.store()?.tally;
  }

  setActor(actor: Actor): void {
    this.storeToWrite('the actor').actor = actor;
  }

  setOperation(operation: string | undefined): void {
    const store = this.store();
    if (store) store.operation = operation;
  }

  /**
   * Serves an HTTP request in a context of its own: `serve` and everything it starts see the request's
   * id (the one on its log lines), the anonymous actor until a guard says who calls, and the request's
   * tally. Called by a Fastify `onRequest` hook (configureApiApplication): nestjs-cls's middleware did
   * the same through Fastify's middleware engine, Nest's middleware proxy and four awaits per request.
   */
  serveRequest(request: IncomingMessage, response: ServerResponse, serve: () => void): void {
    const tally: RequestTally = { statements: 0, endHooks: [], values: new Map() };
    // 'close' comes when the response is sent or the client went away: either way the request's held
    // unit of work (if any) ends here.
    response.once('close', () => {
      for (const hook of tally.endHooks.splice(0)) hook();
    });
    // A new store, never a copy of the context the hook was called in (ClsService.run would inherit
    // one): nothing of another request's (its actor, unit of work, personal-data reads) can carry over.
    const store: RequestContextStore = { requestId: requestIdOf(request), actor: ANONYMOUS_ACTOR, tally };
    this.cls.runWith(store, serve);
  }

  /** Makes `unit` the unit of work of the rest of the current request (see TransactionRunner). */
  holdUnitOfWork(unit: UnitOfWork): void {
    const tally = this.tally;
    if (!tally) throw new Error('a unit of work can be held only within a request');
    tally.heldUnit = unit;
  }

  /** Runs `work` with the given unit of work visible to every nested call. */
  withUnitOfWork<T>(unit: UnitOfWork, work: () => Promise<T>): Promise<T> {
    return this.cls.run({ ifNested: 'inherit' }, () => {
      this.storeToWrite('the unit of work').unitOfWork = unit;
      return work();
    });
  }

  /**
   * A value kept for the rest of the current request (created on first use), shared by every nested
   * context of the request; outside a request, a fresh one each time (nothing is kept).
   */
  requestScoped<T>(key: string, create: () => T): T {
    const values = this.tally?.values;
    if (!values) return create();
    if (!values.has(key)) values.set(key, create());
    return values.get(key) as T;
  }

  /**
   * Runs `work` in a request context of its own and returns the text of every statement its units
   * of work sent (BEGIN, scope and COMMIT included), for the tests that snapshot repositories' SQL.
   */
  recordStatements(work: () => Promise<unknown>): Promise<string[]> {
    const recorded: string[] = [];
    return this.cls.run(async () => {
      const store = this.storeToWrite('the tally');
      store.actor = ANONYMOUS_ACTOR;
      const tally: RequestTally = { statements: 0, endHooks: [], values: new Map(), recorded };
      store.tally = tally;
      await work().catch(() => undefined);
      // As at the end of a response: a held unit of work ends and gives its connection back.
      for (const hook of tally.endHooks.splice(0)) hook();
      await tally.heldUnit?.finish('commit').catch(() => undefined);
      return recorded;
    });
  }

  /** Runs `hook` when the response of the current request has been sent (or the client went away). */
  onRequestEnd(hook: () => void): boolean {
    const tally = this.tally;
    if (!tally) return false;
    tally.endHooks.push(hook);
    return true;
  }

  /**
   * Runs `work` once the response has been sent, in a context of its own (the request's id, the given
   * actor, no unit of work, not counted with the request): work whose duration the answer must not
   * reveal (whether a password-reset address has an account). Outside a request it runs at once.
   * The returned promise settles when the work has run; the caller decides what a failure means.
   */
  afterResponse(actor: Actor, work: () => Promise<void>): Promise<void> {
    const requestId = this.requestId;
    const run = () =>
      this.cls.run(() => {
        const store = this.storeToWrite('the actor');
        store.actor = actor;
        if (requestId) store.requestId = requestId;
        return work();
      });
    const done = new Promise<void>((resolve, reject) => {
      const deferred = this.onRequestEnd(() => void run().then(resolve, reject));
      if (!deferred) run().then(resolve, reject);
    });
    this.afterResponseWork.add(done);
    const forget = () => void this.afterResponseWork.delete(done);
    done.then(forget, forget);
    return done;
  }

  /** Settles when every piece of after-response work started so far has run (tests, shutdown). */
  async afterResponseWorkDone(): Promise<void> {
    while (this.afterResponseWork.size > 0) await Promise.allSettled([...this.afterResponseWork]);
  }

  /**
   * Runs `work` as another actor (jobs, demo seeding, the login flow before a session exists).
   * Always a new child context, so the caller's actor is untouched afterwards.
   */
  runAs<T>(actor: Actor, work: () => Promise<T>, requestId?: string): Promise<T> {
    return this.cls.run({ ifNested: 'inherit' }, () => {
      const store = this.storeToWrite('the actor');
      store.actor = actor;
      store.unitOfWork = undefined;
      if (requestId) store.requestId = requestId;
      return work();
    });
  }
}
