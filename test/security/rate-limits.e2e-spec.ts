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
      results.push(codes(await app.graphql(`mutation { login(input: { email: "nobody${i}@example.test", password: "not the password" }) { accessToken } }`)));
    }
    expect(results.slice(0, 8)).toEqual(Array(8).fill(['UNAUTHENTICATED']));
    expect(results.slice(8)).toEqual([['TOO_MANY_REQUESTS'], ['TOO_MANY_REQUESTS']]);
    expect(codes(await app.graphql('{ apiInfo { version } }'))).toEqual([]);
    reportFigure(`rate limits: login per account after 5 failures, authentication calls per address after 8/min (${process.env.REDIS_URL ? 'Redis' : 'in-memory'} counters)`);
  });
});

/**
 * Probe B, F3: a refresh was held to the authentication limit of the address, so the 21st page load
 * of a minute (each one refreshes) sent a user, or an office behind one NAT, to the login page. A
 * refresh token is a 256-bit secret, nothing to guess: refreshing counts against the general limit only.
 */
describe('Refreshing a session per client address', () => {
  const AUTH_LIMIT = 4;
  const GENERAL_LIMIT = 16;
  const started = useTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: String(AUTH_LIMIT), RATE_LIMIT_PER_MINUTE: String(GENERAL_LIMIT), ...redis } });

  it('refreshes by cookie and by refreshSession pass the authentication limit, stop at the general one; login stays limited', async () => {
    const { app, factory } = started;
    const tenant = await factory.tenant();
    const user = await factory.user({ tenant, roles: [Role.CLERK] });
    const login = (refreshTokenIn?: string) => app.http().post('/graphql').set('content-type', 'application/json')
      .send({ query: 'mutation($i: LoginInput!) { login(input: $i) { refreshToken } }', variables: { i: { email: user.email, password: user.password, tenant: tenant.slug, refreshTokenIn } } });
    const cookieOf = (response: { headers: Record<string, unknown> }) => /chancery_refresh=([^;]+)/.exec([response.headers['set-cookie'] ?? []].flat().join('\n'))?.[1];
    let cookie = cookieOf(await login('COOKIE'))!;
    let refreshToken = (await login()).body.data.login.refreshToken as string;
    const byCookie = async () => {
      const response = await app.http().post('/auth/session/refresh').set('content-type', 'application/json').set('cookie', `chancery_refresh=${cookie}`).send('{}');
      cookie = cookieOf(response) ?? cookie;
      return [response.status, codes(response.body)];
    };
    const byMutation = async () => {
      const response = await app.graphql<{ refreshSession: { refreshToken: string } }>('mutation($t: String!) { refreshSession(refreshToken: $t) { refreshToken } }', { t: refreshToken });
      refreshToken = response.data?.refreshSession.refreshToken ?? refreshToken;
      return [response.status, codes(response)];
    };

    const results = [];
    for (let i = 0; i < AUTH_LIMIT * 3; i += 1) results.push(await byCookie(), await byMutation());
    expect(results).toEqual(Array(AUTH_LIMIT * 6).fill([200, []]));
    // The general limit still counts them: four more, then refused.
    const more = [];
    for (let i = 0; i < GENERAL_LIMIT - AUTH_LIMIT * 3 + 1; i += 1) more.push((await byCookie())[0]);
    expect(more).toEqual([200, 200, 200, 200, 429]);
    // Login keeps its authentication limit: two spent above, two left.
    const logins = [];
    for (let i = 0; i < AUTH_LIMIT - 1; i += 1) logins.push((await login()).status);
    expect(logins).toEqual([200, 200, 429]);
  });
});

/** Defect 2 of #14: a forged X-Forwarded-For gave every request a new address, and the limits vanished. */
describe('The client address behind proxies', () => {
  const RESET = 'mutation { requestPasswordReset(email: "nobody@example.test") }';
  const LIMIT = 5;

  describe('no proxy trusted (the default)', () => {
    const started = useTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: String(LIMIT), ...redis } });

    it('a different X-Forwarded-For on every request does not escape the per-address limit', async () => {
      const results: number[] = [];
      for (let i = 0; i < 30; i += 1) {
        const response = await started.app.http().post('/graphql').set('content-type', 'application/json').set('x-forwarded-for', `203.0.113.${i + 1}`).send({ query: RESET });
        results.push(response.status);
      }
      const accepted = results.filter((status) => status === 200).length;
      expect(accepted).toBe(LIMIT);
      expect(results.slice(LIMIT)).toEqual(Array(30 - LIMIT).fill(429));
      reportFigure(`spoofed client address: ${results.length} requests, limit held after ${accepted}`);
    });
  });

  describe('TRUST_PROXY=1 (one load balancer in front)', () => {
    const started = useTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: String(LIMIT), TRUST_PROXY: '1', ...redis } });

    it('the address the proxy reports is the client’s: two clients behind it have a budget each', async () => {
      const from = (address: string) => started.app.http().post('/graphql').set('content-type', 'application/json').set('x-forwarded-for', address).send({ query: RESET });
      for (let i = 0; i < LIMIT; i += 1) expect((await from('198.51.100.1')).status).toBe(200);
      expect((await from('198.51.100.1')).status).toBe(429);
      expect((await from('198.51.100.2')).status).toBe(200);
    });
  });
});
