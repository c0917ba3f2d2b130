import { applyDecorators, SetMetadata } from '@nestjs/common';
import { Role } from './roles';

export const ACCESS_RULE = 'chancery:access-rule';

/**
 * Who may call an operation. Every resolver method and controller route carries exactly one rule;
 * the access guard refuses anything without one (deny by default) and a test lists every operation
 * with its rule.
 */
export type AccessRule =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  | { kind: 'person' }
  | { kind: 'roles'; roles: readonly Role[]; stepUp?: boolean };

/** Anyone, including anonymous callers (public datasheets, verification, registration, login). */
export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

/** Any authenticated caller, a logged-in person or an integration's API key (reads scoped by the policy). */
export const Authenticated = () => SetMetadata(ACCESS_RULE, { kind: 'authenticated' } satisfies AccessRule);

/** A logged-in person, whatever their roles, never an API key (their own profile, sessions, logout). */
export const AuthenticatedPerson = () => SetMetadata(ACCESS_RULE, { kind: 'person' } satisfies AccessRule);

/** A user holding at least one of the roles, in the tenant of the session. */
export const RequireRoles = (...roles: Role[]) =>
  SetMetadata(ACCESS_RULE, { kind: 'roles', roles } satisfies AccessRule);

/** As RequireRoles, and the session passed a second-factor check within the last few minutes. */
export const RequireStepUp = (...roles: Role[]) =>
  applyDecorators(SetMetadata(ACCESS_RULE, { kind: 'roles', roles, stepUp: true } satisfies AccessRule));
