import { existsSync } from 'node:fs';

/** Debian's Chromium (the registries serve no browser builds, so Playwright downloads none). */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/lib/chromium/chromium'];

/** CHROMIUM_PATH when set, else the first Debian location that exists; null when there is none. */
export function findChromium(): { path: string | null; why?: string } {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return existsSync(configured) ? { path: configured } : { path: null, why: `CHROMIUM_PATH=${configured} does not exist.` };
  const found = CANDIDATES.find((path) => existsSync(path));
  return found ? { path: found } : { path: null, why: 'No Chromium found (looked for /usr/bin/chromium and CHROMIUM_PATH).' };
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
