import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CATCH_ALL_ANSWERS } from '@chancery/core';

/**
 * The first path segments of the API's routes (the controllers, GraphQL, health): an unknown path under
 * them answers the JSON 404, not the portal's page with 200. None is a portal route (apps/web App.tsx:
 * the portal has /verification, /datasheets, /privacy, /app/…; the QR code's /verify is the API's).
 */
export const API_PREFIXES = ['graphql', 'health', 'auth', 'public', 'verify', 'certificates', 'certificate-applications', 'datasheet-versions', 'tenant-offboardings', 'platform', 'data-subject-export'];
const API_PATHS = new RegExp(`^/(?:${API_PREFIXES.join('|')})(?:/|$)`);

/**
 * The portal's Content-Security-Policy (the same list as apps/web/vite.config.mts, plus frame-ancestors)
 * allows scripts, styles and requests from this origin only. nosniff, as on every answer: api-application.ts.
 */
const PORTAL_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
};

const PORTAL_OPTIONS = Symbol('PORTAL_OPTIONS');

/**
 * The web portal (`npm run build:web` → dist/web), served from the API's own port: its files as they are
 * (a route per file, found at start), and index.html for every other GET path (the portal's routes),
 * never under the API's own prefixes, which answer the JSON 404.
 */
@Module({})
export class PortalModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(PORTAL_OPTIONS) private readonly options: { root: string },
  ) {}

  static register(root: string): DynamicModule {
    return { module: PortalModule, providers: [{ provide: PORTAL_OPTIONS, useValue: { root } }] };
  }

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    const { root } = this.options;
    const setHeaders = (reply: FastifyReply) => {
      for (const [name, value] of Object.entries(PORTAL_HEADERS)) void reply.header(name, value);
    };
    const built = existsSync(join(root, 'index.html'));
    if (built) void fastify.register(fastifyStatic, { root, wildcard: false, index: false, setHeaders });
    const answers = (path: string) => built && !API_PATHS.test(path);
    // The error filter asks it before naming GET in a 405's Allow for a path of the API.
    fastify.decorate(CATCH_ALL_ANSWERS, answers);
    fastify.get('/*', (request: FastifyRequest, reply: FastifyReply) => {
      if (!answers(request.url.split('?')[0] ?? '/')) return reply.callNotFound();
      setHeaders(reply);
      return reply.type('text/html; charset=utf-8').sendFile('index.html', root);
    });
  }
}
