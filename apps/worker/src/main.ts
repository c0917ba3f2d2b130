import 'reflect-metadata';
import {
  AppConfig,
  ConfigValidationError,
  ensureApplicationRole,
  loadAppConfig,
  resolveDatabaseSettings,
  runMigrations,
} from '@chancery/core';
import { JobRegistry } from './jobs/job-registry';
import { createWorkerContext } from './worker-application';

/** Past this, a stop that hangs (a job ignoring the timeout, a lost database) ends the process anyway. */
const STOP_DEADLINE_MS = 30_000;

function say(line: string): void {
  process.stdout.write(`[chancery-worker] ${line}\n`);
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const config: AppConfig = loadAppConfig();
  const database = await resolveDatabaseSettings(config);
  if (database.embedded) {
    say(
      `embedded PostgreSQL started on 127.0.0.1:${database.embedded.port} (data in ${config.DATA_DIR}/postgres)`,
    );
  } else {
    say('using the PostgreSQL server of DATABASE_URL');
  }

  // Same rule as the API; the migration lock lets both start together.
  const migrate = config.MIGRATIONS_RUN ?? (Boolean(database.embedded) || !config.isProduction);
  if (migrate) {
    await ensureApplicationRole(database.ownerUrl, database.appPassword);
    const applied = await runMigrations(database.ownerUrl);
    say(applied.length ? `migrations applied: ${applied.join(', ')}` : 'database schema is up to date');
  }

  // A failed start must not leave the embedded PostgreSQL running behind the exit.
  const app = await createWorkerContext(config, database).catch(async (error: unknown) => {
    await database.embedded?.stop();
    throw error;
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal} received: stopping`);
    setTimeout(() => {
      say(`not stopped within ${STOP_DEADLINE_MS} ms: exiting`);
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    await app.close().catch(() => undefined);
    await database.embedded?.stop();
    say('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  say(`ready in ${Date.now() - startedAt} ms: working ${app.get(JobRegistry).jobNames.join(', ')}`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigValidationError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `[chancery-worker] could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
