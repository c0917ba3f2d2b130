import type { Browser, Page } from '@playwright/test';
import { checkScreen, chooseLanguage, expect, journey, logIn, test, uniqueSuffix, useLanguage, type Language } from './support/fixtures';
import { exactly, fill, loginTexts, MESSAGES } from './support/messages';
import type { WebTestState } from './support/server';

const BE_CERT = 'be-cert';
/** The demo certification body's two companies: the concrete company opens the project, the insulation company is its client. */
const CONCRETE_ADMIN = { email: 'admin@company1.be-cert.test', name: 'Ann Admin1' };
const INSULATION_ADMIN = { email: 'admin@company2.be-cert.test', name: 'Ann Admin2' };
const CLERK = 'clerk@be-cert.test';

async function openFromNav(page: Page, language: Language, label: string): Promise<void> {
  await page.getByRole('navigation', { name: MESSAGES[language].app.portalNavigation }).getByRole('link', { name: exactly(label) }).click();
}

async function personAt(browser: Browser, state: WebTestState, language: Language): Promise<Page> {
  const context = await browser.newContext({ baseURL: state.baseURL });
  const page = await context.newPage();
  await useLanguage(page, language);
  return page;
}

/** The demo companies' VAT numbers: the insulation company's, and a valid number no company of BE-CERT has. */
const INSULATION_VAT = 'BE 0403.170.701';
const CONCRETE_VAT = 'BE0202239951';
const UNREGISTERED_VAT = 'BE0456789034';

/**
 * The concrete company's administrator opens a project in the portal: itself contractor and
 * intermediate storage (they become its contact), the insulation company client (found by its VAT
 * number; its general contact, flagged, until it names a person). Returns the project's reference.
 */
async function openProjectInPortal(browser: Browser, state: WebTestState): Promise<string> {
  const m = MESSAGES.en;
  const p = m.projects;
  const c = p.create;
  const page = await personAt(browser, state, 'en');
  await logIn(page, { tenant: BE_CERT, email: CONCRETE_ADMIN.email, password: state.demoPassword }, loginTexts(m));
  await chooseLanguage(page, 'en');
  await openFromNav(page, 'en', m.nav.projects);
  await page.getByRole('link', { name: exactly(c.open) }).click();
  await expect(page.getByRole('heading', { level: 1, name: c.title })).toBeVisible();
  const reference = `R4 Gent lot ${uniqueSuffix()}`;
  const vatOf = (role: 'CLIENT' | 'INTERMEDIATE_STORAGE') => page.getByLabel(new RegExp(`^${fill(c.vatOf, { role: c.roles[role] })}`));
  const lookUp = (role: 'CLIENT' | 'INTERMEDIATE_STORAGE') => page.getByRole('button', { name: exactly(fill(c.lookUp, { role: c.roles[role] })) });
  // The field's error beside its input (fieldId: every character other than a letter or digit becomes a hyphen).
  const errorOf = (role: 'CLIENT' | 'INTERMEDIATE_STORAGE') => page.locator(`#field-vat-${role.replace(/_/g, '-')}-error`);

  // Empty: every field is refused in the page, the parties' numbers included.
  await page.getByRole('button', { name: exactly(c.submit) }).click();
  await expect(page.getByLabel(new RegExp(`^${p.fields.reference}`))).toHaveAttribute('aria-invalid', 'true');
  await expect(vatOf('CLIENT')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel(new RegExp(`^${p.fields.reference}`)).fill(reference);
  await page.getByLabel(new RegExp(`^${p.fields.site}`)).fill('R4, Gent-Zeehaven');
  await page.getByLabel(new RegExp(`^${p.fields.material}`)).fill('tar-containing asphalt for thermal cleaning');
  await page.getByLabel(exactly(c.quantity)).fill('860,25');
  await page.getByLabel(exactly(c.ownRole)).selectOption({ label: p.roles.CONTRACTOR });

  // A number with wrong check digits is refused by the API at its field; a valid one nobody here has: not found, at its field.
  await vatOf('CLIENT').fill('BE0403170702');
  await lookUp('CLIENT').click();
  await expect(errorOf('CLIENT')).toContainText(m.errors.constraint.iseuvatnumber);
  await vatOf('CLIENT').fill(UNREGISTERED_VAT);
  await lookUp('CLIENT').click();
  await expect(errorOf('CLIENT')).toContainText(c.vatNotFound);
  // The insulation company, written with spaces and dots: its name and city are shown before anything is saved.
  await vatOf('CLIENT').fill(INSULATION_VAT);
  await lookUp('CLIENT').click();
  await expect(page.getByText(fill(c.found, { name: 'Mosan Insulation SA', city: 'Liège', role: c.roles.CLIENT }))).toBeVisible();
  // A number typed and not looked up is not sent: the page asks to look it up first.
  await vatOf('INTERMEDIATE_STORAGE').fill(CONCRETE_VAT);
  await page.getByRole('button', { name: exactly(c.submit) }).click();
  await expect(errorOf('INTERMEDIATE_STORAGE')).toContainText(c.lookUpFirst);
  await lookUp('INTERMEDIATE_STORAGE').click();
  await expect(page.getByText(fill(c.found, { name: 'Brabant Concrete Products NV', city: 'Vilvoorde', role: c.roles.INTERMEDIATE_STORAGE }))).toBeVisible();
  await checkScreen(page, 'project-certificate-new');
  await page.getByRole('button', { name: exactly(c.submit) }).click();

  // The project's page: a draft, the opener the contractor's and the storage's contact, the client flagged.
  await expect(page.getByRole('heading', { level: 1, name: fill(p.detailTitle, { reference }) })).toBeVisible();
  await expect(page.getByText(p.states.DRAFT, { exact: true })).toBeVisible();
  const row = (role: 'CLIENT' | 'CONTRACTOR') => page.getByRole('region', { name: p.partiesTitle }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: p.roles[role] }) });
  await expect(row('CONTRACTOR').getByRole('link', { name: CONCRETE_ADMIN.email })).toBeVisible();
  await expect(row('CLIENT').getByRole('cell', { name: 'Mosan Insulation SA', exact: true })).toBeVisible();
  await expect(row('CLIENT').getByText(p.contactMissing)).toBeVisible();
  await page.context().close();
  return reference;
}

