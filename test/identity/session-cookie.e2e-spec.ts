import { Role } from '@chancery/access';
import { expectData, TestApp, TestUser, useTestApp } from '@chancery/testing';

/**
 * The browser's refresh token (#19, security): a login asking for COOKIE delivery puts the refresh
 * token in an HttpOnly, Secure, SameSite=Strict cookie scoped to /auth/session, and never in the
 * answer a page script reads; POST /auth/session/refresh rotates it; a used cookie is refused and
 * forgotten; the routes take JSON only, so another site cannot post to them with a form.
 */
const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { accessToken accessTokenExpiresAt refreshToken } }';

/** The Set-Cookie header of our cookie, split into its value and attributes. */
function refreshCookieIn(setCookie: string | string[] | undefined): { value: string; attributes: string[] } | null {
  const line = [setCookie ?? []].flat().find((header) => header.startsWith('chancery_refresh='));
  if (!line) return null;
  const [pair, ...attributes] = line.split(';').map((part) => part.trim());
  return { value: pair!.slice('chancery_refresh='.length), attributes };
}

describe('Refresh token in an HttpOnly cookie (web portal)', () => {
  const started = useTestApp();
  let app: TestApp;
  let user: TestUser;
  beforeAll(async () => {
    app = started.app;
    const tenant = await started.factory.tenant();
    user = await started.factory.user({ tenant, roles: [Role.CLERK] });
  });

  async function loginWithCookie(): Promise<{ cookie: string; accessToken: string }> {
    const response = await app.http().post('/graphql').set('content-type', 'application/json')
      .send({ query: LOGIN, variables: { i: { email: user.email, password: user.password, refreshTokenIn: 'COOKIE' } } });
    expect(response.body.errors).toBeUndefined();
    const cookie = refreshCookieIn(response.headers['set-cookie']);
    expect(cookie).not.toBeNull();
    // Nothing a page script can read holds the refresh token.
    expect(response.body.data.login.refreshToken).toBeNull();
    expect(response.text).not.toContain(cookie!.value);
    return { cookie: cookie!.value, accessToken: response.body.data.login.accessToken as string };
  }

  const refresh = (cookie: string | null, contentType = 'application/json') => {
    let call = app.http().post('/auth/session/refresh').set('content-type', contentType);
    if (cookie !== null) call = call.set('cookie', `chancery_refresh=${cookie}`);
    return call.send(contentType === 'application/json' ? '{}' : 'a=1');
  };

  it('login with COOKIE delivery: HttpOnly, Secure, SameSite=Strict, only for /auth/session', async () => {
    const response = await app.http().post('/graphql').set('content-type', 'application/json')
      .send({ query: LOGIN, variables: { i: { email: user.email, password: user.password, refreshTokenIn: 'COOKIE' } } });
    const cookie = refreshCookieIn(response.headers['set-cookie'])!;
    expect(cookie.value).toMatch(/^rt_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    expect(cookie.attributes).toEqual(expect.arrayContaining(['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/auth/session']));
    expect(cookie.attributes.find((a) => a.startsWith('Max-Age='))).toMatch(/^Max-Age=\d+$/);
  });

  it('by default (programs) the refresh token stays in the answer and no cookie is set', async () => {
    const response = await app.http().post('/graphql').set('content-type', 'application/json')
      .send({ query: LOGIN, variables: { i: { email: user.email, password: user.password } } });
    expect(typeof response.body.data.login.refreshToken).toBe('string');
    expect(refreshCookieIn(response.headers['set-cookie'])).toBeNull();
  });

  it('the cookie renews the session and is rotated; the new access token works; the used cookie is refused and its session ends', async () => {
    const { cookie } = await loginWithCookie();
    const renewed = await refresh(cookie);
    expect(renewed.status).toBe(200);
    const next = refreshCookieIn(renewed.headers['set-cookie'])!;
    expect(next.value).not.toBe(cookie);
    expect(Object.keys(renewed.body).sort()).toEqual(['accessToken', 'accessTokenExpiresAt', 'totpEnrolmentRequired']);
    const me = expectData(await app.graphql<{ me: { id: string } }>('{ me { id } }', {}, { token: renewed.body.accessToken as string })).me;
    expect(me.id).toBe(user.id);

    // The old cookie again (a stolen copy): refused, forgotten, and the whole session ends (reuse).
    const reused = await refresh(cookie);
    expect(reused.status).toBe(401);
    expect(reused.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(refreshCookieIn(reused.headers['set-cookie'])).toEqual({ value: '', attributes: expect.arrayContaining(['Max-Age=0', 'Path=/auth/session']) });
    const afterReuse = await refresh(next.value);
    expect(afterReuse.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refused without the cookie, with a malformed one, or without a JSON body (a cross-site form); never a 5xx', async () => {
    const { cookie } = await loginWithCookie();
    for (const [label, response] of [
      ['no cookie', await refresh(null)],
      ['malformed cookie', await refresh('rt_x<script>; chancery_refresh=second')],
      ['unknown token', await refresh(`rt_${'0'.repeat(32)}_${'A'.repeat(43)}`)],
    ] as const) {
      expect({ label, code: response.body.errors?.[0]?.extensions?.code, status: response.status }).toEqual({ label, code: 'UNAUTHENTICATED', status: 401 });
    }
    const form = await refresh(cookie, 'application/x-www-form-urlencoded');
    expect(form.status).toBe(400);
    expect(form.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'JSON_REQUIRED' });
    expect(refreshCookieIn(form.headers['set-cookie'])).toBeNull();
    // The form did not spend the cookie: it still renews.
    expect((await refresh(cookie)).body.accessToken).toEqual(expect.any(String));
  });

  it('POST /auth/session/end forgets the cookie', async () => {
    const response = await app.http().post('/auth/session/end').set('content-type', 'application/json').send('{}');
    expect(response.status).toBe(200);
    expect(refreshCookieIn(response.headers['set-cookie'])).toEqual({ value: '', attributes: expect.arrayContaining(['Max-Age=0', 'HttpOnly']) });
  });

  it('changeMyPassword with COOKIE delivery puts the new refresh token in the cookie', async () => {
    const { accessToken } = await loginWithCookie();
    const response = await app.http().post('/graphql').set('content-type', 'application/json').set('authorization', `Bearer ${accessToken}`)
      .send({
        query: 'mutation($c: String!, $n: String!) { changeMyPassword(currentPassword: $c, newPassword: $n, refreshTokenIn: COOKIE) { accessToken refreshToken } }',
        variables: { c: user.password, n: 'a brand new passphrase 2026' },
      });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.changeMyPassword.refreshToken).toBeNull();
    const cookie = refreshCookieIn(response.headers['set-cookie'])!;
    expect((await refresh(cookie.value)).body.accessToken).toEqual(expect.any(String));
    user = { ...user, password: 'a brand new passphrase 2026' };
  });
});
