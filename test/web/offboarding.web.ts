import { readFileSync } from 'node:fs';
import type { Browser, Download, Page } from '@playwright/test';
import { Client } from 'pg';
import { ageStepUp, tenantOfOwn } from './support/api';
import { checkScreen, chooseLanguage, expect, journey, logIn, test, totpCode, useLanguage, type Language } from './support/fixtures';
import { exactly, fill, loginTexts, MESSAGES } from './support/messages';
import type { WebTestState } from './support/server';

const OPERATOR = 'operator@chancery.test';

async function openFromNav(page: Page, language: Language, label: string): Promise<void> {
  await page.getByRole('navigation', { name: MESSAGES[language].app.portalNavigation }).getByRole('link', { name: exactly(label) }).click();
}

/** Another person at another computer: a browser context of their own, in their language. */
async function personAt(browser: Browser, state: WebTestState, language: Language): Promise<Page> {
  const context = await browser.newContext({ baseURL: state.baseURL, acceptDownloads: true });
  const page = await context.newPage();
  await useLanguage(page, language);
  return page;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The words of a message before its first placeholder, as the start of a text. */
function prefix(template: string): RegExp {
  return new RegExp(`^\\s*${escape(template.split('{{')[0]!.trim())}`);
}

/** The owner's connection (bypassing row-level security), as `ageStepUp` uses it. */
async function asOwner(state: WebTestState, sql: string, values: unknown[]): Promise<number> {
  const owner = new Client({ connectionString: state.ownerUrl });
  await owner.connect();
  try {
    return (await owner.query(sql, values)).rowCount ?? 0;
  } finally {
    await owner.end();
  }
}

/** The text of a file the browser saved; the test fails on an empty one. */
async function savedText(download: Download): Promise<string> {
  const path = await download.path();
  const text = readFileSync(path, 'utf8');
  expect(text.length).toBeGreaterThan(0);
  return text;
}

test('the operator files a tenant’s departure; its administrator confirms it and takes the archive; after the waiting period the operator destroys the data (slug typed) and reads the signed certificate (fr operator, nl administrator)', async ({
  page,
  browser,
  state,
  pageProblems: _,
}) => {
  // Two people, their logins (argon2), step-ups whose codes wait for their 30-second time step.
  test.setTimeout(480_000);
  journey('offboarding', 'fr');
  const operatorLanguage: Language = 'fr';
  const adminLanguage: Language = 'nl';
  const mo = MESSAGES[operatorLanguage];
  const o = mo.offboarding;
  const ma = MESSAGES[adminLanguage];
  const a = ma.offboarding;

  // A tenant of the test's own: destroying a demo tenant would take every other test's data with it.
  await useLanguage(page, operatorLanguage);
  const { tenant, admin } = await tenantOfOwn(page, state);

  // The tenant's administrator, before anything is filed: the page says there is nothing.
  const adminPage = await personAt(browser, state, adminLanguage);
  await logIn(adminPage, { tenant: tenant.slug, email: admin.email, password: admin.password, totpSecret: admin.totpSecret }, loginTexts(ma));
  await openFromNav(adminPage, adminLanguage, a.tenant.title);
  await expect(adminPage.getByRole('heading', { level: 1, name: a.tenant.title })).toBeVisible();
  await expect(adminPage.getByRole('heading', { level: 2, name: a.tenant.noneTitle })).toBeVisible();
  await expect(adminPage.getByText(a.tenant.none)).toBeVisible();
  await checkScreen(adminPage, 'offboarding-tenant-none-nl');

  // The operator: the form, the (empty or other tenants') list, the certificates.
  await logIn(page, { tenant: null, email: OPERATOR, password: state.demoPassword, totpSecret: state.totpSecrets[OPERATOR] }, loginTexts(mo));
  await chooseLanguage(page, operatorLanguage);
  await openFromNav(page, operatorLanguage, o.operator.title);
  await expect(page.getByRole('heading', { level: 1, name: o.operator.title })).toBeVisible();
  await checkScreen(page, 'offboarding-operator-fr');

  // Nothing chosen: named beside the select, nothing sent.
  await page.getByRole('button', { name: exactly(o.operator.submit) }).click();
  await expect(page.getByLabel(exactly(o.operator.tenant))).toHaveAttribute('aria-invalid', 'true');
  await checkScreen(page, 'offboarding-operator-refused-fr');

  // Filed, after a dialog that says what follows.
  await page.getByLabel(exactly(o.operator.tenant)).selectOption({ label: tenant.name });
  await page.getByRole('button', { name: exactly(o.operator.submit) }).click();
  const fileDialog = page.getByRole('dialog', { name: fill(o.operator.fileTitle, { tenant: tenant.name }) });
  await expect(fileDialog.getByText(fill(o.operator.fileBody, { days: 30 }))).toBeVisible();
  await checkScreen(page, 'offboarding-operator-file-fr');
  await fileDialog.getByRole('button', { name: exactly(o.operator.fileConfirm) }).click();
  await expect(page.getByRole('status').filter({ hasText: fill(o.operator.filed, { tenant: tenant.name }) })).toBeVisible();
  await expect(fileDialog).toBeHidden();
  const operatorRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: tenant.name }) });
  await expect(operatorRow.getByText(exactly(o.operator.stage.awaitingConfirmation))).toBeVisible();
  await expect(operatorRow.getByRole('button', { name: new RegExp(`^${escape(o.operator.destroy)}`) })).toHaveCount(0);
  // A tenant already leaving is not offered again.
  await expect(page.getByLabel(exactly(o.operator.tenant)).locator('option', { hasText: tenant.name })).toHaveCount(0);
  await checkScreen(page, 'offboarding-operator-filed-fr');

  // The administrator sees the filed departure, what confirming means, and the warning.
  await adminPage.reload();
  await expect(adminPage.getByText(prefix(a.tenant.filedTitle))).toBeVisible();
  await expect(adminPage.getByText(exactly(a.status.REQUESTED))).toBeVisible();
  await expect(adminPage.getByRole('heading', { level: 2, name: a.tenant.meaningTitle })).toBeVisible();
  await expect(adminPage.getByText(fill(a.tenant.step1, { days: 30 }))).toBeVisible();
  await expect(adminPage.getByText(a.tenant.notYou).first()).toBeVisible();
  await checkScreen(adminPage, 'offboarding-tenant-filed-nl');

  // Confirmed, after a dialog restating the consequence (the login's step-up still holds).
  await adminPage.getByRole('button', { name: exactly(a.tenant.confirm) }).click();
  const confirmDialog = adminPage.getByRole('dialog', { name: a.tenant.confirmTitle });
  await expect(confirmDialog.getByText(prefix(a.tenant.confirmBody.replace('{{days}}', '30')))).toBeVisible();
  await expect(confirmDialog.getByText(a.tenant.confirmIrreversible)).toBeVisible();
  await checkScreen(adminPage, 'offboarding-tenant-confirm-nl');
  await confirmDialog.getByRole('button', { name: exactly(a.tenant.confirmConfirm) }).click();
  await expect(adminPage.getByRole('status').filter({ hasText: prefix(a.tenant.confirmedNotice) })).toBeVisible();
  await expect(confirmDialog).toBeHidden();
  await expect(adminPage.getByText(prefix(a.tenant.confirmedTitle))).toBeVisible();
  await expect(adminPage.getByText(a.tenant.confirmedNotTaken)).toBeVisible();
  await expect(adminPage.getByRole('button', { name: exactly(a.tenant.confirm) })).toHaveCount(0);
  await checkScreen(adminPage, 'offboarding-tenant-confirmed-nl');

  // Before the archive is taken, the operator sees no Destroy button.
  await page.reload();
  await expect(operatorRow.getByText(exactly(o.operator.stage.awaitingArchive))).toBeVisible();
  await expect(operatorRow.getByRole('button', { name: new RegExp(`^${escape(o.operator.destroy)}`) })).toHaveCount(0);

  // The archive: a high-value act, so after the login's five minutes the portal asks for the code
  // again (aged here), then the file is saved.
  await ageStepUp(state, admin.email, tenant.slug);
  const archiveSaved = adminPage.waitForEvent('download');
  await adminPage.getByRole('button', { name: exactly(a.tenant.download) }).click();
  const stepUp = adminPage.getByRole('dialog', { name: ma.stepUp.title });
  await expect(stepUp).toBeVisible();
  await stepUp.getByLabel(exactly(ma.secondFactor.code)).fill(await totpCode(admin.totpSecret));
  await stepUp.getByRole('button', { name: exactly(ma.stepUp.submit) }).click();
  const archive = await archiveSaved;
  expect(archive.suggestedFilename()).toMatch(/^chancery-archive-\d{4}-\d{2}-\d{2}-[0-9a-f]{12}\.json$/);
  const archived = JSON.parse(await savedText(archive)) as { format: string; records: number; tables: Record<string, unknown> };
  expect(archived.format).toBe('chancery.tenant-archive/1');
  expect(archived.records).toBeGreaterThan(0);
  await expect(adminPage.getByRole('status').filter({ hasText: prefix(a.tenant.downloaded_other) })).toBeVisible();
  await expect(adminPage.getByText(a.tenant.confirmedTaken)).toBeVisible();
  await checkScreen(adminPage, 'offboarding-tenant-archive-taken-nl');

  // The waiting period runs: still no Destroy button.
  await page.reload();
  await expect(operatorRow.getByText(exactly(o.operator.stage.waiting))).toBeVisible();
  await expect(operatorRow.getByRole('button', { name: new RegExp(`^${escape(o.operator.destroy)}`) })).toHaveCount(0);

  // Thirty days cannot pass in a test, and the API's clock cannot be moved from outside. The end of the
  // waiting period is a column the database itself checks when it destroys (`app_destroy_tenant`):
  // moved back here, as the database owner, to the confirmation, which its CHECK allows as the earliest.
  const moved = await asOwner(
    state,
    `UPDATE tenant_offboarding o SET destroy_not_before = o.confirmed_at FROM tenant t WHERE t.id = o.tenant_id AND t.slug = $1 AND o.status = 'CONFIRMED'`,
    [tenant.slug],
  );
  expect(moved).toBe(1);
  await page.reload();
  await expect(operatorRow.getByText(exactly(o.operator.stage.due))).toBeVisible();

  // Destroy: the tenant's slug typed, a wrong one refused beside its input.
  await operatorRow.getByRole('button', { name: new RegExp(`^${escape(o.operator.destroy)}\\s+${escape(fill(o.operator.destroyOf, { tenant: tenant.name }))}$`) }).click();
  const destroyDialog = page.getByRole('dialog', { name: fill(o.operator.destroyTitle, { tenant: tenant.name }) });
  await expect(destroyDialog.getByText(o.operator.destroyBody)).toBeVisible();
  const slugInput = destroyDialog.getByLabel(exactly(fill(o.operator.slugLabel, { slug: tenant.slug })));
  await slugInput.fill(tenant.name);
  await destroyDialog.getByRole('button', { name: exactly(o.operator.destroyConfirm) }).click();
  await expect(slugInput).toHaveAttribute('aria-invalid', 'true');
  await expect(destroyDialog.getByText(fill(o.operator.slugMismatch, { slug: tenant.slug })).first()).toBeVisible();
  await checkScreen(page, 'offboarding-operator-destroy-fr');
  await slugInput.fill(tenant.slug);
  // The operator's step-up is aged too (it has no tenant): the portal asks for its code before destroying.
  await asOwner(
    state,
    `UPDATE auth_session s SET stepped_up_at = now() - interval '10 minutes' FROM user_account u WHERE s.user_id = u.id AND u.email = $1 AND u.tenant_id IS NULL AND s.stepped_up_at IS NOT NULL`,
    [OPERATOR],
  );
  await destroyDialog.getByRole('button', { name: exactly(o.operator.destroyConfirm) }).click();
  const operatorStepUp = page.getByRole('dialog', { name: mo.stepUp.title });
  await expect(operatorStepUp).toBeVisible();
  await operatorStepUp.getByLabel(exactly(mo.secondFactor.code)).fill(await totpCode(state.totpSecrets[OPERATOR]!));
  await operatorStepUp.getByRole('button', { name: exactly(mo.stepUp.submit) }).click();
  const destroyedNotice = new RegExp(`^\\s*${escape(o.operator.destroyed_other.replace('{{tenant}}', tenant.name)).replace('\\{\\{count\\}\\}', '\\d+')}\\s*$`);
  await expect(page.getByRole('status').filter({ hasText: destroyedNotice })).toBeVisible();
  await expect(destroyDialog).toBeHidden();
  await expect(operatorRow).toHaveCount(0);

  // The certificate: readable, intact, downloadable as JSON with its signature.
  const certificate = page.getByRole('article', { name: fill(o.operator.certificateOf, { tenant: `${tenant.name} (${tenant.slug})` }) });
  await expect(certificate).toBeVisible();
  await expect(certificate.getByText(o.operator.intact)).toBeVisible();
  await expect(certificate.getByText(exactly(o.operator.rowsDeleted))).toBeVisible();
  await certificate.getByText(prefix(o.operator.perTable_other)).click();
  await expect(certificate.getByRole('rowheader', { name: 'tenant_offboarding' })).toBeVisible();
  await checkScreen(page, 'offboarding-operator-destroyed-fr');
  const certificateSaved = page.waitForEvent('download');
  await certificate.getByRole('button', { name: new RegExp(`^${escape(o.operator.download)}`) }).click();
  const saved = JSON.parse(await savedText(await certificateSaved)) as { signature: string; signedContent: string };
  expect(saved.signature).toBeTruthy();
  expect(JSON.parse(saved.signedContent)).toMatchObject({ tenantSlug: tenant.slug, tenantName: tenant.name });

  // Afterwards the tenant is gone from the public directory.
  const directory = await page.request.post('/graphql', { headers: { 'content-type': 'application/json' }, data: { query: '{ tenants { slug } }' } });
  const { data } = (await directory.json()) as { data: { tenants: Array<{ slug: string }> } };
  expect(data.tenants.map((t) => t.slug)).not.toContain(tenant.slug);
  expect(data.tenants.length).toBeGreaterThan(0);
  await adminPage.context().close();
});

