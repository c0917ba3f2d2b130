import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { findFreePort } from '@chancery/core';
import { BenchCheckError, checkScenario, CheckedScenario } from './check';
import { BENCH_DATABASE, BenchDatabase, benchDatabaseName, openBenchDatabase, withOwner } from './database';
import { BenchFixture, loadFixture } from './fixture';
import type { Prune } from './growth';
import { failuresOf, LoadResult, runLoad } from './load';
import { rssMiB, waitUntilIdle } from './proc';
import { measurePublicPages, PUBLIC_PAGES_SCENARIO, PublicPageMeasure, publicPagesLine, publicPagesTargetLines } from './public-pages';
import { ServerProcess, startServer, stopChildren } from './processes';
import { figureLines, rate, ScenarioOutcome, summarise, targetLines, throughputLines, ThroughputOutcome, writePerformanceDoc } from './report';
import { BenchTokens } from './requests';
import { keyOf, Scenario, SCENARIOS, selectedBy, THROUGHPUT_SCENARIOS } from './scenarios';
import { seedOnce } from './seed';
import { BENCH_SECRETS_KEY } from './seed-certificates';
import { argumentsAsEnvironment, BenchSettings, readSettings } from './settings';

/**
 * `npm run bench`: the API (production build, real PostgreSQL) against the hand-written baseline in
 * the same run, on the same seeded database, loaded by autocannon from separate processes,
 * alternating the two servers so the machine's noise is shared. Figure lines go to stdout,
 * progress to stderr; docs/performance.md gets the table.
 */
const ROOT = resolve(__dirname, '../..');

