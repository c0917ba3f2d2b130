import { Role } from '@chancery/access';
import { AccountAccess } from '../accounts/account-access';

/**
 * Roles that must have a second factor (SPEC §6: signing is a high-value act; administering a tenant,
 * or the platform, holds the keys to others' accounts: the operator resets a tenant administrator's
 * second factor and destroys a departed tenant's data).
 */
export const ROLES_REQUIRING_TOTP: readonly Role[] = [Role.SIGNER, Role.TENANT_ADMIN, Role.PLATFORM_ADMIN];

type SecondFactorFacts = Pick<AccountAccess, 'loginMethod' | 'roles' | 'tenantId' | 'organisationId' | 'tenantRequiresStaffSecondFactor'>;

/**
 * Whether the account is required to have a second factor: its company chose password + TOTP, it
 * holds such a role, or it belongs to the staff of a tenant that requires one of all its staff (a
 * tenant's account outside any company; the users of its companies follow their company's choice).
 */
export function secondFactorRequired(account: SecondFactorFacts): boolean {
  return (
    account.loginMethod === 'PASSWORD_AND_TOTP' ||
    account.roles.some((role) => ROLES_REQUIRING_TOTP.includes(role)) ||
    (account.tenantRequiresStaffSecondFactor && account.tenantId !== null && account.organisationId === null)
  );
}

/** Required and not yet enrolled: the session may enrol, and little else. */
export function secondFactorMissing(account: SecondFactorFacts & Pick<AccountAccess, 'totpEnrolledAt'>): boolean {
  return !account.totpEnrolledAt && secondFactorRequired(account);
}
