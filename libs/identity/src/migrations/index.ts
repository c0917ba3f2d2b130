import { Identity1765000000100 } from './1765000000100-identity';

export const IDENTITY_MIGRATIONS = [Identity1765000000100];
