import { ageStepUp, graphqlCaller, invitedStaff, tenantLogin, tenantOfOwn } from './support/api';
import { checkScreen, expect, logIn, mailTo, test, totpCode, useLanguage } from './support/fixtures';
import { exactly, fill, loginTexts, MESSAGES } from './support/messages';

test('the administrator of a chamber that is also a certification body sets its certificate numbers and fees, the datasheet contact deadline, a second factor for all staff and the request deadline rule (nl)', async ({
  page,
  browser,
  state,
  pageProblems: _,
}) => {
  const m = MESSAGES.nl;
  const s = m.tenantSettings;
  await useLanguage(page, 'nl');
  // A tenant of the test's own: these settings change how the demo tenants' certificates and requests run.
  const { tenant, admin } = await tenantOfOwn(page, state, ['CHAMBER_OF_COMMERCE', 'CERTIFICATION_BODY']);
  await logIn(
    page,
    { tenant: tenant.slug, email: admin.email, password: admin.password, totpSecret: admin.totpSecret },
    loginTexts(m),
  );
  await page
    .getByRole('navigation', { name: m.app.portalNavigation })
    .getByRole('link', { name: exactly(s.title) })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: s.title })).toBeVisible();

  const certificates = page.getByRole('region', { name: s.certificates.title });
  const prefix = certificates.getByLabel(exactly(s.certificates.numberPrefix));
  const memberFee = certificates.getByLabel(exactly(s.certificates.memberFeeCents));
  // Before anything is saved the screen shows what certificates are issued with: the slug's prefix, no fees.
  await expect(prefix).toHaveValue(`BE-${tenant.slug.toUpperCase()}`);
  await expect(memberFee).toHaveValue('0,00');

  await memberFee.fill('vijfentwintig');
  await certificates.getByRole('button', { name: exactly(s.save) }).click();
  await expect(memberFee).toHaveAttribute('aria-invalid', 'true');
  await expect(certificates.getByText(s.certificates.amountInvalid).first()).toBeVisible();
  await checkScreen(page, 'tenant-settings-refused');
  await memberFee.fill('25,5');
  await certificates.getByLabel(exactly(s.certificates.copyNonMemberFeeCents)).fill('7.25');
  // The API refuses a prefix outside its pattern, and the screen says what it takes.
  await prefix.fill('BE ANT!');
  await certificates.getByRole('button', { name: exactly(s.save) }).click();
  await expect(certificates.getByText(s.certificates.numberPrefixInvalid).first()).toBeVisible();
  const own = `EIGEN-${tenant.slug.slice('eigen-'.length).toUpperCase()}`;
  await prefix.fill(own.toLowerCase());
  // Certificate settings are a high-value act: after the login's five minutes the portal asks for the
  // second factor again, then saves what the administrator asked for.
  await ageStepUp(state, admin.email, tenant.slug);
  await certificates.getByRole('button', { name: exactly(s.save) }).click();
  const stepUp = page.getByRole('dialog', { name: m.stepUp.title });
  await expect(stepUp).toBeVisible();
  await checkScreen(page, 'tenant-settings-step-up');
  await stepUp.getByLabel(exactly(m.secondFactor.code)).fill(await totpCode(admin.totpSecret));
  await stepUp.getByRole('button', { name: exactly(m.stepUp.submit) }).click();
  await expect(stepUp).toBeHidden();
  await expect(certificates.getByText(s.saved)).toBeVisible();

  // The chamber's signing keys: none before the first signature; a rotation retires the key in use.
  const keys = page.getByRole('region', { name: s.keys.title }).first();
  await expect(keys.getByText(s.keys.none)).toBeVisible();
  for (const round of [1, 2]) {
    await keys.getByRole('button', { name: exactly(s.keys.rotate) }).click();
    await page.getByRole('dialog', { name: s.keys.confirmTitle }).getByRole('button', { name: exactly(s.keys.rotate) }).click();
    await expect(keys.getByText(s.keys.rotated.split('{{')[0]!)).toBeVisible();
    await expect(keys.getByRole('table').getByRole('row')).toHaveCount(round + 1);
  }
  await expect(keys.getByRole('cell', { name: s.keys.inUse })).toHaveCount(1);
  await expect(keys.getByRole('cell').filter({ hasText: s.keys.retired.split('{{')[0]! })).toHaveCount(1);

  const datasheets = page.getByRole('region', { name: s.datasheets.title });
  const days = datasheets.getByLabel(exactly(s.datasheets.contactReplacementDays));
  await expect(days).toHaveValue('30');
  await days.fill('400');
  await datasheets.getByRole('button', { name: exactly(s.save) }).click();
  await expect(datasheets.getByText(s.datasheets.daysInvalid).first()).toBeVisible();
  await days.fill('14');
  await datasheets.getByRole('button', { name: exactly(s.save) }).click();
  await expect(datasheets.getByText(s.saved)).toBeVisible();

  const privacy = page.getByRole('region', { name: s.privacy.title });
  await expect(privacy.getByRole('radio', { name: s.privacy.ONE_MONTH })).toBeChecked();
  await privacy.getByRole('radio', { name: s.privacy.THIRTY_DAYS }).check();
  await privacy.getByRole('button', { name: exactly(s.save) }).click();
  await expect(privacy.getByText(s.saved)).toBeVisible();
  // A second factor for every staff member. A clerk without one is at work in the portal meanwhile.
  const f = m.staffSecondFactor;
  const adminToken = await tenantLogin(graphqlCaller(page), tenant.slug, admin.email, admin.password, admin.totpSecret);
  const clerk = await invitedStaff(page, state, adminToken, { prefix: 'griffie', firstName: 'Greet', lastName: 'Griffie', roles: ['CLERK'] });
  const clerkPage = await (await browser.newContext({ baseURL: state.baseURL })).newPage();
  await useLanguage(clerkPage, 'nl');
  await logIn(clerkPage, { tenant: tenant.slug, email: clerk.email, password: clerk.password }, loginTexts(m));
  await page.reload();
  const staff = page.getByRole('region', { name: f.title });
  await expect(staff.getByText(f.off)).toBeVisible();
  await expect(staff.getByText(fill(f.without_one, { count: 1 }))).toBeVisible();
  await staff.getByRole('button', { name: exactly(f.turnOn) }).click();
  const confirm = page.getByRole('dialog', { name: f.confirmTitle });
  await expect(confirm.getByText(fill(f.confirmBody_one, { count: 1 }))).toBeVisible();
  await confirm.getByRole('button', { name: exactly(f.turnOn) }).click();
  await expect(staff.getByText(f.on)).toBeVisible();
  await mailTo(state, clerk.email, 'identity.staff-second-factor-required');
  // The clerk's next step takes them to setting up a second factor, not to a refusal on every screen.
  await clerkPage.getByRole('navigation', { name: m.app.portalNavigation }).getByRole('link', { name: exactly(m.nav.profile) }).click();
  await expect(clerkPage).toHaveURL(/\/app\/second-factor$/);
  await expect(clerkPage.getByText(m.secondFactor.required)).toBeVisible();
  await expect(clerkPage.getByRole('alert')).toHaveCount(0);
  await clerkPage.context().close();
  await checkScreen(page, 'tenant-settings');

  // What was saved is what the screen reads afterwards.
  await page.reload();
  await expect(prefix).toHaveValue(own);
  await expect(memberFee).toHaveValue('25,50');
  await expect(certificates.getByLabel(exactly(s.certificates.copyNonMemberFeeCents))).toHaveValue('7,25');
  await expect(days).toHaveValue('14');
  await expect(privacy.getByRole('radio', { name: s.privacy.THIRTY_DAYS })).toBeChecked();
  await expect(staff.getByText(f.on)).toBeVisible();
});
