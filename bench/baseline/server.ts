import 'reflect-metadata';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { Pool } from 'pg';
import { SCENARIOS } from '../scenarios';
import { BaselineTokens } from './access-tokens';
import { BaselineCall, BaselineError, BaselineServices } from './call';
import { captureScopeStatement } from './unit';

/**
 * The hand-written baseline: plain `node:http` and `pg`, no Nest, no Express, no Apollo. It answers
 * the bench's GraphQL requests (found by operation name, not parsed) with the same SQL and the same
 * security work as the API, and the same JSON. Started by bench/run.ts with the API's settings.
 */
const MAX_BODY_BYTES = 256 * 1024;

async function main(): Promise<void> {
  await captureScopeStatement();
  const pool = new Pool({
    connectionString: required('DATABASE_APP_URL'),
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    // As the API's pool: queries written at once (BEGIN and the scope in one round trip).
    pipeline: true,
    application_name: 'chancery-bench-baseline',
  });
  await pool.query('SELECT 1');
  const services: BaselineServices = {
    pool,
    tokens: new BaselineTokens(
      required('JWT_PRIVATE_KEY'),
      process.env.JWT_ISSUER || undefined,
      process.env.JWT_AUDIENCE || undefined,
    ),
  };
  const server = createServer((req, res) => void handle(services, req, res));
  server.keepAliveTimeout = 5000;
  const stop = () => server.close(() => void pool.end().finally(() => process.exit(0)));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.listen(Number(required('PORT')), '127.0.0.1');
}

const byOperation = new Map(
  SCENARIOS.filter((scenario) => !scenario.get).map((scenario) => [scenario.operationName, scenario]),
);
const getRoutes = SCENARIOS.filter((scenario) => scenario.get);

async function handle(services: BaselineServices, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method === 'GET' && req.url === '/health') return void res.end('ok');
  if (req.method === 'GET') return handleGet(services, req, res);
  if (req.method !== 'POST' || req.url !== '/graphql') return void res.writeHead(404).end();
  // A JSON body only (the API's CSRF prevention refuses simple requests the same way).
  if (!req.headers['content-type']?.startsWith('application/json')) return void res.writeHead(400).end();
  let body: { operationName?: string; variables?: Record<string, unknown> };
  try {
    body = JSON.parse(await readBody(req)) as typeof body;
  } catch {
    return void res.writeHead(400).end();
  }
  const scenario = body.operationName ? byOperation.get(body.operationName) : undefined;
  if (!scenario) return void res.writeHead(400).end();

  const call = new BaselineCall(services, req);
  let payload: string;
  let outcome: 'commit' | 'rollback' = 'commit';
  try {
    payload = JSON.stringify({ data: await scenario.baseline(call, body.variables ?? {}) }) + '\n';
  } catch (error) {
    outcome = 'rollback';
    const code = error instanceof BaselineError ? error.code : 'INTERNAL_SERVER_ERROR';
    if (!(error instanceof BaselineError))
      process.stderr.write(
        `[baseline] ${scenario.name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
    payload =
      JSON.stringify({
        errors: [{ message: error instanceof Error ? error.message : 'error', extensions: { code } }],
        data: null,
      }) + '\n';
  }
  // As the API's header: every statement of the request, a held unit's COMMIT (sent next) included.
  res.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    'x-sql-statements': String(call.statements + call.pendingStatements),
  });
  res.end(payload);
  await call
    .afterResponse(outcome)
    .catch((error: unknown) => process.stderr.write(`[baseline] commit after response: ${String(error)}\n`));
}

/** The plain GET form: the same statements, JSON (as Express's res.json writes it) and cache headers as the API. */
async function handleGet(
  services: BaselineServices,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://baseline');
  const scenario = getRoutes.find((candidate) => candidate.get!.route.test(url.pathname));
  if (!scenario) return void res.writeHead(404).end();
  const call = new BaselineCall(services, req);
  let answer: { body: unknown; headers: Record<string, string> };
  try {
    answer = await scenario.get!.baseline(call, url);
  } catch (error) {
    process.stderr.write(
      `[baseline] ${scenario.name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    await call.afterResponse('rollback');
    return void res.writeHead(500).end();
  }
  const payload = JSON.stringify(answer.body);
  res.writeHead(200, {
    ...answer.headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    'x-sql-statements': String(call.statements + call.pendingStatements),
  });
  res.end(payload);
  await call
    .afterResponse('commit')
    .catch((error: unknown) => process.stderr.write(`[baseline] commit after response: ${String(error)}\n`));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) return reject(new Error('body too large'));
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[baseline] could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
