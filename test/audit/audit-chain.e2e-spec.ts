import { randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { Role } from '@chancery/access';
import { Actor, RequestContext, TransactionRunner } from '@chancery/core';
import { useTestApp } from '@chancery/testing';
import { AuditEntryInput, AuditLog, InvalidAuditEntryError } from '@chancery/audit';
import { describeAuditChain, verifyAllAuditChains } from '@chancery/audit/cli/verify-audit-chain';

/*
 * The audit log against a real PostgreSQL, through the application role (row-level security and
 * grants apply) and, for tampering, through the owner.
 */
describe('The tamper-evident audit log', () => {
  const world = useTestApp();
  let auditLog: AuditLog;
  let context: RequestContext;
  let transactions: TransactionRunner;
  const db = { get ownerUrl() { return world.app.database.ownerUrl; }, get appUrl() { return world.app.database.appUrl; } };

  beforeAll(() => {
    auditLog = world.app.get(AuditLog);
    context = world.app.get(RequestContext);
    transactions = world.app.get(TransactionRunner);
  });

  const staffOf = (tenantId: string, roles: Role[] = [Role.TENANT_ADMIN]): Actor => ({
    kind: 'user',
    id: randomUUID(),
    tenantId,
    roles,
  });
  const SYSTEM: Actor = { kind: 'system', roles: [] };

  function as<T>(actor: Actor, work: () => Promise<T>, requestId = `req-${randomUUID()}`): Promise<T> {
    return context.runAs(actor, work, requestId);
  }

  async function recordMany(
    actor: Actor,
    count: number,
    entry: Partial<AuditEntryInput> = {},
  ): Promise<void> {
    for (let i = 1; i <= count; i += 1) {
      await as(actor, () =>
        auditLog.record({
          action: 'identity.role.granted',
          subjectType: 'User',
          subjectId: `u-${i}`,
          details: { role: 'CLERK', n: i },
          ...entry,
        }),
      );
    }
  }

  async function asOwner<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: db.ownerUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  /** The application role in a transaction of `tenantId` (or none), as the app's own connections are. */
  async function asApplication<T>(tenantId: string | null, work: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: db.appUrl });
    await client.connect();
    try {
      await client.query('BEGIN');
      if (tenantId) await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      return await work(client);
    } finally {
      await client.query('ROLLBACK').catch(() => undefined);
      await client.end();
    }
  }

  it('chains the entries of a tenant and verifies them; the listing is newest first', async () => {
    const tenant = randomUUID();
    const admin = staffOf(tenant);
    const first = await as(
      admin,
      () =>
        auditLog.record({
          action: 'auth.login.succeeded',
          subjectType: 'User',
          subjectId: admin.id,
          details: { method: 'password' },
        }),
      'req-login',
    );
    await recordMany(admin, 2);

    expect(first).toEqual({ id: expect.any(String), tenantId: tenant, sequence: 1 });
    expect(await auditLog.verifyChain(tenant)).toEqual({ entries: 3, valid: true });

    const listed = await as(admin, () => auditLog.listEntries({ first: 50 }));
    expect(listed.map((e) => e.sequence)).toEqual([3, 2, 1]);
    expect(listed[2]).toMatchObject({
      tenantId: tenant,
      actorKind: 'user',
      actorId: admin.id,
      action: 'auth.login.succeeded',
      subjectType: 'User',
      subjectId: admin.id,
      details: { method: 'password' },
      requestId: 'req-login',
      previousHash: null,
    });
    // Each entry carries the hash of the one before.
    expect(listed[1].previousHash?.equals(listed[2].hash)).toBe(true);
    expect(listed[0].previousHash?.equals(listed[1].hash)).toBe(true);

    const page = await as(admin, () => auditLog.listEntries({ first: 1, afterSequence: 3 }));
    expect(page.map((e) => e.sequence)).toEqual([2]);
  });

  it("writes in the caller's unit of work: the entry rolls back with the change it describes", async () => {
    const tenant = randomUUID();
    const admin = staffOf(tenant);
    class RefusedChange extends Error {}
    await expect(
      as(admin, () =>
        transactions.run(async () => {
          await auditLog.record({
            action: 'identity.invitation.sent',
            subjectType: 'Invitation',
            subjectId: 'inv-1',
          });
          throw new RefusedChange();
        }),
      ),
    ).rejects.toThrow(RefusedChange);
    expect(await auditLog.verifyChain(tenant)).toEqual({ entries: 0, valid: true });

    // The login flow: an anonymous caller in a unit of work opened for the tenant it named.
    await as({ kind: 'anonymous', roles: [] }, () =>
      transactions.beforeSession(tenant, () => auditLog.record({ action: 'auth.login.failed', details: { reason: 'badPassword' } })),
    );
    const [entry] = await as(admin, () => auditLog.listEntries({ first: 1 }));
    expect(entry).toMatchObject({
      tenantId: tenant,
      sequence: 1,
      actorKind: 'anonymous',
      actorId: null,
      action: 'auth.login.failed',
    });
  });

  it('gives 50 concurrent writers of one tenant the sequences 1..50, without gaps, in a valid chain', async () => {
    const tenant = randomUUID();
    const recorded = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        as(staffOf(tenant), () =>
          auditLog.record({ action: 'auth.login.succeeded', details: { writer: i } }),
        ),
      ),
    );
    expect(recorded.map((r) => r.sequence).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    expect(await auditLog.verifyChain(tenant)).toEqual({ entries: 50, valid: true });
  });

  describe('tampering by the owner is detected at the right position', () => {
    it('a changed detail', async () => {
      const tenant = randomUUID();
      await recordMany(staffOf(tenant), 5);
      await asOwner((owner) =>
        owner.query(
          `UPDATE audit_entry SET details = '{"role":"TENANT_ADMIN","n":3}' WHERE tenant_id = $1 AND sequence = 3`,
          [tenant],
        ),
      );
      expect(await auditLog.verifyChain(tenant)).toEqual({
        entries: 5,
        valid: false,
        firstBrokenSequence: 3,
        reason: 'LINK_BROKEN',
      });
    });

    it('a deleted entry in the middle', async () => {
      const tenant = randomUUID();
      await recordMany(staffOf(tenant), 5);
      await asOwner((owner) =>
        owner.query(`DELETE FROM audit_entry WHERE tenant_id = $1 AND sequence = 3`, [tenant]),
      );
      expect(await auditLog.verifyChain(tenant)).toEqual({
        entries: 4,
        valid: false,
        firstBrokenSequence: 3,
        reason: 'LINK_BROKEN',
      });
    });

    it('two entries swapped', async () => {
      const tenant = randomUUID();
      await recordMany(staffOf(tenant), 5);
      await asOwner(async (owner) => {
        const swap = `UPDATE audit_entry SET sequence = $3 WHERE tenant_id = $1 AND sequence = $2`;
        await owner.query(swap, [tenant, 2, 1000]);
        await owner.query(swap, [tenant, 4, 2]);
        await owner.query(swap, [tenant, 1000, 4]);
      });
      expect(await auditLog.verifyChain(tenant)).toEqual({
        entries: 5,
        valid: false,
        firstBrokenSequence: 2,
        reason: 'LINK_BROKEN',
      });
    });

    it('a rewritten hash', async () => {
      const tenant = randomUUID();
      await recordMany(staffOf(tenant), 4);
      await asOwner((owner) =>
        owner.query(`UPDATE audit_entry SET hash = sha256(hash) WHERE tenant_id = $1 AND sequence = 2`, [
          tenant,
        ]),
      );
      expect(await auditLog.verifyChain(tenant)).toEqual({
        entries: 4,
        valid: false,
        firstBrokenSequence: 2,
        reason: 'LINK_BROKEN',
      });
    });
  });

  describe('the application role may only read and append', () => {
    it.each([
      ['UPDATE', `UPDATE audit_entry SET action = 'auth.login.failed'`],
      ['DELETE', `DELETE FROM audit_entry`],
      ['TRUNCATE', `TRUNCATE audit_entry`],
    ])('%s is refused: permission denied', async (_verb, statement) => {
      const tenant = randomUUID();
      await recordMany(staffOf(tenant), 1);
      await asApplication(tenant, async (app) => {
        await expect(app.query(statement)).rejects.toMatchObject({
          code: '42501',
          message: expect.stringMatching(/permission denied/),
        });
      });
      expect(await auditLog.verifyChain(tenant)).toEqual({ entries: 1, valid: true });
    });

    it('the catalog agrees: SELECT and INSERT only, row-level security enabled and forced', async () => {
      const row = await asOwner(async (owner) => {
        const { rows } = await owner.query(`
          SELECT c.relrowsecurity, c.relforcerowsecurity,
                 array(SELECT p FROM unnest(ARRAY['SELECT','INSERT','UPDATE','DELETE','TRUNCATE','REFERENCES','TRIGGER']) p
                       WHERE has_table_privilege('chancery_app', 'audit_entry', p)) AS privileges
            FROM pg_class c WHERE c.relname = 'audit_entry'`);
        return rows[0];
      });
      expect(row).toEqual({
        relrowsecurity: true,
        relforcerowsecurity: true,
        privileges: ['SELECT', 'INSERT'],
      });
    });
  });

  describe('row-level security keeps each chain to its tenant', () => {
    let tenantA: string;
    let tenantB: string;
    beforeAll(async () => {
      tenantA = randomUUID();
      tenantB = randomUUID();
      await recordMany(staffOf(tenantA), 2);
      await recordMany(staffOf(tenantB), 3);
    });

    it("tenant A's context reads none of tenant B's entries", async () => {
      const listed = await as(staffOf(tenantA, [Role.AUDITOR]), () => auditLog.listEntries({ first: 200 }));
      expect(listed.map((e) => e.tenantId)).toEqual([tenantA, tenantA]);
      await asApplication(tenantA, async (app) => {
        expect(
          (await app.query(`SELECT count(*)::int AS n FROM audit_entry WHERE tenant_id = $1`, [tenantB]))
            .rows[0].n,
        ).toBe(0);
        expect((await app.query(`SELECT DISTINCT tenant_id FROM audit_entry`)).rows).toEqual([
          { tenant_id: tenantA },
        ]);
      });
    });

    it('no tenant context reads 0 rows', async () => {
      await asApplication(null, async (app) => {
        expect((await app.query(`SELECT count(*)::int AS n FROM audit_entry`)).rows[0].n).toBe(0);
      });
    });

    it("tenant A's context cannot append to tenant B's chain", async () => {
      await expect(
        as(staffOf(tenantA), () =>
          transactions.run(() => auditLog.record({ action: 'auth.login.succeeded', tenantId: tenantB })),
        ),
      ).rejects.toThrow(InvalidAuditEntryError);
      await asApplication(tenantA, async (app) => {
        await expect(
          app.query(
            `INSERT INTO audit_entry (tenant_id, sequence, occurred_at, actor_kind, action, hash)
             VALUES ($1, 99, now(), 'user', 'forged.entry', sha256('x'))`,
            [tenantB],
          ),
        ).rejects.toMatchObject({ code: '42501', message: expect.stringMatching(/row-level security/) });
      });
      expect(await auditLog.verifyChain(tenantB)).toEqual({ entries: 3, valid: true });
    });
  });

  it('keeps platform-level events in a chain of their own, readable only in platform scope', async () => {
    const before = await auditLog.verifyChain(null);
    await as(SYSTEM, () =>
      transactions.asSystem(null, () => auditLog.record({ action: 'platform.tenant.created', subjectType: 'Tenant', subjectId: randomUUID() })),
    );
    await as(SYSTEM, () =>
      transactions.asSystem(null, () => auditLog.record({ action: 'platform.tenant.created', subjectType: 'Tenant', subjectId: randomUUID() })),
    );
    // Outside platform scope, the system cannot append to the platform's chain.
    await expect(as(SYSTEM, () => auditLog.record({ action: 'platform.tenant.created', tenantId: null }))).rejects.toThrow(InvalidAuditEntryError);
    expect(await auditLog.verifyChain(null)).toEqual({ entries: before.entries + 2, valid: true });
    await asApplication(randomUUID(), async (app) => {
      expect(
        (await app.query(`SELECT count(*)::int AS n FROM audit_entry WHERE tenant_id IS NULL`)).rows[0].n,
      ).toBe(0);
    });
    // A platform-level entry cannot be slipped into a tenant's unit of work.
    await expect(
      as(staffOf(randomUUID()), () =>
        transactions.run(() => auditLog.record({ action: 'platform.tenant.created', tenantId: null })),
      ),
    ).rejects.toThrow(InvalidAuditEntryError);
  });

  it('refuses to read the log without a tenant', async () => {
    await expect(as(SYSTEM, () => auditLog.listEntries({ first: 10 }))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  describe('the verification command', () => {
    it('reports every chain, the broken ones with their first broken sequence', async () => {
      const intact = randomUUID();
      const broken = randomUUID();
      await recordMany(staffOf(intact), 3);
      await recordMany(staffOf(broken), 3);
      await asOwner((owner) =>
        owner.query(`DELETE FROM audit_entry WHERE tenant_id = $1 AND sequence = 1`, [broken]),
      );

      const reports = await asOwner((owner) => verifyAllAuditChains(owner));
      expect(reports).toContainEqual({ tenantId: intact, entries: 3, valid: true });
      expect(reports).toContainEqual({ tenantId: broken, entries: 2, valid: false, firstBrokenSequence: 1, reason: 'LINK_BROKEN' });
      expect(reports.find((r) => r.tenantId === null)).toMatchObject({ valid: true });
      expect(describeAuditChain({ tenantId: broken, entries: 2, valid: false, firstBrokenSequence: 1, reason: 'LINK_BROKEN' })).toBe(
        `tenant ${broken}: 2 entries, BROKEN at sequence 1 (LINK_BROKEN)`,
      );
    });

    it('prints one line per chain and exits 1 when any is broken', async () => {
      const run = promisify(execFile);
      const result = await run(
        'node',
        [
          '-r',
          'ts-node/register/transpile-only',
          '-r',
          'tsconfig-paths/register',
          'libs/audit/src/cli/verify-audit-chain.ts',
        ],
        { env: { ...process.env, DATABASE_URL: db.ownerUrl }, cwd: process.cwd() },
      ).then(
        () => ({ code: 0, stdout: '' }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
      );
      expect(result.code).toBe(1);
      const lines = result.stdout.trim().split('\n');
      const chains = await asOwner(
        async (owner) =>
          (await owner.query(`SELECT count(DISTINCT coalesce(tenant_id::text, '')) AS n FROM audit_entry`))
            .rows[0].n,
      );
      expect(lines).toHaveLength(Number(chains));
      expect(
        lines.every((line) =>
          /^(platform|tenant [0-9a-f-]{36}): \d+ entries, (valid|BROKEN at sequence \d+ \((LINK_BROKEN|TRUNCATED|CHECKPOINT_MISMATCH)\))(, checked against its checkpoint at \d+)?$/.test(line),
        ),
      ).toBe(true);
      expect(lines.some((line) => line.includes('BROKEN'))).toBe(true);
    });
  });
});
