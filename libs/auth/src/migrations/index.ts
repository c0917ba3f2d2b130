import { Auth1765000000200 } from './1765000000200-auth';

export const AUTH_MIGRATIONS = [Auth1765000000200];
