import { gzipSync } from 'node:zlib';
import type { Locator, Page } from '@playwright/test';
import { expect, test, useLanguage } from './support/fixtures';
import { exactly, MESSAGES } from './support/messages';

/** What a public page may cost a phone (issue #19): JavaScript gzipped, and time until it can be used. */
const BUDGET_KB = 150;
const BUDGET_INTERACTIVE_MS = 1_000;

interface PublicPage {
  name: string;
  path: string;
  /** The control a visitor uses first: the page is interactive once it is there and enabled. */
  ready: (page: Page) => Locator;
}

/** The public pages under budget; the datasheet page joins this list when it exists. */
const PUBLIC_PAGES: PublicPage[] = [
  { name: 'verification', path: '/verification', ready: (page) => page.getByRole('button', { name: exactly(MESSAGES.en.verification.submit) }) },
];

/** Long tasks (main thread busy > 50 ms) from the very start, so "interactive" waits for them to end. */
async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const tasks: Array<{ start: number; end: number }> = [];
    (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, end: entry.startTime + entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

test('public pages load under 150 kB of JavaScript (gzipped) and are interactive within 1 s', async ({ browser }) => {
  const lines: string[] = [];
  for (const publicPage of PUBLIC_PAGES) {
    // A fresh visitor: nothing cached, nothing stored.
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await useLanguage(page, 'en');
    await recordLongTasks(page);
    const scripts = new Map<string, Promise<Buffer>>();
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.set(response.url(), response.body());
    });
    await page.goto(publicPage.path, { waitUntil: 'commit' });
    const control = publicPage.ready(page);
    await expect(control).toBeEnabled();
    // Interactive: the first control is there, and no long task keeps the main thread busy after it.
    const interactiveMs = await page.evaluate(() => {
      const readyAt = performance.now();
      const tasks = (window as unknown as { __longTasks: Array<{ end: number }> }).__longTasks;
      return Math.round(Math.max(readyAt, ...tasks.map((task) => task.end)));
    });
    await page.waitForLoadState('networkidle');
    // The server sends the files as they are; a static host or proxy compresses them, so count them gzipped.
    const bodies = await Promise.all(scripts.values());
    const gzippedBytes = bodies.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0);
    const kilobytes = Math.round((gzippedBytes / 1024) * 10) / 10;
    lines.push(`${publicPage.name} ${kilobytes} kB JS gzipped, interactive in ${interactiveMs} ms`);
    expect(scripts.size, `${publicPage.name}: scripts loaded`).toBeGreaterThan(0);
    expect(kilobytes, `${publicPage.name}: JavaScript gzipped (kB)`).toBeLessThanOrEqual(BUDGET_KB);
    expect(interactiveMs, `${publicPage.name}: time to interactive (ms)`).toBeLessThanOrEqual(BUDGET_INTERACTIVE_MS);
    await context.close();
  }
  process.stdout.write(`public pages: ${lines.join('; ')}\n`);
});
