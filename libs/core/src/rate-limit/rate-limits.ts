import { SetMetadata } from '@nestjs/common';

export const AUTHENTICATION_OPERATION = 'chancery:authentication-operation';

/**
 * Marks an operation that checks a secret or sends mail (login, refresh, registration, password
 * reset, invitations): it also counts against the stricter `authentication` limit per client address
 * (AUTH_RATE_LIMIT_PER_MINUTE). The per-account limit of login holds regardless.
 */
export const ThrottleAuthentication = () => SetMetadata(AUTHENTICATION_OPERATION, true);
