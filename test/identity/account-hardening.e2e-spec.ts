import { Role } from '@chancery/access';
import { LoginMethod } from '@chancery/identity';
import { expectData, IdentityFactory, linkTokenOf, queuedEmails, reportFigure, TestApp, TestUser, useTestApp } from '@chancery/testing';

/**
 * What the security review of #14 found in accounts and sessions (defects 3 to 10), each written
 * to fail before its fix.
 */
const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { accessToken refreshToken } }';
const STEP_UP = 'mutation($c: String, $p: String) { stepUp(code: $c, password: $p) }';
const codeOf = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }): string | undefined => response.errors?.[0]?.extensions?.code as string | undefined;
const reasonOf = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }): string | undefined => response.errors?.[0]?.extensions?.reason as string | undefined;
const redis: Record<string, string> = process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {};

function loginFrom(app: TestApp, address: string, input: Record<string, unknown>) {
  return app.graphql<{ login: { accessToken: string; refreshToken: string } }>(LOGIN, { i: input }, { headers: { 'x-forwarded-for': address } });
}

describe('defect 3: password hashing never starves the server', () => {
  const started = useTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '100000', PASSWORD_HASH_CONCURRENCY: '1', PASSWORD_HASH_QUEUE: '2' } });

  it('a flood of failed logins is answered TOO_MANY_REQUESTS beyond the hashing queue, holds no transaction open, and `me` answers during it', async () => {
    const { app, factory } = started;
    const tenant = await factory.tenant();
    const user = await factory.user({ tenant, roles: [Role.CLERK] });
    const session = await factory.login(user);

    let floodDone = false;
    const flood = Promise.all(
      Array.from({ length: 30 }, (_, i) => app.graphql(LOGIN, { i: { email: `flood-${i}@example.test`, password: 'wrong password here', tenant: tenant.slug } })),
    ).finally(() => {
      floodDone = true;
    });
    const me = await app.graphql<{ me: { id: string } }>('{ me { id } }', {}, { token: session.accessToken });
    const meAnsweredDuringFlood = !floodDone;
    const answers = await flood;

    expect(expectData(me).me.id).toBe(user.id);
    expect(meAnsweredDuringFlood).toBe(true);
    // Hashing inside a unit of work is refused by PasswordHasher itself (it would answer 500): none did.
    expect(answers.filter((answer) => answer.status >= 500)).toEqual([]);
    const busy = answers.filter((answer) => reasonOf(answer) === 'BUSY');
    expect(busy.length).toBeGreaterThan(0);
    for (const answer of busy) {
      expect(codeOf(answer)).toBe('TOO_MANY_REQUESTS');
      expect(answer.status).toBe(429);
    }
    expect(answers.every((answer) => ['BUSY', 'LOGIN_FAILED'].includes(String(reasonOf(answer))))).toBe(true);
  });
});

