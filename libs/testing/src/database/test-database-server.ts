import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import {
  APPLICATION_ROLE,
  DatabaseSettings,
  quoteIdentifier,
  withCredentials,
  withDatabase,
} from '../../../core/src/database/database-settings';

/** Set by the global setup for the test workers. */
export const TEST_SERVER_URL_ENV = 'CHANCERY_TEST_SERVER_URL';
export const TEST_TEMPLATE_ENV = 'CHANCERY_TEST_TEMPLATE';
export const TEST_APP_PASSWORD_ENV = 'CHANCERY_TEST_APP_PASSWORD';
export const TEST_RUN_ENV = 'CHANCERY_TEST_RUN';

/** Every database of one test run starts with this; the run is the pid of Jest's main process. */
export function testDatabasePrefix(runId: string): string {
  return `chancery_t${runId}_`;
}

export interface TestDatabase extends DatabaseSettings {
  name: string;
  drop(): Promise<void>;
}

function serverUrl(): string {
  const url = process.env[TEST_SERVER_URL_ENV];
  if (!url) throw new Error(`${TEST_SERVER_URL_ENV} is not set: run the e2e tests through jest's global setup`);
  return url;
}

export async function withServerClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: withDatabase(serverUrl(), 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database for one test file, cloned from the migrated template (a file copy on the server:
 * far faster than migrating), and dropped afterwards.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = process.env[TEST_TEMPLATE_ENV];
  const runId = process.env[TEST_RUN_ENV];
  if (!template || !runId) throw new Error('run the e2e tests through Jest (its global setup prepares the template database)');
  const name = `${testDatabasePrefix(runId)}${process.pid}_${randomBytes(4).toString('hex')}`;
  await withServerClient((client) =>
    client.query(`CREATE DATABASE ${quoteIdentifier(name)} TEMPLATE ${quoteIdentifier(template)}`),
  );
  const ownerUrl = withDatabase(serverUrl(), name);
  const appPassword = process.env[TEST_APP_PASSWORD_ENV] || undefined;
  return {
    name,
    ownerUrl,
    appUrl: withCredentials(ownerUrl, APPLICATION_ROLE, appPassword),
    appPassword,
    drop: () =>
      withServerClient((client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}
