import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './support/chromium';

// Debian's Chromium, never a downloaded browser: stops here with the install command when absent.
const executablePath = chromiumPath();

export default defineConfig({
  testDir: '.',
  testMatch: '*.web.ts',
  outputDir: '.output/results',
  // One API and one database for the whole run; journeys register their own companies.
  workers: 1,
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
