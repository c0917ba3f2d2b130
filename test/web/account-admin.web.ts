import type { Page } from '@playwright/test';
import { Client } from 'pg';
import {
  checkScreen,
  expect,
  journey,
  linkFromMail,
  logIn,
  test,
  totpCode,
  uniqueSuffix,
  useLanguage,
} from './support/fixtures';
import { apiLogin, freshColleague, graphqlCaller, VOKA, VOKA_COMPANY_ADMIN } from './support/api';
import { exactly, fill, loginTexts, MESSAGES } from './support/messages';
import type { WebTestState } from './support/server';

const COMPANY_ADMIN = VOKA_COMPANY_ADMIN;

async function asOwner<T>(state: WebTestState, work: (owner: Client) => Promise<T>): Promise<T> {
  const owner = new Client({ connectionString: state.ownerUrl });
  await owner.connect();
  try {
    return await work(owner);
  } finally {
    await owner.end();
  }
}

test('a user changes their password: a wrong current one is refused at the field, other sessions end, the new one logs in (en)', async ({
  page,
  browser,
  state,
  pageProblems: _,
}) => {
  journey('change my password', 'en');
  const m = MESSAGES.en;
  const a = m.accountAdmin.password;
  const oldPassword = 'amber-harbour-lantern-42';
  const newPassword = 'velvet-orchard-compass-77';
  const person = await freshColleague(page, state, 'Petra', oldPassword);
  // Another session of the same account (another device), to be ended by the change.
  const call = graphqlCaller(page);
  const otherDevice = await apiLogin(call, person.email, oldPassword);

  await useLanguage(page, 'en');
  await logIn(page, { tenant: VOKA, email: person.email, password: oldPassword }, loginTexts(m));
  await page
    .getByRole('navigation', { name: m.app.portalNavigation })
    .getByRole('link', { name: exactly(m.accountAdmin.nav.password) })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: a.title })).toBeVisible();
  await expect(page.getByText(a.otherSessions)).toBeVisible();
  await expect(page.getByLabel(exactly(a.current))).toHaveAttribute('autocomplete', 'current-password');
  await expect(page.getByLabel(new RegExp(`^${m.fields.newPassword}`))).toHaveAttribute(
    'autocomplete',
    'new-password',
  );
  await checkScreen(page, 'change-password');

  // Checked in the browser first: the two new passwords differ.
  await page.getByLabel(exactly(a.current)).fill(oldPassword);
  await page.getByLabel(new RegExp(`^${m.fields.newPassword}`)).fill(newPassword);
  await page.getByLabel(new RegExp(`^${m.fields.passwordConfirmation}`)).fill(`${newPassword}x`);
  await page.getByRole('button', { name: exactly(a.submit) }).click();
  await expect(page.getByRole('alert').getByText(m.errors.constraint.mismatch)).toBeVisible();

  // A wrong current password: refused by the API, said at the field.
  await page.getByLabel(exactly(a.current)).fill('not-my-password-at-all');
  await page.getByLabel(new RegExp(`^${m.fields.passwordConfirmation}`)).fill(newPassword);
  await page.getByRole('button', { name: exactly(a.submit) }).click();
  await expect(page.getByRole('alert').getByText(a.currentWrong)).toBeVisible();
  const current = page.getByLabel(exactly(a.current));
  await expect(current).toHaveAttribute('aria-invalid', 'true');
  const describedBy = (await current.getAttribute('aria-describedby')) ?? '';
  await expect(
    page.locator(
      describedBy
        .split(' ')
        .map((id) => `[id="${id}"]`)
        .join(', '),
    ),
  ).toContainText(a.currentWrongField);
  await checkScreen(page, 'change-password-refused');

  await current.fill(oldPassword);
  await page.getByRole('button', { name: exactly(a.submit) }).click();
  await expect(page.getByText(a.doneTitle)).toBeVisible();
  await expect(page.getByText(a.done)).toBeVisible();
  await checkScreen(page, 'change-password-done');

  // This session continues (with the tokens the change answered); the other device's has ended.
  await page
    .getByRole('navigation', { name: m.app.portalNavigation })
    .getByRole('link', { name: exactly(m.nav.profile) })
    .click();
  await expect(page.getByText(person.email)).toBeVisible();
  const ended = await page.request.post('/graphql', {
    headers: { 'content-type': 'application/json', authorization: `Bearer ${otherDevice}` },
    data: { query: '{ me { id } }' },
  });
  expect(
    ((await ended.json()) as { errors?: Array<{ extensions?: { code?: string } }> }).errors?.[0]?.extensions
      ?.code,
  ).toBe('UNAUTHENTICATED');

  // Elsewhere, the old password no longer logs in and the new one does.
  const elsewhere = await browser.newContext({ baseURL: state.baseURL });
  const other = await elsewhere.newPage();
  await useLanguage(other, 'en');
  await other.goto('/login');
  await other.getByLabel(exactly(m.login.tenant)).selectOption(VOKA);
  await other.getByLabel(new RegExp(`^${m.fields.email}`)).fill(person.email);
  await other.getByLabel(exactly(m.fields.password), { exact: true }).fill(oldPassword);
  await other.getByRole('button', { name: exactly(m.login.submit) }).click();
  await expect(other.getByText(m.login.failed)).toBeVisible();
  await logIn(other, { tenant: VOKA, email: person.email, password: newPassword }, loginTexts(m));
  await expect(other).toHaveURL(/\/app/);
  await elsewhere.close();
});

