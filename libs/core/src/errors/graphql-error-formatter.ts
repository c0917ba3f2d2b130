import { HttpException, Logger } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { DomainError, ErrorCode } from './domain-error';
import { describeError } from './error-description';

/** Codes Apollo and graphql-armor give to a refused document or variables; safe to pass through as they are. */
export const DOCUMENT_ERROR_CODES: ReadonlySet<string> = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

const HTTP_STATUS_CODES: Record<number, [ErrorCode, string]> = {
  400: [ErrorCode.BAD_USER_INPUT, 'INVALID_INPUT'],
  401: [ErrorCode.UNAUTHENTICATED, 'AUTHENTICATION_REQUIRED'],
  403: [ErrorCode.FORBIDDEN, 'PERMISSION_REQUIRED'],
  404: [ErrorCode.NOT_FOUND, 'RECORD_NOT_FOUND'],
  429: [ErrorCode.TOO_MANY_REQUESTS, 'RATE_LIMITED'],
};

const logger = new Logger('GraphQLErrors');

/**
 * The one place where errors become what a client sees: domain errors keep their code, reason,
 * fields and details; anything unexpected becomes INTERNAL_SERVER_ERROR with no message, path or
 * stack of ours (the log gets a description without values).
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown, options: { hideSuggestions?: boolean } = {}): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { locations: formatted.locations, path: formatted.path };

  if (original instanceof DomainError) {
    return {
      ...base,
      message: original.message,
      extensions: {
        code: original.code,
        reason: original.reason,
        ...(original.fields ? { fields: original.fields } : {}),
        ...(original.details ? { details: original.details } : {}),
      },
    };
  }
  if (original instanceof HttpException) {
    const known = HTTP_STATUS_CODES[original.getStatus()];
    if (known) return { ...base, message: httpMessage(original), extensions: { code: known[0], reason: known[1] } };
  }
  const code = formatted.extensions?.code;
  if (code === 'BAD_REQUEST' && /Cross-Site Request Forgery/.test(formatted.message)) {
    // Apollo's CSRF prevention: a request a browser could send cross-site without a preflight.
    return {
      message: 'Refused as a possible cross-site request: send JSON (content-type: application/json) or an apollo-require-preflight header',
      extensions: { code: ErrorCode.BAD_USER_INPUT, reason: 'CSRF_PREVENTED' },
    };
  }
  if (typeof code === 'string' && DOCUMENT_ERROR_CODES.has(code)) {
    // graphql-armor prefixes its limits with "Syntax Error:" although the document parsed fine.
    const echoFree = withoutEchoedValues(formatted.message).replace(/^Syntax Error: /, '');
    // Where introspection is off, graphql-armor hides field suggestions at validation; the coercion of
    // a variable or an enum value ("Did you mean the enum value …?") comes after it, so it is hidden here.
    const message = options.hideSuggestions ? echoFree.replace(/ ?Did you mean [^?]*\?/g, '').trim() : echoFree;
    // A variable's value refused (a scalar's or an enum's coercion): the field it names, or the variable itself, as a domain error names it.
    const inVariable = /^Variable "\$([^"]+)" got an invalid value(?: at "([^"]+)")?; (.+)$/s.exec(message);
    const fields = inVariable ? { fields: [{ field: inVariable[2] ?? inVariable[1]!, reason: inVariable[3]!, constraint: 'type' }] } : {};
    return { ...base, message, extensions: { code, ...fields } };
  }
  logger.error({ failure: describeError(original) }, 'unexpected error while serving a GraphQL operation');
  return { ...base, message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

function httpMessage(exception: HttpException): string {
  if (exception.getStatus() === 429) return 'Too many requests; try again later';
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  return typeof message === 'string' ? message : exception.message;
}

/**
 * graphql-js repeats the offending value in its coercion messages ("String cannot represent a non
 * string value: 32479000222", "Variable "$i" got invalid value …"). A submitted value can be personal
 * data, and an answer must not echo it (VERIFY T2): keep what is wrong, drop the value.
 */
/** graphql-js's `Variable "$v" got invalid value <value>[ at "<path>"]; `, the value printed with its strings JSON-quoted. */
const VARIABLE_VALUE = /(Variable "\$[^"]+") got invalid value (?:"(?:[^"\\]|\\.)*"|[^"])*?(?: at ("[\w.[\]]+"))?; /s;

export function withoutEchoedValues(message: string): string {
  return message
    // The value ends at the first "; " outside its quoted strings; the path inside the variable stays (it names the field).
    .replace(VARIABLE_VALUE, (_match, variable: string, at?: string) => `${variable} got an invalid value${at ? ` at ${at}` : ''}; `)
    .replace(/(cannot represent (?:a |an )?[\w -]+?value)(?::.*)?$/s, '$1')
    .replace(/(Expected value of type "[^"]+"), found [^;]*/g, '$1')
    .replace(/(Enum "[^"]+" cannot represent non-enum value)(?::.*)?$/s, '$1')
    .replace(/Value "(?:[^"\\]|\\.)*" does not exist in ("[^"]+" enum)/g, 'The value does not exist in $1');
}
