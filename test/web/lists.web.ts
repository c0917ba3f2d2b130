import { Client } from 'pg';
import { graphqlCaller } from './support/api';
import { chooseLanguage, expect, journey, logIn, test, uniqueSuffix, useLanguage } from './support/fixtures';
import { exactly, loginTexts, MESSAGES } from './support/messages';

const VOKA = 'voka-antwerpen-waasland';
/** The portal's page of applications (CertificatesPage, ReviewQueuePage). */
const PAGE_SIZE = 50;

/**
 * A company that applies every day has hundreds of applications: its list goes a page at a time, newest
 * first (the API stopped every list at 200 before, and the portal asked for those 200 at once). The
 * test's applications are drafts (the chamber's queue never shows them) and are deleted afterwards, so
 * the lists the other browser tests read are as they were.
 */
test("a company's list of applications goes a page at a time: the oldest of 51 new ones is one 'Load older' away (en)", async ({ page, state, pageProblems: _ }) => {
  journey('lists page by page', 'en');
  const m = MESSAGES.en;
  await useLanguage(page, 'en');
  const call = graphqlCaller(page);
  const { login } = await call<{ login: { accessToken: string } }>('mutation L($input: LoginInput!) { login(input: $input) { accessToken } }', {
    input: { tenant: VOKA, email: 'admin@company1.voka.test', password: state.demoPassword },
  });
  const batch = uniqueSuffix();
  const consignee = (n: number) => `Paging ${batch} ${String(n).padStart(2, '0')}`;
  const ids: string[] = [];
  try {
    for (let n = 1; n <= PAGE_SIZE + 1; n += 1) {
      const { createCertificateApplication } = await call<{ createCertificateApplication: { id: string } }>(
        'mutation C($input: CreateCertificateApplicationInput!) { createCertificateApplication(input: $input) { id } }',
        { input: { consignee: { name: consignee(n), address: 'Kade 1, Rotterdam', country: 'NL' }, countryOfOrigin: 'BE' } },
        login.accessToken,
      );
      ids.push(createCertificateApplication.id);
    }

    await logIn(page, { tenant: VOKA, email: 'admin@company1.voka.test', password: state.demoPassword }, loginTexts(m));
    await chooseLanguage(page, 'en');
    await page.getByRole('navigation', { name: m.app.portalNavigation }).getByRole('link', { name: exactly(m.nav.certificates) }).click();
    await expect(page.getByRole('heading', { level: 1, name: m.certificates.list.title })).toBeVisible();

    const table = page.getByRole('region', { name: m.certificates.list.applications });
    await expect(table.getByRole('rowheader', { name: consignee(PAGE_SIZE + 1) })).toBeVisible();
    // One page: the newest fifty, all of them this test's; the oldest of its applications is not there yet.
    await expect(table.locator('tbody tr')).toHaveCount(PAGE_SIZE);
    await expect(table.getByRole('rowheader', { name: consignee(1) })).toHaveCount(0);

    await page.getByRole('button', { name: exactly(m.common.loadOlder) }).click();
    await expect(table.getByRole('rowheader', { name: consignee(1) })).toBeVisible();
    // The next page follows the first: nothing shown twice.
    const names = await table.getByRole('rowheader').allTextContents();
    expect(names.filter((name) => name.startsWith(`Paging ${batch} `))).toHaveLength(PAGE_SIZE + 1);
    expect(new Set(names.filter((name) => name.startsWith(`Paging ${batch} `))).size).toBe(PAGE_SIZE + 1);
  } finally {
    const owner = new Client({ connectionString: state.ownerUrl });
    await owner.connect();
    try {
      await owner.query('DELETE FROM certificate_application WHERE id = ANY($1::uuid[])', [ids]);
    } finally {
      await owner.end();
    }
  }
});

/**
 * A certification body certifies thousands of products: its list of certified products goes a page at a
 * time by name, and a product is found by part of its name or certificate reference (the API stopped
 * the list at its first 1,000 before, and the portal asked for all of them). The test's products are
 * deleted afterwards (they have no datasheet), so the lists the other browser tests read are as they were.
 */
