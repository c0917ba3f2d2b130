import { expectData, TestApp, useTestApp } from '@chancery/testing';
import { ApiInfoResolver } from '../../apps/api/src/platform/api-info.resolver';
import { GRAPHQL_LIMITS } from '../../apps/api/src/graphql/graphql-options';

describe('The GraphQL endpoint and health checks', () => {
  let app: TestApp;
  const started = useTestApp();
  beforeAll(async () => {
    app = started.app;
  });

  it('answers a query over HTTP', async () => {
    const data = expectData(await app.graphql<{ apiInfo: { version: string; languages: string[] } }>('{ apiInfo { version languages } }'));
    expect(data).toEqual({ apiInfo: { version: expect.stringMatching(/^\d+\.\d+\.\d+/), languages: ['nl', 'fr', 'de', 'en'] } });
  });

  it('reports liveness and readiness, readiness checking the database', async () => {
    const live = await app.http().get('/health/live');
    expect(live.status).toBe(200);
    const ready = await app.http().get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual(expect.objectContaining({ status: 'ok', details: { database: expect.objectContaining({ status: 'up' }) } }));
  });

  it('refuses a query deeper than the limit before any resolver runs', async () => {
    const resolver = app.get(ApiInfoResolver);
    const calls = jest.spyOn(resolver, 'apiInfo');
    // No type of ours nests that deep; the depth rule counts the document, whatever its fields.
    let selection = 'name';
    for (let level = 0; level <= GRAPHQL_LIMITS.maxDepth; level += 1) selection = `inner { ${selection} }`;
    const response = await app.graphql(`{ apiInfo { version } tenants { ${selection} } }`);
    expect(response.status).toBeLessThan(500);
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.every((e) => e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED')).toBe(true);
    expect(response.errors?.some((e) => /depth limit/i.test(e.message))).toBe(true);
    expect(calls).not.toHaveBeenCalled();
    calls.mockRestore();
  });

  it('refuses more aliases than the limit before any resolver runs', async () => {
    const resolver = app.get(ApiInfoResolver);
    const calls = jest.spyOn(resolver, 'apiInfo');
    const aliases = Array.from({ length: GRAPHQL_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: apiInfo { version }`).join(' ');
    const response = await app.graphql(`{ ${aliases} }`);
    expect(response.status).toBeLessThan(500);
    expect(response.errors?.[0]?.message).toMatch(/aliases/i);
    expect(calls).not.toHaveBeenCalled();
    calls.mockRestore();
  });

  it('accepts a document at the alias limit (the limit is not off by one)', async () => {
    const aliases = Array.from({ length: GRAPHQL_LIMITS.maxAliases }, (_, i) => `a${i}: apiInfo { version }`).join(' ');
    const response = await app.graphql(`{ ${aliases} }`);
    expect(response.errors).toBeUndefined();
  });

  it('refuses batched requests and keeps CSRF prevention on', async () => {
    const batched = await app.http().post('/graphql').set('content-type', 'application/json').send([{ query: '{ apiInfo { version } }' }, { query: '{ apiInfo { version } }' }]);
    expect(batched.status).toBe(400);
    // A "simple" request a browser would send cross-site without preflight is refused.
    const simple = await app.http().get('/graphql').query({ query: '{ apiInfo { version } }' });
    expect(simple.status).toBe(400);
    expect(simple.text).toMatch(/CSRF|preflight/i);
  });

  it('answers malformed documents and bodies with 4xx and no stack trace', async () => {
    const cases = [
      app.http().post('/graphql').set('content-type', 'application/json').send('{"query": '),
      app.http().post('/graphql').set('content-type', 'application/json').send({ query: '{ apiInfo { ' }),
      app.http().post('/graphql').set('content-type', 'application/json').send({ query: '{ nope }' }),
      app.http().post('/graphql').set('content-type', 'application/json').send({ query: 12 }),
      app.http().post('/graphql').set('content-type', 'application/json').send(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])),
      app.http().post('/graphql').set('content-type', 'application/json').send(JSON.stringify({ query: `{ apiInfo { version } } #${'x'.repeat(300_000)}` })),
    ];
    for (const response of await Promise.all(cases)) {
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.text).not.toMatch(/\bat .*\.(js|ts):\d+/);
      expect(response.text).not.toMatch(/stacktrace/i);
    }
  });

  it('answers automatic persisted queries, which the portal does not use, as not supported: never an internal error (review of 7 December, F5)', async () => {
    const post = (extensions: unknown, query?: string) =>
      app.http().post('/graphql').set('content-type', 'application/json').send({ ...(query ? { query } : {}), extensions });
    const cases = [
      post({ persistedQuery: { version: 1, sha256Hash: 'abc' } }, '{ apiInfo { version } }'),
      post({ persistedQuery: { version: 2 } }, '{ apiInfo { version } }'),
      post({ persistedQuery: { version: 1, sha256Hash: 'abc' } }),
      app.http().get('/graphql').set('apollo-require-preflight', 'true').query({ query: '{ apiInfo { version } }', extensions: JSON.stringify({ persistedQuery: 1 }) }),
    ];
    for (const response of await Promise.all(cases)) {
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      const errors = (JSON.parse(response.text) as { errors: Array<{ extensions: { code: string } }> }).errors;
      expect(errors.map((e) => e.extensions.code)).toEqual(['PERSISTED_QUERY_NOT_SUPPORTED']);
    }
  });
});

describe('The token limit', () => {
  let app: TestApp;
  const started = useTestApp();
  beforeAll(async () => {
    app = started.app;
  });

  it('refuses a document with more tokens than the limit with 400, before any resolver runs', async () => {
    const resolver = app.get(ApiInfoResolver);
    const calls = jest.spyOn(resolver, 'apiInfo');
    const response = await app.graphql(`{ apiInfo { version ${'languages '.repeat(GRAPHQL_LIMITS.maxTokens)} } }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.message).toMatch(/token limit/i);
    expect(calls).not.toHaveBeenCalled();
    calls.mockRestore();
  });
});

/**
 * Generated clients send `null` for a variable the caller left unset; for a query's nullable argument
 * GraphQL allows it and the schema documents what absence means. Found from outside (3 December
 * 2026): `first: null` answered BAD_USER_INPUT with "must not be less than 1; must be an integer;
 * must not be null".
 */
describe('A query’s nullable arguments take an explicit null as absent', () => {
  const started = useTestApp();

  it('searchPublishedDatasheets with every argument null answers like one with none', async () => {
    const { app } = started;
    const query = `query($t: String, $f: String, $p: String, $h: String, $c: String, $n: Int, $a: String) {
      searchPublishedDatasheets(tenant: $t, productFamily: $f, productName: $p, holderName: $h, certificateReference: $c, first: $n, after: $a) { items { id } nextCursor } }`;
    const withNulls = await app.graphql(query, { t: null, f: null, p: null, h: null, c: null, n: null, a: null });
    const without = await app.graphql(query, {});
    expect(withNulls.errors).toBeUndefined();
    expect(withNulls.data).toEqual(without.data);
  });

  it('publishedDatasheet with a null id and a code answers like the code alone', async () => {
    const { app } = started;
    const query = 'query($i: ID, $c: String) { publishedDatasheet(id: $i, code: $c) { id } }';
    const withNull = await app.graphql(query, { i: null, c: 'ABCDEFGH' });
    const alone = await app.graphql(query, { c: 'ABCDEFGH' });
    expect(withNull.errors?.[0]?.extensions?.reason).toBeDefined();
    expect(withNull.errors?.[0]?.extensions).toEqual(alone.errors?.[0]?.extensions);
  });
});
