import { Role } from '@chancery/core';

/** Staff roles that must have a second factor (SPEC §6: signing is a high-value act). */
export const ROLES_REQUIRING_TOTP: readonly Role[] = [Role.SIGNER, Role.TENANT_ADMIN];

export interface SecondFactorState {
  totp_enrolled_at: Date | null;
  login_method: string | null;
  roles: readonly Role[];
}

/** Whether the account is required to have a second factor. */
export function secondFactorRequired(account: Pick<SecondFactorState, 'login_method' | 'roles'>): boolean {
  return account.login_method === 'PASSWORD_AND_TOTP' || account.roles.some((role) => ROLES_REQUIRING_TOTP.includes(role));
}

/** Required and not yet enrolled: the session may enrol, and little else. */
export function secondFactorMissing(account: SecondFactorState): boolean {
  return !account.totp_enrolled_at && secondFactorRequired(account);
}