test("a certification body's certified products go a page at a time, and one is found by part of its certificate reference (en)", async ({ page, state, pageProblems: _ }) => {
  journey('lists page by page', 'en');
  const m = MESSAGES.en;
  await useLanguage(page, 'en');
  const call = graphqlCaller(page);
  const clerk = { tenant: 'be-cert', email: 'clerk@be-cert.test', password: state.demoPassword };
  const { login } = await call<{ login: { accessToken: string } }>('mutation L($input: LoginInput!) { login(input: $input) { accessToken } }', { input: clerk });
  const { organisations } = await call<{ organisations: Array<{ id: string }> }>('query { organisations(nameContains: "Brabant Concrete", first: 1) { id } }', {}, login.accessToken);
  const batch = uniqueSuffix();
  // Named to sort after the demo's products: the last of them is on the second page.
  const name = (n: number) => `Zz Paging ${batch} ${String(n).padStart(2, '0')}`;
  const reference = (n: number) => `BENOR-PG${batch}-${String(n).padStart(2, '0')}`;
  const ids: string[] = [];
  try {
    for (let n = 1; n <= PAGE_SIZE + 1; n += 1) {
      const { createCertifiedProduct } = await call<{ createCertifiedProduct: { id: string } }>(
        'mutation P($input: CreateCertifiedProductInput!) { createCertifiedProduct(input: $input) { id } }',
        { input: { organisationId: organisations[0]!.id, name: name(n), productFamily: 'kerbstones', certificateReference: reference(n), scheme: 'BENOR', productionUnit: 'Plant Paging' } },
        login.accessToken,
      );
      ids.push(createCertifiedProduct.id);
    }

    await logIn(page, clerk, loginTexts(m));
    await chooseLanguage(page, 'en');
    await page.getByRole('navigation', { name: m.app.portalNavigation }).getByRole('link', { name: exactly(m.nav.certifiedProducts) }).click();
    await expect(page.getByRole('heading', { level: 1, name: m.datasheets.products.title })).toBeVisible();
    const table = page.getByRole('region', { name: m.datasheets.products.listTitle });
    await expect(table.locator('tbody tr')).toHaveCount(PAGE_SIZE);
    await expect(table.getByRole('rowheader', { name: new RegExp(`^${name(PAGE_SIZE + 1)}`) })).toHaveCount(0);

    await page.getByRole('button', { name: exactly(m.common.showMore) }).click();
    await expect(table.getByRole('rowheader', { name: new RegExp(`^${name(PAGE_SIZE + 1)}`) })).toBeVisible();
    const names = (await table.getByRole('rowheader').allTextContents()).filter((text) => text.startsWith(`Zz Paging ${batch} `));
    expect(new Set(names).size).toBe(PAGE_SIZE + 1);

    // Part of one certificate reference, typed in lower case: that product alone.
    await page.getByRole('textbox', { name: new RegExp(`^${m.datasheets.products.search}`) }).fill(`pg${batch}-07`);
    await page.getByRole('button', { name: exactly(m.datasheets.products.searchButton) }).click();
    await expect(table.locator('tbody tr')).toHaveCount(1);
    await expect(table.getByRole('rowheader', { name: new RegExp(`^${name(7)}`) })).toBeVisible();
    // A text nothing has: said so.
    await page.getByRole('textbox', { name: new RegExp(`^${m.datasheets.products.search}`) }).fill(`no such ${batch}`);
    await page.getByRole('button', { name: exactly(m.datasheets.products.searchButton) }).click();
    await expect(page.getByText(m.datasheets.products.noneMatching.replace('{{text}}', `no such ${batch}`))).toBeVisible();
  } finally {
    const owner = new Client({ connectionString: state.ownerUrl });
    await owner.connect();
    try {
      await owner.query('DELETE FROM certified_product WHERE id = ANY($1::uuid[])', [ids]);
    } finally {
      await owner.end();
    }
  }
});
