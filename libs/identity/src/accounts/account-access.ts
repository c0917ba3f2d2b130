import { Role } from '@chancery/access';
import { UserAccount } from '../entities/user-account.entity';

/**
 * What identity publishes to auth for the per-request session check: the view `account_access`
 * (migration 1765000000100) and its shape. Auth reads the view in the same statement as the session;
 * only identity knows its columns, through these two helpers.
 */
export interface AccountAccess {
  /** The account as `me` answers it (no password hash, no second-factor secret, no signature image). */
  account: UserAccount;
  status: string;
  tokenVersion: number;
  tenantId: string | null;
  organisationId: string | null;
  totpEnrolledAt: Date | null;
  /** The company's login method (PASSWORD_AND_TOTP requires a second factor); null for staff. */
  loginMethod: string | null;
  /** The account's tenant requires a second factor of all its staff (whether it binds this account: `secondFactorRequired`). */
  tenantRequiresStaffSecondFactor: boolean;
  roles: Role[];
}

const VIEW_COLUMNS: ReadonlyArray<[column: string, property: string]> = [
  ['id', 'id'],
  ['tenant_id', 'tenantId'],
  ['organisation_id', 'organisationId'],
  ['email', 'email'],
  ['first_name', 'firstName'],
  ['last_name', 'lastName'],
  ['phone', 'phone'],
  ['job_title', 'jobTitle'],
  ['preferred_language', 'preferredLanguage'],
  ['status', 'status'],
  ['token_version', 'tokenVersion'],
  ['totp_enrolled_at', 'totpEnrolledAt'],
  ['email_confirmed_at', 'emailConfirmedAt'],
  ['last_login_at', 'lastLoginAt'],
  ['created_at', 'createdAt'],
  ['login_method', 'loginMethod'],
  ['roles', 'roles'],
  ['staff_second_factor_required', 'tenantRequiresStaffSecondFactor'],
];

/** The select list of `account_access` under an alias, each column prefixed `account.` in the row. */
export function accountAccessColumns(alias: string): string {
  return VIEW_COLUMNS.map(([column, property]) => `${alias}.${column} AS "account.${property}"`).join(', ');
}

/** The account part of a row selected with `accountAccessColumns`. */
export function accountAccessOf(row: Record<string, unknown>): AccountAccess {
  const values = Object.fromEntries(VIEW_COLUMNS.map(([, property]) => [property, row[`account.${property}`]])) as Record<string, unknown>;
  const { loginMethod, tenantRequiresStaffSecondFactor, ...accountFields } = values;
  const account = Object.assign(new UserAccount(), accountFields) as UserAccount;
  return {
    account,
    status: account.status,
    tokenVersion: account.tokenVersion,
    tenantId: account.tenantId,
    organisationId: account.organisationId,
    totpEnrolledAt: account.totpEnrolledAt,
    loginMethod: (loginMethod as string | null) ?? null,
    tenantRequiresStaffSecondFactor: tenantRequiresStaffSecondFactor === true,
    roles: (account.roles ?? []) as Role[],
  };
}
