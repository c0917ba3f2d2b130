import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { LoadResult } from './load';
import type { Scenario, ThroughputScenario } from './scenarios';
import type { ThroughputResult } from './scenarios/scenario';
import { PUBLIC_PAGES_TARGET_RATIO, type PublicPageMeasure } from './public-pages';
import type { BenchSettings } from './settings';

/** The issue's memory target for the API process after the runs. */
export const RSS_TARGET_MIB = 200;

export interface ScenarioOutcome {
  scenario: Scenario;
  statements: number;
  api: LoadResult[];
  baseline: LoadResult[];
  /** Resident memory (MiB) of each server once this scenario's runs were over. */
  rssAfter: { api: number | null; baseline: number | null };
}

export interface Summary {
  rps: number;
  p50: number;
  p99: number;
  /** Server CPU time per request served, ms; null without /proc. */
  cpuMsPerRequest: number | null;
  runs: number[];
}

/** The runs of one server: means over the rounds (each run alternated with the other server's). */
export function summarise(runs: readonly LoadResult[]): Summary {
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const cpu = runs.every((run) => run.cpuSeconds !== null)
    ? runs.reduce((sum, run) => sum + run.cpuSeconds!, 0)
    : null;
  const requests = runs.reduce((sum, run) => sum + run.requests, 0);
  return {
    rps: mean(runs.map((run) => run.rps)),
    p50: mean(runs.map((run) => run.p50)),
    p99: mean(runs.map((run) => run.p99)),
    cpuMsPerRequest: cpu === null || requests === 0 ? null : (cpu * 1000) / requests,
    runs: runs.map((run) => run.rps),
  };
}

const fixed = (value: number, digits: number) => value.toFixed(digits);
const ms = (value: number) => (value >= 100 ? fixed(value, 0) : fixed(value, 1));
/** Nothing completed in a run (a login on a starved machine): no ratio rather than NaN. */
const ratioText = (ratio: number) => (Number.isFinite(ratio) ? fixed(ratio, 2) : 'n/a');
const mib = (value: number | null) => (value === null ? 'n/a' : fixed(value, 0));
/** Requests per second: whole numbers, except the few of a login run. */
export const rate = (value: number) => (value >= 100 ? fixed(value, 0) : fixed(value, 1));

/** The figure lines, one per scenario, then the API's memory. */
export function figureLines(outcomes: readonly ScenarioOutcome[], rss: number | null): string[] {
  const lines = outcomes.map(({ scenario, statements, api, baseline }) => {
    const a = summarise(api);
    const ratio = a.rps / summarise(baseline).rps;
    const line = `bench ${scenario.name}: ${rate(a.rps)} req/s, p50 ${ms(a.p50)}, p99 ${ms(a.p99)}, ratio to baseline ${ratioText(ratio)}`;
    return scenario.statementsInFigure === false ? line : `${line}, ${statements} statements per request`;
  });
  lines.push(`bench rss: ${rss === null ? 'n/a' : fixed(rss, 0)} MiB after the runs`);
  return lines;
}

export interface ThroughputOutcome {
  scenario: ThroughputScenario;
  result: ThroughputResult;
}

/** One line per throughput scenario, in the style of the load scenarios' lines. */
export function throughputLines(outcomes: readonly ThroughputOutcome[]): string[] {
  return outcomes.map(({ scenario, result: r }) =>
    `bench ${scenario.name}: ${fixed(r.signaturesPerSecond, 1)} signatures/s (p50 ${ms(r.signatureP50)}, p99 ${ms(r.signatureP99)} ms), ${fixed(r.pdfsPerSecond, 1)} PDFs/s, over ${r.count} applications`,
  );
}

/** Each target of the issue, met or not (reported; the harness does not fail on them). */
export function targetLines(outcomes: readonly ScenarioOutcome[], rss: number | null): string[] {
  const lines = outcomes
    .filter(({ scenario }) => scenario.target !== undefined)
    .map(({ scenario, api, baseline }) => {
      const ratio = summarise(api).rps / summarise(baseline).rps;
      return `${scenario.name} ratio ${ratioText(ratio)} (target ≥ ${scenario.target}): ${ratio >= scenario.target! ? 'met' : 'NOT met'}`;
    });
  if (rss !== null)
    lines.push(
      `API RSS ${fixed(rss, 0)} MiB (target ≤ ${RSS_TARGET_MIB}): ${rss <= RSS_TARGET_MIB ? 'met' : 'NOT met'}`,
    );
  return lines;
}

export interface RunDescription {
  date: string;
  commit: string;
  machine: string;
  node: string;
  postgres: string;
  settings: BenchSettings;
  /** The machine's load average during the runs (min to max, mean): it is shared. */
  load: string;
  /** The document volume seeded. */
  volume: string;
}

const BEGIN = '<!-- bench:results:begin (rewritten by npm run bench) -->';
const END = '<!-- bench:results:end -->';

/** A partial run (`--only`, another volume) writes a block of its own, kept beside the full run's. */
function markersOf(block: string | null): { begin: string; end: string } {
  if (!block) return { begin: BEGIN, end: END };
  return {
    begin: `<!-- bench:results:${block}:begin (rewritten by npm run bench) -->`,
    end: `<!-- bench:results:${block}:end -->`,
  };
}

