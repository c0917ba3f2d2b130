import { DEFAULT_DOCUMENT_VOLUME, DocumentVolume } from './seed';

/**
 * What `npm run bench` reads from the environment. Defaults are the issue's: 32 connections, a 5 s
 * warm-up and 20 s measured per run; BENCH_QUICK=1 shrinks everything to try the harness out.
 */
export interface BenchSettings {
  quick: boolean;
  /** Connections of the load generator (every scenario but login). */
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  /** How many times each server is measured per scenario, alternating API and baseline. */
  rounds: number;
  /** Login is argon2-bound: fewer connections, its own duration. */
  loginConnections: number;
  loginDurationSeconds: number;
  /** Only these scenarios (BENCH_SCENARIOS=me,tenants); null: all. */
  only: string[] | null;
  /** A PostgreSQL server to hold the `chancery_bench` database; absent: embedded in .data/bench. */
  databaseUrl?: string;
  /** pg pool size of both servers (the API's DATABASE_POOL_SIZE, default 10). */
  poolSize: number;
  /** Rewrite docs/performance.md (default: only a full run of every scenario, unprofiled). */
  writeDocs: boolean;
  /** The API's log level (production default: info, one line per request). */
  apiLogLevel: string;
  /** Applications the signing throughput scenario signs, one after the other (BENCH_SIGNATURES, `--signatures`). */
  signatures: number;
  /** Datasheets and certificates seeded (BENCH_DATASHEETS, BENCH_CERTIFICATES); other volumes than the issues' get a database of their own. */
  volume: DocumentVolume;
}

/**
 * The command line, e.g. `npm run bench -- --only Q1,Q2 --quick --datasheets 20000`: the same as the
 * variables (BENCH_SCENARIOS, BENCH_QUICK, BENCH_DATASHEETS, BENCH_CERTIFICATES), which it overrides.
 */
export function argumentsAsEnvironment(args: readonly string[]): NodeJS.ProcessEnv {
  const names: Record<string, string> = {
    '--only': 'BENCH_SCENARIOS',
    '--datasheets': 'BENCH_DATASHEETS',
    '--certificates': 'BENCH_CERTIFICATES',
    '--rounds': 'BENCH_ROUNDS',
    '--duration': 'BENCH_DURATION',
    '--signatures': 'BENCH_SIGNATURES',
  };
  const env: NodeJS.ProcessEnv = {};
  for (let i = 0; i < args.length; i += 1) {
    const [flagName, inline] = args[i]!.split('=', 2) as [string, string | undefined];
    if (flagName === '--quick') env.BENCH_QUICK = '1';
    else if (flagName === '--write-docs') env.BENCH_WRITE_DOCS = '1';
    else if (names[flagName]) {
      const value = inline ?? args[++i];
      if (value === undefined) throw new Error(`${flagName} needs a value`);
      env[names[flagName]!] = value;
    } else
      throw new Error(
        `unknown argument ${args[i]} (--only A,B  --quick  --datasheets N  --certificates N  --rounds N  --duration S  --signatures N  --write-docs)`,
      );
  }
  return env;
}

function number(env: NodeJS.ProcessEnv, name: string, fallback: number, { zero = false } = {}): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isFinite(value) || value < 0 || (value === 0 && !zero))
    throw new Error(`${name} must be a positive number, not ${JSON.stringify(raw)}`);
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean | undefined {
  const raw = env[name];
  return raw === undefined || raw === '' ? undefined : ['1', 'true', 'yes'].includes(raw.toLowerCase());
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): BenchSettings {
  const quick = flag(env, 'BENCH_QUICK') ?? false;
  const only = env.BENCH_SCENARIOS
    ? env.BENCH_SCENARIOS.split(',')
        .map((name) => name.trim())
        .filter(Boolean)
    : null;
  return {
    quick,
    connections: number(env, 'BENCH_CONNECTIONS', 32),
    warmupSeconds: number(env, 'BENCH_WARMUP', quick ? 1 : 5),
    durationSeconds: number(env, 'BENCH_DURATION', quick ? 3 : 20),
    rounds: number(env, 'BENCH_ROUNDS', quick ? 1 : 3),
    // One account from one address: a login is counted as a failure until it is judged, and the sixth
    // at once from one address is refused (attempt-limits.ts). Four at once is also what the API
    // hashes in parallel (PASSWORD_HASH_CONCURRENCY), so more connections would only queue.
    loginConnections: number(env, 'BENCH_LOGIN_CONNECTIONS', 4),
    loginDurationSeconds: number(env, 'BENCH_LOGIN_DURATION', quick ? 6 : 20),
    only,
    databaseUrl: env.BENCH_DATABASE_URL || env.DATABASE_URL || undefined,
    poolSize: number(env, 'DATABASE_POOL_SIZE', 10),
    writeDocs: flag(env, 'BENCH_WRITE_DOCS') ?? (!quick && !only && !env.BENCH_API_NODE_ARGS),
    apiLogLevel: env.BENCH_API_LOG_LEVEL || 'info',
    signatures: Math.round(number(env, 'BENCH_SIGNATURES', quick ? 20 : 200)),
    volume: {
      datasheets: Math.round(
        number(env, 'BENCH_DATASHEETS', DEFAULT_DOCUMENT_VOLUME.datasheets, { zero: true }),
      ),
      certificates: Math.round(
        number(env, 'BENCH_CERTIFICATES', DEFAULT_DOCUMENT_VOLUME.certificates, { zero: true }),
      ),
    },
  };
}
