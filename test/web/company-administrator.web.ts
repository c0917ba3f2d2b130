import { Client } from 'pg';
import { checkScreen, chooseLanguage, expect, journey, logIn, test, useLanguage } from './support/fixtures';
import { exactly, fill, loginTexts, MESSAGES } from './support/messages';
import type { WebTestState } from './support/server';

const VOKA = 'voka-antwerpen-waasland';

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
