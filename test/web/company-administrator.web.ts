import { Client } from 'pg';
import { ageStepUp, graphqlCaller, invitedStaff, registeredCompany } from './support/api';
import { checkScreen, chooseLanguage, expect, journey, logIn, test, totpCode, uniqueSuffix, useLanguage } from './support/fixtures';
import { exactly, fill, loginTexts, MESSAGES } from './support/messages';
import type { WebTestState } from './support/server';

const VOKA = 'voka-antwerpen-waasland';
const TENANT_ADMIN = 'tenant-admin@voka.test';

async function asOwner<T>(state: WebTestState, work: (owner: Client) => Promise<T>): Promise<T> {
  const owner = new Client({ connectionString: state.ownerUrl });
  await owner.connect();
  try {
    return await work(owner);
  } finally {
    await owner.end();
  }
}

const rolesOf = (state: WebTestState, email: string) =>
  asOwner(state, async (owner) => (await owner.query<{ role: string }>(
    `SELECT r.role FROM user_role r JOIN user_account u ON u.id = r.user_id JOIN tenant t ON t.id = u.tenant_id WHERE u.email = $1 AND t.slug = $2 ORDER BY r.role`, [email, VOKA],
  )).rows.map((row) => row.role));

/**
 * A company left without an administrator (here: the demo's second company, its administrator's role
 * taken away as an objection to the contact disclosure would): the tenant's administrator makes one of
 * its users administrator from the staff page. The roles are put back afterwards for the other tests.
 */
test("a tenant admin appoints the administrator of a company left without one; not while it has one (en)", async ({ page, state, pageProblems: _ }) => {
  journey('company administrator appointment', 'en');
  const m = MESSAGES.en;
  const setRole = (sql: string, email: string) =>
    asOwner(state, (owner) => owner.query(sql, [email, VOKA]));
  const WITHDRAW_ADMIN = `DELETE FROM user_role r USING user_account u, tenant t WHERE r.user_id = u.id AND u.tenant_id = t.id AND u.email = $1 AND t.slug = $2 AND r.role = 'ORG_ADMIN'`;
  const GRANT_ADMIN = `INSERT INTO user_role (tenant_id, user_id, role) SELECT u.tenant_id, u.id, 'ORG_ADMIN' FROM user_account u JOIN tenant t ON t.id = u.tenant_id WHERE u.email = $1 AND t.slug = $2 ON CONFLICT DO NOTHING`;
  await setRole(WITHDRAW_ADMIN, 'admin@company2.voka.test');
  try {
    await useLanguage(page, 'en');
    await logIn(page, { tenant: VOKA, email: 'tenant-admin@voka.test', password: state.demoPassword, totpSecret: state.totpSecrets['tenant-admin@voka.test'] }, loginTexts(m));
    await chooseLanguage(page, 'en');
    await page.getByRole('navigation', { name: m.app.portalNavigation }).getByRole('link', { name: exactly(m.nav.staffUsers) }).click();
    const panel = page.getByRole('region', { name: m.users.appointTitle });
    await expect(panel).toBeVisible();

    // The first company has its administrator: they grant its roles, the tenant does not.
    await panel.getByLabel(new RegExp(`^${m.fields.email}`)).fill('member@company1.voka.test');
    await panel.getByRole('button', { name: exactly(m.users.appointSubmit) }).click();
    await expect(panel.getByText(m.errors.reason.COMPANY_HAS_ADMINISTRATOR)).toBeVisible();
    expect(await rolesOf(state, 'member@company1.voka.test')).toEqual(['ORG_MEMBER']);

    await panel.getByLabel(new RegExp(`^${m.fields.email}`)).fill('member@company2.voka.test');
    await panel.getByRole('button', { name: exactly(m.users.appointSubmit) }).click();
    await expect(panel.getByText(fill(m.users.appointed, { email: 'member@company2.voka.test' }))).toBeVisible();
    expect(await rolesOf(state, 'member@company2.voka.test')).toEqual(['ORG_ADMIN', 'ORG_MEMBER']);
    await checkScreen(page, 'company-administrator-appointed');
  } finally {
    await setRole(GRANT_ADMIN, 'admin@company2.voka.test');
    await setRole(WITHDRAW_ADMIN, 'member@company2.voka.test');
  }
});

/** What the database holds of the administrator's second factor and of the tenant's resets of it. */
const secondFactorResetState = (state: WebTestState, email: string) =>
  asOwner(state, async (owner) => {
    const account = await owner.query<{ id: string; enrolled: boolean }>(
      `SELECT u.id, u.totp_enrolled_at IS NOT NULL AS enrolled FROM user_account u JOIN tenant t ON t.id = u.tenant_id WHERE u.email = $1 AND t.slug = $2`, [email, VOKA],
    );
    const audit = await owner.query<{ reference: string }>(
      `SELECT details->>'reference' AS reference FROM audit_entry WHERE action = 'identity.secondFactor.resetByTenant' AND subject_id = $1 ORDER BY occurred_at`, [account.rows[0]!.id],
    );
    return { enrolled: account.rows[0]!.enrolled, references: audit.rows.map((row) => row.reference) };
  });

/**
 * Review F13, the chamber's screen: a company's only administrator lost both phone and recovery codes.
 * The company (of the test's own, logging in with a second factor) first has a second administrator:
 * the screen sends the tenant's administrator to that one. Once that one has left, the tenant's
 * administrator, found the company by part of its name and shown its number on record, ticks the
 * call-back, gives the support reference, confirms a step-up, and reads what happened; the
 * administrator's password then opens only the enrolment of a new authenticator.
 */