test('a company administrator resets a colleague’s second factor, disables and enables them, revokes an invitation (nl)', async ({
  page,
  browser,
  state,
  pageProblems: _,
}) => {
  journey('administering users', 'nl');
  const m = MESSAGES.nl;
  const u = m.accountAdmin.users;
  const password = 'granite-willow-signal-58';
  const colleague = await freshColleague(page, state, 'Wout', password);

  // The colleague sets up a second factor (through the API, as the enrolment screen does).
  const call = graphqlCaller(page);
  const token = await apiLogin(call, colleague.email, password);
  const { beginTotpEnrolment } = await call<{ beginTotpEnrolment: string }>(
    'mutation { beginTotpEnrolment }',
    {},
    token,
  );
  const secret = new URL(beginTotpEnrolment).searchParams.get('secret')!;
  await call(
    'mutation C($code: String!) { confirmTotpEnrolment(code: $code) }',
    { code: await totpCode(secret) },
    token,
  );

  await useLanguage(page, 'nl');
  await logIn(page, { tenant: VOKA, email: COMPANY_ADMIN, password: state.demoPassword }, loginTexts(m));
  await page
    .getByRole('navigation', { name: m.app.portalNavigation })
    .getByRole('link', { name: exactly(m.nav.companyUsers) })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: m.users.titleCompany })).toBeVisible();
  const row = page
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(colleague.name) }) });
  await expect(row.getByRole('cell', { name: m.secondFactor.notEnrolled })).toHaveCount(0);

  // The administrator logged in more than five minutes ago: the reset asks for the password again.
  await asOwner(state, (owner) =>
    owner.query(
      `UPDATE auth_session s SET stepped_up_at = now() - interval '1 hour' FROM user_account u WHERE s.user_id = u.id AND u.email = $1 AND s.revoked_at IS NULL`,
      [COMPANY_ADMIN],
    ),
  );
  await row.getByRole('button', { name: `${u.resetSecondFactor} (${colleague.name})` }).click();
  const resetDialog = page.getByRole('dialog', { name: fill(u.resetTitle, { name: colleague.name }) });
  await expect(resetDialog.getByText(u.resetBody)).toBeVisible();
  await checkScreen(page, 'reset-second-factor-confirm-nl');
  await resetDialog.getByRole('button', { name: exactly(u.resetSecondFactor) }).click();
  const stepUp = page.getByRole('dialog', { name: m.stepUp.title });
  await expect(stepUp).toBeVisible();
  await stepUp.getByLabel(exactly(m.fields.password)).fill(state.demoPassword);
  await stepUp.getByRole('button', { name: exactly(m.stepUp.submit) }).click();
  await expect(page.getByText(fill(u.secondFactorReset, { name: colleague.name }))).toBeVisible();
  await expect(row.getByRole('cell', { name: m.secondFactor.notEnrolled })).toBeVisible();
  await expect(row.getByRole('button', { name: `${u.resetSecondFactor} (${colleague.name})` })).toHaveCount(
    0,
  );
  await checkScreen(page, 'second-factor-reset-nl');

  // Disabled, then enabled again.
  await row.getByRole('button', { name: `${m.users.disable} (${colleague.name})` }).click();
  await page
    .getByRole('dialog', { name: fill(m.users.disableTitle, { name: colleague.name }) })
    .getByRole('button', { name: exactly(m.users.disable) })
    .click();
  await expect(page.getByText(fill(m.users.disabled, { name: colleague.name }))).toBeVisible();
  await expect(row.getByText(m.userStatus.DISABLED)).toBeVisible();
  await row.getByRole('button', { name: `${u.enable} (${colleague.name})` }).click();
  const enableDialog = page.getByRole('dialog', { name: fill(u.enableTitle, { name: colleague.name }) });
  await expect(enableDialog.getByText(u.enableBody)).toBeVisible();
  await checkScreen(page, 'enable-user-confirm-nl');
  await enableDialog.getByRole('button', { name: exactly(u.enable) }).click();
  await expect(page.getByText(fill(u.enabled, { name: colleague.name }))).toBeVisible();
  await expect(row.getByText(m.userStatus.ACTIVE)).toBeVisible();
  await expect(row.getByRole('button', { name: `${u.enable} (${colleague.name})` })).toHaveCount(0);
  // Enabled again, they can log in (their company logs in with a password only: no new second factor is demanded).
  await apiLogin(call, colleague.email, password);

  // An invitation sent by mistake is revoked: its link no longer works.
  const invitee = `vergissing-${uniqueSuffix()}@example.test`;
  await page
    .getByRole('region', { name: m.users.inviteTitle })
    .getByRole('textbox', { name: new RegExp(`^${m.fields.email}`) })
    .fill(invitee);
  await page.getByRole('checkbox', { name: m.roles.ORG_MEMBER }).check();
  await page.getByRole('button', { name: m.users.inviteSubmit }).click();
  await expect(page.getByText(m.users.invitedTitle, { exact: true })).toBeVisible();
  const pending = page.getByRole('region', { name: u.invitationsTitle }).first();
  await expect(pending.getByRole('rowheader', { name: invitee })).toBeVisible();
  await checkScreen(page, 'pending-invitations-nl');
  await pending.getByRole('button', { name: `${u.revoke} (${invitee})` }).click();
  const revokeDialog = page.getByRole('dialog', { name: fill(u.revokeTitle, { email: invitee }) });
  await expect(revokeDialog.getByText(u.revokeBody)).toBeVisible();
  await checkScreen(page, 'revoke-invitation-confirm-nl');
  await revokeDialog.getByRole('button', { name: exactly(u.revoke) }).click();
  await expect(page.getByText(fill(u.invitationRevoked, { email: invitee }))).toBeVisible();
  await expect(page.getByRole('rowheader', { name: invitee })).toHaveCount(0);

  const link = await linkFromMail(state, invitee, 'identity.invitation');
  const elsewhere = await browser.newContext({ baseURL: state.baseURL });
  const other = await elsewhere.newPage();
  await useLanguage(other, 'nl');
  await other.goto(link);
  await other.getByLabel(exactly(m.fields.firstName)).fill('Vera');
  await other.getByLabel(exactly(m.fields.lastName)).fill('Vergissing');
  await other.getByLabel(exactly(m.fields.password)).fill('quiet-meadow-copper-17');
  await other.getByLabel(exactly(m.fields.passwordConfirmation)).fill('quiet-meadow-copper-17');
  await other.getByRole('button', { name: m.acceptInvitation.submit }).click();
  await expect(other.getByText(m.acceptInvitation.invalidLink)).toBeVisible();
  await elsewhere.close();
});

