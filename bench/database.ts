import { Client } from 'pg';
import {
  APPLICATION_ROLE,
  createDatabaseIfMissing,
  ensureApplicationRole,
  quoteIdentifier,
  runMigrations,
  startEmbeddedPostgres,
  withCredentials,
  withDatabase,
} from '@chancery/core';
import { ALL_MIGRATIONS } from '@chancery/migrations';
import { DEFAULT_DOCUMENT_VOLUME, DocumentVolume } from './seed';

/** Kept between runs, so the data is seeded once. */
export const BENCH_DATABASE = 'chancery_bench';

/** `chancery_bench`, or for other document volumes than the issues' a database of its own (kept too). */
export function benchDatabaseName(volume: DocumentVolume): string {
  const parts = [
    volume.datasheets === DEFAULT_DOCUMENT_VOLUME.datasheets ? '' : `_d${volume.datasheets}`,
    volume.certificates === DEFAULT_DOCUMENT_VOLUME.certificates ? '' : `_c${volume.certificates}`,
  ];
  return BENCH_DATABASE + parts.join('');
}
/** Only set on the embedded cluster, which is ours; a shared server's role keeps its password. */
const EMBEDDED_APP_PASSWORD = 'chancery-bench-app';

export interface BenchDatabase {
  /** The database's name (chancery_bench, or one per other document volume). */
  name: string;
  /** Owner of `chancery_bench`: migrations, seeding, pruning. */
  ownerUrl: string;
  /** The application role, as both servers connect. */
  appUrl: string;
  /** e.g. "PostgreSQL 15.20 (127.0.0.1:5432)" or "PostgreSQL 18.0 (embedded)". */
  description: string;
  /** Drops `chancery_bench` and creates and migrates it anew (a seed of another version was there). */
  recreate(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The database both servers use: `chancery_bench` on the server of BENCH_DATABASE_URL (or
 * DATABASE_URL), else on an embedded PostgreSQL in .data/bench started with the project's own
 * helper. Migrated here (the API runs in production mode, which does not migrate on start).
 */
export async function openBenchDatabase(
  serverUrl: string | undefined,
  name: string,
  say: (line: string) => void,
): Promise<BenchDatabase> {
  let stop = async (): Promise<void> => undefined;
  let where: string;
  let appPassword: string | undefined;
  if (serverUrl) {
    where = new URL(serverUrl).host;
    appPassword = process.env.DATABASE_APP_PASSWORD || undefined;
  } else {
    const embedded = await startEmbeddedPostgres({ dataDir: '.data', name: 'bench' });
    say(`embedded PostgreSQL started on 127.0.0.1:${embedded.port} (data in .data/bench)`);
    serverUrl = embedded.serverUrl;
    stop = () => embedded.stop();
    where = 'embedded';
    appPassword = EMBEDDED_APP_PASSWORD;
  }
  const server = serverUrl;
  const ownerUrl = withDatabase(server, name);
  const prepare = async () => {
    if (await createDatabaseIfMissing(server, name)) say(`database ${name} created`);
    await ensureApplicationRole(ownerUrl, appPassword);
    const applied = await runMigrations(ownerUrl, ALL_MIGRATIONS);
    if (applied.length) say(`migrations applied: ${applied.join(', ')}`);
  };
  try {
    await prepare();
    const version = await serverVersion(ownerUrl);
    return {
      name,
      ownerUrl,
      appUrl: process.env.DATABASE_APP_URL
        ? withDatabase(process.env.DATABASE_APP_URL, name)
        : withCredentials(ownerUrl, APPLICATION_ROLE, appPassword),
      description: `PostgreSQL ${version} (${where})`,
      recreate: async () => {
        await withOwner(withDatabase(server, 'postgres'), (client) =>
          client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
        );
        await prepare();
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function serverVersion(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0]!.server_version.split(' ')[0]!;
  } finally {
    await client.end();
  }
}

/** Runs `work` with a connection of the owner. */
export async function withOwner<T>(ownerUrl: string, work: (owner: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Runs `work` in one transaction of the owner, scoped like the application's units of work, so
 * row-level security (forced, also for the owner) lets the rows of that tenant through even where
 * the owner is not a superuser. `tenantId` null: platform scope.
 */
export async function inTenant<T>(
  owner: Client,
  tenantId: string | null,
  work: () => Promise<T>,
): Promise<T> {
  await owner.query('BEGIN');
  try {
    await owner.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.scope', $2, true)`, [
      tenantId ?? '',
      tenantId ? '' : 'platform',
    ]);
    const result = await work();
    await owner.query('COMMIT');
    return result;
  } catch (error) {
    await owner.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
