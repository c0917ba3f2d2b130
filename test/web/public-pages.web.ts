import { gzipSync } from 'node:zlib';
import type { Browser, Locator, Page } from '@playwright/test';
import { expect, test, useLanguage } from './support/fixtures';
import { exactly, MESSAGES } from './support/messages';

/** What a public page may cost a phone (issue #19): JavaScript, gzipped as a static host sends it. */
const BUDGET_KB = 150;

interface PublicPage {
  name: string;
  path: string;
  /** The control a visitor uses first: the page is usable once it is there and enabled. */
  ready: (page: Page) => Locator;
}

/** The public pages under budget: certificate verification, and the datasheet search where visitors start. */
const PUBLIC_PAGES: PublicPage[] = [
  { name: 'verification', path: '/verification', ready: (page) => page.getByRole('button', { name: exactly(MESSAGES.en.verification.submit) }) },
  { name: 'datasheet search', path: '/datasheets', ready: (page) => page.getByRole('button', { name: exactly(MESSAGES.en.datasheets.public.search) }) },
];

/** One fresh visitor (nothing cached, nothing stored): every script the page loaded until it was usable and the network went quiet. */
async function scriptsOfAVisit(browser: Browser, publicPage: PublicPage): Promise<{ scripts: number; kilobytes: number }> {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await useLanguage(page, 'en');
  const scripts = new Map<string, Promise<Buffer>>();
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.set(response.url(), response.body());
  });
  await page.goto(publicPage.path);
  await expect(publicPage.ready(page)).toBeEnabled();
  await page.waitForLoadState('networkidle');
  const bodies = await Promise.all(scripts.values());
  await context.close();
  const gzippedBytes = bodies.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0);
  return { scripts: bodies.length, kilobytes: Math.round((gzippedBytes / 1024) * 10) / 10 };
}

/*
 * How fast the pages become usable is measured by `npm run bench` (bench/public-pages.ts: time to
 * interactive against React's own floor in the same run), not here: on this 2-core machine one run's
 * ratio moved from 1.4 to 2.1 on the same build, and a timed budget failed CI by chance. What a page
 * loads does not depend on the machine, and is checked here.
 */
test('public pages load under 150 kB of JavaScript (gzipped)', async ({ browser }) => {
  const measured: Array<{ name: string; scripts: number; kilobytes: number }> = [];
  for (const publicPage of PUBLIC_PAGES) measured.push({ name: publicPage.name, ...(await scriptsOfAVisit(browser, publicPage)) });
  process.stdout.write(`public pages: ${measured.map((m) => `${m.name} ${m.kilobytes} kB JS gzipped in ${m.scripts} scripts`).join('; ')}\n`);
  for (const m of measured) {
    expect(m.scripts, `${m.name}: scripts loaded`).toBeGreaterThan(0);
    expect(m.kilobytes, `${m.name}: JavaScript gzipped (kB)`).toBeLessThanOrEqual(BUDGET_KB);
  }
});

test('verification asked with a malformed number and code marks both fields with their sentence, and offers no retry of the same values', async ({ page }) => {
  const m = MESSAGES.en;
  await useLanguage(page, 'en');
  await page.goto('/verification/ABC?code=1');
  const number = page.getByLabel(new RegExp(`^${m.verification.number}`));
  const code = page.getByLabel(new RegExp(`^${m.verification.code}`));
  // Found from outside: the summary said "correct the 2 fields below" and marked neither.
  await expect(number).toHaveAttribute('aria-invalid', 'true');
  await expect(code).toHaveAttribute('aria-invalid', 'true');
  await expect(number).toHaveValue('ABC');
  await expect(page.getByRole('button', { name: exactly(m.common.retry) })).toHaveCount(0);
});
