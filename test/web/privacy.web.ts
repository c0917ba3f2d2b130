import type { Page } from '@playwright/test';
import { Client } from 'pg';
import { apiLogin, createApplicationThroughApi, freshColleague, graphqlCaller } from './support/api';
import { checkScreen, chooseLanguage, expect, journey, linkFromMail, logIn, mailTo, test, uniqueSuffix, useLanguage } from './support/fixtures';
import { exactly, fill, loginTexts, MESSAGES } from './support/messages';
import type { WebTestState } from './support/server';

const VOKA = 'voka-antwerpen-waasland';
const VOKA_NAME = 'Voka – Kamer van Koophandel Antwerpen-Waasland';
const LOCALES = { en: 'en-GB', nl: 'nl-BE' } as const;

/** One calendar month after `day` (YYYY-MM-DD), the last day of a shorter month when it has no such day (31 January → 28/29 February). */
function oneMonthAfter(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const lastOfNext = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(date, lastOfNext))).toISOString().slice(0, 10);
}

/** A date as the page shows it (the browser's own Intl, as the portal formats it). */
function shownDate(page: Page, day: string, locale: string): Promise<string> {
  return page.evaluate(([iso, loc]) => new Intl.DateTimeFormat(loc, { dateStyle: 'long' }).format(new Date(iso!)), [day, locale]);
}

// In English only: the journeys issue #19 asks for in two languages run in two, the others in the language
// of docs/screens (the portal's texts are typed complete in all four; each further language cost CI most of a minute).
{
  const language = 'en' as const;
  test(`an anonymous visitor files a privacy request, confirms it from the e-mail, and the privacy officer sees it by its due date (${language})`, async ({ page, state, pageProblems: _ }) => {
    journey('privacy request', language);
    const m = MESSAGES[language];
    const d = m.privacyDesk;
    const email = `dsr-${uniqueSuffix()}@example.test`;
    const screen = (name: string) => (language === 'en' ? name : `${name}-${language}`);
    await useLanguage(page, language);

    // The tenant's public privacy page leads to the form, with the tenant chosen.
    await page.goto(`/privacy/${VOKA}`);
    await expect(page.getByRole('heading', { level: 1, name: fill(d.notice.title, { tenant: VOKA_NAME }) })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: d.notice.subProcessors })).toBeVisible();
    await checkScreen(page, screen('privacy-notice'));
    await page.getByRole('link', { name: d.notice.makeRequest }).click();
    await expect(page.getByRole('heading', { level: 1, name: d.form.title })).toBeVisible();
    await expect(page.getByLabel(exactly(d.form.tenant))).toHaveValue(VOKA);

    // An empty address is refused beside its input, in the reader's language.
    await page.getByRole('button', { name: d.form.submit }).click();
    await expect(page.getByLabel(new RegExp(`^${m.fields.email}`))).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText(m.errors.constraint.required).first()).toBeVisible();

    await page.getByRole('radio', { name: d.types.ERASURE }).check();
    await page.getByLabel(new RegExp(`^${m.fields.email}`)).fill(email);
    await page.getByLabel(exactly(d.form.language)).selectOption(language);
    await page.getByLabel(new RegExp(`^${d.form.details}`)).fill('Please erase my contact details.');
    await checkScreen(page, screen('privacy-request-form'));
    await page.getByRole('button', { name: d.form.submit }).click();
    await expect(page.getByRole('heading', { level: 1, name: d.form.sentTitle })).toBeVisible();
    await expect(page.getByText(fill(d.form.sent, { email }))).toBeVisible();
    await checkScreen(page, screen('privacy-request-sent'));
    const receivedOn = new Date().toISOString().slice(0, 10);

    // The confirmation link of the e-mail, as the person clicks it: the token leaves the address bar.
    const link = await linkFromMail(state, email, 'privacy.request-confirm-address');
    expect(new URL(link).pathname).toBe('/privacy/confirm-request');
    await page.goto(link);
    await expect(page.getByText(d.confirm.doneTitle)).toBeVisible();
    expect(page.url()).not.toContain('token=');
    await checkScreen(page, screen('privacy-confirm-request'));
    // The same link a second time (a new page load, not a jump within this one) is refused in words.
    await page.goto('/');
    await page.goto(link);
    await expect(page.getByText(d.confirm.invalidLink)).toBeVisible();

    // The privacy officer's queue: the request with its due date, one calendar month after receipt.
    await logIn(page, { tenant: VOKA, email: 'privacy-officer@voka.test', password: state.demoPassword }, loginTexts(m));
    await chooseLanguage(page, language);
    await page.getByRole('navigation', { name: m.app.portalNavigation }).getByRole('link', { name: exactly(d.queue.title) }).click();
    await expect(page.getByRole('heading', { level: 1, name: d.queue.title })).toBeVisible();
    const dueOn = oneMonthAfter(receivedOn);
    const row = page.getByRole('row').filter({ hasText: email });
    await expect(row).toContainText(await shownDate(page, dueOn, LOCALES[language]));
    await expect(row).toContainText(d.types.ERASURE);
    await expect(row).toContainText(d.statuses.AWAITING_IDENTITY_CHECK);
    await checkScreen(page, screen('privacy-requests'));
    process.stdout.write(`[web] privacy request (${language}): received ${receivedOn}, due ${dueOn}, in the officer's queue\n`);

    // Its detail: the identity check, then one extension with a reason.
    await row.getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1, name: fill(d.detail.title, { type: d.types.ERASURE }) })).toBeVisible();
    await page.getByRole('button', { name: d.detail.check }).click();
    await expect(page.getByText(d.detail.checked)).toBeVisible();
    await page.getByRole('button', { name: exactly(d.detail.extend) }).click();
    await expect(page.getByLabel(exactly(d.detail.reason))).toHaveAttribute('aria-invalid', 'true');
    await page.getByLabel(exactly(d.detail.months)).selectOption('2');
    await page.getByLabel(exactly(d.detail.reason)).fill('The records of two departments must be searched.');
    await page.getByRole('button', { name: exactly(d.detail.extend) }).click();
    await expect(page.getByText(d.detail.extended)).toBeVisible();
    const extendedDue = oneMonthAfter(oneMonthAfter(dueOn));
    await expect(page.locator('.details').getByText(await shownDate(page, extendedDue, LOCALES[language]), { exact: true })).toBeVisible();
    await checkScreen(page, screen('privacy-request-detail'));
  });
}

