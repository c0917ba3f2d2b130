import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The committed generated files (schema.graphql, docs/*.md, repositories' SQL snapshots) are what the
 * code produces; with UPDATE_GENERATED_FILES=1 (`npm run schema:generate`) they are rewritten instead.
 */
export const UPDATING_GENERATED_FILES = process.env.UPDATE_GENERATED_FILES === '1';

export function expectFile(path: string, generated: string): void {
  if (UPDATING_GENERATED_FILES) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, generated);
    return;
  }
  expect(existsSync(path) ? readFileSync(path, 'utf8') : `(${path} is missing: run npm run schema:generate)`).toBe(generated);
}
