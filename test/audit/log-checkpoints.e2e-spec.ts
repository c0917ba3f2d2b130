import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { Role } from '@chancery/access';
import { authenticKeptCheckpoint, publishedAttestationKeys, verifyAllAuditChains } from '@chancery/audit/cli/verify-audit-chain';
import { RequestContext, SYSTEM_ACTOR } from '@chancery/core';
import { LogCheckpointJob } from '@chancery/privacy';
import { expectData, TestTenant, TestUser, useTestApp } from '@chancery/testing';

/*
 * Review F2: removing a log's newest rows left a shorter chain that verified. The worker now signs each
 * chain's head with the platform attestation key (LogCheckpointJob); the tenant gets the signed document
 * (GraphQL logCheckpoints, the `audit.checkpoint` webhook) and the verifications check the chain
 * against the checkpoints, the CLI also against a copy the tenant kept.
 */
describe('Signed checkpoints of the tamper-evident logs', () => {
  const world = useTestApp();
  let tenantA: TestTenant;
  let tenantB: TestTenant;
  let auditorA: TestUser;
  let auditorB: TestUser;
  let adminA: TestUser;
  const tokens = new Map<TestUser, string>();
  const as = (user: TestUser) => ({ token: tokens.get(user)! });
  const run = () => world.app.get(RequestContext).runAs(SYSTEM_ACTOR, () => world.app.get(LogCheckpointJob).handle());

  const CHECKPOINTS = `query($first: Int, $before: ID) { logCheckpoints(first: $first, before: $before) { id chain sequence headHash checkpointedAt keyId signature payload document } }`;
  type Checkpoint = { id: string; chain: string; sequence: number; headHash: string; checkpointedAt: string; keyId: string; signature: string; payload: string; document: string };
  const checkpointsOf = async (user: TestUser) => expectData(await world.app.graphql<{ logCheckpoints: Checkpoint[] }>(CHECKPOINTS, {}, as(user))).logCheckpoints;
  const verifyAudit = async (user: TestUser) =>
    expectData(await world.app.graphql<{ verifyAuditChain: Record<string, unknown> }>('{ verifyAuditChain { entries valid firstBrokenSequence reason checkpointSequence } }', {}, as(user))).verifyAuditChain;
  async function grants(tenant: TestTenant, n: number): Promise<void> {
    for (let i = 0; i < n; i += 1) await world.factory.auditEntry(tenant.id, { action: 'identity.role.granted', subjectType: 'User', subjectId: `u-${i}`, details: { role: 'CLERK' } });
  }
  const auditChainLength = async (tenantId: string) =>
    world.app.asOwner(async (db) => Number((await db.query(`SELECT max(sequence) AS n FROM audit_entry WHERE tenant_id = $1`, [tenantId])).rows[0].n));

  async function ownerClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: world.app.database.ownerUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    const { factory } = world;
    tenantA = await factory.tenant();
    tenantB = await factory.tenant();
    adminA = await factory.user({ tenant: tenantA, roles: [Role.TENANT_ADMIN] });
    auditorA = await factory.user({ tenant: tenantA, roles: [Role.AUDITOR] });
    auditorB = await factory.user({ tenant: tenantB, roles: [Role.AUDITOR] });
    for (const user of [adminA, auditorA, auditorB]) tokens.set(user, (await factory.login(user)).accessToken);
    await grants(tenantA, 3);
    await grants(tenantB, 2);
  });

  it("signs each grown chain's head with the published attestation key, and hands the tenant a document it can check offline", async () => {
    // The tenant's administrator listens for checkpoints (a chamber's staff may: the event is of every space).
    expectData(await world.app.graphql(`mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { secret } }`, { input: { url: 'http://127.0.0.1:9/checkpoints', eventTypes: ['audit.checkpoint'] } }, as(adminA)));
    const lengthA = await auditChainLength(tenantA.id);
    await run();

    const [newest, ...older] = await checkpointsOf(auditorA);
    expect(older).toEqual([]);
    expect(newest).toMatchObject({ chain: 'AUDIT', sequence: lengthA, headHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const hashA = await world.app.asOwner(async (db) => (await db.query(`SELECT encode(hash, 'hex') AS h FROM audit_entry WHERE tenant_id = $1 AND sequence = $2`, [tenantA.id, lengthA])).rows[0].h);
    expect(newest!.headHash).toBe(hashA);
    expect(JSON.parse(newest!.payload)).toEqual({ format: 'chancery.log-checkpoint/1', chain: 'AUDIT', tenantId: tenantA.id, sequence: lengthA, headHash: hashA, checkpointedAt: newest!.checkpointedAt });

    // Checked with the key published at GET /platform/attestation-keys, by the script a tenant runs with Node alone.
    const keySet = await world.app.http().get('/platform/attestation-keys');
    expect(keySet.status).toBe(200);
    expect(keySet.body.keys.map((k: { kid: string }) => k.kid)).toContain(newest!.keyId);
    const folder = mkdtempSync(join(tmpdir(), 'checkpoint-'));
    writeFileSync(join(folder, 'keys.json'), JSON.stringify(keySet.body));
    writeFileSync(join(folder, 'kept.json'), newest!.document);
    const { stdout } = await promisify(execFile)(process.execPath, ['docs/verify-log-checkpoint.mjs', join(folder, 'kept.json'), join(folder, 'keys.json')]);
    expect(stdout).toContain(`VERIFIED: the audit log of tenant ${tenantA.id} had reached entry ${lengthA}`);
    expect(authenticKeptCheckpoint(newest!.document, publishedAttestationKeys(JSON.stringify(keySet.body))).head.sequence).toBe(lengthA);

    // The same document went to the tenant's target, in the checkpoint's own transaction.
    const events = await world.app.asOwner(async (db) => (await db.query(`SELECT tenant_id, subject FROM webhook_delivery WHERE event_type = 'audit.checkpoint'`)).rows);
    expect(events).toEqual([{ tenant_id: tenantA.id, subject: JSON.parse(newest!.document) }]);

    // And the chain verifies against it.
    expect(await verifyAudit(auditorA)).toEqual({ entries: lengthA, valid: true, firstBrokenSequence: null, reason: null, checkpointSequence: lengthA });
  });

  it('altering the signed document breaks its signature', async () => {
    const [kept] = await checkpointsOf(auditorA);
    const keys = publishedAttestationKeys(JSON.stringify((await world.app.http().get('/platform/attestation-keys')).body));
    const document = JSON.parse(kept!.document) as { payload: string };
    const longer = { ...document, payload: document.payload.replace(`"sequence":${kept!.sequence}`, `"sequence":${kept!.sequence + 5}`) };
    expect(longer.payload).not.toBe(document.payload);
    expect(() => authenticKeptCheckpoint(JSON.stringify(longer), keys)).toThrow(/signature does not verify/);
    expect(() => authenticKeptCheckpoint(kept!.document, keys)).not.toThrow();
    const folder = mkdtempSync(join(tmpdir(), 'checkpoint-'));
    writeFileSync(join(folder, 'keys.json'), JSON.stringify((await world.app.http().get('/platform/attestation-keys')).body));
    writeFileSync(join(folder, 'kept.json'), JSON.stringify(longer));
    const script = promisify(execFile)(process.execPath, ['docs/verify-log-checkpoint.mjs', join(folder, 'kept.json'), join(folder, 'keys.json')]);
    await expect(script).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('NOT VERIFIED') });
  });

  it('a tenant never sees another tenant’s checkpoints', async () => {
    const ofB = await checkpointsOf(auditorB);
    expect(ofB.map((c) => [c.chain, c.sequence])).toEqual([['AUDIT', await auditChainLength(tenantB.id)]]);
    const idsOfA = (await checkpointsOf(auditorA)).map((c) => c.id);
    expect(ofB.filter((c) => idsOfA.includes(c.id))).toEqual([]);
    // Paging from one of A's ids (or one that names nothing) finds no cursor: an empty page, as for an unknown id.
    const pagedFrom = async (before: string) => expectData(await world.app.graphql<{ logCheckpoints: Checkpoint[] }>(CHECKPOINTS, { before }, as(auditorB))).logCheckpoints;
    expect(await pagedFrom(idsOfA[0]!)).toEqual([]);
    expect(await pagedFrom('999999999')).toEqual([]);
    // From its own newest, B's next page.
    expect((await pagedFrom(ofB[0]!.id)).map((c) => c.id)).toEqual(ofB.slice(1).map((c) => c.id));
  });

  it('skips the chains that did not grow, and signs the one that did', async () => {
    await run();
    const before = await world.app.asOwner(async (db) => (await db.query(`SELECT count(*)::int AS n FROM log_checkpoint`)).rows[0].n as number);
    await run();
    expect(await world.app.asOwner(async (db) => (await db.query(`SELECT count(*)::int AS n FROM log_checkpoint`)).rows[0].n)).toBe(before);
    await grants(tenantB, 1);
    await run();
    const made = await world.app.asOwner(async (db) => (await db.query(`SELECT tenant_id, chain, sequence::int FROM log_checkpoint ORDER BY id DESC LIMIT 2`)).rows);
    expect(made[0]).toEqual({ tenant_id: tenantB.id, chain: 'AUDIT', sequence: await auditChainLength(tenantB.id) });
    expect(await world.app.asOwner(async (db) => (await db.query(`SELECT count(*)::int AS n FROM log_checkpoint`)).rows[0].n)).toBe(before + 1);
  });

  it('deleting the newest audit entries after a checkpoint is reported TRUNCATED, in GraphQL and by the CLI', async () => {
    const [checkpoint] = await checkpointsOf(auditorA);
    await grants(tenantA, 2);
    // An operator with database access removes the newest entries: those after the checkpoint, and two it signed.
    await world.app.asOwner((db) => db.query(`DELETE FROM audit_entry WHERE tenant_id = $1 AND sequence > $2`, [tenantA.id, checkpoint!.sequence - 2]));
    expect(await verifyAudit(auditorA)).toEqual({ entries: checkpoint!.sequence - 2, valid: false, firstBrokenSequence: checkpoint!.sequence - 1, reason: 'TRUNCATED', checkpointSequence: checkpoint!.sequence });
    const reports = await ownerClient((client) => verifyAllAuditChains(client));
    expect(reports.find((r) => r.tenantId === tenantA.id)).toMatchObject({ valid: false, reason: 'TRUNCATED', firstBrokenSequence: checkpoint!.sequence - 1 });
    expect(reports.find((r) => r.tenantId === tenantB.id)).toMatchObject({ valid: true });
  });

  it('deleting the entries AND the checkpoints is still caught with the checkpoint the tenant kept', async () => {
    const [kept] = await checkpointsOf(auditorA);
    await world.app.asOwner((db) => db.query(`DELETE FROM log_checkpoint WHERE tenant_id = $1`, [tenantA.id]));
    // Nothing left in the database says how far the chain reached.
    expect(await verifyAudit(auditorA)).toMatchObject({ valid: true, checkpointSequence: null });
    const keys = publishedAttestationKeys(JSON.stringify((await world.app.http().get('/platform/attestation-keys')).body));
    const reports = await ownerClient((client) => verifyAllAuditChains(client, { kept: [authenticKeptCheckpoint(kept!.document, keys)] }));
    expect(reports.find((r) => r.tenantId === tenantA.id)).toMatchObject({ valid: false, reason: 'TRUNCATED', checkpointSequence: kept!.sequence });
    // The command itself: given the file and the published keys, it exits 1 and says why.
    const folder = mkdtempSync(join(tmpdir(), 'checkpoint-'));
    writeFileSync(join(folder, 'keys.json'), JSON.stringify((await world.app.http().get('/platform/attestation-keys')).body));
    writeFileSync(join(folder, 'kept.json'), kept!.document);
    const cli = promisify(execFile)(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'libs/audit/src/cli/verify-audit-chain.ts', '--checkpoint', join(folder, 'kept.json'), '--keys', join(folder, 'keys.json')],
      { env: { ...process.env, DATABASE_URL: world.app.database.ownerUrl, TS_NODE_PROJECT: 'tsconfig.json' } },
    );
    await expect(cli).rejects.toMatchObject({ code: 1, stdout: expect.stringContaining(`tenant ${tenantA.id}: ${kept!.sequence - 2} entries, BROKEN at sequence ${kept!.sequence - 1} (TRUNCATED)`) });
  });

  it('a record rewritten at a signed position is a CHECKPOINT_MISMATCH', async () => {
    const tenant = await world.factory.tenant();
    const auditor = await world.factory.user({ tenant, roles: [Role.AUDITOR] });
    tokens.set(auditor, (await world.factory.login(auditor)).accessToken);
    await grants(tenant, 2);
    await run();
    const [checkpoint] = await checkpointsOf(auditor);
    // The signed entry removed and another written in its place, properly chained: the chain is valid in itself.
    await world.app.asOwner((db) => db.query(`DELETE FROM audit_entry WHERE tenant_id = $1 AND sequence = $2`, [tenant.id, checkpoint!.sequence]));
    await world.factory.auditEntry(tenant.id, { action: 'identity.role.revoked', subjectType: 'User', subjectId: 'u-0', details: { role: 'CLERK' } });
    expect(await world.app.asOwner(async (db) => (await db.query(`SELECT count(*)::int AS n FROM audit_entry WHERE tenant_id = $1 AND sequence = $2`, [tenant.id, checkpoint!.sequence])).rows[0].n)).toBe(1);
    expect(await verifyAudit(auditor)).toMatchObject({ valid: false, reason: 'CHECKPOINT_MISMATCH', firstBrokenSequence: checkpoint!.sequence });
  });

  it('the personal-data access log is checkpointed too, and its verification reports a truncation', async () => {
    const tenant = await world.factory.tenant();
    const officer = await world.factory.user({ tenant, roles: [Role.PRIVACY_OFFICER] });
    const clerk = await world.factory.user({ tenant, roles: [Role.CLERK] });
    const member = await world.factory.user({ tenant, organisation: await world.factory.organisation(tenant), roles: [Role.ORG_MEMBER] });
    for (const user of [officer, clerk]) tokens.set(user, (await world.factory.login(user)).accessToken);
    for (let i = 0; i < 3; i += 1) {
      expectData(await world.app.graphql(`query($id: ID!) { user(id: $id) { email } }`, { id: member.id }, as(clerk)));
      await world.app.settled();
    }
    await run();
    const accessLength = await world.app.asOwner(async (db) => Number((await db.query(`SELECT max(sequence) AS n FROM personal_data_access WHERE tenant_id = $1`, [tenant.id])).rows[0].n));
    expect(accessLength).toBeGreaterThan(1);
    const signed = await world.app.asOwner(async (db) => (await db.query(`SELECT sequence::int FROM log_checkpoint WHERE tenant_id = $1 AND chain = 'PERSONAL_DATA_ACCESS'`, [tenant.id])).rows);
    expect(signed).toEqual([{ sequence: accessLength }]);
    const verify = async () =>
      expectData(await world.app.graphql<{ verifyPersonalDataAccessChain: Record<string, unknown> }>('{ verifyPersonalDataAccessChain { valid firstBrokenSequence reason checkpointSequence } }', {}, as(officer))).verifyPersonalDataAccessChain;
    expect(await verify()).toMatchObject({ valid: true, checkpointSequence: accessLength });
    await world.app.asOwner((db) => db.query(`DELETE FROM personal_data_access WHERE tenant_id = $1 AND sequence = $2`, [tenant.id, accessLength]));
    expect(await verify()).toEqual({ valid: false, firstBrokenSequence: accessLength, reason: 'TRUNCATED', checkpointSequence: accessLength });
  });
});
