import { Role } from '@chancery/access';
import { RequestContext, SYSTEM_ACTOR } from '@chancery/core';
import { RetentionSweepJob } from '@chancery/privacy';
import { expectData, IdentityFactory, TestApp, TestTenant, TestUser, useTestApp } from '@chancery/testing';

/**
 * The nightly retention sweep also covers the platform's own rows (tenant_id NULL), which no
 * tenant's sweep reaches: the operator's login sessions (rule LOGIN_SESSION, the platform default)
 * and the e-mail sent to operators (DELIVERED_MESSAGE). And the counters of failed attempts (logins,
 * public verifications), which serve only during their 15-minute window but hash an address with an
 * e-mail or a client address: a day after their window they are deleted, the tenants' and the
 * platform's alike (without this, every address that ever mistyped stayed in the tables for good).
 */
describe('retention sweep of the platform rows and the attempt counters', () => {
  const started = useTestApp();
  let app: TestApp;
  let factory: IdentityFactory;
  let tenant: TestTenant;
  let operator: TestUser;
  let member: TestUser;

  const T0 = '2030-01-10T09:00:00Z';
  const LATER = '2031-06-01T09:00:00Z';

  async function failLogin(email: string, tenantSlug?: string): Promise<void> {
    const answer = await app.graphql(`mutation($input: LoginInput!) { login(input: $input) { accessToken } }`, { input: { email, password: 'not the password', tenant: tenantSlug } });
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  }

  /** The rows the sweep is about, as the database owner: ids (or keys) by table. */
  async function rows(): Promise<{ operatorSessions: string[]; operatorMessages: string[]; tenantCounters: string[]; platformCounters: string[]; verificationCounters: string[] }> {
    return app.asOwner(async (db) => {
      const list = async (sql: string, values: unknown[] = []) => (await db.query(sql, values)).rows.map((r: { id: string }) => r.id).sort();
      return {
        operatorSessions: await list(`SELECT id::text FROM auth_session WHERE tenant_id IS NULL AND user_id = $1`, [operator.id]),
        operatorMessages: await list(`SELECT id::text FROM outbox_message WHERE tenant_id IS NULL`),
        tenantCounters: await list(`SELECT encode(account_key, 'hex') AS id FROM login_throttle WHERE tenant_id = $1`, [tenant.id]),
        platformCounters: await list(`SELECT encode(account_key, 'hex') AS id FROM login_throttle WHERE tenant_id IS NULL`),
        verificationCounters: await list(`SELECT encode(throttle_key, 'hex') AS id FROM certificate_verification_throttle`),
      };
    });
  }

  async function runNightlySweep(): Promise<void> {
    await app.get(RequestContext).runAs(SYSTEM_ACTOR, () => app.get(RetentionSweepJob).handle());
  }

  beforeAll(async () => {
    app = started.app;
    factory = started.factory;
    app.clock.set(new Date(T0));
    tenant = await factory.tenant();
    const company = await factory.organisation(tenant);
    member = await factory.user({ tenant, organisation: company, roles: [Role.ORG_ADMIN] });
    operator = await factory.user({ roles: [Role.PLATFORM_ADMIN] });
    for (let i = 0; i < 3; i += 1) await factory.login(operator);
    // An operator's e-mail (a password reset), delivered at T0.
    expectData(await app.graphql(`mutation($email: String!) { requestPasswordReset(email: $email) }`, { email: operator.email }));
    // The reset's look-up and e-mail run after the answer.
    await app.settled();
    await app.asOwner((db) => db.query(`UPDATE outbox_message SET sent_at = $1 WHERE tenant_id IS NULL`, [T0]));
    // Failed attempts: an unknown address (platform counters), a tenant's account (its counters), a public verification.
    await failLogin(`nobody-${Date.now()}@example.test`);
    await failLogin(member.email, tenant.slug);
    expect((await app.http().get(`/verify/XX-0000-000000?code=WRONGCODE`)).status).toBe(200);
  });

  it('deletes, once their period is over, the operator sessions and messages and the counters, and keeps what is recent', async () => {
    const before = await rows();
    // What the test stands on: each kind of row exists before the sweep.
    expect(before.operatorSessions).toHaveLength(3);
    expect(before.operatorMessages).toHaveLength(1);
    expect(before.tenantCounters.length).toBeGreaterThan(0);
    expect(before.platformCounters.length).toBeGreaterThan(0);
    expect(before.verificationCounters.length).toBeGreaterThan(0);

    // The next day: the counters' windows ended a day ago; the sessions and messages are within their periods.
    app.clock.set(new Date(Date.parse(T0) + 25 * 3600_000));
    await runNightlySweep();
    const nextDay = await rows();
    expect(nextDay).toEqual({ ...before, tenantCounters: [], platformCounters: [], verificationCounters: [] });

    // Much later: new attempts and a new operator session, then the sweep.
    app.clock.set(new Date(LATER));
    await factory.login(operator);
    await failLogin(`nobody-else-${Date.now()}@example.test`);
    await failLogin(member.email, tenant.slug);
    expect((await app.http().get(`/verify/XX-0000-000001?code=WRONGCODE`)).status).toBe(200);
    const recent = await rows();
    await runNightlySweep();
    const after = await rows();
    // The sessions of T0 ended more than 12 months ago and the messages were delivered more than 90 days ago: gone.
    expect(after.operatorSessions).toEqual(recent.operatorSessions.filter((id) => !before.operatorSessions.includes(id)));
    expect(after.operatorSessions).toHaveLength(1);
    expect(after.operatorMessages).toEqual([]);
    // Counters still in their window (or the day after it) are kept.
    expect(after.tenantCounters).toEqual(recent.tenantCounters);
    expect(after.platformCounters).toEqual(recent.platformCounters);
    expect(after.verificationCounters).toEqual(recent.verificationCounters);
    expect(after.platformCounters.length).toBeGreaterThan(0);
  });
});
