import { Client } from 'pg';
import { graphqlCaller, invitedStaff, registeredCompany, tenantOfOwn, VOKA, type GraphqlCall } from './support/api';
import { checkScreen, chooseLanguage, expect, logIn, test, tinyPng, totpCode, uniqueSuffix, useLanguage } from './support/fixtures';
import { exactly, fill, loginTexts, MESSAGES } from './support/messages';

const LOGIN = 'mutation L($input: LoginInput!) { login(input: $input) { accessToken } }';

async function login(call: GraphqlCall, tenant: string, email: string, password: string, totpSecret?: string): Promise<string> {
  const { login: session } = await call<{ login: { accessToken: string } }>(LOGIN, {
    input: { tenant, email, password, ...(totpSecret ? { totpCode: await totpCode(totpSecret) } : {}) },
  });
  return session.accessToken;
}

/** An application of the company, submitted: its id. */
async function submittedApplication(call: GraphqlCall, token: string): Promise<string> {
  const { createCertificateApplication } = await call<{ createCertificateApplication: { id: string } }>(
    'mutation C($input: CreateCertificateApplicationInput!) { createCertificateApplication(input: $input) { id } }',
    {
      input: {
        consignee: { name: 'Lyon Machines SARL', address: 'Rue du Port 3, Lyon', country: 'FR' }, countryOfOrigin: 'BE', declarationAccepted: true, language: 'EN',
        transportDetails: 'By road', invoiceReferences: [`INV-${uniqueSuffix()}`],
        goods: [{ description: 'Gear pumps', hsCode: '841360', quantity: 3, unit: 'pcs', grossWeightKg: 60, netWeightKg: 55, packages: 1, marksAndNumbers: 'INV/1' }],
      },
    },
    token,
  );
  await call('mutation S($id: ID!) { submitCertificateApplication(applicationId: $id) { id } }', { id: createCertificateApplication.id }, token);
  return createCertificateApplication.id;
}

/** Reads the file Playwright saved. */
async function contentOf(download: { createReadStream(): Promise<NodeJS.ReadableStream> }): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

