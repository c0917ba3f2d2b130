import type { Browser, Page } from '@playwright/test';
import { checkScreen, chooseLanguage, expect, journey, logIn, test, uniqueSuffix, useLanguage, type Language } from './support/fixtures';
import { graphqlCaller } from './support/api';
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

/**
 * The concrete company opens a project through the API, as its ERP would: itself contractor and
 * intermediate storage (its administrator their contact), the insulation company client (its
 * general contact, flagged, until it names a person). Returns the project's reference.
 */
async function openProjectThroughApi(page: Page, password: string): Promise<string> {
  const call = graphqlCaller(page);
  const { login } = await call<{ login: { accessToken: string } }>('mutation L($input: LoginInput!) { login(input: $input) { accessToken } }', {
    input: { tenant: BE_CERT, email: CONCRETE_ADMIN.email, password },
  });
  const token = login.accessToken;
  // The insulation company's id, from the demo project both companies are parties to.
  const { projectCertificates } = await call<{ projectCertificates: Array<{ parties: Array<{ role: string; organisationId: string }> }> }>(
    '{ projectCertificates { parties { role organisationId } } }', {}, token);
  const client = projectCertificates.flatMap((p) => p.parties).find((party) => party.role === 'CLIENT')!.organisationId;
  const { me } = await call<{ me: { organisationId: string } }>('{ me { organisationId } }', {}, token);
  const reference = `R4 Gent lot ${uniqueSuffix()}`;
  await call('mutation C($input: CreateProjectCertificateInput!) { createProjectCertificate(input: $input) { id } }', {
    input: {
      reference, site: 'R4, Gent-Zeehaven', material: 'tar-containing asphalt for thermal cleaning', quantityTonnes: 860.25,
      parties: [{ role: 'CLIENT', organisationId: client }, { role: 'CONTRACTOR', organisationId: me.organisationId }, { role: 'INTERMEDIATE_STORAGE', organisationId: me.organisationId }],
    },
  }, token);
  return reference;
}

test('staff issue a project certificate once every party has a contact; a party’s administrator reads it and sends it to an external system (en)', async ({ page, browser, state, pageProblems: _ }) => {
  // Two people and the API's own login: more than one person's budget.
  test.setTimeout(360_000);
  journey('project certificate', 'en');
  const m = MESSAGES.en;
  const p = m.projects;
  const reference = await openProjectThroughApi(page, state.demoPassword);

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
});
