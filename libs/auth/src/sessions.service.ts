import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { AuditLog } from '@chancery/audit';
import { Clock, personIdOf, RequestContext, TransactionRunner } from '@chancery/core';
import { ACCOUNT_DISABLED, AccountDisabled, SECOND_FACTOR_REMOVED } from '@chancery/identity';
import { AuthErrors } from './auth.errors';
import { AuthSession } from './entities/auth-session.entity';
import { SessionRepository } from './repositories/session.repository';

/** A person's login sessions: they see and end their own; the privacy officer sees a user's. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly context: RequestContext,
    private readonly sessions: SessionRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  mine(): Promise<AuthSession[]> {
    const userId = personIdOf(this.context.actor);
    return this.transactions.run(() => this.sessions.listOf(userId));
  }

  /** The privacy officer's view (access requests, misuse); row-level security keeps it to the tenant. */
  ofUser(userId: string): Promise<AuthSession[]> {
    return this.transactions.run(() => this.sessions.listOf(userId));
  }

  async endMine(sessionId: string): Promise<AuthSession> {
    const userId = personIdOf(this.context.actor);
    return this.transactions.run(async () => {
      const session = await this.sessions.findOf(userId, sessionId);
      if (!session) throw AuthErrors.SESSION_NOT_FOUND('Session not found');
      if (session.revokedAt) return session;
      await this.sessions.revoke(session.id, 'ended by the user', this.clock.now());
      await this.audit.record({ action: 'auth.session.ended', subjectType: 'Session', subjectId: session.id });
      return (await this.sessions.findOf(userId, sessionId))!;
    });
  }

  /** A disabled account's sessions end with it, in the same transaction (identity announces it). */
  @OnEvent(ACCOUNT_DISABLED, { suppressErrors: false })
  async endSessionsOfDisabledAccount(event: AccountDisabled): Promise<void> {
    await this.sessions.revokeAllOf(event.userId, 'account disabled', this.clock.now());
  }

  /** A removed second factor ends the sessions it protected, in the same transaction. */
  @OnEvent(SECOND_FACTOR_REMOVED, { suppressErrors: false })
  async endSessionsOfResetSecondFactor(event: AccountDisabled): Promise<void> {
    await this.sessions.revokeAllOf(event.userId, 'second factor reset', this.clock.now());
  }
}
