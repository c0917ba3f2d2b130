import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { accessLogMiddleware, AppConfig, AppLogger, DatabaseSettings } from '@chancery/core';
import { ApiModule } from './app.module';
import { statementCountMiddleware } from './graphql/statement-count.plugin';

/** Largest request body accepted: a GraphQL document with variables, never a file (uploads go elsewhere). */
export const MAX_BODY_SIZE = '256kb';

/** Options for creating the Nest application; the body parser is configured by `configureApiApplication`. */
export const API_APPLICATION_OPTIONS = { bufferLogs: true, bodyParser: false } as const;

/**
 * Everything applied to the application after it is created. `main.ts` and the end-to-end tests both
 * call it, so the tests exercise the same body limits, logging and proxy settings as production.
 */
export function configureApiApplication(app: INestApplication, config: AppConfig): INestApplication {
  const express = app as NestExpressApplication;
  const logger = express.get(AppLogger);
  express.useLogger(logger);
  // First, so that a request the body parser refuses is logged too.
  express.use(accessLogMiddleware(logger.pino));
  express.useBodyParser('json', { limit: MAX_BODY_SIZE });
  express.disable('x-powered-by');
  // Only the proxies TRUST_PROXY names may tell the client's address (X-Forwarded-For); by default none,
  // so a forged header cannot give each request a new address and slip past the per-address limits.
  express.set('trust proxy', config.trustedProxies);
  // Responses are small and never revalidated by clients: no ETag computed per response.
  express.set('etag', false);
  // Headers every answer carries (JSON, refusals, the portal, attachments), set in this one place.
  // nosniff: a browser never reads an answer as another type than it says. HSTS in production only,
  // where the service runs behind HTTPS (SPEC §6); a year, without subdomains (not ours to decide).
  express.use((_request: unknown, response: { setHeader(name: string, value: string): void }, next: () => void) => {
    response.setHeader('X-Content-Type-Options', 'nosniff');
    if (config.isProduction) response.setHeader('Strict-Transport-Security', 'max-age=31536000');
    next();
  });
  if (config.EXPOSE_STATEMENT_COUNT) express.use(statementCountMiddleware);
  return express;
}

export async function createApiApplication(config: AppConfig, database: DatabaseSettings): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    ApiModule.register({ config, database }),
    API_APPLICATION_OPTIONS,
  );
  return configureApiApplication(app, config);
}
