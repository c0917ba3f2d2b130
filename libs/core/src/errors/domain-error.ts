/**
 * Failures a client can act on. Every failure carries a category (`code`, the stable GraphQL error
 * code: BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, TOO_MANY_REQUESTS) and a
 * `reason` declared by the context that raises it (e.g. LAST_ADMINISTRATOR), so clients branch on
 * codes, never on messages. One function (`formatGraphQLError`) turns them into GraphQL errors.
 * Services never throw HTTP exceptions.
 */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export interface FieldProblem {
  /** Path of the input field, e.g. `input.address.postalCode`. */
  field: string;
  /** Why it was refused, in words a user can act on. */
  reason: string;
  /** Short machine-readable reason, e.g. `isIban`, `COMPANY_ALREADY_REGISTERED`. */
  constraint?: string;
}

/** Values safe to hand to a client next to the code: ids, states, counts. Never personal data. */
export type ErrorDetails = Readonly<Record<string, string | number | boolean | null | readonly string[]>>;

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** The context's reason, e.g. `LAST_ADMINISTRATOR`; clients branch on it. */
    readonly reason: string,
    message: string,
    readonly fields?: readonly FieldProblem[],
    readonly details?: ErrorDetails,
  ) {
    // A refusal's code and reason say all there is to say: no stack trace. V8 would otherwise
    // collect the frames here and format them as soon as `stack` is read or replaced (below, and
    // graphql-js copies it into every GraphQLError it wraps): about 20 µs per refusal in production,
    // milliseconds under Jest's source maps, when a client (or an attacker) is refused in bulk.
    const frames = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = frames;
    this.name = new.target.name;
    Object.defineProperty(this, 'stack', { value: `${this.name}: ${message}`, writable: true, configurable: true });
  }
}

/**
 * Makes an error that needs no stack trace of its own (a wrapper whose cause keeps its trace) without
 * V8 collecting the frames, which it would format when the wrapper's `stack` is replaced.
 */
export function withoutStackTrace<T>(make: () => T): T {
  const frames = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return make();
  } finally {
    Error.stackTraceLimit = frames;
  }
}

export interface ErrorOptions {
  /** The input field the failure is about; it becomes the one entry of `fields`. */
  field?: string;
  fields?: readonly FieldProblem[];
  details?: ErrorDetails;
}

export type ErrorFactory = (message: string, options?: ErrorOptions) => DomainError;

/** One context's failures: each reason with its category. */
export interface ErrorCatalogue {
  readonly context: string;
  readonly reasons: Readonly<Record<string, { code: ErrorCode; description: string }>>;
}

const catalogues = new Map<string, ErrorCatalogue>();

/**
 * Declares a context's error reasons once, with their category and what they mean, and returns a
 * factory per reason: `IdentityErrors.LAST_ADMINISTRATOR('…', { details })`. `docs/errors.md` is
 * generated from every catalogue.
 */
export function defineErrors<const R extends Record<string, readonly [ErrorCode, string]>>(
  context: string,
  reasons: R,
): { readonly [K in keyof R]: ErrorFactory } {
  const catalogue: ErrorCatalogue = {
    context,
    reasons: Object.fromEntries(Object.entries(reasons).map(([reason, [code, description]]) => [reason, { code, description }])),
  };
  const taken = [...catalogues.values()].flatMap((c) => Object.keys(c.reasons).filter((r) => r in reasons && c.context !== context));
  if (taken.length) throw new Error(`error reasons declared by two contexts: ${taken.join(', ')}`);
  catalogues.set(context, catalogue);
  return Object.fromEntries(
    Object.entries(reasons).map(([reason, [code]]) => [
      reason,
      (message: string, options: ErrorOptions = {}) =>
        new DomainError(
          code,
          reason,
          message,
          options.fields ?? (options.field ? [{ field: options.field, reason: message, constraint: reason }] : undefined),
          options.details,
        ),
    ]),
  ) as { readonly [K in keyof R]: ErrorFactory };
}

/** Every declared catalogue, by context name. */
export function errorCatalogues(): ErrorCatalogue[] {
  return [...catalogues.values()].sort((a, b) => a.context.localeCompare(b.context));
}

/** Failures of the platform itself: input validation, authentication, limits. */
export const CoreErrors = defineErrors('core', {
  INVALID_INPUT: [ErrorCode.BAD_USER_INPUT, 'An input field is missing, malformed or out of range; `fields` names each one.'],
  AUTHENTICATION_REQUIRED: [ErrorCode.UNAUTHENTICATED, 'No valid credentials were presented (or they were refused).'],
  PERMISSION_REQUIRED: [ErrorCode.FORBIDDEN, 'The caller lacks the permission the operation declares.'],
  PERSON_REQUIRED: [ErrorCode.FORBIDDEN, 'Only a logged-in person may do this, not an API key.'],
  RECORD_NOT_FOUND: [ErrorCode.NOT_FOUND, "No such record, or not one the caller may see (the two answer alike)."],
  RATE_LIMITED: [ErrorCode.TOO_MANY_REQUESTS, 'Too many requests from this client; `Retry-After` says when to try again.'],
  BUSY: [ErrorCode.TOO_MANY_REQUESTS, 'The server is at capacity for this kind of work; try again shortly.'],
  FIELD_NOT_WRITABLE: [ErrorCode.FORBIDDEN, 'The caller may not change the field(s) named in `fields`.'],
});

/** A refused input, naming each field (the validation pipe and services use it). */
export class BadUserInputError extends DomainError {
  constructor(fields: FieldProblem[], message?: string) {
    super(ErrorCode.BAD_USER_INPUT, 'INVALID_INPUT', message ?? fields.map((f) => `${f.field}: ${f.reason}`).join('; '), fields);
  }

  static field(field: string, reason: string, constraint?: string): BadUserInputError {
    return new BadUserInputError([{ field, reason, constraint }]);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Authentication required') {
    super(ErrorCode.UNAUTHENTICATED, 'AUTHENTICATION_REQUIRED', message);
  }
}

/**
 * "Not found" is also the answer for a record that exists but belongs to someone else, so the two
 * cannot be told apart (VERIFY T3). The message names the kind of record, never the id's owner.
 */
export class NotFoundError extends DomainError {
  constructor(what: string) {
    super(ErrorCode.NOT_FOUND, 'RECORD_NOT_FOUND', `${what} not found`);
  }
}
