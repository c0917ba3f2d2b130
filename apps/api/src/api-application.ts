import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { accessLogMiddleware, answerClientError, answerFrameworkError, AppConfig, AppLogger, DatabaseSettings, RequestContext, requestIdOf } from '@chancery/core';
import { ApiModule } from './app.module';
import { GRAPHQL_PATH } from './graphql/graphql-options';
import { exposeStatementCount } from './graphql/statement-count.plugin';
import { installGraphQLTokenLimit } from './graphql/token-limit';
import { installRequestBodies, MAX_BODY_BYTES } from './http/request-bodies';

export { MAX_BODY_BYTES } from './http/request-bodies';

/** Options for creating the Nest application; the body parsers are installed by `configureApiApplication`. */
export const API_APPLICATION_OPTIONS = { bufferLogs: true, bodyParser: false } as const;

/**
 * The HTTP platform: Fastify (Nest's Fastify adapter, Apollo's Fastify integration). Express's router
 * and body parser cost each request about 0.15 ms of CPU more than Fastify's (docs/performance.md).
 */
export function createHttpAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: MAX_BODY_BYTES,
    // A path parameter longer than find-my-way's default 100 characters made its route unknown (404
    // ROUTE_NOT_FOUND) instead of answering as for any other wrong value. There are no regular-expression
    // routes for the limit to protect; Node's own limit on the request line and headers (16 KiB, 431
    // beyond) is the one that counts.
    routerOptions: { maxParamLength: 16 * 1024 },
    // Node's own limit for receiving a whole request (Fastify turns it off by default): a client that
    // trickles its request (slowloris) loses the connection after five minutes.
    requestTimeout: 300_000,
    // Only the proxies TRUST_PROXY names may tell the client's address (X-Forwarded-For); by default none,
    // so a forged header cannot give each request a new address and slip past the per-address limits.
    trustProxy: trustProxyOf(config.trustedProxies),
    // A path that is not valid percent-encoding: refused by the router, in the API's refusal shape.
    frameworkErrors: (error: unknown, _request: unknown, reply: FastifyReply) => answerFrameworkError(error, reply),
    // What Node's parser refuses before any of that (headers over 16 KiB: 431): in the same shape.
    clientErrorHandler: answerClientError,
    // The same id as the request context and the log lines (a valid X-Request-Id is kept).
    genReqId: (request: IncomingMessage) => requestIdOf(request),
  });
}

/** TRUST_PROXY for Fastify: a hop count n trusts the n proxies nearest to the service (as Express did). */
function trustProxyOf(trusted: AppConfig['trustedProxies']): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof trusted === 'number' ? (_address, hop) => hop < trusted : trusted;
}

/**
 * Everything applied to the application after it is created. `main.ts` and the end-to-end tests both
 * call it, so the tests exercise the same body limits, logging and proxy settings as production.
 */
export function configureApiApplication(app: INestApplication, config: AppConfig): INestApplication {
  const fastify = app as NestFastifyApplication;
  const logger = fastify.get(AppLogger);
  fastify.useLogger(logger);
  const instance = fastify.getHttpAdapter().getInstance();
  // Each request in a context of its own, from its first hook to its response's 'close'.
  const requestContext = fastify.get(RequestContext);
  instance.addHook('onRequest', (request, reply, done) => requestContext.serveRequest(request.raw, reply.raw, done));
  if (config.EXPOSE_STATEMENT_COUNT) instance.addHook('onRequest', (request, reply, done) => exposeStatementCount(reply.raw, done));
  installRequestBodies(instance);
  installGraphQLTokenLimit(instance, GRAPHQL_PATH);
  // Every request the server receives gets its access line and the headers every answer carries (its
  // request id among them), whatever answers it: a route, the body parser's refusal, or the router's
  // own refusal of a path (which runs no hook and no middleware). Node's 'request' event, before
  // Fastify's handler.
  // nosniff: a browser never reads an answer as another type than it says. HSTS in production only,
  // where the service runs behind HTTPS (SPEC §6); a year, without subdomains (not ours to decide).
  const accessLog = accessLogMiddleware(logger.pino);
  const server = fastify.getHttpServer() as Server;
  server.prependListener('request', (request: IncomingMessage, response: ServerResponse) => {
    response.setHeader('X-Content-Type-Options', 'nosniff');
    if (config.isProduction) response.setHeader('Strict-Transport-Security', 'max-age=31536000');
    accessLog(request, response, () => undefined);
    // The id on the request's log lines, so whoever reports a problem can quote it to the support desk.
    response.setHeader('X-Request-Id', requestIdOf(request));
  });
  return fastify;
}

export async function createApiApplication(config: AppConfig, database: DatabaseSettings): Promise<INestApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.register({ config, database }), createHttpAdapter(config), API_APPLICATION_OPTIONS);
  return configureApiApplication(app, config);
}
