import { Injectable } from '@nestjs/common';
import { Actor, Clock, TransactionRunner } from '@chancery/core';
import { AccountsService, secondFactorMissing } from '@chancery/identity';
import { SessionRepository } from './repositories/session.repository';

export interface AccessTokenSubject {
  userId: string;
  sessionId: string;
  tenantId?: string;
  tokenVersion: number;
}

/**
 * What a signature cannot know: is the account still active, the session still open, the token
 * version unchanged? Checked on every request, so disabling an account, withdrawing a role or
 * logging out takes effect at the next request, not at token expiry. Roles come from the database,
 * not from the token. One statement; for a query it opens the request's (read-only) unit of work, so
 * the reads that follow share its transaction.
 */
@Injectable()
export class SessionStateService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly sessions: SessionRepository,
    private readonly accounts: AccountsService,
    private readonly clock: Clock,
  ) {}

  actorForAccessToken(subject: AccessTokenSubject, options: { holdForRequest: boolean }): Promise<Actor | null> {
    return this.transactions.forAccessToken(
      { tenantId: subject.tenantId ?? null, userId: subject.userId },
      async () => {
        const state = await this.sessions.stateOf(subject.userId, subject.sessionId);
        const now = this.clock.now();
        if (
          !state ||
          state.access.status !== 'ACTIVE' ||
          state.access.tokenVersion !== subject.tokenVersion ||
          state.revokedAt !== null ||
          state.absoluteExpiresAt <= now ||
          (state.access.tenantId ?? undefined) !== subject.tenantId
        ) {
          return null;
        }
        this.accounts.rememberForRequest(state.access);
        return {
          kind: 'user',
          id: subject.userId,
          tenantId: state.access.tenantId ?? undefined,
          organisationId: state.access.organisationId ?? undefined,
          roles: state.access.roles,
          sessionId: subject.sessionId,
          steppedUpAt: state.steppedUpAt ?? undefined,
          steppedUpWith: state.steppedUpWith ?? undefined,
          secondFactorMissing: secondFactorMissing(state.access),
        } satisfies Actor;
      },
      options,
    );
  }
}
