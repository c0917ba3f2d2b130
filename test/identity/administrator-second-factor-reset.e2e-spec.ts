import { Role } from '@chancery/access';
import { expectData, IdentityFactory, queuedEmails, TestApp, TestTenant, refusalOf, TestUser, useTestApp } from '@chancery/testing';

/**
 * Review F11, the rest: a tenant's only administrator who lost both phone and recovery codes was locked
 * out for good (the tenant's administrators reset each other's second factor; the operator may only
 * invite one while none is active). The operator now resets that one administrator's second factor,
 * after an out-of-band check under a support reference, and only while no other active administrator
 * could. The reference and the operator stand in the tenant's own audit log; the administrator is told.
 */
const RESET = 'mutation($i: ResetTenantAdministratorSecondFactorInput!) { resetTenantAdministratorSecondFactor(input: $i) { tenant { id } administratorId resetAt } }';
const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { accessToken totpEnrolmentRequired } }';

describe('the operator resets the second factor of a tenant’s only administrator', () => {
  const world = useTestApp();
  let app: TestApp;
  let factory: IdentityFactory;
  let operator: TestUser;
  let operatorToken: string;
  beforeAll(async () => {
    ({ app, factory } = world);
    operator = await factory.user({ roles: [Role.PLATFORM_ADMIN], withTotp: true });
    operatorToken = (await factory.login(operator)).accessToken;
    // A high-value act: the operator's session proves a second factor just before (stepUp).
    expectData(await app.graphql('mutation($c: String) { stepUp(code: $c) }', { c: factory.totpCode(operator) }, { token: operatorToken }));
  });

  const reset = (input: Record<string, unknown>, token = operatorToken) => app.graphql<{ resetTenantAdministratorSecondFactor: { administratorId: string } }>(RESET, { i: input }, { token });
  const totpOf = async (user: TestUser) =>
    (await app.asOwner((db) => db.query(`SELECT totp_enrolled_at IS NOT NULL AS enrolled FROM user_account WHERE id = $1`, [user.id]))).rows[0].enrolled as boolean;

  async function tenantWithAdministrator(): Promise<{ tenant: TestTenant; admin: TestUser; adminToken: string }> {
    const tenant = await factory.tenant();
    const admin = await factory.user({ tenant, roles: [Role.TENANT_ADMIN] });
    const adminToken = (await factory.login(admin)).accessToken;
    return { tenant, admin, adminToken };
  }

  it('removes it, ends the sessions, keeps the password, tells the administrator and writes the reference in the tenant’s audit log', async () => {
    const { tenant, admin, adminToken } = await tenantWithAdministrator();
    const done = expectData(await reset({ tenantId: tenant.id, email: admin.email.toUpperCase(), reference: 'SUP-2026/0412' })).resetTenantAdministratorSecondFactor;
    expect(done.administratorId).toBe(admin.id);
    expect(await totpOf(admin)).toBe(false);
    // The old session is over; the password alone opens a session that may only set up a new authenticator.
    expect(refusalOf(await app.graphql('{ me { id } }', {}, { token: adminToken })).code).toBe('UNAUTHENTICATED');
    const login = expectData(await app.graphql<{ login: { accessToken: string; totpEnrolmentRequired: boolean } }>(
      LOGIN, { i: { email: admin.email, password: admin.password, tenant: admin.tenantSlug } })).login;
    expect(login.totpEnrolmentRequired).toBe(true);
    expect(refusalOf(await app.graphql('{ managedUsers { id } }', {}, { token: login.accessToken })).code).toBe('FORBIDDEN');

    const audit = await app.asOwner(async (db) => (await db.query(
      `SELECT tenant_id, actor_id, details FROM audit_entry WHERE action = 'identity.secondFactor.resetByOperator' AND subject_id = $1`, [admin.id])).rows);
    expect(audit).toEqual([{ tenant_id: tenant.id, actor_id: operator.id, details: { reference: 'SUP-2026/0412' } }]);
    expect((await queuedEmails(app, { recipient: admin.email })).map((m) => m.template)).toContain('identity.second-factor-reset');
  });

  it('only the only one: with another active administrator it is theirs to do (CONFLICT), and nothing changes', async () => {
    const { tenant, admin } = await tenantWithAdministrator();
    await factory.user({ tenant, roles: [Role.TENANT_ADMIN] });
    expect(refusalOf(await reset({ tenantId: tenant.id, email: admin.email, reference: 'SUP-1' }))).toEqual({ code: 'CONFLICT', reason: 'TENANT_HAS_OTHER_ADMINISTRATOR', fields: ['input.email'] });
    expect(await totpOf(admin)).toBe(true);
  });

  it('only an active administrator of that tenant: a clerk, another tenant’s administrator, a disabled one or an unknown tenant is NOT_FOUND', async () => {
    const { tenant, admin } = await tenantWithAdministrator();
    const clerk = await factory.user({ tenant, roles: [Role.SIGNER] });
    const elsewhere = await tenantWithAdministrator();
    expect(refusalOf(await reset({ tenantId: tenant.id, email: clerk.email, reference: 'SUP-2' }))).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_TENANT_ADMINISTRATOR' });
    expect(refusalOf(await reset({ tenantId: tenant.id, email: elsewhere.admin.email, reference: 'SUP-3' }))).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_TENANT_ADMINISTRATOR' });
    expect(refusalOf(await reset({ tenantId: '00000000-0000-4000-8000-000000000000', email: admin.email, reference: 'SUP-4' }))).toMatchObject({ code: 'NOT_FOUND', reason: 'TENANT_NOT_FOUND' });
    await app.asOwner((db) => db.query(`UPDATE user_account SET status = 'DISABLED', disabled_at = now() WHERE id = $1`, [admin.id]));
    expect(refusalOf(await reset({ tenantId: tenant.id, email: admin.email, reference: 'SUP-5' }))).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_TENANT_ADMINISTRATOR' });
    expect([await totpOf(clerk), await totpOf(elsewhere.admin)]).toEqual([true, true]);
  });

  it('only the operator, with a support reference: the administrator themself, another tenant admin and anonymous callers are refused; a reference that is not one is BAD_USER_INPUT', async () => {
    const { tenant, admin, adminToken } = await tenantWithAdministrator();
    const input = { tenantId: tenant.id, email: admin.email, reference: 'SUP-6' };
    expect(refusalOf(await reset(input, adminToken)).code).toBe('FORBIDDEN');
    expect(refusalOf(await reset(input, (await tenantWithAdministrator()).adminToken)).code).toBe('FORBIDDEN');
    expect(refusalOf(await app.graphql(RESET, { i: input })).code).toBe('UNAUTHENTICATED');
    for (const reference of ['', 'x', 'called him\nback', 'SUP 7', '-SUP']) {
      expect(refusalOf(await reset({ ...input, reference }))).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['input.reference'] });
    }
    expect(await totpOf(admin)).toBe(true);
  });

  it('only an operator with a second factor, proven in the last minutes: without one the operator may only enrol; a password-only step-up does not open it (review of 7 December, F8)', async () => {
    const { tenant, admin } = await tenantWithAdministrator();
    const input = { tenantId: tenant.id, email: admin.email, reference: 'SUP-8' };
    const withoutFactor = await factory.user({ roles: [Role.PLATFORM_ADMIN], withTotp: false });
    const login = expectData(await app.graphql<{ login: { accessToken: string; totpEnrolmentRequired: boolean } }>(LOGIN, { i: { email: withoutFactor.email, password: withoutFactor.password } })).login;
    expect(login.totpEnrolmentRequired).toBe(true);
    expect(refusalOf(await reset(input, login.accessToken))).toMatchObject({ code: 'FORBIDDEN', reason: 'SECOND_FACTOR_ENROLMENT_REQUIRED' });
    // An operator with one, whose check is older than five minutes, proves it again first; the password is not enough.
    const later = await factory.user({ roles: [Role.PLATFORM_ADMIN] });
    const token = (await factory.login(later)).accessToken;
    app.clock.advance(5 * 60_000 + 1_000);
    expect(refusalOf(await reset(input, token))).toMatchObject({ code: 'FORBIDDEN', reason: 'SECOND_FACTOR_STEP_UP_REQUIRED' });
    expect(refusalOf(await app.graphql('mutation($p: String) { stepUp(password: $p) }', { p: later.password }, { token }))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'STEP_UP_CREDENTIAL_MISSING' });
    expect(await totpOf(admin)).toBe(true);
    expectData(await app.graphql('mutation($c: String) { stepUp(code: $c) }', { c: factory.totpCode(later) }, { token }));
    expect(expectData(await reset(input, token)).resetTenantAdministratorSecondFactor.administratorId).toBe(admin.id);
  });
});
