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