describe('defect 4: nobody can lock somebody else out', () => {
  const started = useTestApp({ env: { TRUST_PROXY: '1', ...redis } });
  let app: TestApp;
  let factory: IdentityFactory;
  beforeAll(() => {
    app = started.app;
    factory = started.factory;
  });

  async function failFrom(user: TestUser, addresses: string[]): Promise<void> {
    for (const address of addresses) {
      const answer = await loginFrom(app, address, { email: user.email, password: 'a wrong guess of the password', tenant: user.tenantSlug });
      expect(['LOGIN_FAILED', 'LOGIN_THROTTLED']).toContain(reasonOf(answer));
    }
  }

  it('after many failures from strangers, the owner’s correct password and second factor are accepted', async () => {
    const tenant = await factory.tenant();
    const user = await factory.user({ tenant, roles: [Role.SIGNER], withTotp: true });
    const strangers = Array.from({ length: 40 }, (_, i) => `198.51.100.${i + 1}`);
    await failFrom(user, [...strangers, ...strangers.slice(0, 10)]);
    const owner = await loginFrom(app, '192.0.2.77', { email: user.email, password: user.password, tenant: tenant.slug, totpCode: factory.totpCode(user) });
    expect(owner.errors).toBeUndefined();
    reportFigure(`lockout: correct password and second factor accepted after 50 foreign failures`);
  });

  it('five failures from one address stop that address, not the owner at another one', async () => {
    const tenant = await factory.tenant();
    const user = await factory.user({ tenant, roles: [Role.CLERK] });
    await failFrom(user, Array(5).fill('203.0.113.9'));
    const sameAddress = await loginFrom(app, '203.0.113.9', { email: user.email, password: user.password, tenant: tenant.slug });
    expect(reasonOf(sameAddress)).toBe('LOGIN_THROTTLED');
    const owner = await loginFrom(app, '192.0.2.10', { email: user.email, password: user.password, tenant: tenant.slug });
    expect(owner.errors).toBeUndefined();
  });

  it('many addresses guessing one account are slowed down: the account answers at most once per back-off interval', async () => {
    const tenant = await factory.tenant();
    const user = await factory.user({ tenant, roles: [Role.CLERK] });
    await factory.login(user); // from the owner's usual address (the test client's)
    await failFrom(user, Array.from({ length: 12 }, (_, i) => `198.51.100.${100 + i}`));
    // An attacker at a new address, even with the right password, waits like everyone else.
    const during = await loginFrom(app, '198.51.100.200', { email: user.email, password: user.password, tenant: tenant.slug });
    expect(reasonOf(during)).toBe('LOGIN_THROTTLED');
    expect(during.errors?.[0]?.extensions?.details).toEqual({ retryAfterSeconds: expect.any(Number) });
    // The owner's usual address (a successful login in the last 30 days) is not slowed down.
    const ownerUsual = await factory.login(user);
    expect(ownerUsual.accessToken).toBeTruthy();
    app.clock.advance(61_000);
    const after = await loginFrom(app, '198.51.100.201', { email: user.email, password: user.password, tenant: tenant.slug });
    expect(after.errors).toBeUndefined();
  });

  it('an unknown address is throttled exactly like a known one (no enumeration)', async () => {
    const tenant = await factory.tenant();
    const user = await factory.user({ tenant, roles: [Role.CLERK] });
    const known: Array<string | undefined> = [];
    const unknown: Array<string | undefined> = [];
    for (let i = 0; i < 7; i += 1) {
      known.push(reasonOf(await loginFrom(app, '203.0.113.50', { email: user.email, password: 'a wrong guess of the password', tenant: tenant.slug })));
      unknown.push(reasonOf(await loginFrom(app, '203.0.113.50', { email: 'nobody-here@example.test', password: 'a wrong guess of the password', tenant: tenant.slug })));
    }
    expect(unknown).toEqual(known);
  });
});

describe('defect 5: a second-factor code works once', () => {
  const started = useTestApp();

  it('the same code does not log in twice, nor step up after the login it served', async () => {
    const { app, factory } = started;
    const tenant = await factory.tenant();
    const user = await factory.user({ tenant, roles: [Role.SIGNER], withTotp: true });
    const code = factory.totpCode(user);
    const input = { email: user.email, password: user.password, tenant: tenant.slug, totpCode: code };
    const first = await app.graphql<{ login: { accessToken: string } }>(LOGIN, { i: input });
    const attempts = [await app.graphql(LOGIN, { i: input }), await app.graphql(STEP_UP, { c: code }, { token: expectData(first).login.accessToken })];
    const accepted = attempts.filter((attempt) => !attempt.errors).length;
    expect(accepted).toBe(0);
    expect(reasonOf(attempts[0])).toBe('LOGIN_FAILED');
    expect(reasonOf(attempts[1])).toBe('STEP_UP_FAILED');
    // The next code (30 seconds later) works.
    app.clock.advance(30_000);
    expect((await app.graphql(STEP_UP, { c: factory.totpCode(user) }, { token: expectData(first).login.accessToken })).errors).toBeUndefined();
    reportFigure(`totp replay: ${attempts.length} reused codes, ${accepted} accepted`);
  });

  it('step-up attempts are limited per session: after 5 wrong codes even the right one is refused for 15 minutes', async () => {
    const { app, factory } = started;
    const tenant = await factory.tenant();
    const user = await factory.user({ tenant, roles: [Role.SIGNER], withTotp: true });
    const session = await factory.login(user);
    app.clock.advance(30_000);
    for (let i = 0; i < 5; i += 1) expect(reasonOf(await app.graphql(STEP_UP, { c: '000000' }, { token: session.accessToken }))).toBe('STEP_UP_FAILED');
    const right = await app.graphql(STEP_UP, { c: factory.totpCode(user) }, { token: session.accessToken });
    expect(reasonOf(right)).toBe('STEP_UP_THROTTLED');
    expect(codeOf(right)).toBe('TOO_MANY_REQUESTS');
    app.clock.advance(15 * 60_000 + 1);
    const renewed = expectData(await app.graphql<{ refreshSession: { accessToken: string } }>('mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }', { t: session.refreshToken }));
    expect((await app.graphql(STEP_UP, { c: factory.totpCode(user) }, { token: renewed.refreshSession.accessToken })).errors).toBeUndefined();
  });

  it('step-up attempts are limited per account too: a new session does not reset the count', async () => {
    const { app, factory } = started;
    const tenant = await factory.tenant();
    const user = await factory.user({ tenant, roles: [Role.SIGNER], withTotp: true });
    for (let s = 0; s < 2; s += 1) {
      const session = await factory.login(user);
      app.clock.advance(30_000);
      for (let i = 0; i < 5; i += 1) await app.graphql(STEP_UP, { c: '000000' }, { token: session.accessToken });
    }
    const fresh = await factory.login(user);
    app.clock.advance(30_000);
    expect(reasonOf(await app.graphql(STEP_UP, { c: factory.totpCode(user) }, { token: fresh.accessToken }))).toBe('STEP_UP_THROTTLED');
  });
});

