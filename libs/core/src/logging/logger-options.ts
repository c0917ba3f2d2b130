import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { describeError } from '../errors/error-description';
import { logRedaction } from './log-redaction';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Accepts a caller's request id only when it looks like one (so logs cannot be injected through it). */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers[REQUEST_ID_HEADER];
  if (typeof given === 'string' && /^[A-Za-z0-9._-]{8,64}$/.test(given)) return given;
  return randomUUID();
}

export interface LogOutputOptions {
  /** Key names to redact besides the secrets (the personal-data fields the policy declarations name). */
  redactKeys?: Iterable<string>;
  /** A record the policy knows, as the output gate presents it for logs (undefined: not one of its records). */
  presentRecord?: (value: object) => unknown;
  /** Where lines go instead of stdout (tests read them back). */
  destination?: DestinationStream;
}

export function loggerOptions(config: AppConfig, output: LogOutputOptions = {}): Params {
  // Every logged object and every child logger's bindings pass through one redacting walk.
  const redact = logRedaction({ keys: output.redactKeys, present: output.presentRecord });
  const options: Exclude<Params['pinoHttp'], DestinationStream | unknown[] | undefined> = {
    level: config.LOG_LEVEL,
    genReqId: (req) => (req as IncomingMessage & { id?: string }).id ?? requestIdOf(req),
    // Every line of a request carries its id as `requestId` (one child logger per request, not two).
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'requestId' },
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
    formatters: { log: redact, bindings: redact },
    autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
    transport:
      config.NODE_ENV === 'development' && !output.destination ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
  };
  // Tests pass a destination to read the lines back (VERIFY T19).
  return { pinoHttp: output.destination ? [options, output.destination] : options };
}