test('a chamber clerk sees their own processing figures, the tenant admin sees the clerk’s, a company user has no such entry (nl)', async ({
  page,
  browser,
  state,
  pageProblems: _,
}) => {
  // In Dutch, the demo staff's own language (the portal follows a user's preferred language after login).
  journey('processing statistics', 'nl');
  const m = MESSAGES.nl;
  const s = m.accountAdmin.statistics;
  const portal = (p: Page) => p.getByRole('navigation', { name: m.app.portalNavigation });

  // The clerk: their own figures, under their account.
  await useLanguage(page, 'nl');
  await logIn(page, { tenant: VOKA, email: 'clerk@voka.test', password: state.demoPassword }, loginTexts(m));
  await portal(page)
    .getByRole('link', { name: exactly(m.accountAdmin.nav.statistics) })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: s.title })).toBeVisible();
  const own = page.getByRole('table', { name: s.caption });
  await expect(own.getByRole('columnheader', { name: s.reviewed })).toBeVisible();
  await expect(
    own.getByRole('row').filter({ has: page.getByRole('rowheader', { name: s.total }) }),
  ).toBeVisible();
  await expect(page.getByText(s.privacy)).toBeVisible();
  await checkScreen(page, 'processing-statistics-nl');

  // The tenant admin: the clerk's figures from the staff users page.
  const admin = await browser.newContext({ baseURL: state.baseURL });
  const adminPage = await admin.newPage();
  await useLanguage(adminPage, 'nl');
  await logIn(
    adminPage,
    {
      tenant: VOKA,
      email: 'tenant-admin@voka.test',
      password: state.demoPassword,
      totpSecret: state.totpSecrets['tenant-admin@voka.test'],
    },
    loginTexts(m),
  );
  await portal(adminPage)
    .getByRole('link', { name: exactly(m.nav.staffUsers) })
    .click();
  await adminPage.getByRole('link', { name: `${m.accountAdmin.users.statistics} (Clara Clerk)` }).click();
  await expect(
    adminPage.getByRole('heading', { level: 1, name: fill(s.titleOf, { name: 'Clara Clerk' }) }),
  ).toBeVisible();
  const theirs = adminPage.getByRole('table', { name: s.caption });
  const reviewed = await theirs
    .getByRole('row')
    .filter({ has: adminPage.getByRole('rowheader', { name: s.total }) })
    .getByRole('cell')
    .first()
    .textContent();
  expect(Number(reviewed)).toBeGreaterThan(0);
  await expect(adminPage.getByText(s.privacyOf)).toBeVisible();
  await checkScreen(adminPage, 'processing-statistics-of-staff-nl');
  // A malformed or unknown id in the address: nobody of the staff, said as such, not as a field to correct (review M10).
  for (const id of ['not-a-uuid', crypto.randomUUID()]) {
    await adminPage.goto(`/app/users/${id}/processing-statistics`);
    await expect(adminPage.getByText(s.unknown)).toBeVisible();
    await expect(adminPage.getByText(m.errors.fieldsToCorrect_one)).toHaveCount(0);
  }
  await admin.close();

  // A company user: no such entry, and the address says the page is not for them.
  const company = await browser.newContext({ baseURL: state.baseURL });
  const companyPage = await company.newPage();
  await useLanguage(companyPage, 'nl');
  await logIn(
    companyPage,
    { tenant: VOKA, email: 'member@company1.voka.test', password: state.demoPassword },
    loginTexts(m),
  );
  await expect(portal(companyPage).getByRole('link', { name: exactly(m.nav.profile) })).toBeVisible();
  await expect(
    portal(companyPage).getByRole('link', { name: exactly(m.accountAdmin.nav.statistics) }),
  ).toHaveCount(0);
  await companyPage.goto('/app/processing-statistics');
  await expect(
    companyPage.getByRole('heading', { level: 1, name: m.errors.forbiddenPage.title }),
  ).toBeVisible();
  await company.close();
});