describe('defect 6: until enrolment, an account that needs a second factor can only enrol and log out', () => {
  const started = useTestApp();

  it('the admin of a PASSWORD_AND_TOTP company without a second factor can change nothing, not even their own profile', async () => {
    const { app, factory } = started;
    const tenant = await factory.tenant();
    const organisation = await factory.organisation(tenant, { loginMethod: LoginMethod.PASSWORD_AND_TOTP });
    const admin = await factory.user({ tenant, organisation, roles: [Role.ORG_ADMIN] });
    const session = await factory.login(admin);
    const as = { token: session.accessToken };
    const ibanOf = async () => ((await app.asOwner((db) => db.query(`SELECT iban FROM organisation WHERE id = $1`, [organisation.id]))).rows[0] as { iban: string | null }).iban;
    const ibanBefore = await ibanOf();
    const refused = [
      await app.graphql('mutation($o: ID!) { updateOrganisation(input: { organisationId: $o, iban: "BE68539007547034" }) { id } }', { o: organisation.id }, as),
      await app.graphql('mutation($u: ID!) { updateUserProfile(input: { userId: $u, firstName: "Changed" }) { id } }', { u: admin.id }, as),
      await app.graphql('{ mySessions { id } }', {}, as),
      await app.graphql('mutation { createApiKey(input: { name: "sneaky" }) { secret } }', {}, as),
    ];
    for (const answer of refused) expect(reasonOf(answer)).toBe('SECOND_FACTOR_ENROLMENT_REQUIRED');
    expect(await ibanOf()).toBe(ibanBefore);

    expect((await app.graphql('mutation { beginTotpEnrolment }', {}, as)).errors).toBeUndefined();
    expect((await app.graphql('mutation { logout }', {}, as)).errors).toBeUndefined();
  });
});

describe('defect 7: a company or a tenant always keeps an administrator', () => {
  const started = useTestApp();
  const CHANGE = 'mutation($u: ID!, $w: [Role!]!) { changeUserRoles(input: { userId: $u, withdraw: $w }) { id roles } }';

  it('the only ORG_ADMIN cannot withdraw their own role; with a second admin they can', async () => {
    const { app, factory } = started;
    const tenant = await factory.tenant();
    const organisation = await factory.organisation(tenant);
    const admin = await factory.user({ tenant, organisation, roles: [Role.ORG_ADMIN, Role.ORG_MEMBER] });
    const session = await factory.login(admin);
    const refused = await app.graphql(CHANGE, { u: admin.id, w: ['ORG_ADMIN'] }, { token: session.accessToken });
    expect(codeOf(refused)).toBe('CONFLICT');
    expect(reasonOf(refused)).toBe('LAST_ADMINISTRATOR');
    await factory.user({ tenant, organisation, roles: [Role.ORG_ADMIN] });
    expect((await app.graphql(CHANGE, { u: admin.id, w: ['ORG_ADMIN'] }, { token: session.accessToken })).errors).toBeUndefined();
  });

  it('the only TENANT_ADMIN cannot withdraw their own role', async () => {
    const { app, factory } = started;
    const tenant = await factory.tenant();
    const admin = await factory.user({ tenant, roles: [Role.TENANT_ADMIN, Role.CLERK], withTotp: true });
    const session = await factory.login(admin);
    const refused = await app.graphql(CHANGE, { u: admin.id, w: ['TENANT_ADMIN'] }, { token: session.accessToken });
    expect(reasonOf(refused)).toBe('LAST_ADMINISTRATOR');
  });

  it('two admins withdrawing each other’s role at the same moment: one of them stays admin', async () => {
    const { app, factory } = started;
    const tenant = await factory.tenant();
    const organisation = await factory.organisation(tenant);
    const first = await factory.user({ tenant, organisation, roles: [Role.ORG_ADMIN, Role.ORG_MEMBER] });
    const second = await factory.user({ tenant, organisation, roles: [Role.ORG_ADMIN, Role.ORG_MEMBER] });
    const [a, b] = await Promise.all([factory.login(first), factory.login(second)]);
    const answers = await Promise.all([
      app.graphql(CHANGE, { u: second.id, w: ['ORG_ADMIN'] }, { token: a.accessToken }),
      app.graphql(CHANGE, { u: first.id, w: ['ORG_ADMIN'] }, { token: b.accessToken }),
    ]);
    const admins = await app.asOwner(async (db) => (await db.query(`SELECT count(*)::int AS n FROM user_role WHERE user_id = ANY($1) AND role = 'ORG_ADMIN'`, [[first.id, second.id]])).rows[0] as { n: number });
    expect(admins.n).toBe(1);
    expect(answers.filter((answer) => !answer.errors)).toHaveLength(1);
  });
});

