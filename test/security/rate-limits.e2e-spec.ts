import { Role } from '@chancery/access';
import { IdentityFactory, reportFigure, TestApp, useTestApp } from '@chancery/testing';

const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { accessToken } }';
const codes = (response: { errors?: Array<{ extensions?: { code?: string } }> }): string[] => response.errors?.map((e) => String(e.extensions?.code)) ?? [];

/**
 * Login is throttled per client address and per account. Counted in Redis when REDIS_URL is set
 * (CI sets it), in memory otherwise: the same assertions hold for both.
 */
const redis: Record<string, string> = process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {};

describe('Login throttling per account', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  const started = useTestApp({ env: redis });
  beforeAll(async () => {
    app = started.app;
    factory = started.factory;
  });

  it('refuses a sixth failed login of one account for 15 minutes, even with the right password, and says the same for an unknown address', async () => {
    const tenant = await factory.tenant();
    const user = await factory.user({ tenant, roles: [Role.CLERK] });
    const attempt = (email: string, password: string) => app.graphql(LOGIN, { i: { email, password, tenant: tenant.slug } });
    const known: string[][] = [];
    const unknown: string[][] = [];
    for (let i = 0; i < 5; i += 1) {
      known.push(codes(await attempt(user.email, 'wrong password number')));
      unknown.push(codes(await attempt('nobody@example.test', 'wrong password number')));
    }
    expect(known).toEqual(Array(5).fill(['UNAUTHENTICATED']));
    expect(codes(await attempt(user.email, user.password))).toEqual(['TOO_MANY_REQUESTS']);
    expect(codes(await attempt('nobody@example.test', 'anything at all here'))).toEqual(['TOO_MANY_REQUESTS']);
    expect(unknown).toEqual(known);

    app.clock.advance(15 * 60_000 + 1);
    expect(codes(await attempt(user.email, user.password))).toEqual([]);
  });

});

describe('Authentication calls per client address', () => {
  let app: TestApp;
  const started = useTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '8', ...redis } });
  beforeAll(async () => {
    app = started.app;
  });

  it('refuses more authentication calls per minute from one client address than the limit, other operations unaffected', async () => {
    const results: string[][] = [];
    for (let i = 0; i < 10; i += 1) {
      results.push(codes(await app.graphql('mutation { refreshSession(refreshToken: "rt_platform_nope") { accessToken } }')));
    }
    expect(results.slice(0, 8)).toEqual(Array(8).fill(['UNAUTHENTICATED']));
    expect(results.slice(8)).toEqual([['TOO_MANY_REQUESTS'], ['TOO_MANY_REQUESTS']]);
    expect(codes(await app.graphql('{ apiInfo { version } }'))).toEqual([]);
    reportFigure(`rate limits: login per account after 5 failures, authentication calls per address after 8/min (${process.env.REDIS_URL ? 'Redis' : 'in-memory'} counters)`);
  });
});
