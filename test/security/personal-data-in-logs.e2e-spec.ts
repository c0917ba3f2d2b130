import { Writable } from 'node:stream';
import { Role } from '@chancery/access';
import { expectData, IdentityFactory, linkTokenOf, queuedEmails, reportFigure, TestApp, useTestApp } from '@chancery/testing';

/**
 * VERIFY T19 (first part): a full request cycle — registration, confirmation, login, refresh, reads,
 * updates, refusals and an internal error path — writes log lines, and none of them carries an
 * e-mail address, telephone number, name, password or token.
 */
describe('Personal data in logs', () => {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  let app: TestApp;
  let factory: IdentityFactory;
  const started = useTestApp({ env: { LOG_LEVEL: 'trace' }, logDestination: destination });
  beforeAll(async () => {
    app = started.app;
    factory = started.factory;
  });

  it('a full request cycle logs no e-mail, phone, name, password or token', async () => {
    const tenant = await factory.tenant({ servedPostalCodes: [{ from: '2000', to: '2999' }] });
    const secrets = {
      email: 'yasmine.vandenberghe@exporter.test',
      phone: '+32475123456',
      firstName: 'Yasmine',
      lastName: 'Vandenberghe',
      password: 'orchid telescope marmalade',
      companyEmail: 'office@exporter.test',
      iban: 'BE71096123456769',
    };
    const registration = await app.graphql(
      `mutation($i: RegisterOrganisationInput!) { registerOrganisation(input: $i) { tenant { slug } } }`,
      { i: { tenantSlug: tenant.slug, vatNumber: 'BE0123.456.749', name: 'Exporter NV', legalForm: 'NV', street: 'Kaai 1', postalCode: '2000', city: 'Antwerpen', country: 'BE', phone: '+3232322219', email: secrets.companyEmail, iban: secrets.iban, loginMethod: 'PASSWORD', administrator: { firstName: secrets.firstName, lastName: secrets.lastName, email: secrets.email, phone: secrets.phone, password: secrets.password } } },
    );
    expectData(registration);
    const [message] = await queuedEmails(app, { recipient: secrets.email });
    const confirmation = linkTokenOf(message!.body)!;
    expectData(await app.graphql('mutation($t: String!) { confirmEmail(token: $t) }', { t: confirmation }));

    const wrong = await app.graphql('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { email: secrets.email, password: `${secrets.password}!`, tenant: tenant.slug } });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const session = expectData(await app.graphql<{ login: { accessToken: string; refreshToken: string } }>(
      'mutation($i: LoginInput!) { login(input: $i) { accessToken refreshToken } }', { i: { email: secrets.email, password: secrets.password, tenant: tenant.slug } })).login;
    const refreshed = expectData(await app.graphql<{ refreshSession: { accessToken: string; refreshToken: string } }>(
      'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }', { t: session.refreshToken })).refreshSession;
    const me = expectData(await app.graphql<{ me: { id: string } }>('{ me { id email phone firstName lastName } }', {}, { token: refreshed.accessToken })).me;
    expectData(await app.graphql('mutation($i: UpdateUserProfileInput!) { updateUserProfile(input: $i) { phone } }', { i: { userId: me.id, phone: '+32475999888' } }, { token: refreshed.accessToken }));
    const badInput = await app.graphql('mutation($i: UpdateUserProfileInput!) { updateUserProfile(input: $i) { phone } }', { i: { userId: me.id, phone: secrets.email } }, { token: refreshed.accessToken });
    expect(badInput.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(badInput.text).not.toContain(secrets.email);
    const clerk = await factory.login(await factory.user({ tenant, roles: [Role.CLERK] }));
    expectData(await app.graphql('query($id: ID!) { user(id: $id) { email phone } }', { id: me.id }, { token: clerk.accessToken }));
    await app.graphql('{ me { id } }', {}, { token: `${refreshed.accessToken}x` });
    await app.graphql('mutation($e: String!, $t: String) { requestPasswordReset(email: $e, tenant: $t) }', { e: secrets.email, t: tenant.slug });
    await app.settled();
    expectData(await app.graphql('mutation { logout }', {}, { token: refreshed.accessToken }));

    const forbidden = [...Object.values(secrets), '+32475999888', session.accessToken, session.refreshToken, refreshed.accessToken, refreshed.refreshToken, confirmation];
    const leaks = lines.flatMap((line) => forbidden.filter((value) => line.includes(value)).map((value) => `${value.slice(0, 12)}… in ${line.slice(0, 160)}`));
    expect(lines.length).toBeGreaterThan(10);
    expect(leaks).toEqual([]);
    // Every request's lines carry its request id.
    const requestLines = lines.map((line) => JSON.parse(line) as { req?: unknown; requestId?: string }).filter((entry) => entry.req);
    expect(requestLines.length).toBeGreaterThan(5);
    expect(requestLines.every((entry) => typeof entry.requestId === 'string' && entry.requestId.length >= 8)).toBe(true);
    reportFigure(`T19 personal data in logs: ${lines.length} log lines over a full request cycle, ${leaks.length} values beyond a subject id`);
  });
});
