import { Role } from '@chancery/access';
import { AccountAccess } from '../accounts/account-access';

/** Staff roles that must have a second factor (SPEC §6: signing is a high-value act). */
export const ROLES_REQUIRING_TOTP: readonly Role[] = [Role.SIGNER, Role.TENANT_ADMIN];

/** Whether the account is required to have a second factor: its company chose password + TOTP, or it holds such a role. */
export function secondFactorRequired(account: Pick<AccountAccess, 'loginMethod' | 'roles'>): boolean {
  return account.loginMethod === 'PASSWORD_AND_TOTP' || account.roles.some((role) => ROLES_REQUIRING_TOTP.includes(role));
}

/** Required and not yet enrolled: the session may enrol, and little else. */
export function secondFactorMissing(account: Pick<AccountAccess, 'loginMethod' | 'roles' | 'totpEnrolledAt'>): boolean {
  return !account.totpEnrolledAt && secondFactorRequired(account);
}