function say(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

let database: BenchDatabase | undefined;
/** The machine's 1-minute load average after each run: it is shared, and the report says how busy it was. */
const loadSamples: number[] = [];

async function main(): Promise<number> {
  const settings = readSettings({ ...process.env, ...argumentsAsEnvironment(process.argv.slice(2)) });
  const scenarios = SCENARIOS.filter((scenario) => selectedBy(scenario, settings.only));
  const throughputScenarios = THROUGHPUT_SCENARIOS.filter((scenario) => selectedBy(scenario, settings.only));
  const publicPagesSelected = selectedBy(PUBLIC_PAGES_SCENARIO, settings.only);
  if (scenarios.length === 0 && throughputScenarios.length === 0 && !publicPagesSelected)
    throw new Error(
      `--only / BENCH_SCENARIOS names none of: ${[...SCENARIOS, ...THROUGHPUT_SCENARIOS, PUBLIC_PAGES_SCENARIO].map(keyOf).join(', ')}`,
    );

  database = await openBenchDatabase(settings.databaseUrl, benchDatabaseName(settings.volume), say);
  say(`database ${database.name} on ${database.description}`);
  const fixture = await prepareData(database, scenarios, settings);

  // A signing key for this run, given to both servers (and to the tokens the bench presents).
  const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  const tokens = new BenchTokens(pem);
  const [api, baseline] = await startServers(settings, database, pem);
  say(`API (pid ${api.pid}) and baseline (pid ${baseline.pid}) ready`);

  // Marked before the checks: what the checks and the runs write is removed afterwards.
  const prunes = new Map<Scenario, Prune>();
  await withOwner(database.ownerUrl, async (owner) => {
    for (const scenario of scenarios)
      if (scenario.growth) prunes.set(scenario, await scenario.growth(owner, fixture));
  });

  const checked = new Map<Scenario, CheckedScenario>();
  for (const scenario of scenarios) {
    checked.set(scenario, await checkScenario(scenario, api, baseline, tokens.requestFor(scenario, fixture)));
    say(`${scenario.name}: same JSON and ${checked.get(scenario)!.statements} statements from both servers`);
  }

  const outcomes: ScenarioOutcome[] = [];
  const invalid: string[] = [];
  for (const scenario of scenarios) {
    const outcome: ScenarioOutcome = {
      scenario,
      statements: checked.get(scenario)!.statements,
      api: [],
      baseline: [],
      rssAfter: { api: null, baseline: null },
    };
    for (let round = 0; round < settings.rounds; round += 1) {
      // API first in even rounds, baseline first in odd ones: drift over time is shared.
      const order =
        round % 2 === 0
          ? ([
              ['api', api],
              ['baseline', baseline],
            ] as const)
          : ([
              ['baseline', baseline],
              ['api', api],
            ] as const);
      for (const [name, server] of order) {
        const result = await measure(settings, scenario, fixture, tokens, checked.get(scenario)!, server, [
          api,
          baseline,
        ]);
        outcome[name].push(result);
        loadSamples.push(loadavg()[0]!);
        const failures = failuresOf(result);
        say(
          `${scenario.name} ${name} run ${round + 1}/${settings.rounds}: ${result.requests} requests, ${rate(result.rps)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms` +
            (failures
              ? `, ${result.non2xx} non-2xx, ${result.errors} errors, ${result.mismatches} unexpected answers`
              : ''),
        );
        if (failures)
          invalid.push(
            `${scenario.name} (${name}): ${failures} of ${result.requests} responses were not the checked answer`,
          );
      }
    }
    const prune = prunes.get(scenario);
    // The last requests of a run may still be committing: prune the chain's tail only after them.
    await waitUntilIdle([api.pid, baseline.pid]);
    if (prune) say(`${scenario.name}: ${await withOwner(database.ownerUrl, prune)}`);
    outcome.rssAfter = { api: rssMiB(api.pid), baseline: rssMiB(baseline.pid) };
    // CPU per request moves least with what else the machine runs: the figure to compare changes by.
    const cpuMs = (runs: LoadResult[]) => summarise(runs).cpuMsPerRequest?.toFixed(2) ?? 'n/a';
    say(
      `${scenario.name}: CPU per request API ${cpuMs(outcome.api)} ms, baseline ${cpuMs(outcome.baseline)} ms`,
    );
    say(
      `${scenario.name}: resident memory API ${outcome.rssAfter.api?.toFixed(0)} MiB, baseline ${outcome.rssAfter.baseline?.toFixed(0)} MiB`,
    );
    outcomes.push(outcome);
  }

  // Then the work done one item after another (signing), after every load run and its pruning.
  const throughputs: ThroughputOutcome[] = [];
  for (const scenario of throughputScenarios) {
    await waitUntilIdle([api.pid, baseline.pid]);
    throughputs.push({ scenario, result: await scenario.run({ settings, database: database!, api, tokens, say }) });
    loadSamples.push(loadavg()[0]!);
  }

  // Last, on a quiet machine: the portal's public pages in Chromium, served by the same API.
  let publicPages: PublicPageMeasure[] | null = null;
  if (publicPagesSelected) {
    await waitUntilIdle([api.pid, baseline.pid]);
    publicPages = await measurePublicPages(api.url, ROOT, say);
  }

  const rss = rssMiB(api.pid);
  const lines = figureLines(outcomes, rss);
  // The throughput and page lines before the closing memory line.
  lines.splice(lines.length - 1, 0, ...throughputLines(throughputs), ...(publicPages ? [publicPagesLine(publicPages)] : []));
  for (const line of lines) process.stdout.write(`${line}\n`);
  for (const line of [...targetLines(outcomes, rss), ...(publicPages ? publicPagesTargetLines(publicPages) : [])]) say(`target: ${line}`);
  say(`load average (1 min) after the runs: ${describeLoad(loadSamples)} on ${cpus().length} cores`);

  if (invalid.length > 0) {
    say(`FAILED: responses under load were not the checked answer:\n  ${invalid.join('\n  ')}`);
    return 1;
  }
  if (settings.writeDocs) {
    const machine = `${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores`;
    writePerformanceDoc(
      join(ROOT, 'docs/performance.md'),
      outcomes,
      rss,
      {
        date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
        commit: commitOf(),
        machine,
        node: process.version,
        postgres: database.description,
        settings,
        load: describeLoad(loadSamples),
        volume: `${settings.volume.datasheets.toLocaleString('en')} datasheets, ${settings.volume.certificates.toLocaleString('en')} certificates (database ${database.name})`,
      },
      blockOf(settings, database.name),
      throughputs,
      publicPages,
    );
    say('docs/performance.md rewritten');
  } else {
    say('docs/performance.md left as it was (quick, partial or profiled run; BENCH_WRITE_DOCS=1 writes it)');
  }
  return 0;
}

/** Seeds once (a stale seed: the database is made anew), then the fixture and each scenario's own rows. */
async function prepareData(
  db: BenchDatabase,
  scenarios: readonly Scenario[],
  settings: BenchSettings,
): Promise<BenchFixture> {
  const seed = () => withOwner(db.ownerUrl, (owner) => seedOnce(owner, settings.volume, say));
  let state = await seed();
  if (state === 'stale') {
    say('the database holds another version of the bench data: making it anew');
    await db.recreate();
    state = await seed();
  }
  if (state === 'present') say('bench data present (seeded by an earlier run)');
  return withOwner(db.ownerUrl, async (owner) => {
    const fixture = await loadFixture(owner);
    for (const scenario of scenarios) await scenario.seed?.(owner, fixture);
    return fixture;
  });
}

async function startServers(
  settings: BenchSettings,
  db: BenchDatabase,
  pem: string,
): Promise<[ServerProcess, ServerProcess]> {
  const [apiPort, baselinePort] = [await findFreePort(), await findFreePort()];
  const { REDIS_URL: _redis, DATA_DIR: _dataDir, ...inherited } = process.env;
  const shared = {
    ...inherited,
    NODE_ENV: 'production',
    DATABASE_URL: db.ownerUrl,
    DATABASE_APP_URL: db.appUrl,
    DATABASE_POOL_SIZE: String(settings.poolSize),
    JWT_PRIVATE_KEY: pem,
    // Counted per client address, and every bench request comes from one: attempts in flight count until judged.
    VERIFICATION_FAILURES_PER_ADDRESS: '1000000000',
    JWT_ISSUER: 'chancery',
    JWT_AUDIENCE: 'chancery-api',
  };
  return Promise.all([
    startServer({
      name: 'API',
      script: join(ROOT, 'dist/apps/api/src/main.js'),
      nodeArgs: process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean),
      cwd: ROOT,
      port: apiPort,
      readyPath: '/health/ready',
      env: {
        ...shared,
        PORT: String(apiPort),
        // Fixed for the bench data: the tenants' signing keys were sealed with it when seeded.
        SECRETS_KEY: BENCH_SECRETS_KEY,
        EXPOSE_STATEMENT_COUNT: 'true',
        MIGRATIONS_RUN: 'false',
        DEMO_DATA: 'false',
        LOG_LEVEL: settings.apiLogLevel,
        // The rate limits count per client address, and every bench request comes from one.
        RATE_LIMIT_PER_MINUTE: '1000000000',
        AUTH_RATE_LIMIT_PER_MINUTE: '1000000000',
      },
    }),
    startServer({
      name: 'baseline',
      script: join(__dirname, 'baseline/server.js'),
      cwd: ROOT,
      port: baselinePort,
      readyPath: '/health',
      env: { ...shared, PORT: String(baselinePort) },
    }),
  ]);
}

