// Relative imports: the global teardown runs outside Jest's module mapper.
import { rmSync } from 'node:fs';
import { Client } from 'pg';
import { quoteIdentifier } from '../../../core/src/database/database-settings';
import { TEST_SERVER_URL_ENV, testDatabasePrefix } from './test-database-server';

export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as { __chanceryEmbedded?: { stop(): Promise<void>; dataDir: string } }).__chanceryEmbedded;
  if (embedded) {
    await embedded.stop();
    rmSync(embedded.dataDir, { recursive: true, force: true });
    return;
  }
  // On a shared server, remove this run's template and any database a test file left behind.
  const client = new Client({ connectionString: process.env[TEST_SERVER_URL_ENV] });
  await client.connect();
  try {
    const prefix = testDatabasePrefix(String(process.pid));
    const { rows } = await client.query(`SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [prefix]);
    for (const { datname } of rows as Array<{ datname: string }>) {
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(datname)} WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}
