import { CoreErrors } from '../errors/domain-error';

export type ActorKind = 'anonymous' | 'user' | 'apiKey' | 'system';

/** How a session last re-authenticated: a fresh password, or a second-factor code. */
export type StepUpMethod = 'password' | 'secondFactor';

/**
 * Who is acting. One shape for every caller so services, the policy engine, logs and the database
 * context read the same thing. Roles and scopes are plain strings here: what they mean (the
 * permission catalogue) is `libs/access`'s business, not the platform's.
 */
export interface Actor {
  kind: ActorKind;
  /** The user (kind `user`) or the API key (kind `apiKey`). */
  id?: string;
  /** The tenant the actor acts in; absent for anonymous callers and the platform operator. */
  tenantId?: string;
  /** The company the actor acts for (organisation roles and organisation API keys). */
  organisationId?: string;
  /** A person's roles (see `Role` in libs/access). */
  roles: readonly string[];
  /** An API key's scopes (see `ApiKeyScope` in libs/access). */
  scopes?: readonly string[];
  /** The login session (refresh-token family) of a user actor. */
  sessionId?: string;
  /**
   * The account must enrol a second factor (its company chose password + TOTP, or it holds a role
   * that requires one) and has not yet: only enrolment and logging out are open to it.
   */
  secondFactorMissing?: boolean;
  /** When the session last re-authenticated (login or step-up), and how. */
  steppedUpAt?: Date;
  steppedUpWith?: StepUpMethod;
}

export const ANONYMOUS_ACTOR: Actor = Object.freeze({ kind: 'anonymous', roles: Object.freeze([]) as readonly string[] });

/** Who acts when the system does something on its own (jobs, demo data, test factories). */
export const SYSTEM_ACTOR: Actor = Object.freeze({ kind: 'system', roles: Object.freeze([]) as readonly string[] });

/** The id of the logged-in person acting; anything else is refused (never a query with an undefined id). */
export function personIdOf(actor: Actor): string {
  if (actor.kind !== 'user' || !actor.id) throw CoreErrors.PERSON_REQUIRED('Only a logged-in person may do this');
  return actor.id;
}
