import type { Page } from '@playwright/test';
import { Client } from 'pg';
import { checkScreen, chooseLanguage, expect, journey, logIn, mailTo, registerActivity, registerItem, registerOnScreen, test, totpCode, uniqueSuffix, useLanguage } from './support/fixtures';
import { createApplicationThroughApi, graphqlCaller, tenantOfOwn } from './support/api';
import { exactly, fill, loginTexts, MESSAGES } from './support/messages';
import type { WebTestState } from './support/server';

const VOKA = 'voka-antwerpen-waasland';
/** A local address nothing listens on: every attempt is refused (local targets are allowed outside production). */
const UNREACHABLE_TARGET = 'http://127.0.0.1:9/erp';

async function openFromNav(page: Page, portalNavigation: string, label: string): Promise<void> {
  await page.getByRole('navigation', { name: portalNavigation }).getByRole('link', { name: label }).click();
}

/** The company's API, as its ERP would call it: logs in and moves a new application to the tenant's queue (an event for the ERP's webhook). */
async function submitApplicationThroughApi(page: Page, password: string): Promise<void> {
  const { applicationId, accessToken } = await createApplicationThroughApi(page, { tenant: VOKA, email: 'admin@company1.voka.test', password }, {
    consignee: { name: 'Rotterdam Pump Traders BV', address: 'Havenweg 4, Rotterdam', country: 'NL' },
    countryOfOrigin: 'BE',
    declarationAccepted: true,
    language: 'EN',
    transportDetails: 'By road',
    invoiceReferences: [`WH-${uniqueSuffix()}`],
    goods: [{ description: 'Centrifugal pumps', hsCode: '841370', quantity: 2, unit: 'pcs', grossWeightKg: 110, netWeightKg: 100, packages: 1, marksAndNumbers: 'WH/1' }],
  });
  await graphqlCaller(page)('mutation S($id: ID!) { submitCertificateApplication(applicationId: $id) { id } }', { id: applicationId }, accessToken);
}

/** The tenant's oldest certificate application (the demo data has some), as its privacy officer would find it in the portal. */
async function firstApplicationOf(state: WebTestState, tenantSlug: string): Promise<string> {
  const owner = new Client({ connectionString: state.ownerUrl });
  await owner.connect();
  try {
    const { rows } = await owner.query<{ id: string }>(
      `SELECT a.id::text FROM certificate_application a JOIN tenant t ON t.id = a.tenant_id WHERE t.slug = $1 ORDER BY a.created_at, a.id LIMIT 1`, [tenantSlug]);
    return rows[0]!.id;
  } finally {
    await owner.end();
  }
}

/**
 * The worker gives a delivery up after ten tries spread over a day and a half: brought forward here,
 * as the database owner, with what the worker's last try writes (the attempts and the moment it gave up).
 * A delivery the worker holds at that moment (a try in flight) is left until the try ends, or the try's
 * own result ("due again later") would overwrite the give-up: the worker never holds a dead letter.
 */
