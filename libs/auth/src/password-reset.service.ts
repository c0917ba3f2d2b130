import { Injectable } from '@nestjs/common';
import { AuditLog } from '@chancery/audit';
import { AppConfig, Clock, Outbox, scopeOf, TransactionRunner, UnauthenticatedError } from '@chancery/core';
import { consumeOneTimeToken } from './one-time-token';
import { assertAcceptablePassword, hashPassword } from './password-policy';
import { issueSecret, parseSecret } from './secret-token';

export const PASSWORD_RESET_LIFETIME_MS = 60 * 60_000;

/**
 * Password reset by e-mail with a single-use token. The request always answers the same, whether
 * or not the address is registered; only a registered, active account receives a message.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async requestReset(email: string, tenantSlug: string | undefined): Promise<true> {
    const tenant = tenantSlug
      ? ((await this.transactions.run((m) => m.query(`SELECT id FROM tenant WHERE slug = $1`, [tenantSlug]))) as Array<{ id: string }>)[0]
      : undefined;
    if (tenantSlug && !tenant) return true;
    const tenantId = tenant?.id ?? null;
    await this.transactions.run(async (manager) => {
      const [user] = (await manager.query(
        `SELECT id, email FROM user_account WHERE email = $1 AND tenant_id IS NOT DISTINCT FROM $2::uuid AND status = 'ACTIVE'`,
        [email.trim().toLowerCase(), tenantId],
      )) as Array<{ id: string; email: string }>;
      if (!user) return;
      const secret = issueSecret('prt', tenantId);
      await manager.query(
        `INSERT INTO one_time_token (tenant_id, user_id, purpose, token_hash, expires_at) VALUES ($1, $2, 'PASSWORD_RESET', $3, $4)`,
        [tenantId, user.id, secret.hash, new Date(this.clock.now().getTime() + PASSWORD_RESET_LIFETIME_MS)],
      );
      await this.outbox.queueEmail({
        tenantId,
        recipient: user.email,
        template: 'auth.password-reset',
        subject: 'Reset your Chancery password',
        body: `Choose a new password within one hour: ${this.config.PUBLIC_BASE_URL}/reset-password?token=${secret.token}\nIf you did not ask for this, ignore this message.`,
      });
      await this.audit.record({ action: 'auth.passwordReset.requested', subjectType: 'User', subjectId: user.id, tenantId });
    }, scopeOf(tenantId));
    return true;
  }

  /** Sets the new password; every session of the account ends, so a thief's session ends too. */
  async reset(token: string, newPassword: string): Promise<true> {
    const parsed = parseSecret(token, 'prt');
    if (!parsed) throw new UnauthenticatedError('Invalid or expired reset link');
    const tenantId = parsed.tenantId ?? null;
    const done = await this.transactions.run(async (manager) => {
      const now = this.clock.now();
      const userId = await consumeOneTimeToken(manager, 'PASSWORD_RESET', parsed.hash, now);
      if (!userId) return false;
      const [user] = (await manager.query(`SELECT email FROM user_account WHERE id = $1`, [userId])) as Array<{ email: string }>;
      assertAcceptablePassword(newPassword, 'newPassword', user?.email);
      await manager.query(`UPDATE user_account SET password_hash = $2, token_version = token_version + 1 WHERE id = $1`, [userId, await hashPassword(newPassword)]);
      await manager.query(`UPDATE auth_session SET revoked_at = $2, revoked_reason = 'password reset' WHERE user_id = $1 AND revoked_at IS NULL`, [userId, now]);
      await this.audit.record({ action: 'auth.passwordReset.completed', subjectType: 'User', subjectId: userId, tenantId });
      return true;
    }, scopeOf(tenantId));
    if (!done) throw new UnauthenticatedError('Invalid or expired reset link');
    return true;
  }
}