function measure(
  settings: BenchSettings,
  scenario: Scenario,
  fixture: BenchFixture,
  tokens: BenchTokens,
  checked: CheckedScenario,
  server: ServerProcess,
  quiet: readonly ServerProcess[],
): Promise<LoadResult> {
  const request = tokens.requestFor(scenario, fixture);
  const login = scenario.load === 'login';
  return runLoad(
    {
      url: `${server.url}${request.path}`,
      connections: login ? settings.loginConnections : settings.connections,
      warmupSeconds: settings.warmupSeconds,
      durationSeconds: login ? settings.loginDurationSeconds : settings.durationSeconds,
      ...request,
      scenario: scenario.name,
      expectBody: (scenario.comparable ?? ((body: string) => body))(checked.body),
      serverPid: server.pid,
      quietPids: quiet.map((process) => process.pid),
    },
    ROOT,
  );
}

/** Where a run's table goes in docs/performance.md: the full run's block, or one per selection and database. */
function blockOf(settings: BenchSettings, databaseName: string): string | null {
  if (!settings.only && databaseName === BENCH_DATABASE) return null;
  return [settings.only?.join(',') ?? 'all', databaseName].join(' on ');
}

function describeLoad(samples: readonly number[]): string {
  if (samples.length === 0) return 'n/a';
  const mean = samples.reduce((sum, value) => sum + value, 0) / samples.length;
  return `${Math.min(...samples).toFixed(2)} to ${Math.max(...samples).toFixed(2)}, mean ${mean.toFixed(2)}`;
}

function commitOf(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
    const changed = execFileSync(
      'git',
      ['status', '--porcelain', '--', 'apps', 'libs', 'bench', 'package.json'],
      { cwd: ROOT, encoding: 'utf8' },
    ).trim();
    return changed ? `${commit} (with uncommitted changes)` : commit;
  } catch {
    return 'unknown';
  }
}

async function shutDown(): Promise<void> {
  await stopChildren();
  await database?.stop().catch(() => undefined);
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    say(`${signal}: stopping the servers`);
    void shutDown().finally(() => process.exit(130));
  });
}

main().then(
  async (code) => {
    await shutDown();
    process.exit(code);
  },
  async (error: unknown) => {
    if (interrupted) return; // the signal handler is stopping everything; the load worker's end is no news
    const message =
      error instanceof BenchCheckError
        ? `FAILED: ${error.message}`
        : error instanceof Error
          ? (error.stack ?? error.message)
          : String(error);
    say(message);
    await shutDown();
    process.exit(1);
  },
);