test('a privacy officer records a breach with its 72-hour clock and exports the register (en)', async ({ page, state, pageProblems: _ }) => {
  journey('privacy office', 'en');
  const m = MESSAGES.en;
  const d = m.privacyDesk;
  await useLanguage(page, 'en');
  await logIn(page, { tenant: VOKA, email: 'privacy-officer@voka.test', password: state.demoPassword }, loginTexts(m));
  await chooseLanguage(page, 'en');
  const nav = page.getByRole('navigation', { name: m.app.portalNavigation });
  await nav.getByRole('link', { name: exactly(d.breaches.title) }).click();
  await expect(page.getByRole('heading', { level: 1, name: d.breaches.title })).toBeVisible();

  // Became aware two hours ago: about 70 hours remain.
  const reference = `BR-${uniqueSuffix()}`;
  const awareAt = new Date(Date.now() - 2 * 3_600_000);
  const local = await page.evaluate((ms) => {
    const at = new Date(ms);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
  }, awareAt.getTime());
  await page.getByLabel(exactly(d.breaches.reference)).fill(reference);
  await page.getByLabel(new RegExp(`^${d.breaches.becameAwareAt}`)).fill(local);
  await page.getByLabel(exactly(d.breaches.nature)).fill('A laptop with an export of contact details was stolen.');
  await page.getByLabel(exactly(d.breaches.consequences)).fill('Phishing of the people concerned.');
  await page.getByLabel(exactly(d.breaches.measures)).fill('Disk encryption checked; passwords reset.');
  await page.getByRole('checkbox', { name: m.dataCategories.contact }).check();
  await page.getByRole('button', { name: d.breaches.submit }).click();
  await expect(page.getByText(fill(d.breaches.recorded, { reference }))).toBeVisible();
  const card = page.getByRole('article', { name: reference });
  await expect(card.locator('.badge')).toBeVisible();
  const hours = Number(/(\d+) hours left/.exec((await card.locator('.badge').textContent()) ?? '')?.[1]);
  expect(hours).toBeGreaterThanOrEqual(68);
  expect(hours).toBeLessThanOrEqual(70);
  await checkScreen(page, 'privacy-breaches');

  await nav.getByRole('link', { name: exactly(d.register.title) }).click();
  await expect(page.getByRole('heading', { level: 1, name: d.register.title })).toBeVisible();
  // The register on screen: its activities under their headings (the view's own checks are in the register-entries journey).
  await expect(page.getByRole('heading', { level: 4 }).first()).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: d.register.json }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^processing-register-\d{4}-\d{2}-\d{2}\.json$/);
  const register = JSON.parse(await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'))) as unknown;
  expect(register).toBeTruthy();
  await checkScreen(page, 'privacy-register');
  process.stdout.write(`[web] breach ${reference}: ${hours} hours left of 72; register exported\n`);
});

