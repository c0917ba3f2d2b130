// Relative imports: the global setup runs outside Jest's module mapper.
import { chmodSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
// Only the database helpers: the global setup runs in Jest's main process, and loading NestJS
// modules there leaks their global metadata stores into the test files' contexts.
import { ensureApplicationRole, quoteIdentifier, withDatabase } from '../../../core/src/database/database-settings';
import { startEmbeddedPostgres } from '../../../core/src/database/embedded-postgres';
import { runMigrations } from '../../../core/src/database/migrator';
import { register } from 'tsconfig-paths';
import { TEST_APP_PASSWORD_ENV, TEST_RUN_ENV, TEST_SERVER_URL_ENV, TEST_TEMPLATE_ENV, testDatabasePrefix } from './test-database-server';

const EMBEDDED_APP_PASSWORD = 'chancery-app-embedded';

/**
 * Prepares the server for the end-to-end tests: TEST_DATABASE_URL or DATABASE_URL when set (CI's
 * PostgreSQL 15), otherwise an embedded PostgreSQL of this run's own, in a temporary folder. Migrates
 * a template database once; every test file clones it. Names carry the run's pid, so runs side by
 * side on one server leave each other alone.
 */
export default async function globalSetup(): Promise<void> {
  const runId = String(process.pid);
  const given = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  let server: string;
  let appPassword = '';
  if (given) {
    server = withDatabase(given, 'postgres');
  } else {
    const dataDir = mkdtempSync(join(tmpdir(), 'chancery-test-'));
    chmodSync(dataDir, 0o755); // PostgreSQL runs as the `postgres` user when the tests run as root.
    const embedded = await startEmbeddedPostgres({ dataDir, name: 'postgres' });
    (globalThis as { __chanceryEmbedded?: unknown }).__chanceryEmbedded = { ...embedded, dataDir };
    server = embedded.serverUrl;
    appPassword = EMBEDDED_APP_PASSWORD;
  }
  await ensureApplicationRole(server, appPassword || undefined);

  const template = `${testDatabasePrefix(runId)}template`;
  const client = new Client({ connectionString: server });
  await client.connect();
  try {
    await dropDatabasesOfEndedRuns(client);
    await client.query(`CREATE DATABASE ${quoteIdentifier(template)}`);
  } finally {
    await client.end();
  }
  await runMigrations(withDatabase(server, template), await loadMigrationList());

  process.env[TEST_RUN_ENV] = runId;
  process.env[TEST_SERVER_URL_ENV] = server;
  process.env[TEST_TEMPLATE_ENV] = template;
  process.env[TEST_APP_PASSWORD_ENV] = appPassword;
}

/** Test databases of runs whose process is gone (crashed or interrupted). */
async function dropDatabasesOfEndedRuns(client: Client): Promise<void> {
  const { rows } = await client.query(`SELECT datname FROM pg_database WHERE datname ~ '^chancery_t[0-9]+_'`);
  for (const { datname } of rows as Array<{ datname: string }>) {
    const pid = Number(/^chancery_t(\d+)_/.exec(datname)?.[1]);
    if (!isAlive(pid)) await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(datname)} WITH (FORCE)`);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Every context's migrations, in order. The list module imports them by their `@chancery/*` names,
 * which Jest's module mapper does not resolve in a global setup: the tsconfig paths do.
 */
async function loadMigrationList(): Promise<typeof import('../../../migrations/src').ALL_MIGRATIONS> {
  const root = join(__dirname, '..', '..', '..', '..');
  const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } };
  register({ baseUrl: root, paths: compilerOptions.paths });
  return (await import('../../../migrations/src')).ALL_MIGRATIONS;
}
