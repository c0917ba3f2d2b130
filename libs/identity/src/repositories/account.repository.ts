import { Injectable } from '@nestjs/common';
import { Role } from '@chancery/access';
import { columnOf, GenerateSql, selectColumns, Sql, SQL_EXAMPLE, sqlStateOf, toEntity } from '@chancery/core';
import { accountAccessColumns, AccountAccess, accountAccessOf } from '../accounts/account-access';
import { UserAccount, UserStatus } from '../entities/user-account.entity';

/** An account's columns a reader may be shown: never the password hash, the second-factor secret or the (large) signature image. */
const ACCOUNT = selectColumns(UserAccount, 'u', { except: ['passwordHash', 'totpSecret', 'signatureImage'] });
const ROLES = `ARRAY(SELECT r.role FROM user_role r WHERE r.user_id = u.id ORDER BY r.role) AS roles`;

/**
 * The database refuses an ACTIVE account of a company whose registration is not confirmed, whatever
 * writes it (migration ActiveAccountsOfConfirmedCompanies): only its registrant's confirmation
 * activates one, after confirming the company.
 */
export function isActivationOfUnconfirmedCompany(error: unknown): boolean {
  return sqlStateOf(error) === 'CTI01';
}

/** Whose accounts an administrator manages: a company's users, or (organisationId null) the tenant's staff. */
export interface ManagedScope {
  tenantId: string;
  organisationId: string | null;
}

export interface NewAccount {
  tenantId: string | null;
  organisationId: string | null;
  email: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  jobTitle: string | null;
  preferredLanguage: string;
  passwordHash: string;
  status: UserStatus;
  emailConfirmedAt: Date | null;
  totpSecret?: string | null;
  totpEnrolledAt?: Date | null;
}

export type ProfileChanges = Partial<Pick<UserAccount, 'firstName' | 'lastName' | 'phone' | 'jobTitle' | 'preferredLanguage'>>;

/**
 * What login needs to decide: the account's state, and its credentials kept private to identity
 * (`AccountsService` compares them; callers never read a hash or a secret).
 */
export class LoginCandidate {
  constructor(
    readonly access: AccountAccess,
    /** @internal identity only */
    readonly passwordHash: string | null,
    /** @internal identity only: sealed */
    readonly totpSecret: string | null,
    /** @internal identity only: the last second-factor time step accepted (a code works once) */
    readonly totpLastStep: number | null = null,
  ) {}

  get id(): string {
    return this.access.account.id;
  }
}

function candidateOf(row: Record<string, unknown>): LoginCandidate {
  return new LoginCandidate(accountAccessOf(row), row.passwordHash as string | null, row.totpSecret as string | null, row.totpLastStep as number | null);
}

/** The `user_account` and `user_role` tables: a person's account and the roles they hold. */
@Injectable()
export class AccountRepository {
  constructor(private readonly sql: Sql) {}

  @GenerateSql({ params: [SQL_EXAMPLE.userId] })
  async findById(id: string): Promise<UserAccount | null> {
    const [row] = await this.sql.query(`SELECT ${ACCOUNT}, ${ROLES} FROM user_account u WHERE u.id = $1`, [id]);
    return row ? toEntity(UserAccount, row) : null;
  }

  /** The accounts an administrator manages, with their roles, in one statement. */
  @GenerateSql({ params: [{ tenantId: SQL_EXAMPLE.tenantId, organisationId: SQL_EXAMPLE.organisationId }] })
  async listManaged(scope: ManagedScope): Promise<UserAccount[]> {
    const rows = await this.sql.query(
      `SELECT ${ACCOUNT}, ${ROLES} FROM user_account u
        WHERE u.tenant_id = $1 AND u.organisation_id IS NOT DISTINCT FROM $2::uuid
        ORDER BY u.last_name COLLATE natural_order, u.first_name COLLATE natural_order, u.id`,
      [scope.tenantId, scope.organisationId],
    );
    return rows.map((row) => toEntity(UserAccount, row));
  }

  /** One managed account; another scope's (or a missing) id finds nothing. */
  @GenerateSql({ params: [SQL_EXAMPLE.userId, { tenantId: SQL_EXAMPLE.tenantId, organisationId: null }] })
  async findManaged(id: string, scope: ManagedScope): Promise<UserAccount | null> {
    const [row] = await this.sql.query(
      `SELECT ${ACCOUNT}, ${ROLES} FROM user_account u
        WHERE u.id = $3 AND u.tenant_id = $1 AND u.organisation_id IS NOT DISTINCT FROM $2::uuid`,
      [scope.tenantId, scope.organisationId, id],
    );
    return row ? toEntity(UserAccount, row) : null;
  }