async function giveUpDeliveriesTo(state: WebTestState, url: string): Promise<number> {
  const owner = new Client({ connectionString: state.ownerUrl });
  await owner.connect();
  try {
    const deadline = Date.now() + 10_000;
    for (;;) {
      await owner.query(
        `UPDATE webhook_delivery d SET attempts = 10, dead_lettered_at = now(), last_error = coalesce(d.last_error, 'ECONNREFUSED')
           FROM webhook_subscription s
          WHERE s.id = d.subscription_id AND s.url = $1 AND d.delivered_at IS NULL AND d.dead_lettered_at IS NULL AND d.claimed_until IS NULL`,
        [url],
      );
      const { rows } = await owner.query<{ given: number; held: number }>(
        `SELECT count(*) FILTER (WHERE d.dead_lettered_at IS NOT NULL)::int AS given, count(*) FILTER (WHERE d.dead_lettered_at IS NULL)::int AS held
           FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id
          WHERE s.url = $1 AND d.delivered_at IS NULL`,
        [url],
      );
      if (rows[0]!.held === 0) return rows[0]!.given;
      if (Date.now() > deadline) throw new Error(`the worker still holds ${rows[0]!.held} deliveries to ${url}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await owner.end();
  }
}

// In English only: the journeys issue #19 asks for in two languages run in two, the others in the language
// of docs/screens (the portal's texts are typed complete in all four; each further language cost CI most of a minute).
{
  const language = 'en' as const;
  test(`an organisation admin registers a webhook target, sees its secret once and its deliveries, renews the secret and deletes it (${language})`, async ({ page, context, state, pageProblems: _ }) => {
    journey('webhooks', language);
    const m = MESSAGES[language];
    const w = m.webhooks;
    const screen = (name: string) => (language === 'en' ? name : `${name}-${language}`);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: state.baseURL });
    await useLanguage(page, language);
    await logIn(page, { tenant: VOKA, email: 'admin@company1.voka.test', password: state.demoPassword }, loginTexts(m));
    await chooseLanguage(page, language);
    await openFromNav(page, m.app.portalNavigation, m.nav.webhooks);
    await expect(page.getByRole('heading', { level: 1, name: w.title })).toBeVisible();

    // A company's ERP in a chamber hears of its applications and certificates only: neither the datasheet feed nor project certificates (a certification body's).
    const events = page.getByRole('group', { name: w.events });
    await expect(events.getByRole('checkbox')).toHaveCount(4);
    // Nor the chamber's log checkpoints: those are the tenant's own, for its own targets.
    await expect(events.getByRole('checkbox', { name: 'audit.checkpoint' })).toHaveCount(0);
    await expect(events.getByRole('checkbox', { name: 'datasheet.published' })).toHaveCount(0);
    await expect(events.getByRole('checkbox', { name: 'project_certificate.distributed' })).toHaveCount(0);

    // Nothing filled in: both inputs are named beside themselves.
    await page.getByRole('button', { name: w.register }).click();
    await expect(page.getByLabel(exactly(w.url))).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('fieldset.field--invalid legend', { hasText: w.events })).toBeVisible();

    // The API refuses an address it does not accept (credentials in it), and names the field.
    await page.getByLabel(exactly(w.url)).fill('https://user:secret@erp.example.test/hook');
    await events.getByRole('checkbox', { name: 'certificate_application.state_changed' }).check();
    await page.getByRole('button', { name: w.register }).click();
    await expect(page.getByLabel(exactly(w.url))).toHaveAttribute('aria-invalid', 'true');
    await checkScreen(page, screen('webhooks-refused'));

    const url = `${UNREACHABLE_TARGET}/${language}-${uniqueSuffix()}`;
    await page.getByLabel(exactly(w.url)).fill(url);
    await events.getByRole('checkbox', { name: 'certificate.issued' }).check();
    await page.getByRole('button', { name: w.register }).click();

    // The signing secret, once, with a warning and a copy button.
    const panel = page.getByRole('region', { name: fill(w.createdTitle, { url }) });
    await expect(panel).toBeVisible();
    await expect(panel.getByText(w.onceWarning)).toBeVisible();
    const secret = await panel.getByLabel(w.secret, { exact: true }).inputValue();
    expect(secret).toMatch(/^whsec_/);
    await expect(panel.getByLabel(w.secret, { exact: true })).toBeFocused();
    await panel.getByRole('button', { name: w.copy }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await checkScreen(page, screen('webhook-created'));
    await panel.getByRole('button', { name: w.stored }).click();
    await expect(page.getByLabel(w.secret, { exact: true })).toHaveCount(0);

    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: url }) });
    await expect(row.getByText('certificate_application.state_changed')).toBeVisible();
    await expect(row.getByText('certificate.issued')).toBeVisible();

    // The ERP's own application moves to the queue: the target is told, and the refused attempt shows.
    await submitApplicationThroughApi(page, state.demoPassword);
    await row.getByRole('button', { name: new RegExp(`^${w.showDeliveries}`) }).click();
    const deliveries = page.getByRole('region', { name: fill(w.deliveriesTitle, { url }) });
    await expect(deliveries.getByRole('rowheader', { name: 'certificate_application.state_changed' })).toBeVisible();
    await checkScreen(page, screen('webhook-deliveries'));
    // Not given up yet (the next try is ahead): only a dead letter may be sent again, and the filter leaves none.
    await expect(deliveries.getByRole('row').filter({ hasText: w.pendingUntil.split('{{date}}')[0]!.trim() })).not.toHaveCount(0);
    await expect(deliveries.getByRole('button', { name: new RegExp(`^${w.redeliver}`) })).toHaveCount(0);
    await deliveries.getByLabel(w.deadLettersOnly).check();
    await expect(deliveries.getByText(w.noDeliveries)).toBeVisible();

    // The worker gave up: the dead letter is listed with the moment, and sent again from here.
    const given = await giveUpDeliveriesTo(state, url);
    expect(given).toBeGreaterThan(0);
    await deliveries.getByLabel(w.deadLettersOnly).uncheck();
    await deliveries.getByLabel(w.deadLettersOnly).check();
    const deadLetters = deliveries.getByRole('row').filter({ hasText: w.deadLetteredOn.split('{{date}}')[0]!.trim() });
    await expect(deadLetters).toHaveCount(given);
    await expect(deadLetters.first().getByRole('rowheader', { name: 'certificate_application.state_changed' })).toBeVisible();
    await checkScreen(page, screen('webhook-dead-letter'));
    await deadLetters.first().getByRole('button', { name: new RegExp(`^${w.redeliver}`) }).click();
    await expect(deliveries.getByText(w.redelivered)).toBeVisible();
    // Due again with a fresh count: no longer among the dead letters.
    await expect(deadLetters).toHaveCount(given - 1);

    // A new secret replaces the old one, shown once.
    await row.getByRole('button', { name: new RegExp(`^${w.rotate}`) }).click();
    const rotateDialog = page.getByRole('dialog', { name: fill(w.rotateTitle, { url }) });
    await expect(rotateDialog).toBeVisible();
    await checkScreen(page, screen('webhook-rotate-dialog'));
    await rotateDialog.getByRole('button', { name: w.rotate }).click();
    const rotated = page.getByRole('region', { name: fill(w.rotatedTitle, { url }) });
    await expect(rotated).toBeVisible();
    const newSecret = await rotated.getByLabel(w.secret, { exact: true }).inputValue();
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(secret);
    await rotated.getByRole('button', { name: w.stored }).click();

    await row.getByRole('button', { name: new RegExp(`^${w.delete}`) }).click();
    const deleteDialog = page.getByRole('dialog', { name: fill(w.deleteTitle, { url }) });
    await deleteDialog.getByRole('button', { name: exactly(w.delete) }).click();
    await expect(page.getByText(fill(w.deleted, { url }))).toBeVisible();
    await expect(page.getByRole('rowheader', { name: url })).toHaveCount(0);
  });
}

test('the menus follow the kind of space: a chamber’s administrator has no datasheet feed (its targets hear its log checkpoints), a certification body’s is offered its events (nl)', async ({ page, state, pageProblems: _ }) => {
  journey('webhooks (tenant)', 'nl');
  const m = MESSAGES.nl;
  const nav = page.getByRole('navigation', { name: m.app.portalNavigation });
  await useLanguage(page, 'nl');
  // A chamber publishes no datasheets: its administrator reviews applications, and has no feed key or datasheet screens;
  // its own targets hear only the signed checkpoints of its logs.
  await logIn(page, { tenant: VOKA, email: 'tenant-admin@voka.test', password: state.demoPassword, totpSecret: state.totpSecrets['tenant-admin@voka.test'] }, loginTexts(m));
  await chooseLanguage(page, 'nl');
  await expect(nav.getByRole('link', { name: exactly(m.nav.reviewQueue) })).toBeVisible();
  for (const absent of [m.nav.apiKeys, m.nav.certifiedProducts, m.nav.datasheetReview, m.nav.projects]) {
    await expect(nav.getByRole('link', { name: exactly(absent) })).toHaveCount(0);
  }
  await openFromNav(page, m.app.portalNavigation, m.nav.webhooks);
  const chamberEvents = page.getByRole('group', { name: m.webhooks.events });
  await expect(chamberEvents.getByRole('checkbox')).toHaveCount(1);
  await expect(chamberEvents.getByRole('checkbox', { name: 'audit.checkpoint' })).toBeVisible();
  await page.getByRole('button', { name: m.nav.logout }).click();

  // A certification body's administrator: the datasheet screens, and the four datasheet events for its own targets.
  await logIn(page, { tenant: 'be-cert', email: 'tenant-admin@be-cert.test', password: state.demoPassword, totpSecret: state.totpSecrets['tenant-admin@be-cert.test'] }, loginTexts(m));
  await expect(nav.getByRole('link', { name: exactly(m.nav.reviewQueue) })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: exactly(m.nav.datasheetReview) })).toBeVisible();
  await expect(nav.getByRole('link', { name: exactly(m.nav.apiKeys) })).toBeVisible();
  await openFromNav(page, m.app.portalNavigation, m.nav.webhooks);
  await expect(page.getByRole('heading', { level: 1, name: m.webhooks.title })).toBeVisible();
  await expect(page.getByText(m.webhooks.leadTenant)).toBeVisible();
  const events = page.getByRole('group', { name: m.webhooks.events });
  await expect(events.getByRole('checkbox')).toHaveCount(5);
  await expect(events.getByRole('checkbox', { name: 'audit.checkpoint' })).toBeVisible();
  await expect(events.getByRole('checkbox', { name: 'datasheet.published' })).toBeVisible();
  await expect(events.getByRole('checkbox', { name: 'certificate.issued' })).toHaveCount(0);
  await checkScreen(page, 'webhooks-tenant-nl');
});

/** `YYYY-MM-DD`, `days` after today in the browser's (and this process's) local time. */
function dayAfter(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

// In English only: the journeys issue #19 asks for in two languages run in two, the others in the language
// of docs/screens (the portal's texts are typed complete in all four; each further language cost CI most of a minute).
{
  const language = 'en' as const;
  test(`the privacy officer announces a new sub-processor, a customer company objects within the window, and the officer sees the objection (${language})`, async ({ page, context, state, pageProblems: _ }) => {
    journey('sub-processors', language);
    const m = MESSAGES[language];
    const s = m.subProcessors;
    const screen = (name: string) => (language === 'en' ? name : `${name}-${language}`);
    const description = `Mail delivery moves to Postbode ${language} ${uniqueSuffix()}`;
    await useLanguage(page, language);
    await logIn(page, { tenant: VOKA, email: 'privacy-officer@voka.test', password: state.demoPassword }, loginTexts(m));
    await chooseLanguage(page, language);
    await openFromNav(page, m.app.portalNavigation, m.nav.subProcessors);
    await expect(page.getByRole('heading', { level: 1, name: s.title })).toBeVisible();
    await expect(page.getByRole('link', { name: s.publicPage })).toHaveAttribute('href', `/privacy/${VOKA}`);
    await checkScreen(page, screen('sub-processors'));

    // An addition without its name, and taking effect inside the window: each input is named.
    const form = page.getByRole('region', { name: s.announceTitle });
    await form.getByRole('radio', { name: s.kinds.ADDITION }).check();
    await form.getByLabel(exactly(s.description)).fill(description);
    await form.getByRole('button', { name: s.announce }).click();
    await expect(form.getByLabel(exactly(m.privacyDesk.notice.name))).toHaveAttribute('aria-invalid', 'true');
    await form.getByLabel(exactly(m.privacyDesk.notice.name)).fill(`Postbode ${uniqueSuffix()} BV`);
    await form.getByLabel(exactly(m.privacyDesk.notice.service)).fill('E-mail delivery');
    await form.getByLabel(exactly(m.privacyDesk.notice.location)).selectOption('NL');
    await form.getByRole('checkbox', { name: m.dataCategories.contact, exact: true }).check();
    await form.getByLabel(exactly(s.effectiveOn)).fill(dayAfter(10));
    await form.getByRole('button', { name: s.announce }).click();
    // The API refuses it (the customers would have less than the whole window) and names the date.
    await expect(form.getByText(s.reasons.OBJECTION_WINDOW_TOO_SHORT)).toBeVisible();
    await expect(form.getByLabel(exactly(s.effectiveOn))).toHaveAttribute('aria-invalid', 'true');
    await checkScreen(page, screen('sub-processor-refused'));
    await form.getByLabel(exactly(s.effectiveOn)).fill(dayAfter(45));
    await form.getByRole('button', { name: s.announce }).click();
    await expect(page.getByText(new RegExp(s.announced_other.split('{{count}}')[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))).toBeVisible();
    const changes = page.getByRole('region', { name: s.changesTitle });
    const announced = changes.getByRole('row').filter({ has: page.getByRole('rowheader', { name: description }) });
    await expect(announced.getByText(s.windowOpen)).toBeVisible();

    // A customer company (its administrator) sees the change and objects while the window is open.
    const company = await context.browser()!.newContext({ baseURL: state.baseURL });
    const customer = await company.newPage();
    await useLanguage(customer, language);
    await logIn(customer, { tenant: VOKA, email: 'admin@company1.voka.test', password: state.demoPassword }, loginTexts(m));
    await chooseLanguage(customer, language);
    await openFromNav(customer, m.app.portalNavigation, m.nav.subProcessorChanges);
    await expect(customer.getByRole('heading', { level: 1, name: s.customerTitle })).toBeVisible();
    const row = customer.getByRole('row').filter({ has: customer.getByRole('rowheader', { name: description }) });
    await row.getByRole('button', { name: new RegExp(`^${s.object}`) }).click();
    const objectForm = customer.getByRole('region', { name: fill(s.objectTitle, { description }) });
    await expect(objectForm.getByRole('heading', { level: 2 })).toBeFocused();
    await objectForm.getByRole('button', { name: s.submitObjection }).click();
    await expect(objectForm.getByLabel(new RegExp(`^${s.reason}`))).toHaveAttribute('aria-invalid', 'true');
    await objectForm.getByLabel(new RegExp(`^${s.reason}`)).fill('Our customers require that mail stays with our current provider.');
    await checkScreen(customer, screen('sub-processor-objection'));
    await objectForm.getByRole('button', { name: s.submitObjection }).click();
    await expect(customer.getByText(new RegExp(fill(s.objected, { description, date: 'DATE' }).split('DATE')[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))).toBeVisible();
    // Once only: the change now shows the objection instead of the button, and the company's own list holds it with its reason.
    await expect(row.getByText(new RegExp(`^${s.objectedBadge.split('{{date}}')[0]!.trim()}`))).toBeVisible();
    await expect(row.getByRole('button', { name: new RegExp(`^${s.object}`) })).toHaveCount(0);
    const lodged = customer.getByRole('region', { name: s.lodgedTitle });
    await expect(lodged.getByRole('row').filter({ has: customer.getByRole('rowheader', { name: description }) }).getByText('Our customers require that mail stays with our current provider.')).toBeVisible();
    await checkScreen(customer, screen('sub-processor-objections-lodged'));
    await company.close();

    // The officer sees the objection beside the change.
    await page.reload();
    const objections = page.getByRole('region', { name: s.objectionsTitle });
    const objection = objections.getByRole('row').filter({ has: page.getByRole('rowheader', { name: description }) });
    await expect(objection.getByText('Our customers require that mail stays with our current provider.')).toBeVisible();
    await expect(objection.getByText('Scheldt Machinery NV')).toBeVisible();
  });
}

// In English only: the journeys issue #19 asks for in two languages run in two, the others in the language
// of docs/screens (the portal's texts are typed complete in all four; each further language cost CI most of a minute).
{
  const language = 'en' as const;
  test(`the privacy officer adds an entry of the tenant's own to the register and removes it (${language})`, async ({ page, state, pageProblems: _ }) => {
    journey('register entries', language);
    const m = MESSAGES[language];
    const r = m.registerEntries;
    const name = `Newsletter ${language} ${uniqueSuffix()}`;
    await useLanguage(page, language);
    await logIn(page, { tenant: VOKA, email: 'privacy-officer@voka.test', password: state.demoPassword }, loginTexts(m));
    await chooseLanguage(page, language);
    await openFromNav(page, m.app.portalNavigation, m.privacyDesk.register.title);
    await expect(page.getByRole('heading', { level: 1, name: m.privacyDesk.register.title })).toBeVisible();
    const form = page.getByRole('region', { name: r.addTitle });

    // Nothing filled in: the form names each required input.
    await form.getByRole('button', { name: r.add }).click();
    await expect(form.getByLabel(exactly(r.name))).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel(exactly(r.retention))).toHaveAttribute('aria-invalid', 'true');
    await checkScreen(page, language === 'en' ? 'register-entry-refused' : `register-entry-refused-${language}`);

    await form.getByLabel(exactly(r.name)).fill(name);
    await form.getByLabel(exactly(r.purpose)).fill('Telling member companies of events and new services.');
    await form.getByLabel(exactly(r.legalBasis)).selectOption('consent');
    await form.getByLabel(exactly(r.dataSubjects)).fill('Contacts of member companies\nVisitors of the website');
    await form.getByRole('checkbox', { name: m.dataCategories.identification, exact: true }).check();
    await form.getByRole('checkbox', { name: m.dataCategories.contact, exact: true }).check();
    await form.getByLabel(new RegExp(`^${r.recipients}`)).fill('Mailing provider');
    await form.getByLabel(exactly(r.retention)).fill('Until unsubscribed');
    await form.getByLabel(exactly(r.securityMeasures)).fill('Double opt-in; access limited to the communication team.');
    await form.getByRole('button', { name: r.add }).click();
    await expect(page.getByText(fill(r.added, { name }))).toBeVisible();

    // The entry is listed, and the register on screen carries it: a heading per activity, legal bases by
    // their names, no Markdown and no codes, and a sentence saying the descriptions are in English.
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
    await expect(row.getByText(r.legalBases.consent)).toBeVisible();
    const v = m.registerView;
    const register = registerOnScreen(page, m);
    await expect(register.getByText(v.englishNote, { exact: true })).toBeVisible();
    const own = registerActivity(register, `${name} ${v.ownEntry}`);
    await expect(own.getByRole('heading', { level: 4 })).toBeVisible();
    await expect(registerItem(own, v.legalBases_one)).toHaveText(r.legalBases.consent);
    await expect(registerItem(own, v.dataCategories)).toContainText(m.dataCategories.contact);
    // The other items open under the activity.
    await own.getByText(v.showItems).click();
    await expect(registerItem(own, v.retention)).toBeVisible();
    await expect(registerItem(own, v.retention)).toHaveText('Until unsubscribed');
    await expect(registerItem(own, v.purpose)).toHaveText('Telling member companies of events and new services.');
    const declared = registerActivity(register, 'Authenticate the user');
    await expect(registerItem(declared, v.legalBases_one)).toHaveText(r.legalBases.contract);
    await expect(registerItem(declared, v.dataCategories)).toHaveText(m.dataCategories.credentials);
    await expect(registerItem(declared, v.retention)).toContainText(`${m.retentionSchedule.rules.ACCOUNT_CREDENTIALS}: until the credential is changed`);
    expect(await register.getByRole('heading', { level: 4 }).count()).toBeGreaterThan(10);
    for (const raw of ['**', '# ', 'legitimateInterest', 'legalObligation', 'ACCOUNT_CREDENTIALS', 'ABANDONED_APPLICATION']) await expect(register).not.toContainText(raw);
    await checkScreen(page, language === 'en' ? 'register-entries' : `register-entries-${language}`);

    // In French on a 360-pixel phone: French labels and legal bases, the note in French, and nothing wider
    // than the screen (tables scroll inside their own region).
    const f = MESSAGES.fr;
    await page.setViewportSize({ width: 360, height: 800 });
    await chooseLanguage(page, 'fr');
    const registerFr = registerOnScreen(page, f);
    await expect(registerFr.getByText(f.registerView.englishNote, { exact: true })).toBeVisible();
    const ownFr = registerActivity(registerFr, `${name} ${f.registerView.ownEntry}`);
    await expect(registerItem(ownFr, f.registerView.legalBases_one)).toHaveText(f.registerEntries.legalBases.consent);
    await expect(registerItem(registerActivity(registerFr, 'Authenticate the user'), f.registerView.legalBases_one)).toHaveText(f.registerEntries.legalBases.contract);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await checkScreen(page, 'register-entries-phone-fr');
    await chooseLanguage(page, language);
    await page.setViewportSize({ width: 1280, height: 900 });

    await row.getByRole('button', { name: new RegExp(`^${r.remove}`) }).click();
    const dialog = page.getByRole('dialog', { name: fill(r.removeTitle, { name }) });
    await dialog.getByRole('button', { name: exactly(r.remove) }).click();
    await expect(page.getByText(fill(r.removed, { name }))).toBeVisible();
    await expect(page.getByRole('rowheader', { name })).toHaveCount(0);
    await expect(register.getByRole('heading', { level: 4, name: new RegExp(`^${name}`) })).toHaveCount(0);
    await expect(registerActivity(register, 'Authenticate the user')).toBeVisible();
  });
}

