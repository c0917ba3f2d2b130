import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '../config/app-config';

/**
 * Paths pino replaces with "[redacted]" on every line: secrets (passwords, tokens, keys) and GraphQL
 * variables. Personal data is added by the API from the field declarations (`personalDataLogRedactions`),
 * so a newly declared field is redacted without a second list to keep.
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

export function loggerOptions(config: AppConfig, extraRedactions: string[] = [], destination?: DestinationStream): Params {
  const options: Exclude<Params['pinoHttp'], DestinationStream | unknown[] | undefined> = {
    level: config.LOG_LEVEL,
    genReqId: (req) => (req as IncomingMessage & { id?: string }).id ?? requestIdOf(req),
    customProps: (req) => ({ requestId: (req as IncomingMessage & { id?: string }).id }),
    redact: { paths: [...REDACTED_LOG_PATHS, ...extraRedactions], censor: '[redacted]' },
    // Only method and path of the request: query strings and bodies can carry personal data.
    serializers: {
      req: (req: { id?: string; method?: string; url?: string }) => ({
        id: req.id,
        method: req.method,
        path: typeof req.url === 'string' ? req.url.split('?')[0] : undefined,
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
    transport:
      config.NODE_ENV === 'development' && !destination ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
  };
  // Tests pass a destination to read the lines back (VERIFY T19).
  return { pinoHttp: destination ? [options, destination] : options };
}