  /** The account of an e-mail address in a tenant (null: the platform operator's accounts), whatever its status. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, 'ann@example.test'] })
  async findIdByEmail(tenantId: string | null, email: string): Promise<string | null> {
    const [row] = await this.sql.query<{ id: string }>(
      `SELECT u.id FROM user_account u WHERE u.email = $1 AND u.tenant_id IS NOT DISTINCT FROM $2::uuid`,
      [email, tenantId],
    );
    return row?.id ?? null;
  }

  /**
   * The account of an e-mail address among the users of the tenant's companies, with its roles, whatever
   * its status: the staff's way to a company's user (appointing its administrator). A registration not
   * confirmed yet is no company here (OrganisationRepository.findById): its registrant is found as an
   * address nobody has; so are the tenant's staff.
   */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, 'ann@example.test'] })
  async findCompanyUserByEmail(tenantId: string, email: string): Promise<UserAccount | null> {
    const [row] = await this.sql.query(
      `SELECT ${ACCOUNT}, ${ROLES} FROM user_account u
        WHERE u.email = $2 AND u.tenant_id = $1
          AND EXISTS (SELECT 1 FROM organisation o WHERE o.id = u.organisation_id AND o.tenant_id = u.tenant_id AND o.confirmed_at IS NOT NULL)`,
      [tenantId, email],
    );
    return row ? toEntity(UserAccount, row) : null;
  }

  /** The account of an e-mail address in a tenant if it is ACTIVE: for login-side flows (password reset), never for data-subject requests. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, 'ann@example.test'] })
  async findActiveByEmail(tenantId: string | null, email: string): Promise<{ id: string; email: string; preferredLanguage: string } | null> {
    const [row] = await this.sql.query<{ id: string; email: string; preferredLanguage: string }>(
      `SELECT u.id, u.email, u.preferred_language AS "preferredLanguage" FROM user_account u
        WHERE u.email = $1 AND u.tenant_id IS NOT DISTINCT FROM $2::uuid AND u.status = 'ACTIVE'`,
      [email, tenantId],
    );
    return row ?? null;
  }

  @GenerateSql({ params: [{ tenantId: SQL_EXAMPLE.tenantId, organisationId: SQL_EXAMPLE.organisationId, email: 'ann@example.test', firstName: 'Ann', lastName: 'Example', phone: null, jobTitle: null, preferredLanguage: 'nl', passwordHash: 'x', status: 'ACTIVE', emailConfirmedAt: null }] })
  async insert(account: NewAccount): Promise<string> {
    const [row] = await this.sql.query<{ id: string }>(
      `INSERT INTO user_account (tenant_id, organisation_id, email, first_name, last_name, phone, job_title, preferred_language,
                                 password_hash, status, email_confirmed_at, totp_secret, totp_enrolled_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        account.tenantId, account.organisationId, account.email, account.firstName, account.lastName, account.phone,
        account.jobTitle, account.preferredLanguage, account.passwordHash, account.status, account.emailConfirmedAt,
        account.totpSecret ?? null, account.totpEnrolledAt ?? null,
      ],
    );
    return row!.id;
  }

  /** Grants roles (already held ones are left as they are). */
  @GenerateSql({ params: [SQL_EXAMPLE.userId, SQL_EXAMPLE.tenantId, ['ORG_MEMBER'], null] })
  async grantRoles(userId: string, tenantId: string | null, roles: readonly Role[], grantedBy: string | null): Promise<void> {
    if (roles.length === 0) return;
    await this.sql.query(
      `INSERT INTO user_role (tenant_id, user_id, role, granted_by) SELECT $1, $2, unnest($3::text[]), $4 ON CONFLICT DO NOTHING`,
      [tenantId, userId, roles, grantedBy],
    );
  }

  @GenerateSql({ params: [SQL_EXAMPLE.userId, ['ORG_MEMBER']] })
  async withdrawRoles(userId: string, roles: readonly Role[]): Promise<void> {
    if (roles.length === 0) return;
    await this.sql.query(`DELETE FROM user_role r WHERE r.user_id = $1 AND r.role = ANY($2::text[])`, [userId, roles]);
  }

  /** Disabled (closed, from `at`): the account's access tokens stop at the next request (token version). */
  @GenerateSql({ params: [SQL_EXAMPLE.userId, SQL_EXAMPLE.at] })
  async disable(userId: string, at: Date): Promise<void> {
    await this.sql.query(
      `UPDATE user_account u SET status = 'DISABLED', disabled_at = coalesce(u.disabled_at, $2), token_version = token_version + 1 WHERE u.id = $1`,
      [userId, at],
    );
  }

  /** Ends every access token issued so far (logout everywhere, password change). */
  @GenerateSql({ params: [SQL_EXAMPLE.userId] })
  async bumpTokenVersion(userId: string): Promise<void> {
    await this.sql.query(`UPDATE user_account u SET token_version = token_version + 1 WHERE u.id = $1`, [userId]);
  }

  /** A pending account becomes active once its address is confirmed. */
  @GenerateSql({ params: [SQL_EXAMPLE.userId, SQL_EXAMPLE.at] })
  async confirmEmail(userId: string, at: Date): Promise<void> {
    await this.sql.query(
      `UPDATE user_account u SET status = 'ACTIVE', email_confirmed_at = $2 WHERE u.id = $1 AND u.status = 'PENDING_CONFIRMATION'`,
      [userId, at],
    );
  }

  @GenerateSql({ params: [SQL_EXAMPLE.userId, { firstName: 'Ann', phone: '+32470000000' }] })
  async updateProfile(id: string, changes: ProfileChanges): Promise<void> {
    const entries = Object.entries(changes).filter(([, value]) => value !== undefined) as Array<[keyof ProfileChanges, unknown]>;
    if (entries.length === 0) return;
    const assignments = entries.map(([property], i) => `${columnOf(UserAccount, property)} = $${i + 2}`);
    await this.sql.query(`UPDATE user_account u SET ${assignments.join(', ')} WHERE u.id = $1`, [id, ...entries.map(([, value]) => value)]);
  }

  @GenerateSql({ params: [SQL_EXAMPLE.userId, 'data:image/png;base64,AA=='] })
  async setSignatureImage(id: string, image: string | null): Promise<void> {
    await this.sql.query(`UPDATE user_account u SET signature_image = $2 WHERE u.id = $1`, [id, image]);
  }

  @GenerateSql({ params: [SQL_EXAMPLE.userId] })
  async signatureImageOf(id: string): Promise<string | null> {
    const [row] = await this.sql.query<{ image: string | null }>(`SELECT u.signature_image AS image FROM user_account u WHERE u.id = $1`, [id]);
    return row?.image ?? null;
  }

  /** Whether the account has a signature image stored (without reading the image). */
  @GenerateSql({ params: [SQL_EXAMPLE.userId] })
  async hasSignatureImage(id: string): Promise<boolean> {
    const [row] = await this.sql.query<{ stored: boolean }>(`SELECT u.signature_image IS NOT NULL AS stored FROM user_account u WHERE u.id = $1`, [id]);
    return row?.stored === true;
  }

  /** Credentials and state of one account, by id (step-up by password). */
  @GenerateSql({ params: [SQL_EXAMPLE.userId] })
  async credentialsOf(userId: string): Promise<LoginCandidate | null> {
    const [row] = await this.sql.query(
      `SELECT u.password_hash AS "passwordHash", u.totp_secret AS "totpSecret", u.totp_last_step::float8 AS "totpLastStep", ${accountAccessColumns('a')}
         FROM user_account u JOIN account_access a ON a.id = u.id WHERE u.id = $1`,
      [userId],
    );
    return row ? candidateOf(row) : null;
  }

  /** Credentials and state of the account an e-mail names in a tenant (null: the platform's). */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, 'ann@example.test'] })
  async loginCandidate(tenantId: string | null, email: string): Promise<LoginCandidate | null> {
    const [row] = await this.sql.query(
      `SELECT u.password_hash AS "passwordHash", u.totp_secret AS "totpSecret", u.totp_last_step::float8 AS "totpLastStep", ${accountAccessColumns('a')}
         FROM user_account u JOIN account_access a ON a.id = u.id
        WHERE u.email = $1 AND u.tenant_id IS NOT DISTINCT FROM $2::uuid`,
      [email, tenantId],
    );
    return row ? candidateOf(row) : null;
  }

  /** The account's state as the session checks read it (status, token version, roles, second factor). */
  @GenerateSql({ params: [SQL_EXAMPLE.userId] })
  async accessOf(userId: string): Promise<AccountAccess | null> {
    const [row] = await this.sql.query(`SELECT ${accountAccessColumns('a')} FROM account_access a WHERE a.id = $1`, [userId]);
    return row ? accountAccessOf(row) : null;
  }

  @GenerateSql({ params: [SQL_EXAMPLE.userId] })
  async secondFactorOf(userId: string): Promise<{ email: string; totpSecret: string | null; totpEnrolledAt: Date | null } | null> {
    const [row] = await this.sql.query<{ email: string; totpSecret: string | null; totpEnrolledAt: Date | null }>(
      `SELECT u.email, u.totp_secret AS "totpSecret", u.totp_enrolled_at AS "totpEnrolledAt" FROM user_account u WHERE u.id = $1`,
      [userId],
    );
    return row ?? null;
  }

  @GenerateSql({ params: [SQL_EXAMPLE.userId, 'v1.sealed'] })
  async setTotpSecret(userId: string, sealedSecret: string): Promise<void> {
    await this.sql.query(`UPDATE user_account u SET totp_secret = $2 WHERE u.id = $1`, [userId, sealedSecret]);
  }

  @GenerateSql({ params: [SQL_EXAMPLE.userId, SQL_EXAMPLE.at] })
  async markTotpEnrolled(userId: string, at: Date): Promise<void> {
    await this.sql.query(`UPDATE user_account u SET totp_enrolled_at = $2 WHERE u.id = $1`, [userId, at]);
  }

  /**
   * The person's own change: the new password only if the stored hash is still the one their current
   * password was checked against (the UPDATE is the check: of two changes at once, one wins). Every
   * access token issued so far stops working. False: it was changed meanwhile.
   */
  @GenerateSql({ params: [SQL_EXAMPLE.userId, 'x', 'y'] })
  async replacePassword(userId: string, checkedHash: string, passwordHash: string): Promise<boolean> {
    const rows = await this.sql.query(
      `UPDATE user_account u SET password_hash = $3, token_version = token_version + 1 WHERE u.id = $1 AND u.password_hash = $2 RETURNING u.id`,
      [userId, checkedHash, passwordHash],
    );
    return rows.length === 1;
  }

  /** A new password; every access token issued so far stops working. */
  @GenerateSql({ params: [SQL_EXAMPLE.userId, 'x'] })
  async setPassword(userId: string, passwordHash: string): Promise<void> {
    await this.sql.query(`UPDATE user_account u SET password_hash = $2, token_version = token_version + 1 WHERE u.id = $1`, [userId, passwordHash]);
  }

  @GenerateSql({ params: [SQL_EXAMPLE.userId, SQL_EXAMPLE.at] })
  async recordLogin(userId: string, at: Date): Promise<void> {
    await this.sql.query(`UPDATE user_account u SET last_login_at = $2 WHERE u.id = $1`, [userId, at]);
  }

  /**
   * Which tenants (null: the platform) have an account with this address. Only in the
   * `lookingUpLoginAddress` scope, where row-level security shows these rows and nothing else.
   */
  @GenerateSql({ params: ['ann@example.test'] })
  async tenantsWithAddress(email: string): Promise<Array<string | null>> {
    const rows = await this.sql.query<{ tenantId: string | null }>(`SELECT u.tenant_id AS "tenantId" FROM user_account u WHERE u.email = $1 ORDER BY u.tenant_id NULLS FIRST`, [email]);
    return rows.map((row) => row.tenantId);
  }

  /**
   * Records a second-factor time step as used, if it is later than the last one: the UPDATE is the
   * check, so two requests with one code cannot both pass. False: the code was already used.
   */
  @GenerateSql({ params: [SQL_EXAMPLE.userId, 58_000_000] })
  async useTotpStep(userId: string, step: number): Promise<boolean> {
    const rows = await this.sql.query(
      `UPDATE user_account u SET totp_last_step = $2 WHERE u.id = $1 AND (u.totp_last_step IS NULL OR u.totp_last_step < $2) RETURNING u.id`,
      [userId, step],
    );
    return rows.length === 1;
  }

  /** The second factor removed (a lost phone): the person enrols again; every access token ends. */
  @GenerateSql({ params: [SQL_EXAMPLE.userId] })
  async removeSecondFactor(userId: string): Promise<void> {
    await this.sql.query(
      `UPDATE user_account u SET totp_secret = NULL, totp_enrolled_at = NULL, totp_last_step = NULL, token_version = token_version + 1 WHERE u.id = $1`,
      [userId],
    );
  }

  /**
   * Serialises changes to who administers a company (or a tenant's staff) until the transaction
   * ends: two administrators withdrawing each other at once cannot both pass the last-admin check.
   */
  @GenerateSql({ params: [{ tenantId: SQL_EXAMPLE.tenantId, organisationId: SQL_EXAMPLE.organisationId }] })
  async lockAdministration(scope: ManagedScope): Promise<void> {
    await this.sql.query(`SELECT pg_advisory_xact_lock(hashtextextended('administration:' || $1 || ':' || coalesce($2, 'staff'), 0))`, [scope.tenantId, scope.organisationId]);
  }

  /** Active accounts of the scope holding the role, not counting `except`. */
  @GenerateSql({ params: [{ tenantId: SQL_EXAMPLE.tenantId, organisationId: SQL_EXAMPLE.organisationId }, 'ORG_ADMIN', [SQL_EXAMPLE.userId]] })
  async countActiveHolders(scope: ManagedScope, role: Role, except: readonly string[]): Promise<number> {
    const [row] = await this.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM user_account u JOIN user_role r ON r.user_id = u.id
        WHERE u.tenant_id = $1 AND u.organisation_id IS NOT DISTINCT FROM $2::uuid AND r.role = $3 AND u.status = 'ACTIVE' AND u.id <> ALL($4::uuid[])`,
      [scope.tenantId, scope.organisationId, role, except],
    );
    return row!.n;
  }

  /** The active accounts of the scope holding the role: their ids and login addresses. */
  @GenerateSql({ params: [{ tenantId: SQL_EXAMPLE.tenantId, organisationId: null }, 'TENANT_ADMIN'] })
  async activeHolders(scope: ManagedScope, role: Role): Promise<Array<{ id: string; email: string }>> {
    return this.sql.query<{ id: string; email: string }>(
      `SELECT u.id, u.email FROM user_account u JOIN user_role r ON r.user_id = u.id
        WHERE u.tenant_id = $1 AND u.organisation_id IS NOT DISTINCT FROM $2::uuid AND r.role = $3 AND u.status = 'ACTIVE' ORDER BY u.id`,
      [scope.tenantId, scope.organisationId, role],
    );
  }

  /**
   * The tenant's active staff without a second factor, with what their e-mail needs (the tenant now
   * requires one of all its staff). Staff: the tenant's accounts outside any company.
   */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId] })
  async activeStaffWithoutSecondFactor(tenantId: string): Promise<Array<{ id: string; email: string; preferredLanguage: string }>> {
    return this.sql.query<{ id: string; email: string; preferredLanguage: string }>(
      `SELECT u.id, u.email, u.preferred_language AS "preferredLanguage" FROM user_account u
        WHERE u.tenant_id = $1 AND u.organisation_id IS NULL AND u.status = 'ACTIVE' AND u.totp_enrolled_at IS NULL ORDER BY u.id`,
      [tenantId],
    );
  }

  /** How many of the tenant's active staff have no second factor yet. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId] })
  async countActiveStaffWithoutSecondFactor(tenantId: string): Promise<number> {
    const [row] = await this.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM user_account u
        WHERE u.tenant_id = $1 AND u.organisation_id IS NULL AND u.status = 'ACTIVE' AND u.totp_enrolled_at IS NULL`,
      [tenantId],
    );
    return row!.n;
  }

  /** Whether the scope (a company, or the tenant's staff) has an account with this address. */
  @GenerateSql({ params: [{ tenantId: SQL_EXAMPLE.tenantId, organisationId: SQL_EXAMPLE.organisationId }, 'ann@example.test'] })
  async existsInScope(scope: ManagedScope, email: string): Promise<boolean> {
    const rows = await this.sql.query(
      `SELECT 1 FROM user_account u WHERE u.tenant_id = $1 AND u.organisation_id IS NOT DISTINCT FROM $2::uuid AND u.email = $3`,
      [scope.tenantId, scope.organisationId, email],
    );
    return rows.length > 0;
  }

  /** A disabled account active again; its old tokens stay ended (the version moved on when it was disabled). */
  @GenerateSql({ params: [SQL_EXAMPLE.userId] })
  async enable(userId: string): Promise<boolean> {
    const rows = await this.sql.query(`UPDATE user_account u SET status = 'ACTIVE', disabled_at = NULL WHERE u.id = $1 AND u.status = 'DISABLED' RETURNING u.id`, [userId]);
    return rows.length === 1;
  }

  /** Accounts closed (disabled) longer than `retention` before `now`: the ACCOUNT rule's due accounts, for other contexts' records of them. */
  @GenerateSql({ params: [SQL_EXAMPLE.at, '12 months'] })
  async closedBefore(now: Date, retention: string): Promise<string[]> {
    const rows = await this.sql.query<{ id: string }>(
      `SELECT u.id FROM user_account u WHERE u.status = 'DISABLED' AND u.disabled_at < $1::timestamptz - $2::interval ORDER BY u.id`,
      [now, retention],
    );
    return rows.map((row) => row.id);
  }
}
