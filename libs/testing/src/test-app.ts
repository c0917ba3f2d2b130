import { INestApplication, Type } from '@nestjs/common';
import { Test, TestingModuleBuilder } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { DestinationStream } from 'pino';
import { Client } from 'pg';
import { AppConfig, Clock, FixedClock, loadAppConfig, RequestContext } from '@chancery/core';
import { ApiModule } from '../../../apps/api/src/app.module';
import { API_APPLICATION_OPTIONS, configureApiApplication, createHttpAdapter } from '../../../apps/api/src/api-application';
import { createTestDatabase, TestDatabase } from './database/test-database-server';
import { KeptAliveClient } from './kept-alive-client';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: { code?: string; fields?: Array<{ field: string; reason: string; constraint?: string }> } & Record<string, unknown> }>;
  /** The raw body text, for checks that nothing leaks (stack traces, values). */
  text: string;
}

export interface GraphQLRequestOptions {
  token?: string;
  headers?: Record<string, string>;
}

export interface TestAppOptions {
  /** Extra environment for the app's config (NODE_ENV, limits…). */
  env?: Record<string, string>;
  /** Receives every log line the app writes (JSON), for checks of what logs contain. */
  logDestination?: DestinationStream;
  /** Replace providers before the app starts (a real alternative, e.g. a fixed clock). */
  customize?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
  /** A folder standing in for the built portal (dist/web), for checks of what it answers. */
  portalRoot?: string;
}

/**
 * The real API application on a fresh database of its own, listening on a free port; tests talk
 * to it over HTTP, as clients do.
 */
export class TestApp {
  private constructor(
    readonly app: INestApplication,
    readonly database: TestDatabase,
    readonly config: AppConfig,
    readonly clock: FixedClock,
  ) {}

  static async start(options: TestAppOptions = {}): Promise<TestApp> {
    const database = await createTestDatabase();
    const config = loadAppConfig({
      NODE_ENV: 'test',
      PORT: '0',
      DATABASE_URL: database.ownerUrl,
      DATABASE_APP_URL: database.appUrl,
      // Every test logs in from 127.0.0.1; the throttling test sets its own limit.
      AUTH_RATE_LIMIT_PER_MINUTE: '100000',
      RATE_LIMIT_PER_MINUTE: '1000000',
      // Quiet unless a test asks (LOG_LEVEL in its env, or in the shell for debugging).
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
      // Suites register and log in thousands of times: 8 MiB argon2id, as the factories' accounts (production: 64 MiB).
      PASSWORD_HASH_MEMORY_KIB: '8192',
      // A key of its own, given to a worker sharing this database so it opens the outbox's sealed texts.
      SECRETS_KEY: randomBytes(32).toString('base64'),
      ...options.env,
    });
    const clock = new FixedClock(new Date());
    let builder = Test.createTestingModule({ imports: [ApiModule.register({ config, database, logDestination: options.logDestination, portalRoot: options.portalRoot })] })
      .overrideProvider(Clock)
      .useValue(clock);
    if (options.customize) builder = options.customize(builder);
    const moduleRef = await builder.compile();
    const app = configureApiApplication(moduleRef.createNestApplication(createHttpAdapter(config), API_APPLICATION_OPTIONS), config);
    await app.listen(0, '127.0.0.1');
    return new TestApp(app, database, config, clock);
  }

  get<T>(token: Type<T> | string | symbol): T {
    return this.app.get(token, { strict: false });
  }

  http() {
    return request(this.app.getHttpServer());
  }

  /** One GraphQL call over HTTP, on kept-alive connections as a client with a connection pool makes it. */
  async graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options: GraphQLRequestOptions = {},
  ): Promise<GraphQLResponse<T>> {
    const payload = JSON.stringify({ query, variables });
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
    headers['content-length'] = String(Buffer.byteLength(payload));
    const { status, text, contentType } = await this.client.post('/graphql', headers, payload);
    const body = (contentType.includes('json') && text ? JSON.parse(text) : {}) as { data?: T; errors?: GraphQLResponse['errors'] };
    return { status, data: body.data, errors: body.errors, text };
  }

  private readonly client = new KeptAliveClient(() => this.port);

  private get port(): number {
    return (this.app.getHttpServer().address() as AddressInfo).port;
  }

  /** Waits for the work the app does after it answered (a password-reset lookup and e-mail). */
  settled(): Promise<void> {
    return this.get(RequestContext).afterResponseWorkDone();
  }

  /** The app's own connection (application role, row-level security applies). */
  get dataSource(): DataSource {
    return this.get(DataSource);
  }

  /** A connection as the owner, for checks the application role must not be able to make. */
  async asOwner<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: this.database.ownerUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  /** Processes sharing this app's database (test workers): stopped before it is dropped. */
  private readonly sharers = new Set<{ stop(): Promise<void> }>();

  shareDatabaseWith(sharer: { stop(): Promise<void> }): void {
    this.sharers.add(sharer);
  }

  async stop(): Promise<void> {
    // Jest runs afterAll hooks in the order declared, so a worker declared after the app would still
    // hold connections when the database is dropped (and fail the file on "terminating connection").
    for (const sharer of this.sharers) await sharer.stop();
    this.client.destroy();
    await this.app.close();
    await this.database.drop();
  }
}

/**
 * What a refused GraphQL call answered, to compare whole: the first error's code and reason, and the
 * fields it names (undefined when it names none, which `toEqual` treats as absent).
 */
export function refusalOf(response: { errors?: Array<{ extensions?: Record<string, unknown> }> }): { code: unknown; reason: unknown; fields: string[] | undefined } {
  const extensions = response.errors?.[0]?.extensions;
  return { code: extensions?.code, reason: extensions?.reason, fields: (extensions?.fields as Array<{ field: string }> | undefined)?.map((f) => f.field) };
}

/** Fails the test with the server's errors when a GraphQL call that should succeed did not. */
export function expectData<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length || !response.data) {
    throw new Error(`GraphQL call failed (${response.status}): ${JSON.stringify(response.errors)}`);
  }
  return response.data;
}
