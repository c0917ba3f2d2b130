import { Injectable } from '@nestjs/common';
import { demandRecentAuthentication } from '@chancery/access';
import { AuditLog } from '@chancery/audit';
import { Clock, issueSecret, ParsedSecret, PasswordHasher, personIdOf, RequestContext, SecretBox, TransactionRunner } from '@chancery/core';
import { Mailer } from '@chancery/notifications';
import { AccountAccess } from '../accounts/account-access';
import { PASSWORD_CHANGED, RECOVERY_CODE_USED, SECOND_FACTOR_ENROLLED } from '../email/identity-emails';
import { UserAccount } from '../entities/user-account.entity';
import { IdentityErrors } from '../identity.errors';
import { AccountRepository, LoginCandidate } from '../repositories/account.repository';

export type { LoginCandidate };
import { AccountTokenRepository } from '../repositories/account-token.repository';
import { RecoveryCodeCount, RecoveryCodeRepository } from '../repositories/recovery-code.repository';
import { canonicalRecoveryCode, newRecoveryCodes } from '../second-factor/recovery-codes';
import { newTotpSecret, totpStepOf, totpUri } from '../second-factor/totp';
import { normaliseEmailAddress } from '../validation/email-address';

/** The account of the request's person, as the session check read it (see `rememberForRequest`). */
const CURRENT_ACCOUNT = 'identity.currentAccount';

/** The purpose recovery codes are hashed under (`SecretBox.keyedHash`). */
const RECOVERY_CODE_HASH = 'recovery-code';

/** New recovery codes, shown to the person once. */
export interface IssuedRecoveryCodes {
  codes: string[];
  generatedAt: Date;
}

