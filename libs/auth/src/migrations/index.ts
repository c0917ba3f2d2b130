import { Auth1765000000200 } from './1765000000200-auth';
import { AuthHardening1765100000200 } from './1765100000200-auth-hardening';

export const AUTH_MIGRATIONS = [Auth1765000000200, AuthHardening1765100000200];
