import { Role } from '@chancery/access';
import { expectData, IdentityFactory, TestApp, TestOrganisation, TestTenant, TestUser, useTestApp } from '@chancery/testing';

/**
 * SPEC §5 policy versions (DigiChambers 004 §1.2): a tenant publishes a new version of its privacy
 * policy; every user finds it in the application; a user who has not objected within three working
 * days of the publication is deemed to accept (weekends and Belgian public holidays are not working
 * days); acceptances and objections are recorded and shown to the privacy officer. Simulated clock.
 */
const NOTICE = 'answer objectionDeadline versionId userId respondedAt reason';

describe('Privacy-policy versions: deemed acceptance after three working days', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  let tenant: TestTenant;
  let otherTenant: TestTenant;
  let company: TestOrganisation;
  let admin: TestUser;
  let member: TestUser;
  let silent: TestUser;
  let privacyOfficer: TestUser;
  let clerk: TestUser;
  let otherUser: TestUser;
  let versionId: string;

  const gql = async <T>(query: string, variables: Record<string, unknown>, user: TestUser) =>
    app.graphql<T>(query, variables, { token: (await factory.login(user)).accessToken });
  const notice = async (user: TestUser) => expectData(await gql<{ myPrivacyPolicyNotice: Record<string, unknown> | null }>(`{ myPrivacyPolicyNotice { ${NOTICE} } }`, {}, user)).myPrivacyPolicyNotice;

  const started = useTestApp();
  beforeAll(async () => {
    app = started.app;
    factory = started.factory;
    // Thursday 2 April 2026, 10:00 in Brussels: Friday 3, (weekend, Easter Monday 6 April), Tuesday 7, Wednesday 8.
    app.clock.set(new Date('2026-04-02T08:00:00Z'));
    tenant = await factory.tenant();
    otherTenant = await factory.tenant();
    company = await factory.organisation(tenant);
    admin = await factory.user({ tenant, organisation: company, roles: [Role.ORG_ADMIN] });
    member = await factory.user({ tenant, organisation: company, roles: [Role.ORG_MEMBER] });
    silent = await factory.user({ tenant, organisation: company, roles: [Role.ORG_MEMBER] });
    privacyOfficer = await factory.user({ tenant, roles: [Role.PRIVACY_OFFICER] });
    clerk = await factory.user({ tenant, roles: [Role.CLERK] });
    otherUser = await factory.user({ tenant: otherTenant, roles: [Role.PRIVACY_OFFICER] });
  });

  it('before any publication there is no notice', async () => {
    expect(await notice(member)).toBeNull();
  });

  it('publishing: only the privacy officer; the deadline is three working days later, skipping the weekend and Easter Monday', async () => {
    const input = { title: 'Privacy policy 2026', summary: 'Retention of event data shortened to one year.', body: 'Full text…' };
    expect((await gql(`mutation($input: PublishPrivacyPolicyInput!) { publishPrivacyPolicy(input: $input) { id } }`, { input }, clerk)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const version = expectData(await gql<{ publishPrivacyPolicy: { id: string; version: number; publishedAt: string; objectionDeadline: string } }>(
      `mutation($input: PublishPrivacyPolicyInput!) { publishPrivacyPolicy(input: $input) { id version title summary body publishedAt objectionDeadline } }`, { input }, privacyOfficer)).publishPrivacyPolicy;
    expect(version).toMatchObject({ version: 1, publishedAt: '2026-04-02T08:00:00.000Z', objectionDeadline: '2026-04-08T08:00:00.000Z' });
    versionId = version.id;
    // Public, like the policy itself.
    const listed = expectData(await app.graphql<{ privacyPolicyVersions: Array<{ id: string }> }>(`query($slug: String!) { privacyPolicyVersions(tenantSlug: $slug) { id version title } }`, { slug: tenant.slug })).privacyPolicyVersions;
    expect(listed.map((v) => v.id)).toEqual([versionId]);
  });

  it('every user of the tenant sees the notice in the application, pending; no one of another tenant does', async () => {
    for (const user of [admin, member, silent, clerk]) expect(await notice(user)).toMatchObject({ answer: 'PENDING', versionId, userId: user.id, objectionDeadline: '2026-04-08T08:00:00.000Z' });
    expect(await notice(otherUser)).toBeNull();
  });

  it('acceptance and objection are recorded once; an objection after the deadline is refused, and silence is then deemed acceptance', async () => {
    const accept = (user: TestUser) => gql<{ acceptPrivacyPolicy: Record<string, unknown> }>(`mutation($id: ID!) { acceptPrivacyPolicy(versionId: $id) { ${NOTICE} } }`, { id: versionId }, user);
    const object = (user: TestUser) => gql<{ objectToPrivacyPolicy: Record<string, unknown> }>(
      `mutation($input: ObjectToPrivacyPolicyInput!) { objectToPrivacyPolicy(input: $input) { ${NOTICE} } }`, { input: { versionId, reason: 'I do not agree with the new recipients.' } }, user);
    expect(expectData(await accept(admin)).acceptPrivacyPolicy).toMatchObject({ answer: 'ACCEPTED', respondedAt: '2026-04-02T08:00:00.000Z' });
    expect((await accept(admin)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'POLICY_ALREADY_ANSWERED' });
    // Wednesday 8 April, 09:59 Brussels: still within the window.
    app.clock.set(new Date('2026-04-08T07:59:00Z'));
    expect(expectData(await object(member)).objectToPrivacyPolicy).toMatchObject({ answer: 'OBJECTED', reason: 'I do not agree with the new recipients.' });
    // The tenant's privacy contact hears of the objection at once (the officer need not watch the page); the
    // e-mail names the version, never the person or their reason. An acceptance tells nobody.
    const told = await app.asOwner(async (db) =>
      (await db.query(`SELECT recipient, body FROM outbox_message WHERE template = 'privacy.policy-objection' AND tenant_id = $1`, [tenant.id])).rows as Array<{ recipient: string; body: string }>);
    expect(told.map((m) => m.recipient)).toStrictEqual([`privacy@${tenant.slug}.test`]);
    expect(told[0]!.body).not.toContain(member.email);
    expect(told[0]!.body).not.toContain('I do not agree');
    expect(await notice(silent)).toMatchObject({ answer: 'PENDING' });
    app.clock.set(new Date('2026-04-08T08:00:01Z'));
    expect((await object(silent)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'POLICY_OBJECTION_WINDOW_CLOSED' });
    expect(await notice(silent)).toMatchObject({ answer: 'DEEMED_ACCEPTED', respondedAt: null });
    expect((await gql(`mutation($id: ID!) { acceptPrivacyPolicy(versionId: $id) { answer } }`, { id: versionId }, otherUser)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it("the privacy officer sees every user's answer: accepted, objected, deemed", async () => {
    const responses = expectData(await gql<{ privacyPolicyResponses: Array<{ userId: string; answer: string }> }>(
      `query($id: ID!) { privacyPolicyResponses(versionId: $id) { ${NOTICE} } }`, { id: versionId }, privacyOfficer)).privacyPolicyResponses;
    const byUser = Object.fromEntries(responses.map((r) => [r.userId, r.answer]));
    expect(byUser).toMatchObject({ [admin.id]: 'ACCEPTED', [member.id]: 'OBJECTED', [silent.id]: 'DEEMED_ACCEPTED', [clerk.id]: 'DEEMED_ACCEPTED' });
    expect((await gql(`query($id: ID!) { privacyPolicyResponses(versionId: $id) { answer } }`, { id: versionId }, clerk)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(expectData(await gql<{ privacyPolicyResponses: unknown[] }>(`query($id: ID!) { privacyPolicyResponses(versionId: $id) { answer } }`, { id: versionId }, otherUser)).privacyPolicyResponses).toEqual([]);
    // Recorded: the explicit answers are rows; deemed acceptance is computed from the clock, never written.
    const rows = await app.asOwner(async (db) => (await db.query(`SELECT user_id, response FROM privacy_policy_response WHERE version_id = $1 ORDER BY response`, [versionId])).rows);
    expect(rows).toEqual([{ user_id: admin.id, response: 'ACCEPTED' }, { user_id: member.id, response: 'OBJECTED' }]);
  });

  it('a newer version replaces the notice and starts a new window', async () => {
    const next = expectData(await gql<{ publishPrivacyPolicy: { id: string; version: number } }>(
      `mutation($input: PublishPrivacyPolicyInput!) { publishPrivacyPolicy(input: $input) { id version } }`, { input: { title: 'v2', summary: 'New sub-processor.', body: '…' } }, privacyOfficer)).publishPrivacyPolicy;
    expect(next.version).toBe(2);
    expect(await notice(silent)).toMatchObject({ answer: 'PENDING', versionId: next.id });
  });

  it('the same title and text again is not a new version: CONFLICT POLICY_UNCHANGED, nothing published, the window left as it is (review M1)', async () => {
    const publish = (input: Record<string, string>) => gql<{ publishPrivacyPolicy: { id: string; version: number } }>(`mutation($input: PublishPrivacyPolicyInput!) { publishPrivacyPolicy(input: $input) { id version } }`, { input }, privacyOfficer);
    const count = async () => Number((await app.asOwner((db) => db.query(`SELECT count(*) AS n FROM privacy_policy_version WHERE tenant_id = $1`, [tenant.id]))).rows[0].n);
    const before = await count();
    // Sent twice (a second click), or with other line endings and spaces: the same text.
    for (const input of [{ title: 'v2', summary: 'New sub-processor.', body: '…' }, { title: ' v2 ', summary: 'Another summary', body: '\r\n…\r\n' }]) {
      const refused = await publish(input);
      expect({ code: refused.errors?.[0]?.extensions?.code, reason: refused.errors?.[0]?.extensions?.reason, fields: refused.errors?.[0]?.extensions?.fields?.map((f) => f.field) }).toEqual({
        code: 'CONFLICT', reason: 'POLICY_UNCHANGED', fields: ['input.body'],
      });
    }
    expect(await count()).toBe(before);
    // A changed text is a new version.
    expect(expectData(await publish({ title: 'v2', summary: 'Typo fixed.', body: '… and more' })).publishPrivacyPolicy).toMatchObject({ version: before + 1 });
  });
});
