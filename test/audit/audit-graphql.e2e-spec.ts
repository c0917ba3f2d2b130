import { CanActivate, ExecutionContext, INestApplication, Injectable } from '@nestjs/common';
import { APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { GqlExecutionContext, GraphQLModule } from '@nestjs/graphql';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  AccessRule,
  ACCESS_RULE,
  Actor,
  CoreModule,
  formatGraphQLError,
  InputValidationPipe,
  loadAppConfig,
  RequestContext,
  Role,
} from '@chancery/core';
import { createTestDatabase, TestDatabase } from '@chancery/testing/database/test-database-server';
import { AuditLog, AuditModule } from '@chancery/audit';
import { AuditResolver } from '@chancery/audit/audit.resolver';

/**
 * Stands in for the authentication guard (written elsewhere) in this suite only: the actor comes from
 * a header. Role enforcement is that guard's; here we check the rule each operation declares.
 */
@Injectable()
class ActorFromHeaderGuard implements CanActivate {
  constructor(private readonly context: RequestContext) {}

  canActivate(execution: ExecutionContext): boolean {
    const { req } = GqlExecutionContext.create(execution).getContext<{
      req: { headers: Record<string, unknown> };
    }>();
    const header = req.headers['x-test-actor'];
    if (typeof header === 'string') this.context.setActor(JSON.parse(header) as Actor);
    return true;
  }
}

describe('The audit log over GraphQL', () => {
  let db: TestDatabase;
  let app: INestApplication;
  const tenant = randomUUID();
  const auditor: Actor = { kind: 'user', id: randomUUID(), tenantId: tenant, roles: [Role.AUDITOR] };

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = loadAppConfig({
      NODE_ENV: 'test',
      DATABASE_URL: db.ownerUrl,
      DATABASE_APP_URL: db.appUrl,
      LOG_LEVEL: 'silent',
    });
    const moduleRef = await Test.createTestingModule({
      imports: [
        CoreModule.forRoot({ config, database: db, applicationName: 'audit-graphql-test' }),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          autoSchemaFile: true,
          formatError: formatGraphQLError,
          context: ({ req }: { req: unknown }) => ({ req }),
        }),
        AuditModule,
      ],
      providers: [
        { provide: APP_PIPE, useClass: InputValidationPipe },
        { provide: APP_GUARD, useClass: ActorFromHeaderGuard },
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();

    const auditLog = app.get(AuditLog);
    const context = app.get(RequestContext);
    for (let i = 1; i <= 4; i += 1) {
      await context.runAs(auditor, () =>
        auditLog.record({
          action: 'identity.role.granted',
          subjectType: 'User',
          subjectId: `u-${i}`,
          details: { role: 'CLERK', count: i, notified: i % 2 === 0, reason: null },
        }),
      );
    }
    // Another tenant's entries, which must never show.
    const other: Actor = { ...auditor, tenantId: randomUUID() };
    await context.runAs(other, () => auditLog.record({ action: 'auth.login.succeeded' }));
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  async function graphql(query: string, variables: Record<string, unknown> = {}, actor: Actor = auditor) {
    const response = await request(app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('x-test-actor', JSON.stringify(actor))
      .send({ query, variables });
    return response.body as {
      data?: Record<string, any> | null;
      errors?: Array<{ message: string; extensions?: Record<string, any> }>;
    };
  }

  const ENTRIES = `query ($first: Int, $after: Int) {
    auditEntries(first: $first, afterSequence: $after) {
      id sequence occurredAt actorKind actorId action subjectType subjectId details { key value }
    }
  }`;

  it("lists the tenant's entries newest first, details as sorted key/value pairs", async () => {
    const { data, errors } = await graphql(ENTRIES);
    expect(errors).toBeUndefined();
    expect(data!.auditEntries.map((e: { sequence: number }) => e.sequence)).toEqual([4, 3, 2, 1]);
    expect(data!.auditEntries[0]).toEqual({
      id: expect.any(String),
      sequence: 4,
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      actorKind: 'user',
      actorId: auditor.id,
      action: 'identity.role.granted',
      subjectType: 'User',
      subjectId: 'u-4',
      details: [
        { key: 'count', value: '4' },
        { key: 'notified', value: 'true' },
        { key: 'reason', value: null },
        { key: 'role', value: 'CLERK' },
      ],
    });
  });

  it('pages with first and afterSequence', async () => {
    const { data } = await graphql(ENTRIES, { first: 2, after: 3 });
    expect(data!.auditEntries.map((e: { sequence: number }) => e.sequence)).toEqual([2, 1]);
  });

  it.each([
    ['first above 200', { first: 201 }, 'first'],
    ['first below 1', { first: 0 }, 'first'],
    ['afterSequence below 1', { after: 0 }, 'afterSequence'],
  ])('refuses %s as BAD_USER_INPUT naming the field', async (_label, variables, field) => {
    const { data, errors } = await graphql(ENTRIES, variables);
    expect(data?.auditEntries ?? null).toBeNull();
    expect(errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field })],
    });
  });

  it("verifies the tenant's chain", async () => {
    const { data, errors } = await graphql('{ verifyAuditChain { entries valid firstBrokenSequence } }');
    expect(errors).toBeUndefined();
    expect(data!.verifyAuditChain).toEqual({ entries: 4, valid: true, firstBrokenSequence: null });
  });

  it('declares tenant admins and auditors as the only callers of both operations', () => {
    const rule: AccessRule = { kind: 'roles', roles: [Role.TENANT_ADMIN, Role.AUDITOR] };
    expect(Reflect.getMetadata(ACCESS_RULE, AuditResolver.prototype.auditEntries)).toEqual(rule);
    expect(Reflect.getMetadata(ACCESS_RULE, AuditResolver.prototype.verifyAuditChain)).toEqual(rule);
  });
});
