import { randomUUID } from 'node:crypto';
import { Role } from '@chancery/access';
import { CertificateFactory, reportFigure, TestApplication, useTestApp } from '@chancery/testing';

/**
 * Signing under concurrency (#16): 50 sign requests over 20 approved applications at once, from two
 * signers, some of them retries with the same idempotency key. Exactly one certificate per
 * application, and the tenant's numbers for the year are 1..20 with no gap and no duplicate.
 */
describe('Concurrent signing', () => {
  const started = useTestApp();

  it('issues exactly one certificate per application, numbered without gaps or duplicates', async () => {
    const { app, factory } = started;
    const certificates = new CertificateFactory(app);
    const chamber = await factory.tenant();
    const company = await factory.organisation(chamber);
    const exporter = await factory.login(await factory.user({ tenant: chamber, organisation: company, roles: [Role.ORG_ADMIN] }));
    const clerk = await factory.login(await factory.user({ tenant: chamber, roles: [Role.CLERK] }));
    const signers = [await factory.login(await factory.user({ tenant: chamber, roles: [Role.SIGNER] })), await factory.login(await factory.user({ tenant: chamber, roles: [Role.SIGNER] }))];

    const applications: TestApplication[] = [];
    for (let i = 0; i < 20; i += 1) applications.push(await certificates.approved(exporter.accessToken, clerk.accessToken));

    // 50 attempts: every application twice with its own keys, ten of them a third time re-using a key.
    const attempts: Array<{ applicationId: string; key: string }> = [];
    for (const a of applications) attempts.push({ applicationId: a.id, key: `k-${randomUUID()}` }, { applicationId: a.id, key: `k-${randomUUID()}` });
    for (const a of applications.slice(0, 10)) attempts.push({ applicationId: a.id, key: attempts.find((t) => t.applicationId === a.id)!.key });
    expect(attempts).toHaveLength(50);
    const responses = await Promise.all(attempts.map((t, i) => certificates.signResponse(t.applicationId, signers[i % 2]!.accessToken, t.key)));

    expect(responses.filter((r) => r.errors?.length).map((r) => r.errors)).toEqual([]);
    const byApplication = new Map<string, Set<string>>();
    attempts.forEach((t, i) => {
      const set = byApplication.get(t.applicationId) ?? new Set<string>();
      set.add(responses[i]!.data!.signCertificate.id);
      byApplication.set(t.applicationId, set);
    });
    expect([...byApplication.values()].every((ids) => ids.size === 1)).toBe(true);

    const rows = await app.asOwner(async (db) => (await db.query(`SELECT number, sequence FROM certificate WHERE tenant_id = $1 ORDER BY sequence`, [chamber.id])).rows as Array<{ number: string; sequence: number }>);
    const issued = rows.length;
    const duplicates = rows.length - new Set(rows.map((r) => r.number)).size;
    const gaps = rows.length === 0 ? 0 : rows[rows.length - 1]!.sequence - rows.length + (rows[0]!.sequence - 1);
    const counter = await app.asOwner(async (db) => (await db.query(`SELECT last_value FROM certificate_number_counter WHERE tenant_id = $1`, [chamber.id])).rows[0]?.last_value);
    reportFigure(`certificates: 50 concurrent signs over 20 applications: ${issued} issued, ${duplicates} duplicate numbers, ${gaps} gaps`);
    expect({ issued, duplicates, gaps, counter }).toEqual({ issued: 20, duplicates: 0, gaps: 0, counter: 20 });
    expect(rows.map((r) => r.sequence)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });
});
