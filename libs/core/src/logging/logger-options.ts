import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { describeError } from '../errors/error-description';

/**
 * Paths pino replaces with "[redacted]" on every line: secrets (passwords, tokens, keys) and GraphQL
 * variables. Personal data is added by the processes from the field declarations, so a newly
 * declared field is redacted without a second list to keep.
 */
export const REDACTED_LOG_PATHS: string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.secret',
  '*.totpCode',
  '*.apiKey',
  'variables',
  '*.variables',
];

export const REQUEST_ID_HEADER = 'x-request-id';

/** Accepts a caller's request id only when it looks like one (so logs cannot be injected through it). */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers[REQUEST_ID_HEADER];
  if (typeof given === 'string' && /^[A-Za-z0-9._-]{8,64}$/.test(given)) return given;
  return randomUUID();
}

export interface LogOutputOptions {
  /** Extra paths to redact (the personal-data fields the policy declarations name). */
  redactPaths?: string[];
  /** Every logged object passes through this first (the policy's output gate for logs). */
  formatLogObject?: (object: Record<string, unknown>) => Record<string, unknown>;
  /** Where lines go instead of stdout (tests read them back). */
  destination?: DestinationStream;
}

export function loggerOptions(config: AppConfig, output: LogOutputOptions = {}): Params {
  const options: Exclude<Params['pinoHttp'], DestinationStream | unknown[] | undefined> = {
    level: config.LOG_LEVEL,
    genReqId: (req) => (req as IncomingMessage & { id?: string }).id ?? requestIdOf(req),
    customProps: (req) => ({ requestId: (req as IncomingMessage & { id?: string }).id }),
    redact: { paths: [...REDACTED_LOG_PATHS, ...(output.redactPaths ?? [])], censor: '[redacted]' },
    // Only method and path of the request: query strings and bodies can carry personal data.
    serializers: {
      req: (req: { id?: string; method?: string; url?: string }) => ({
        id: req.id,
        method: req.method,
        path: typeof req.url === 'string' ? req.url.split('?')[0] : undefined,
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      // Errors: kind, code and stack frames, never a value they carry (query parameters, row details).
      err: describeError,
    },
    formatters: output.formatLogObject ? { log: output.formatLogObject } : undefined,
    autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
    transport:
      config.NODE_ENV === 'development' && !output.destination ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
  };
  // Tests pass a destination to read the lines back (VERIFY T19).
  return { pinoHttp: output.destination ? [options, output.destination] : options };
}
