import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { HttpReply, HttpRequest } from '../http/http-types';
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
      // The router fails to decode a path (`/public/datasheets/%zz`): Fastify's FST_ERR_BAD_URL; a body
      // that is not JSON fails in the body parser.
      if ((exception as { code?: unknown } | null)?.code === 'FST_ERR_BAD_URL') return { code: ErrorCode.BAD_USER_INPUT, reason: 'MALFORMED_REQUEST', message: 'The request path is not valid percent-encoded UTF-8' };
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
    const reply = host.switchToHttp().getResponse<HttpReply>();
    if (reply.sent || reply.raw.headersSent) return undefined;
    if (exception instanceof DomainError) {
      return reply.code(STATUS_OF[exception.code]).send({
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
    const status = statusOf(exception);
    const allowed = status === 404 ? methodsOfPath(host.switchToHttp().getRequest<HttpRequest>()) : [];
    if (allowed.length > 0) {
      return reply
        .code(405)
        .header('Allow', allowed.join(', '))
        .send({ errors: [{ message: transportRefusal(405, exception)!.message, extensions: { code: ErrorCode.BAD_USER_INPUT, reason: 'METHOD_NOT_ALLOWED' } }] });
    }
    const refusal = typeof status === 'number' ? transportRefusal(status, exception) : undefined;
    if (refusal && typeof status === 'number') {
      return reply.code(status).send({ errors: [{ message: refusal.message, extensions: { code: refusal.code, reason: refusal.reason } }] });
    }
    this.logger.error({ failure: describeError(exception) }, 'unexpected error while serving an HTTP request');
    return reply.code(500).send({ errors: [{ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
  }
}

/** The HTTP status an error carries: Nest's exceptions, Fastify's own errors (`statusCode`: body, URL). */
function statusOf(exception: unknown): number | undefined {
  if (exception instanceof HttpException) return exception.getStatus();
  const status = (exception as { statusCode?: unknown; status?: unknown } | null)?.statusCode ?? (exception as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/**
 * Which paths the application's catch-all route (`/*`, the portal's pages) answers, when it answers only
 * some: declared on the Fastify instance by whoever adds that route. A path it does not answer has no
 * method in a 405's `Allow` on its account.
 */
export const CATCH_ALL_ANSWERS = 'catchAllAnswers';
type CatchAllAnswers = (path: string) => boolean;

/**
 * A refusal of Fastify's router itself, before any route or filter (`frameworkErrors`): a path that is
 * not valid percent-encoding (FST_ERR_BAD_URL), in the API's refusal shape.
 */
export function answerFrameworkError(error: unknown, reply: HttpReply): void {
  const status = statusOf(error) ?? 400;
  const refusal = transportRefusal(status, error) ?? transportRefusal(400, error)!;
  void reply.code(status >= 400 && status < 500 ? status : 400).send({ errors: [{ message: refusal.message, extensions: { code: refusal.code, reason: refusal.reason } }] });
}

/**
 * A request Node's HTTP parser refused before Fastify saw it (Node's `clientError`): the request line
 * and headers over Node's 16 KiB (431), a request that is not HTTP (400), one that took longer than the
 * request timeout (408). Answered in the API's refusal shape, as every other refusal, instead of
 * Fastify's `{"error":…,"statusCode":…}`; the connection then closes, as Node does (the parser cannot
 * go on after such a request). A reset connection has nobody to answer.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (!socket.writable) {
    socket.destroy(error);
    return;
  }
  const [status, reason, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'HEADERS_TOO_LARGE', 'The request line and headers are larger than the server accepts (16 KiB)']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'REQUEST_TIMEOUT', 'The request was not received in time']
        : [400, 'MALFORMED_REQUEST', 'The request is not valid HTTP'];
  const body = JSON.stringify({ errors: [{ message, extensions: { code: ErrorCode.BAD_USER_INPUT, reason } }] });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * The methods of the routes that answer this request's path (Fastify's router), when none is this
 * request's method: a 404 of routing is then a 405 with `Allow`. Empty for any other 404 (no route has
 * the path, or a handler's own NOT_FOUND, which is a DomainError and never gets here).
 */
function methodsOfPath(request: HttpRequest | undefined): string[] {
  if (!request) return [];
  const fastify = request.server as FastifyInstance;
  const path = request.url.split('?')[0] ?? '/';
  const methods: string[] = [];
  for (const method of fastify.supportedMethods) {
    let route: ReturnType<FastifyInstance['findRoute']> | null = null;
    try {
      route = fastify.findRoute({ method: method as never, url: path });
    } catch {
      // A path that is not valid percent-encoding: not a route's.
    }
    const catchAll = route?.params['*'] !== undefined ? (fastify as unknown as Record<string, CatchAllAnswers | undefined>)[CATCH_ALL_ANSWERS] : undefined;
    if (route && (!catchAll || catchAll(path))) methods.push(method);
  }
  return methods.includes(request.method) ? [] : methods;
}
