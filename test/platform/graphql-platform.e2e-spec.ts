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
