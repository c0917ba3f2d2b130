import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { AppConfig } from '../config/app-config';
import { EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';

/** The role the application connects as: owns nothing, cannot bypass row-level security. */
export const APPLICATION_ROLE = 'chancery_app';
const EMBEDDED_APPLICATION_PASSWORD = 'chancery-app-embedded';
const EMBEDDED_DATABASE = 'chancery';

export interface DatabaseSettings {
  /** Connection of the owner: runs migrations and the bootstrap. */
  ownerUrl: string;
  /** Connection of the application role: everything the API and the worker do. */
  appUrl: string;
  /** Password to give the application role if the bootstrap creates it. */
  appPassword?: string;
  /** Set when this process started its own PostgreSQL. */
  embedded?: EmbeddedPostgres;
  /** Set when this process uses the embedded PostgreSQL another process of this checkout started. */
  sharedEmbedded?: boolean;
}

export function withCredentials(url: string, user: string, password?: string, database?: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = password ? encodeURIComponent(password) : '';
  if (database) parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function databaseNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
}

/**
 * Where the data lives. With DATABASE_URL, that server; without it, an embedded PostgreSQL in
 * DATA_DIR, so `npm start` works on a machine with nothing but Node.js.
 */
export async function resolveDatabaseSettings(
  config: AppConfig,
  log: (line: string) => void = () => undefined,
): Promise<DatabaseSettings> {
  if (config.DATABASE_URL) {
    return {
      ownerUrl: config.DATABASE_URL,
      appUrl:
        config.DATABASE_APP_URL ??
        withCredentials(config.DATABASE_URL, APPLICATION_ROLE, config.DATABASE_APP_PASSWORD),
      appPassword: config.DATABASE_APP_PASSWORD,
    };
  }
  // The API and the worker share one embedded PostgreSQL: the second process finds the first's.
  const running = await runningEmbeddedServer(config.DATA_DIR);
  if (running) return { ...embeddedSettings(running), sharedEmbedded: true };
  const started = await startEmbeddedPostgres({ dataDir: config.DATA_DIR, onLog: log });
  await createDatabaseIfMissing(started.serverUrl, EMBEDDED_DATABASE);
  const marker = join(config.DATA_DIR, RUNNING_SERVER_FILE);
  writeFileSync(marker, JSON.stringify({ serverUrl: started.serverUrl, pid: process.pid }), { mode: 0o600 });
  const embedded = { ...started, stop: () => { rmSync(marker, { force: true }); return started.stop(); } };
  return { ...embeddedSettings(started.serverUrl), embedded };
}

/** Written by the process that started the embedded PostgreSQL, removed when it stops it. */
const RUNNING_SERVER_FILE = 'embedded-postgres.json';

function embeddedSettings(serverUrl: string): DatabaseSettings {
  const ownerUrl = withDatabase(serverUrl, EMBEDDED_DATABASE);
  return {
    ownerUrl,
    appUrl: withCredentials(ownerUrl, APPLICATION_ROLE, EMBEDDED_APPLICATION_PASSWORD),
    appPassword: EMBEDDED_APPLICATION_PASSWORD,
  };
}

/** The embedded server another process of this checkout started and still runs, if any. */
async function runningEmbeddedServer(dataDir: string): Promise<string | null> {
  const marker = join(dataDir, RUNNING_SERVER_FILE);
  if (!existsSync(marker)) return null;
  const { serverUrl, pid } = JSON.parse(readFileSync(marker, 'utf8')) as { serverUrl: string; pid: number };
  try {
    process.kill(pid, 0);
  } catch {
    return null; // its process is gone (the server went with it): start afresh
  }
  const client = new Client({ connectionString: serverUrl, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return serverUrl;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function createDatabaseIfMissing(serverUrl: string, database: string, template?: string): Promise<boolean> {
  const client = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount) return false;
    const from = template ? ` TEMPLATE ${quoteIdentifier(template)}` : '';
    await client.query(`CREATE DATABASE ${quoteIdentifier(database)}${from}`);
    return true;
  } finally {
    await client.end();
  }
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * Creates the application role when missing (roles are per server, so this runs before migrations,
 * which grant it table privileges). It is never owner of anything, never superuser, never BYPASSRLS.
 */
export async function ensureApplicationRole(ownerUrl: string, password?: string): Promise<void> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [APPLICATION_ROLE]);
    const withPassword = password ? ` PASSWORD ${quoteLiteral(password)}` : '';
    if (!exists.rowCount) {
      await client.query(
        `CREATE ROLE ${APPLICATION_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS${withPassword}`,
      );
    } else if (password) {
      await client.query(`ALTER ROLE ${APPLICATION_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS${withPassword}`);
    }
    await client.query(`GRANT CONNECT ON DATABASE ${quoteIdentifier(databaseNameOf(ownerUrl))} TO ${APPLICATION_ROLE}`);
  } finally {
    await client.end();
  }
}
