import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../..');

/**
 * A child that logs through the standard-output destination until whatever reads its output stalls,
 * starts to exit (pino flushes what waits, synchronously, at exit), and then, if `readerDiesAtExit`,
 * loses its reader.
 * Resolves with how the child ended, or 'still running' when it had not exited in `limitMs`.
 */
function exitWithStalledReader(limitMs: number, { readerDiesAtExit }: { readerDiesAtExit: boolean }): Promise<{ code: number | null; signal: string | null } | 'still running'> {
  const script = `
    const { stdoutDestination } = require('./libs/core/src/logging/stdout-destination.ts');
    const logger = require('pino')({}, stdoutDestination());
    const line = 'x'.repeat(1000);
    for (let i = 0; i < 2000; i += 1) logger.info({ i, line });
    setTimeout(() => { process.stderr.write('exiting\\n'); process.exit(0); }, 200);
  `;
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' },
  });
  // Nobody reads the child's output: its pipe fills and the lines wait in the child.
  child.stdout.pause();
  return new Promise((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve('still running');
    }, limitMs);
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      // The child is in its exit flush: now the reader goes away (a log shipper that died).
      if (readerDiesAtExit && stderr.includes('exiting')) setTimeout(() => child.stdout.destroy(), 300);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    });
  });
}

describe('standard output as the log destination', () => {
  it('a process whose output reader stalls and then dies still exits (the lines waiting are lost)', async () => {
    await expect(exitWithStalledReader(15_000, { readerDiesAtExit: true })).resolves.toEqual({ code: 0, signal: null });
  }, 30_000);

  it('a process whose output reader stalls for good exits once the exit has waited two seconds for it', async () => {
    const started = Date.now();
    await expect(exitWithStalledReader(15_000, { readerDiesAtExit: false })).resolves.toEqual({ code: 0, signal: null });
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
  }, 30_000);
});
