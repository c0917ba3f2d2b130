import { CHROMIUM_ARGS, findChromium } from '../../../bench/chromium';

export { CHROMIUM_ARGS };

/** The Chromium the browser tests drive (shared with `npm run bench`'s public pages); none ends the run. */
export function chromiumPath(): string {
  const { path, why } = findChromium();
  if (path) return path;
  process.stderr.write(`${why}\ninstall Chromium: apt-get install -y chromium\n`);
  process.exit(1);
}
