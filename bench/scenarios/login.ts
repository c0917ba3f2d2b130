import { issueSecret, verifyPassword, type Actor } from '@chancery/core';
import { attemptKey } from '@chancery/auth/attempt-limits';
import { ANONYMOUS_ACTOR } from '@chancery/core';
import { LoginThrottleRepository } from '@chancery/auth/repositories/login-throttle.repository';
import { SessionRepository } from '@chancery/auth/repositories/session.repository';
import { AccountRepository } from '@chancery/identity/repositories/account.repository';
import { TenantRepository } from '@chancery/identity/repositories/tenant.repository';
import { secondFactorMissing } from '@chancery/identity/second-factor/second-factor-rules';
import { recordAudit } from '../baseline/audit';
import { BaselineCall, BaselineError } from '../baseline/call';
import { BaselineUnit } from '../baseline/unit';
import { pruneLogins } from '../growth';
import { Scenario } from './scenario';

const SESSION_ABSOLUTE_LIFETIME_MS = 30 * 24 * 3600_000;
const FAILED_LOGIN_WINDOW_MS = 15 * 60_000;
const USUAL_ADDRESS_MS = 30 * 24 * 3600_000;

/**
 * Login with e-mail, password and tenant: argon2id verification is the cost. Three units as in
 * AuthService.login: the tenant by slug; the throttle (the attempt counted before it is judged, under
 * the account's lock) and the candidate; the session, its refresh token, the count given back and the
 * audit entry. Reported without a target.
 */
export const login: Scenario = {
  name: 'login',
  load: 'login',
  operationName: 'Login',
  document: `mutation Login($input: LoginInput!) { login(input: $input) { accessToken accessTokenExpiresAt refreshToken totpEnrolmentRequired } }`,
  variables: (fixture) => ({
    input: { email: fixture.member.email, password: fixture.member.password, tenant: fixture.tenant.slug },
  }),
  caller: () => null,
  async baseline(call, variables) {
    const input = variables.input as { email: string; password: string; tenant: string };
    const email = input.email.trim().toLowerCase();
    const tenant = await inUnit(call, { tenantId: null }, (unit) =>
      new TenantRepository(unit.sql).findBySlug(input.tenant),
    );
    if (!tenant)
      throw new BaselineError('Invalid e-mail address, password or second factor', 'UNAUTHENTICATED');
    const address = call.request.socket.remoteAddress ?? 'unknown';
    const keys = {
      fromHere: attemptKey('login', tenant.id, email, address),
      account: attemptKey('login', tenant.id, email),
      secondFactor: attemptKey('login-second-factor', tenant.id, email),
    };
    const now = Date.now();
    const windowStartAfter = new Date(now - FAILED_LOGIN_WINDOW_MS);
    // The same work as AuthService's assessment: the account's lock, the three counters, the account,
    // whether it logged in from here, and the attempt counted before the password is judged.
    const found = await inUnit(call, { tenantId: tenant.id }, async (unit) => {
      const throttle = new LoginThrottleRepository(unit.sql);
      await throttle.lockAccount(keys.account);
      const [fromHere] = await throttle.failuresSince([keys.fromHere, keys.account, keys.secondFactor], windowStartAfter);
      const candidate = await new AccountRepository(unit.sql).loginCandidate(tenant.id, email);
      if (candidate && call.request.socket.remoteAddress) {
        await new SessionRepository(unit.sql).loggedInFrom(candidate.id, call.request.socket.remoteAddress, new Date(now - USUAL_ADDRESS_MS));
      }
      const throttled = fromHere!.failures >= 5;
      if (!throttled) await throttle.recordFailure(tenant.id, [keys.fromHere, keys.account], new Date(now), windowStartAfter);
      return { throttled, candidate };
    });
    const candidate = found.candidate;
    // Outside any transaction: argon2 must not hold a connection.
    const passwordOk = await verifyPassword(candidate?.passwordHash ?? null, input.password);
    if (
      found.throttled ||
      !candidate ||
      !passwordOk ||
      candidate.access.totpEnrolledAt ||
      candidate.access.status !== 'ACTIVE'
    ) {
      throw new BaselineError('the bench login must succeed', 'UNAUTHENTICATED');
    }
    const access = candidate.access;
    const refresh = await inUnit(call, { tenantId: tenant.id }, async (unit) => {
      const now = new Date();
      const sessions = new SessionRepository(unit.sql);
      const throttle = new LoginThrottleRepository(unit.sql);
      // As AuthService's conclusion: the account's lock before its counts change.
      await throttle.lockAccount(keys.account);
      await throttle.clear([keys.fromHere]);
      await throttle.giveBack([keys.fromHere, keys.account], new Date(now.getTime() - FAILED_LOGIN_WINDOW_MS));
      await new AccountRepository(unit.sql).recordLogin(candidate.id, now);
      const sessionId = await sessions.open({
        tenantId: access.tenantId,
        userId: candidate.id,
        at: now,
        absoluteExpiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_LIFETIME_MS),
        steppedUp: { at: now, with: 'password' },
        ipAddress: call.request.socket.remoteAddress ?? null,
        userAgent: call.request.headers['user-agent']?.slice(0, 300) ?? null,
      });
      const secret = issueSecret('rt', access.tenantId);
      await sessions.addRefreshToken(access.tenantId, sessionId, secret.hash, now);
      const actor: Actor = ANONYMOUS_ACTOR;
      await recordAudit(unit, actor, call.requestId, {
        action: 'auth.login.succeeded',
        subjectType: 'User',
        subjectId: candidate.id,
        tenantId: tenant.id,
      });
      return { sessionId, token: secret.token };
    });
    const issued = call.services.tokens.issue({
      sub: access.account.id,
      sid: refresh.sessionId,
      tid: access.tenantId ?? undefined,
      oid: access.organisationId ?? undefined,
      roles: access.roles,
      tv: access.tokenVersion,
    });
    return {
      login: {
        accessToken: issued.token,
        accessTokenExpiresAt: issued.expiresAt,
        refreshToken: refresh.token,
        totpEnrolmentRequired: secondFactorMissing(access),
      },
    };
  },
  // Fresh tokens and their expiry differ per call; their shape is compared.
  comparable: (body) =>
    body
      .replace(/"accessToken":"[\w-]+\.[\w-]+\.[\w-]+"/, '"accessToken":"<jwt>"')
      .replace(/"accessTokenExpiresAt":"[^"]+"/, '"accessTokenExpiresAt":"<time>"')
      .replace(/"refreshToken":"rt_[^"]+"/, '"refreshToken":"rt_<secret>"'),
  growth: (owner, fixture) => pruneLogins(owner, fixture.tenant.id, fixture.member.userId),
};

/** One unit as TransactionRunner opens them for a caller without a session (anonymous, or `beforeSession`). */
async function inUnit<T>(
  call: BaselineCall,
  scope: { tenantId: string | null },
  work: (unit: BaselineUnit) => Promise<T>,
): Promise<T> {
  const unit = await call.open({ mode: 'tenant', tenantId: scope.tenantId, actorId: null, readOnly: false });
  try {
    const result = await work(unit);
    await unit.commit();
    return result;
  } catch (error) {
    await unit.rollback();
    throw error;
  }
}