describe('defect 8: invitations can be seen, revoked, and die with their sender’s right to send them', () => {
  const started = useTestApp();
  const INVITE = 'mutation($e: String!, $r: [Role!]!) { inviteUser(input: { email: $e, roles: $r }) { id } }';
  const ACCEPT = 'mutation($t: String!) { acceptInvitation(input: { token: $t, firstName: "Ines", lastName: "Vit", password: "a long and good password 9", preferredLanguage: "nl" }) }';

  it('administrators list pending invitations and revoke one; the revoked link no longer works', async () => {
    const { app, factory } = started;
    const tenant = await factory.tenant();
    const organisation = await factory.organisation(tenant);
    const admin = await factory.user({ tenant, organisation, roles: [Role.ORG_ADMIN] });
    const otherAdmin = await factory.user({ tenant, organisation, roles: [Role.ORG_ADMIN] });
    const invitation = await factory.invitation({ tenant, organisation, invitedBy: admin, roles: [Role.ORG_MEMBER] });
    const session = await factory.login(otherAdmin);
    const listed = expectData(await app.graphql<{ invitations: Array<{ id: string; email: string; roles: string[]; expiresAt: string }> }>('{ invitations { id email roles expiresAt } }', {}, { token: session.accessToken }));
    expect(listed.invitations).toEqual([{ id: invitation.id, email: invitation.email, roles: ['ORG_MEMBER'], expiresAt: expect.any(String) }]);
    expectData(await app.graphql('mutation($id: ID!) { revokeInvitation(id: $id) { id revokedAt } }', { id: invitation.id }, { token: session.accessToken }));
    expect(reasonOf(await app.graphql(ACCEPT, { t: invitation.token }))).toBe('INVITATION_INVALID');
    expect(expectData(await app.graphql<{ invitations: unknown[] }>('{ invitations { id } }', {}, { token: session.accessToken })).invitations).toEqual([]);
  });

  it('another company’s invitation is not found', async () => {
    const { app, factory } = started;
    const tenant = await factory.tenant();
    const [mine, theirs] = [await factory.organisation(tenant), await factory.organisation(tenant)];
    const admin = await factory.user({ tenant, organisation: mine, roles: [Role.ORG_ADMIN] });
    const theirAdmin = await factory.user({ tenant, organisation: theirs, roles: [Role.ORG_ADMIN] });
    const invitation = await factory.invitation({ tenant, organisation: theirs, invitedBy: theirAdmin, roles: [Role.ORG_MEMBER] });
    const session = await factory.login(admin);
    expect(codeOf(await app.graphql('mutation($id: ID!) { revokeInvitation(id: $id) { id } }', { id: invitation.id }, { token: session.accessToken }))).toBe('NOT_FOUND');
  });

  it('disabling the inviter revokes their pending invitations', async () => {
    const { app, factory } = started;
    const tenant = await factory.tenant();
    const [first, second] = [await factory.user({ tenant, roles: [Role.TENANT_ADMIN], withTotp: true }), await factory.user({ tenant, roles: [Role.TENANT_ADMIN], withTotp: true })];
    const invitation = await factory.invitation({ tenant, invitedBy: first, roles: [Role.TENANT_ADMIN] });
    const session = await factory.login(second);
    app.clock.advance(30_000);
    expectData(await app.graphql(STEP_UP, { c: factory.totpCode(second) }, { token: session.accessToken }));
    expectData(await app.graphql('mutation($u: ID!) { disableUser(userId: $u) { id } }', { u: first.id }, { token: session.accessToken }));
    expect(reasonOf(await app.graphql(ACCEPT, { t: invitation.token }))).toBe('INVITATION_INVALID');
  });

  it('withdrawing the role that allowed the grant revokes the invitations it sent', async () => {
    const { app, factory } = started;
    const tenant = await factory.tenant();
    const organisation = await factory.organisation(tenant);
    const inviter = await factory.user({ tenant, organisation, roles: [Role.ORG_ADMIN, Role.ORG_MEMBER] });
    const other = await factory.user({ tenant, organisation, roles: [Role.ORG_ADMIN] });
    const invitation = await factory.invitation({ tenant, organisation, invitedBy: inviter, roles: [Role.ORG_ADMIN] });
    const session = await factory.login(other);
    expectData(await app.graphql('mutation($u: ID!) { changeUserRoles(input: { userId: $u, withdraw: [ORG_ADMIN] }) { id } }', { u: inviter.id }, { token: session.accessToken }));
    expect(reasonOf(await app.graphql(ACCEPT, { t: invitation.token }))).toBe('INVITATION_INVALID');
  });

  it('inviting an address that already belongs to the company answers at once, and a second pending invitation too', async () => {
    const { app, factory } = started;
    const tenant = await factory.tenant();
    const organisation = await factory.organisation(tenant);
    const admin = await factory.user({ tenant, organisation, roles: [Role.ORG_ADMIN] });
    const colleague = await factory.user({ tenant, organisation, roles: [Role.ORG_MEMBER] });
    const session = await factory.login(admin);
    const member = await app.graphql(INVITE, { e: colleague.email.toUpperCase(), r: ['ORG_MEMBER'] }, { token: session.accessToken });
    expect(codeOf(member)).toBe('CONFLICT');
    expect(reasonOf(member)).toBe('ADDRESS_ALREADY_IN_COMPANY');
    expectData(await app.graphql(INVITE, { e: 'new.person@example.test', r: ['ORG_MEMBER'] }, { token: session.accessToken }));
    expect(reasonOf(await app.graphql(INVITE, { e: 'new.person@example.test', r: ['ORG_MEMBER'] }, { token: session.accessToken }))).toBe('INVITATION_ALREADY_PENDING');
  });
});

