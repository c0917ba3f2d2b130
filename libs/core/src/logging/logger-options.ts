import pino, { DestinationStream, Logger as Pino, LoggerOptions } from 'pino';
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { describeError } from '../errors/error-description';
import { logRedaction } from './log-redaction';
import { stdoutDestination } from './stdout-destination';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * The request's id, decided once and kept on the request, so its access line, its other log lines, its
 * audit entries and its X-Request-Id header all carry the same one. A caller's id is accepted only when
 * it looks like one (so logs and headers cannot be injected through it); otherwise a new UUID.
 */
export function requestIdOf(req: IncomingMessage & { id?: string }): string {
  if (req.id !== undefined) return req.id;
  const given = req.headers[REQUEST_ID_HEADER];
  return (req.id = typeof given === 'string' && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : randomUUID());
}

export interface LogOutputOptions {
  /** Key names to redact besides the secrets (the personal-data fields the policy declarations name). */
  redactKeys?: Iterable<string>;
  /** A record the policy knows, as the output gate presents it for logs (undefined: not one of its records). */
  presentRecord?: (value: object) => unknown;
  /** Where lines go instead of stdout (tests read them back). */
  destination?: DestinationStream;
}

/**
 * The process's one pino logger. Every line logged while a request runs carries its id as
 * `requestId`, read from the request context (`currentRequestId`) when the line is written: no child
 * logger and no second async context per request.
 */
export function createRootLogger(
  config: AppConfig,
  output: LogOutputOptions = {},
  currentRequestId: () => string | undefined = () => undefined,
): Pino {
  // Every logged object and every binding pass through one redacting walk.
  const redact = logRedaction({ keys: output.redactKeys, present: output.presentRecord });
  const options: LoggerOptions = {
    level: config.LOG_LEVEL,
    serializers: {
      // A request or response logged under these keys (the access line's, or one handed to a logger by
      // mistake) keeps only method, path and status: headers carry tokens and cookies, query strings
      // and bodies personal data.
      req: (req: { method?: string; path?: string; url?: string }) => ({
        method: req.method,
        path: typeof req.path === 'string' ? req.path : typeof req.url === 'string' ? req.url.split('?')[0] : undefined,
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      // Errors: kind, code and stack frames, never a value they carry (query parameters, row details).
      err: describeError,
    },
    formatters: { log: redact, bindings: redact },
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
    transport:
      config.NODE_ENV === 'development' && !output.destination ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
  };
  // Tests pass a destination to read the lines back (VERIFY T19); otherwise standard output, written
  // asynchronously (see stdoutDestination).
  if (output.destination) return pino(options, output.destination);
  if (options.transport) return pino(options);
  return pino(options, stdoutDestination());
}
