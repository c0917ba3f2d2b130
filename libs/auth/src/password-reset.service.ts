import { Injectable, Logger } from '@nestjs/common';
import { AuditLog } from '@chancery/audit';
import { ANONYMOUS_ACTOR, AppConfig, Clock, describeError, parseSecret, PasswordHasher, RequestContext, TransactionRunner } from '@chancery/core';
import { AccountsService, assertAcceptablePassword, TenantDirectoryService, normaliseEmailAddress } from '@chancery/identity';
import { Mailer } from '@chancery/notifications';
import { AuthErrors } from './auth.errors';
import { PASSWORD_RESET } from './email/auth-emails';
import { SessionRepository } from './repositories/session.repository';

export const PASSWORD_RESET_LIFETIME_MS = 60 * 60_000;

/**
 * Password reset by e-mail with a single-use token. The request always answers the same, whether
 * or not the address is registered; only a registered, active account receives a message.
 */
@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger(PasswordResetService.name);

  constructor(
    private readonly context: RequestContext,
    private readonly passwords: PasswordHasher,
    private readonly transactions: TransactionRunner,
    private readonly accounts: AccountsService,
    private readonly directory: TenantDirectoryService,
    private readonly sessions: SessionRepository,
    private readonly mailer: Mailer,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /**
   * Answers at once, and looks the address up after the response is sent: the answer takes the same
   * time, and does the same database work, whether or not the address has an account.
   */
  async requestReset(email: string, tenantSlug: string | undefined): Promise<true> {
    const tenant = tenantSlug ? await this.directory.findBySlug(tenantSlug) : null;
    if (tenantSlug && !tenant) return true;
    const tenantId = tenant?.id ?? null;
    this.context
      .afterResponse(ANONYMOUS_ACTOR, () => this.sendResetLink(tenantId, normaliseEmailAddress(email)))
      .catch((error: unknown) => this.logger.error(`password-reset request not handled: ${describeError(error)}`));
    return true;
  }

  private async sendResetLink(tenantId: string | null, email: string): Promise<void> {
    await this.transactions.beforeSession(tenantId, async () => {
      const account = await this.accounts.findActiveByEmail(tenantId, email);
      if (!account) return;
      const token = await this.accounts.issuePasswordResetToken(account.id, tenantId, PASSWORD_RESET_LIFETIME_MS);
      await this.mailer.queue(PASSWORD_RESET, {
        tenantId,
        to: account.email,
        language: account.preferredLanguage,
        values: { link: this.config.portalLink('/reset-password', token) },
      });
      await this.audit.record({ action: 'auth.passwordReset.requested', subjectType: 'User', subjectId: account.id, tenantId });
    });
  }

  /** Sets the new password; every session of the account ends, so a thief's session ends too. */
  async reset(token: string, newPassword: string): Promise<true> {
    const parsed = parseSecret(token, 'prt');
    if (!parsed) throw AuthErrors.RESET_LINK_INVALID('Invalid or expired reset link');
    assertAcceptablePassword(newPassword, 'newPassword');
    // Hashed before the transaction: argon2 must not hold a connection.
    const passwordHash = await this.passwords.hash(newPassword);
    const tenantId = parsed.tenantId ?? null;
    const done = await this.transactions.forSecretHolder(parsed, async () => {
      const userId = await this.accounts.consumePasswordResetToken(parsed);
      if (!userId) return false;
      assertAcceptablePassword(newPassword, 'newPassword', (await this.accounts.emailOf(userId)) ?? undefined);
      await this.accounts.setPasswordHash(userId, passwordHash);
      // The other links sent to the account stop working with this one: one reset per request.
      await this.accounts.spendPasswordResetTokens(userId);
      await this.sessions.revokeAllOf(userId, 'password reset', this.clock.now());
      await this.audit.record({ action: 'auth.passwordReset.completed', subjectType: 'User', subjectId: userId, tenantId });
      return true;
    });
    if (!done) throw AuthErrors.RESET_LINK_INVALID('Invalid or expired reset link');
    return true;
  }
}
