import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import {
  BadUserInputError,
  Clock,
  ConflictError,
  ForbiddenError,
  personIdOf,
  RequestContext,
  Role,
  scopeOf,
  TooManyRequestsError,
  TransactionRunner,
  UnauthenticatedError,
} from '@chancery/core';
import { AuditLog } from '@chancery/audit';
import { AccessTokenService } from './access-token';
import { verifyPassword } from './password-policy';
import { issueSecret, parseSecret } from './secret-token';
import { secondFactorMissing } from './second-factor';
import { SecretBox } from './secret-box';
import { isValidTotpCode, newTotpSecret, totpUri } from './totp';

/** A session (refresh-token family) ends 30 days after login, or after 7 days without use. */
export const SESSION_ABSOLUTE_LIFETIME_MS = 30 * 24 * 3600_000;
export const SESSION_IDLE_LIFETIME_MS = 7 * 24 * 3600_000;
/** A step-up (second factor) counts for high-value acts during 5 minutes. */
export const STEP_UP_WINDOW_MS = 5 * 60_000;
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

interface LoginCandidate {
  id: string;
  tenant_id: string | null;
  organisation_id: string | null;
  password_hash: string | null;
  status: string;
  token_version: number;
  totp_secret: string | null;
  totp_enrolled_at: Date | null;
  login_method: string | null;
  roles: Role[];
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
    private readonly audit: AuditLog,
    private readonly secrets: SecretBox,
  ) {}

  async login(command: LoginCommand, client: ClientInfo): Promise<SessionTokens> {
    const email = command.email.trim().toLowerCase();
    const tenantId = command.tenantSlug ? await this.tenantIdOfSlug(command.tenantSlug) : null;
    if (command.tenantSlug && !tenantId) {
      await verifyPassword(null, command.password);
      throw new UnauthenticatedError(LOGIN_FAILED);
    }
    const scope = scopeOf(tenantId);
    const accountKey = createHash('sha256').update(`${tenantId ?? 'platform'}|${email}`).digest();

    const outcome = await this.transactions.run(async (manager) => {
      if (await this.isThrottled(manager, accountKey)) return { kind: 'throttled' as const };
      const [candidate] = (await manager.query(
        `SELECT u.id, u.tenant_id, u.organisation_id, u.password_hash, u.status, u.token_version, u.totp_secret, u.totp_enrolled_at,
                o.login_method, ARRAY(SELECT r.role FROM user_role r WHERE r.user_id = u.id) AS roles
           FROM user_account u LEFT JOIN organisation o ON o.id = u.organisation_id
          WHERE u.email = $1 AND u.tenant_id IS NOT DISTINCT FROM $2::uuid`,
        [email, tenantId],
      )) as LoginCandidate[];
      const passwordOk = await verifyPassword(candidate?.password_hash ?? null, command.password);
      const now = this.clock.now();
      // An enrolled second factor is always asked for; one that is required but not yet enrolled
      // lets the session in to enrol (the access guard keeps everything else closed until then).
      const totpNeeded = Boolean(candidate?.totp_enrolled_at);
      const totpOk =
        !totpNeeded ||
        (candidate?.totp_secret && command.totpCode ? this.isCurrentCode(candidate.totp_secret, command.totpCode, now) : false);
      if (!candidate || !passwordOk || !totpOk || candidate.status !== 'ACTIVE') {
        await this.recordFailedLogin(manager, accountKey, tenantId);
        await this.audit.record({ action: 'auth.login.failed', subjectType: candidate ? 'User' : undefined, subjectId: candidate?.id, tenantId });
        return { kind: 'failed' as const };
      }
      await manager.query(`DELETE FROM login_throttle WHERE account_key = $1`, [accountKey]);
      await manager.query(`UPDATE user_account SET last_login_at = $2 WHERE id = $1`, [candidate.id, now]);
      const tokens = await this.openSession(manager, candidate, now, totpNeeded ? now : null, client);
      await this.audit.record({ action: 'auth.login.succeeded', subjectType: 'User', subjectId: candidate.id, tenantId });
      return { kind: 'ok' as const, tokens };
    }, scope);

    if (outcome.kind === 'throttled') throw new TooManyRequestsError();
    if (outcome.kind === 'failed') throw new UnauthenticatedError(LOGIN_FAILED);
    return outcome.tokens;
  }

  /**
   * Rotates the refresh token. A token already used means it was copied: the whole family is
   * revoked and the event is logged. Renewal only while the account is active.
   */
  async refresh(refreshToken: string): Promise<SessionTokens> {
    const parsed = parseSecret(refreshToken, 'rt');
    if (!parsed) throw new UnauthenticatedError('Invalid refresh token');
    const scope = scopeOf(parsed.tenantId);
    const outcome = await this.transactions.run(async (manager) => {
      const [row] = (await manager.query(
        `SELECT t.id AS token_id, t.used_at, s.id AS session_id, s.revoked_at, s.last_refreshed_at, s.absolute_expires_at, s.stepped_up_at,
                u.id, u.tenant_id, u.organisation_id, u.status, u.token_version, u.totp_enrolled_at, o.login_method,
                ARRAY(SELECT r.role FROM user_role r WHERE r.user_id = u.id) AS roles
           FROM refresh_token t
           JOIN auth_session s ON s.id = t.session_id
           JOIN user_account u ON u.id = s.user_id
           LEFT JOIN organisation o ON o.id = u.organisation_id
          WHERE t.token_hash = $1
          FOR UPDATE OF t, s`,
        [parsed.hash],
      )) as Array<LoginCandidate & { token_id: string; used_at: Date | null; session_id: string; revoked_at: Date | null; last_refreshed_at: Date; absolute_expires_at: Date; stepped_up_at: Date | null }>;
      if (!row) return { kind: 'refused' as const };
      const now = this.clock.now();
      if (row.used_at) {
        await this.revokeSession(manager, row.session_id, 'refresh token reused', now);
        await this.audit.record({ action: 'auth.refresh.reused', subjectType: 'Session', subjectId: row.session_id, tenantId: row.tenant_id });
        return { kind: 'refused' as const };
      }
      const idleExpired = row.last_refreshed_at.getTime() + SESSION_IDLE_LIFETIME_MS <= now.getTime();
      if (row.revoked_at || idleExpired || row.absolute_expires_at <= now || row.status !== 'ACTIVE') {
        if (!row.revoked_at) await this.revokeSession(manager, row.session_id, row.status !== 'ACTIVE' ? 'account not active' : 'expired', now);
        return { kind: 'refused' as const };
      }
      await manager.query(`UPDATE refresh_token SET used_at = $2 WHERE id = $1`, [row.token_id, now]);
      await manager.query(`UPDATE auth_session SET last_refreshed_at = $2 WHERE id = $1`, [row.session_id, now]);
      const next = issueSecret('rt', row.tenant_id);
      await manager.query(`INSERT INTO refresh_token (tenant_id, session_id, token_hash, created_at) VALUES ($1, $2, $3, $4)`, [
        row.tenant_id, row.session_id, next.hash, now,
      ]);
      return { kind: 'ok' as const, tokens: this.tokensFor(row, row.session_id, next.token) };
    }, scope);
    if (outcome.kind === 'refused') throw new UnauthenticatedError('Invalid refresh token');
    return outcome.tokens;
  }

  /** Ends the caller's session: its refresh tokens and its access tokens stop working. */
  async logout(): Promise<boolean> {
    const { sessionId } = this.context.actor;
    if (!sessionId) throw new UnauthenticatedError();
    await this.transactions.run(async (manager) => {
      await this.revokeSession(manager, sessionId, 'logout', this.clock.now());
      await this.audit.record({ action: 'auth.logout', subjectType: 'Session', subjectId: sessionId });
    });
    return true;
  }

  /** Ends every session of the caller and invalidates every access token issued so far. */
  async logoutEverywhere(): Promise<boolean> {
    const userId = personIdOf(this.context.actor);
    if (!userId) throw new UnauthenticatedError();
    await this.transactions.run(async (manager) => {
      const now = this.clock.now();
      await manager.query(`UPDATE auth_session SET revoked_at = $2, revoked_reason = 'logout everywhere' WHERE user_id = $1 AND revoked_at IS NULL`, [userId, now]);
      await manager.query(`UPDATE user_account SET token_version = token_version + 1 WHERE id = $1`, [userId]);
      await this.audit.record({ action: 'auth.logout.everywhere', subjectType: 'User', subjectId: userId });
    });
    return true;
  }

  /** Starts TOTP enrolment: a new secret, returned once as an otpauth:// URI for the app to scan. */
  async beginTotpEnrolment(): Promise<string> {
    const userId = personIdOf(this.context.actor);
    return this.transactions.run(async (manager) => {
      const [user] = (await manager.query(`SELECT email, totp_enrolled_at FROM user_account WHERE id = $1`, [userId])) as Array<{ email: string; totp_enrolled_at: Date | null }>;
      if (!user) throw new UnauthenticatedError();
      if (user.totp_enrolled_at) throw new ConflictError('A second factor is already enrolled');
      const secret = newTotpSecret();
      await manager.query(`UPDATE user_account SET totp_secret = $2 WHERE id = $1`, [userId, this.secrets.seal(secret)]);
      return totpUri(secret, user.email);
    });
  }

  /** Completes enrolment with a first code from the app; the session counts as stepped up. */
  async confirmTotpEnrolment(code: string): Promise<boolean> {
    const userId = personIdOf(this.context.actor);
    const { sessionId } = this.context.actor;
    await this.transactions.run(async (manager) => {
      const [user] = (await manager.query(`SELECT totp_secret, totp_enrolled_at FROM user_account WHERE id = $1`, [userId])) as Array<{ totp_secret: string | null; totp_enrolled_at: Date | null }>;
      if (!user?.totp_secret || user.totp_enrolled_at) throw new ConflictError('No second-factor enrolment in progress');
      const now = this.clock.now();
      if (!this.isCurrentCode(user.totp_secret, code, now)) throw BadUserInputError.field('code', 'is not the current code of the authenticator app', 'totp');
      await manager.query(`UPDATE user_account SET totp_enrolled_at = $2 WHERE id = $1`, [userId, now]);
      await manager.query(`UPDATE auth_session SET stepped_up_at = $2 WHERE id = $1`, [sessionId, now]);
      await this.audit.record({ action: 'auth.totp.enrolled', subjectType: 'User', subjectId: userId });
    });
    return true;
  }

  /** Marks the session as recently verified by the second factor, for high-value acts (signing). */
  async stepUp(code: string): Promise<Date> {
    const userId = personIdOf(this.context.actor);
    const { sessionId } = this.context.actor;
    // The failure is recorded in a transaction that commits; the error is thrown after it.
    const steppedUpAt = await this.transactions.run(async (manager) => {
      const [user] = (await manager.query(`SELECT totp_secret, totp_enrolled_at FROM user_account WHERE id = $1`, [userId])) as Array<{ totp_secret: string | null; totp_enrolled_at: Date | null }>;
      if (!user?.totp_enrolled_at || !user.totp_secret) throw new ForbiddenError('Enrol a second factor first');
      const now = this.clock.now();
      if (!this.isCurrentCode(user.totp_secret, code, now)) {
        await this.audit.record({ action: 'auth.stepup.failed', subjectType: 'User', subjectId: userId });
        return null;
      }
      await manager.query(`UPDATE auth_session SET stepped_up_at = $2 WHERE id = $1`, [sessionId, now]);
      await this.audit.record({ action: 'auth.stepup.succeeded', subjectType: 'User', subjectId: userId });
      return now;
    });
    if (!steppedUpAt) throw BadUserInputError.field('code', 'is not the current code of the authenticator app', 'totp');
    return steppedUpAt;
  }

  /** Checks a code against a stored (sealed) second-factor secret. */
  private isCurrentCode(sealedSecret: string, code: string, now: Date): boolean {
    const secret = this.secrets.open(sealedSecret);
    return secret !== null && isValidTotpCode(secret, code, now);
  }


  private async tenantIdOfSlug(slug: string): Promise<string | null> {
    const rows = (await this.transactions.run((manager) => manager.query(`SELECT id FROM tenant WHERE slug = $1`, [slug]))) as Array<{ id: string }>;
    return rows[0]?.id ?? null;
  }

  private async isThrottled(manager: EntityManager, accountKey: Buffer): Promise<boolean> {
    const [row] = (await manager.query(`SELECT failures, window_start FROM login_throttle WHERE account_key = $1`, [accountKey])) as Array<{ failures: number; window_start: Date }>;
    return Boolean(row && row.failures >= MAX_FAILED_LOGINS && row.window_start.getTime() + FAILED_LOGIN_WINDOW_MS > this.clock.now().getTime());
  }

  private async recordFailedLogin(manager: EntityManager, accountKey: Buffer, tenantId: string | null): Promise<void> {
    const now = this.clock.now();
    const windowStartAfter = new Date(now.getTime() - FAILED_LOGIN_WINDOW_MS);
    await manager.query(
      `INSERT INTO login_throttle (tenant_id, account_key, failures, window_start) VALUES ($1, $2, 1, $3)
       ON CONFLICT (account_key) DO UPDATE
         SET failures = CASE WHEN login_throttle.window_start < $4 THEN 1 ELSE login_throttle.failures + 1 END,
             window_start = CASE WHEN login_throttle.window_start < $4 THEN $3 ELSE login_throttle.window_start END`,
      [tenantId, accountKey, now, windowStartAfter],
    );
  }

  private async openSession(manager: EntityManager, user: LoginCandidate, now: Date, steppedUpAt: Date | null, client: ClientInfo): Promise<SessionTokens> {
    const [session] = (await manager.query(
      `INSERT INTO auth_session (tenant_id, user_id, created_at, last_refreshed_at, absolute_expires_at, stepped_up_at, ip_address, user_agent)
       VALUES ($1, $2, $3, $3, $4, $5, $6, $7) RETURNING id`,
      [user.tenant_id, user.id, now, new Date(now.getTime() + SESSION_ABSOLUTE_LIFETIME_MS), steppedUpAt, client.ipAddress ?? null, client.userAgent?.slice(0, 300) ?? null],
    )) as Array<{ id: string }>;
    const refresh = issueSecret('rt', user.tenant_id);
    await manager.query(`INSERT INTO refresh_token (tenant_id, session_id, token_hash, created_at) VALUES ($1, $2, $3, $4)`, [user.tenant_id, session!.id, refresh.hash, now]);
    return this.tokensFor(user, session!.id, refresh.token);
  }

  private tokensFor(user: Pick<LoginCandidate, 'id' | 'tenant_id' | 'organisation_id' | 'roles' | 'token_version' | 'totp_enrolled_at' | 'login_method'>, sessionId: string, refreshToken: string): SessionTokens {
    const access = this.accessTokens.issue({
      sub: user.id,
      sid: sessionId,
      tid: user.tenant_id ?? undefined,
      oid: user.organisation_id ?? undefined,
      roles: user.roles,
      tv: user.token_version,
    });
    return {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken,
      totpEnrolmentRequired: secondFactorMissing(user),
    };
  }

  private async revokeSession(manager: EntityManager, sessionId: string, reason: string, now: Date): Promise<void> {
    await manager.query(`UPDATE auth_session SET revoked_at = $2, revoked_reason = $3 WHERE id = $1 AND revoked_at IS NULL`, [sessionId, now, reason]);
  }
}
