import { Injectable } from '@nestjs/common';
import { AuditLog } from '@chancery/audit';
import { Clock, NotFoundError, personIdOf, RequestContext, TransactionRunner } from '@chancery/core';
import { AuthSession } from './entities/auth-session.entity';

const SESSIONS_LISTED = 50;

/** A person's login sessions: they see and end their own; the privacy officer sees a user's. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly context: RequestContext,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  mine(): Promise<AuthSession[]> {
    return this.listOf(personIdOf(this.context.actor));
  }

  /** The privacy officer's view (access requests, misuse); the user id must be of the same tenant. */
  ofUser(userId: string): Promise<AuthSession[]> {
    return this.listOf(userId);
  }

  async endMine(sessionId: string): Promise<AuthSession> {
    const userId = personIdOf(this.context.actor);
    return this.transactions.run(async (manager) => {
      const session = await manager.findOne(AuthSession, { where: { id: sessionId, userId } });
      if (!session) throw new NotFoundError('Session');
      if (!session.revokedAt) {
        session.revokedAt = this.clock.now();
        session.revokedReason = 'ended by the user';
        await manager.save(AuthSession, session);
        await this.audit.record({ action: 'auth.session.ended', subjectType: 'Session', subjectId: session.id });
      }
      return session;
    });
  }

  private listOf(userId: string): Promise<AuthSession[]> {
    return this.transactions.run(
      (manager) => manager.find(AuthSession, { where: { userId }, order: { createdAt: 'DESC' }, take: SESSIONS_LISTED })
    );
  }

}
