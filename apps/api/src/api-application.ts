import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppConfig, DatabaseSettings } from '@chancery/core';
import { ApiModule } from './app.module';

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
  express.useLogger(express.get(Logger));
  express.useBodyParser('json', { limit: MAX_BODY_SIZE });
  express.disable('x-powered-by');
  // Behind the load balancer in production (HTTPS terminates there): trust its X-Forwarded-* headers.
  if (config.isProduction) express.set('trust proxy', 1);
  return express;
}

export async function createApiApplication(config: AppConfig, database: DatabaseSettings): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    ApiModule.register({ config, database }),
    API_APPLICATION_OPTIONS,
  );
  return configureApiApplication(app, config);
}
