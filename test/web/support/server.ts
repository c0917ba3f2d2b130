import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

/** What a worker's API hands to its tests (the `state` fixture). */
export interface WebTestState {
  baseURL: string;
  ownerUrl: string;
  dataDir: string;
  /** Second-factor secrets of the demo accounts, by e-mail address, as the API printed them. */
  totpSecrets: Record<string, string>;
  demoPassword: string;
}

function freePort(): Promise<number> {
  return new Promise((done, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/** Builds the server and the portal (unless CHANCERY_WEB_SKIP_BUILD=1 says they are fresh). */
export function build(): void {
  if (process.env.CHANCERY_WEB_SKIP_BUILD === '1') return;
  for (const script of ['build', 'build:web']) {
    execSync(`npm run --silent ${script}`, { cwd: REPO_ROOT, stdio: 'inherit' });
  }
}

/**
 * Starts the real API from dist/ on a free port with a fresh DATA_DIR: embedded PostgreSQL,
 * migrations and demo data load by themselves; NODE_ENV=development prints the demo accounts.
 */
export async function startApi(): Promise<{ state: WebTestState; stop: () => Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'chancery-web-'));
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    PORT: String(port),
    PUBLIC_BASE_URL: baseURL,
    LOG_LEVEL: 'warn',
    // The journeys log in and register a hundred times: 8 MiB argon2id, as the e2e suites (production: 64 MiB).
    PASSWORD_HASH_MEMORY_KIB: '8192',
    // Every journey logs in from 127.0.0.1: the per-address limits would stop the suite, not a person.
    AUTH_RATE_LIMIT_PER_MINUTE: '10000',
    RATE_LIMIT_PER_MINUTE: '100000',
  };
  delete env.DATABASE_URL;
  delete env.DATABASE_APP_URL;
  const child: ChildProcess = spawn(process.execPath, ['dist/apps/api/src/main.js'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const totpSecrets: Record<string, string> = {};
  let demoPassword = '';
  const ready = new Promise<void>((done, reject) => {
    const timer = setTimeout(() => reject(new Error(`the API did not start within 120 s:\n${output}`)), 120_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of output.split('\n')) {
        const account = /^\s+(\S+@\S+)\s+.*TOTP secret ([A-Z2-7]+)\s*$/.exec(line);
        if (account) totpSecrets[account[1]!] = account[2]!;
        const password = /password for all: ([^)]+)\)/.exec(line);
        if (password) demoPassword = password[1]!;
      }
      if (output.includes('[chancery] ready in')) {
        clearTimeout(timer);
        done();
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the API exited (${code}) before it was ready:\n${output}`));
    });
  });
  await ready;
  const embedded = JSON.parse(readFileSync(join(dataDir, 'embedded-postgres.json'), 'utf8')) as { serverUrl: string };
  const ownerUrl = new URL(embedded.serverUrl);
  ownerUrl.pathname = '/chancery';
  const state: WebTestState = { baseURL, ownerUrl: ownerUrl.toString(), dataDir, totpSecrets, demoPassword };

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((done) => setTimeout(done, 20_000))]);
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  return { state, stop };
}
