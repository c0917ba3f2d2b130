import { Injectable } from '@nestjs/common';
import { AuditLog } from '@chancery/audit';
import { Mailer } from '@chancery/notifications';
import { Clock, DAY_MS, issueSecret, parseSecret, PasswordHasher, personIdOf, RequestContext, StepUpMethod, TransactionRunner } from '@chancery/core';
import { AccountAccess, AccountsService, assertAcceptablePassword, IssuedRecoveryCodes, LoginCandidate, secondFactorMissing, TenantDirectoryService, normaliseEmailAddress } from '@chancery/identity';
import { AccessTokenService } from './access-token';
import {
  accountBackoffRemainingMs,
  ATTEMPT_WINDOW_MS,
  attemptKey,
  LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS,
  secondsFrom,
  SECOND_FACTOR_FAILURES_PER_ACCOUNT,
  STEP_UP_FAILURES_PER_ACCOUNT,
  STEP_UP_FAILURES_PER_SESSION,
  USUAL_ADDRESS_MS,
  windowRemainingMs,
} from './attempt-limits';
import { AuthErrors } from './auth.errors';
import { SECOND_FACTOR_FAILURES } from './email/auth-emails';
import { LoginThrottleRepository } from './repositories/login-throttle.repository';
import { SessionRepository } from './repositories/session.repository';

/** A session (refresh-token family) ends 30 days after login, or after 7 days without use. */
export const SESSION_ABSOLUTE_LIFETIME_MS = 30 * DAY_MS;
export const SESSION_IDLE_LIFETIME_MS = 7 * DAY_MS;

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
  /** Instead of `totpCode`: one of the account's unused recovery codes (never both). */
  recoveryCode?: string;
}

export interface ClientInfo {
  ipAddress?: string;
  userAgent?: string;
}

/** The one answer to every failed login: it never tells whether the address is registered. */
const LOGIN_FAILED = 'Invalid e-mail address, password or second factor';

/** What a login attempt found out about one account (or its absence), before anything is written. */
interface Assessment {
  tenantId: string | null;
  candidate: LoginCandidate | null;
  keys: { fromHere: Buffer; account: Buffer; secondFactor: Buffer };
  /** Milliseconds the attempt must wait (address stopped, or the account's back-off); 0: not throttled. */
  throttledForMs: number;
  /** Counted as a failure before it was judged (every attempt that was not throttled); given back if it succeeds. */
  counted: boolean;
  /**
   * A judged attempt with a code for an account with a second factor: counted as a wrong code before
   * it was judged, given back unless the password was right and the code was not. The count it made.
   */
  codeCount: number | null;
  passwordOk: boolean;
  totpNeeded: boolean;
  /** The unused second-factor time step the code proved, if any. */
  step: number | null;
  /** The hash of the recovery code given instead of a TOTP code, to spend when the session opens. */
  recoveryHash: Buffer | null;
}

/** A re-authentication counted before it is judged, by its counters' keys. */
interface Reauthentication {
  keys: { session: Buffer; account: Buffer };
}

/** A password change that lost to another one made at the same moment. */
const CHANGED_MEANWHILE = Symbol('changed meanwhile');

/**
 * Runs the judgement of an attempt counted before it; if it cannot be made (the hashing queue is full:
 * BUSY), `giveBack` takes the count back before the error goes on. Every count the attempt made: a
 * throttled login with a code counted only its second-factor count, which must come back too.
 */
async function judging<T>(judge: () => Promise<T>, giveBack: () => Promise<unknown>): Promise<T> {
  try {
    return await judge();
  } catch (error) {
    await giveBack();
    throw error;
  }
}

