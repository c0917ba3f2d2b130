/**
 * The stable error codes a client can rely on. Services throw `DomainError`s carrying one of them;
 * a single function (`formatGraphQLError`) turns them into GraphQL errors. Services never throw
 * HTTP exceptions.
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
  /** Short machine-readable reason, e.g. `isIban`, `duplicate`. */
  constraint?: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { fields?: FieldProblem[]; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadUserInputError extends DomainError {
  constructor(fields: FieldProblem[], message?: string) {
    super(ErrorCode.BAD_USER_INPUT, message ?? fields.map((f) => `${f.field}: ${f.reason}`).join('; '), { fields });
  }

  static field(field: string, reason: string, constraint?: string): BadUserInputError {
    return new BadUserInputError([{ field, reason, constraint }]);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Authentication required') {
    super(ErrorCode.UNAUTHENTICATED, message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'Not allowed', field?: string) {
    super(ErrorCode.FORBIDDEN, message, field ? { fields: [{ field, reason: message }] } : {});
  }
}

/**
 * "Not found" is also the answer for a record that exists but belongs to someone else, so the two
 * cannot be told apart (VERIFY T3). The message names the kind of record, never the id's owner.
 */
export class NotFoundError extends DomainError {
  constructor(what: string) {
    super(ErrorCode.NOT_FOUND, `${what} not found`);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(ErrorCode.CONFLICT, message, details);
  }
}

export class TooManyRequestsError extends DomainError {
  constructor(message = 'Too many attempts; try again later') {
    super(ErrorCode.TOO_MANY_REQUESTS, message);
  }
}