for (const language of ['en'] as const) {
  test(`the privacy officer shortens a retention period, is refused a longer one, and restores the default (${language})`, async ({ page, state, pageProblems: _ }) => {
    journey('retention schedule', language);
    const m = MESSAGES[language];
    const r = m.retentionSchedule;
    const rule = r.rules.DELIVERED_MESSAGE;
    await useLanguage(page, language);
    await logIn(page, { tenant: VOKA, email: 'privacy-officer@voka.test', password: state.demoPassword }, loginTexts(m));
    await chooseLanguage(page, language);
    await openFromNav(page, m.app.portalNavigation, r.title);
    await expect(page.getByRole('heading', { level: 1, name: r.title })).toBeVisible();
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: rule, exact: true }) });
    await expect(row.getByRole('cell').nth(2)).toHaveText(fill(r.units.DAYS_other, { count: 90 }));

    const form = page.getByRole('region', { name: r.shortenTitle });
    await form.getByLabel(exactly(r.rule)).selectOption({ label: rule });
    const period = form.getByLabel(exactly(fill(r.newPeriod, { unit: r.unitNames.DAYS })));
    // Longer than the platform's default: refused beside the input, nothing saved.
    await period.fill('120');
    await form.getByRole('button', { name: r.shorten }).click();
    await expect(period).toHaveAttribute('aria-invalid', 'true');
    await expect(row.getByRole('cell').nth(2)).toHaveText(fill(r.units.DAYS_other, { count: 90 }));

    await period.fill('30');
    await form.getByRole('button', { name: r.shorten }).click();
    const shortened = fill(r.units.DAYS_other, { count: 30 });
    await expect(page.getByText(fill(r.saved, { rule, period: shortened }))).toBeVisible();
    await expect(row.getByRole('cell').nth(2)).toContainText(shortened);
    await checkScreen(page, language === 'en' ? 'retention-schedule' : `retention-schedule-${language}`);

    // The register of processing shows the chamber's period for the rule.
    await openFromNav(page, m.app.portalNavigation, m.privacyDesk.register.title);
    // (the rule by its name, the period as the register, kept in English, words it).
    const register = registerOnScreen(page, m);
    await expect(register).toContainText(`${rule}: 30 days after the message is delivered (tenant's period; platform default 90 days)`);
    await expect(register).not.toContainText('DELIVERED_MESSAGE');

    // Back to the default, so the demo tenant is as it was.
    await openFromNav(page, m.app.portalNavigation, r.title);
    await row.getByRole('button', { name: new RegExp(`^${r.restore}`) }).click();
    await expect(page.getByText(fill(r.restored, { rule, period: fill(r.units.DAYS_other, { count: 90 }) }))).toBeVisible();
    await expect(row.getByRole('button', { name: new RegExp(`^${r.restore}`) })).toHaveCount(0);
  });
}