/**
 * What the retention sweep writes for an application its company left sent back for changes longer than
 * ABANDONED_APPLICATION (12 months; test/privacy/retention-documents runs the sweep itself): the state
 * stays, the personal data goes, `destroyed_at` says when. Done here as the database owner, a year on.
 */
async function destroyAsTheSweepDoes(state: WebTestState, applicationId: string): Promise<string> {
  const owner = new Client({ connectionString: state.ownerUrl });
  await owner.connect();
  try {
    const { rows } = await owner.query<{ destroyed_at: Date }>(
      `UPDATE certificate_application
          SET state = 'CHANGES_REQUESTED', submitted_at = now() - interval '13 months', updated_at = now() - interval '12 months 1 day',
              consignee_name = '', consignee_address = '', created_by = NULL, claimed_by = NULL, reviewed_by = NULL,
              review_comment = NULL, company_reply = NULL, rejection_reason = NULL, supporting_document_ids = '{}', destroyed_at = now()
        WHERE id = $1 RETURNING destroyed_at`,
      [applicationId],
    );
    return rows[0]!.destroyed_at.toISOString();
  } finally {
    await owner.end();
  }
}

test('a company user opens an application whose personal data the retention sweep destroyed: the page says so and offers no form to fill in (nl)', async ({ page, state, pageProblems: _ }) => {
  journey('destroyed application', 'nl');
  const m = MESSAGES.nl;
  await useLanguage(page, 'nl');
  const { applicationId } = await createApplicationThroughApi(page, { tenant: VOKA, email: 'admin@company1.voka.test', password: state.demoPassword }, {
    consignee: { name: 'Lyon Machines SARL', address: 'Rue du Port 3, Lyon', country: 'FR' },
    countryOfOrigin: 'BE',
    declarationAccepted: true,
    language: 'NL',
    transportDetails: 'Over de weg',
    invoiceReferences: [`RT-${uniqueSuffix()}`],
    goods: [{ description: 'Tandwielpompen', hsCode: '841360', quantity: 3, unit: 'pcs', grossWeightKg: 60, netWeightKg: 55, packages: 1, marksAndNumbers: 'RT/1' }],
  });
  const destroyedAt = await destroyAsTheSweepDoes(state, applicationId);

  await logIn(page, { tenant: VOKA, email: 'admin@company1.voka.test', password: state.demoPassword }, loginTexts(m));
  // The account's own language wins after login (another test may have chosen one): this reader's is Dutch.
  await chooseLanguage(page, 'nl');
  await page.evaluate((to) => {
    window.history.pushState({}, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, `/app/certificates/${applicationId}`);

  const notice = page.getByRole('note', { name: m.certificates.detail.destroyedTitle });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(fill(m.certificates.detail.destroyedBody, { date: await shownDate(page, destroyedAt, LOCALES.nl) }));
  // Sent back for changes, but never edited or submitted again (the API would refuse with RECORD_DESTROYED).
  await expect(page.getByRole('button', { name: exactly(m.certificates.form.saveDraft) })).toHaveCount(0);
  await expect(page.getByRole('button', { name: exactly(m.certificates.form.submit) })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: m.certificates.detail.content })).toBeVisible();
  await checkScreen(page, 'application-destroyed-nl');
  // In the company's list, the row says why it names no consignee.
  await page.getByRole('link', { name: m.certificates.detail.back }).click();
  await expect(page.getByRole('rowheader', { name: m.certificates.list.destroyed })).not.toHaveCount(0);
  // Nor is it offered as the start of a new application: nothing of its consignee is left to copy.
  await expect(page.getByLabel(m.certificates.list.startFrom).locator('option').filter({ hasText: m.certificates.list.destroyed })).toHaveCount(0);
});

