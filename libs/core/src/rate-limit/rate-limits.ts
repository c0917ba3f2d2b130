import { SetMetadata } from '@nestjs/common';

export const AUTHENTICATION_OPERATION = 'chancery:authentication-operation';

/**
 * Marks an operation that checks a guessable secret or sends mail (login, registration, password
 * reset, invitations): it also counts against the stricter `authentication` limit per client address
 * (AUTH_RATE_LIMIT_PER_MINUTE). The per-account limit of login holds regardless. Not a refresh: its
 * token is a 256-bit secret, and every page load of the portal refreshes.
 */
export const ThrottleAuthentication = () => SetMetadata(AUTHENTICATION_OPERATION, true);
