import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RawBodyRouteConfig } from '@chancery/core';

/** Largest request body accepted: a GraphQL document with variables, never a file (uploads declare `RawBody`). */
export const MAX_BODY_BYTES = 256 * 1024;

/** An error Fastify answers with its status; the error filter turns it into the API's refusal shape. */
function refusal(statusCode: number, message: string): Error & { statusCode: number } {
  return Object.assign(new Error(message), { statusCode });
}

function rawBodyOf(request: FastifyRequest): RawBodyRouteConfig['rawBody'] {
  return (request.routeOptions.config as RawBodyRouteConfig | undefined)?.rawBody;
}

/**
 * The API's body parsers, instead of Fastify's defaults:
 * - JSON (`application/json`, `+json`) up to MAX_BODY_BYTES, parsed with JSON.parse; an empty body is `{}`
 *   (Apollo then names what is missing); a charset other than UTF-8 is refused (415);
 * - a route that declares `RawBody` gets the bytes as a Buffer whatever the content type, up to its own
 *   limit (the route's `bodyLimit`, set from its config when the route is added);
 * - any other content type: no body (`text/plain` reaches Apollo, whose CSRF prevention refuses it; a
 *   plain route has nothing to read), still read up to the limit and discarded.
 * Over a limit: 413 before anything is kept (Content-Length), or as soon as the bytes pass it.
 */
export function installRequestBodies(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route) => {
    const raw = (route.config as RawBodyRouteConfig | undefined)?.rawBody;
    if (raw) route.bodyLimit = raw.limitBytes;
  });
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(/^application\/([\w.-]+\+)?json\s*(;|$)/i, { parseAs: 'buffer' }, (request, body, done) => {
    if (rawBodyOf(request)) return done(null, body);
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(request.headers['content-type'] ?? '')?.[1]?.toLowerCase();
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') return done(refusal(415, `unsupported charset "${charset}"`), undefined);
    const text = (body as Buffer).toString('utf8');
    if (text.trim() === '') return done(null, {});
    try {
      done(null, JSON.parse(text));
    } catch {
      done(refusal(400, 'The request body is not valid JSON'), undefined);
    }
  });
  fastify.addContentTypeParser('*', { parseAs: 'buffer' }, (request, body, done) => {
    done(null, rawBodyOf(request) ? body : undefined);
  });
}
