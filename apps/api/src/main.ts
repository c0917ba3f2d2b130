import 'reflect-metadata';
// First, before the application's modules load and allocate: see heap-settings-at-start.
import '@chancery/core/config/heap-settings-at-start';
import { join } from 'node:path';
import { AppConfig, ConfigValidationError, loadAppConfig, openDatabase } from '@chancery/core';
import { ALL_MIGRATIONS } from '@chancery/migrations';
import { createApiApplication } from './api-application';
import { describeDemoAccounts, loadDemoDataOnce } from './demo/demo-data';

// Standard output whose reader went away (EPIPE) loses what is written to it, and a stop stays
// graceful: an unhandled 'error' would end the process before its connections are closed.
process.stdout.on('error', () => undefined);

function say(line: string): void {
  process.stdout.write(`[chancery] ${line}\n`);
}

/** Loaded only when the worker runs in this process: its modules (pg-boss, PDF rendering, mail) would otherwise sit in every API's memory. */
function loadWorker(): typeof import('../../worker/src/worker-application') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded at first use (a CommonJS build keeps import() native)
  return require('../../worker/src/worker-application') as typeof import('../../worker/src/worker-application');
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const config: AppConfig = loadAppConfig();
  const database = await openDatabase(config, ALL_MIGRATIONS, say);
  const app = await createApiApplication(config, database);

  if (config.DEMO_DATA ?? Boolean(database.embedded || database.sharedEmbedded)) {
    const demo = await loadDemoDataOnce(app, config.DATA_DIR);
    say(demo.loadedNow ? `demo data loaded: ${demo.accounts.length} accounts` : 'demo data present');
    // Passwords and second-factor secrets of the demo accounts, for a developer's first login only.
    if (config.NODE_ENV === 'development' && demo.accounts.length) say(describeDemoAccounts(demo.accounts));
  }

  // `npm start` delivers e-mail too (development: .eml files in DATA_DIR/mail, links in the log), so a
  // newcomer needs no second command; in production the worker runs as its own process (docker/compose.yaml).
  const worker = (config.WORKER_IN_PROCESS ?? !config.isProduction) ? await loadWorker().createWorkerContext(config, database) : null;

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal} received: stopping`);
    await worker?.close().catch(() => undefined);
    await app.close().catch(() => undefined);
    await database.embedded?.stop();
    say('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen(config.PORT, config.isProduction ? '0.0.0.0' : '127.0.0.1');
  const url = `http://localhost:${config.PORT}`;
  say(`ready in ${Date.now() - startedAt} ms: GraphQL at ${url}/graphql, health at ${url}/health/ready`);
  if (worker && !config.SMTP_URL) say(`e-mail is written to ${join(config.DATA_DIR, 'mail')}/ as .eml files; each link is printed below as it is sent`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigValidationError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`[chancery] could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
