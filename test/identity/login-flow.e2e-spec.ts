import { Role } from '@chancery/access';
import { expectData, IdentityFactory, TestApp, useTestApp } from '@chancery/testing';

describe('Logging in and using the session', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  const started = useTestApp();
  beforeAll(async () => {
    app = started.app;
    factory = started.factory;
  });

  it('logs in, reads its own profile, refreshes and logs out', async () => {
    const tenant = await factory.tenant();
    const organisation = await factory.organisation(tenant);
    const user = await factory.user({ tenant, organisation, roles: [Role.ORG_ADMIN] });
    const session = await factory.login(user);
    const me = expectData(await app.graphql<{ me: { id: string; email: string; roles: string[] } }>('{ me { id email roles } }', {}, { token: session.accessToken }));
    expect(me.me).toEqual({ id: user.id, email: user.email, roles: ['ORG_ADMIN'] });

    const refreshed = expectData(await app.graphql<{ refreshSession: { accessToken: string; refreshToken: string } }>(
      'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }', { t: session.refreshToken }));
    expect(refreshed.refreshSession.refreshToken).not.toEqual(session.refreshToken);

    expectData(await app.graphql('mutation { logout }', {}, { token: refreshed.refreshSession.accessToken }));
    const after = await app.graphql('{ me { id } }', {}, { token: refreshed.refreshSession.accessToken });
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers a wrong password and an unknown address identically', async () => {
    const tenant = await factory.tenant();
    const user = await factory.user({ tenant, roles: [Role.CLERK] });
    const wrongPassword = await app.graphql('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { email: user.email, password: 'not the password at all', tenant: tenant.slug } });
    const unknown = await app.graphql('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { email: 'nobody@example.test', password: 'not the password at all', tenant: tenant.slug } });
    expect(wrongPassword.errors).toEqual(unknown.errors);
    expect(wrongPassword.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
