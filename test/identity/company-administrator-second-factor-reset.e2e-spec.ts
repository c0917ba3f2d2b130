import { Role } from '@chancery/access';
import { LoginMethod } from '@chancery/identity';
import { expectData, IdentityFactory, queuedEmails, TestApp, TestOrganisation, TestTenant, refusalOf, TestUser, useTestApp } from '@chancery/testing';

/**
 * Review F13: a company's only active administrator who lost both phone and recovery codes had no way
 * back (the company's other users cannot reset an administrator's factor, the tenant's administrator
 * manages its staff only, and the operator's break-glass covers tenant administrators). The tenant's
 * administrator now resets that one administrator's second factor, after calling them back on the
 * company's number on record, under a support reference; only while no other active administrator of
 * the company could. The reference stands in the tenant's audit log; the administrator is told.
 */
const RESET =
  'mutation($i: ResetCompanyAdministratorSecondFactorInput!) { resetCompanyAdministratorSecondFactor(input: $i) { organisationId administratorId resetAt } }';
const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { accessToken totpEnrolmentRequired } }';
const REGENERATE = 'mutation($c: String!) { regenerateRecoveryCodes(totpCode: $c) { codes } }';

describe('the tenant’s administrator resets the second factor of a company’s only administrator', () => {
  const world = useTestApp();
  let app: TestApp;
  let factory: IdentityFactory;
  let tenant: TestTenant;
  let tenantAdmin: TestUser;
  let tenantAdminToken: string;
  beforeAll(async () => {
    ({ app, factory } = world);
    tenant = await factory.tenant();
    tenantAdmin = await factory.user({ tenant, roles: [Role.TENANT_ADMIN] });
    // A login with the second factor counts as the step-up for the next five minutes.
    tenantAdminToken = (await factory.login(tenantAdmin)).accessToken;
  });

  const reset = (input: Record<string, unknown>, token: string | undefined = tenantAdminToken) =>
    app.graphql<{ resetCompanyAdministratorSecondFactor: { organisationId: string; administratorId: string; resetAt: string } }>(RESET, { i: input }, { token });
  const secondFactorOf = async (user: TestUser) =>
    (await app.asOwner((db) => db.query(
      `SELECT totp_enrolled_at IS NOT NULL AS enrolled, (SELECT count(*)::int FROM recovery_code c WHERE c.user_id = u.id) AS codes FROM user_account u WHERE id = $1`,
      [user.id],
    ))).rows[0] as { enrolled: boolean; codes: number };

  async function companyWithAdministrator(options: { in?: TestTenant; loginMethod?: LoginMethod } = {}): Promise<{ company: TestOrganisation; admin: TestUser; adminToken: string }> {
    const company = await factory.organisation(options.in ?? tenant, { loginMethod: options.loginMethod });
    const admin = await factory.user({ tenant: options.in ?? tenant, organisation: company, roles: [Role.ORG_ADMIN], withTotp: true });
    const adminToken = (await factory.login(admin)).accessToken;
    return { company, admin, adminToken };
  }

  it('removes the factor and the recovery codes, ends the sessions, keeps the password, tells the administrator and writes the reference in the tenant’s audit log', async () => {
    const { company, admin, adminToken } = await companyWithAdministrator({ loginMethod: LoginMethod.PASSWORD_AND_TOTP });
    expectData(await app.graphql(REGENERATE, { c: factory.totpCode(admin) }, { token: adminToken }));
    expect(await secondFactorOf(admin)).toEqual({ enrolled: true, codes: 10 });

    // The company's id as a person may paste it, in capitals: the answer names it as the API writes ids.
    const done = expectData(await reset({ organisationId: company.id.toUpperCase(), email: admin.email.toUpperCase(), reference: 'SUP-2026/1207' })).resetCompanyAdministratorSecondFactor;
    expect(done).toMatchObject({ organisationId: company.id, administratorId: admin.id });
    expect(await secondFactorOf(admin)).toEqual({ enrolled: false, codes: 0 });
    // The old session is over; the password alone opens a session that may only set up a new authenticator
    // (the company logs in with password and second factor).
    expect(refusalOf(await app.graphql('{ me { id } }', {}, { token: adminToken })).code).toBe('UNAUTHENTICATED');
    const login = expectData(await app.graphql<{ login: { accessToken: string; totpEnrolmentRequired: boolean } }>(
      LOGIN, { i: { email: admin.email, password: admin.password, tenant: admin.tenantSlug } })).login;
    expect(login.totpEnrolmentRequired).toBe(true);
    expect(refusalOf(await app.graphql('{ managedUsers { id } }', {}, { token: login.accessToken })).code).toBe('FORBIDDEN');

    const audit = await app.asOwner(async (db) => (await db.query(
      `SELECT tenant_id, actor_id, details FROM audit_entry WHERE action = 'identity.secondFactor.resetByTenant' AND subject_id = $1`, [admin.id])).rows);
    expect(audit).toEqual([{ tenant_id: tenant.id, actor_id: tenantAdmin.id, details: { reference: 'SUP-2026/1207' } }]);
    expect((await queuedEmails(app, { recipient: admin.email })).map((m) => m.template)).toContain('identity.second-factor-reset');
  });

  it('only the only one: with another active administrator it is theirs to do (CONFLICT), and nothing changes', async () => {
    const { company, admin } = await companyWithAdministrator();
    await factory.user({ tenant, organisation: company, roles: [Role.ORG_ADMIN] });
    expect(refusalOf(await reset({ organisationId: company.id, email: admin.email, reference: 'SUP-1' }))).toEqual({
      code: 'CONFLICT', reason: 'COMPANY_HAS_OTHER_ADMINISTRATOR', fields: ['input.email'],
    });
    expect((await secondFactorOf(admin)).enrolled).toBe(true);
  });

  it('nothing enrolled, nothing to reset (CONFLICT)', async () => {
    const company = await factory.organisation(tenant);
    const admin = await factory.user({ tenant, organisation: company, roles: [Role.ORG_ADMIN], withTotp: false });
    expect(refusalOf(await reset({ organisationId: company.id, email: admin.email, reference: 'SUP-9' }))).toEqual({
      code: 'CONFLICT', reason: 'SECOND_FACTOR_NOT_ENROLLED', fields: ['input.email'],
    });
  });

  it('only an active administrator of that company of the tenant: a member, another company’s or another tenant’s administrator, a disabled one or an unknown company is NOT_FOUND alike', async () => {
    const { company, admin } = await companyWithAdministrator();
    const member = await factory.user({ tenant, organisation: company, roles: [Role.ORG_MEMBER], withTotp: true });
    const neighbour = await companyWithAdministrator();
    const elsewhere = await companyWithAdministrator({ in: await factory.tenant() });
    const notFound = { code: 'NOT_FOUND', reason: 'NOT_COMPANY_ADMINISTRATOR', fields: ['input.email'] };
    expect(refusalOf(await reset({ organisationId: company.id, email: member.email, reference: 'SUP-2' }))).toEqual(notFound);
    expect(refusalOf(await reset({ organisationId: company.id, email: neighbour.admin.email, reference: 'SUP-3' }))).toEqual(notFound);
    expect(refusalOf(await reset({ organisationId: elsewhere.company.id, email: elsewhere.admin.email, reference: 'SUP-4' }))).toEqual(notFound);
    expect(refusalOf(await reset({ organisationId: '00000000-0000-4000-8000-000000000000', email: admin.email, reference: 'SUP-5' }))).toEqual(notFound);
    await app.asOwner((db) => db.query(`UPDATE user_account SET status = 'DISABLED', disabled_at = now() WHERE id = $1`, [admin.id]));
    expect(refusalOf(await reset({ organisationId: company.id, email: admin.email, reference: 'SUP-6' }))).toEqual(notFound);
    const after = await Promise.all([admin, member, neighbour.admin, elsewhere.admin].map(secondFactorOf));
    expect(after.map((state) => state.enrolled)).toEqual([true, true, true, true]);
  });

  it('only the tenant’s administrator, with a support reference: the company’s administrator, a clerk and anonymous callers are refused; a reference that is not one is BAD_USER_INPUT', async () => {
    const { company, admin, adminToken } = await companyWithAdministrator();
    const clerk = await factory.user({ tenant, roles: [Role.CLERK] });
    const input = { organisationId: company.id, email: admin.email, reference: 'SUP-7' };
    expect(refusalOf(await reset(input, adminToken)).code).toBe('FORBIDDEN');
    expect(refusalOf(await reset(input, (await factory.login(clerk)).accessToken)).code).toBe('FORBIDDEN');
    expect(refusalOf(await app.graphql(RESET, { i: input })).code).toBe('UNAUTHENTICATED');
    for (const reference of ['', 'x', 'called him\nback', 'SUP 7', '-SUP']) {
      expect(refusalOf(await reset({ ...input, reference }))).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['input.reference'] });
    }
    expect((await secondFactorOf(admin)).enrolled).toBe(true);
  });

  it('only with a second factor proven in the last five minutes; a password-only step-up does not open it', async () => {
    const { company, admin } = await companyWithAdministrator();
    const input = { organisationId: company.id, email: admin.email, reference: 'SUP-8' };
    app.clock.advance(5 * 60_000 + 1_000);
    expect(refusalOf(await reset(input))).toMatchObject({ code: 'FORBIDDEN', reason: 'SECOND_FACTOR_STEP_UP_REQUIRED' });
    expect(refusalOf(await app.graphql('mutation($p: String) { stepUp(password: $p) }', { p: tenantAdmin.password }, { token: tenantAdminToken }))).toMatchObject({
      code: 'BAD_USER_INPUT', reason: 'STEP_UP_CREDENTIAL_MISSING',
    });
    expect((await secondFactorOf(admin)).enrolled).toBe(true);
    expectData(await app.graphql('mutation($c: String) { stepUp(code: $c) }', { c: factory.totpCode(tenantAdmin) }, { token: tenantAdminToken }));
    expect(expectData(await reset(input)).resetCompanyAdministratorSecondFactor.administratorId).toBe(admin.id);
  });
});
