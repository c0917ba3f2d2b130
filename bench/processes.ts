import { ChildProcess, spawn } from 'node:child_process';

/** Every child the harness started, so an exit or Ctrl-C ends them all (by pid, ours only). */
const children = new Set<ChildProcess>();

process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

export interface ServerProcess {
  name: string;
  /** http://127.0.0.1:<port> */
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts a server as its own Node process (never the harness's, nor the load generator's) and waits
 * until `readyPath` answers 200. Its standard output is discarded (the API logs a line per request
 * in production); standard error is kept to explain a failed start.
 */
export async function startServer(options: {
  name: string;
  script: string;
  nodeArgs?: string[];
  env: NodeJS.ProcessEnv;
  port: number;
  readyPath: string;
  cwd: string;
}): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.script], {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.add(child);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => (children.delete(child), resolve(code))),
  );
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `${options.name} exited during start (${child.exitCode ?? child.signalCode}):\n${stderr.trim()}`,
      );
    }
    if (Date.now() > deadline) throw new Error(`${options.name} not ready after 90 s:\n${stderr.trim()}`);
    const ready = await fetch(url + options.readyPath).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    name: options.name,
    url,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Runs a Node script to completion and returns its standard output (a load run). */
export function runNode(script: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-4000)));
    child.once('exit', (code, signal) => {
      children.delete(child);
      if (code === 0) resolve(stdout);
      else reject(new Error(`${script} ended with ${code ?? signal}:\n${stderr.trim()}`));
    });
  });
}

/** Ends every child still running (SIGTERM, then SIGKILL after 10 s). */
export async function stopChildren(): Promise<void> {
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          child.once('exit', () => (clearTimeout(timer), resolve()));
          child.kill('SIGTERM');
        }),
    ),
  );
}