test('a departure withdrawn: the administrator declines a filed one (the operator, on a stale screen, is told inside its dialog); filed again, the operator withdraws it (en operator, nl administrator; the administrator reads the portal in its tenant’s language)', async ({
  page,
  browser,
  state,
  pageProblems: _,
}) => {
  test.setTimeout(300_000);
  journey('offboarding-withdrawal', 'en');
  const operatorLanguage: Language = 'en';
  const adminLanguage: Language = 'nl';
  const mo = MESSAGES[operatorLanguage];
  const o = mo.offboarding;
  const ma = MESSAGES[adminLanguage];
  const a = ma.offboarding;

  await useLanguage(page, operatorLanguage);
  const { tenant, admin } = await tenantOfOwn(page, state);
  await logIn(page, { tenant: null, email: OPERATOR, password: state.demoPassword, totpSecret: state.totpSecrets[OPERATOR] }, loginTexts(mo));
  await chooseLanguage(page, operatorLanguage);
  await openFromNav(page, operatorLanguage, o.operator.title);
  await page.getByLabel(exactly(o.operator.tenant)).selectOption({ label: tenant.name });
  await page.getByRole('button', { name: exactly(o.operator.submit) }).click();
  await page.getByRole('dialog', { name: fill(o.operator.fileTitle, { tenant: tenant.name }) }).getByRole('button', { name: exactly(o.operator.fileConfirm) }).click();
  await expect(page.getByRole('status').filter({ hasText: fill(o.operator.filed, { tenant: tenant.name }) })).toBeVisible();
  const openRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: tenant.name }) }).filter({ hasText: o.operator.stage.awaitingConfirmation });
  const withdrawButton = openRow.getByRole('button', { name: new RegExp(`^${escape(o.withdrawal.operator.withdraw)}\\s+${escape(fill(o.withdrawal.operator.withdrawOf, { tenant: tenant.name }))}$`) });
  await expect(withdrawButton).toBeVisible();

  // The administrator declines it, giving a reason (none given: said beside the field, nothing sent).
  const adminPage = await personAt(browser, state, adminLanguage);
  await logIn(adminPage, { tenant: tenant.slug, email: admin.email, password: admin.password, totpSecret: admin.totpSecret }, loginTexts(ma));
  await openFromNav(adminPage, adminLanguage, a.tenant.title);
  await expect(adminPage.getByRole('heading', { level: 2, name: a.withdrawal.tenant.sectionTitle })).toBeVisible();
  await expect(adminPage.getByText(a.withdrawal.tenant.declineLead)).toBeVisible();
  await adminPage.getByRole('button', { name: exactly(a.withdrawal.tenant.action) }).click();
  const declineDialog = adminPage.getByRole('dialog', { name: a.withdrawal.tenant.declineTitle });
  await expect(declineDialog.getByText(a.withdrawal.tenant.body)).toBeVisible();
  await declineDialog.getByRole('button', { name: exactly(a.withdrawal.tenant.declineConfirm) }).click();
  const adminReason = declineDialog.getByLabel(exactly(a.withdrawal.reason));
  await expect(adminReason).toHaveAttribute('aria-invalid', 'true');
  await expect(declineDialog.getByText(a.withdrawal.reasonRequired).first()).toBeVisible();
  await checkScreen(adminPage, 'offboarding-tenant-decline-nl');
  await adminReason.fill('We blijven: het contract werd verlengd.');
  await declineDialog.getByRole('button', { name: exactly(a.withdrawal.tenant.declineConfirm) }).click();
  await expect(adminPage.getByRole('status').filter({ hasText: a.withdrawal.tenant.declinedNotice })).toBeVisible();
  await expect(declineDialog).toBeHidden();
  await expect(adminPage.getByRole('heading', { level: 2, name: a.tenant.noneTitle })).toBeVisible();
  await expect(adminPage.getByText(prefix(a.withdrawal.byTenant))).toBeVisible();
  await checkScreen(adminPage, 'offboarding-tenant-declined-nl');

  // The operator's screen still shows it open: its Withdraw is refused inside the dialog, in its words.
  await withdrawButton.click();
  const staleDialog = page.getByRole('dialog', { name: fill(o.withdrawal.operator.title, { tenant: tenant.name }) });
  await staleDialog.getByLabel(exactly(o.withdrawal.reason)).fill('Filed for the wrong tenant');
  await staleDialog.getByRole('button', { name: exactly(o.withdrawal.operator.confirm) }).click();
  await expect(staleDialog.getByText(o.withdrawal.reasons.OFFBOARDING_WITHDRAWN).first()).toBeVisible();
  await checkScreen(page, 'offboarding-operator-withdraw-refused-en');
  await staleDialog.getByRole('button', { name: exactly(mo.common.cancel) }).click();
  await page.reload();
  const withdrawnRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: tenant.name }) }).filter({ hasText: o.withdrawal.stage });
  await expect(withdrawnRow.getByText('We blijven: het contract werd verlengd.', { exact: false })).toBeVisible();
  await expect(withdrawnRow.getByRole('button')).toHaveCount(0);

  // The tenant may be filed again; this time the operator withdraws it.
  await page.getByLabel(exactly(o.operator.tenant)).selectOption({ label: tenant.name });
  await page.getByRole('button', { name: exactly(o.operator.submit) }).click();
  await page.getByRole('dialog', { name: fill(o.operator.fileTitle, { tenant: tenant.name }) }).getByRole('button', { name: exactly(o.operator.fileConfirm) }).click();
  await expect(page.getByRole('status').filter({ hasText: fill(o.operator.filed, { tenant: tenant.name }) })).toBeVisible();
  await withdrawButton.click();
  const withdrawDialog = page.getByRole('dialog', { name: fill(o.withdrawal.operator.title, { tenant: tenant.name }) });
  await expect(withdrawDialog.getByText(o.withdrawal.operator.body)).toBeVisible();
  await withdrawDialog.getByLabel(exactly(o.withdrawal.reason)).fill('Contract renewed during the wait');
  await checkScreen(page, 'offboarding-operator-withdraw-en');
  await withdrawDialog.getByRole('button', { name: exactly(o.withdrawal.operator.confirm) }).click();
  await expect(page.getByRole('status').filter({ hasText: fill(o.withdrawal.operator.withdrawn, { tenant: tenant.name }) })).toBeVisible();
  await expect(withdrawDialog).toBeHidden();
  await expect(openRow).toHaveCount(0);
  await expect(page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: tenant.name }) }).filter({ hasText: o.withdrawal.stage })).toHaveCount(2);
  // Both kept in the database as evidence: withdrawn, by whom, why; the tenant untouched.
  expect(await asOwner(state, `SELECT 1 FROM tenant_offboarding o JOIN tenant t ON t.id = o.tenant_id WHERE t.slug = $1 AND o.status = 'WITHDRAWN' AND o.withdrawal_reason IS NOT NULL`, [tenant.slug])).toBe(2);

  await adminPage.reload();
  await expect(adminPage.getByText(prefix(a.withdrawal.byOperator))).toBeVisible();
  await expect(adminPage.getByText('Contract renewed during the wait', { exact: false })).toBeVisible();
  await adminPage.context().close();
});