test("a chamber's administrator sees a month's fees per company with their totals and downloads them as CSV (nl)", async ({ page, state, pageProblems: _ }) => {
  const m = MESSAGES.nl;
  const v = m.invoicing;
  await useLanguage(page, 'nl');
  const call = graphqlCaller(page);
  // A chamber of the test's own: its fees are set here, and its months hold only what this test issues.
  // The administrator also reviews (as a clerk); an invited signer signs (the reviewer may not).
  const { tenant, admin } = await tenantOfOwn(page, state, ['CHAMBER_OF_COMMERCE'], ['CLERK']);
  const adminToken = await login(call, tenant.slug, admin.email, admin.password, admin.totpSecret);
  const { certificateSettings } = await call<{ certificateSettings: { numberPrefix: string } }>('query { certificateSettings { numberPrefix } }', {}, adminToken);
  await call(
    'mutation S($input: CertificateSettingsInput!) { setCertificateSettings(input: $input) { numberPrefix } }',
    { input: { numberPrefix: certificateSettings.numberPrefix, memberFeeCents: 2550, nonMemberFeeCents: 4000, copyMemberFeeCents: 500, copyNonMemberFeeCents: 900, currency: 'EUR' } },
    adminToken,
  );
  const signer = await invitedStaff(page, state, adminToken, { prefix: 'signer', firstName: 'Sien', lastName: 'Signer', roles: ['SIGNER'] });
  const enrolling = await login(call, tenant.slug, signer.email, signer.password);
  const { beginTotpEnrolment } = await call<{ beginTotpEnrolment: string }>('mutation { beginTotpEnrolment }', {}, enrolling);
  const signerSecret = new URL(beginTotpEnrolment).searchParams.get('secret')!;
  await call('mutation C($code: String!) { confirmTotpEnrolment(code: $code) }', { code: await totpCode(signerSecret) }, enrolling);
  const signerToken = await login(call, tenant.slug, signer.email, signer.password, signerSecret);
  // A signer signs with a stored signature (/app/signature).
  await call('mutation I($image: String!) { setMySignatureImage(image: $image) { id } }', { image: `data:image/png;base64,${tinyPng().toString('base64')}` }, signerToken);

  // Two companies: a member whose name a spreadsheet would take for a formula, and a non-member.
  const suffix = uniqueSuffix();
  const memberName = `=Cacao ${suffix} BV`;
  // A spreadsheet set to Belgian or Dutch separators splits a CSV line on ';': what follows must not become a formula cell.
  const otherName = `Zeepziederij ${suffix};=1+1 BV`;
  const member = await registeredCompany(call, state, tenant.slug, memberName);
  const other = await registeredCompany(call, state, tenant.slug, otherName);
  // The VAT numbers as the chamber's records hold them (the registration normalises what was typed).
  const vatOf = async (name: string) =>
    (await call<{ organisations: Array<{ vatNumber: string }> }>('query O($name: String!) { organisations(nameContains: $name) { vatNumber } }', { name }, adminToken)).organisations[0]!.vatNumber;
  const memberVat = await vatOf(memberName);
  const otherVat = await vatOf(otherName);
  const owner = new Client({ connectionString: state.ownerUrl });
  await owner.connect();
  try {
    // Membership is the chamber's own record (no screen sets it yet).
    await owner.query(`UPDATE organisation o SET is_member = true FROM tenant t WHERE t.id = o.tenant_id AND t.slug = $1 AND o.name = $2`, [tenant.slug, memberName]);
  } finally {
    await owner.end();
  }
  const issue = async (companyToken: string) => {
    const id = await submittedApplication(call, companyToken);
    await call('mutation C($id: ID!) { claimCertificateApplication(applicationId: $id) { id } }', { id }, adminToken);
    await call('mutation A($id: ID!) { approveCertificateApplication(applicationId: $id) { id } }', { id }, adminToken);
    const { signCertificate } = await call<{ signCertificate: { id: string; number: string; issuedAt: string } }>(
      'mutation S($id: ID!, $key: String!) { signCertificate(applicationId: $id, idempotencyKey: $key) { id number issuedAt } }',
      { id, key: `invoicing-${uniqueSuffix()}` },
      signerToken,
    );
    return signCertificate;
  };
  const first = await issue(member.token);
  const { requestCertificateCopy: copy } = await call<{ requestCertificateCopy: { copyNumber: number } }>(
    'mutation K($id: ID!) { requestCertificateCopy(certificateId: $id) { copyNumber } }', { id: first.id }, member.token);
  const second = await issue(other.token);
  const issuedMonth = first.issuedAt.slice(0, 7);
  expect(second.issuedAt.slice(0, 7)).toBe(issuedMonth);
  const [year, month] = issuedMonth.split('-').map(Number) as [number, number];
  const monthName = new Intl.DateTimeFormat('nl-BE', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1)));
  const monthLabel = new Intl.DateTimeFormat('nl-BE', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1)));
  const previous = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 1));

  await logIn(page, { tenant: tenant.slug, email: admin.email, password: admin.password, totpSecret: admin.totpSecret }, loginTexts(m));
  await page.getByRole('navigation', { name: m.app.portalNavigation }).getByRole('link', { name: exactly(v.title) }).click();
  await expect(page.getByRole('heading', { level: 1, name: v.title })).toBeVisible();
  // It opens on the previous month, when this chamber issued nothing: a sentence, no table.
  await expect(page.getByLabel(exactly(v.month))).toHaveValue(String(previous.getUTCMonth() + 1));
  await expect(page.getByLabel(exactly(v.year))).toHaveValue(String(previous.getUTCFullYear()));
  const previousLabel = new Intl.DateTimeFormat('nl-BE', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(previous);
  await expect(page.getByText(fill(v.none, { month: previousLabel }))).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await checkScreen(page, 'invoicing-empty');

  await page.getByLabel(exactly(v.year)).selectOption(String(year));
  await page.getByLabel(exactly(v.month)).selectOption({ label: monthName });
  const table = page.getByRole('table', { name: fill(v.caption, { month: monthLabel }) });
  await expect(table).toBeVisible();
  const money = (text: string) => new RegExp(`€\\s?${text.replace('.', '\\.')}`);
  const rowOf = (certificateNumber: string, kind: string) => table.getByRole('row').filter({ hasText: certificateNumber }).filter({ hasText: kind });
  const issued = rowOf(first.number, v.issue);
  await expect(issued).toHaveCount(1);
  await expect(issued).toContainText(memberName);
  await expect(issued).toContainText(fill(v.vat, { number: memberVat }));
  await expect(issued.getByRole('cell').nth(4)).toHaveText(v.yes);
  await expect(issued.getByRole('cell').nth(5)).toHaveText(money('25,50'));
  const copied = rowOf(first.number, fill(v.copy, { number: copy.copyNumber }));
  await expect(copied.getByRole('cell').nth(5)).toHaveText(money('5,00'));
  const nonMember = rowOf(second.number, v.issue);
  await expect(nonMember).toContainText(otherName);
  await expect(nonMember.getByRole('cell').nth(4)).toHaveText(v.no);
  await expect(nonMember.getByRole('cell').nth(5)).toHaveText(money('40,00'));
  // A total per company and the grand total.
  await expect(table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: fill(v.totalOf, { company: memberName }) }) })).toContainText(money('30,50'));
  await expect(table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: fill(v.totalOf, { company: otherName }) }) })).toContainText(money('40,00'));
  await expect(table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: exactly(v.total) }) })).toContainText(money('70,50'));
  await expect(table.getByRole('row')).toHaveCount(1 + 3 + 2 + 1);
  await checkScreen(page, 'invoicing');

  // The CSV: a header row, a line per fee, amounts in decimal, the formula-like name neutralised.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: exactly(v.download) }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`invoicing-${tenant.slug}-${issuedMonth}.csv`);
  const csv = await contentOf(file);
  const day = (iso: string) => iso.slice(0, 10);
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const rows = csv.slice(1).split('\r\n');
  expect(rows.pop()).toBe('');
  expect(rows[0]).toBe('date,company,vat_number,certificate_number,kind,copy_number,member_price,amount,currency');
  const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  expect(rows.slice(1)).toHaveLength(3);
  expect(rows.slice(1)).toEqual(expect.arrayContaining([
    `${day(first.issuedAt)},'${memberName},${memberVat},${first.number},ISSUE,,yes,25.50,EUR`,
    expect.stringMatching(new RegExp(`^${issuedMonth}-\\d{2},'${escaped(memberName)},${memberVat},${escaped(first.number)},COPY,${copy.copyNumber},yes,5\\.00,EUR$`)),
    `${day(second.issuedAt)},"${otherName}",${otherVat},${second.number},ISSUE,,no,40.00,EUR`,
  ]));
  expect(csv).not.toMatch(/(^|,)=Cacao/m);

  // One company: only its fees, and its total is the whole.
  await page.getByLabel(exactly(v.company)).selectOption({ label: `${otherName} (Hasselt)` });
  await expect(table.getByRole('row').filter({ hasText: first.number })).toHaveCount(0);
  await expect(rowOf(second.number, v.issue)).toHaveCount(1);
  await expect(table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: exactly(v.total) }) })).toContainText(money('40,00'));
});

