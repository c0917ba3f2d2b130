import { generateKeyPairSync } from 'node:crypto';
import type { Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Role } from '@chancery/access';
import { useTestApp } from '@chancery/testing';
import { API_PREFIXES } from '../../apps/api/src/app.module';

/** A stand-in for the built portal (dist/web): its index.html is what every portal route answers. */
function portalRoot(): string {
  const dir = mkdtempSync(join(tmpdir(), 'portal-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>portal</title>');
  return dir;
}

const ROUTE_NOT_FOUND = { errors: [{ message: 'No such route', extensions: { code: 'NOT_FOUND', reason: 'ROUTE_NOT_FOUND' } }] };

/**
 * Probe B, F6: the portal's index.html answered every unknown path, the API's own included, so a
 * machine client got a page with 200 for `/public/nope`; and a known path asked with another method
 * answered 404 instead of 405 with the methods it has.
 */
describe('Unknown paths and methods: the API answers JSON, the portal its page', () => {
  const portal = portalRoot();
  const started = useTestApp({ portalRoot: portal });

  it('an unknown path under an API prefix is a JSON 404 ROUTE_NOT_FOUND', async () => {
    for (const path of ['/public/nope', '/public/datasheets/x/y', '/verify', '/verify/BE-X-2026-000001/more', '/certificates/keys', '/auth/nope',
      '/health/nope', '/datasheet-versions/x', '/certificate-applications/x', '/tenant-offboardings/x', '/platform/nope']) {
      const response = await started.app.http().get(path).set('accept', 'application/json');
      expect([path, response.status, response.headers['content-type'], response.body]).toEqual([path, 404, expect.stringMatching(/^application\/json/), ROUTE_NOT_FOUND]);
    }
  });

  it('every route the API serves is under one of API_PREFIXES, so the portal never answers for an API path', async () => {
    // Found from outside: /data-subject-export/x answered the portal's page (its prefix was not listed).
    // Fastify's route tree, top level: `├── /public/datasheets (GET, HEAD)`; the portal's catch-all is
    // `└── * (GET, HEAD)`, and each of its files has a route of its own (`/index.html`), named as in its folder.
    const tree = (started.app.app.getHttpAdapter().getInstance() as FastifyInstance).printRoutes({ commonPrefix: false });
    const firstSegments = new Set(tree.split('\n').flatMap((line) => /^[├└]── \/([^/ ]+)/.exec(line)?.[1] ?? []).filter((segment) => !existsSync(join(portal, segment))));
    expect(firstSegments.size).toBeGreaterThan(5);
    expect([...firstSegments].filter((segment) => !API_PREFIXES.includes(segment))).toEqual([]);
    const response = await started.app.http().get('/data-subject-export/x').set('accept', 'application/json');
    expect([response.status, response.body]).toEqual([404, ROUTE_NOT_FOUND]);
  });

  it('the portal’s routes, and paths it shows its own 404 for, still get index.html', async () => {
    for (const path of ['/', '/login', '/app', '/app/certificates/123', '/verification', '/verification/BE-X-2026-000001', '/datasheets/ABC', '/privacy/request', '/no-such-page', '/publicity', '/verifying']) {
      const response = await started.app.http().get(path);
      expect([path, response.status, response.headers['content-type']]).toEqual([path, 200, expect.stringMatching(/^text\/html/)]);
      expect(response.text).toContain('<title>portal</title>');
    }
  });

  it('a known path with a method it does not answer is 405 with Allow', async () => {
    for (const [method, path] of [['post', '/public/datasheets'], ['delete', '/public/datasheets/ABC'], ['put', '/verify/BE-X-2026-000001'], ['post', '/certificates/keys/x'], ['post', '/app/certificates']] as const) {
      const response = await started.app.http()[method](path).set('accept', 'application/json');
      expect([method, path, response.status, response.headers.allow, response.body]).toEqual([method, path, 405, 'GET, HEAD', {
        errors: [{ message: 'This route does not answer this method', extensions: { code: 'BAD_USER_INPUT', reason: 'METHOD_NOT_ALLOWED' } }],
      }]);
    }
    // No path, no method: still 404.
    expect((await started.app.http().post('/public/nope')).status).toBe(404);
  });
});

/** Review M5: what Node's HTTP parser refuses answered in Fastify's shape (`{"error":…,"statusCode":431}`), unlike every other refusal. */
describe("Requests Node's HTTP parser refuses are answered in the API's shape", () => {
  const started = useTestApp();
  /** What the server answers to these bytes, read until it closes the connection. */
  const rawAnswer = (bytes: string) =>
    new Promise<{ status: number; contentType: string | undefined; body: unknown }>((done, fail) => {
      const { port } = (started.app.app.getHttpServer() as Server).address() as AddressInfo;
      const socket = connect(port, '127.0.0.1', () => socket.end(bytes));
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('error', fail);
      socket.on('close', () => {
        const [head = '', body = ''] = text.split('\r\n\r\n');
        done({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]), contentType: /content-type: ([^\r]+)/i.exec(head)?.[1], body: body ? JSON.parse(body) : null });
      });
    });
  const refusal = (reason: string) => ({ errors: [{ message: expect.any(String), extensions: { code: 'BAD_USER_INPUT', reason } }] });

  it('headers over 16 KiB: 431 HEADERS_TOO_LARGE, and a request that is not HTTP: 400 MALFORMED_REQUEST', async () => {
    expect(await rawAnswer(`GET /public/tenants HTTP/1.1\r\nHost: localhost\r\nX-Padding: ${'a'.repeat(20_000)}\r\n\r\n`)).toEqual({
      status: 431, contentType: 'application/json; charset=utf-8', body: refusal('HEADERS_TOO_LARGE'),
    });
    expect(await rawAnswer('GET /public/tenants HTTP/1.1\r\nHost: localhost\r\nNo colon in this header\r\n\r\n')).toEqual({
      status: 400, contentType: 'application/json; charset=utf-8', body: refusal('MALFORMED_REQUEST'),
    });
    // The server goes on answering.
    expect((await started.app.http().get('/health/live')).status).toBe(200);
  });
});

