import { gzipSync } from 'node:zlib';
import type { Browser, Locator, Page } from '@playwright/test';
import { expect, test, useLanguage } from './support/fixtures';
import { exactly, MESSAGES } from './support/messages';

// Measured without Playwright's trace recording, which slows the page it records.
test.use({ trace: 'off', screenshot: 'off' });

/** What a public page may cost a phone (issue #19): JavaScript gzipped, and time until it can be used. */
const BUDGET_KB = 150;
const BUDGET_INTERACTIVE_MS = 1_000;

interface PublicPage {
  name: string;
  path: string;
  /** The control a visitor uses first: the page is interactive once it is there and enabled. */
  ready: (page: Page) => Locator;
  /** That control's text, for the page itself to note the moment it appears enabled. */
  readyText: string;
}

/** The public pages under budget: certificate verification, and the datasheet search where visitors start. */
const PUBLIC_PAGES: PublicPage[] = [
  { name: 'verification', path: '/verification', ready: (page) => page.getByRole('button', { name: exactly(MESSAGES.en.verification.submit) }), readyText: MESSAGES.en.verification.submit },
  { name: 'datasheet search', path: '/datasheets', ready: (page) => page.getByRole('button', { name: exactly(MESSAGES.en.datasheets.public.search) }), readyText: MESSAGES.en.datasheets.public.search },
];

/**
 * From the very start: long tasks (main thread busy > 50 ms), so "interactive" waits for them to end,
 * and the moment the first control appears enabled, noted by the page itself as the DOM changes
 * (Playwright's polling of the locator would see it later than it happened).
 */
async function recordLongTasksAndReadiness(page: Page, readyText: string): Promise<void> {
  await page.addInitScript((text) => {
    const tasks: Array<{ start: number; end: number }> = [];
    const probe = window as unknown as { __longTasks: typeof tasks; __readyAt?: number };
    probe.__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, end: entry.startTime + entry.duration });
    }).observe({ type: 'longtask', buffered: true });
    const check = () => {
      if (probe.__readyAt !== undefined) return;
      const ready = [...document.querySelectorAll('button')].some((button) => button.textContent?.trim() === text && !button.disabled);
      if (ready) probe.__readyAt = performance.now();
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
  }, readyText);
}

/** One fresh visitor (nothing cached, nothing stored): the page's gzipped JavaScript and when it became usable. */
async function visit(browser: Browser, publicPage: PublicPage): Promise<{ kilobytes: number; interactiveMs: number; timing: string; scripts: number }> {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await useLanguage(page, 'en');
  await recordLongTasksAndReadiness(page, publicPage.readyText);
  const scripts = new Map<string, Promise<Buffer>>();
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.set(response.url(), response.body());
  });
  await page.goto(publicPage.path, { waitUntil: 'commit' });
  await expect(publicPage.ready(page)).toBeEnabled();
  // Interactive: the first control is there, and no long task keeps the main thread busy after it.
  const { interactiveMs, timing } = await page.evaluate(() => {
    const probe = window as unknown as { __longTasks: Array<{ end: number }>; __readyAt?: number };
    const readyAt = probe.__readyAt ?? performance.now();
    const tasks = probe.__longTasks;
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return {
      interactiveMs: Math.round(Math.max(readyAt, ...tasks.map((task) => task.end))),
      timing: navigation ? `response ${Math.round(navigation.responseEnd)} ms, DOM ${Math.round(navigation.domContentLoadedEventEnd)} ms, ${tasks.length} long tasks` : '',
    };
  });
  await page.waitForLoadState('networkidle');
  // The server sends the files as they are; a static host or proxy compresses them, so count them gzipped.
  const bodies = await Promise.all(scripts.values());
  const gzippedBytes = bodies.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0);
  await context.close();
  return { kilobytes: Math.round((gzippedBytes / 1024) * 10) / 10, interactiveMs, timing, scripts: bodies.length };
}

/** Visits per page: the median is reported, so one visit slowed by another process on a shared machine does not decide. */
const VISITS = 3;

test('public pages load under 150 kB of JavaScript (gzipped) and are interactive within 1 s @speed', async ({ browser }) => {
  const measured: Array<{ name: string; median: Awaited<ReturnType<typeof visit>>; timings: string }> = [];
  for (const publicPage of PUBLIC_PAGES) {
    // The server has just started: one visit first, so the measure is of the page, not of a cold server.
    await visit(browser, publicPage);
    const visits = [];
    for (let n = 0; n < VISITS; n += 1) visits.push(await visit(browser, publicPage));
    visits.sort((a, b) => a.interactiveMs - b.interactiveMs);
    const timings = visits.map((v) => `${v.interactiveMs} ms (${v.timing})`).join('; ');
    test.info().annotations.push({ type: 'timing', description: `${publicPage.name}: ${timings}` });
    measured.push({ name: publicPage.name, median: visits[Math.floor(visits.length / 2)]!, timings });
  }
  // The figure first, so a page over budget still shows by how much.
  process.stdout.write(`public pages: ${measured.map(({ name, median }) => `${name} ${median.kilobytes} kB JS gzipped, interactive in ${median.interactiveMs} ms`).join('; ')}\n`);
  for (const { name, median, timings } of measured) {
    expect(median.scripts, `${name}: scripts loaded`).toBeGreaterThan(0);
    expect(median.kilobytes, `${name}: JavaScript gzipped (kB)`).toBeLessThanOrEqual(BUDGET_KB);
    expect(median.interactiveMs, `${name}: time to interactive (ms), median of ${VISITS}: ${timings}`).toBeLessThanOrEqual(BUDGET_INTERACTIVE_MS);
  }
});