test("the chamber's invoicing is its administrator's and auditor's: a clerk has no entry for it and is refused the screen (en)", async ({ page, state, pageProblems: _ }) => {
  const m = MESSAGES.en;
  await useLanguage(page, 'en');
  const nav = page.getByRole('navigation', { name: m.app.portalNavigation });
  await logIn(page, { tenant: VOKA, email: 'auditor@voka.test', password: state.demoPassword }, loginTexts(m));
  await chooseLanguage(page, 'en');
  await nav.getByRole('link', { name: exactly(m.invoicing.title) }).click();
  await expect(page.getByRole('heading', { level: 1, name: m.invoicing.title })).toBeVisible();
  await expect(page.getByLabel(exactly(m.companyChoice.company))).toBeVisible();
  await page.getByRole('button', { name: m.nav.logout }).click();

  await logIn(page, { tenant: VOKA, email: 'clerk@voka.test', password: state.demoPassword }, loginTexts(m));
  await chooseLanguage(page, 'en');
  await expect(nav.getByRole('link', { name: exactly(m.nav.reviewQueue) })).toBeVisible();
  await expect(nav.getByRole('link', { name: exactly(m.invoicing.title) })).toHaveCount(0);
  await page.evaluate(() => {
    window.history.pushState({}, '', '/app/invoicing');
    window.dispatchEvent(new PopStateEvent('popstate'));
  });
  await expect(page.getByRole('heading', { level: 1, name: m.errors.forbiddenPage.title })).toBeVisible();
});
