import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AuditLog } from '@chancery/audit';
import { Clock, issueSecret, parseSecret, personIdOf, RequestContext, StepUpMethod, TransactionRunner } from '@chancery/core';
import { AccountAccess, AccountsService, LoginCandidate, secondFactorMissing, TenantDirectoryService } from '@chancery/identity';
import { AccessTokenService } from './access-token';
import { AuthErrors } from './auth.errors';
import { LoginThrottleRepository } from './repositories/login-throttle.repository';
import { SessionRepository } from './repositories/session.repository';

/** A session (refresh-token family) ends 30 days after login, or after 7 days without use. */
export const SESSION_ABSOLUTE_LIFETIME_MS = 30 * 24 * 3600_000;
export const SESSION_IDLE_LIFETIME_MS = 7 * 24 * 3600_000;
/** At most 5 failed logins per account in 15 minutes. */
const MAX_FAILED_LOGINS = 5;
const FAILED_LOGIN_WINDOW_MS = 15 * 60_000;

export interface SessionTokens {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  /** The account holds a role that requires a second factor and has not enrolled yet. */
  totpEnrolmentRequired: boolean;
}

export interface LoginCommand {
  email: string;
  password: string;
  tenantSlug?: string;
  totpCode?: string;
}

export interface ClientInfo {
  ipAddress?: string;
  userAgent?: string;
}

/** The one answer to every failed login: it never tells whether the address is registered. */
const LOGIN_FAILED = 'Invalid e-mail address, password or second factor';

