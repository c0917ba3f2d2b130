/**
 * What identity announces to the contexts above it (auth ends sessions on these), published inside
 * the unit of work of the change: a listener that fails rolls the change back.
 */
export const ACCOUNT_DISABLED = 'identity.account.disabled';

export interface AccountDisabled {
  userId: string;
  tenantId: string | null;
}

/** An administrator removed the account's second factor (a lost phone): its sessions end, it enrols again. */
export const SECOND_FACTOR_REMOVED = 'identity.account.second-factor-removed';
