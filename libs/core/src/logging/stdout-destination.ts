import pino, { DestinationStream } from 'pino';

/** Most bytes of log lines kept waiting for a stalled standard output. */
const STDOUT_BUFFER_LIMIT = 16 * 1024 * 1024;

/** How long the exit may wait for a stalled reader to take the lines still waiting. */
const EXIT_FLUSH_LIMIT_MS = 2000;

/**
 * Standard output, written asynchronously: lines logged while a write is under way go out together in
 * the next one, so a busy process makes one system call for many lines instead of one per line (each
 * costs as much as a database round trip on a virtual machine), and a quiet one still writes each line
 * at once. If whatever reads standard output stalls, at most 16 MiB wait in memory; lines beyond are
 * dropped rather than the process growing until it dies.
 *
 * At exit pino writes what waits synchronously. That write is bounded: a reader that takes nothing
 * for two seconds, or is gone (EPIPE), costs the waiting lines, never the exit (sonic-boom 4 retried a
 * broken pipe forever, so a process whose log reader died could not stop).
 */
export function stdoutDestination(): DestinationStream {
  let exitDeadline: number | undefined;
  const destination = pino.destination({
    dest: 1,
    sync: false,
    maxLength: STDOUT_BUFFER_LIMIT,
    // A full pipe: retried for as long as the process runs; at exit, until the deadline.
    retryEAGAIN: () => exitDeadline === undefined || Date.now() < exitDeadline,
  });
  const flushSync = destination.flushSync.bind(destination);
  destination.flushSync = () => {
    exitDeadline ??= Date.now() + EXIT_FLUSH_LIMIT_MS;
    try {
      flushSync();
    } catch {
      // Nobody reads any more: the lines still waiting are lost, and the process goes on exiting.
    }
  };
  return destination;
}
