import { Identity1765000000100 } from './1765000000100-identity';
import { IdentityHardening1765100000100 } from './1765100000100-identity-hardening';
import { AccountClosureDate1767510000200 } from './1767510000200-account-closure-date';

export const IDENTITY_MIGRATIONS = [Identity1765000000100, IdentityHardening1765100000100, AccountClosureDate1767510000200];