export type { RecoveryCodeCount };

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
    private readonly passwords: PasswordHasher,
    private readonly mailer: Mailer,
    private readonly recoveryCodes: RecoveryCodeRepository,
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
    return this.passwords.verify(candidate?.passwordHash ?? null, password);
  }

  /**
   * The time step of a code that is current for the candidate's enrolled second factor and not yet
   * used, or null. The caller then spends it with `useSecondFactorStep`, in the unit that acts on it.
   */
  secondFactorStep(candidate: LoginCandidate, code: string | undefined): number | null {
    if (!candidate.access.totpEnrolledAt || !code) return null;
    const secret = this.secrets.open(candidate.totpSecret);
    return secret ? totpStepOf(secret, code, this.clock.now(), candidate.totpLastStep) : null;
  }

  /** Spends a second-factor time step: false when another request used it (or a later one) first. In the caller's unit. */
  useSecondFactorStep(userId: string, step: number): Promise<boolean> {
    return this.accounts.useTotpStep(userId, step);
  }

  /**
   * The hash a recovery code is looked up by, when the candidate has a second factor (null otherwise,
   * or when it is not a code's shape). Keyed by the account, so one code's hash means nothing for
   * another account. The caller spends it with `useRecoveryCode`, in the unit that acts on it.
   *
   * HMAC-SHA-256, not argon2: a code has 50 random bits, so a slow hash adds nothing against guessing
   * through the login (attempt limits do that); the server key keeps a copy of the database alone from
   * being checked against guesses offline.
   */
  recoveryCodeHash(candidate: LoginCandidate, typed: string | undefined): Buffer | null {
    if (!candidate.access.totpEnrolledAt || !typed) return null;
    const code = canonicalRecoveryCode(typed);
    return code ? this.hashRecoveryCode(candidate.id, code) : null;
  }

  /**
   * Spends a recovery code of the candidate (false: no such unused code, or another login spent it
   * first), audits it with the number left, and tells the person by e-mail. In the caller's unit.
   */
  async useRecoveryCode(candidate: LoginCandidate, hash: Buffer): Promise<boolean> {
    const now = this.clock.now();
    const remaining = await this.recoveryCodes.use(candidate.id, hash, now);
    if (remaining === null) return false;
    const { account, tenantId } = candidate.access;
    await this.audit.record({ action: 'auth.recoveryCode.used', subjectType: 'User', subjectId: candidate.id, tenantId, details: { remaining } });
    await this.mailer.queue(RECOVERY_CODE_USED, { tenantId, to: account.email, language: account.preferredLanguage, values: { at: now.toISOString(), remaining } });
    return true;
  }

  /**
   * New recovery codes for an account with a second factor: they replace every earlier one (used or
   * not), only their hashes are kept, and the codes are returned to be shown once. In the caller's unit.
   */
  async issueRecoveryCodes(userId: string): Promise<IssuedRecoveryCodes> {
    const account = await this.accounts.secondFactorOf(userId);
    if (!account?.totpEnrolledAt) throw IdentityErrors.SECOND_FACTOR_NOT_ENROLLED('set up the authenticator app first', { field: 'totpCode' });
    const codes = newRecoveryCodes();
    const generatedAt = this.clock.now();
    const hashes = codes.map((code) => this.hashRecoveryCode(userId, canonicalRecoveryCode(code)!));
    const count = await this.recoveryCodes.replaceAll(userId, hashes, generatedAt);
    await this.audit.record({ action: 'auth.recoveryCodes.generated', subjectType: 'User', subjectId: userId, details: { count } });
    return { codes, generatedAt };
  }

  /** How many of the logged-in person's recovery codes are unused, and when they were made; never the codes. */
  myRecoveryCodeCount(): Promise<RecoveryCodeCount> {
    const userId = personIdOf(this.context.actor);
    return this.transactions.run(() => this.recoveryCodes.countOf(userId));
  }

  private hashRecoveryCode(userId: string, canonicalCode: string): Buffer {
    return this.secrets.keyedHash(RECOVERY_CODE_HASH, `${userId.toLowerCase()}:${canonicalCode}`);
  }

  /** Which tenants (null: the platform) have an account with this address; a login without a tenant asks. */
  tenantsWithAddress(email: string): Promise<Array<string | null>> {
    return this.transactions.lookingUpLoginAddress(email, () => this.accounts.tenantsWithAddress(email));
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

  /**
   * The account an e-mail names in a tenant whatever its state (active, disabled, awaiting the
   * confirmation of its address): whose data a data-subject request is about. An erased account keeps
   * only `erased-<id>@erased.invalid`, so no address finds it. Not for login or reset: those take
   * active accounts only (`findActiveByEmail`). In the caller's unit.
   */
  findIdByEmailAnyStatus(tenantId: string | null, email: string): Promise<string | null> {
    return this.accounts.findIdByEmail(tenantId, normaliseEmailAddress(email));
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

  /** Every unused reset link of the account stops working (a reset was completed). In the caller's unit. */
  async spendPasswordResetTokens(userId: string): Promise<void> {
    await this.accountTokens.spendAll(userId, 'PASSWORD_RESET', this.clock.now());
  }

  async emailOf(userId: string): Promise<string | null> {
    return (await this.accounts.secondFactorOf(userId))?.email ?? null;
  }

  /** Sets a new password hash (hashed by the caller, outside any transaction); every access token ends. In the caller's unit. */
  async setPasswordHash(userId: string, passwordHash: string): Promise<void> {
    await this.accounts.setPassword(userId, passwordHash);
  }

  /**
   * The person changed their own password: the new hash (if the stored one is still `checkedHash`, the
   * one their current password was checked against), every access token ended, and a notice to the
   * address. False, with nothing changed: another change came first. In the caller's unit.
   */
  async changePassword(userId: string, checkedHash: string, passwordHash: string): Promise<boolean> {
    if (!(await this.accounts.replacePassword(userId, checkedHash, passwordHash))) return false;
    await this.accountTokens.spendAll(userId, 'PASSWORD_RESET', this.clock.now());
    const account = await this.accounts.findById(userId);
    if (account) {
      await this.mailer.queue(PASSWORD_CHANGED, { tenantId: account.tenantId, to: account.email, language: account.preferredLanguage, values: { at: this.clock.now().toISOString() } });
    }
    return true;
  }

  /**
   * Starts TOTP enrolment: a new secret, returned once as an otpauth:// URI for the app to scan. Only
   * a session that logged in or re-authenticated lately: an old one (a laptop left open, a copied
   * token) must not put its own authenticator on the account and shut the owner out (review F10).
   */
  async beginTotpEnrolment(): Promise<string> {
    const userId = personIdOf(this.context.actor);
    demandRecentAuthentication(this.context.actor, this.clock.now());
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
    const step = secret ? totpStepOf(secret, code, now) : null;
    if (step === null) {
      throw IdentityErrors.SECOND_FACTOR_CODE_WRONG('is not the current code of the authenticator app', { field: 'code' });
    }
    await this.accounts.markTotpEnrolled(userId, now);
    // The enrolment code is spent: it cannot log in or step up a second time.
    await this.accounts.useTotpStep(userId, step);
    await this.audit.record({ action: 'auth.totp.enrolled', subjectType: 'User', subjectId: userId });
    // Told at once, as of a changed password: if it was not the owner, they hear of it before their next login fails.
    const owner = await this.accounts.findById(userId);
    if (owner) await this.mailer.queue(SECOND_FACTOR_ENROLLED, { tenantId: owner.tenantId, to: owner.email, language: owner.preferredLanguage, values: { at: now.toISOString() } });
    return now;
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

  /**
   * Ids of the accounts of the unit of work's tenant closed longer than `retention` (an interval)
   * before `now`: other contexts' retention sweeps forget what they keep of them (rule ACCOUNT).
   */
  closedPastRetention(now: Date, retention: string): Promise<string[]> {
    return this.accounts.closedBefore(now, retention);
  }
}
