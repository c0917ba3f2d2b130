import { tenantOfOwn } from './support/api';
import { checkScreen, expect, logIn, test, useLanguage } from './support/fixtures';
import { exactly, fill, loginTexts, MESSAGES } from './support/messages';

test('the privacy officer publishes a policy version; every user is shown it, accepts or objects, and the officer sees the answers (nl)', async ({
  page,
  state,
  pageProblems: _,
}) => {
  const m = MESSAGES.nl;
  const p = m.policyVersions;
  await useLanguage(page, 'nl');
  const { tenant, admin: officer } = await tenantOfOwn(page, state);
  await logIn(
    page,
    { tenant: tenant.slug, email: officer.email, password: officer.password, totpSecret: officer.totpSecret },
    loginTexts(m),
  );

  const notice = page.getByRole('region', { name: fill(p.notice.title, { tenant: tenant.name }) });
  await page
    .getByRole('navigation', { name: m.app.portalNavigation })
    .getByRole('link', { name: exactly(p.page.title) })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: p.page.title })).toBeVisible();
  await expect(page.getByText(p.page.noVersion)).toBeVisible();
  await expect(notice).toHaveCount(0);

  // Version 1. What changed is required: it is what every user reads in the notice.
  await page.getByLabel(exactly(p.page.fieldTitle)).fill('Privacyverklaring');
  await page
    .getByLabel(exactly(p.page.fieldBody))
    .fill('Wij verwerken uw gegevens om certificaten van oorsprong af te geven.');
  await page.getByRole('button', { name: exactly(p.page.publish) }).click();
  await expect(page.getByLabel(exactly(p.page.fieldSummary))).toHaveAttribute('aria-invalid', 'true');
  await checkScreen(page, 'privacy-policy-publish-refused');
  await page.getByLabel(exactly(p.page.fieldSummary)).fill('Eerste versie van ons beleid.');
  await page.getByRole('button', { name: exactly(p.page.publish) }).click();
  const confirm = page.getByRole('dialog', { name: fill(p.page.confirmTitle, { version: 1 }) });
  await expect(confirm).toContainText(fill(p.page.confirmBody, { tenant: tenant.name }));
  await checkScreen(page, 'privacy-policy-publish-dialog');
  await confirm.getByRole('button', { name: exactly(p.page.publish) }).click();
  await expect(
    page.getByText(fill(p.page.published, { version: 1, deadline: '|' }).split('|')[0]!),
  ).toBeVisible();
  const answers = (version: number) =>
    page.getByRole('region', { name: fill(p.page.answersTitle, { version }) });
  const count = (version: number, answer: keyof typeof p.answers) =>
    answers(version)
      .locator('.details > div')
      .filter({ has: page.getByText(p.answers[answer], { exact: true }) })
      .locator('dd');
  await expect(count(1, 'PENDING')).toHaveText('1');
  await expect(count(1, 'ACCEPTED')).toHaveText('0');
  // The next version starts from the published text.
  await expect(page.getByLabel(exactly(p.page.fieldBody))).toHaveValue(
    'Wij verwerken uw gegevens om certificaten van oorsprong af te geven.',
  );

  // The officer is a user of the tenant too: on their next visit the notice is on every screen.
  await page.reload();
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Eerste versie van ons beleid.');
  await checkScreen(page, 'privacy-policy-notice');
  await notice.getByRole('button', { name: fill(p.notice.accept, { version: 1 }) }).click();
  await expect(page.getByText(fill(p.notice.accepted, { version: 1 }))).toBeVisible();
  await page.getByRole('button', { name: exactly(p.notice.close) }).click();
  await expect(notice).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: p.page.title })).toBeVisible();
  await expect(count(1, 'ACCEPTED')).toHaveText('1');
  await expect(count(1, 'PENDING')).toHaveText('0');
  await expect(notice).toHaveCount(0);

  // Version 2, which this user objects to, with a reason.
  await page.getByLabel(exactly(p.page.fieldSummary)).fill('Wij bewaren facturen voortaan tien jaar.');
  await page
    .getByLabel(exactly(p.page.fieldBody))
    .fill('Wij verwerken uw gegevens om certificaten af te geven. Facturen bewaren wij tien jaar.');
  await page.getByRole('button', { name: exactly(p.page.publish) }).click();
  await page
    .getByRole('dialog', { name: fill(p.page.confirmTitle, { version: 2 }) })
    .getByRole('button', { name: exactly(p.page.publish) })
    .click();
  await expect(
    page.getByRole('heading', { level: 2, name: fill(p.page.answersTitle, { version: 2 }) }),
  ).toBeVisible();
  await page.reload();
  await expect(notice).toContainText('Wij bewaren facturen voortaan tien jaar.');
  await notice.getByRole('button', { name: fill(p.notice.object, { version: 2 }) }).click();
  await expect(
    page.getByRole('heading', { level: 3, name: fill(p.notice.objectTitle, { version: 2 }) }),
  ).toBeFocused();
  await page.getByLabel(new RegExp(`^${p.notice.reason}`)).fill('Tien jaar is langer dan de wet vraagt.');
  await checkScreen(page, 'privacy-policy-objection');
  await page.getByRole('button', { name: exactly(p.notice.sendObjection) }).click();
  await expect(page.getByText(fill(p.notice.objected, { version: 2, tenant: tenant.name }))).toBeVisible();

  await page.reload();
  await expect(notice).toHaveCount(0);
  await expect(count(2, 'OBJECTED')).toHaveText('1');
  const objection = answers(2).getByRole('row').filter({ hasText: 'Tien jaar is langer dan de wet vraagt.' });
  // The officer sees who objected, by name and address, with a link to their page.
  await expect(objection.getByRole('link', { name: 'Pieter Privacy' })).toHaveAttribute('href', `/app/privacy/users/${officer.id}`);
  await expect(objection).toContainText(officer.email);
  await checkScreen(page, 'privacy-policy');
  // The earlier version's answers stay as they were.
  await page.getByRole('button', { name: fill(p.page.showAnswers, { version: 1 }) }).click();
  await expect(count(1, 'ACCEPTED')).toHaveText('1');

  // The public reads the newest version.
  await page.getByRole('link', { name: exactly(p.page.publicPage) }).click();
  await expect(page.getByText('Facturen bewaren wij tien jaar.')).toBeVisible();
});
