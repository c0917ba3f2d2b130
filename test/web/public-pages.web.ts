import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Locator, Page } from '@playwright/test';
import { expect, test, useLanguage } from './support/fixtures';
import { exactly, MESSAGES } from './support/messages';
import { REPO_ROOT } from './support/server';

// Measured without Playwright's trace recording, which slows the page it records.
test.use({ trace: 'off', screenshot: 'off' });

/** What a public page may cost a phone (issue #19): JavaScript gzipped, and time until it can be used. */
const BUDGET_KB = 150;

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

/**
 * The floor any page of ours stands on: React and ReactDOM (the portal's own versions, production
 * builds) rendering one enabled button, served from the portal's origin. Loaded beside each public
 * page in the same run, it turns "interactive in N ms" into a ratio that does not depend on how fast
 * (or how busy) the machine is, as `npm run bench` does for the API (issue #19's 1 s was met at 377 ms
 * on this machine when it was three times faster; the same build took 1,050 ms on 2 December).
 */
const FLOOR_PATH = '/__speed-floor';
const FLOOR_TEXT = 'Verify';

function reactFloorScript(): string {
  // Read from the packages' folders: their `exports` do not name the builds.
  const source = (file: string) => readFileSync(join(REPO_ROOT, 'node_modules', file), 'utf8');
  const modules: Record<string, string> = {
    react: source('react/cjs/react.production.js'),
    scheduler: source('scheduler/cjs/scheduler.production.js'),
    'react-dom': source('react-dom/cjs/react-dom.production.js'),
    'react-dom/client': source('react-dom/cjs/react-dom-client.production.js'),
  };
  const definitions = Object.entries(modules).map(([name, code]) => `${JSON.stringify(name)}: function (module, exports, require) {\n${code}\n}`).join(',\n');
  return `(function () {
  var definitions = {${definitions}};
  var cache = {};
  function require(name) {
    if (cache[name]) return cache[name].exports;
    var module = (cache[name] = { exports: {} });
    definitions[name](module, module.exports, require);
    return module.exports;
  }
  var React = require('react');
  require('react-dom/client').createRoot(document.getElementById('root')).render(React.createElement('button', { type: 'button' }, ${JSON.stringify(FLOOR_TEXT)}));
})();`;
}

const FLOOR_PAGE: PublicPage = { name: 'React floor', path: FLOOR_PATH, ready: (page) => page.getByRole('button', { name: FLOOR_TEXT }), readyText: FLOOR_TEXT };

/** One fresh visitor (nothing cached, nothing stored): the page's gzipped JavaScript and when it became usable. */
async function visit(browser: Browser, publicPage: PublicPage, floorScript: string): Promise<{ kilobytes: number; interactiveMs: number; timing: string; scripts: number }> {
  const context = await browser.newContext({ locale: 'en-GB' });
  await context.route(`**${FLOOR_PATH}`, (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title><script type="module" src="${FLOOR_PATH}.js"></script></head><body><div id="root"></div></body></html>` }));
  await context.route(`**${FLOOR_PATH}.js`, (route) => route.fulfill({ contentType: 'text/javascript', body: floorScript }));
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

/**
 * Visits per page, each followed at once by a visit of the floor: a pair shares whatever the machine is
 * doing at that moment. Seven pairs, so that the median is not one pair's.
 */
const VISITS = 7;

/**
 * A public page may take at most twice as long as the React floor to become usable: the median, over the
 * pairs, of the page's time over its floor's. Measured on 2 December 2026 on a quiet machine: 1.3 to 1.5
 * (778 to 938 ms against a floor of 567 to 712 ms); that evening, on a machine three times faster, 1.4 to
 * 1.9 (246 to 544 ms against 128 to 320 ms). Heavier start-up work (a dependency, a request before the
 * first render, a waterfall) shows here, whatever the machine's speed.
 *
 * Not the fastest of each: on the fast machine the floor's visits of one run spread from 151 to 328 ms,
 * and one lucky floor visit set against the page's fastest made 2.3 (CI of 2 December, evening), where
 * the medians of the same run made 1.6. The median of the pairs' ratios moves with neither one lucky
 * nor one slow visit.
 */
const BUDGET_INTERACTIVE_RATIO = 2;

type Visit = Awaited<ReturnType<typeof visit>>;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

test('public pages load under 150 kB of JavaScript (gzipped) and become usable within twice the time of the React floor @speed', async ({ browser }) => {
  const floorScript = reactFloorScript();
  const measured: Array<{ name: string; visits: Visit[]; ratio: number; timings: string }> = [];
  for (const publicPage of PUBLIC_PAGES) {
    // A first visit of each, not counted: the server's and the browser's first sight of the files.
    await visit(browser, publicPage, floorScript);
    await visit(browser, FLOOR_PAGE, floorScript);
    const pairs: Array<{ page: Visit; floorMs: number }> = [];
    for (let n = 0; n < VISITS; n += 1) {
      const page = await visit(browser, publicPage, floorScript);
      const floor = await visit(browser, FLOOR_PAGE, floorScript);
      pairs.push({ page, floorMs: floor.interactiveMs });
    }
    const ratio = median(pairs.map((pair) => pair.page.interactiveMs / Math.max(1, pair.floorMs)));
    const timings = pairs.map((pair) => `${pair.page.interactiveMs} ms (${pair.page.timing}) / floor ${pair.floorMs} ms`).join('; ');
    test.info().annotations.push({ type: 'timing', description: `${publicPage.name}: ${timings}` });
    measured.push({ name: publicPage.name, visits: pairs.map((pair) => pair.page), ratio, timings });
  }
  process.stdout.write(
    `public pages: ${measured
      .map((m) => `${m.name} ${m.visits[0]!.kilobytes} kB JS gzipped, interactive in ${median(m.visits.map((v) => v.interactiveMs))} ms (median), ${m.ratio.toFixed(1)} times the React floor (median of ${VISITS} pairs)`)
      .join('; ')}\n`,
  );
  for (const m of measured) {
    expect(Math.min(...m.visits.map((v) => v.scripts)), `${m.name}: scripts loaded`).toBeGreaterThan(0);
    expect(Math.max(...m.visits.map((v) => v.kilobytes)), `${m.name}: JavaScript gzipped (kB)`).toBeLessThanOrEqual(BUDGET_KB);
    expect(m.ratio, `${m.name}: time to interactive over the React floor's, median of ${VISITS} pairs: ${m.timings}`).toBeLessThanOrEqual(BUDGET_INTERACTIVE_RATIO);
  }
});