test("a tenant admin resets the second factor of a company's only administrator after calling back; not while another could (de)", async ({ page, browser, state, pageProblems: _ }) => {
  journey('company administrator second-factor reset', 'de');
  const m = MESSAGES.de;
  const r = m.companyAdministratorReset;
  const call = graphqlCaller(page);
  const name = `Polderpompen ${uniqueSuffix()} BV`;
  const phone = '+32 3 210 00 00';
  const admin = await registeredCompany(call, state, VOKA, name, { loginMethod: 'PASSWORD_AND_TOTP', phone });
  const { beginTotpEnrolment } = await call<{ beginTotpEnrolment: string }>('mutation { beginTotpEnrolment }', {}, admin.token);
  const secret = new URL(beginTotpEnrolment).searchParams.get('secret')!;
  await call('mutation C($code: String!) { confirmTotpEnrolment(code: $code) }', { code: await totpCode(secret) }, admin.token);
  const second = await invitedStaff(page, state, admin.token, { prefix: 'zweite', firstName: 'Zoe', lastName: 'Zweite', roles: ['ORG_ADMIN'] });

  await useLanguage(page, 'de');
  await logIn(page, { tenant: VOKA, email: TENANT_ADMIN, password: state.demoPassword, totpSecret: state.totpSecrets[TENANT_ADMIN] }, loginTexts(m));
  await chooseLanguage(page, 'de');
  const menu = page.getByRole('navigation', { name: m.app.portalNavigation });
  await expect(menu.getByRole('link', { name: exactly(r.navTitle) })).toBeVisible();
  // From the staff users page, beside the appointment of a company administrator.
  await menu.getByRole('link', { name: exactly(m.nav.staffUsers) }).click();
  await page.getByRole('region', { name: r.usersTitle }).getByRole('link', { name: exactly(r.title) }).click();
  await expect(page.getByRole('heading', { level: 1, name: r.title })).toBeVisible();

  // The company by part of its name; its number on record is the one to call back.
  await page.getByLabel(new RegExp(`^${m.companyChoice.findCompany}`)).fill(name.split(' ')[1]!);
  await page.getByLabel(exactly(m.companyChoice.company)).selectOption({ label: `${name} (Hasselt)` });
  await expect(page.getByText(fill(r.companyPhone, { phone }))).toBeVisible();
  const reference = 'SUP-2026/1207';
  await page.getByLabel(exactly(r.email)).fill(admin.email);
  await page.getByLabel(exactly(r.reference)).fill(reference);
  const submit = () => page.getByRole('button', { name: exactly(r.submit) }).click();
  // Not without the tick that the call-back was made: the browser stops it, nothing is sent.
  await submit();
  await expect(page.getByRole('alert')).toContainText(r.confirmationRequired);
  await page.getByLabel(r.confirmed).check();

  // The login's step-up has lapsed: the portal's prompt asks for a code, then the act runs. Another administrator: theirs to do.
  await ageStepUp(state, TENANT_ADMIN, VOKA);
  await submit();
  const stepUp = page.getByRole('dialog', { name: m.stepUp.title });
  await stepUp.getByLabel(exactly(m.secondFactor.code)).fill(await totpCode(state.totpSecrets[TENANT_ADMIN]!));
  await stepUp.getByRole('button', { name: exactly(m.stepUp.submit) }).click();
  await expect(page.getByRole('alert')).toContainText(r.hasOtherAdministrator);
  await expect(page.getByText(r.hasOtherAdministratorField).first()).toBeVisible();
  await checkScreen(page, 'company-administrator-second-factor-reset-refused');
  // On a 360-pixel phone, German's long words and all: nothing wider than the screen.
  await page.setViewportSize({ width: 360, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await checkScreen(page, 'company-administrator-second-factor-reset-refused-phone-de');
  await page.setViewportSize({ width: 1280, height: 900 });
  expect(await secondFactorResetState(state, admin.email)).toEqual({ enrolled: true, references: [] });

  // That administrator leaves; now the tenant's administrator resets it.
  const { managedUsers } = await call<{ managedUsers: Array<{ id: string; email: string }> }>('query { managedUsers { id email } }', {}, admin.token);
  await call('mutation D($id: ID!) { disableUser(userId: $id) { id } }', { id: managedUsers.find((user) => user.email === second.email)!.id }, admin.token);
  await submit();
  const notice = page.getByRole('status').filter({ hasText: r.doneTitle });
  await expect(notice).toContainText(fill(r.done, { email: admin.email, company: name, reference }));
  for (const next of [r.nextMail, r.nextSessions, r.nextLoginEnrol]) await expect(notice).toContainText(next);
  await expect(page.getByLabel(exactly(r.email))).toHaveValue('');
  expect(await secondFactorResetState(state, admin.email)).toEqual({ enrolled: false, references: [reference] });
  await checkScreen(page, 'company-administrator-second-factor-reset');

  // The administrator's password alone opens only the enrolment of a new authenticator.
  const theirs = await browser.newContext({ baseURL: state.baseURL });
  const administrator = await theirs.newPage();
  await useLanguage(administrator, 'de');
  await logIn(administrator, { tenant: VOKA, email: admin.email, password: admin.password }, loginTexts(m));
  await expect(administrator).toHaveURL(/\/app\/second-factor$/);
  await expect(administrator.getByText(m.secondFactor.required)).toBeVisible();
  await theirs.close();
});
