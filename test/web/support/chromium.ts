import { existsSync } from 'node:fs';

/** Debian's Chromium (the registries serve no browser builds, so Playwright downloads none). */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/lib/chromium/chromium'];

export function chromiumPath(): string {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (existsSync(configured)) return configured;
    fail(`CHROMIUM_PATH=${configured} does not exist.`);
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found) fail('No Chromium found (looked for /usr/bin/chromium and CHROMIUM_PATH).');
  return found;
}

function fail(why: string): never {
  process.stderr.write(`${why}\ninstall Chromium: apt-get install -y chromium\n`);
  process.exit(1);
}

/** Flags that work on this machine (no GPU, no sandbox as root, nothing phoning home). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