test('a company opens a project certificate naming its partners by VAT number; staff issue it once every party has a contact; a party’s administrator reads it and sends it to an external system (en)', async ({ page, browser, state, pageProblems: _ }) => {
  // Two people and the API's own login: more than one person's budget.
  test.setTimeout(360_000);
  journey('project certificate', 'en');
  const m = MESSAGES.en;
  const p = m.projects;
  const reference = await openProjectInPortal(browser, state);

  // The certification body's clerk finds it among the tenant's projects, and cannot issue it yet.
  const clerk = await personAt(browser, state, 'en');
  await logIn(clerk, { tenant: BE_CERT, email: CLERK, password: state.demoPassword }, loginTexts(m));
  await chooseLanguage(clerk, 'en');
  await openFromNav(clerk, 'en', m.nav.projects);
  await expect(clerk.getByRole('heading', { level: 1, name: p.title })).toBeVisible();
  await expect(clerk.getByText(p.leadStaff)).toBeVisible();
  await checkScreen(clerk, 'project-certificates-staff');
  await clerk.getByRole('link', { name: reference }).click();
  await expect(clerk.getByRole('heading', { level: 1, name: fill(p.detailTitle, { reference }) })).toBeVisible();
  const clientRow = (viewer: Page) => viewer.getByRole('region', { name: p.partiesTitle }).getByRole('row').filter({ has: viewer.getByRole('rowheader', { name: p.roles.CLIENT }) });
  await expect(clientRow(clerk).getByText(p.contactMissing)).toBeVisible();
  await clerk.getByRole('button', { name: exactly(p.issue) }).click();
  await clerk.getByRole('dialog', { name: fill(p.issueConfirmTitle, { reference }) }).getByRole('button', { name: exactly(p.issue) }).click();
  await expect(clerk.getByText(p.reasons.PROJECT_CONTACT_MISSING)).toBeVisible();
  await checkScreen(clerk, 'project-certificate-contact-missing');

  // The client's administrator names themself as the client's contact.
  await useLanguage(page, 'en');
  await logIn(page, { tenant: BE_CERT, email: INSULATION_ADMIN.email, password: state.demoPassword }, loginTexts(m));
  await chooseLanguage(page, 'en');
  await openFromNav(page, 'en', m.nav.projects);
  await expect(page.getByRole('heading', { level: 1, name: p.title })).toBeVisible();
  await checkScreen(page, 'project-certificates');
  await page.getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { level: 1, name: fill(p.detailTitle, { reference }) })).toBeVisible();
  // Not issued yet: nothing to send.
  await expect(page.getByRole('heading', { level: 2, name: p.distributeTitle })).toHaveCount(0);
  const contactForm = page.getByRole('region', { name: p.contactTitle });
  await contactForm.getByRole('button', { name: exactly(p.nameContact) }).click();
  await expect(contactForm.getByLabel(exactly(p.fields.contact))).toHaveAttribute('aria-invalid', 'true');
  await contactForm.getByLabel(exactly(p.fields.role)).selectOption({ label: p.roles.CLIENT });
  await contactForm.getByLabel(exactly(p.fields.contact)).selectOption({ label: INSULATION_ADMIN.name });
  await checkScreen(page, 'project-certificate-name-contact');
  await contactForm.getByRole('button', { name: exactly(p.nameContact) }).click();
  await expect(page.getByText(fill(p.contactNamed, { role: p.roles.CLIENT }))).toBeVisible();
  await expect(clientRow(page).getByRole('link', { name: INSULATION_ADMIN.email })).toBeVisible();
  await expect(clientRow(page).getByText(p.contactMissing)).toHaveCount(0);

  // The clerk issues it now.
  await clerk.reload();
  await expect(clerk.getByRole('heading', { level: 1, name: fill(p.detailTitle, { reference }) })).toBeVisible();
  await clerk.getByRole('button', { name: exactly(p.issue) }).click();
  const confirm = clerk.getByRole('dialog', { name: fill(p.issueConfirmTitle, { reference }) });
  await checkScreen(clerk, 'project-certificate-issue-dialog');
  await confirm.getByRole('button', { name: exactly(p.issue) }).click();
  await expect(clerk.getByText(fill(p.issued, { reference }))).toBeVisible();
  await expect(clerk.getByText(p.states.ISSUED, { exact: true })).toBeVisible();
  // Staff do not distribute: that is a party's act.
  await expect(clerk.getByRole('heading', { level: 2, name: p.distributeTitle })).toHaveCount(0);
  await clerk.context().close();

  // The client's administrator reads the issued certificate with every party's contact, and sends it on.
  await page.reload();
  await expect(page.getByText(p.states.ISSUED, { exact: true })).toBeVisible();
  const contractorRow = page.getByRole('region', { name: p.partiesTitle }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: p.roles.CONTRACTOR }) });
  await expect(contractorRow.getByText(CONCRETE_ADMIN.name)).toBeVisible();
  await expect(contractorRow.getByRole('link', { name: CONCRETE_ADMIN.email })).toBeVisible();
  await expect(page.getByText(p.noDistributions)).toBeVisible();
  const distribute = page.getByRole('region', { name: p.distributeTitle });
  await distribute.getByRole('button', { name: exactly(p.distribute) }).click();
  await expect(distribute.getByLabel(new RegExp(`^${p.fields.target}`))).toHaveAttribute('aria-invalid', 'true');
  await distribute.getByLabel(new RegExp(`^${p.fields.target}`)).fill('Central asphalt register');
  await distribute.getByRole('button', { name: exactly(p.distribute) }).click();
  await expect(page.getByText(fill(p.distributed, { target: 'Central asphalt register' }))).toBeVisible();
  const sent = page.getByRole('region', { name: p.distributionsTitle }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Central asphalt register' }) });
  await expect(sent.getByText(p.byYou, { exact: true })).toBeVisible();
  await checkScreen(page, 'project-certificate');

  // It was issued in error: a clerk withdraws it, giving the reason the parties will read (asked for inside the dialog).
  const withdrawer = await personAt(browser, state, 'en');
  await logIn(withdrawer, { tenant: BE_CERT, email: CLERK, password: state.demoPassword }, loginTexts(m));
  await chooseLanguage(withdrawer, 'en');
  await openFromNav(withdrawer, 'en', m.nav.projects);
  await withdrawer.getByRole('link', { name: reference }).click();
  await expect(withdrawer.getByRole('heading', { level: 1, name: fill(p.detailTitle, { reference }) })).toBeVisible();
  await withdrawer.getByRole('button', { name: exactly(p.withdraw) }).click();
  const withdrawal = withdrawer.getByRole('dialog', { name: fill(p.withdrawConfirmTitle, { reference }) });
  await withdrawal.getByRole('button', { name: exactly(p.withdraw) }).click();
  await expect(withdrawal.getByLabel(new RegExp(`^${p.fields.withdrawalReason}`))).toHaveAttribute('aria-invalid', 'true');
  await withdrawal.getByLabel(new RegExp(`^${p.fields.withdrawalReason}`)).fill('Issued in error: the material was not tar-containing.');
  await checkScreen(withdrawer, 'project-certificate-withdraw-dialog');
  await withdrawal.getByRole('button', { name: exactly(p.withdraw) }).click();
  await expect(withdrawer.getByText(fill(p.withdrawn, { reference }))).toBeVisible();
  await expect(withdrawer.getByText(p.states.WITHDRAWN, { exact: true })).toBeVisible();
  await expect(withdrawer.getByRole('button', { name: exactly(p.withdraw) })).toHaveCount(0);
  await withdrawer.context().close();

  // The client's administrator still reads it: withdrawn, when and why; there is nothing to send any more.
  await page.reload();
  await expect(page.getByText(p.states.WITHDRAWN, { exact: true })).toBeVisible();
  await expect(page.getByText(p.withdrawnNotice)).toBeVisible();
  await expect(page.getByText('Issued in error: the material was not tar-containing.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: p.distributeTitle })).toHaveCount(0);
  await checkScreen(page, 'project-certificate-withdrawn');
});

test('the company that opened a project by mistake deletes the draft; it leaves the list (en)', async ({ browser, state, pageProblems: _ }) => {
  test.setTimeout(240_000);
  journey('project certificate draft deleted', 'en');
  const m = MESSAGES.en;
  const p = m.projects;
  const reference = await openProjectInPortal(browser, state);

  // The client's administrator (another party) is offered no deletion.
  const client = await personAt(browser, state, 'en');
  await logIn(client, { tenant: BE_CERT, email: INSULATION_ADMIN.email, password: state.demoPassword }, loginTexts(m));
  await chooseLanguage(client, 'en');
  await openFromNav(client, 'en', m.nav.projects);
  await client.getByRole('link', { name: reference }).click();
  await expect(client.getByRole('heading', { level: 1, name: fill(p.detailTitle, { reference }) })).toBeVisible();
  await expect(client.getByRole('button', { name: exactly(p.deleteDraft) })).toHaveCount(0);

  // The opener's administrator deletes it, confirming, and lands on the list, where it is gone.
  const opener = await personAt(browser, state, 'en');
  await logIn(opener, { tenant: BE_CERT, email: CONCRETE_ADMIN.email, password: state.demoPassword }, loginTexts(m));
  await chooseLanguage(opener, 'en');
  await openFromNav(opener, 'en', m.nav.projects);
  await opener.getByRole('link', { name: reference }).click();
  await opener.getByRole('button', { name: exactly(p.deleteDraft) }).click();
  const confirm = opener.getByRole('dialog', { name: fill(p.deleteConfirmTitle, { reference }) });
  await checkScreen(opener, 'project-certificate-delete-dialog');
  await confirm.getByRole('button', { name: exactly(p.deleteDraft) }).click();
  await expect(opener.getByRole('heading', { level: 1, name: p.title })).toBeVisible();
  await expect(opener.getByText(fill(p.deleted, { reference }))).toBeVisible();
  await expect(opener.getByRole('link', { name: reference })).toHaveCount(0);

  // The other party no longer finds it either.
  await client.reload();
  await expect(client.getByRole('alert')).toBeVisible();
  await expect(client.getByRole('heading', { level: 1, name: fill(p.detailTitle, { reference }) })).toHaveCount(0);
});
