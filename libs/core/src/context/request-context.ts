import { Injectable } from '@nestjs/common';
import { ClsService, ClsStore } from 'nestjs-cls';
import type { EntityManager } from 'typeorm';
import { Actor, ANONYMOUS_ACTOR } from './actor';

export interface RequestContextStore extends ClsStore {
  requestId: string;
  actor: Actor;
  /** The open unit of work, so nested service calls join it instead of opening a second one. */
  transaction?: EntityManager;
  /** The operation being served (GraphQL operation or job name), for the access log. */
  operation?: string;
}

/**
 * The request context as one object (request id, actor, tenant, open transaction), carried by
 * AsyncLocalStorage through `nestjs-cls` so services, logs and the database helper read the same one.
 */
@Injectable()
export class RequestContext {
  // Untyped store access: ClsService's typed paths recurse into EntityManager and exhaust the compiler.
  constructor(private readonly cls: ClsService) {}

  get requestId(): string | undefined {
    return this.cls.isActive() ? (this.cls.get('requestId') as string | undefined) : undefined;
  }

  get actor(): Actor {
    return (this.cls.isActive() && (this.cls.get('actor') as Actor | undefined)) || ANONYMOUS_ACTOR;
  }

  get tenantId(): string | undefined {
    return this.actor.tenantId;
  }

  get operation(): string | undefined {
    return this.cls.isActive() ? (this.cls.get('operation') as string | undefined) : undefined;
  }

  get transaction(): EntityManager | undefined {
    return this.cls.isActive() ? (this.cls.get('transaction') as EntityManager | undefined) : undefined;
  }

  setActor(actor: Actor): void {
    this.cls.set('actor', actor);
  }

  setOperation(operation: string | undefined): void {
    if (this.cls.isActive()) this.cls.set('operation', operation);
  }

  /** Runs `work` with the given transaction visible to every nested call. */
  withTransaction<T>(manager: EntityManager, work: () => Promise<T>): Promise<T> {
    return this.cls.run({ ifNested: 'inherit' }, () => {
      this.cls.set('transaction', manager);
      return work();
    });
  }

  /**
   * Runs `work` as another actor (jobs, demo seeding, the login flow before a session exists).
   * Always a new child context, so the caller's actor is untouched afterwards.
   */
  runAs<T>(actor: Actor, work: () => Promise<T>, requestId?: string): Promise<T> {
    return this.cls.run({ ifNested: 'inherit' }, () => {
      this.cls.set('actor', actor);
      this.cls.set('transaction', undefined);
      if (requestId) this.cls.set('requestId', requestId);
      return work();
    });
  }
}
