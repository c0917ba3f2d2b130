import { randomUUID } from 'node:crypto';
import { Role } from '@chancery/access';
import { expectData, queuedEmails, TestApp, useTestApp } from '@chancery/testing';

/**
 * What a user expects of their account and a new user of the service (#14, "Missing pieces a user
 * expects"): login without the tenant's slug, changing one's password, re-enabling a user, the
 * current session marked, a registration answer that shows the company, resetting a lost second factor.
 */
const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { accessToken refreshToken } }';
const reasonOf = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }): string | undefined => response.errors?.[0]?.extensions?.reason as string | undefined;

describe('Account self-service', () => {
  const started = useTestApp();
  let app: TestApp;
  beforeAll(() => {
    app = started.app;
  });

  describe('login without the tenant’s slug', () => {
    it('an address with one account logs in with e-mail and password alone', async () => {
      const { factory } = started;
      const tenant = await factory.tenant();
      const user = await factory.user({ tenant, roles: [Role.CLERK] });
      const session = expectData(await app.graphql<{ login: { accessToken: string } }>(LOGIN, { i: { email: user.email, password: user.password } })).login;
      expect(expectData(await app.graphql<{ me: { id: string } }>('{ me { id } }', {}, { token: session.accessToken })).me.id).toBe(user.id);
    });

    it('accounts in two tenants: the password decides; where it matches both, the choice is asked, and only then are the tenants named', async () => {
      const { factory } = started;
      const [first, second, third] = [await factory.tenant(), await factory.tenant(), await factory.tenant()];
      const email = `twice-${randomUUID().slice(0, 8)}@example.test`;
      const inFirst = await factory.user({ tenant: first, roles: [Role.CLERK], email });
      await factory.user({ tenant: second, roles: [Role.CLERK], email });
      // The third tenant's account has another password: its tenant is never named.
      const inThird = await factory.user({ tenant: third, roles: [Role.CLERK], email });
      await app.asOwner((db) => db.query(`UPDATE user_account SET password_hash = 'not-a-hash-of-anything' WHERE id = $1`, [inThird.id]).then(() => undefined));

      const wrong = await app.graphql(LOGIN, { i: { email, password: 'not the password of any of them' } });
      expect(reasonOf(wrong)).toBe('LOGIN_FAILED');
      expect(JSON.stringify(wrong.errors)).not.toContain(first.slug);

      const ambiguous = await app.graphql(LOGIN, { i: { email, password: inFirst.password } });
      expect(reasonOf(ambiguous)).toBe('TENANT_CHOICE_REQUIRED');
      expect(ambiguous.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const details = ambiguous.errors?.[0]?.extensions?.details as { tenants: string[]; tenantNames: string[] };
      expect([...details.tenants].sort()).toEqual([first.slug, second.slug].sort());
      expect(details.tenantNames).toHaveLength(2);

      const chosen = expectData(await app.graphql<{ login: { accessToken: string } }>(LOGIN, { i: { email, password: inFirst.password, tenant: first.slug } })).login;
      expect(expectData(await app.graphql<{ me: { id: string } }>('{ me { id } }', {}, { token: chosen.accessToken })).me.id).toBe(inFirst.id);
    });

    it('an address with no account anywhere gets the one failed-login answer', async () => {
      const answer = await app.graphql(LOGIN, { i: { email: `nobody-${randomUUID().slice(0, 8)}@example.test`, password: 'whatever it may be' } });
      expect(reasonOf(answer)).toBe('LOGIN_FAILED');
    });
  });

  describe('changing one’s password', () => {
    const CHANGE = 'mutation($c: String!, $n: String!) { changeMyPassword(currentPassword: $c, newPassword: $n) { accessToken refreshToken } }';

    it('with the current password: other sessions end, this one continues with new tokens, the new password logs in', async () => {
      const { factory } = started;
      const tenant = await factory.tenant();
      const user = await factory.user({ tenant, roles: [Role.CLERK] });
      const here = await factory.login(user);
      const elsewhere = await factory.login(user);
      const changed = expectData(await app.graphql<{ changeMyPassword: { accessToken: string; refreshToken: string } }>(CHANGE, { c: user.password, n: 'a new and long passphrase 7' }, { token: here.accessToken })).changeMyPassword;

      expect((await app.graphql('{ me { id } }', {}, { token: changed.accessToken })).errors).toBeUndefined();
      for (const stale of [here.accessToken, elsewhere.accessToken]) expect(reasonOf(await app.graphql('{ me { id } }', {}, { token: stale }))).toBeDefined();
      expect(reasonOf(await app.graphql('mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }', { t: elsewhere.refreshToken }))).toBe('REFRESH_TOKEN_INVALID');
      expect((await app.graphql('mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }', { t: changed.refreshToken })).errors).toBeUndefined();
      expect(reasonOf(await app.graphql(LOGIN, { i: { email: user.email, password: user.password, tenant: tenant.slug } }))).toBe('LOGIN_FAILED');
      expect((await app.graphql(LOGIN, { i: { email: user.email, password: 'a new and long passphrase 7', tenant: tenant.slug } })).errors).toBeUndefined();
      await app.settled();
      const notices = await app.asOwner((db) => db.query(`SELECT template FROM outbox_message WHERE recipient = $1`, [user.email]));
      expect(notices.rows.map((r: { template: string }) => r.template)).toContain('identity.password-changed');
    });

    it('a wrong current password is refused naming the field; a weak new one too; nothing changes', async () => {
      const { factory } = started;
      const tenant = await factory.tenant();
      const user = await factory.user({ tenant, roles: [Role.CLERK] });
      const session = await factory.login(user);
      const wrong = await app.graphql(CHANGE, { c: 'not my current password', n: 'a new and long passphrase 7' }, { token: session.accessToken });
      expect(reasonOf(wrong)).toBe('CURRENT_PASSWORD_WRONG');
      expect(wrong.errors?.[0]?.extensions?.fields).toEqual([expect.objectContaining({ field: 'currentPassword' })]);
      const weak = await app.graphql(CHANGE, { c: user.password, n: 'short' }, { token: session.accessToken });
      expect(reasonOf(weak)).toBe('PASSWORD_TOO_WEAK');
      // The current password again (review of 6 December, M4): it would end every other session and change nothing.
      const same = await app.graphql(CHANGE, { c: user.password, n: user.password }, { token: session.accessToken });
      expect({ reason: reasonOf(same), fields: same.errors?.[0]?.extensions?.fields }).toEqual({ reason: 'PASSWORD_UNCHANGED', fields: [expect.objectContaining({ field: 'newPassword' })] });
      // Long enough but well known (review of 6 December, F9): refused at the field, as too easy to guess.
      for (const known of ['password1234', '123456789012', 'qwertyuiopas']) {
        const common = await app.graphql(CHANGE, { c: user.password, n: known }, { token: session.accessToken });
        expect({ reason: reasonOf(common), fields: common.errors?.[0]?.extensions?.fields }).toEqual({ reason: 'PASSWORD_TOO_WEAK', fields: [expect.objectContaining({ field: 'newPassword', reason: 'is too easy to guess' })] });
      }
      expect((await app.graphql('{ me { id } }', {}, { token: session.accessToken })).errors).toBeUndefined();
    });
  });

  it('an administrator enables a disabled user again; the user logs in anew, old sessions stay ended', async () => {
    const { factory } = started;
    const tenant = await factory.tenant();
    const organisation = await factory.organisation(tenant);
    const admin = await factory.user({ tenant, organisation, roles: [Role.ORG_ADMIN] });
    const member = await factory.user({ tenant, organisation, roles: [Role.ORG_MEMBER] });
    const old = await factory.login(member);
    const as = { token: (await factory.login(admin)).accessToken };
    expectData(await app.graphql('mutation($u: ID!) { disableUser(userId: $u) { id } }', { u: member.id }, as));
    const enabled = expectData(await app.graphql<{ enableUser: { status: string; roles: string[] } }>('mutation($u: ID!) { enableUser(userId: $u) { status roles } }', { u: member.id }, as)).enableUser;
    expect(enabled).toEqual({ status: 'ACTIVE', roles: ['ORG_MEMBER'] });
    expect(reasonOf(await app.graphql('mutation($u: ID!) { enableUser(userId: $u) { id } }', { u: member.id }, as))).toBe('USER_NOT_DISABLED');
    expect((await app.graphql('{ me { id } }', {}, { token: old.accessToken })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await factory.login(member)).accessToken).toBeTruthy();
  });

  it('mySessions marks the session asking', async () => {
    const { factory } = started;
    const tenant = await factory.tenant();
    const user = await factory.user({ tenant, roles: [Role.CLERK] });
    await factory.login(user);
    const mine = await factory.login(user);
    const sessions = expectData(await app.graphql<{ mySessions: Array<{ id: string; current: boolean }> }>('{ mySessions { id current } }', {}, { token: mine.accessToken })).mySessions;
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
  });

  it('the registration answer shows the registrant the company they registered, the same whether or not the address was in use', async () => {
    const { factory } = started;
    const tenant = await factory.tenant({ servedPostalCodes: [{ from: '2000', to: '2999' }] });
    const REGISTER = `mutation($input: RegisterOrganisationInput!) {
      registerOrganisation(input: $input) { company { name vatNumber city country confirmationSentTo status } tenant { slug } }
    }`;
    const input = (n: number, email: string) => ({
      tenantSlug: tenant.slug, vatNumber: n === 1 ? 'BE0813.501.980' : 'BE0814.293.818', name: `Brouwerij ${n} NV`, legalForm: 'NV', street: 'Kaai 1', postalCode: '2000',
      city: 'Antwerpen', country: 'BE', phone: '+3232322219', email: `info-${n}@brouwerij.test`, iban: 'BE71096123456769', loginMethod: 'PASSWORD',
      administrator: { firstName: 'Anna', lastName: 'Peeters', email, password: 'a long enough passphrase 42', preferredLanguage: 'nl' },
    });
    const fresh = expectData(await app.graphql<{ registerOrganisation: { company: Record<string, string> } }>(REGISTER, { input: input(1, 'anna.new@brouwerij.test') })).registerOrganisation.company;
    expect(fresh).toEqual({ name: 'Brouwerij 1 NV', vatNumber: 'BE0813501980', city: 'Antwerpen', country: 'BE', confirmationSentTo: 'anna.new@brouwerij.test', status: 'AWAITING_EMAIL_CONFIRMATION' });
    const existing = await factory.user({ tenant, roles: [Role.CLERK] });
    const inUse = expectData(await app.graphql<{ registerOrganisation: { company: Record<string, string> } }>(REGISTER, { input: input(2, existing.email) })).registerOrganisation.company;
    expect(Object.keys(inUse)).toEqual(Object.keys(fresh));
    expect(inUse.status).toBe('AWAITING_EMAIL_CONFIRMATION');
  });

  it('an administrator resets the second factor of a user who lost their phone: sessions end, the user enrols again', async () => {
    const { factory } = started;
    const tenant = await factory.tenant();
    const admin = await factory.user({ tenant, roles: [Role.TENANT_ADMIN], withTotp: true });
    const signer = await factory.user({ tenant, roles: [Role.SIGNER], withTotp: true });
    const signerSession = await factory.login(signer);
    const as = { token: (await factory.login(admin)).accessToken };
    expect(reasonOf(await app.graphql('mutation($u: ID!) { resetSecondFactor(userId: $u) { id } }', { u: admin.id }, as))).toBe('CANNOT_RESET_OWN_SECOND_FACTOR');
    const reset = expectData(await app.graphql<{ resetSecondFactor: { totpEnrolledAt: string | null } }>('mutation($u: ID!) { resetSecondFactor(userId: $u) { totpEnrolledAt } }', { u: signer.id }, as));
    expect(reset.resetSecondFactor.totpEnrolledAt).toBeNull();
    // The person is told (review of 6 December, F14): whoever knows the password could now enrol a factor of their own.
    const told = await queuedEmails(app, { recipient: signer.email, template: 'identity.second-factor-reset' });
    expect(told).toHaveLength(1);
    expect(told[0]!.body).toMatch(/second factor/);
    expect(told[0]!.body).not.toContain(admin.email);
    // Reset again: nothing to reset is a state, not a permission (review of 6 December, M3).
    const twice = await app.graphql('mutation($u: ID!) { resetSecondFactor(userId: $u) { id } }', { u: signer.id }, as);
    expect({ code: twice.errors?.[0]?.extensions?.code, reason: reasonOf(twice) }).toEqual({ code: 'CONFLICT', reason: 'SECOND_FACTOR_NOT_ENROLLED' });
    expect((await app.graphql('{ me { id } }', {}, { token: signerSession.accessToken })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const again = expectData(await app.graphql<{ login: { totpEnrolmentRequired: boolean } }>('mutation($i: LoginInput!) { login(input: $i) { totpEnrolmentRequired } }', { i: { email: signer.email, password: signer.password, tenant: tenant.slug } }));
    expect(again.login.totpEnrolmentRequired).toBe(true);
  });
});
