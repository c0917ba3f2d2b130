import { RouteConfig } from '@nestjs/platform-fastify';

/** A route's Fastify config that asks for its body as raw bytes (see `RawBody`). */
export interface RawBodyRouteConfig {
  rawBody?: { limitBytes: number };
}

/**
 * The route takes its body as raw bytes (`request.body` is a Buffer), whatever its content type, up
 * to `limitBytes` instead of the API's JSON limit: uploads, whose type and size are checked on the
 * bytes. The API's body parsers read this from the route's config (apps/api/src/http).
 */
export const RawBody = (limitBytes: number) => RouteConfig({ rawBody: { limitBytes } } satisfies RawBodyRouteConfig);

/** The largest upload body: room for the largest document (DOCUMENT_MAX_BYTES is checked on the bytes). */
export const UPLOAD_BODY_LIMIT_BYTES = 51 * 1024 * 1024;
