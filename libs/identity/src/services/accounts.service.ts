import { Injectable } from '@nestjs/common';
import { AuditLog } from '@chancery/audit';
import { Clock, issueSecret, ParsedSecret, personIdOf, RequestContext, SecretBox, TransactionRunner, verifyPassword } from '@chancery/core';
import { AccountAccess } from '../accounts/account-access';
import { UserAccount } from '../entities/user-account.entity';
import { IdentityErrors } from '../identity.errors';
import { AccountRepository, LoginCandidate } from '../repositories/account.repository';

export type { LoginCandidate };
import { AccountTokenRepository } from '../repositories/account-token.repository';
import { isValidTotpCode, newTotpSecret, totpUri } from '../second-factor/totp';

/** The account of the request's person, as the session check read it (see `rememberForRequest`). */
const CURRENT_ACCOUNT = 'identity.currentAccount';

/**
 * Accounts as the contexts above identity use them: credentials (password, second factor), the state
 * a session check needs, account tokens sent by e-mail, and the request's current person. Identity
 * keeps every secret; callers get answers, never hashes.
 */
@Injectable()
export class AccountsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly context: RequestContext,
    private readonly accounts: AccountRepository,
    private readonly accountTokens: AccountTokenRepository,
    private readonly secrets: SecretBox,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** The account an e-mail names in a tenant (null: the platform operator's), with its credentials. In the caller's unit. */
  findLoginCandidate(tenantId: string | null, email: string): Promise<LoginCandidate | null> {
    return this.accounts.loginCandidate(tenantId, email);
  }

  /** An account's credentials by id (a step-up by password). In the caller's unit. */
  credentialsOf(userId: string): Promise<LoginCandidate | null> {
    return this.accounts.credentialsOf(userId);
  }

  /**
   * Whether the password is the candidate's. Takes the same time when there is no candidate. Call it
   * outside any unit of work: argon2 takes tens of milliseconds and must not hold a connection.
   */
  passwordMatches(candidate: LoginCandidate | null, password: string): Promise<boolean> {
    return verifyPassword(candidate?.passwordHash ?? null, password);
  }

  /** Whether a code is the current one of the candidate's enrolled second factor. */
  secondFactorAccepts(candidate: LoginCandidate, code: string | undefined): boolean {
    if (!candidate.access.totpEnrolledAt) return false;
    const secret = this.secrets.open(candidate.totpSecret);
    return Boolean(code && secret && isValidTotpCode(secret, code, this.clock.now()));
  }

  /** The account's current state (status, token version, roles, second factor), in the caller's unit. */
  accessOf(userId: string): Promise<AccountAccess | null> {
    return this.accounts.accessOf(userId);
  }

  async recordLogin(userId: string, at: Date): Promise<void> {
    await this.accounts.recordLogin(userId, at);
  }

  /** Ends every access token issued to the account so far. */
  async endAllAccessTokens(userId: string): Promise<void> {
    await this.accounts.bumpTokenVersion(userId);
  }

  /** The account an e-mail names in a tenant, if it is active (password reset). */
  findActiveByEmail(tenantId: string | null, email: string): Promise<{ id: string; email: string; preferredLanguage: string } | null> {
    return this.accounts.findActiveByEmail(tenantId, email);
  }

  /** A single-use password-reset token for the account, valid for `lifetimeMs`; returns the secret to send. */
  async issuePasswordResetToken(userId: string, tenantId: string | null, lifetimeMs: number): Promise<string> {
    const secret = issueSecret('prt', tenantId);
    await this.accountTokens.insert({ tenantId, userId, purpose: 'PASSWORD_RESET', hash: secret.hash, expiresAt: new Date(this.clock.now().getTime() + lifetimeMs) });
    return secret.token;
  }

  /** Uses a password-reset token once; returns its account, or null. In the caller's unit. */
  consumePasswordResetToken(secret: ParsedSecret): Promise<string | null> {
    return this.accountTokens.consume('PASSWORD_RESET', secret.hash, this.clock.now());
  }

  async emailOf(userId: string): Promise<string | null> {
    return (await this.accounts.secondFactorOf(userId))?.email ?? null;
  }

  /** Sets a new password hash (hashed by the caller, outside any transaction); every access token ends. */
  async setPasswordHash(userId: string, passwordHash: string): Promise<void> {
    await this.accounts.setPassword(userId, passwordHash);
  }

  /** Starts TOTP enrolment: a new secret, returned once as an otpauth:// URI for the app to scan. */
  async beginTotpEnrolment(): Promise<string> {
    const userId = personIdOf(this.context.actor);
    return this.transactions.run(async () => {
      const account = await this.accounts.secondFactorOf(userId);
      if (!account) throw IdentityErrors.USER_NOT_FOUND('User not found');
      if (account.totpEnrolledAt) throw IdentityErrors.SECOND_FACTOR_ALREADY_ENROLLED('A second factor is already enrolled');
      const secret = newTotpSecret();
      await this.accounts.setTotpSecret(userId, this.secrets.seal(secret));
      return totpUri(secret, account.email);
    });
  }

  /** Completes enrolment with a first code from the app. In the caller's unit of work. */
  async confirmTotpEnrolment(userId: string, code: string): Promise<Date> {
    const account = await this.accounts.secondFactorOf(userId);
    if (!account?.totpSecret || account.totpEnrolledAt) throw IdentityErrors.NO_ENROLMENT_IN_PROGRESS('No second-factor enrolment in progress');
    const now = this.clock.now();
    const secret = this.secrets.open(account.totpSecret);
    if (!secret || !isValidTotpCode(secret, code, now)) {
      throw IdentityErrors.SECOND_FACTOR_CODE_WRONG('is not the current code of the authenticator app', { field: 'code' });
    }
    await this.accounts.markTotpEnrolled(userId, now);
    await this.audit.record({ action: 'auth.totp.enrolled', subjectType: 'User', subjectId: userId });
    return now;
  }

  /** Whether the code is the current one of the account's enrolled second factor. In the caller's unit. */
  async verifySecondFactor(userId: string, code: string): Promise<boolean> {
    const account = await this.accounts.secondFactorOf(userId);
    if (!account?.totpEnrolledAt || !account.totpSecret) throw IdentityErrors.SECOND_FACTOR_NOT_ENROLLED('Enrol a second factor first');
    const secret = this.secrets.open(account.totpSecret);
    return Boolean(secret && isValidTotpCode(secret, code, this.clock.now()));
  }

  /**
   * The session check (auth) read the account in the request's first statement: `me` answers from
   * it instead of reading it again. Per request only, so it is never staler than the request.
   */
  rememberForRequest(access: AccountAccess): void {
    this.context.requestScoped(CURRENT_ACCOUNT, () => new Map<string, UserAccount>()).set(access.account.id, access.account);
  }

  /** The logged-in person's own account. */
  me(): Promise<UserAccount> {
    const id = personIdOf(this.context.actor);
    const remembered = this.context.requestScoped(CURRENT_ACCOUNT, () => new Map<string, UserAccount>()).get(id);
    if (remembered) return Promise.resolve(remembered);
    return this.transactions.run(async () => {
      const account = await this.accounts.findById(id);
      if (!account) throw IdentityErrors.USER_NOT_FOUND('User not found');
      return account;
    });
  }
}
