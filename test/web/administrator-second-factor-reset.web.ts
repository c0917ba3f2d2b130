import { Client } from 'pg';
import { graphqlCaller, invitedStaff, tenantLogin, tenantOfOwn } from './support/api';
import { checkScreen, chooseLanguage, expect, journey, logIn, test, useLanguage } from './support/fixtures';
import { exactly, fill, loginTexts, MESSAGES } from './support/messages';
import type { WebTestState } from './support/server';


/** What the database holds of the administrator's second factor and of the operator's reset (as its owner, past row-level security). */
async function resetState(state: WebTestState, userId: string): Promise<{ enrolled: boolean; references: string[] }> {
  const owner = new Client({ connectionString: state.ownerUrl });
  await owner.connect();
  try {
    const account = await owner.query<{ enrolled: boolean }>('SELECT totp_enrolled_at IS NOT NULL AS enrolled FROM user_account WHERE id = $1', [userId]);
    const audit = await owner.query<{ reference: string }>(
      `SELECT details->>'reference' AS reference FROM audit_entry WHERE action = 'identity.secondFactor.resetByOperator' AND subject_id = $1 ORDER BY occurred_at`,
      [userId],
    );
    return { enrolled: account.rows[0]!.enrolled, references: audit.rows.map((row) => row.reference) };
  } finally {
    await owner.end();
  }
}

/**
 * Review F11, the operator's screen: a tenant's only administrator lost both phone and recovery codes.
 * While the tenant has a second active administrator, the screen sends the operator to them; once that
 * one has left, the operator resets the second factor under the support case's reference, after ticking
 * the out-of-band check; a second attempt finds nothing to reset; the administrator's password then
 * opens only the enrolment of a new authenticator.
 */
test("the operator resets the second factor of a tenant's only administrator, not while another could (fr)", async ({ page, browser, state, pageProblems: _ }) => {
  journey('administrator second-factor reset', 'fr');
  const m = MESSAGES.fr;
  const b = m.breakGlass;
  await useLanguage(page, 'fr');

  // A tenant of the test's own (its administrator's second factor goes), with a second administrator, as people make one.
  const { tenant, admin } = await tenantOfOwn(page, state);
  const call = graphqlCaller(page);
  const adminToken = await tenantLogin(call, tenant.slug, admin.email, admin.password, admin.totpSecret);
  const second = (await invitedStaff(page, state, adminToken, { prefix: 'tweede', firstName: 'Tine', lastName: 'Tweede', roles: ['TENANT_ADMIN'] })).email;

  await logIn(page, { tenant: null, email: 'operator@chancery.test', password: state.demoPassword, totpSecret: state.totpSecrets['operator@chancery.test'] }, loginTexts(m));
  await chooseLanguage(page, 'fr');
  await page.getByRole('navigation', { name: m.app.portalNavigation }).getByRole('link', { name: exactly(b.title) }).click();
  await expect(page.getByRole('heading', { level: 1, name: b.title })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: b.checklistTitle })).toBeVisible();

  const reference = 'SUP-2026/0412';
  const fillForm = async () => {
    await page.getByLabel(exactly(b.tenant)).selectOption({ label: tenant.name });
    await page.getByLabel(exactly(b.email)).fill(admin.email);
    await page.getByLabel(exactly(b.reference)).fill(reference);
  };
  const submit = () => page.getByRole('button', { name: exactly(b.submit) }).click();
  const summary = page.getByRole('alert');

  // Not without the out-of-band check ticked: the browser stops it, nothing is sent.
  await fillForm();
  await submit();
  await expect(summary).toContainText(b.confirmationRequired);

  // Another active administrator: theirs to do.
  await page.getByLabel(b.confirmed).check();
  await submit();
  await expect(summary).toContainText(b.hasOtherAdministrator);
  await expect(page.getByText(b.hasOtherAdministratorField).first()).toBeVisible();
  await checkScreen(page, 'administrator-second-factor-reset-refused');
  expect(await resetState(state, admin.id)).toEqual({ enrolled: true, references: [] });

  // That administrator leaves; now the operator resets it.
  const { managedUsers } = await call<{ managedUsers: Array<{ id: string; email: string }> }>('query { managedUsers { id email } }', {}, adminToken);
  await call('mutation D($id: ID!) { disableUser(userId: $id) { id } }', { id: managedUsers.find((user) => user.email === second)!.id }, adminToken);
  await submit();
  const notice = page.getByRole('status').filter({ hasText: b.doneTitle });
  await expect(notice).toContainText(fill(b.done, { email: admin.email, tenant: tenant.name, reference }));
  for (const next of [b.nextMail, b.nextSessions, b.nextLogin]) await expect(notice).toContainText(next);
  await expect(page.getByLabel(exactly(b.email))).toHaveValue('');
  expect(await resetState(state, admin.id)).toEqual({ enrolled: false, references: [reference] });
  await checkScreen(page, 'administrator-second-factor-reset');

  // Asked again: nothing left to reset.
  await fillForm();
  await page.getByLabel(b.confirmed).check();
  await submit();
  await expect(summary).toContainText(b.notEnrolled);
  await expect(notice).toHaveCount(0);
  expect((await resetState(state, admin.id)).references).toEqual([reference]);

  // The administrator's password alone opens only the enrolment of a new authenticator.
  const theirs = await browser.newContext({ baseURL: state.baseURL });
  const administrator = await theirs.newPage();
  await useLanguage(administrator, 'fr');
  await logIn(administrator, { tenant: tenant.slug, email: admin.email, password: admin.password }, loginTexts(m));
  await expect(administrator).toHaveURL(/\/app\/second-factor$/);
  await expect(administrator.getByText(m.secondFactor.required)).toBeVisible();
  await theirs.close();
});