/** Counters whose window started after this are current. */
function windowStartAfter(now: Date): Date {
  return new Date(now.getTime() - ATTEMPT_WINDOW_MS);
}

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
    private readonly passwords: PasswordHasher,
    private readonly mailer: Mailer,
  ) {}

  /**
   * Password (and second factor, when enrolled) → a new session. Without a tenant, the password
   * decides which of the tenants with an account for the address is meant; several: the caller
   * must choose (TENANT_CHOICE_REQUIRED). Passwords are compared outside any transaction.
   */
  async login(command: LoginCommand, client: ClientInfo): Promise<SessionTokens> {
    if (command.totpCode && command.recoveryCode) {
      throw AuthErrors.ONE_SECOND_FACTOR_CODE('give the code of the authenticator app or a recovery code, not both', { field: 'input.recoveryCode' });
    }
    const email = normaliseEmailAddress(command.email);
    if (!command.tenantSlug) return this.loginWithoutTenant(email, command, client);
    const tenantId = (await this.directory.findBySlug(command.tenantSlug))?.id;
    if (!tenantId) {
      await this.accounts.passwordMatches(null, command.password);
      throw AuthErrors.LOGIN_FAILED(LOGIN_FAILED);
    }
    return this.conclude(await this.assess(tenantId, email, command, client), client);
  }

  private async loginWithoutTenant(email: string, command: LoginCommand, client: ClientInfo): Promise<SessionTokens> {
    const tenantIds = await this.accounts.tenantsWithAddress(email);
    // No account anywhere: judged against the platform, where none will be found (same answer, same work).
    if (tenantIds.length <= 1) return this.conclude(await this.assess(tenantIds[0] ?? null, email, command, client), client);
    // Every tenant's account counts the attempt as its own: a guess judged against several accounts
    // is a guess against each of them.
    const assessments = await Promise.all(tenantIds.map((tenantId) => this.assess(tenantId, email, command, client)));
    const matching = assessments.filter((a) => a.passwordOk && a.throttledForMs === 0);
    if (matching.length === 1) return this.conclude(matching[0]!, client);
    if (matching.length === 0) return this.conclude(assessments.find((a) => a.throttledForMs > 0) ?? assessments[0]!, client);
    // The password was right in each: not a failure anywhere, though no session opens yet.
    await Promise.all(matching.map((a) => this.giveBackAlone(a)));
    // Only now, with the password proved for each, may the caller learn where the address has accounts.
    const tenants = await this.directory.findByIds(matching.map((a) => a.tenantId).filter((id): id is string => id !== null));
    throw AuthErrors.TENANT_CHOICE_REQUIRED('The password matches accounts in several tenants: choose one', {
      field: 'input.tenant',
      details: { tenants: tenants.map((t) => t.slug), tenantNames: tenants.map((t) => t.name) },
    });
  }

  /**
   * Reads the counters and the account and, unless the attempt is throttled, counts it as a failure
   * before the credentials are judged (outside any transaction): attempts that arrive together read
   * and count one after another under the account's lock, so each sees the others and a burst cannot
   * be judged on the count from before it. A login that succeeds gives its count back.
   */
  private async assess(tenantId: string | null, email: string, command: LoginCommand, client: ClientInfo): Promise<Assessment> {
    const scope = tenantId ?? 'platform';
    const keys = {
      fromHere: attemptKey('login', scope, email, client.ipAddress ?? 'unknown'),
      account: attemptKey('login', scope, email),
      secondFactor: attemptKey('login-second-factor', scope, email),
    };
    const now = this.clock.now();
    const { candidate, throttledForMs, judge, codeCount } = await this.transactions.beforeSession(tenantId, async () => {
      await this.throttle.lockAccount(keys.account);
      const [fromHere, account, secondFactor] = await this.throttle.failuresSince([keys.fromHere, keys.account, keys.secondFactor], windowStartAfter(now));
      const candidate = await this.accounts.findLoginCandidate(tenantId, email);
      const usual = candidate && client.ipAddress ? await this.sessions.loggedInFrom(candidate.id, client.ipAddress, new Date(now.getTime() - USUAL_ADDRESS_MS)) : false;
      const addressStoppedForMs = fromHere!.failures >= LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS ? windowRemainingMs(fromHere!, now) : 0;
      // The right password with wrong codes, again and again: someone else has the password. Only the
      // owner's usual address gets in for the rest of the window, even with the complete proof.
      const codesStoppedForMs = !usual && secondFactor!.failures >= SECOND_FACTOR_FAILURES_PER_ACCOUNT ? windowRemainingMs(secondFactor!, now) : 0;
      const throttledForMs = Math.max(addressStoppedForMs, usual ? 0 : accountBackoffRemainingMs(account!, now), codesStoppedForMs);
      // Throttled: only the complete proof (password and an unused code) is judged; without a code the
      // password is not even compared, so a throttled attempt tells nothing about it. A recovery code
      // is a second-factor code here: counted, limited and judged as one.
      const code = command.totpCode ?? command.recoveryCode;
      const judge = throttledForMs === 0 || (codesStoppedForMs === 0 && Boolean(code));
      const codeCounted = judge && Boolean(code) && Boolean(candidate?.access.totpEnrolledAt);
      const counting = [...(throttledForMs === 0 ? [keys.fromHere, keys.account] : []), ...(codeCounted ? [keys.secondFactor] : [])];
      if (counting.length > 0) await this.throttle.recordFailure(tenantId, counting, now, windowStartAfter(now));
      return { candidate, throttledForMs, judge, codeCount: codeCounted ? secondFactor!.failures + 1 : null };
    });
    const counted = throttledForMs === 0;
    const totpNeeded = Boolean(candidate?.access.totpEnrolledAt);
    const attempt = { keys, counted, codeCount };
    const passwordOk = judge
      ? await judging(() => this.accounts.passwordMatches(candidate, command.password), () => this.giveBackAlone({ tenantId, ...attempt }))
      : false;
    const step = candidate && passwordOk && totpNeeded ? this.accounts.secondFactorStep(candidate, command.totpCode) : null;
    const recoveryHash = candidate && passwordOk && totpNeeded ? this.accounts.recoveryCodeHash(candidate, command.recoveryCode) : null;
    return { tenantId, candidate, keys, throttledForMs, counted, codeCount, passwordOk, totpNeeded, step, recoveryHash };
  }

  /** Takes back the failures a login attempt was counted as before it was judged. In the caller's unit, which holds the account's lock. */
  private async giveBack(attempt: Pick<Assessment, 'keys' | 'counted' | 'codeCount'>): Promise<void> {
    const keys = [...(attempt.counted ? [attempt.keys.fromHere, attempt.keys.account] : []), ...(attempt.codeCount !== null ? [attempt.keys.secondFactor] : [])];
    if (keys.length > 0) await this.throttle.giveBack(keys, windowStartAfter(this.clock.now()));
  }

  /**
   * `giveBack` in a unit of its own, under the account's lock: every unit that changes an account's
   * counts takes it first, or two attempts giving counts back in two orders deadlock (a login answered 500).
   */
  private giveBackAlone(attempt: Pick<Assessment, 'tenantId' | 'keys' | 'counted' | 'codeCount'>): Promise<void> {
    return this.transactions.beforeSession(attempt.tenantId, async () => {
      await this.throttle.lockAccount(attempt.keys.account);
      await this.giveBack(attempt);
    });
  }

  /**
   * Opens the session of an accepted attempt (its count given back); a failed one stays counted. A
   * throttled attempt is refused uncounted, unless it brought the complete proof (counted if that fails).
   */
  private async conclude(attempt: Assessment, client: ClientInfo): Promise<SessionTokens> {
    const { candidate, tenantId } = attempt;
    const proved = candidate !== null && attempt.passwordOk && candidate.access.status === 'ACTIVE' && (!attempt.totpNeeded || attempt.step !== null || attempt.recoveryHash !== null);
    const strong = proved && attempt.totpNeeded;
    if (attempt.throttledForMs > 0 && !strong) {
      if (attempt.codeCount !== null) {
        await this.transactions.beforeSession(tenantId, async () => {
          await this.throttle.lockAccount(attempt.keys.account);
          await this.settleCode(attempt);
        });
      }
      throw AuthErrors.LOGIN_THROTTLED('Too many attempts; try again later', { details: { retryAfterSeconds: secondsFrom(attempt.throttledForMs) } });
    }
    const tokens = await this.transactions.beforeSession(tenantId, async () => {
      // Every unit that changes an account's counts takes its lock first (see giveBackAlone).
      await this.throttle.lockAccount(attempt.keys.account);
      const now = this.clock.now();
      // The code is spent here, in the transaction that opens the session: one use only.
      if (proved && (await this.spendSecondFactor(candidate, attempt))) {
        await this.throttle.clear([attempt.keys.fromHere]);
        await this.giveBack(attempt);
        await this.accounts.recordLogin(candidate.id, now);
        const opened = await this.openSession(candidate, now, { at: now, with: attempt.totpNeeded ? 'secondFactor' : 'password' }, client);
        await this.audit.record({ action: 'auth.login.succeeded', subjectType: 'User', subjectId: candidate.id, tenantId });
        return opened;
      }
      if (!attempt.counted) await this.throttle.recordFailure(tenantId, [attempt.keys.fromHere, attempt.keys.account], now, windowStartAfter(now));
      await this.settleCode(attempt);
      await this.audit.record({ action: 'auth.login.failed', subjectType: candidate ? 'User' : undefined, subjectId: candidate?.id, tenantId });
      return null;
    });
    if (!tokens) throw AuthErrors.LOGIN_FAILED(LOGIN_FAILED);
    return tokens;
  }

  /** Spends the attempt's second-factor proof (a TOTP step or a recovery code), if it needs one: false when it was used first. In the caller's unit. */
  private async spendSecondFactor(candidate: LoginCandidate, attempt: Assessment): Promise<boolean> {
    if (attempt.step !== null) return this.accounts.useSecondFactorStep(candidate.id, attempt.step);
    if (attempt.recoveryHash !== null) return this.accounts.useRecoveryCode(candidate, attempt.recoveryHash);
    return !attempt.totpNeeded;
  }

  /**
   * A failed attempt that was counted as a wrong code: given back when the password was wrong (it says
   * nothing about the second factor); kept otherwise, and the owner is told when it reaches the limit.
   * In the caller's unit, which holds the account's lock.
   */
  private async settleCode(attempt: Assessment): Promise<void> {
    if (attempt.codeCount === null) return;
    if (!attempt.passwordOk) {
      await this.throttle.giveBack([attempt.keys.secondFactor], windowStartAfter(this.clock.now()));
    } else if (attempt.codeCount === SECOND_FACTOR_FAILURES_PER_ACCOUNT && attempt.candidate) {
      const { account } = attempt.candidate.access;
      await this.mailer.queue(SECOND_FACTOR_FAILURES, { tenantId: attempt.tenantId, to: account.email, language: account.preferredLanguage, values: { at: this.clock.now().toISOString() } });
      await this.audit.record({ action: 'auth.login.secondFactorFailures', subjectType: 'User', subjectId: account.id, tenantId: attempt.tenantId });
    }
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

  /** Completes second-factor enrolment with a first code from the app; the session counts as stepped up. No recovery codes. */
  async confirmTotpEnrolment(code: string): Promise<boolean> {
    await this.completeTotpEnrolment(code, async () => undefined);
    return true;
  }

  /**
   * `confirmTotpEnrolment`, and the account's first recovery codes made in the same unit: returned
   * once, to be shown to the person and stored by them.
   */
  confirmTotpEnrolmentWithRecoveryCodes(code: string): Promise<IssuedRecoveryCodes> {
    return this.completeTotpEnrolment(code, (userId) => this.accounts.issueRecoveryCodes(userId));
  }

  /** Enrolment completed and the session stepped up, then `then` for the account, all in one unit. */
  private completeTotpEnrolment<T>(code: string, then: (userId: string) => Promise<T>): Promise<T> {
    const userId = personIdOf(this.context.actor);
    const { sessionId } = this.context.actor;
    return this.transactions.run(async () => {
      const at = await this.accounts.confirmTotpEnrolment(userId, code);
      await this.sessions.markSteppedUp(sessionId!, at, 'secondFactor');
      return then(userId);
    });
  }

  /**
   * New recovery codes for the caller, replacing every earlier one, given a current code of the
   * authenticator app (spent, and limited as a step-up is: a stolen session cannot guess its way to
   * codes that would outlive it). Returned once.
   */
  async regenerateRecoveryCodes(totpCode: string): Promise<IssuedRecoveryCodes> {
    const userId = personIdOf(this.context.actor);
    const sessionId = this.context.actor.sessionId!;
    const candidate = await this.transactions.run(() => this.accounts.credentialsOf(userId));
    if (!candidate?.access.totpEnrolledAt) throw AuthErrors.RECOVERY_CODES_NEED_SECOND_FACTOR('set up the authenticator app first', { field: 'totpCode' });
    const attempt = await this.countReauthentication(candidate.access.tenantId, userId, sessionId);
    const step = this.accounts.secondFactorStep(candidate, totpCode);
    const now = this.clock.now();
    const issued = await this.transactions.run(async () => {
      await this.throttle.lockAccount(attempt.keys.account);
      if (step === null || !(await this.accounts.useSecondFactorStep(userId, step))) {
        await this.audit.record({ action: 'auth.recoveryCodes.refused', subjectType: 'User', subjectId: userId });
        return null;
      }
      await this.throttle.clear([attempt.keys.session]);
      await this.throttle.giveBack([attempt.keys.account], windowStartAfter(now));
      return this.accounts.issueRecoveryCodes(userId);
    });
    if (!issued) throw AuthErrors.STEP_UP_FAILED('is not the current code of the authenticator app, or was used already', { field: 'totpCode' });
    return issued;
  }

  /**
   * Re-authenticates the session for high-value acts (5 minutes): with an unused second-factor code
   * when one is enrolled, with the password otherwise. Wrong attempts are limited per session and
   * per account; a failure is recorded in a transaction that commits, the error comes after it.
   */
  async stepUp(credentials: { code?: string; password?: string }): Promise<Date> {
    const userId = personIdOf(this.context.actor);
    const sessionId = this.context.actor.sessionId!;
    const candidate = await this.transactions.run(() => this.accounts.credentialsOf(userId));
    if (!candidate) throw AuthErrors.STEP_UP_FAILED('The step-up failed');
    const method: StepUpMethod = candidate.access.totpEnrolledAt ? 'secondFactor' : 'password';
    const field = method === 'secondFactor' ? 'code' : 'password';
    const given = method === 'secondFactor' ? credentials.code : credentials.password;
    if (!given) throw AuthErrors.STEP_UP_CREDENTIAL_MISSING(method === 'secondFactor' ? 'give the current code of the authenticator app' : 'give your password', { field });
    const attempt = await this.countReauthentication(candidate.access.tenantId, userId, sessionId);
    const step = method === 'secondFactor' ? this.accounts.secondFactorStep(candidate, given) : null;
    const passwordOk = method === 'password' ? await judging(() => this.accounts.passwordMatches(candidate, given), () => this.giveBackReauthentication(attempt)) : false;
    const now = this.clock.now();
    const ok = await this.transactions.run(async () => {
      await this.throttle.lockAccount(attempt.keys.account);
      const proved = method === 'secondFactor' ? step !== null && (await this.accounts.useSecondFactorStep(userId, step)) : passwordOk;
      if (proved) {
        await this.sessions.markSteppedUp(sessionId, now, method);
        await this.throttle.clear([attempt.keys.session]);
        await this.throttle.giveBack([attempt.keys.account], windowStartAfter(now));
      }
      await this.audit.record({ action: proved ? 'auth.stepup.succeeded' : 'auth.stepup.failed', subjectType: 'User', subjectId: userId, details: { method } });
      return proved;
    });
    if (!ok) throw AuthErrors.STEP_UP_FAILED(method === 'secondFactor' ? 'is not the current code of the authenticator app, or was used already' : 'is not your password', { field });
    return now;
  }

  /**
   * Changes the caller's password, given the current one: every other session ends, every access
   * token issued so far stops, and the caller's session continues with the tokens returned.
   */
  async changeMyPassword(currentPassword: string, newPassword: string): Promise<SessionTokens> {
    const userId = personIdOf(this.context.actor);
    const sessionId = this.context.actor.sessionId!;
    const candidate = await this.transactions.run(() => this.accounts.credentialsOf(userId));
    if (!candidate) throw AuthErrors.CURRENT_PASSWORD_WRONG('is not your current password', { field: 'currentPassword' });
    assertAcceptablePassword(newPassword, 'newPassword', candidate.access.account.email);
    // Compared with what was typed as the current password, not with the stored one: it tells nothing.
    if (newPassword === currentPassword) throw AuthErrors.PASSWORD_UNCHANGED('must differ from the current password', { field: 'newPassword' });
    const attempt = await this.countReauthentication(candidate.access.tenantId, userId, sessionId);
    const newHash = await judging(
      async () => ((await this.accounts.passwordMatches(candidate, currentPassword)) ? this.passwords.hash(newPassword) : null),
      () => this.giveBackReauthentication(attempt),
    );
    const now = this.clock.now();
    const tokens = await this.transactions.run(async () => {
      if (!newHash) {
        await this.audit.record({ action: 'auth.password.change.failed', subjectType: 'User', subjectId: userId });
        return null;
      }
      await this.throttle.lockAccount(attempt.keys.account);
      await this.throttle.giveBack([attempt.keys.session, attempt.keys.account], windowStartAfter(now));
      // Of two changes at once with the right current password, the first to write wins.
      if (!(await this.accounts.changePassword(userId, candidate.passwordHash!, newHash))) return CHANGED_MEANWHILE;
      await this.sessions.revokeAllOfExcept(userId, sessionId, 'password changed', now);
      // This session's outstanding refresh tokens are spent too: only the one returned now renews it.
      await this.sessions.retireRefreshTokens(sessionId, now);
      const access = await this.accounts.accessOf(userId);
      const refresh = issueSecret('rt', access!.tenantId);
      await this.sessions.addRefreshToken(access!.tenantId, sessionId, refresh.hash, now);
      await this.audit.record({ action: 'auth.password.changed', subjectType: 'User', subjectId: userId });
      return this.tokensFor(access!, sessionId, refresh.token);
    });
    if (tokens === CHANGED_MEANWHILE) throw AuthErrors.PASSWORD_CHANGED_MEANWHILE('The password was changed by another request first', { field: 'currentPassword' });
    if (!tokens) throw AuthErrors.CURRENT_PASSWORD_WRONG('is not your current password', { field: 'currentPassword' });
    return tokens;
  }

  /**
   * A re-authentication (step-up, or the current password of a password change), counted as a
   * failure of the session and the account before it is judged, as a login is (see `assess`); refused
   * uncounted when either limit is reached. A success gives the count back.
   */
  private async countReauthentication(tenantId: string | null, userId: string, sessionId: string): Promise<Reauthentication> {
    const keys = { session: attemptKey('step-up', 'session', sessionId), account: attemptKey('step-up', 'account', userId) };
    const now = this.clock.now();
    const throttledForMs = await this.transactions.run(async () => {
      await this.throttle.lockAccount(keys.account);
      const [session, account] = await this.throttle.failuresSince([keys.session, keys.account], windowStartAfter(now));
      const throttledForMs = Math.max(
        session!.failures >= STEP_UP_FAILURES_PER_SESSION ? windowRemainingMs(session!, now) : 0,
        account!.failures >= STEP_UP_FAILURES_PER_ACCOUNT ? windowRemainingMs(account!, now) : 0,
      );
      if (throttledForMs === 0) await this.throttle.recordFailure(tenantId, [keys.session, keys.account], now, windowStartAfter(now));
      return throttledForMs;
    });
    if (throttledForMs > 0) throw AuthErrors.STEP_UP_THROTTLED('Too many wrong attempts; try again later', { details: { retryAfterSeconds: secondsFrom(throttledForMs) } });
    return { keys };
  }

  /** Takes back a re-authentication counted before it was judged (the judgement could not be made). Its own unit. */
  private giveBackReauthentication(attempt: Reauthentication): Promise<void> {
    return this.transactions.run(async () => {
      await this.throttle.lockAccount(attempt.keys.account);
      await this.throttle.giveBack([attempt.keys.session, attempt.keys.account], windowStartAfter(this.clock.now()));
    });
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
