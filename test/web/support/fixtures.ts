import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Locator, type Page } from '@playwright/test';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { generateSync } from 'otplib';
import { exactly, type MESSAGES } from './messages';
import { REPO_ROOT, startApi, type WebTestState } from './server';

export type Language = 'nl' | 'fr' | 'de' | 'en';

interface Fixtures {
  state: WebTestState;
  /** Problems the page reported: uncaught errors, and any Content-Security-Policy violation. */
  pageProblems: string[];
}

interface WorkerFixtures {
  /** This worker's own API and database: workers share no accounts, second-factor steps or settings. */
  server: WebTestState;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  server: [
    async ({}, use, workerInfo) => {
      const { state, stop } = await startApi();
      process.stdout.write(`[web] worker ${workerInfo.parallelIndex}: API and portal at ${state.baseURL} (DATA_DIR ${state.dataDir})\n`);
      await use(state);
      await stop();
    },
    // Migrations and demo data on a fresh embedded PostgreSQL, on a machine that runs jest beside.
    { scope: 'worker', timeout: 180_000 },
  ],
  state: async ({ server }, use) => {
    await use(server);
  },
  baseURL: async ({ server }, use) => {
    await use(server.baseURL);
  },
  pageProblems: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      const text = message.text();
      if (/Content Security Policy|Refused to (load|execute|apply|connect)/i.test(text)) problems.push(`CSP: ${text}`);
    });
    await use(problems);
    expect(problems, 'the page reported errors or CSP violations').toEqual([]);
  },
});

export { expect };

/** Marks the running test as a journey in a language, for the summary line. */
export function journey(name: string, language: Language): void {
  test.info().annotations.push({ type: 'journey', description: name }, { type: 'language', description: language });
}

/** The portal's language for this browser, as a visitor's earlier choice would have left it. */
export async function useLanguage(page: Page, language: Language): Promise<void> {
  await page.addInitScript((lang) => {
    if (!sessionStorage.getItem('chancery.test.languageSet')) {
      localStorage.setItem('chancery.language', lang);
      sessionStorage.setItem('chancery.test.languageSet', '1');
    }
  }, language);
}

/** Picks a language in the portal's menu (saved as the user's preference when logged in). */
export async function chooseLanguage(page: Page, language: Language): Promise<void> {
  await page.locator('.language-switcher select').selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

/**
 * axe-core over the screen as it is now (WCAG 2.0–2.2 A and AA rules): no serious or critical
 * violation allowed. Counts the screen for the summary, and takes its picture when asked.
 */
export async function checkScreen(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).setLegacyMode(true).analyze();
  const blocking = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  const report = blocking.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n  ')}`);
  expect(report, `axe: serious or critical violations on "${screen}"`).toEqual([]);
  test.info().annotations.push({ type: 'screen', description: screen });
  // Pictures of the main screens only (not of each language variant, named `…-nl`, `…-fr`, …).
  if (process.env.CHANCERY_WEB_SCREENSHOTS === '1' && !/-(nl|fr|de|en)$/.test(screen)) {
    const folder = join(REPO_ROOT, 'docs', 'screens');
    mkdirSync(folder, { recursive: true });
    await page.screenshot({ path: join(folder, `${screen}.png`), fullPage: true, animations: 'disabled', caret: 'hide' });
  }
}

/** The last 30-second time step whose code was given out, per secret. */
const usedSteps = new Map<string, number>();

/**
 * An unused code of an authenticator app holding `secret` (otplib, as the server checks it). The
 * server accepts the codes of the current step and of its two neighbours (a phone's clock drifts),
 * each once and never one of a step at or before the last used. So the code given is that of the
 * earliest step still open: the step after the last one given out, but no earlier than the previous
 * step (the current one when fewer than 8 s of it are left, so the code is not stale on arrival).
 * Three codes of one account thus need no wait; a fourth within the same half minute waits for
 * time to catch up, as a person would.
 */
export async function totpCode(secret: string): Promise<string> {
  const key = secret.replace(/\s/g, '');
  const STEP_MS = 30_000;
  const now = Date.now();
  const current = Math.floor(now / STEP_MS);
  const earliestOpen = (current + 1) * STEP_MS - now >= 8_000 ? current - 1 : current;
  const step = Math.max(earliestOpen, (usedSteps.get(key) ?? -Infinity) + 1);
  // A code of step s is accepted from the start of step s - 1: wait for it (with half a second to spare).
  const acceptedFrom = (step - 1) * STEP_MS + 500;
  if (Date.now() < acceptedFrom) {
    const wait = acceptedFrom - Date.now();
    // Printed so the suite's time spent waiting on the clock (not the machine) can be told apart.
    process.stdout.write(`[web] waited ${(wait / 1000).toFixed(1)} s for the next second-factor step\n`);
    await new Promise((done) => setTimeout(done, wait));
  }
  usedSteps.set(key, step);
  return generateSync({ secret: key, epoch: Math.floor((step * STEP_MS) / 1000) });
}