/** A path parameter over find-my-way's default 100 characters made its route unknown (ROUTE_NOT_FOUND). */
describe('A long path parameter is answered as any other wrong value of it', () => {
  const started = useTestApp();
  const ROUTES = [
    '/public/datasheets/X',
    '/public/datasheets/X/versions',
    '/public/datasheets/X/attachments/X',
    '/verify/X',
    '/certificates/keys/X',
    '/certificates/X/pdf',
    '/certificate-applications/X/documents/X',
    '/datasheet-versions/X/attachments/X',
    '/tenant-offboardings/X/documents/X',
  ];
  const answerOf = async (path: string, token?: string) => {
    const request = started.app.http().get(path).set('accept', 'application/json');
    if (token) request.set('authorization', `Bearer ${token}`);
    const response = await request;
    const error = response.body?.errors?.[0]?.extensions as { code?: string; reason?: string } | undefined;
    return { status: response.status, code: error?.code, reason: error?.reason };
  };

  it('101, 2,000 and 6,000 characters (twice where a route has two) get the answer 20 do, and never ROUTE_NOT_FOUND or a 5xx, anonymous or logged in', async () => {
    const { factory } = started;
    const tenant = await factory.tenant();
    const { accessToken } = await factory.login(await factory.user({ tenant, organisation: await factory.organisation(tenant), roles: [Role.ORG_ADMIN] }));
    for (const token of [undefined, accessToken]) {
      for (const route of ROUTES) {
        const short = await answerOf(route.replaceAll('X', 'A'.repeat(20)), token);
        expect([route, short.status < 500, short.reason]).toEqual([route, true, expect.not.stringMatching(/^ROUTE_NOT_FOUND$/)]);
        for (const length of [101, 2000, 6000]) {
          expect([route, length, await answerOf(route.replaceAll('X', 'A'.repeat(length)), token)]).toEqual([route, length, short]);
        }
      }
    }
  });
});

/** Probe B, F10: JSON answers lacked nosniff, and nothing asked browsers to keep to HTTPS. */
describe('Security headers on every answer', () => {
  const started = useTestApp({ portalRoot: portalRoot() });
  const production = useTestApp({
    env: { NODE_ENV: 'production', PASSWORD_HASH_MEMORY_KIB: '19456', JWT_PRIVATE_KEY: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() },
  });
  const answers = (app: typeof started.app) => Promise.all([
    app.http().post('/graphql').set('content-type', 'application/json').send({ query: '{ apiInfo { version } }' }),
    app.http().get('/public/datasheets'),
    app.http().get('/public/nope'),
    app.http().get('/health/live'),
    app.http().post('/public/datasheets'),
  ]);

  it('nosniff on JSON answers, refusals and the portal; no HSTS outside production', async () => {
    for (const response of [...(await answers(started.app)), await started.app.http().get('/app')]) {
      expect([response.status, response.headers['x-content-type-options'], response.headers['strict-transport-security']]).toEqual([response.status, 'nosniff', undefined]);
    }
  });

  it('HSTS in production (the service runs behind HTTPS, SPEC §6)', async () => {
    for (const response of await answers(production.app)) {
      expect([response.headers['x-content-type-options'], response.headers['strict-transport-security']]).toEqual(['nosniff', 'max-age=31536000']);
    }
  });
});

/** VERIFY T6 (review of 6 December): no suggestion in production, also where a value is coerced after validation. */
describe('Production answers suggest nothing of the schema', () => {
  const production = useTestApp({
    env: { NODE_ENV: 'production', PASSWORD_HASH_MEMORY_KIB: '19456', JWT_PRIVATE_KEY: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() },
  });
  const login = 'mutation($r: RefreshTokenDelivery) { login(input: { email: "a@b.test", password: "x", refreshTokenIn: $r }) { accessToken } }';

  it('a misspelt enum value, inline or in a variable: refused without "Did you mean", the variable named as the field', async () => {
    const inline = await production.app.graphql('mutation { login(input: { email: "a@b.test", password: "x", refreshTokenIn: COOKY }) { accessToken } }', {});
    const inVariable = await production.app.graphql(login, { r: 'COOKI' });
    const field = await production.app.graphql('{ apiInf { version } }', {});
    for (const answer of [inline, inVariable, field]) {
      expect(answer.text).not.toMatch(/did you mean|COOKIE|apiInfo/i);
      expect(answer.errors?.[0]?.extensions?.code).toMatch(/^(BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED)$/);
    }
    expect(inVariable.errors?.[0]?.extensions?.fields).toEqual([expect.objectContaining({ field: 'r', constraint: 'type' })]);
    // The value sent is not echoed either (it could be personal data).
    expect(inline.text + inVariable.text).not.toMatch(/COOKY|COOKI\b/);
  });
});
