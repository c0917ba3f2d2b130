import { Role } from './roles';

export type ActorKind = 'anonymous' | 'user' | 'apiKey' | 'system';

/**
 * Who is acting. One shape for every caller so services, the policy engine, logs and the database
 * context read the same thing.
 */
export interface Actor {
  kind: ActorKind;
  /** The user (kind `user`) or the API key (kind `apiKey`). */
  id?: string;
  /** The tenant the actor acts in; absent for anonymous callers and the platform operator. */
  tenantId?: string;
  /** The company the actor acts for (organisation roles and organisation API keys). */
  organisationId?: string;
  roles: readonly Role[];
  /** The login session (refresh-token family) of a user actor. */
  sessionId?: string;
  /**
   * The account must enrol a second factor (its company chose password + TOTP, or it holds a role
   * that requires one) and has not yet: only enrolment and its own profile are open to it.
   */
  secondFactorMissing?: boolean;
  /** Set when the session passed a second-factor check recently (step-up). */
  steppedUpAt?: Date;
}

export const ANONYMOUS_ACTOR: Actor = Object.freeze({ kind: 'anonymous', roles: Object.freeze([]) as readonly Role[] });

/**
 * The id of the logged-in person acting. Refuses any other caller, so a query keyed by it can never
 * run with an undefined id (which TypeORM would read as "no condition").
 */
export function personIdOf(actor: Actor): string {
  if (actor.kind !== 'user' || !actor.id) throw new Error('a logged-in person is required here');
  return actor.id;
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((role) => actor.roles.includes(role));
}
