/**
 * VERIFY T9 — lifetimes and revocation: the access token lives at most 15 minutes; a disabled
 * account's tokens stop at the next request and its refresh token is refused; a withdrawn role stops
 * working at the next request, not at token expiry; logout ends the whole token family, and
 * "log out everywhere" every session of the user.
 */
import { isDeepStrictEqual } from 'node:util';
import { Role } from '@chancery/access';
import {
  expectData,
  IdentityFactory,
  reportFigure,
  TestApp,
  TestOrganisation,
  TestSession,
  TestTenant,
  TestUser,
  useTestApp,
} from '@chancery/testing';
import {
  decodeAccessToken,
  LOGOUT,
  LOGOUT_EVERYWHERE,
  MANAGED_USERS,
  me,
  outcome,
  refresh,
  REFUSED,
  usable,
  usableChain,
  loginUsable,
} from './token-kit';

const OK = { status: 'below 500', codes: [] as string[] };

describe('T9 lifetimes and revocation', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  let tenant: TestTenant;
  let organisation: TestOrganisation;
  let admin: TestUser;
  let adminSession: TestSession;
  /** What each part of the figure line found: null when it held, else what failed. */
  const failures: Record<'disabled' | 'withdrawn' | 'logout', string | null> = {
    disabled: 'FAILED: the test did not complete',
    withdrawn: 'FAILED: the test did not complete',
    logout: 'FAILED: the test did not complete',
  };

  const started = useTestApp();
  beforeAll(async () => {
    app = started.app;
    factory = started.factory;
    tenant = await factory.tenant();
    organisation = await factory.organisation(tenant);
    admin = await factory.user({ tenant, organisation, roles: [Role.ORG_ADMIN] });
    adminSession = await factory.login(admin);
  });

  /** The parts of an answer a check compares: status class, error codes, and the data. */
  const answer = (response: Parameters<typeof outcome>[0]) => outcome(response);
  const member = (roles: Role[] = [Role.ORG_MEMBER]) => factory.user({ tenant, organisation, roles });

  it('(a) issues access tokens that live at most 15 minutes, and refuses them after their lifetime', async () => {
    const user = await member();
    const session = await factory.login(user);
    const claims = decodeAccessToken(session.accessToken);
    const lifetime = claims.exp! - claims.iat!;
    expect({
      lifetimeAtMost900: lifetime <= 900,
      lifetimePositive: lifetime > 0,
      nbfNotAfterIat: claims.nbf! <= claims.iat!,
    }).toEqual({
      lifetimeAtMost900: true,
      lifetimePositive: true,
      nbfNotAfterIat: true,
    });
    // The lifetime is enforced, not only written: valid one second before exp, refused at exp.
    const issuedAt = app.clock.now();
    try {
      app.clock.set(new Date((claims.exp! - 1) * 1000));
      const justBefore = answer(await me(app, session.accessToken));
      app.clock.set(new Date(claims.exp! * 1000));
      const atExpiry = answer(await me(app, session.accessToken));
      expect({ justBefore: justBefore.codes, atExpiry }).toEqual({ justBefore: [], atExpiry: REFUSED });
    } finally {
      app.clock.set(issuedAt);
    }
  });

  it('(b) refuses a disabled account’s access token at the next request, and its refresh token', async () => {
    const user = await member();
    // One rotation first: the positive control that this user's refresh works before the disable.
    const [, current] = await usableChain(app, factory, user, 1);
    const before = answer(await me(app, current!.accessToken));

    const disabled = expectData(
      await app.graphql<{ disableUser: { id: string; status: string } }>(
        'mutation($id: ID!) { disableUser(userId: $id) { id status } }',
        { id: user.id },
        { token: adminSession.accessToken },
      ),
    );
    const observed = {
      before: before.codes,
      disabled: disabled.disableUser,
      accessTokenAfter: answer(await me(app, current!.accessToken)),
      refreshTokenUsable: usable(current!.refreshToken),
      refreshAfter: answer(await refresh(app, current!.refreshToken)),
      loginAfter: answer(
        await app.graphql('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', {
          i: { email: user.email, password: user.password, tenant: tenant.slug },
        }),
      ),
    };
    const expected = {
      before: [],
      disabled: { id: user.id, status: 'DISABLED' },
      accessTokenAfter: REFUSED,
      refreshTokenUsable: true,
      refreshAfter: REFUSED,
      loginAfter: REFUSED,
    };
    failures.disabled = isDeepStrictEqual(observed, expected)
      ? null
      : `FAILED: disabled account ${describeDifference(observed, expected)}`;
    expect(observed).toEqual(expected);
  });

  it('(c) refuses a withdrawn role at the very next request with the same unexpired token, while the rest still works', async () => {
    const user = await member([Role.ORG_ADMIN, Role.ORG_MEMBER]);
    const session = await loginUsable(factory, user);
    // Positive control: the role works with this token before it is withdrawn.
    const before = answer(await app.graphql(MANAGED_USERS, {}, { token: session.accessToken }));

    const changed = expectData(
      await app.graphql<{ changeUserRoles: { id: string; roles: string[] } }>(
        'mutation($input: ChangeUserRolesInput!) { changeUserRoles(input: $input) { id roles } }',
        { input: { userId: user.id, grant: [], withdraw: [Role.ORG_ADMIN] } },
        { token: adminSession.accessToken },
      ),
    );
    const claims = decodeAccessToken(session.accessToken);
    const managedAfter = answer(await app.graphql(MANAGED_USERS, {}, { token: session.accessToken }));
    const meAfter = answer(await me(app, session.accessToken));
    // The session itself goes on: a refresh gives a token without the role.
    const refreshed = (await refresh(app, session.refreshToken)).data?.refreshSession;
    const afterRefresh = refreshed
      ? {
          managedUsers: answer(await app.graphql(MANAGED_USERS, {}, { token: refreshed.accessToken })).codes,
          me: answer(await me(app, refreshed.accessToken)).codes,
        }
      : 'refresh refused';
    const observed = {
      before: before.codes,
      changed: changed.changeUserRoles,
      tokenUnexpired: claims.exp! * 1000 > app.clock.now().getTime(),
      managedUsersWithSameToken: managedAfter,
      meWithSameToken: meAfter,
      afterRefresh,
    };
    const expected = {
      before: [],
      changed: { id: user.id, roles: [Role.ORG_MEMBER] },
      tokenUnexpired: true,
      managedUsersWithSameToken: { status: 'below 500', data: null, codes: ['FORBIDDEN'] },
      meWithSameToken: { ...OK, data: { me: { id: user.id, email: user.email, roles: [Role.ORG_MEMBER] } } },
      afterRefresh: { managedUsers: ['FORBIDDEN'], me: [] },
    };
    failures.withdrawn = isDeepStrictEqual(observed, expected)
      ? null
      : `FAILED: withdrawn role ${describeDifference(observed, expected)}`;
    // FAILS TODAY (see report): changeRoles bumps token_version on a withdrawal
    // (libs/identity/src/services/user-administration.service.ts, changeRoles), and the per-request
    // check (libs/auth/src/session-state.service.ts) then refuses the whole access token: `me` and
    // managedUsers both answer UNAUTHENTICATED instead of FORBIDDEN on the withdrawn role only. The
    // role IS refused at the next request (fail-closed); the answer is not the one this test requires.
    expect(observed).toEqual(expected);
  });

  it('(d) logout ends the whole family; logoutEverywhere ends every session of the user', async () => {
    const user = await member();
    // A family with two generations: [login, first rotation].
    const [first, second] = await usableChain(app, factory, user, 1);
    const before = {
      first: answer(await me(app, first!.accessToken)).codes,
      second: answer(await me(app, second!.accessToken)).codes,
    };
    const loggedOut = expectData(
      await app.graphql<{ logout: boolean }>(LOGOUT, {}, { token: second!.accessToken }),
    ).logout;
    const afterLogout = {
      newestAccessToken: answer(await me(app, second!.accessToken)),
      earlierAccessToken: answer(await me(app, first!.accessToken)),
      newestRefreshToken: answer(await refresh(app, second!.refreshToken)),
      earlierRefreshToken: answer(await refresh(app, first!.refreshToken)),
    };

    const everywhereUser = await member();
    const one = await loginUsable(factory, everywhereUser);
    const two = await loginUsable(factory, everywhereUser);
    const beforeEverywhere = {
      one: answer(await me(app, one.accessToken)).codes,
      two: answer(await me(app, two.accessToken)).codes,
    };
    const everywhere = expectData(
      await app.graphql<{ logoutEverywhere: boolean }>(LOGOUT_EVERYWHERE, {}, { token: one.accessToken }),
    ).logoutEverywhere;
    const afterEverywhere = {
      callingSessionAccess: answer(await me(app, one.accessToken)),
      otherSessionAccess: answer(await me(app, two.accessToken)),
      callingSessionRefresh: answer(await refresh(app, one.refreshToken)),
      otherSessionRefresh: answer(await refresh(app, two.refreshToken)),
    };
    // Logging in again works: only the old sessions ended, not the account.
    const again = answer(await me(app, (await factory.login(everywhereUser)).accessToken)).codes;

    const observed = { before, loggedOut, afterLogout, beforeEverywhere, everywhere, afterEverywhere, again };
    const expected = {
      before: { first: [], second: [] },
      loggedOut: true,
      afterLogout: {
        newestAccessToken: REFUSED,
        earlierAccessToken: REFUSED,
        newestRefreshToken: REFUSED,
        earlierRefreshToken: REFUSED,
      },
      beforeEverywhere: { one: [], two: [] },
      everywhere: true,
      afterEverywhere: {
        callingSessionAccess: REFUSED,
        otherSessionAccess: REFUSED,
        callingSessionRefresh: REFUSED,
        otherSessionRefresh: REFUSED,
      },
      again: [],
    };
    failures.logout = isDeepStrictEqual(observed, expected)
      ? null
      : `FAILED: logout ${describeDifference(observed, expected)}`;
    expect(observed).toEqual(expected);
  });

  it('prints the T9 figure, and fails unless every part held', () => {
    const line = `T9 revocation: ${failures.disabled ?? 'disabled account refresh refused'}, ${failures.withdrawn ?? 'withdrawn role refused on next request'}, ${failures.logout ?? 'logout ends family'}`;
    reportFigure(line);
    expect(failures).toEqual({ disabled: null, withdrawn: null, logout: null });
  });
});

/** "path answered X, expected Y" for every leaf that differs (for the figure line). */
function describeDifference(observed: unknown, expected: unknown, path = ''): string {
  const isAnswer = (value: unknown) => Boolean(value && typeof value === 'object' && 'codes' in value);
  const isRecord = (value: unknown): value is Record<string, unknown> =>
    Boolean(value && typeof value === 'object' && !Array.isArray(value));
  if (isRecord(observed) && isRecord(expected) && !isAnswer(expected)) {
    return Object.keys(expected)
      .filter((key) => !isDeepStrictEqual(observed[key], expected[key]))
      .map((key) => describeDifference(observed[key], expected[key], path ? `${path}.${key}` : key))
      .join('; ');
  }
  return `${path} answered ${summary(observed)}, expected ${summary(expected)}`;
}

/** An answer as its error codes, or "data"; anything else as JSON. */
function summary(value: unknown): string {
  if (value && typeof value === 'object' && 'codes' in value) {
    const { codes } = value as { codes: string[] };
    return codes.length ? `[${codes.join(',')}]` : 'data';
  }
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}