test('the privacy officer places a legal hold on a record, sees it in force, and releases it (en)', async ({ page, state, pageProblems: _ }) => {
  journey('legal holds', 'en');
  const m = MESSAGES.en;
  const h = m.legalHolds;
  await useLanguage(page, 'en');
  await logIn(page, { tenant: VOKA, email: 'privacy-officer@voka.test', password: state.demoPassword }, loginTexts(m));
  await chooseLanguage(page, 'en');
  await openFromNav(page, m.app.portalNavigation, m.retentionSchedule.title);
  const section = page.getByRole('region', { name: h.title });
  await expect(section).toBeVisible();

  // A malformed id is marked on its field; nothing is placed.
  const recordId = section.getByLabel(exactly(h.recordId));
  await section.getByLabel(exactly(h.kind)).selectOption('CertificateApplication');
  await recordId.fill('not-an-id');
  await section.getByLabel(exactly(h.reason)).fill(`Customs dispute ${uniqueSuffix()}`);
  await section.getByRole('button', { name: exactly(h.place) }).click();
  await expect(recordId).toHaveAttribute('aria-invalid', 'true');

  // An id the tenant has no record of (a typo, another chamber's) is refused on its field: a hold on it would protect nothing.
  await recordId.fill(crypto.randomUUID());
  await section.getByRole('button', { name: exactly(h.place) }).click();
  await expect(section.getByText(m.privacyDesk.reasons.HELD_RECORD_NOT_FOUND)).toBeVisible();
  await expect(recordId).toHaveAttribute('aria-invalid', 'true');

  const id = await firstApplicationOf(state, VOKA);
  const record = `${m.recordTypes.CertificateApplication} ${id}`;
  await recordId.fill(id);
  await section.getByRole('button', { name: exactly(h.place) }).click();
  await expect(section.getByText(fill(h.placed, { record }))).toBeVisible();
  const row = section.getByRole('row').filter({ has: page.getByRole('rowheader', { name: id }) });
  await expect(row).toHaveCount(1);

  await row.getByRole('button', { name: new RegExp(`^${h.release}`) }).click();
  await expect(section.getByText(fill(h.released, { record }))).toBeVisible();
  await expect(section.getByRole('rowheader', { name: id })).toHaveCount(0);
});

