import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, ErrorCode } from './domain-error';
import { describeError } from './error-description';

/** HTTP status of each stable error code. */
export const STATUS_OF: Readonly<Record<ErrorCode, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.TOO_MANY_REQUESTS]: 429,
  [ErrorCode.INTERNAL_SERVER_ERROR]: 500,
};

/** Refusals of the HTTP layer itself (body parser, routing), as code and reason. */
function transportRefusal(status: number): { code: ErrorCode; reason: string; message: string } | undefined {
  switch (status) {
    case 400:
      return { code: ErrorCode.BAD_USER_INPUT, reason: 'MALFORMED_REQUEST', message: 'The request body is not valid JSON' };
    case 404:
      return { code: ErrorCode.NOT_FOUND, reason: 'ROUTE_NOT_FOUND', message: 'No such route' };
    case 405:
      return { code: ErrorCode.BAD_USER_INPUT, reason: 'METHOD_NOT_ALLOWED', message: 'This route does not answer this method' };
    case 413:
      return { code: ErrorCode.BAD_USER_INPUT, reason: 'REQUEST_TOO_LARGE', message: 'The request body is larger than the server accepts' };
    case 415:
      return { code: ErrorCode.BAD_USER_INPUT, reason: 'UNSUPPORTED_MEDIA_TYPE', message: 'The content type is not one the server accepts' };
    case 429:
      return { code: ErrorCode.TOO_MANY_REQUESTS, reason: 'RATE_LIMITED', message: 'Too many requests; try again later' };
    default:
      return status >= 400 && status < 500 ? { code: ErrorCode.BAD_USER_INPUT, reason: 'BAD_REQUEST', message: 'The request was refused' } : undefined;
  }
}

/**
 * Every refusal answers in one shape, `{ errors: [{ message, extensions: { code, reason, … } }] }`,
 * whatever refused it: a service (domain errors), the access guard or the validation pipe on an HTTP
 * route, the body parser (malformed JSON, a body too large), routing. For GraphQL the error goes on to
 * Apollo's formatter (`formatGraphQLError`); ordinary refusals are never logged as server errors.
 */
@Catch()
export class ErrorResponseFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrors');

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return undefined;
    if (exception instanceof DomainError) {
      return response.status(STATUS_OF[exception.code]).json({
        errors: [
          {
            message: exception.message,
            extensions: {
              code: exception.code,
              reason: exception.reason,
              ...(exception.fields ? { fields: exception.fields } : {}),
              ...(exception.details ? { details: exception.details } : {}),
            },
          },
        ],
      });
    }
    const status = exception instanceof HttpException ? exception.getStatus() : (exception as { status?: unknown })?.status;
    const refusal = typeof status === 'number' ? transportRefusal(status) : undefined;
    if (refusal && typeof status === 'number') {
      return response.status(status).json({ errors: [{ message: refusal.message, extensions: { code: refusal.code, reason: refusal.reason } }] });
    }
    this.logger.error({ failure: describeError(exception) }, 'unexpected error while serving an HTTP request');
    return response.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
  }
}
