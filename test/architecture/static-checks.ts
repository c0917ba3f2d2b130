import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './repository-sql';

const BIN = join(ROOT, 'node_modules', '.bin');

interface EslintResult {
  filePath: string;
  messages: Array<{ ruleId: string | null; message: string; line: number }>;
}

/**
 * Problems the lint rules of eslint.config.mjs find about data access and outputs in the production
 * code: SQL outside a context's data-access layer, output sinks used outside the gate's channels.
 */
export function dataAccessAndOutputViolations(): string[] {
  let output: string;
  try {
    output = execFileSync(join(BIN, 'eslint'), ['--format', 'json', 'apps', 'libs'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    // ESLint exits 1 when it finds problems; its report is still on stdout.
    output = (error as { stdout?: string }).stdout ?? '[]';
  }
  const results = JSON.parse(output) as EslintResult[];
  return results.flatMap((result) =>
    result.messages
      .filter((m) => m.ruleId === 'no-restricted-syntax' || m.ruleId === '@typescript-eslint/no-restricted-imports')
      .map((m) => `${result.filePath.replace(`${ROOT}/`, '')}:${m.line} ${m.message}`),
  );
}

export interface DependencyViolation {
  rule: string;
  from: string;
  to: string;
}

/** The violations dependency-cruiser finds of .dependency-cruiser.cjs (context layers, internals, cycles). */
export function dependencyViolations(): DependencyViolation[] {
  const output = execFileSync(join(BIN, 'depcruise'), ['apps', 'libs', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const report = JSON.parse(output) as { summary: { violations: Array<{ rule: { name: string }; from: string; to: string }> } };
  return report.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
}

/** The dependencies between contexts and applications, as a Mermaid flowchart (one node per lib or app). */
export function contextGraph(): string {
  const output = execFileSync(
    join(BIN, 'depcruise'),
    ['apps', 'libs', '--config', '.dependency-cruiser.cjs', '--output-type', 'json', '--collapse', '^(libs|apps)/[^/]+'],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const report = JSON.parse(output) as { modules: Array<{ source: string; dependencies: Array<{ resolved: string; coreModule?: boolean; couldNotResolve?: boolean }> }> };
  const node = (path: string) => path.replace(/\/$/, '');
  const isOurs = (path: string) => /^(libs|apps)\/[^/]+\/?$/.test(path);
  const edges = new Set<string>();
  for (const module of report.modules) {
    if (!isOurs(module.source)) continue;
    for (const dependency of module.dependencies) {
      if (!isOurs(dependency.resolved) || node(dependency.resolved) === node(module.source)) continue;
      if (node(module.source) === 'libs/testing') continue;
      edges.add(`  ${id(node(module.source))} --> ${id(node(dependency.resolved))}`);
    }
  }
  const nodes = new Set([...edges].flatMap((edge) => edge.trim().split(' --> ')));
  return [
    'flowchart TB',
    ...[...nodes].sort().map((n) => `  ${n}["${n.replace('_', '/')}"]`),
    ...[...edges].sort(),
  ].join('\n');
}

function id(path: string): string {
  return path.replace('/', '_');
}
