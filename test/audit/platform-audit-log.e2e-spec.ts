import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ACCESS_RULE, holdersOf, Permission, Role } from '@chancery/access';
import { AuditEntry, AuditLog, LogCheckpoint, LogCheckpoints } from '@chancery/audit';
import { AuditEntryRepository } from '@chancery/audit/audit-entry.repository';
import { toAuditEntryType } from '@chancery/audit/entities/audit-entry.type';
import { AuditResolver } from '@chancery/audit/audit.resolver';
import { RequestContext, SYSTEM_ACTOR, TransactionRunner } from '@chancery/core';
import { canSee, present } from '@chancery/policy';
import { LogCheckpointJob } from '@chancery/privacy';
import { expectData, TestTenant, TestUser, useTestApp } from '@chancery/testing';

/*
 * The platform's own audit chain (tenant_id NULL: tenants created, the operator's logins and acts) is
 * read and verified by the operator, in its ordinary unit of work (platform scope, where row-level
 * security shows the platform's rows only), with the platform's signed checkpoints. A tenant's
 * administrators and auditors never see it, and the operator never sees a tenant's entries through it.
 */
describe("The platform's own audit log, for the operator", () => {
  const world = useTestApp();
  let operator: TestUser;
  let tenant: TestTenant;
  let admin: TestUser;
  let auditor: TestUser;
  let createdTenantId: string;
  const tokens = new Map<TestUser, string>();
  const as = (user: TestUser) => ({ token: tokens.get(user)! });
  const signCheckpoints = () => world.app.get(RequestContext).runAs(SYSTEM_ACTOR, () => world.app.get(LogCheckpointJob).handle());

  const ENTRY_FIELDS = 'id sequence occurredAt actorKind actorId action subjectType subjectId details { key value }';
  const PLATFORM_ENTRIES = `query($first: Int, $after: Int) { platformAuditEntries(first: $first, afterSequence: $after) { ${ENTRY_FIELDS} } }`;
  const TENANT_ENTRIES = `query($first: Int, $after: Int) { auditEntries(first: $first, afterSequence: $after) { ${ENTRY_FIELDS} } }`;
  const VERIFY_PLATFORM = '{ verifyPlatformAuditChain { entries valid firstBrokenSequence reason checkpointSequence } }';
  const CHECKPOINT_FIELDS = 'id chain sequence headHash checkpointedAt keyId signature payload document';
  const PLATFORM_CHECKPOINTS = `query($first: Int, $before: ID) { platformLogCheckpoints(first: $first, before: $before) { ${CHECKPOINT_FIELDS} } }`;
  const TENANT_CHECKPOINTS = `query($first: Int, $before: ID) { logCheckpoints(first: $first, before: $before) { ${CHECKPOINT_FIELDS} } }`;
  type Entry = { id: string; sequence: number; actorKind: string; actorId: string | null; action: string; subjectType: string | null; subjectId: string | null; details: Array<{ key: string; value: string | null }> };
  type Checkpoint = { id: string; chain: string; sequence: number; headHash: string; checkpointedAt: string; payload: string; document: string };

  const platformEntries = async (user: TestUser, variables: Record<string, unknown> = { first: 200 }) =>
    expectData(await world.app.graphql<{ platformAuditEntries: Entry[] }>(PLATFORM_ENTRIES, variables, as(user))).platformAuditEntries;
  const tenantEntries = async (user: TestUser) => expectData(await world.app.graphql<{ auditEntries: Entry[] }>(TENANT_ENTRIES, { first: 200 }, as(user))).auditEntries;
  const verifyPlatform = async (user: TestUser) => expectData(await world.app.graphql<{ verifyPlatformAuditChain: Record<string, unknown> }>(VERIFY_PLATFORM, {}, as(user))).verifyPlatformAuditChain;
  const platformCheckpoints = async (user: TestUser, variables: Record<string, unknown> = {}) =>
    expectData(await world.app.graphql<{ platformLogCheckpoints: Checkpoint[] }>(PLATFORM_CHECKPOINTS, variables, as(user))).platformLogCheckpoints;
  const tenantCheckpoints = async (user: TestUser) => expectData(await world.app.graphql<{ logCheckpoints: Checkpoint[] }>(TENANT_CHECKPOINTS, {}, as(user))).logCheckpoints;
  const idsWhere = async (condition: string, parameters: unknown[] = []) =>
    world.app.asOwner(async (db) => (await db.query(`SELECT id::text FROM audit_entry WHERE ${condition} ORDER BY sequence DESC`, parameters)).rows.map((r: { id: string }) => r.id));
  const platformChainLength = async () => world.app.asOwner(async (db) => Number((await db.query(`SELECT coalesce(max(sequence), 0) AS n FROM audit_entry WHERE tenant_id IS NULL`)).rows[0].n));

  beforeAll(async () => {
    const { app, factory } = world;
    operator = await factory.user({ roles: [Role.PLATFORM_ADMIN] });
    tenant = await factory.tenant();
    admin = await factory.user({ tenant, roles: [Role.TENANT_ADMIN] });
    auditor = await factory.user({ tenant, roles: [Role.AUDITOR] });
    for (const user of [operator, admin, auditor]) tokens.set(user, (await factory.login(user)).accessToken);
    // The operator creates a tenant: `identity.tenant.created` goes to the platform's chain.
    const created = expectData(await app.graphql<{ createTenant: { tenant: { id: string } } }>(
      'mutation($i: CreateTenantInput!) { createTenant(input: $i) { tenant { id } } }',
      {
        i: {
          slug: 'kamer-platform-audit', name: 'Kamer Platform Audit', kinds: ['CHAMBER_OF_COMMERCE'], legalEntityNumber: '0407.036.539', street: 'Kunstlaan 20',
          postalCode: '3500', city: 'Hasselt', country: 'BE', phone: '+3211560200', languages: ['nl', 'en'], privacyContactEmail: 'privacy@platform-audit.test',
          administrator: { firstName: 'Lies', lastName: 'Limburg', email: 'lies@platform-audit.test', preferredLanguage: 'nl' },
        },
      },
      as(operator),
    )).createTenant;
    createdTenantId = created.tenant.id;
    // And logs in once more (a second session): three entries at least, to page through.
    await factory.login(operator);
  });

  it("lists the platform's chain newest first, the tenant created and the operator's own login among it, and nothing else", async () => {
    const entries = await platformEntries(operator);
    // Exactly the rows with tenant_id NULL, in the order of their sequence.
    expect(entries.map((e) => e.id)).toEqual(await idsWhere('tenant_id IS NULL'));
    expect(entries.map((e) => e.sequence)).toEqual(Array.from({ length: entries.length }, (_, i) => entries.length - i));
    expect(entries).toContainEqual({
      id: expect.any(String), sequence: expect.any(Number), occurredAt: expect.any(String), actorKind: 'user', actorId: operator.id,
      action: 'identity.tenant.created', subjectType: 'Tenant', subjectId: createdTenantId, details: [],
    });
    expect(entries).toContainEqual(expect.objectContaining({ action: 'auth.login.succeeded', actorKind: 'anonymous', subjectType: 'User', subjectId: operator.id }));
    // The first administrator's invitation is the new tenant's, not the platform's.
    expect(entries.map((e) => e.action)).not.toContain('identity.invitation.created');

    // Paged as auditEntries is: first, then below the last sequence seen.
    const [newest, second, third] = entries;
    expect((await platformEntries(operator, { first: 2 })).map((e) => e.id)).toEqual([newest!.id, second!.id]);
    expect((await platformEntries(operator, { first: 1, after: second!.sequence })).map((e) => e.id)).toEqual([third!.id]);
    // The same bounds as auditEntries, refused naming the field.
    const refused = await world.app.graphql(PLATFORM_ENTRIES, { first: 201 }, as(operator));
    expect(refused.data?.platformAuditEntries ?? null).toBeNull();
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'first' })] });
  });

  it('keeps the two sides apart: the operator gets no tenant entry, the tenant admin no platform entry', async () => {
    const platformIds = new Set(await idsWhere('tenant_id IS NULL'));
    const tenantIds = new Set(await idsWhere('tenant_id IS NOT NULL'));
    expect(platformIds.size).toBeGreaterThan(1);
    expect(tenantIds.size).toBeGreaterThan(1);
    const ofOperator = await platformEntries(operator);
    expect(ofOperator.filter((e) => tenantIds.has(e.id))).toEqual([]);
    const ofAdmin = await tenantEntries(admin);
    expect(ofAdmin.length).toBeGreaterThan(0);
    expect(ofAdmin.filter((e) => platformIds.has(e.id))).toEqual([]);
    expect(ofAdmin.map((e) => e.id)).toEqual(await idsWhere('tenant_id = $1', [tenant.id]));
    // And the per-tenant queries stay the tenant's: the operator acts in none.
    for (const query of [TENANT_ENTRIES, '{ verifyAuditChain { valid } }', TENANT_CHECKPOINTS]) {
      const response = await world.app.graphql(query, { first: 10 }, as(operator));
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('field by field too, the operator reads the platform’s entries and checkpoints and no tenant’s, even one a unit of work would show', async () => {
    const operatorActor = { kind: 'user' as const, id: operator.id, roles: [Role.PLATFORM_ADMIN] };
    const [platformEntry] = await world.app.get(RequestContext).runAs(SYSTEM_ACTOR, () => world.app.get(TransactionRunner).asSystem(null, () => world.app.get(AuditEntryRepository).newestFirst(null, 1)));
    const [tenantEntry] = await world.app.get(RequestContext).runAs(SYSTEM_ACTOR, () => world.app.get(TransactionRunner).asSystem(tenant.id, () => world.app.get(AuditEntryRepository).newestFirst(tenant.id, 1)));
    expect(canSee(operatorActor, AuditEntry, toAuditEntryType(platformEntry!))).toBe(true);
    expect(canSee(operatorActor, AuditEntry, toAuditEntryType(tenantEntry!))).toBe(false);
    expect(present(operatorActor, toAuditEntryType(tenantEntry!), 'graphql')).toBeNull();
    expect(present(operatorActor, toAuditEntryType(platformEntry!), 'graphql')).toMatchObject({ action: platformEntry!.action });
    const checkpoint = (tenantId: string | null) => Object.assign(new LogCheckpoint(), { id: '1', tenantId, sequence: 1, headHash: 'aa' });
    expect(canSee(operatorActor, LogCheckpoint, checkpoint(null))).toBe(true);
    expect(canSee(operatorActor, LogCheckpoint, checkpoint(tenant.id))).toBe(false);
  });

  it.each([
    ['platformAuditEntries', PLATFORM_ENTRIES],
    ['verifyPlatformAuditChain', VERIFY_PLATFORM],
    ['platformLogCheckpoints', PLATFORM_CHECKPOINTS],
  ])('refuses %s to a tenant admin and an auditor (FORBIDDEN), and to no one logged in (UNAUTHENTICATED)', async (field, query) => {
    for (const user of [admin, auditor]) {
      const response = await world.app.graphql<Record<string, unknown>>(query, {}, as(user));
      expect(response.status).toBeLessThan(500);
      expect(response.data?.[field] ?? null).toBeNull();
      // Refused by the permission, before the service's own check of the scope.
      expect(response.errors?.map((e) => [e.extensions?.code, e.extensions?.reason])).toEqual([['FORBIDDEN', 'PERMISSION_REQUIRED']]);
    }
    const anonymous = await world.app.graphql(query, {});
    expect(anonymous.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('declares the platform audit-log permission, held by the platform operator alone, on the three operations', () => {
    expect(holdersOf(Permission.ReadPlatformAuditLog)).toEqual([Role.PLATFORM_ADMIN]);
    const rule = { kind: 'permission', permission: Permission.ReadPlatformAuditLog };
    for (const method of ['platformAuditEntries', 'verifyPlatformAuditChain', 'platformLogCheckpoints'] as const) {
      expect(Reflect.getMetadata(ACCESS_RULE, AuditResolver.prototype[method])).toEqual(rule);
    }
  });

  it("signs the platform chain's head; the operator lists the checkpoint with its document, checks it offline, and the chain verifies against it", async () => {
    await signCheckpoints();
    // Read after the run: its first run creates the attestation key, which the platform's chain records.
    const length = await platformChainLength();
    const [newest, ...older] = await platformCheckpoints(operator);
    expect(older).toEqual([]);
    const headHash = await world.app.asOwner(async (db) => (await db.query(`SELECT encode(hash, 'hex') AS h FROM audit_entry WHERE tenant_id IS NULL AND sequence = $1`, [length])).rows[0].h);
    expect(newest).toMatchObject({ chain: 'AUDIT', sequence: length, headHash });
    expect(JSON.parse(newest!.payload)).toEqual({ format: 'chancery.log-checkpoint/1', chain: 'AUDIT', tenantId: null, sequence: length, headHash, checkpointedAt: newest!.checkpointedAt });
    const folder = mkdtempSync(join(tmpdir(), 'platform-checkpoint-'));
    writeFileSync(join(folder, 'keys.json'), JSON.stringify((await world.app.http().get('/platform/attestation-keys')).body));
    writeFileSync(join(folder, 'kept.json'), newest!.document);
    const { stdout } = await promisify(execFile)(process.execPath, ['docs/verify-log-checkpoint.mjs', join(folder, 'kept.json'), join(folder, 'keys.json')]);
    expect(stdout).toContain(`VERIFIED: the audit log of the platform had reached entry ${length}`);

    // Checked against its signed head (the operator's reads add no entries).
    expect(await verifyPlatform(operator)).toEqual({ entries: await platformChainLength(), valid: true, firstBrokenSequence: null, reason: null, checkpointSequence: length });
  });

  it("keeps the checkpoints apart too: the tenant's are not the operator's, and a tenant's id is no cursor for the platform's", async () => {
    await world.factory.auditEntry(null, { action: 'identity.tenant.created', subjectType: 'Tenant', subjectId: createdTenantId });
    await signCheckpoints();
    const ofOperator = await platformCheckpoints(operator);
    expect(ofOperator.length).toBe(2);
    const stored = await world.app.asOwner(async (db) => (await db.query(`SELECT id::text, tenant_id FROM log_checkpoint ORDER BY id DESC`)).rows as Array<{ id: string; tenant_id: string | null }>);
    expect(ofOperator.map((c) => c.id)).toEqual(stored.filter((c) => c.tenant_id === null).map((c) => c.id));
    const ofAuditor = await tenantCheckpoints(auditor);
    expect(ofAuditor.length).toBeGreaterThan(0);
    expect(ofAuditor.map((c) => c.id)).toEqual(stored.filter((c) => c.tenant_id === tenant.id).map((c) => c.id));
    // Paging: below the newest, the older one; from a tenant's checkpoint (or an unknown id), an empty page.
    expect((await platformCheckpoints(operator, { first: 1 })).map((c) => c.id)).toEqual([ofOperator[0]!.id]);
    expect((await platformCheckpoints(operator, { before: ofOperator[0]!.id })).map((c) => c.id)).toEqual([ofOperator[1]!.id]);
    expect(await platformCheckpoints(operator, { before: ofAuditor[0]!.id })).toEqual([]);
    expect(await platformCheckpoints(operator, { before: '999999999' })).toEqual([]);
  });

  it('recomputes the chain at most once per request: a second alias is refused before any resolver runs', async () => {
    const response = await world.app.graphql('{ a: verifyPlatformAuditChain { valid } b: verifyPlatformAuditChain { valid } }', {}, as(operator));
    expect(response.status).toBeLessThan(500);
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.errors?.[0]?.message).toMatch(/verifyPlatformAuditChain.*once per request/);
  });

  it('is read outside any tenant only: a tenant actor holding the role finds the platform chain refused, not empty and valid', async () => {
    const inTenant = { kind: 'user' as const, id: operator.id, tenantId: tenant.id, roles: [Role.PLATFORM_ADMIN] };
    const context = world.app.get(RequestContext);
    const refusal = { code: 'FORBIDDEN', reason: 'PLATFORM_AUDIT_LOG_OUTSIDE_TENANTS' };
    await expect(context.runAs(inTenant, () => world.app.get(AuditLog).verifyPlatformChain())).rejects.toMatchObject(refusal);
    await expect(context.runAs(inTenant, () => world.app.get(AuditLog).listPlatformEntries({ first: 10 }))).rejects.toMatchObject(refusal);
    await expect(context.runAs(inTenant, () => world.app.get(LogCheckpoints).listForPlatform(10))).rejects.toMatchObject(refusal);
  });

  it('a platform entry changed in the database (as the superuser) is reported by verifyPlatformAuditChain at its position', async () => {
    const target = 2;
    await world.app.asOwner((db) => db.query(`UPDATE audit_entry SET details = '{"forged":true}' WHERE tenant_id IS NULL AND sequence = $1`, [target]));
    expect(await verifyPlatform(operator)).toMatchObject({ valid: false, firstBrokenSequence: target, reason: 'LINK_BROKEN' });
    // The tenant's chain is untouched by it.
    expect(expectData(await world.app.graphql<{ verifyAuditChain: { valid: boolean } }>('{ verifyAuditChain { valid } }', {}, as(admin))).verifyAuditChain).toEqual({ valid: true });
  });
});
