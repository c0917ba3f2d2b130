import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

// What Linux tells about a running process (its CPU time and resident memory), read by the harness
// and the load worker; elsewhere these are null and the report says n/a.

let clockTicks: number | undefined;

function ticksPerSecond(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

/** User + system CPU seconds a process has used so far (Linux /proc), or null where there is none. */
export function cpuSeconds(pid: number): number | null {
  const file = `/proc/${pid}/stat`;
  if (!existsSync(file)) return null;
  // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
  const stat = readFileSync(file, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  clockTicks ??= ticksPerSecond();
  return (Number(fields[11]) + Number(fields[12])) / clockTicks;
}

/** Resident memory of a process in MiB (VmRSS), or null where there is no /proc. */
export function rssMiB(pid: number): number | null {
  const file = `/proc/${pid}/status`;
  if (!existsSync(file)) return null;
  const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(file, 'utf8'));
  return match ? Number(match[1]) / 1024 : null;
}

/**
 * Waits until the servers are idle (under 5 % of a core for a quarter of a second): the load of the
 * previous run, whose last requests the server may still be serving, must not weigh on this one.
 */
export async function waitUntilIdle(pids: readonly number[]): Promise<void> {
  const busy = () => pids.reduce((sum, pid) => sum + (cpuSeconds(pid) ?? 0), 0);
  const deadline = Date.now() + 60_000;
  for (let before = busy(); Date.now() < deadline;) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const after = busy();
    if (after - before < 0.0125) return;
    before = after;
  }
}
