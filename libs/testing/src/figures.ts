import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Prints one figure line of VERIFY.md (e.g. `T8 token tampering: 14 cases, 14 refused`) where a reader
 * of the test output sees it, and collects it in `.data/figures.txt` for the closing summary.
 */
export function reportFigure(line: string): void {
  process.stdout.write(`\n${line}\n`);
  try {
    const dir = join(process.cwd(), process.env.DATA_DIR ?? '.data');
    mkdirSync(dir, { recursive: true });
    appendFileSync(join(dir, 'figures.txt'), `${line}\n`);
  } catch {
    // The printed line is what counts; the file is a convenience.
  }
}
