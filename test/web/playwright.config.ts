import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './support/chromium';

// Debian's Chromium, never a downloaded browser: stops here with the install command when absent.
const executablePath = chromiumPath();

export default defineConfig({
  testDir: '.',
  testMatch: '*.web.ts',
  outputDir: '.output/results',
  // Each worker starts its own API on its own embedded database (fixtures.ts, `server`), so files run
  // side by side without sharing demo accounts, second-factor steps or a tenant's settings. The
  // journeys mostly wait (on the server, the worker's e-mail and PDF rounds, the browser), so two
  // lanes finish in little more than half the time of one. Tests of a file run in order, in one worker.
  workers: Number(process.env.CHANCERY_WEB_WORKERS ?? 2),
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  // Generous: the journeys hash passwords (argon2) and must pass on a busy shared machine too.
  timeout: 240_000,
  expect: { timeout: 20_000 },
  globalSetup: './support/global-setup.ts',
  reporter: [['list'], ['./support/summary-reporter.ts']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/Brussels',
    actionTimeout: 30_000,
    navigationTimeout: 60_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
