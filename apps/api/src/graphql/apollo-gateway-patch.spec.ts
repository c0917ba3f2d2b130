import { dirname, join } from 'node:path';
import { HeaderMap } from '@apollo/server';

// patches/@apollo+server+5.5.1.patch (applied by `npm install`'s postinstall, patch-package): the
// request context Apollo hands our executor (CompiledExecution, through the gateway interface) keeps
// the response's status getter and setter on a class, not on an object literal made for each request.
// V8 allocates a literal's accessor pair in the old generation, so its closures, and through them the
// whole request, were promoted: a tenth of all a request allocated (docs/performance.md, 6 December).
// What the context gives must not change: the status and headers are Apollo's own.

type GatewayRequestContextOf = (
  requestContext: unknown,
  server: unknown,
  internals: unknown,
) => {
  response: { http: { status?: number; headers: { get(name: string): string | null; set(name: string, value: string): void; append(name: string, value: string): void; delete(name: string): void } } };
};

// Not among the package's exports: the compiled module Apollo's request pipeline imports, by its path.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { makeGatewayGraphQLRequestContext } = require(join(dirname(require.resolve('@apollo/server')), 'utils/makeGatewayGraphQLRequestContext.js')) as {
  makeGatewayGraphQLRequestContext: GatewayRequestContextOf;
};

function apolloRequestContext() {
  const headers = new HeaderMap([['cache-control', 'no-store']]);
  return {
    request: { query: '{ __typename }', http: { method: 'POST', search: '', headers: new HeaderMap(), body: {} } },
    response: { http: { status: undefined as number | undefined, headers } },
  };
}

describe('the patched gateway request context of Apollo Server', () => {
  it('is the patched build: the status is read and written through the prototype, not a literal of each request', () => {
    const context = makeGatewayGraphQLRequestContext(apolloRequestContext(), {}, {});
    // The original's literal held `status` as an accessor of its own (a fresh getter and setter each time).
    expect(Object.getOwnPropertyDescriptor(context.response.http, 'status')).toBeUndefined();
    const onPrototype = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(context.response.http), 'status');
    expect(typeof onPrototype?.get).toBe('function');
    expect(typeof onPrototype?.set).toBe('function');
  });

  it("reads and writes Apollo's own status and headers", () => {
    const apollo = apolloRequestContext();
    const { http } = makeGatewayGraphQLRequestContext(apollo, {}, {}).response;

    expect(http.status).toBeUndefined();
    apollo.response.http.status = 200;
    expect(http.status).toBe(200);
    http.status = 429;
    expect(apollo.response.http.status).toBe(429);

    expect(http.headers.get('cache-control')).toBe('no-store');
    http.headers.append('cache-control', 'private');
    http.headers.set('retry-after', '60');
    expect(apollo.response.http.headers.get('cache-control')).toBe('no-store, private');
    expect(apollo.response.http.headers.get('retry-after')).toBe('60');
    http.headers.delete('retry-after');
    expect(apollo.response.http.headers.has('retry-after')).toBe(false);
    expect(http.headers.get('retry-after')).toBeNull();
  });
});