describe('defect 9: reset links', () => {
  const started = useTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000', EXPOSE_STATEMENT_COUNT: 'true' } });
  const RESET = 'mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }';

  async function resetTokensOf(app: TestApp, email: string): Promise<string[]> {
    return (await queuedEmails(app, { recipient: email, template: 'auth.password-reset' })).map((message) => linkTokenOf(message.body)!);
  }

  it('after a successful reset, every other outstanding link of the account stops working', async () => {
    const { app, factory } = started;
    const tenant = await factory.tenant();
    const user = await factory.user({ tenant, roles: [Role.CLERK] });
    for (let i = 0; i < 2; i += 1) expectData(await app.graphql('mutation($e: String!, $t: String) { requestPasswordReset(email: $e, tenant: $t) }', { e: user.email, t: tenant.slug }));
    const [first, second] = await resetTokensOf(app, user.email);
    expectData(await app.graphql(RESET, { t: second, p: 'a brand new long password 1' }));
    expect(reasonOf(await app.graphql(RESET, { t: first, p: 'another new long password 2' }))).toBe('RESET_LINK_INVALID');
  });

  it('a request for an address with an account does the same database work as one for an address without', async () => {
    const { app, factory } = started;
    const tenant = await factory.tenant();
    const user = await factory.user({ tenant, roles: [Role.CLERK] });
    const statementsOf = async (email: string) => {
      const response = await app.http().post('/graphql').set('content-type', 'application/json').send({ query: 'mutation($e: String!, $t: String) { requestPasswordReset(email: $e, tenant: $t) }', variables: { e: email, t: tenant.slug } });
      expect(response.body.errors).toBeUndefined();
      return response.headers['x-sql-statements'];
    };
    const existing = await statementsOf(user.email);
    const missing = await statementsOf('nobody-at-all@example.test');
    expect(existing).toBeDefined();
    expect(existing).toBe(missing);
  });
});