@Injectable()
export class AuthService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly context: RequestContext,
    private readonly clock: Clock,
    private readonly accessTokens: AccessTokenService,
    private readonly accounts: AccountsService,
    private readonly directory: TenantDirectoryService,
    private readonly sessions: SessionRepository,
    private readonly throttle: LoginThrottleRepository,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Password (and second factor, when enrolled) → a new session. The password is compared outside
   * any transaction: argon2 takes tens of milliseconds and must not hold a pooled connection.
   */
  async login(command: LoginCommand, client: ClientInfo): Promise<SessionTokens> {
    const email = command.email.trim().toLowerCase();
    const tenantId = command.tenantSlug ? ((await this.directory.findBySlug(command.tenantSlug))?.id ?? null) : null;
    if (command.tenantSlug && !tenantId) {
      await this.accounts.passwordMatches(null, command.password);
      throw AuthErrors.LOGIN_FAILED(LOGIN_FAILED);
    }
    const accountKey = createHash('sha256').update(`${tenantId ?? 'platform'}|${email}`).digest();
    const windowStartAfter = new Date(this.clock.now().getTime() - FAILED_LOGIN_WINDOW_MS);

    const found = await this.transactions.beforeSession(tenantId, async () => ({
      throttled: (await this.throttle.failuresSince(accountKey, windowStartAfter)) >= MAX_FAILED_LOGINS,
      candidate: await this.accounts.findLoginCandidate(tenantId, email),
    }));
    if (found.throttled) throw AuthErrors.LOGIN_THROTTLED('Too many attempts; try again later');
    const candidate = found.candidate;
    const passwordOk = await this.accounts.passwordMatches(candidate, command.password);
    // An enrolled second factor is always asked for; one that is required but not yet enrolled lets
    // the session in to enrol (the access guard keeps everything else closed until then).
    const totpNeeded = Boolean(candidate?.access.totpEnrolledAt);
    const totpOk = !totpNeeded || (candidate !== null && this.accounts.secondFactorAccepts(candidate, command.totpCode));
    const accepted = candidate !== null && passwordOk && totpOk && candidate.access.status === 'ACTIVE';

    const tokens = await this.transactions.beforeSession(tenantId, async () => {
      const now = this.clock.now();
      if (!accepted) {
        await this.throttle.recordFailure(tenantId, accountKey, now, new Date(now.getTime() - FAILED_LOGIN_WINDOW_MS));
        await this.audit.record({ action: 'auth.login.failed', subjectType: candidate ? 'User' : undefined, subjectId: candidate?.id, tenantId });
        return null;
      }
      await this.throttle.clear(accountKey);
      await this.accounts.recordLogin(candidate.id, now);
      const opened = await this.openSession(candidate, now, { at: now, with: totpNeeded ? 'secondFactor' : 'password' }, client);
      await this.audit.record({ action: 'auth.login.succeeded', subjectType: 'User', subjectId: candidate.id, tenantId });
      return opened;
    });
    if (!tokens) throw AuthErrors.LOGIN_FAILED(LOGIN_FAILED);
    return tokens;
  }

  /**
   * Rotates the refresh token. A token already used means it was copied: the whole family is
   * revoked and the event is logged. Renewal only while the account is active.
   */
  async refresh(refreshToken: string): Promise<SessionTokens> {
    const parsed = parseSecret(refreshToken, 'rt');
    if (!parsed) throw AuthErrors.REFRESH_TOKEN_INVALID('Invalid refresh token');
    const tokens = await this.transactions.forSecretHolder(parsed, async () => {
      const row = await this.sessions.lockRefreshToken(parsed.hash);
      if (!row) return null;
      const now = this.clock.now();
      const tenantId = parsed.tenantId ?? null;
      if (row.usedAt) {
        await this.sessions.revoke(row.sessionId, 'refresh token reused', now);
        await this.audit.record({ action: 'auth.refresh.reused', subjectType: 'Session', subjectId: row.sessionId, tenantId });
        return null;
      }
      const access = await this.accounts.accessOf(row.userId);
      const idleExpired = row.lastRefreshedAt.getTime() + SESSION_IDLE_LIFETIME_MS <= now.getTime();
      if (!access || row.revokedAt || idleExpired || row.absoluteExpiresAt <= now || access.status !== 'ACTIVE') {
        if (!row.revokedAt) await this.sessions.revoke(row.sessionId, access?.status !== 'ACTIVE' ? 'account not active' : 'expired', now);
        return null;
      }
      await this.sessions.markRefreshTokenUsed(row.tokenId, row.sessionId, now);
      const next = issueSecret('rt', access.tenantId);
      await this.sessions.addRefreshToken(access.tenantId, row.sessionId, next.hash, now);
      return this.tokensFor(access, row.sessionId, next.token);
    });
    if (!tokens) throw AuthErrors.REFRESH_TOKEN_INVALID('Invalid refresh token');
    return tokens;
  }

  /** Ends the caller's session: its refresh tokens and its access tokens stop working. */
  async logout(): Promise<boolean> {
    const { sessionId } = this.context.actor;
    personIdOf(this.context.actor);
    await this.transactions.run(async () => {
      await this.sessions.revoke(sessionId!, 'logout', this.clock.now());
      await this.audit.record({ action: 'auth.logout', subjectType: 'Session', subjectId: sessionId });
    });
    return true;
  }

  /** Ends every session of the caller and invalidates every access token issued so far. */
  async logoutEverywhere(): Promise<boolean> {
    const userId = personIdOf(this.context.actor);
    await this.transactions.run(async () => {
      await this.sessions.revokeAllOf(userId, 'logout everywhere', this.clock.now());
      await this.accounts.endAllAccessTokens(userId);
      await this.audit.record({ action: 'auth.logout.everywhere', subjectType: 'User', subjectId: userId });
    });
    return true;
  }

  /** Completes second-factor enrolment with a first code from the app; the session counts as stepped up. */
  async confirmTotpEnrolment(code: string): Promise<boolean> {
    const userId = personIdOf(this.context.actor);
    const { sessionId } = this.context.actor;
    await this.transactions.run(async () => {
      const at = await this.accounts.confirmTotpEnrolment(userId, code);
      await this.sessions.markSteppedUp(sessionId!, at, 'secondFactor');
    });
    return true;
  }

  /**
   * Re-authenticates the session for high-value acts (5 minutes): with the second-factor code when
   * one is enrolled, with the password otherwise. A failure is recorded in a transaction that
   * commits; the error comes after it.
   */
  async stepUp(credentials: { code?: string; password?: string }): Promise<Date> {
    const userId = personIdOf(this.context.actor);
    const { sessionId } = this.context.actor;
    const candidate = await this.transactions.run(() => this.accounts.credentialsOf(userId));
    if (!candidate) throw AuthErrors.STEP_UP_FAILED('The step-up failed');
    const method: StepUpMethod = candidate.access.totpEnrolledAt ? 'secondFactor' : 'password';
    const given = method === 'secondFactor' ? credentials.code : credentials.password;
    if (!given) {
      throw AuthErrors.STEP_UP_CREDENTIAL_MISSING(
        method === 'secondFactor' ? 'give the current code of the authenticator app' : 'give your password',
        { field: method === 'secondFactor' ? 'code' : 'password' },
      );
    }
    const ok = method === 'secondFactor' ? this.accounts.secondFactorAccepts(candidate, given) : await this.accounts.passwordMatches(candidate, given);
    const now = this.clock.now();
    await this.transactions.run(async () => {
      if (ok) await this.sessions.markSteppedUp(sessionId!, now, method);
      await this.audit.record({ action: ok ? 'auth.stepup.succeeded' : 'auth.stepup.failed', subjectType: 'User', subjectId: userId, details: { method } });
    });
    if (!ok) {
      throw AuthErrors.STEP_UP_FAILED(method === 'secondFactor' ? 'is not the current code of the authenticator app' : 'is not your password', {
        field: method === 'secondFactor' ? 'code' : 'password',
      });
    }
    return now;
  }

  private async openSession(candidate: LoginCandidate, now: Date, steppedUp: { at: Date; with: StepUpMethod }, client: ClientInfo): Promise<SessionTokens> {
    const tenantId = candidate.access.tenantId;
    const sessionId = await this.sessions.open({
      tenantId,
      userId: candidate.id,
      at: now,
      absoluteExpiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_LIFETIME_MS),
      steppedUp,
      ipAddress: client.ipAddress ?? null,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
    });
    const refresh = issueSecret('rt', tenantId);
    await this.sessions.addRefreshToken(tenantId, sessionId, refresh.hash, now);
    return this.tokensFor(candidate.access, sessionId, refresh.token);
  }

  private tokensFor(access: AccountAccess, sessionId: string, refreshToken: string): SessionTokens {
    const issued = this.accessTokens.issue({
      sub: access.account.id,
      sid: sessionId,
      tid: access.tenantId ?? undefined,
      oid: access.organisationId ?? undefined,
      roles: access.roles,
      tv: access.tokenVersion,
    });
    return {
      accessToken: issued.token,
      accessTokenExpiresAt: issued.expiresAt,
      refreshToken,
      totpEnrolmentRequired: secondFactorMissing(access),
    };
  }
}
