import { Role } from '@chancery/access';
import { expectData, IdentityFactory, reportFigure, TestApp, TestTenant, TestUser, useTestApp } from '@chancery/testing';

/**
 * VERIFY T15: the retention sweep over seeded expired data, on a simulated clock. Each holder applies
 * its declarations' retention (sessions: 1 year after they end; invitations: 30 days after expiry;
 * messages: 90 days after delivery), in batches, reporting counts; a legal hold keeps a named record,
 * and a restricted person's data is touched by no job (Art. 18: storage only).
 */

interface Outcome {
  holder: string;
  expired: number;
  deleted: number;
  deidentified: number;
  held: number;
}

describe('T15 retention sweep', () => {
  const started = useTestApp();
  let app: TestApp;
  let factory: IdentityFactory;
  let tenant: TestTenant;
  let member: TestUser;
  let restricted: TestUser;
  let officer: TestUser;

  const T0 = '2030-01-10T09:00:00Z';
  const LATER = '2032-03-01T09:00:00Z';

  /** Rows past their retention at `at` (the rules as the declarations state them), by table. */
  async function pastRetention(at: string): Promise<{ sessions: string[]; invitations: number; messages: number }> {
    return app.asOwner(async (db) => {
      const sessions = (await db.query(
        `SELECT id::text FROM auth_session WHERE tenant_id = $1 AND coalesce(revoked_at, absolute_expires_at) < $2::timestamptz - interval '1 year'`, [tenant.id, at],
      )).rows.map((r: { id: string }) => r.id);
      const [invitations] = (await db.query(
        `SELECT count(*)::int AS n FROM invitation WHERE tenant_id = $1 AND (accepted_at IS NOT NULL OR revoked_at IS NOT NULL OR expires_at < $2::timestamptz - interval '30 days')`, [tenant.id, at],
      )).rows as Array<{ n: number }>;
      const [messages] = (await db.query(`SELECT count(*)::int AS n FROM outbox_message WHERE tenant_id = $1 AND sent_at < $2::timestamptz - interval '90 days'`, [tenant.id, at])).rows as Array<{ n: number }>;
      return { sessions, invitations: invitations!.n, messages: messages!.n };
    });
  }

  beforeAll(async () => {
    app = started.app;
    factory = started.factory;
    app.clock.set(new Date(T0));
    tenant = await factory.tenant();
    const company = await factory.organisation(tenant);
    member = await factory.user({ tenant, organisation: company, roles: [Role.ORG_ADMIN] });
    restricted = await factory.user({ tenant, organisation: company, roles: [Role.ORG_MEMBER] });
    officer = await factory.user({ tenant, roles: [Role.PRIVACY_OFFICER] });
    for (let i = 0; i < 5; i += 1) await factory.login(member);
    for (let i = 0; i < 3; i += 1) await factory.invitation({ tenant, organisation: company, invitedBy: member, roles: [Role.ORG_MEMBER] });
    // The restricted person asks for restriction; the officer grants it.
    const restrictedToken = (await factory.login(restricted)).accessToken;
    const requestId = expectData(
      await app.graphql<{ requestMyDataSubjectRight: { id: string } }>(`mutation { requestMyDataSubjectRight(input: { type: RESTRICTION }) { id } }`, {}, { token: restrictedToken }),
    ).requestMyDataSubjectRight.id;
    expectData(await app.graphql(`mutation($id: ID!) { restrictForDataSubjectRequest(requestId: $id) { status } }`, { id: requestId }, { token: (await factory.login(officer)).accessToken }));
    await app.asOwner(async (db) => {
      await db.query(`UPDATE invitation SET expires_at = $2 WHERE tenant_id = $1`, [tenant.id, T0]);
      // The messages so far were delivered at T0.
      await db.query(`UPDATE outbox_message SET sent_at = $2 WHERE tenant_id = $1`, [tenant.id, T0]);
    });
  });

  it('leaves 0 records past retention but the held and restricted ones, in batches, with counts; a second sweep finds nothing', async () => {
    app.clock.set(new Date(LATER));
    const officerToken = (await factory.login(officer)).accessToken;
    const seeded = await pastRetention(LATER);
    expect(seeded.sessions.length).toBeGreaterThanOrEqual(7);
    const [heldSession] = seeded.sessions;
    expectData(await app.graphql(`mutation($input: PlaceLegalHoldInput!) { placeLegalHold(input: $input) }`, { input: { record: `Session:${heldSession}`, reason: 'Litigation: login history' } }, { token: officerToken }));
    const restrictedSessions = await app.asOwner(async (db) => (await db.query(`SELECT id::text FROM auth_session WHERE user_id = $1`, [restricted.id])).rows.map((r: { id: string }) => r.id));
    expect(restrictedSessions.length).toBeGreaterThan(0);

    const sweep = async () =>
      expectData(
        await app.graphql<{ runRetentionSweep: Outcome[] }>(`mutation { runRetentionSweep(batchSize: 2) { holder expired deleted deidentified held } }`, {}, { token: officerToken }),
      ).runRetentionSweep;
    const outcomes = await sweep();
    const expired = outcomes.reduce((n, o) => n + o.expired, 0);
    const kept = outcomes.reduce((n, o) => n + o.held, 0);
    const deleted = outcomes.reduce((n, o) => n + o.deleted + o.deidentified, 0);
    expect(expired).toBe(seeded.sessions.length + seeded.invitations + seeded.messages);
    expect(deleted).toBe(expired - kept);
    expect(outcomes.find((o) => o.holder === 'auth.sessions')!.held).toBe(1 + restrictedSessions.filter((id) => seeded.sessions.includes(id)).length);

    const after = await pastRetention(LATER);
    const untouchable = new Set([heldSession!, ...restrictedSessions]);
    const pastAfterwards = after.sessions.filter((id) => !untouchable.has(id)).length + after.invitations + after.messages;
    expect(after.sessions.sort()).toEqual([...untouchable].filter((id) => seeded.sessions.includes(id)).sort());
    expect(pastAfterwards).toBe(0);

    const again = await sweep();
    expect(again.every((o) => o.deleted === 0 && o.deidentified === 0)).toBe(true);
    const forbidden = await app.graphql(`mutation { runRetentionSweep { holder } }`, {}, { token: (await factory.login(member)).accessToken });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    reportFigure(`T15 retention: ${expired} expired records, ${pastAfterwards} records past retention after the sweep`);
    reportFigure(`T15 retention: ${kept} kept under a legal hold or a restriction (0 jobs touched restricted subjects), batches of 2`);
  });
});