test('the privacy officer applies a shortened period at once: the delivered e-mails are deleted, and the table says so (en)', async ({ page, state, pageProblems: _ }) => {
  journey('retention sweep', 'en');
  const m = MESSAGES.en;
  const r = m.retentionSchedule;
  const w = r.sweep;
  // A chamber of its own: applying the schedule deletes what is past its period, which on a demo tenant would change what later tests see.
  const { tenant, admin: officer } = await tenantOfOwn(page, state);
  // An invitation e-mail, delivered: kept 90 days by default, so the nightly sweep would leave it today.
  const call = graphqlCaller(page);
  const { login } = await call<{ login: { accessToken: string } }>('mutation L($input: LoginInput!) { login(input: $input) { accessToken } }', {
    input: { tenant: tenant.slug, email: officer.email, password: officer.password, totpCode: await totpCode(officer.totpSecret) },
  });
  const invited = `clerk-${uniqueSuffix()}@eigen.test`;
  await call('mutation I($input: InviteUserInput!) { inviteUser(input: $input) { id } }', { input: { email: invited, roles: ['CLERK'] } }, login.accessToken);
  await mailTo(state, invited, 'identity.invitation');

  await useLanguage(page, 'en');
  await logIn(page, { tenant: tenant.slug, email: officer.email, password: officer.password, totpSecret: officer.totpSecret }, loginTexts(m));
  await chooseLanguage(page, 'en');
  await openFromNav(page, m.app.portalNavigation, r.title);
  const sweep = page.getByRole('region', { name: w.title });
  const mails = () => page.getByRole('region', { name: w.resultTitle }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: w.holders.notifications_outbox }) });
  const apply = async () => {
    await sweep.getByRole('button', { name: exactly(w.run) }).click();
    await page.getByRole('dialog', { name: w.confirmTitle }).getByRole('button', { name: exactly(w.run) }).click();
    await expect(page.getByRole('dialog', { name: w.confirmTitle })).toHaveCount(0);
  };

  // Cancelling the dialog applies nothing; applied under the default period, the e-mails stay.
  await sweep.getByRole('button', { name: exactly(w.run) }).click();
  await page.getByRole('dialog', { name: w.confirmTitle }).getByRole('button', { name: exactly(m.common.cancel) }).click();
  await expect(page.getByRole('region', { name: w.resultTitle })).toHaveCount(0);
  await apply();
  await expect(mails().getByRole('cell').nth(0)).toHaveText('0');
  await expect(mails().getByRole('cell').nth(1)).toHaveText('0');

  // E-mails kept 0 days after delivery: applied now, the delivered ones are past their period and deleted.
  const form = page.getByRole('region', { name: r.shortenTitle });
  await form.getByLabel(exactly(r.rule)).selectOption({ label: r.rules.DELIVERED_MESSAGE });
  await form.getByLabel(exactly(fill(r.newPeriod, { unit: r.unitNames.DAYS }))).fill('0');
  await form.getByRole('button', { name: r.shorten }).click();
  await expect(page.getByText(fill(r.saved, { rule: r.rules.DELIVERED_MESSAGE, period: r.atOnce }))).toBeVisible();
  await apply();
  const expired = mails().getByRole('cell').nth(0);
  await expect(expired).toHaveText(/^[1-9]\d*$/);
  await expect(mails().getByRole('cell').nth(1)).toHaveText((await expired.textContent())!);
  await checkScreen(page, 'retention-sweep');

  // Nothing is left to delete: the next run finds none.
  await apply();
  await expect(mails().getByRole('cell').nth(0)).toHaveText('0');
});
