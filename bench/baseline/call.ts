import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Pool } from 'pg';
import type { Actor } from '@chancery/core';
import { SessionRepository } from '@chancery/auth/repositories/session.repository';
import type { AccountAccess } from '@chancery/identity/accounts/account-access';
import { secondFactorMissing } from '@chancery/identity/second-factor/second-factor-rules';
import { BaselineTokens } from './access-tokens';
import { BaselineScope, BaselineUnit } from './unit';

/** What every baseline request shares: the application role's pool and the signing key. */
export interface BaselineServices {
  pool: Pool;
  tokens: BaselineTokens;
}

/** A refused request; the baseline answers it as a GraphQL error (only ever seen when the bench is broken). */
export class BaselineError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

export interface Authenticated {
  actor: Actor;
  /** The account as the session check read it (identity's `account_access`). */
  access: AccountAccess;
  /** A query's read-only unit, which its reads join; committed after the response is sent. */
  unit?: BaselineUnit;
}

/**
 * One GraphQL request to the baseline: counts its statements, opens its transactions, and keeps a
 * query's held unit until the response is out, as the API does (its COMMIT follows the response).
 */
export class BaselineCall {
  statements = 0;
  readonly requestId = randomUUID();
  private readonly held: BaselineUnit[] = [];

  constructor(
    readonly services: BaselineServices,
    readonly request: IncomingMessage,
  ) {}

  open(scope: Omit<BaselineScope, 'requestId'>): Promise<BaselineUnit> {
    return BaselineUnit.open(
      this.services.pool,
      { ...scope, requestId: this.requestId },
      () => void (this.statements += 1),
    );
  }

  /** The scope of the actor's own units (TransactionRunner.run). */
  actorScope(actor: Actor): Omit<BaselineScope, 'requestId'> {
    const person = actor.kind === 'user';
    return {
      mode: !actor.tenantId && person ? 'platform' : 'tenant',
      tenantId: actor.tenantId ?? null,
      actorId: person ? (actor.id ?? null) : null,
      readOnly: false,
    };
  }

  /**
   * The bearer token and the session check, as the API's guard and SessionStateService do them: a
   * verified token, then one statement reading the session with its account and roles. `hold` (a
   * query): the read-only unit stays open for the query's reads.
   */
  async authenticate({ hold }: { hold: boolean }): Promise<Authenticated> {
    const token = this.services.tokens.verifyHeader(this.request.headers.authorization);
    if (!token) throw new BaselineError('Unauthenticated', 'UNAUTHENTICATED');
    const unit = await this.open({
      mode: token.tid ? 'tenant' : 'platform',
      tenantId: token.tid ?? null,
      actorId: token.sub,
      readOnly: hold,
    });
    let state;
    try {
      state = await new SessionRepository(unit.sql).stateOf(token.sub, token.sid);
    } catch (error) {
      await unit.rollback();
      throw error;
    }
    if (hold) this.holdUntilResponseSent(unit);
    else await unit.commit();
    if (
      !state ||
      state.access.status !== 'ACTIVE' ||
      state.access.tokenVersion !== token.tv ||
      state.revokedAt !== null ||
      state.absoluteExpiresAt <= new Date() ||
      (state.access.tenantId ?? undefined) !== token.tid
    ) {
      throw new BaselineError('Session ended', 'UNAUTHENTICATED');
    }
    const actor: Actor = {
      kind: 'user',
      id: token.sub,
      tenantId: state.access.tenantId ?? undefined,
      organisationId: state.access.organisationId ?? undefined,
      roles: state.access.roles,
      sessionId: token.sid,
      steppedUpAt: state.steppedUpAt ?? undefined,
      steppedUpWith: state.steppedUpWith ?? undefined,
      secondFactorMissing: secondFactorMissing(state.access),
    };
    return { actor, access: state.access, unit: hold ? unit : undefined };
  }

  holdUntilResponseSent(unit: BaselineUnit): void {
    this.held.push(unit);
  }

  /** Statements still to come after the response (the held units' COMMIT), counted as the API's header counts them. */
  get pendingStatements(): number {
    return this.held.length;
  }

  async afterResponse(outcome: 'commit' | 'rollback'): Promise<void> {
    for (const unit of this.held.splice(0)) await (outcome === 'commit' ? unit.commit() : unit.rollback());
  }
}