describe('defect 10: API keys', () => {
  const started = useTestApp();

  it('a key does what its scope allows, and nothing else', async () => {
    const { app, factory } = started;
    const tenant = await factory.tenant();
    const organisation = await factory.organisation(tenant);
    const admin = await factory.user({ tenant, organisation, roles: [Role.ORG_ADMIN] });
    const key = await factory.apiKey({ tenant, organisation, createdBy: admin });
    const asKey = { headers: { 'x-api-key': key.secret } };
    // ORGANISATION_ERP reads the company's record…
    expect((await app.graphql('query($id: ID!) { organisation(id: $id) { id } }', { id: organisation.id }, asKey)).errors).toBeUndefined();
    // …and nothing its scope does not carry, even what the admin who made it may do.
    expect(reasonOf(await app.graphql('{ managedUsers { id } }', {}, asKey))).toBe('PERMISSION_REQUIRED');
    expect(reasonOf(await app.graphql('mutation { createApiKey(input: { name: "another" }) { secret } }', {}, asKey))).toBe('PERMISSION_REQUIRED');
    expect(reasonOf(await app.graphql('mutation($o: ID!) { updateOrganisation(input: { organisationId: $o, city: "Gent" }) { id } }', { o: organisation.id }, asKey))).toBe('PERMISSION_REQUIRED');
    expect(reasonOf(await app.graphql('{ me { id } }', {}, asKey))).toBe('PERSON_REQUIRED');
  });

  it('a key stops working when the person who created it is disabled (decision in docs/decisions.md)', async () => {
    const { app, factory } = started;
    const tenant = await factory.tenant();
    const organisation = await factory.organisation(tenant);
    const creator = await factory.user({ tenant, organisation, roles: [Role.ORG_ADMIN] });
    const other = await factory.user({ tenant, organisation, roles: [Role.ORG_ADMIN] });
    const key = await factory.apiKey({ tenant, organisation, createdBy: creator });
    const asKey = { headers: { 'x-api-key': key.secret } };
    const probe = '{ apiInfo { version } }';
    expect((await app.graphql(probe, {}, asKey)).errors).toBeUndefined();
    const session = await factory.login(other);
    expectData(await app.graphql('mutation($u: ID!) { disableUser(userId: $u) { id } }', { u: creator.id }, { token: session.accessToken }));
    expect(codeOf(await app.graphql(probe, {}, asKey))).toBe('UNAUTHENTICATED');
    const keys = expectData(await app.graphql<{ apiKeys: Array<{ id: string; revokedAt: string | null }> }>('{ apiKeys { id revokedAt } }', {}, { token: session.accessToken }));
    expect(keys.apiKeys.find((k) => k.id === key.id)?.revokedAt).toEqual(expect.any(String));
  });
});

/**
 * Found from outside on 3 December 2026: the counters were read in one transaction and the failure
 * written in another after the password or code was judged, so attempts sent at the same moment all
 * saw the count before any of them and were all judged (39 wrong current passwords in one burst
 * against a limit of 5). An attempt is now counted before it is judged, under a lock per account, and
 * given back when it succeeds.
 */