/** Rewrites the results part of docs/performance.md (between its markers), keeping the prose around it. */
export function writePerformanceDoc(
  path: string,
  outcomes: readonly ScenarioOutcome[],
  rss: number | null,
  run: RunDescription,
  block: string | null = null,
  throughputs: readonly ThroughputOutcome[] = [],
  publicPages: readonly PublicPageMeasure[] | null = null,
): void {
  const { begin: BEGIN, end: END } = markersOf(block);
  const s = run.settings;
  const cpu = (value: number | null) => (value === null ? 'n/a' : fixed(value, 2));
  const rows = outcomes.map(({ scenario, statements, api, baseline }) => {
    const [a, b] = [summarise(api), summarise(baseline)];
    const ratio = a.rps / b.rps;
    const target =
      scenario.target === undefined
        ? '—'
        : `≥ ${scenario.target} ${ratio >= scenario.target ? '(met)' : '(**not met**)'}`;
    return `| ${scenario.name} | ${rate(a.rps)} | ${rate(b.rps)} | ${ratioText(ratio)} | ${target} | ${ms(a.p50)} / ${ms(a.p99)} | ${ms(b.p50)} / ${ms(b.p99)} | ${statements} | ${cpu(a.cpuMsPerRequest)} | ${cpu(b.cpuMsPerRequest)} |`;
  });
  const runs = outcomes.map(
    ({ scenario, api, baseline }) =>
      `- ${scenario.name}: API ${summarise(api).runs.map(rate).join(', ')}; baseline ${summarise(baseline).runs.map(rate).join(', ')}`,
  );
  const section = [
    BEGIN,
    '',
    ...(block ? [`### Run: ${block}`, ''] : []),
    `- Date: ${run.date}`,
    `- Commit: ${run.commit}`,
    `- Machine: ${run.machine}`,
    `- Node.js: ${run.node}`,
    `- PostgreSQL: ${run.postgres}`,
    `- Data: ${run.volume}`,
    `- Machine load (1-minute load average after each run): ${run.load}; the machine is shared with other work, so absolute figures are noisy and only the ratios and CPU per request of the same run compare`,
    outcomes.length
      ? `- Load: ${s.connections} connections, ${s.warmupSeconds} s warm-up then ${s.durationSeconds} s measured per run, ${s.rounds} run(s) per server alternating; login ${s.loginConnections} connections, ${s.loginDurationSeconds} s${s.quick ? ' (BENCH_QUICK: not for comparison)' : ''}`
      : `- Load: none (work done one item after another)${s.quick ? ' (BENCH_QUICK: not for comparison)' : ''}`,
    `- API resident memory after the runs: ${rss === null ? 'n/a' : `${fixed(rss, 0)} MiB`} (target ≤ ${RSS_TARGET_MIB} MiB${rss === null ? '' : rss <= RSS_TARGET_MIB ? ', met' : ', **not met**'})`,
    '',
    ...(outcomes.length
      ? [
          '| scenario | API req/s | baseline req/s | ratio | target | API p50 / p99 ms | baseline p50 / p99 ms | SQL statements per request | API CPU ms/request | baseline CPU ms/request |',
          '|---|---:|---:|---:|---|---:|---:|---:|---:|---:|',
          ...rows,
          '',
          'Requests per second of each run, per server, in the order of the rounds:',
          '',
          ...runs,
          '',
          'Resident memory after each scenario (MiB), API / baseline:',
          '',
          outcomes
            .map(({ scenario, rssAfter }) => `${scenario.name} ${mib(rssAfter.api)} / ${mib(rssAfter.baseline)}`)
            .join(', '),
          '',
        ]
      : []),
    ...(throughputs.length
      ? [
          'One after the other, no baseline (one signer; PDFs by the worker\'s rendering, one worker):',
          '',
          '| scenario | applications | signatures/s | signature p50 / p99 ms | API CPU ms/signature | PDFs/s | rendering CPU ms/PDF | step-ups |',
          '|---|---:|---:|---:|---:|---:|---:|---:|',
          ...throughputs.map(
            ({ scenario, result: r }) =>
              `| ${scenario.name} | ${r.count} | ${fixed(r.signaturesPerSecond, 1)} | ${ms(r.signatureP50)} / ${ms(r.signatureP99)} | ${cpu(r.apiCpuMsPerSignature)} | ${fixed(r.pdfsPerSecond, 1)} | ${cpu(r.workerCpuMsPerPdf)} | ${r.stepUps} |`,
          ),
          '',
        ]
      : []),
    ...(publicPages?.length
      ? [
          `The portal's public pages in Chromium, served by the API, against React's own floor (React and ReactDOM rendering one button) in the same run (issue #19; target ≤ ${PUBLIC_PAGES_TARGET_RATIO} times the floor):`,
          '',
          '| page | JavaScript, gzipped | interactive (median) | times the React floor (median of pairs) |',
          '|---|---:|---:|---:|',
          ...publicPages.map((m) => `| ${m.name} | ${m.kilobytes} kB | ${m.interactiveMs} ms | ${m.ratio.toFixed(1)} (${m.pairs} pairs) |`),
          '',
        ]
      : []),
    END,
  ].join('\n');
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const start = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  if (block && (start === -1 || end === -1)) {
    writeFileSync(path, `${current.trimEnd()}\n\n${section}\n`);
    return;
  }
  if (start === -1 || end === -1) throw new Error(`${path} has no results markers (${BEGIN} … ${END})`);
  writeFileSync(path, current.slice(0, start) + section + current.slice(end + END.length));
}
