import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, validateSync } from 'class-validator';

/** OWASP's least memory for argon2id (19 MiB): production never hashes passwords with less. */
export const MIN_PRODUCTION_PASSWORD_HASH_MEMORY_KIB = 19_456;

export const NODE_ENVIRONMENTS = ['development', 'test', 'production'] as const;
export type NodeEnvironment = (typeof NODE_ENVIRONMENTS)[number];

const YES = ['1', 'true', 'yes', 'on'];
const NO = ['0', 'false', 'no', 'off'];
/** Yes or no; anything else is left as it is, so @IsBoolean stops the start naming the setting (a typo is not a quiet "no"). */
const toBoolean = ({ value }: { value: unknown }) => {
  const word = typeof value === 'string' ? value.trim().toLowerCase() : value;
  return YES.includes(word as string) ? true : NO.includes(word as string) ? false : value;
};

/**
 * Every setting the processes read from the environment, validated once at start so a typo
 * stops the process with a readable message instead of failing on the first request.
 */
export class AppConfig {
  @IsIn(NODE_ENVIRONMENTS)
  NODE_ENV: NodeEnvironment = 'development';

  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** Owner connection (runs migrations). Absent: an embedded PostgreSQL is started in ./.data. */
  @IsOptional()
  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false, require_valid_protocol: true })
  DATABASE_URL?: string;

  /** Application-role connection. Absent: derived from DATABASE_URL with the application role's name. */
  @IsOptional()
  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false, require_valid_protocol: true })
  DATABASE_APP_URL?: string;

  /** Password given to the application role when the bootstrap creates it. */
  @IsOptional()
  @IsString()
  DATABASE_APP_PASSWORD?: string;

  /** Run pending migrations when the API starts (default: on for the embedded database and development). */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  MIGRATIONS_RUN?: boolean;

  /** Load the demo data set (default: on for the embedded database only). */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  DEMO_DATA?: boolean;

  @IsOptional()
  @IsUrl({ protocols: ['redis', 'rediss'], require_tld: false })
  REDIS_URL?: string;

  /** Connections of each process's pool to the application role (the worker's job queue has its own). */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(500)
  DATABASE_POOL_SIZE = 10;

  /**
   * How far V8 lets the old generation grow past what the last full collection kept, in percent
   * (`--heap-growing-percent`): 30 keeps the API's heap near what it really holds (about 90 MiB live,
   * 190 MiB resident under load, where V8's own factor of up to 4 let it reach 320–360 MiB for the same
   * work). 0 leaves V8's own factor. See docs/performance.md.
   */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  @Max(400)
  HEAP_GROWTH_PERCENT = 30;

  /**
   * When the worker signs the heads of the tamper-evident logs that grew (review F2; cron, UTC; five
   * fields). Hourly by default: what is removed from a log's end within that window is not detected.
   */
  @Matches(/^\S+( \S+){4}$/, { message: 'must be a cron expression of five fields (UTC)' })
  LOG_CHECKPOINT_SCHEDULE = '23 * * * *';

  /**
   * Leave V8's allocation-site pretenuring on (`true`). Off by default: under a request load it
   * pretenures sites whose objects live one request, and the young objects they point to are then
   * promoted and collected the expensive way (see `applyHeapSettings`, docs/performance.md).
   */
  @Transform(toBoolean)
  @IsBoolean()
  V8_PRETENURING = false;

  /** Requests per client address and minute, for every operation. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE = 600;

  /** Passwords hashed or verified at the same time (each takes 64 MiB and a libuv thread). */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(64)
  PASSWORD_HASH_CONCURRENCY = 4;

  /**
   * Memory of one argon2id password hash, in KiB: 64 MiB by default. Test suites set less (they hash
   * thousands of times); production refuses less than 19 MiB (19456, OWASP's minimum for argon2id).
   */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1024)
  @Max(4_194_304)
  PASSWORD_HASH_MEMORY_KIB = 65_536;

  /** Password checks allowed to wait for one of those; beyond, TOO_MANY_REQUESTS at once. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  @Max(10_000)
  PASSWORD_HASH_QUEUE = 32;

  /**
   * Which proxies' X-Forwarded-For to believe when telling the client's address (rate limits, session
   * records): a hop count (`1`: the load balancer in front) or a comma-separated list of addresses and
   * CIDR ranges of the proxies (`10.0.0.0/8,192.168.1.10`). Absent: none, the address of the TCP peer is the
   * client's, and a forged header changes nothing.
   */
  @IsOptional()
  @Matches(/^(\d{1,2}|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/, { message: 'must be a hop count or a comma-separated list of addresses or CIDR ranges' })
  TRUST_PROXY?: string;

  /** Login, refresh, registration, password reset and invitation calls per client address and minute. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  AUTH_RATE_LIMIT_PER_MINUTE = 20;

  /**
   * Public verifications per client address in 15 minutes that did not match a certificate (an
   * attempt counts until it is judged authentic, so this also bounds the verifications one address
   * has in flight at once). A shared address of many honest verifiers (a customs office) may need more.
   */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  VERIFICATION_FAILURES_PER_ADDRESS = 20;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Folder for the embedded database and development keys. */
  @IsString()
  DATA_DIR = '.data';

  /**
   * Public base URL of the portal and the API, used in links sent by e-mail and QR codes. Absent:
   * `http://localhost:<PORT>`, where `npm start` serves both.
   */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  PUBLIC_BASE_URL?: string;

  /**
   * Where the worker delivers e-mail: `smtp://user:pass@host:587` or `smtps://…:465` (nodemailer's
   * connection URL). Absent outside production: every message is written to DATA_DIR/mail as `.eml`.
   */
  @IsOptional()
  @IsUrl({ protocols: ['smtp', 'smtps'], require_tld: false, require_valid_protocol: true })
  SMTP_URL?: string;

  /** The sender of every e-mail. */
  @IsString()
  MAIL_FROM = 'Chancery <no-reply@chancery.localhost>';

  /** The operator's contact address: where a tenant's answers to the operator go (a departure declined or its confirmation revoked). */
  @IsString()
  OPERATOR_CONTACT_EMAIL = 'operator@chancery.localhost';

  /**
   * Whether this process delivers the outbox itself: `npm start` (the API) runs the worker in-process
   * in development so e-mail arrives with no second command; in production the worker runs apart.
   */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  WORKER_IN_PROCESS?: boolean;
  /** Where document bytes live: `postgres` (default; shared by every replica, no extra server) or `s3`. */
  @IsIn(['postgres', 's3'])
  DOCUMENT_STORAGE: 'postgres' | 's3' = 'postgres';

  /** The S3-compatible storage (DOCUMENT_STORAGE=s3); credentials come from the AWS SDK's usual chain. */
  @IsString()
  S3_BUCKET = '';

  @IsString()
  S3_ENDPOINT = '';

  @IsString()
  S3_REGION = 'us-east-1';

  /** Largest uploaded document, in bytes (checked on the bytes received). */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(50 * 1024 * 1024)
  DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;


  /** PEM of the ES256 private key signing access tokens. Absent outside production: generated in DATA_DIR. */
  @IsOptional()
  @IsString()
  JWT_PRIVATE_KEY?: string;

  /** Base64 of 32 bytes sealing stored second-factor secrets. Absent outside production: generated in DATA_DIR. */
  @IsOptional()
  @IsString()
  SECRETS_KEY?: string;

  /**
   * Answer every GraphQL request with `x-sql-statements`: how many SQL statements it cost (tests and
   * `npm run bench` count them; off by default, it tells a caller something about the server).
   */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  EXPOSE_STATEMENT_COUNT?: boolean;

  @IsString()
  JWT_ISSUER = 'chancery';

  @IsString()
  JWT_AUDIENCE = 'chancery-api';

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  /** PUBLIC_BASE_URL without a trailing slash, or the local server's own address. */
  get publicBaseUrl(): string {
    return (this.PUBLIC_BASE_URL ?? `http://localhost:${this.PORT}`).replace(/\/+$/, '');
  }

  /**
   * A link to a page of the portal carrying a one-time token. The token rides in the fragment
   * (`#token=…`), which browsers never send: it stays out of server and proxy logs and Referer headers.
   */
  portalLink(route: '/reset-password' | '/accept-invitation' | '/confirm-email' | '/privacy/confirm-request' | '/privacy/export', token: string): string {
    return `${this.publicBaseUrl}${route}#token=${encodeURIComponent(token)}`;
  }

  /** TRUST_PROXY as a `trust proxy` setting (proxy-addr's, which Fastify uses): false (none), a hop count, or a list of proxies. */
  get trustedProxies(): false | number | string[] {
    if (!this.TRUST_PROXY) return false;
    return /^\d+$/.test(this.TRUST_PROXY) ? Number(this.TRUST_PROXY) : this.TRUST_PROXY.split(',').map((part) => part.trim());
  }
}