/** The text of an .eml file as nodemailer writes it (7bit, quoted-printable or base64), headers apart. */
function readEml(path: string): { to: string; text: string } {
  const eml = readFileSync(path, 'utf8');
  const split = eml.indexOf('\r\n\r\n');
  const head = eml.slice(0, split);
  let text = eml.slice(split + 4);
  if (/Content-Transfer-Encoding: base64/i.test(head)) text = Buffer.from(text, 'base64').toString('utf8');
  else if (/quoted-printable/i.test(head)) {
    text = Buffer.from(text.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
  }
  return { to: /^To: (.+)$/m.exec(head)?.[1]?.trim().toLowerCase() ?? '', text };
}

/**
 * The newest e-mail to `recipient` with this template, as the person receives it: read from the .eml
 * file the server delivered to DATA_DIR/mail (`npm start` delivers in development). Waits for it (the
 * worker sends the outbox) until `accept` takes it.
 */
export async function mailTo(state: WebTestState, recipient: string, template: string, accept: (text: string) => boolean = () => true): Promise<string> {
  const folder = join(state.dataDir, 'mail');
  for (let attempt = 0; attempt < 60; attempt += 1) {
    const files = existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.eml') && name.includes(`-${template}-`)) : [];
    const newest = files
      .map((name) => ({ path: join(folder, name), at: statSync(join(folder, name)).mtimeMs }))
      .sort((a, b) => b.at - a.at)
      .map(({ path }) => readEml(path))
      .find((mail) => mail.to === recipient.toLowerCase());
    if (newest && accept(newest.text)) return newest.text;
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`no ${template} e-mail to ${recipient} in ${folder}`);
}

/** The link of the newest e-mail to `recipient` with this template, as a person would click it. */
export async function linkFromMail(state: WebTestState, recipient: string, template: string): Promise<string> {
  const link = /https?:\/\/\S+#token=\S+/;
  return link.exec(await mailTo(state, recipient, template, (text) => link.test(text)))![0];
}

/** A Belgian VAT number with valid check digits (97 − first eight digits mod 97), new each time. */
export function newBelgianVatNumber(): string {
  const body = `0${String(Math.floor(Math.random() * 10_000_000)).padStart(7, '0')}`;
  const check = 97 - (Number(body) % 97);
  return `BE${body}${String(check).padStart(2, '0')}`;
}

export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

interface LoginDetails {
  tenant: string | null;
  email: string;
  password: string;
  totpSecret?: string;
}

/** Logs in through the login form (tenant picked from the directory list, or the platform). */
export async function logIn(page: Page, details: LoginDetails, texts: { tenant: RegExp; email: RegExp; password: RegExp; code: RegExp; submit: RegExp }) {
  await page.goto('/login');
  const tenantSelect = page.getByLabel(texts.tenant);
  await expect(tenantSelect.locator('option')).not.toHaveCount(3); // the directory has loaded
  await tenantSelect.selectOption(details.tenant ?? '__platform__');
  await page.getByLabel(texts.email).fill(details.email);
  await page.getByLabel(texts.password, { exact: true }).fill(details.password);
  if (details.totpSecret) await page.getByLabel(texts.code).fill(await totpCode(details.totpSecret));
  await page.getByRole('button', { name: texts.submit }).click();
  await expect(page).toHaveURL(/\/app/);
}

/** The register of processing activities on screen (RegisterView), by its heading in the reader's language. */
export function registerOnScreen(page: Page, m: (typeof MESSAGES)[Language]): Locator {
  return page.getByRole('region', { name: exactly(m.registerView.title) });
}

/** One activity of the register on screen, by its heading (an own entry's heading ends in its badge). */
export function registerActivity(register: Locator, heading: string): Locator {
  return register.getByRole('region', { name: exactly(heading) });
}

/** The value (`<dd>`) of an item of an activity of the register on screen, by its label (`<dt>`). */
export function registerItem(activity: Locator, label: string): Locator {
  return activity.locator('dl > div').filter({ has: activity.page().locator('dt', { hasText: exactly(label) }) }).locator('dd');
}

/** A 2×1 white PNG, the smallest signature image there is. */
export function tinyPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(1, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const pixels = Buffer.from([0, 255, 255, 255, 255, 255, 255]);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0))]);
}
