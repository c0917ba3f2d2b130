import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, AppLogger, DatabaseSettings } from '@chancery/core';
import { WorkerModule } from './worker.module';

export const WORKER_CONTEXT_OPTIONS = { bufferLogs: true } as const;

/** Applied after the context is created; `main.ts` and the end-to-end tests both call it. */
export function configureWorkerContext<T extends INestApplicationContext>(app: T): T {
  app.useLogger(app.get(AppLogger));
  return app;
}

/** The worker has no HTTP server: an application context that starts the job queue and its workers. */
export async function createWorkerContext(
  config: AppConfig,
  database: DatabaseSettings,
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(
    WorkerModule.register({ config, database }),
    WORKER_CONTEXT_OPTIONS,
  );
  return configureWorkerContext(app);
}