export class ConfigValidationError extends Error {}

/** Reads and validates the environment; throws one error listing every bad setting. */
export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const picked: Record<string, unknown> = {};
  for (const key of [...known, 'DATABASE_URL', 'DATABASE_APP_URL', 'DATABASE_APP_PASSWORD', 'MIGRATIONS_RUN', 'DEMO_DATA', 'REDIS_URL', 'JWT_PRIVATE_KEY', 'SECRETS_KEY', 'EXPOSE_STATEMENT_COUNT', 'TRUST_PROXY', 'PUBLIC_BASE_URL', 'SMTP_URL', 'WORKER_IN_PROCESS']) {
    if (env[key] !== undefined && env[key] !== '') picked[key] = env[key];
  }
  const config = plainToInstance(AppConfig, picked);
  const errors = validateSync(config, { whitelist: true });
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new ConfigValidationError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (config.isProduction && !config.DATABASE_URL) {
    throw new ConfigValidationError('Invalid configuration:\n  DATABASE_URL: required in production');
  }
  if (config.isProduction && !config.JWT_PRIVATE_KEY) {
    throw new ConfigValidationError('Invalid configuration:\n  JWT_PRIVATE_KEY: required in production');
  }
  if (config.isProduction && !config.SECRETS_KEY) {
    throw new ConfigValidationError('Invalid configuration:\n  SECRETS_KEY: required in production');
  }
  if (config.isProduction && config.PASSWORD_HASH_MEMORY_KIB < MIN_PRODUCTION_PASSWORD_HASH_MEMORY_KIB) {
    throw new ConfigValidationError(`Invalid configuration:\n  PASSWORD_HASH_MEMORY_KIB: at least ${MIN_PRODUCTION_PASSWORD_HASH_MEMORY_KIB} (19 MiB) in production`);
  }
  if (config.isProduction && config.DEMO_DATA) {
    // The demo accounts share a published password and print their second-factor secrets.
    throw new ConfigValidationError('Invalid configuration:\n  DEMO_DATA: never in production (its accounts have a published password)');
  }
  return config;
}
