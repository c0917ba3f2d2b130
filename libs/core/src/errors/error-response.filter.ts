import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { METHODS } from 'node:http';
import type { Request, Response } from 'express';
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
function transportRefusal(status: number, exception: unknown): { code: ErrorCode; reason: string; message: string } | undefined {
  switch (status) {
    case 400:
      // The router fails to decode a path parameter (`/public/datasheets/%zz`) with a URIError, which
      // Nest's adapter wraps in a BadRequestException; a body that is not JSON fails in the body parser.
      if (exception instanceof Error && exception.cause instanceof URIError) return { code: ErrorCode.BAD_USER_INPUT, reason: 'MALFORMED_REQUEST', message: 'The request path is not valid percent-encoded UTF-8' };
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
    const allowed = status === 404 ? methodsOfPath(host.switchToHttp().getRequest<Request>()) : [];
    if (allowed.length > 0) {
      response.setHeader('Allow', allowed.join(', '));
      return response.status(405).json({ errors: [{ message: transportRefusal(405, exception)!.message, extensions: { code: ErrorCode.BAD_USER_INPUT, reason: 'METHOD_NOT_ALLOWED' } }] });
    }
    const refusal = typeof status === 'number' ? transportRefusal(status, exception) : undefined;
    if (refusal && typeof status === 'number') {
      return response.status(status).json({ errors: [{ message: refusal.message, extensions: { code: refusal.code, reason: refusal.reason } }] });
    }
    this.logger.error({ failure: describeError(exception) }, 'unexpected error while serving an HTTP request');
    return response.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
  }
}

interface RouteLayer {
  matchers?: Array<(path: string) => unknown>;
  route?: { _methods(): string[] };
}

/**
 * The methods of the routes whose path matches this request's (Express's router table), when none is
 * this request's method: a 404 of routing is then a 405 with `Allow`. Empty for any other 404 (no route
 * has the path, or a handler's own NOT_FOUND, which is a DomainError and never gets here).
 */
function methodsOfPath(request: Request | undefined): string[] {
  const stack = (request?.app as { router?: { stack?: RouteLayer[] } } | undefined)?.router?.stack ?? [];
  const methods = new Set<string>();
  for (const layer of stack) {
    if (!layer.route || !layer.matchers) continue;
    let matches = false;
    try {
      matches = layer.matchers.some((match) => Boolean(match(request!.path)));
    } catch {
      // A parameter that is not valid percent-encoding: not this route's.
    }
    const routeMethods = layer.route._methods();
    // Nest mounts path-bound middleware as a route on every method (METHODS has 30-odd): not an endpoint.
    if (matches && routeMethods.length < METHODS.length) for (const method of routeMethods) methods.add(method);
  }
  return methods.has(request?.method ?? '') ? [] : [...methods];
}
