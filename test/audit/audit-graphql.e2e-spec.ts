import { ACCESS_RULE, AccessRule, Permission, Role } from '@chancery/access';
import { AuditLog } from '@chancery/audit';
import { AuditResolver } from '@chancery/audit/audit.resolver';
import { Actor, RequestContext } from '@chancery/core';
import { TestSession, useTestApp } from '@chancery/testing';

describe('The audit log over GraphQL', () => {
  const world = useTestApp();
  let auditor: Actor;
  let session: TestSession;

  beforeAll(async () => {
    const { app, factory } = world;
    const tenant = await factory.tenant();
    const user = await factory.user({ tenant, roles: [Role.AUDITOR] });
    auditor = { kind: 'user', id: user.id, tenantId: tenant.id, roles: [Role.AUDITOR] };
    session = await factory.login(user);
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
    // Sequence 1 is the auditor's own login; 2 to 5 the grants. Another tenant's entries must never show.
    const other = await factory.tenant();
    await factory.auditEntry(other.id, { action: 'auth.login.succeeded' });
  });

  async function graphql(query: string, variables: Record<string, unknown> = {}) {
    const response = await world.app.graphql<Record<string, any>>(query, variables, { token: session.accessToken });
    return { data: response.data, errors: response.errors };
  }

  const ENTRIES = `query ($first: Int, $after: Int) {
    auditEntries(first: $first, afterSequence: $after) {
      id sequence occurredAt actorKind actorId action subjectType subjectId details { key value }
    }
  }`;

  it("lists the tenant's entries newest first, details as sorted key/value pairs", async () => {
    const { data, errors } = await graphql(ENTRIES);
    expect(errors).toBeUndefined();
    expect(data!.auditEntries.map((e: { sequence: number }) => e.sequence)).toEqual([5, 4, 3, 2, 1]);
    expect(data!.auditEntries[0]).toEqual({
      id: expect.any(String),
      sequence: 5,
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
    expect(data!.verifyAuditChain).toEqual({ entries: 5, valid: true, firstBrokenSequence: null });
  });

  it('recomputes the chain at most once per request (#14 defect 13): a second alias or spread is refused before any resolver runs', async () => {
    for (const document of [
      '{ a: verifyAuditChain { valid } b: verifyAuditChain { valid } }',
      '{ verifyAuditChain { valid } ...F } fragment F on Query { again: verifyAuditChain { entries } }',
    ]) {
      const response = await world.app.graphql(document, {}, { token: session.accessToken });
      expect(response.status).toBeLessThan(500);
      expect(response.data ?? null).toBeNull();
      expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(response.errors?.[0]?.message).toMatch(/verifyAuditChain.*once per request/);
    }
    // Once is fine, with any other fields beside it.
    const { data, errors } = await graphql('{ verifyAuditChain { valid } auditEntries(first: 1) { sequence } }');
    expect(errors).toBeUndefined();
    expect(data!.verifyAuditChain.valid).toBe(true);
  });

  it('declares the audit-log permission (tenant admins and auditors) on both operations', () => {
    const rule: AccessRule = { kind: 'permission', permission: Permission.ReadAuditLog };
    expect(Reflect.getMetadata(ACCESS_RULE, AuditResolver.prototype.auditEntries)).toEqual(rule);
    expect(Reflect.getMetadata(ACCESS_RULE, AuditResolver.prototype.verifyAuditChain)).toEqual(rule);
  });
});