test('a company user deletes a draft begun by mistake, takes a saved consignee out of the address book, and withdraws an application whose shipment was cancelled (en)', async ({ page, state, pageProblems: _ }) => {
  journey('draft deleted', 'en');
  const m = MESSAGES.en;
  const c = m.certificates;
  const consignee = `Mistaken Imports ${uniqueSuffix()}`;
  await useLanguage(page, 'en');
  const { applicationId, accessToken } = await createApplicationThroughApi(page, { tenant: VOKA, email: 'admin@company1.voka.test', password: state.demoPassword }, {
    consignee: { name: consignee, address: '1 Wrong Street, Leeds', country: 'GB' }, countryOfOrigin: 'BE', language: 'EN',
  });
  // A consignee kept for later, as a company's program would save it.
  const saved = await page.request.post('/graphql', {
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    data: { query: 'mutation S($i: ConsigneeInput!) { saveConsignee(input: $i) { id } }', variables: { i: { name: consignee, address: '1 Wrong Street, Leeds', country: 'GB' } } },
  });
  expect(saved.status()).toBe(200);

  await logIn(page, { tenant: VOKA, email: 'admin@company1.voka.test', password: state.demoPassword }, loginTexts(m));
  await chooseLanguage(page, 'en');
  await page.evaluate((to) => {
    window.history.pushState({}, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, `/app/certificates/${applicationId}`);

  // The saved consignee: chosen, then removed from the address book.
  const savedConsignee = page.getByLabel(exactly(c.form.savedConsignee));
  await savedConsignee.selectOption({ label: `${consignee} (United Kingdom)` });
  await page.getByRole('button', { name: exactly(c.form.removeSavedConsignee) }).click();
  await expect(page.getByText(fill(c.form.savedConsigneeRemoved, { name: consignee }))).toBeVisible();
  await expect(savedConsignee.locator('option').filter({ hasText: consignee })).toHaveCount(0);

  // The draft: deleted after a confirmation; the list says so and no longer shows it.
  await page.getByRole('button', { name: exactly(c.form.deleteDraft) }).click();
  const dialog = page.getByRole('dialog', { name: c.form.deleteDraftTitle });
  await expect(dialog).toContainText(c.form.deleteDraftBody);
  await dialog.getByRole('button', { name: exactly(c.form.deleteDraft) }).click();
  await expect(page.getByRole('heading', { level: 1, name: c.list.title })).toBeVisible();
  await expect(page.getByText(c.form.draftDeleted)).toBeVisible();
  await expect(page.getByRole('rowheader', { name: consignee })).toHaveCount(0);

  // A submitted application whose shipment was cancelled: withdrawn after a confirmation, before a clerk works on it.
  const cancelled = await createApplicationThroughApi(page, { tenant: VOKA, email: 'admin@company1.voka.test', password: state.demoPassword }, {
    consignee: { name: `Cancelled ${consignee}`, address: '2 Wrong Street, Leeds', country: 'GB' }, countryOfOrigin: 'BE', language: 'EN', declarationAccepted: true,
    goods: [{ description: 'Gear pumps', hsCode: '841360', quantity: 2, unit: 'pcs', grossWeightKg: 40, netWeightKg: 36, packages: 1, marksAndNumbers: 'CX/1' }],
  });
  await graphqlCaller(page)('mutation W($id: ID!) { submitCertificateApplication(applicationId: $id) { id } }', { id: cancelled.applicationId }, cancelled.accessToken);
  await page.evaluate((to) => {
    window.history.pushState({}, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, `/app/certificates/${cancelled.applicationId}`);
  await page.getByRole('button', { name: exactly(c.form.withdraw) }).click();
  const withdrawDialog = page.getByRole('dialog', { name: c.form.withdrawTitle });
  await expect(withdrawDialog).toContainText(c.form.withdrawBody);
  await withdrawDialog.getByRole('button', { name: exactly(c.form.withdraw) }).click();
  await expect(page.getByText(c.form.withdrawn)).toBeVisible();
  await expect(page.locator('.badge').filter({ hasText: c.states.WITHDRAWN })).toBeVisible();
  await expect(page.getByRole('button', { name: exactly(c.form.withdraw) })).toHaveCount(0);
});

test('a person asks for their processing to be restricted; the privacy officer restricts it, then lifts it and the person is told (en)', async ({ page, browser, state, pageProblems: _ }) => {
  const m = MESSAGES.en;
  const d = m.privacyDesk;
  const password = 'quiet-meadow-lantern-31';
  // A fresh colleague: a restricted demo account would change what the other tests' e-mails reach.
  const person = await freshColleague(page, state, 'Rhea', password);
  const call = graphqlCaller(page);
  await call(
    'mutation R($input: MyDataSubjectRequestInput!) { requestMyDataSubjectRight(input: $input) { id } }',
    { input: { type: 'RESTRICTION', details: 'The address on my account is wrong: use my data for nothing until it is corrected.' } },
    await apiLogin(call, person.email, password),
  );

  await useLanguage(page, 'en');
  await logIn(page, { tenant: VOKA, email: 'privacy-officer@voka.test', password: state.demoPassword }, loginTexts(m));
  await chooseLanguage(page, 'en');
  await page.getByRole('navigation', { name: m.app.portalNavigation }).getByRole('link', { name: exactly(d.queue.title) }).click();
  await page.getByRole('row').filter({ hasText: person.email }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: fill(d.detail.title, { type: d.types.RESTRICTION }) })).toBeVisible();
  // Nothing to lift before the restriction is in place.
  await expect(page.getByRole('heading', { level: 2, name: d.detail.liftTitle })).toHaveCount(0);
  await page.getByRole('button', { name: exactly(d.detail.restrict) }).click();
  await expect(page.getByText(d.detail.restrictDone)).toBeVisible();

  const lift = page.getByRole('region', { name: d.detail.liftTitle });
  await lift.getByRole('button', { name: exactly(d.detail.lift) }).click();
  const confirm = page.getByRole('dialog', { name: d.detail.liftConfirmTitle });
  await checkScreen(page, 'privacy-request-lift-restriction');
  await confirm.getByRole('button', { name: exactly(d.detail.lift) }).click();
  await expect(page.getByText(d.detail.liftDone)).toBeVisible();
  // Art. 18(3): the person is told their data is processed again.
  await mailTo(state, person.email, 'privacy.restriction-lifted');
  // Lifted: the request says since when, and there is nothing left to lift (lifting twice is refused by the API: test/privacy/restriction).
  await expect(page.getByText(new RegExp(`^${escapeRegExp(m.myData.restrictionLiftedOn.split('{{date}}')[0]!)}`))).toBeVisible();
  await expect(lift).toHaveCount(0);

  // The person's own page no longer says their data is restricted.
  const personPage = await (await browser.newContext({ baseURL: state.baseURL })).newPage();
  await useLanguage(personPage, 'en');
  await logIn(personPage, { tenant: VOKA, email: person.email, password }, loginTexts(m));
  await chooseLanguage(personPage, 'en');
  await personPage.goto('/app/my-data');
  await expect(personPage.getByText(new RegExp(`^${escapeRegExp(m.myData.answers.RESTRICTION_LIFTED.split('{{date}}')[0]!)}`))).toBeVisible();
  await expect(personPage.getByText(m.myData.answers.RESTRICTION, { exact: true })).toHaveCount(0);
  await personPage.context().close();
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