describe('defect 11: attempt limits hold when the attempts arrive at the same moment', () => {
  // Neither the per-address request limit nor the hashing queue may refuse attempts before the
  // account's own limits are reached: those limits are what is tested.
  const started = useTestApp({ env: { TRUST_PROXY: '1', AUTH_RATE_LIMIT_PER_MINUTE: '100000', PASSWORD_HASH_QUEUE: '200', ...redis } });
  const CHANGE = 'mutation($c: String!, $n: String!) { changeMyPassword(currentPassword: $c, newPassword: $n) { accessToken } }';
  const BURST = 20;
  const tally = (answers: Array<{ errors?: Array<{ extensions?: Record<string, unknown> }> }>) => {
    const reasons: Record<string, number> = {};
    for (const answer of answers) reasons[String(reasonOf(answer))] = (reasons[String(reasonOf(answer))] ?? 0) + 1;
    return reasons;
  };

  it('twenty wrong passwords at once from one address: five are judged, the others are refused unjudged', async () => {
    const { app, factory } = started;
    const tenant = await factory.tenant();
    const user = await factory.user({ tenant, roles: [Role.CLERK] });
    const answers = await Promise.all(
      Array.from({ length: BURST }, (_, i) => loginFrom(app, '203.0.113.77', { email: user.email, password: `a wrong guess number ${i}`, tenant: tenant.slug })),
    );
    expect(tally(answers)).toEqual({ LOGIN_FAILED: 5, LOGIN_THROTTLED: BURST - 5 });
    reportFigure(`attempt limits under a burst: ${BURST} simultaneous wrong passwords from one address, 5 judged`);
  });

  it('the right password at once, again and again: every login opens a session or is refused as a burst, none answers 500 (the counts were given back in two orders and deadlocked)', async () => {
    const { app, factory } = started;
    const tenant = await factory.tenant();
    const users = [await factory.user({ tenant, roles: [Role.CLERK] }), await factory.user({ tenant, roles: [Role.AUDITOR] })];
    const outcomes: Record<string, number> = {};
    for (let round = 0; round < 25; round += 1) {
      for (const user of users) {
        const answers = await Promise.all(Array.from({ length: 6 }, () => loginFrom(app, '203.0.113.90', { email: user.email, password: user.password, tenant: tenant.slug })));
        for (const answer of answers) {
          const outcome = answer.errors?.length ? String(answer.errors[0]?.extensions?.code) : 'session';
          outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        }
      }
    }
    expect(Object.keys(outcomes).filter((outcome) => !['session', 'TOO_MANY_REQUESTS'].includes(outcome))).toEqual([]);
    expect(outcomes.session).toBeGreaterThan(0);
  });

  it('twenty wrong passwords at once from twenty addresses: at most ten are judged before the back-off', async () => {
    const { app, factory } = started;
    const tenant = await factory.tenant();
    const user = await factory.user({ tenant, roles: [Role.CLERK] });
    const answers = await Promise.all(
      Array.from({ length: BURST }, (_, i) => loginFrom(app, `198.51.100.${150 + i}`, { email: user.email, password: `a wrong guess number ${i}`, tenant: tenant.slug })),
    );
    // The 11th is judged too (its back-off starts from the 10th failure); the next ones wait for it.
    expect(tally(answers).LOGIN_FAILED).toBeLessThanOrEqual(11);
  });

  it('a successful login is not counted as a failure: logging in does not bring the account closer to its back-off', async () => {
    const { app, factory } = started;
    const tenant = await factory.tenant();
    const user = await factory.user({ tenant, roles: [Role.CLERK] });
    for (let i = 0; i < 9; i += 1) {
      expect(reasonOf(await loginFrom(app, `198.51.100.${60 + i}`, { email: user.email, password: 'a wrong guess of the password', tenant: tenant.slug }))).toBe('LOGIN_FAILED');
    }
    for (let i = 0; i < 3; i += 1) {
      expect((await loginFrom(app, `192.0.2.${120 + i}`, { email: user.email, password: user.password, tenant: tenant.slug })).errors).toBeUndefined();
    }
    // Nine failures in the window: the tenth attempt is still judged, from an address never seen.
    expect(reasonOf(await loginFrom(app, '198.51.100.99', { email: user.email, password: 'a wrong guess of the password', tenant: tenant.slug }))).toBe('LOGIN_FAILED');
  });

  it('an address with accounts in two tenants: a login without a tenant counts the guess against both', async () => {
    const { app, factory } = started;
    const [first, second] = [await factory.tenant(), await factory.tenant()];
    const email = `two-tenants-${Date.now()}@example.test`;
    await factory.user({ tenant: first, roles: [Role.CLERK], email });
    const other = await factory.user({ tenant: second, roles: [Role.CLERK], email });
    for (let i = 0; i < 5; i += 1) {
      expect(reasonOf(await loginFrom(app, '203.0.113.88', { email, password: `a wrong guess number ${i}` }))).toBe('LOGIN_FAILED');
    }
    // Before: only the first tenant's account counted the guesses, so the second one's password went on being judged.
    expect(reasonOf(await loginFrom(app, '203.0.113.88', { email, password: other.password }))).toBe('LOGIN_THROTTLED');
    expect(reasonOf(await loginFrom(app, '203.0.113.88', { email, password: other.password, tenant: second.slug }))).toBe('LOGIN_THROTTLED');
  });

  it('twenty wrong second-factor codes at once in one session: five are judged', async () => {
    const { app, factory } = started;
    const tenant = await factory.tenant();
    const user = await factory.user({ tenant, roles: [Role.SIGNER], withTotp: true });
    const session = await factory.login(user);
    app.clock.advance(30_000);
    const answers = await Promise.all(Array.from({ length: BURST }, (_, i) => app.graphql(STEP_UP, { c: String(100000 + i) }, { token: session.accessToken })));
    expect(tally(answers)).toEqual({ STEP_UP_FAILED: 5, STEP_UP_THROTTLED: BURST - 5 });
  });

  it('twenty wrong current passwords at once in a password change: five are judged, and the password stays', async () => {
    const { app, factory } = started;
    const tenant = await factory.tenant();
    const user = await factory.user({ tenant, roles: [Role.CLERK] });
    const session = await factory.login(user);
    const answers = await Promise.all(
      Array.from({ length: BURST }, (_, i) => app.graphql(CHANGE, { c: `a wrong guess number ${i}`, n: `a new and long passphrase ${i}` }, { token: session.accessToken })),
    );
    expect(tally(answers)).toEqual({ CURRENT_PASSWORD_WRONG: 5, STEP_UP_THROTTLED: BURST - 5 });
    expect((await loginFrom(app, '192.0.2.200', { email: user.email, password: user.password, tenant: tenant.slug })).errors).toBeUndefined();
  });

  it('someone who has the password cannot go on guessing second-factor codes: after five wrong ones only the owner’s usual address gets in, and the owner is told', async () => {
    const { app, factory } = started;
    const tenant = await factory.tenant();
    const user = await factory.user({ tenant, roles: [Role.SIGNER], withTotp: true });
    await factory.login(user); // from the owner's usual address (the test client's)
    const wrongCode = () => String((Number(factory.totpCode(user)) + 123_457) % 1_000_000).padStart(6, '0');
    // Each from an address of its own, so no address reaches its own limit; the account's back-off
    // starts after ten, but the right password with a code used to be judged even then.
    for (let i = 0; i < 12; i += 1) {
      const answer = await loginFrom(app, `198.51.100.${30 + i}`, { email: user.email, password: user.password, tenant: tenant.slug, totpCode: wrongCode() });
      expect(['LOGIN_FAILED', 'LOGIN_THROTTLED']).toContain(reasonOf(answer));
    }
    app.clock.advance(30_000);
    const elsewhere = await loginFrom(app, '198.51.100.99', { email: user.email, password: user.password, tenant: tenant.slug, totpCode: factory.totpCode(user) });
    expect(reasonOf(elsewhere)).toBe('LOGIN_THROTTLED');
    const owner = await app.graphql(LOGIN, { i: { email: user.email, password: user.password, tenant: tenant.slug, totpCode: factory.totpCode(user) } });
    expect(owner.errors).toBeUndefined();
    const notices = await queuedEmails(app, { recipient: user.email, template: 'auth.second-factor-failures' });
    expect(notices).toHaveLength(1);
    // Wrong passwords with a code say nothing about the second factor: they do not count towards it.
    const other = await factory.user({ tenant, roles: [Role.SIGNER], withTotp: true });
    for (let i = 0; i < 8; i += 1) await loginFrom(app, `198.51.100.${130 + i}`, { email: other.email, password: 'a wrong guess of the password', tenant: tenant.slug, totpCode: '123456' });
    app.clock.advance(30_000);
    expect((await loginFrom(app, '198.51.100.199', { email: other.email, password: other.password, tenant: tenant.slug, totpCode: factory.totpCode(other) })).errors).toBeUndefined();
  });

  it('second-factor guesses sent at once are limited too', async () => {
    const { app, factory } = started;
    const tenant = await factory.tenant();
    const user = await factory.user({ tenant, roles: [Role.SIGNER], withTotp: true });
    const right = factory.totpCode(user);
    const answers = await Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        loginFrom(app, `198.51.100.${170 + i}`, { email: user.email, password: user.password, tenant: tenant.slug, totpCode: String((Number(right) + 200_000 + i) % 1_000_000).padStart(6, '0') }),
      ),
    );
    expect(tally(answers).LOGIN_FAILED).toBeLessThanOrEqual(5);
  });

  it('password changes sent at once with the right current password: one wins, the others are refused as a conflict', async () => {
    const { app, factory } = started;
    const tenant = await factory.tenant();
    const user = await factory.user({ tenant, roles: [Role.CLERK] });
    const session = await factory.login(user);
    const answers = await Promise.all(
      Array.from({ length: 4 }, (_, i) => app.graphql(CHANGE, { c: user.password, n: `a new and long passphrase ${i}` }, { token: session.accessToken })),
    );
    const won = answers.map((answer, i) => (answer.errors ? null : i)).filter((i): i is number => i !== null);
    expect(won).toHaveLength(1);
    // A loser checked its current password against the old hash and lost the write (CONFLICT), or, on a busy
    // machine, read the hash after the winner had replaced it: its "current" password no longer is (CI, 4 December 2026).
    for (const answer of answers.filter((a) => a.errors)) {
      expect([{ code: 'CONFLICT', reason: 'PASSWORD_CHANGED_MEANWHILE' }, { code: 'BAD_USER_INPUT', reason: 'CURRENT_PASSWORD_WRONG' }]).toContainEqual(
        { code: answer.errors?.[0]?.extensions?.code, reason: answer.errors?.[0]?.extensions?.reason },
      );
    }
    expect((await loginFrom(app, '192.0.2.201', { email: user.email, password: `a new and long passphrase ${won[0]}`, tenant: tenant.slug })).errors).toBeUndefined();
    // One change, one notice.
    expect(await queuedEmails(app, { recipient: user.email, template: 'identity.password-changed' })).toHaveLength(1);
  });

  it('a step-up without the credential it needs is not counted', async () => {
    const { app, factory } = started;
    const tenant = await factory.tenant();
    const user = await factory.user({ tenant, roles: [Role.SIGNER], withTotp: true });
    const session = await factory.login(user);
    app.clock.advance(30_000);
    for (let i = 0; i < 6; i += 1) expect(reasonOf(await app.graphql(STEP_UP, {}, { token: session.accessToken }))).toBe('STEP_UP_CREDENTIAL_MISSING');
    expect((await app.graphql(STEP_UP, { c: factory.totpCode(user) }, { token: session.accessToken })).errors).toBeUndefined();
  });
});
