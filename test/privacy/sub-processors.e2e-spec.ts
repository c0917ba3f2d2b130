import { Role } from '@chancery/access';
import { emailMoment, LANGUAGES } from '@chancery/notifications';
import { expectData, IdentityFactory, queuedEmails, reportFigure, TestApp, TestOrganisation, TestTenant, TestUser, useTestApp } from '@chancery/testing';

/**
 * VERIFY T17 — sub-processor change (simulated clock), SPEC §5 (001 subcontractors list, 002 §5): the
 * platform's and each tenant's list is public; a planned change is announced to every customer
 * organisation in the transaction of the announcement, takes effect no earlier than the end of the
 * objection window (30 days unless longer), and customers' objections are recorded and shown to the
 * announcer.
 */
const DAY = 24 * 60 * 60 * 1000;
const SP_FIELDS = 'id name service location transferSafeguard dataCategories effectiveFrom effectiveUntil';
const CHANGE_FIELDS = 'id kind subProcessorId description announcedAt objectionDeadline effectiveAt customersNotified';

interface Change { id: string; kind: string; subProcessorId: string; announcedAt: string; objectionDeadline: string; effectiveAt: string; customersNotified: number }

describe('T17 sub-processors: public lists, announced changes, objection window', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  let tenant: TestTenant;
  let otherTenant: TestTenant;
  let companies: TestOrganisation[];
  let admins: TestUser[];
  let privacyOfficer: TestUser;
  let tenantAdmin: TestUser;
  let otherTenantAdmin: TestUser;
  let operator: TestUser;
  const figures = { customers: 0, notified: 0, minimumWindowDays: Infinity };

  const token = async (user: TestUser) => (await factory.login(user)).accessToken;
  const gql = async <T>(query: string, variables: Record<string, unknown>, user?: TestUser) =>
    app.graphql<T>(query, variables, user ? { token: await token(user) } : {});

  const started = useTestApp();
  beforeAll(async () => {
    app = started.app;
    factory = started.factory;
    app.clock.set(new Date('2026-03-02T09:00:00Z'));
    tenant = await factory.tenant();
    otherTenant = await factory.tenant();
    companies = [];
    admins = [];
    for (const n of [1, 2, 3]) {
      const company = await factory.organisation(tenant, { name: `Customer ${n}` });
      companies.push(company);
      admins.push(await factory.user({ tenant, organisation: company, roles: [Role.ORG_ADMIN] }));
      await factory.user({ tenant, organisation: company, roles: [Role.ORG_MEMBER] });
    }
    // A fourth company whose only administrator is disabled: it is told at its general address.
    const quiet = await factory.organisation(tenant, { name: 'Customer without an active admin' });
    companies.push(quiet);
    await factory.user({ tenant, organisation: quiet, roles: [Role.ORG_ADMIN], status: 'DISABLED' });
    // Languages of two administrators, so the announcement can be checked in each.
    await app.asOwner(async (db) => {
      await db.query(`UPDATE user_account SET preferred_language = 'fr' WHERE id = $1`, [admins[1]!.id]);
      await db.query(`UPDATE user_account SET preferred_language = 'nl' WHERE id = $1`, [admins[2]!.id]);
    });
    await factory.organisation(otherTenant);
    privacyOfficer = await factory.user({ tenant, roles: [Role.PRIVACY_OFFICER] });
    tenantAdmin = await factory.user({ tenant, roles: [Role.TENANT_ADMIN] });
    otherTenantAdmin = await factory.user({ tenant: otherTenant, roles: [Role.TENANT_ADMIN] });
    operator = await factory.user({ roles: [Role.PLATFORM_ADMIN] });
  });

  const announce = (user: TestUser, input: Record<string, unknown>) =>
    gql<{ announceSubProcessorChange: Change }>(`mutation($input: AnnounceSubProcessorChangeInput!) { announceSubProcessorChange(input: $input) { ${CHANGE_FIELDS} } }`, { input }, user);

  async function outbox(template: string): Promise<Array<{ recipient: string; tenant_id: string | null; subject: string; body: string }>> {
    // Queued texts are sealed at rest: read them opened, as the worker does.
    const messages = await queuedEmails(app, { template });
    return messages
      .map((m) => ({ recipient: m.recipient, tenant_id: m.tenantId, subject: m.subject, body: m.body, at: m.createdAt.getTime() }))
      .sort((x, y) => x.at - y.at || x.recipient.localeCompare(y.recipient))
      .map(({ at: _at, ...m }) => m);
  }

  let change: Change;

  it("a tenant's addition: every customer company is told at once, in its administrator's language; effective no earlier than announcement + 30 days", async () => {
    const now = app.clock.now();
    const tooSoon = await announce(privacyOfficer, {
      kind: 'ADDITION', description: 'Scanning of paper certificates', effectiveAt: new Date(now.getTime() + 29 * DAY).toISOString(),
      newSubProcessor: { name: 'ScanCo BV', service: 'scanning', location: 'NL', dataCategories: ['identification'] },
    });
    expect(tooSoon.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'OBJECTION_WINDOW_TOO_SHORT' });
    const shorterWindow = await announce(privacyOfficer, {
      kind: 'ADDITION', description: 'x', effectiveAt: new Date(now.getTime() + 40 * DAY).toISOString(), objectionWindowDays: 10,
      newSubProcessor: { name: 'ScanCo BV', service: 'scanning', location: 'NL' },
    });
    expect(shorterWindow.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'OBJECTION_WINDOW_TOO_SHORT' });
    // Outside the EEA, data goes only under a safeguard (GDPR Art. 44–46: an adequacy decision, standard
    // contractual clauses…): the register must name it, so an addition without one is refused.
    for (const location of ['US', 'in', 'CH']) {
      const unguarded = await announce(privacyOfficer, {
        kind: 'ADDITION', description: 'Support desk', effectiveAt: new Date(now.getTime() + 40 * DAY).toISOString(),
        newSubProcessor: { name: 'Helpdesk Ltd', service: 'support tickets', location },
      });
      expect({ location, error: unguarded.errors?.[0]?.extensions }).toMatchObject({
        location,
        error: { code: 'BAD_USER_INPUT', fields: [{ field: 'input.newSubProcessor.transferSafeguard', constraint: 'requiredOutsideTheEea' }] },
      });
    }
    expect(await outbox('privacy.sub-processor-change-announced')).toEqual([]);
    expect(await outbox('privacy.sub-processor-change-announced')).toEqual([]);

    const effectiveAt = new Date(now.getTime() + 30 * DAY);
    change = expectData(await announce(privacyOfficer, {
      kind: 'ADDITION', description: 'Scanning of paper certificates', effectiveAt: effectiveAt.toISOString(),
      newSubProcessor: { name: 'ScanCo BV', service: 'scanning', location: 'nl', dataCategories: ['identification'] },
    })).announceSubProcessorChange;
    expect(change).toMatchObject({ kind: 'ADDITION', customersNotified: companies.length, announcedAt: now.toISOString(), objectionDeadline: effectiveAt.toISOString() });
    const days = (new Date(change.effectiveAt).getTime() - new Date(change.announcedAt).getTime()) / DAY;
    expect(days).toBeGreaterThanOrEqual(30);
    figures.minimumWindowDays = Math.min(figures.minimumWindowDays, days);

    const messages = await outbox('privacy.sub-processor-change-announced');
    const quietEmail = await app.asOwner(async (db) => (await db.query(`SELECT email FROM organisation WHERE id = $1`, [companies[3]!.id])).rows[0].email as string);
    expect(messages.map((m) => m.recipient).sort()).toEqual([...admins.map((a) => a.email), quietEmail].sort());
    expect(messages.every((m) => m.tenant_id === tenant.id && m.body.includes('ScanCo BV') && LANGUAGES.some((language) => m.body.includes(emailMoment(change.objectionDeadline, language))))).toBe(true);
    expect(messages.some((m) => m.body.includes(change.objectionDeadline.slice(0, 10)))).toBe(false);
    const subjectTo = (user: TestUser) => messages.find((m) => m.recipient === user.email)!.subject;
    expect(subjectTo(admins[1]!)).toContain('changement prévu des sous-traitants');
    expect(subjectTo(admins[2]!)).toContain('geplande wijziging van subverwerkers');
    figures.customers += companies.length;
    figures.notified += new Set(messages.map((m) => m.recipient)).size;
  });

  it('the list is public (no login) and the new sub-processor joins it only on its effective date', async () => {
    const list = async (slug?: string) => expectData(await app.graphql<{ subProcessors: Array<{ name: string }> }>(`query($slug: String) { subProcessors(tenantSlug: $slug) { ${SP_FIELDS} } }`, { slug })).subProcessors;
    expect(await list(tenant.slug)).toEqual([]);
    const changes = expectData(await app.graphql<{ subProcessorChanges: Change[] }>(`query($slug: String) { subProcessorChanges(tenantSlug: $slug) { ${CHANGE_FIELDS} } }`, { slug: tenant.slug })).subProcessorChanges;
    expect(changes).toEqual([change]);
    expect(await list(otherTenant.slug)).toEqual([]);
    const unknown = await app.graphql(`{ subProcessors(tenantSlug: "no-such-tenant") { id } }`);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    app.clock.advance(30 * DAY - 1);
    expect(await list(tenant.slug)).toEqual([]);
    app.clock.advance(1);
    expect((await list(tenant.slug)).map((s) => s.name)).toEqual(['ScanCo BV']);
    app.clock.advance(-30 * DAY);
  });

  it('customers object within the window; the objection is recorded once and shown to the tenant, not to other tenants', async () => {
    const object = (user: TestUser, changeId: string) =>
      gql<{ objectToSubProcessorChange: { id: string; changeId: string; organisationId: string; objectorUserId: string; reason: string } }>(
        `mutation($input: ObjectToSubProcessorChangeInput!) { objectToSubProcessorChange(input: $input) { id changeId organisationId objectorUserId reason objectedAt } }`,
        { input: { changeId, reason: 'We do not want our documents scanned outside our premises' } }, user);
    const objection = expectData(await object(admins[0]!, change.id)).objectToSubProcessorChange;
    expect(objection).toMatchObject({ changeId: change.id, organisationId: companies[0]!.id, objectorUserId: admins[0]!.id });
    expect((await object(admins[0]!, change.id)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_OBJECTED' });
    // Another tenant's administrator cannot reach this tenant's change.
    expect((await object(otherTenantAdmin, change.id)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const seen = async (user: TestUser) => expectData(await gql<{ subProcessorObjections: Array<{ id: string }> }>(`{ subProcessorObjections { id changeId organisationId objectorUserId reason objectedAt } }`, {}, user)).subProcessorObjections;
    expect((await seen(privacyOfficer)).map((o) => o.id)).toEqual([objection.id]);
    expect((await seen(tenantAdmin)).map((o) => o.id)).toEqual([objection.id]);
    expect(await seen(otherTenantAdmin)).toEqual([]);
    expect(await seen(operator)).toEqual([]);
    // The company sees what it lodged, the reason included; another company of the tenant and the tenant's own list (objections to the platform) do not hold it.
    const lodged = async (user: TestUser) => gql<{ lodgedSubProcessorObjections: Array<{ id: string }> }>(`{ lodgedSubProcessorObjections { id changeId organisationId objectorUserId reason objectedAt } }`, {}, user);
    expect(expectData(await lodged(admins[0]!)).lodgedSubProcessorObjections).toEqual([{ ...objection, objectedAt: expect.any(String) }]);
    expect(expectData(await lodged(admins[1]!)).lodgedSubProcessorObjections).toEqual([]);
    expect(expectData(await lodged(tenantAdmin)).lodgedSubProcessorObjections).toEqual([]);
    expect(expectData(await lodged(otherTenantAdmin)).lodgedSubProcessorObjections).toEqual([]);
    expect((await lodged(privacyOfficer)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // After the window: refused, and nothing recorded.
    app.clock.advance(30 * DAY + 1);
    expect((await object(admins[1]!, change.id)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'OBJECTION_WINDOW_CLOSED' });
    expect(await seen(privacyOfficer)).toHaveLength(1);
    app.clock.advance(-(30 * DAY + 1));
  });

  it("the platform's change is announced to every tenant (its customers) and tenant administrators may object", async () => {
    const before = (await outbox('privacy.sub-processor-change-announced')).length;
    const effectiveAt = new Date(app.clock.now().getTime() + 45 * DAY);
    const platformChange = expectData(await announce(operator, {
      kind: 'ADDITION', description: 'Backups in a second data centre', effectiveAt: effectiveAt.toISOString(), objectionWindowDays: 45,
      newSubProcessor: { name: 'Backup Vault Inc.', service: 'encrypted backups', location: 'US', transferSafeguard: 'EU standard contractual clauses (2021/914)' },
    })).announceSubProcessorChange;
    const tenantCount = await app.asOwner(async (db) => (await db.query(`SELECT count(*)::int AS n FROM tenant`)).rows[0].n as number);
    expect(platformChange.customersNotified).toBe(tenantCount);
    const messages = (await outbox('privacy.sub-processor-change-announced')).slice(before);
    expect(messages).toHaveLength(tenantCount);
    expect(messages.every((m) => m.tenant_id === null)).toBe(true);
    figures.customers += tenantCount;
    figures.notified += messages.length;
    figures.minimumWindowDays = Math.min(figures.minimumWindowDays, 45);

    const objection = expectData(await gql<{ objectToSubProcessorChange: { id: string; organisationId: string | null } }>(
      `mutation($input: ObjectToSubProcessorChangeInput!) { objectToSubProcessorChange(input: $input) { id organisationId } }`,
      { input: { changeId: platformChange.id, reason: 'No transfers to the United States' } }, otherTenantAdmin)).objectToSubProcessorChange;
    expect(objection.organisationId).toBeNull();
    const operatorSees = expectData(await gql<{ subProcessorObjections: Array<{ id: string }> }>(`{ subProcessorObjections { id } }`, {}, operator)).subProcessorObjections;
    expect(operatorSees.map((o) => o.id)).toEqual([objection.id]);
    // The objecting tenant's administrator lists it as the tenant's own; a company of that tenant does not.
    const lodgedBy = async (user: TestUser) => expectData(await gql<{ lodgedSubProcessorObjections: Array<{ id: string }> }>(`{ lodgedSubProcessorObjections { id } }`, {}, user)).lodgedSubProcessorObjections.map((o) => o.id);
    expect(await lodgedBy(otherTenantAdmin)).toEqual([objection.id]);
    expect(await lodgedBy(admins[0]!)).not.toContain(objection.id);
    // A company cannot object to the platform's change (it is not the platform's customer).
    const company = await gql(`mutation($input: ObjectToSubProcessorChangeInput!) { objectToSubProcessorChange(input: $input) { id } }`, { input: { changeId: platformChange.id, reason: 'x' } }, admins[1]!);
    expect(company.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('a removal ends the sub-processor on its effective date, announced likewise; the database refuses an effective date inside the window', async () => {
    app.clock.advance(31 * DAY);
    const removal = expectData(await announce(tenantAdmin, {
      kind: 'REMOVAL', description: 'Scanning brought in-house', effectiveAt: new Date(app.clock.now().getTime() + 30 * DAY).toISOString(), subProcessorId: change.subProcessorId,
    })).announceSubProcessorChange;
    expect(removal.customersNotified).toBe(companies.length);
    const again = await announce(tenantAdmin, { kind: 'REMOVAL', description: 'again', effectiveAt: new Date(app.clock.now().getTime() + 31 * DAY).toISOString(), subProcessorId: change.subProcessorId });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'SUB_PROCESSOR_ALREADY_LEAVING' });
    const list = async () => expectData(await app.graphql<{ subProcessors: Array<{ name: string }> }>(`query($slug: String) { subProcessors(tenantSlug: $slug) { name } }`, { slug: tenant.slug })).subProcessors;
    expect(await list()).toHaveLength(1);
    app.clock.advance(30 * DAY);
    expect(await list()).toEqual([]);
    figures.customers += companies.length;
    figures.notified += companies.length;

    const refused = await app.asOwner((db) => db.query(
      `INSERT INTO sub_processor_change (tenant_id, kind, sub_processor_id, description, announced_at, objection_deadline, effective_at, customers_notified)
       VALUES ($1, 'ADDITION', $2, 'x', now(), now() + interval '30 days', now() + interval '29 days', 0)`, [tenant.id, change.subProcessorId]).then(() => 'inserted', (e: Error) => e.message));
    expect(refused).toMatch(/check constraint/);
  });

  it('prints the figure', () => {
    reportFigure(`T17 sub-processor change: ${figures.customers} customers, ${figures.notified} notified before the change, effective date >= notice + ${figures.minimumWindowDays} days`);
    expect(figures.notified).toBe(figures.customers);
    expect(figures.minimumWindowDays).toBeGreaterThanOrEqual(30);
  });
});
