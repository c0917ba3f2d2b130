import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './support/chromium';

// Debian's Chromium, never a downloaded browser: stops here with the install command when absent.
const executablePath = chromiumPath();

export default defineConfig({
  testDir: '.',
  testMatch: '*.web.ts',
  outputDir: '.output/results',
  // Each worker starts its own API on its own embedded database (fixtures.ts, `server`), so files could run
  // side by side without sharing demo accounts, second-factor steps or a tenant's settings. One worker
  // by default: a journey keeps one and a half cores busy (Chromium renders and axe checks every
  // screen), and in CI, two workers beside jest left jest too little CPU to finish within 20 minutes.
  // CHANCERY_WEB_WORKERS=2 on a machine with cores to spare.
  workers: Number(process.env.CHANCERY_WEB_WORKERS ?? 1),
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
    // A trace records the screen as it changes (a screencast) and the page at every step: a sixth of a
    // journey's CPU (measured on the datasheet journey: 62–67 s against 75–84 s of CPU). CI's trace files
    // stay on its machine, where nobody opens them, so CI records none.
    trace: process.env.CI ? 'off' : 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
