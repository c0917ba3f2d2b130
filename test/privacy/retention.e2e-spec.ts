import { Role } from '@chancery/access';
import { RequestContext, SYSTEM_ACTOR, TransactionRunner } from '@chancery/core';
import { RetentionSweeper } from '@chancery/privacy';
import { expectData, IdentityFactory, reportFigure, TestApp, TestTenant, TestUser, useTestApp } from '@chancery/testing';

/**
 * VERIFY T15: the retention sweep over seeded expired data, on a simulated clock. Each holder applies
 * the retention rule its declarations name, with the tenant's effective period (platform defaults:
 * LOGIN_SESSION 12 months after the session ends; INVITATION 30 days after expiry; DELIVERED_MESSAGE
 * 90 days after delivery), in batches, reporting counts; a legal hold keeps a named record, and a
 * restricted person's data is touched by no job (Art. 18: storage only). A tenant that shortened a
 * rule loses its records at the shorter date while another tenant's identical records stay.
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
  async function pastRetention(at: string): Promise<{ sessions: string[]; invitations: number; messages: number; requests: string[]; lastLogins: string[] }> {
    return app.asOwner(async (db) => {
      const sessions = (await db.query(
        `SELECT id::text FROM auth_session WHERE tenant_id = $1 AND coalesce(revoked_at, absolute_expires_at) < $2::timestamptz - interval '1 year'`, [tenant.id, at],
      )).rows.map((r: { id: string }) => r.id);
      const [invitations] = (await db.query(
        `SELECT count(*)::int AS n FROM invitation WHERE tenant_id = $1 AND (accepted_at IS NOT NULL OR revoked_at IS NOT NULL OR expires_at < $2::timestamptz - interval '30 days')`, [tenant.id, at],
      )).rows as Array<{ n: number }>;
      const [messages] = (await db.query(`SELECT count(*)::int AS n FROM outbox_message WHERE tenant_id = $1 AND sent_at < $2::timestamptz - interval '90 days'`, [tenant.id, at])).rows as Array<{ n: number }>;
      // Answered requests three years on that still name or quote someone.
      const requests = (await db.query(
        `SELECT id::text FROM data_subject_request WHERE tenant_id = $1 AND completed_at < $2::timestamptz - interval '3 years'
            AND (subject_user_id IS NOT NULL OR requester_email IS NOT NULL OR details IS NOT NULL OR outcome IS NOT NULL OR identity_checked_by IS NOT NULL)`, [tenant.id, at],
      )).rows.map((r: { id: string }) => r.id);
      // When someone last logged in, a year on (usage data: at most one year).
      const lastLogins = (await db.query(`SELECT id::text FROM user_account WHERE tenant_id = $1 AND last_login_at < $2::timestamptz - interval '12 months'`, [tenant.id, at])).rows.map((r: { id: string }) => r.id);
      return { sessions, invitations: invitations!.n, messages: messages!.n, requests, lastLogins };
    });
  }

  /** Two tenants with identical records; the first shortens three rules (issue 18 item 4). */
  const shortening = { LOGIN_SESSION: 3, INVITATION: 7, DELIVERED_MESSAGE: 30 } as const;
  const shortInterval = { LOGIN_SESSION: '3 months', INVITATION: '7 days', DELIVERED_MESSAGE: '30 days' } as const;
  const defaultInterval = { LOGIN_SESSION: '12 months', INVITATION: '30 days', DELIVERED_MESSAGE: '90 days' } as const;
  type Intervals = typeof shortInterval | typeof defaultInterval;
  const MIDDLE = '2030-08-01T09:00:00Z';
  let shortTenant: TestTenant;
  let plainTenant: TestTenant;
  const officers = new Map<string, TestUser>();
  /** What the shorter-period sweep found, added to the T15 figure. */
  let shortened = { expired: 0, pastAfterwards: 0 };

  /** A tenant's rows past the given periods at `at`, by table (ids), as the database owner. */
  async function pastPeriods(tenantId: string, at: string, p: Intervals): Promise<{ sessions: string[]; invitations: string[]; messages: string[] }> {
    return app.asOwner(async (db) => {
      const ids = async (sql: string, interval: string) => (await db.query(sql, [tenantId, at, interval])).rows.map((r: { id: string }) => r.id).sort();
      return {
        sessions: await ids(`SELECT id::text FROM auth_session WHERE tenant_id = $1 AND coalesce(revoked_at, absolute_expires_at) < $2::timestamptz - $3::interval`, p.LOGIN_SESSION),
        invitations: await ids(`SELECT id::text FROM invitation WHERE tenant_id = $1 AND (accepted_at IS NOT NULL OR revoked_at IS NOT NULL OR expires_at < $2::timestamptz - $3::interval)`, p.INVITATION),
        messages: await ids(`SELECT id::text FROM outbox_message WHERE tenant_id = $1 AND sent_at < $2::timestamptz - $3::interval`, p.DELIVERED_MESSAGE),
      };
    });
  }

  /** Every row of the three tables of a tenant, for a before/after comparison. */
  async function rowsOf(tenantId: string): Promise<string> {
    return app.asOwner(async (db) => {
      const all = async (table: string) => JSON.stringify((await db.query(`SELECT * FROM ${table} WHERE tenant_id = $1 ORDER BY id`, [tenantId])).rows);
      return [await all('auth_session'), await all('invitation'), await all('outbox_message')].join('\n');
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
      // Requests answered in 2028 (past three years at LATER), of the member and of the restricted person, and one answered at T0 (not yet).
      const answered = `INSERT INTO data_subject_request (tenant_id, type, status, subject_user_id, requester_email, language, details, received_at, acknowledged_at, first_due_on, due_on, completed_at, outcome)
        VALUES ($1, 'RECTIFICATION', 'COMPLETED', $2, $3, 'en', 'My phone number changed', $4::timestamptz, $4::timestamptz, ($4::timestamptz + interval '1 month')::date, ($4::timestamptz + interval '1 month')::date, $4::timestamptz + interval '5 days', 'Phone number rectified')`;
      await db.query(answered, [tenant.id, member.id, member.email, '2028-06-01T09:00:00Z']);
      await db.query(answered, [tenant.id, member.id, member.email, '2028-09-01T09:00:00Z']);
      await db.query(answered, [tenant.id, restricted.id, restricted.email, '2028-06-01T09:00:00Z']);
      await db.query(answered, [tenant.id, member.id, member.email, T0]);
    });

    // Two more tenants, each a company with an administrator, five past sessions, three invitations and their messages.
    shortTenant = await factory.tenant();
    plainTenant = await factory.tenant();
    for (const t of [shortTenant, plainTenant]) {
      const company = await factory.organisation(t);
      const admin = await factory.user({ tenant: t, organisation: company, roles: [Role.ORG_ADMIN] });
      officers.set(t.id, await factory.user({ tenant: t, roles: [Role.PRIVACY_OFFICER] }));
      for (let i = 0; i < 5; i += 1) await factory.login(admin);
      for (let i = 0; i < 3; i += 1) await factory.invitation({ tenant: t, organisation: company, invitedBy: admin, roles: [Role.ORG_MEMBER] });
      // Three requests of the administrator, each acknowledged by e-mail: the messages.
      const adminToken = (await factory.login(admin)).accessToken;
      for (const type of ['ACCESS', 'RECTIFICATION', 'PORTABILITY']) {
        expectData(await app.graphql(`mutation($type: DataSubjectRequestType!) { requestMyDataSubjectRight(input: { type: $type }) { id } }`, { type }, { token: adminToken }));
      }
    }
    const shortOfficer = (await factory.login(officers.get(shortTenant.id)!)).accessToken;
    for (const [rule, period] of Object.entries(shortening)) {
      const set = expectData(await app.graphql<{ setRetentionPeriod: { rule: string; period: number } }>(
        `mutation($input: SetRetentionPeriodInput!) { setRetentionPeriod(input: $input) { rule period } }`, { input: { rule, period } }, { token: shortOfficer },
      )).setRetentionPeriod;
      expect(set).toEqual({ rule, period });
    }
    // The other tenant's officer looks at its schedule (so both tenants hold the same sessions): the defaults.
    const plainOfficer = (await factory.login(officers.get(plainTenant.id)!)).accessToken;
    const plainSchedule = expectData(await app.graphql<{ retentionSchedule: Array<{ rule: string; period: number | null; defaultPeriod: number | null }> }>(
      `{ retentionSchedule { rule period defaultPeriod } }`, {}, { token: plainOfficer })).retentionSchedule;
    expect(plainSchedule.every((r) => r.period === r.defaultPeriod)).toBe(true);
    // Identical ages in both tenants, between the shortened and the default periods at MIDDLE.
    await app.asOwner(async (db) => {
      for (const t of [shortTenant, plainTenant]) {
        await db.query(`UPDATE auth_session SET revoked_at = $2::timestamptz - interval '4 months' WHERE tenant_id = $1`, [t.id, MIDDLE]);
        await db.query(`UPDATE invitation SET expires_at = $2::timestamptz - interval '14 days' WHERE tenant_id = $1`, [t.id, MIDDLE]);
        await db.query(`UPDATE outbox_message SET sent_at = $2::timestamptz - interval '45 days' WHERE tenant_id = $1`, [t.id, MIDDLE]);
      }
    });
  });

  it("deletes at a tenant's shorter periods, leaves another tenant's identical records, and still stops at a legal hold", async () => {
    app.clock.set(new Date(MIDDLE));
    const tokenOf = async (t: TestTenant) => (await factory.login(officers.get(t.id)!)).accessToken;
    const shortToken = await tokenOf(shortTenant);
    const plainToken = await tokenOf(plainTenant);
    const seeded = await pastPeriods(shortTenant.id, MIDDLE, shortInterval);
    expect(seeded.sessions.length).toBeGreaterThanOrEqual(5);
    expect(seeded.invitations.length).toBe(3);
    expect(seeded.messages.length).toBeGreaterThanOrEqual(3);
    // Nothing is past the platform's defaults in either tenant: only the shorter periods make these records due.
    expect(await pastPeriods(shortTenant.id, MIDDLE, defaultInterval)).toEqual({ sessions: [], invitations: [], messages: [] });
    expect(await pastPeriods(plainTenant.id, MIDDLE, defaultInterval)).toEqual({ sessions: [], invitations: [], messages: [] });
    const heldSession = seeded.sessions[0]!;
    expectData(await app.graphql(`mutation($input: PlaceLegalHoldInput!) { placeLegalHold(input: $input) }`, { input: { record: `Session:${heldSession}`, reason: 'Litigation: login history' } }, { token: shortToken }));

    const schedule = expectData(await app.graphql<{ retentionSchedule: Array<{ rule: string; period: number | null; defaultPeriod: number | null }> }>(
      `{ retentionSchedule { rule period defaultPeriod } }`, {}, { token: shortToken })).retentionSchedule;
    expect(schedule.find((r) => r.rule === 'LOGIN_SESSION')).toEqual({ rule: 'LOGIN_SESSION', period: 3, defaultPeriod: 12 });
    const plainBefore = await rowsOf(plainTenant.id);
    const plainDue = await pastPeriods(plainTenant.id, MIDDLE, shortInterval);
    const plainDueCount = plainDue.sessions.length + plainDue.invitations.length + plainDue.messages.length;
    expect(plainDueCount).toBe(seeded.sessions.length + seeded.invitations.length + seeded.messages.length);
    const sweep = async (token: string) =>
      expectData(await app.graphql<{ runRetentionSweep: Outcome[] }>(`mutation { runRetentionSweep(batchSize: 2) { holder expired deleted deidentified held } }`, {}, { token })).runRetentionSweep;
    // The shortening tenant is swept the way the nightly job sweeps each tenant (system scope, in its tenant);
    // the other through the officer's mutation.
    const shortOutcomes = await app.get(RequestContext).runAs(SYSTEM_ACTOR, () =>
      app.get(TransactionRunner).asSystem(shortTenant.id, () => app.get(RetentionSweeper).sweep(shortTenant.id, 2)));
    const plainOutcomes = await sweep(plainToken);

    const expired = shortOutcomes.reduce((n, o) => n + o.expired, 0);
    expect(expired).toBe(seeded.sessions.length + seeded.invitations.length + seeded.messages.length);
    expect(shortOutcomes.reduce((n, o) => n + o.deleted + o.deidentified, 0)).toBe(expired - 1);
    expect(shortOutcomes.find((o) => o.holder === 'auth.sessions')!.held).toBe(1);
    expect(await pastPeriods(shortTenant.id, MIDDLE, shortInterval)).toEqual({ sessions: [heldSession], invitations: [], messages: [] });
    // The other tenant, on the defaults: nothing was due, nothing changed.
    expect(plainOutcomes.every((o) => o.expired === 0 && o.deleted === 0 && o.deidentified === 0)).toBe(true);
    expect(await rowsOf(plainTenant.id)).toBe(plainBefore);
    expect(await pastPeriods(plainTenant.id, MIDDLE, shortInterval)).toEqual(plainDue);

    // Longer than the default, or below a legal minimum: refused, naming the field.
    const refused = async (rule: string, period: number) =>
      (await app.graphql(`mutation($input: SetRetentionPeriodInput!) { setRetentionPeriod(input: $input) { period } }`, { input: { rule, period } }, { token: shortToken })).errors?.[0]?.extensions;
    expect(await refused('LOGIN_SESSION', 13)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'RETENTION_PERIOD_TOO_LONG', fields: [expect.objectContaining({ field: 'input.period' })] });
    expect(await refused('INVOICING', 5)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'RETENTION_PERIOD_BELOW_LEGAL_MINIMUM', fields: [expect.objectContaining({ field: 'input.period' })] });
    // The privacy office's own evidence: the access log (who read whose data) and the answered requests
    // cannot be emptied on the spot by the role whose reads it records (probe E: set to 0 and swept).
    expect(await refused('PERSONAL_DATA_ACCESS', 0)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'RETENTION_PERIOD_BELOW_LEGAL_MINIMUM', fields: [expect.objectContaining({ field: 'input.period' })] });
    expect(await refused('PERSONAL_DATA_ACCESS', 5)).toMatchObject({ reason: 'RETENTION_PERIOD_BELOW_LEGAL_MINIMUM' });
    expect(await refused('DATA_SUBJECT_REQUEST', 0)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'RETENTION_PERIOD_BELOW_LEGAL_MINIMUM' });

    const after = await pastPeriods(shortTenant.id, MIDDLE, shortInterval);
    const pastAfterwards = after.sessions.filter((id) => id !== heldSession).length + after.invitations.length + after.messages.length;
    expect(pastAfterwards).toBe(0);
    shortened = { expired, pastAfterwards };
    reportFigure(`T15 retention: a tenant's shorter periods: ${expired - 1} records deleted at the shorter date, 1 kept under a legal hold; another tenant's ${plainDueCount} identical records unchanged`);
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
    expect(seeded.requests).toHaveLength(3);
    expect(seeded.lastLogins).toEqual(expect.arrayContaining([member.id, restricted.id]));
    expect(expired).toBe(seeded.sessions.length + seeded.invitations + seeded.messages + seeded.requests.length + seeded.lastLogins.length);
    expect(deleted).toBe(expired - kept);
    expect(outcomes.find((o) => o.holder === 'auth.sessions')!.held).toBe(1 + restrictedSessions.filter((id) => seeded.sessions.includes(id)).length);

    const after = await pastRetention(LATER);
    const restrictedRequests = await app.asOwner(async (db) => (await db.query(`SELECT id::text FROM data_subject_request WHERE subject_user_id = $1`, [restricted.id])).rows.map((r: { id: string }) => r.id));
    const untouchable = new Set([heldSession!, ...restrictedSessions, ...restrictedRequests, restricted.id]);
    const pastAfterwards = after.sessions.filter((id) => !untouchable.has(id)).length + after.invitations + after.messages
      + after.requests.filter((id) => !untouchable.has(id)).length + after.lastLogins.filter((id) => !untouchable.has(id)).length;
    // The member's last login is forgotten, the account stays; the restricted person's is not touched.
    expect(after.lastLogins).toEqual([restricted.id]);
    expect(after.sessions.sort()).toEqual([...untouchable].filter((id) => seeded.sessions.includes(id)).sort());
    // The member's two old requests keep type, dates and status, naming no one; the restricted person's is untouched; the recent one too.
    expect(after.requests).toEqual(restrictedRequests.filter((id) => seeded.requests.includes(id)));
    const deidentified = await app.asOwner(async (db) => (await db.query(
      `SELECT type, status, received_at IS NOT NULL AS dated, subject_user_id, requester_email, details, outcome FROM data_subject_request WHERE id = ANY($1::uuid[])`,
      [seeded.requests.filter((id) => !untouchable.has(id))],
    )).rows);
    expect(deidentified).toEqual([0, 1].map(() => ({ type: 'RECTIFICATION', status: 'COMPLETED', dated: true, subject_user_id: null, requester_email: null, details: null, outcome: null })));
    expect(await app.asOwner(async (db) => (await db.query(`SELECT count(*)::int AS n FROM data_subject_request WHERE subject_user_id = $1 AND completed_at > '2029-01-01'`, [member.id])).rows[0].n)).toBe(1);
    expect(pastAfterwards).toBe(0);

    const again = await sweep();
    expect(again.every((o) => o.deleted === 0 && o.deidentified === 0)).toBe(true);
    const forbidden = await app.graphql(`mutation { runRetentionSweep { holder } }`, {}, { token: (await factory.login(member)).accessToken });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    reportFigure(`T15 retention: ${expired + shortened.expired} expired records, ${pastAfterwards + shortened.pastAfterwards} records past retention after the sweep`);
    reportFigure(`T15 retention: ${kept} kept under a legal hold or a restriction (0 jobs touched restricted subjects), batches of 2`);
  });
});
