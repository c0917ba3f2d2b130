/** One refused input field, as the server names it: `input.vatNumber`, `input.administrator.password`, `code`. */
export interface FieldProblem {
  field: string;
  reason: string;
  constraint?: string;
}

/**
 * An operation the API refused, or could not be reached for. `code` is the server's
 * `extensions.code` (BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT,
 * TOO_MANY_REQUESTS, …) or NETWORK; `reason` the more specific `extensions.reason` when the server
 * gives one (e.g. LAST_ADMINISTRATOR). The server's English message is kept for logs only: the
 * screens show sentences in the user's language (see i18n/errors.ts).
 */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly reason: string | null = null,
    readonly fields: FieldProblem[] = [],
    /** The answer's X-Request-Id: the reference the support desk finds the request's log lines and audit entries by. */
    readonly requestId: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The same refusal, with the reference of the answer that carried it. */
  withReferenceOf(response: Response): ApiError {
    return new ApiError(this.code, this.message, this.reason, this.fields, response.headers.get('x-request-id'));
  }

  static of(error: unknown): ApiError {
    if (error instanceof ApiError) return error;
    return new ApiError('INTERNAL', error instanceof Error ? error.message : String(error));
  }
}

/**
 * Whether the user would quote the error's reference to the support desk: not for what they correct
 * themselves (their input, their login, a wait).
 */
export function worthAReference(error: ApiError): boolean {
  return error.requestId !== null && !['BAD_USER_INPUT', 'UNAUTHENTICATED', 'TOO_MANY_REQUESTS'].includes(error.code);
}

/** A check made in the browser before sending (required field, passwords that differ). */
export function clientError(fields: FieldProblem[]): ApiError {
  return new ApiError('BAD_USER_INPUT', 'checked in the browser', null, fields);
}
