import { Role } from '@chancery/access';
import { expectData, IdentityFactory, queuedEmails, TestApp, refusalOf, TestUser, useTestApp } from '@chancery/testing';
import { generateSync } from 'otplib';

/**
 * Outside review of 7 December, F10: a session whose login was long ago (a laptop left open, a copied
 * token) added an authenticator of its own to a password-only account, and the owner's next login
 * failed, unexplained. Adding a second factor now needs a login or re-authentication of the last five
 * minutes, and the owner is told by e-mail once it is added.
 */
const BEGIN = 'mutation { beginTotpEnrolment }';
const CONFIRM = 'mutation($c: String!) { confirmTotpEnrolmentWithRecoveryCodes(code: $c) { codes } }';
const TEMPLATE = 'identity.second-factor-enrolled';
const FIVE_MINUTES = 5 * 60_000;


describe('adding a second factor to an account', () => {
  const world = useTestApp();
  let app: TestApp;
  let factory: IdentityFactory;
  beforeAll(() => ({ app, factory } = world));

  const passwordOnlyMember = async (): Promise<TestUser> => {
    const tenant = await factory.tenant();
    return factory.user({ tenant, organisation: await factory.organisation(tenant), roles: [Role.ORG_MEMBER] });
  };
  const enrol = async (token: string) => {
    const uri = expectData(await app.graphql<{ beginTotpEnrolment: string }>(BEGIN, {}, { token })).beginTotpEnrolment;
    const secret = new URL(uri).searchParams.get('secret')!;
    return app.graphql<{ confirmTotpEnrolmentWithRecoveryCodes: { codes: string[] } }>(CONFIRM, { c: generateSync({ secret, epoch: Math.floor(app.clock.now().getTime() / 1000) }) }, { token });
  };

  it('needs a login or re-authentication of the last five minutes: an old session is asked for the password first', async () => {
    const member = await passwordOnlyMember();
    const token = (await factory.login(member)).accessToken;
    app.clock.advance(FIVE_MINUTES + 1_000);
    expect(refusalOf(await app.graphql(BEGIN, {}, { token }))).toEqual({ code: 'FORBIDDEN', reason: 'STEP_UP_REQUIRED' });
    expect(await queuedEmails(app, { recipient: member.email, template: TEMPLATE })).toEqual([]);
    expectData(await app.graphql('mutation($p: String) { stepUp(password: $p) }', { p: member.password }, { token }));
    expect((await enrol(token)).errors).toBeUndefined();
  });

  it('tells the owner by e-mail once a second factor is added', async () => {
    const member = await passwordOnlyMember();
    expect((await enrol((await factory.login(member)).accessToken)).errors).toBeUndefined();
    const [notice, ...more] = await queuedEmails(app, { recipient: member.email, template: TEMPLATE });
    expect(more).toEqual([]);
    expect(notice!.body).toMatch(/authenticator/i);
  });

  it('a session held to enrolling (its role needs a second factor) enrols at once after its login, and after a password step-up once that is old', async () => {
    const tenant = await factory.tenant();
    const signer = await factory.user({ tenant, roles: [Role.SIGNER], withTotp: false });
    const fresh = expectData(await app.graphql<{ login: { accessToken: string; totpEnrolmentRequired: boolean } }>(
      'mutation($i: LoginInput!) { login(input: $i) { accessToken totpEnrolmentRequired } }', { i: { email: signer.email, password: signer.password, tenant: signer.tenantSlug } })).login;
    expect(fresh.totpEnrolmentRequired).toBe(true);
    app.clock.advance(FIVE_MINUTES + 1_000);
    expect(refusalOf(await app.graphql(BEGIN, {}, { token: fresh.accessToken }))).toEqual({ code: 'FORBIDDEN', reason: 'STEP_UP_REQUIRED' });
    expectData(await app.graphql('mutation($p: String) { stepUp(password: $p) }', { p: signer.password }, { token: fresh.accessToken }));
    expect((await enrol(fresh.accessToken)).errors).toBeUndefined();
  });
});
