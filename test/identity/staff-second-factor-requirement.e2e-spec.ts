import { Role } from '@chancery/access';
import { expectData, IdentityFactory, queuedEmails, TestApp, TestTenant, refusalOf, TestUser, useTestApp } from '@chancery/testing';

/**
 * Review F13, the second part: a tenant may require a second factor of every member of its staff, not
 * only of its signers and administrators. Its administrator turns it on (a high-value act: a fresh
 * second-factor check); from their next request on, staff without one may only set one up, as the
 * users of a company that chose password + TOTP; they are told by e-mail. The users of the tenant's
 * companies follow their company's choice, and other tenants their own setting.
 */
const REQUIREMENT = '{ staffSecondFactorRequirement { required staffWithoutSecondFactor } }';
const SET = 'mutation($r: Boolean!) { setStaffSecondFactorRequirement(required: $r) { required staffWithoutSecondFactor } }';
const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { accessToken totpEnrolmentRequired } }';
const TEMPLATE = 'identity.staff-second-factor-required';
const STEP_UP_WINDOW_MS = 5 * 60_000;


describe('a tenant requires a second factor of all its staff', () => {
  const world = useTestApp();
  let app: TestApp;
  let factory: IdentityFactory;
  let tenant: TestTenant;
  let admin: TestUser;
  let clerk: TestUser;
  let privacyOfficer: TestUser;
  let enrolledAuditor: TestUser;
  let disabledClerk: TestUser;
  let companyAdmin: TestUser;
  let otherTenantClerk: TestUser;
  const tokens: Record<string, string> = {};

  const me = (token: string) => app.graphql<{ me: { id: string } }>('{ me { id } }', {}, { token });
  const login = async (user: TestUser) =>
    expectData(await app.graphql<{ login: { accessToken: string; totpEnrolmentRequired: boolean } }>(LOGIN, {
      i: { email: user.email, password: user.password, tenant: user.tenantSlug, totpCode: user.totpSecret ? factory.totpCode(user) : undefined },
    })).login;
  const set = (required: boolean, token = tokens.admin!) => app.graphql<{ setStaffSecondFactorRequirement: { required: boolean; staffWithoutSecondFactor: number } }>(SET, { r: required }, { token });
  const stepUp = async () => expectData(await app.graphql('mutation($c: String) { stepUp(code: $c) }', { c: factory.totpCode(admin) }, { token: tokens.admin! }));
  const auditOf = () =>
    app.asOwner(async (db) => (await db.query(
      `SELECT action, actor_id, details FROM audit_entry WHERE tenant_id = $1 AND action LIKE 'identity.staffSecondFactor.%' ORDER BY sequence`, [tenant.id])).rows);

  beforeAll(async () => {
    ({ app, factory } = world);
    tenant = await factory.tenant();
    admin = await factory.user({ tenant, roles: [Role.TENANT_ADMIN] });
    clerk = await factory.user({ tenant, roles: [Role.CLERK] });
    privacyOfficer = await factory.user({ tenant, roles: [Role.PRIVACY_OFFICER] });
    enrolledAuditor = await factory.user({ tenant, roles: [Role.AUDITOR], withTotp: true });
    disabledClerk = await factory.user({ tenant, roles: [Role.CLERK], status: 'DISABLED' });
    const company = await factory.organisation(tenant);
    companyAdmin = await factory.user({ tenant, organisation: company, roles: [Role.ORG_ADMIN] });
    const otherTenant = await factory.tenant();
    otherTenantClerk = await factory.user({ tenant: otherTenant, roles: [Role.CLERK] });
    for (const [name, user] of Object.entries({ admin, clerk, privacyOfficer, companyAdmin, otherTenantClerk })) tokens[name] = (await factory.login(user)).accessToken;
  });

  it('is off by default: a clerk without a second factor works, and the administrator sees who has none yet', async () => {
    expect(expectData(await me(tokens.clerk!)).me.id).toBe(clerk.id);
    expect((await login(clerk)).totpEnrolmentRequired).toBe(false);
    // The clerk and the privacy officer; not the enrolled auditor, the disabled clerk, the company's user or the administrator.
    expect(expectData(await app.graphql(REQUIREMENT, {}, { token: tokens.admin! }))).toEqual({ staffSecondFactorRequirement: { required: false, staffWithoutSecondFactor: 2 } });
  });

  it('only the tenant administrator reads and changes it: a clerk, a privacy officer and a company administrator are FORBIDDEN, and nothing changes', async () => {
    for (const token of [tokens.clerk!, tokens.privacyOfficer!, tokens.companyAdmin!]) {
      expect(refusalOf(await set(true, token))).toEqual({ code: 'FORBIDDEN', reason: 'PERMISSION_REQUIRED' });
      expect(refusalOf(await app.graphql(REQUIREMENT, {}, { token }))).toEqual({ code: 'FORBIDDEN', reason: 'PERMISSION_REQUIRED' });
    }
    expect(expectData(await me(tokens.clerk!)).me.id).toBe(clerk.id);
    expect(await auditOf()).toEqual([]);
  });

  it('needs a fresh second-factor check of the administrator (step-up)', async () => {
    // The login's check counts for five minutes; after them the act is refused until the administrator proves it again.
    app.clock.advance(STEP_UP_WINDOW_MS + 1_000);
    expect(refusalOf(await set(true))).toEqual({ code: 'FORBIDDEN', reason: 'SECOND_FACTOR_STEP_UP_REQUIRED' });
    expect(expectData(await me(tokens.clerk!)).me.id).toBe(clerk.id);
    await stepUp();
    expect(expectData(await set(true)).setStaffSecondFactorRequirement).toEqual({ required: true, staffWithoutSecondFactor: 2 });
    expect(await auditOf()).toEqual([{ action: 'identity.staffSecondFactor.required', actor_id: admin.id, details: { staffNotified: 2 } }]);
  });

  it('restricts the clerk’s open session at its next request to setting up a second factor, and their next login says so', async () => {
    expect(refusalOf(await me(tokens.clerk!))).toEqual({ code: 'FORBIDDEN', reason: 'SECOND_FACTOR_ENROLMENT_REQUIRED' });
    expect(refusalOf(await me(tokens.privacyOfficer!))).toEqual({ code: 'FORBIDDEN', reason: 'SECOND_FACTOR_ENROLMENT_REQUIRED' });
    const fresh = await login(clerk);
    expect(fresh.totpEnrolmentRequired).toBe(true);
    expect(refusalOf(await me(fresh.accessToken))).toEqual({ code: 'FORBIDDEN', reason: 'SECOND_FACTOR_ENROLMENT_REQUIRED' });
  });

  it('does not lock out the administrator, nor touch the users of the tenant’s companies or another tenant’s staff', async () => {
    expect(expectData(await app.graphql(REQUIREMENT, {}, { token: tokens.admin! }))).toEqual({ staffSecondFactorRequirement: { required: true, staffWithoutSecondFactor: 2 } });
    expect(expectData(await me(tokens.companyAdmin!)).me.id).toBe(companyAdmin.id);
    expect((await login(companyAdmin)).totpEnrolmentRequired).toBe(false);
    expect(expectData(await me(tokens.otherTenantClerk!)).me.id).toBe(otherTenantClerk.id);
    expect((await login(otherTenantClerk)).totpEnrolmentRequired).toBe(false);
  });

  it('e-mails the active staff members without a second factor, in their tenant’s name, and no one else', async () => {
    const sent = await queuedEmails(app, { template: TEMPLATE });
    expect(sent.map((m) => m.recipient).sort()).toEqual([clerk.email, privacyOfficer.email].sort());
    expect(sent.every((m) => m.tenantId === tenant.id && m.body.includes(tenant.name) && m.body.includes('/login'))).toBe(true);
    for (const bystander of [admin, enrolledAuditor, disabledClerk, companyAdmin, otherTenantClerk]) {
      expect(await queuedEmails(app, { recipient: bystander.email, template: TEMPLATE })).toEqual([]);
    }
  });

  it('setting it again changes nothing: no second e-mail, no second audit entry', async () => {
    expect(expectData(await set(true)).setStaffSecondFactorRequirement).toEqual({ required: true, staffWithoutSecondFactor: 2 });
    expect(await queuedEmails(app, { template: TEMPLATE })).toHaveLength(2);
    expect(await auditOf()).toHaveLength(1);
  });

  it('once the clerk has set up an authenticator, the same session works again', async () => {
    // The clerk's login is older than five minutes: the password again first, then the authenticator (review F10).
    expectData(await app.graphql('mutation($p: String) { stepUp(password: $p) }', { p: clerk.password }, { token: tokens.clerk! }));
    const uri = expectData(await app.graphql<{ beginTotpEnrolment: string }>('mutation { beginTotpEnrolment }', {}, { token: tokens.clerk! })).beginTotpEnrolment;
    const enrolled = { ...clerk, totpSecret: new URL(uri).searchParams.get('secret')! };
    expectData(await app.graphql('mutation($c: String!) { confirmTotpEnrolmentWithRecoveryCodes(code: $c) { codes } }', { c: factory.totpCode(enrolled) }, { token: tokens.clerk! }));
    expect(expectData(await me(tokens.clerk!)).me.id).toBe(clerk.id);
    expect((await login(enrolled)).totpEnrolmentRequired).toBe(false);
    expect(expectData(await app.graphql(REQUIREMENT, {}, { token: tokens.admin! }))).toEqual({ staffSecondFactorRequirement: { required: true, staffWithoutSecondFactor: 1 } });
  });

  it('turned off again, the staff without a second factor work again, and the change is in the audit log', async () => {
    expect(refusalOf(await me(tokens.privacyOfficer!)).reason).toBe('SECOND_FACTOR_ENROLMENT_REQUIRED');
    expect(expectData(await set(false)).setStaffSecondFactorRequirement).toEqual({ required: false, staffWithoutSecondFactor: 1 });
    expect(expectData(await me(tokens.privacyOfficer!)).me.id).toBe(privacyOfficer.id);
    expect((await auditOf()).map((entry) => entry.action)).toEqual(['identity.staffSecondFactor.required', 'identity.staffSecondFactor.notRequired']);
  });

  it('turned on again within a day, it e-mails only the staff not told yet: switching it off and on does not flood anyone', async () => {
    const newClerk = await factory.user({ tenant, roles: [Role.CLERK] });
    expect(expectData(await set(true)).setStaffSecondFactorRequirement).toEqual({ required: true, staffWithoutSecondFactor: 2 });
    expectData(await set(false));
    expectData(await set(true));
    // The privacy officer was told at the first switch; the clerk who joined since is told once.
    expect(await queuedEmails(app, { recipient: privacyOfficer.email, template: TEMPLATE })).toHaveLength(1);
    expect(await queuedEmails(app, { recipient: newClerk.email, template: TEMPLATE })).toHaveLength(1);
    expect((await auditOf()).filter((entry) => entry.action === 'identity.staffSecondFactor.required').map((entry) => entry.details)).toEqual([
      { staffNotified: 2 },
      { staffNotified: 1 },
      { staffNotified: 0 },
    ]);
  });

  it('a day after their last notice, turning it on again reminds those who still have no second factor', async () => {
    expectData(await set(false));
    app.clock.advance(24 * 60 * 60_000 + 1_000);
    // The administrator's session of yesterday has run out: a fresh login (with its second factor).
    tokens.admin = (await factory.login(admin)).accessToken;
    expect(expectData(await set(true)).setStaffSecondFactorRequirement).toEqual({ required: true, staffWithoutSecondFactor: 2 });
    expect(await queuedEmails(app, { recipient: privacyOfficer.email, template: TEMPLATE })).toHaveLength(2);
    expect((await auditOf()).at(-1)).toEqual({ action: 'identity.staffSecondFactor.required', actor_id: admin.id, details: { staffNotified: 2 } });
  });
});
