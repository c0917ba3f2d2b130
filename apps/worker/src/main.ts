import 'reflect-metadata';
// First, before the application's modules load and allocate: see heap-settings-at-start.
import '@chancery/core/config/heap-settings-at-start';
import { AppConfig, ConfigValidationError, loadAppConfig, openDatabase } from '@chancery/core';
import { ALL_MIGRATIONS } from '@chancery/migrations';
import { OutboxDelivery } from '@chancery/notifications';
import { JobRegistry } from './jobs/job-registry';
import { createWorkerContext } from './worker-application';

/** Past this, a stop that hangs (a job ignoring the timeout, a lost database) ends the process anyway. */
const STOP_DEADLINE_MS = 30_000;

// Standard output whose reader went away (EPIPE) loses what is written to it, and a stop stays
// graceful: an unhandled 'error' would end the process before its connections are closed.
process.stdout.on('error', () => undefined);

function say(line: string): void {
  process.stdout.write(`[chancery-worker] ${line}\n`);
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const config: AppConfig = loadAppConfig();
  const database = await openDatabase(config, ALL_MIGRATIONS, say);

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

  const mail = app.get(OutboxDelivery).destination;
  say(`ready in ${Date.now() - startedAt} ms: working ${app.get(JobRegistry).jobNames.join(', ')}; e-mail ${mail ? `to ${mail}` : 'waits in the outbox: SMTP_URL is not set'}`);
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
