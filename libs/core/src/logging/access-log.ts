import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger as Pino } from 'pino';
import { requestIdOf } from './logger-options';

type RequestWithId = IncomingMessage & { id?: string };

/**
 * One line per HTTP request, when its response has gone (or the client went away): the request's id
 * (`requestId`, as on every other line of the request), method and path — never its query string or body, which can carry personal data — the status and
 * the time taken. Health checks are not logged (probes ask every few seconds).
 */
export function accessLogMiddleware(logger: Pino) {
  return (req: RequestWithId, res: ServerResponse, next: () => void): void => {
    const url = req.url ?? '';
    if (url.startsWith('/health')) return next();
    // Decided once per request (requestIdOf keeps it on the request): the same id on every line.
    const id = requestIdOf(req);
    const started = Date.now();
    res.once('close', () => {
      // Reduced here, not left to the `req`/`res` serializers: pino runs the redacting walk
      // (formatters.log) before the serializers, and it would walk the whole request object.
      const line = {
        requestId: id,
        req: { method: req.method, path: url.split('?')[0] },
        res: { statusCode: res.statusCode },
        responseTime: Date.now() - started,
      };
      if (!res.writableFinished) logger.warn(line, 'request aborted');
      else if (res.statusCode >= 500) logger.error(line, 'request errored');
      else logger.info(line, 'request completed');
    });
    next();
  };
}
