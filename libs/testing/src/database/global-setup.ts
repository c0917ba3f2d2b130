import { Client } from 'pg';
import {
  ensureApplicationRole,
  quoteIdentifier,
  runMigrations,
  startEmbeddedPostgres,
  withDatabase,
} from '../../../core/src';
// Relative imports: the global setup runs outside Jest's module mapper.
import { TEST_APP_PASSWORD_ENV, TEST_SERVER_URL_ENV, TEST_TEMPLATE_ENV } from './test-database-server';

const TEMPLATE = 'chancery_test_template';
const EMBEDDED_APP_PASSWORD = 'chancery-app-embedded';

/**
 * Prepares the server for the end-to-end tests: TEST_DATABASE_URL or DATABASE_URL when set (CI's
 * PostgreSQL 15), otherwise an embedded PostgreSQL of the tests' own. Migrates a template database once;
 * every test file clones it.
 */
export default async function globalSetup(): Promise<void> {
  const given = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  let server: string;
  let appPassword = '';
  if (given) {
    server = withDatabase(given, 'postgres');
  } else {
    const embedded = await startEmbeddedPostgres({ dataDir: process.env.DATA_DIR ?? '.data', name: 'test-postgres' });
    (globalThis as { __chanceryEmbedded?: typeof embedded }).__chanceryEmbedded = embedded;
    server = embedded.serverUrl;
    appPassword = EMBEDDED_APP_PASSWORD;
  }
  await ensureApplicationRole(server, appPassword || undefined);

  const client = new Client({ connectionString: server });
  await client.connect();
  try {
    // Test databases a crashed run left behind.
    const leftovers = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE 'chancery\\_test\\_%'`);
    for (const { datname } of leftovers.rows as { datname: string }[]) {
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(datname)} WITH (FORCE)`);
    }
    await client.query(`CREATE DATABASE ${quoteIdentifier(TEMPLATE)}`);
  } finally {
    await client.end();
  }
  await runMigrations(withDatabase(server, TEMPLATE));

  process.env[TEST_SERVER_URL_ENV] = server;
  process.env[TEST_TEMPLATE_ENV] = TEMPLATE;
  process.env[TEST_APP_PASSWORD_ENV] = appPassword;
}
