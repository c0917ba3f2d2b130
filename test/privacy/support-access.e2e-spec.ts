import { randomUUID } from 'node:crypto';
import { Role } from '@chancery/access';
import { TenantKind } from '@chancery/identity';
import { CertificateFactory, DatasheetsFactory, expectData, IdentityFactory, queuedEmails, reportFigure, TestApp, TestTenant, TestUser, useTestApp } from '@chancery/testing';

/**
 * SPEC §5 support access (002 §4; issue 18 item 9): the platform operator sees a tenant's personal
 * data only through a grant the tenant's administrator approved, with a purpose and an end time;
 * every read during it is in the tenant's access log, naming the grant and its purpose; the grant
 * ends itself (simulated clock), the administrator may end it early, and a grant of one tenant opens
 * nothing of another. Besides its accounts, the operator reads under the grant the tenant's companies,
 * its certificate applications (never a draft: the company's alone) and its datasheets, read only,
 * each read logged the same way. Prints
 *   support access: <a> rows without a grant, <n> reads logged with the grant, <b> rows after the end, <c> rows of another tenant
 *   support access (companies, applications, datasheets): …
 */
const MINUTE = 60 * 1000;
const GRANT_FIELDS = 'id tenantId purpose durationMinutes status requestedAt decidedAt startsAt endsAt endedAt refusalReason';
const PURPOSE = 'A clerk cannot log in since Monday: look at the accounts';

interface GrantAnswer { id: string; tenantId: string; status: string; endsAt: string | null; purpose: string }
interface AccountAnswer { id: string; email: string; roles: string[]; organisationId: string | null }

describe('Support access: the operator reads a tenant only under a grant the tenant approved', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  let tenantA: TestTenant;
  let tenantB: TestTenant;
  let adminA: TestUser;
  let adminB: TestUser;
  let officerA: TestUser;
  let clerkA: TestUser;
  let operator: TestUser;
  let otherOperator: TestUser;
  const peopleOfA: TestUser[] = [];
  const peopleOfB: TestUser[] = [];
  const figures = { withoutGrant: 0, logged: 0, afterEnd: 0, otherTenant: 0 };
  /** Tenant A's companies, applications (submitted, and a draft) and datasheet; tenant B's company and application. */
  const companiesOfA: string[] = [];
  let submittedOfA: string[] = [];
  let draftOfA: string;
  let applicationOfB: string;
  let datasheetOfA: string;
  let companyOfB: string;

  // One login per person while its access token lasts: logins in parallel would present second-factor
  // codes out of order, and a code of an earlier time step than one already used is refused.
  const sessions = new Map<string, { token: Promise<string>; at: number }>();
  const tokenOf = (user: TestUser) => {
    const now = app.clock.now().getTime();
    const kept = sessions.get(user.id);
    if (kept && now - kept.at < 10 * MINUTE) return kept.token;
    const token = factory.login(user).then((session) => session.accessToken);
    sessions.set(user.id, { token, at: now });
    return token;
  };
  const gql = async <T>(query: string, variables: Record<string, unknown>, user: TestUser) =>
    app.graphql<T>(query, variables, { token: await tokenOf(user) });
  const requestGrant = (tenantId: string, user = operator, durationMinutes = 60) =>
    gql<{ requestSupportAccess: GrantAnswer }>(
      `mutation($input: RequestSupportAccessInput!) { requestSupportAccess(input: $input) { ${GRANT_FIELDS} } }`,
      { input: { tenantId, purpose: PURPOSE, durationMinutes } }, user,
    );
  const decide = (mutation: 'approveSupportAccess' | 'refuseSupportAccess' | 'endSupportAccess', grantId: string, user: TestUser) =>
    gql<Record<string, GrantAnswer>>(`mutation($g: ID!) { ${mutation}(grantId: $g) { ${GRANT_FIELDS} } }`, { g: grantId }, user);
  const accounts = (grantId: string, user = operator) =>
    gql<{ supportAccounts: AccountAnswer[] }>('query($g: ID!) { supportAccounts(grantId: $g) { id email roles organisationId } }', { g: grantId }, user);
  const supportReadsInLog = async (grantId: string) => {
    const log = expectData(await gql<{ personalDataAccesses: Array<{ accessorId: string; subjectId: string; operation: string; accessorRoles: string[] }> }>(
      '{ personalDataAccesses(first: 200) { accessorId subjectId operation accessorRoles } }', {}, officerA));
    return log.personalDataAccesses.filter((row) => row.operation.includes(`support grant ${grantId}`));
  };

  const started = useTestApp();
  beforeAll(async () => {
    app = started.app;
    factory = started.factory;
    tenantA = await factory.tenant({ kinds: [TenantKind.CHAMBER_OF_COMMERCE, TenantKind.CERTIFICATION_BODY] });
    tenantB = await factory.tenant();
    adminA = await factory.user({ tenant: tenantA, roles: [Role.TENANT_ADMIN] });
    adminB = await factory.user({ tenant: tenantB, roles: [Role.TENANT_ADMIN] });
    officerA = await factory.user({ tenant: tenantA, roles: [Role.PRIVACY_OFFICER] });
    clerkA = await factory.user({ tenant: tenantA, roles: [Role.CLERK] });
    const companyA = await factory.organisation(tenantA);
    const companyB = await factory.organisation(tenantB);
    peopleOfA.push(adminA, officerA, clerkA);
    for (const roles of [[Role.ORG_ADMIN], [Role.ORG_MEMBER]]) {
      peopleOfA.push(await factory.user({ tenant: tenantA, organisation: companyA, roles }));
      peopleOfB.push(await factory.user({ tenant: tenantB, organisation: companyB, roles }));
    }
    peopleOfB.push(adminB);
    // Tenant A's work: two submitted applications and a draft of its company, a datasheet of another company (a certification body's own staff); tenant B's application.
    companiesOfA.push(companyA.id);
    companyOfB = companyB.id;
    const certificates = new CertificateFactory(app);
    const tokenOf = async (user: TestUser) => (await factory.login(user)).accessToken;
    const submitted = async (user: TestUser) => {
      const application = await certificates.create(await tokenOf(user));
      await certificates.step('submitCertificateApplication', application.id, await tokenOf(user));
      return application.id;
    };
    const exporterA = peopleOfA.at(-2)!;
    submittedOfA = [await submitted(exporterA), await submitted(exporterA)];
    draftOfA = (await certificates.create(await tokenOf(exporterA))).id;
    applicationOfB = await submitted(peopleOfB[0]!);
    const datasheets = new DatasheetsFactory(app, factory);
    const body = await datasheets.certificationBody(tenantA);
    const holder = await datasheets.holder(body);
    companiesOfA.push(holder.organisation.id);
    peopleOfA.push(body.admin, body.clerk, holder.admin);
    datasheetOfA = (await datasheets.published(body, holder)).datasheetId;
    operator = await factory.user({ roles: [Role.PLATFORM_ADMIN] });
    otherOperator = await factory.user({ roles: [Role.PLATFORM_ADMIN] });
  });

  it('without a grant, or before the administrator approves, the operator reads nothing of the tenant', async () => {
    const unknown = await accounts(randomUUID());
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NO_ACTIVE_SUPPORT_GRANT' });
    const pending = expectData(await requestGrant(tenantA.id)).requestSupportAccess;
    expect(pending).toMatchObject({ status: 'REQUESTED', tenantId: tenantA.id, purpose: PURPOSE, endsAt: null });
    // The tenant is told at its privacy contact, with the purpose and the duration; no other tenant is.
    const notices = await queuedEmails(app, { template: 'privacy.support-access-requested' });
    expect(notices.map((n) => [n.recipient, n.tenantId])).toEqual([[`privacy@${tenantA.slug}.test`, null]]);
    expect(notices[0]!.body).toContain(PURPOSE);
    const early = await accounts(pending.id);
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NO_ACTIVE_SUPPORT_GRANT' });
    figures.withoutGrant += (early.data?.supportAccounts?.length ?? 0) + (unknown.data?.supportAccounts?.length ?? 0);
    expect(figures.withoutGrant).toBe(0);
    // Only an administrator of that tenant decides: another tenant's answers like a grant that does not exist.
    expect((await decide('approveSupportAccess', pending.id, adminB)).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect((await decide('approveSupportAccess', pending.id, clerkA)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await decide('approveSupportAccess', pending.id, operator)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a refused grant opens nothing', async () => {
    const asked = expectData(await requestGrant(tenantA.id)).requestSupportAccess;
    const refused = expectData(await decide('refuseSupportAccess', asked.id, adminA)).refuseSupportAccess!;
    expect(refused.status).toBe('REFUSED');
    expect((await accounts(asked.id)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NO_ACTIVE_SUPPORT_GRANT' });
    expect((await decide('approveSupportAccess', asked.id, adminA)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'SUPPORT_GRANT_NOT_PENDING' });
  });

  it('an approved grant shows the tenant’s accounts, only to the operator who asked, each read logged with the grant and its purpose; then it ends itself', async () => {
    const asked = expectData(await requestGrant(tenantA.id, operator, 60)).requestSupportAccess;
    const approved = expectData(await decide('approveSupportAccess', asked.id, adminA)).approveSupportAccess!;
    expect(approved.status).toBe('APPROVED');
    expect(new Date(approved.endsAt!).getTime()).toBe(app.clock.now().getTime() + 60 * MINUTE);

    const seen = expectData(await accounts(asked.id)).supportAccounts;
    const emailsOfA = peopleOfA.map((p) => p.email).sort();
    expect(seen.map((a) => a.email).sort()).toEqual(emailsOfA);
    figures.otherTenant += seen.filter((a) => peopleOfB.some((p) => p.id === a.id)).length;
    expect(figures.otherTenant).toBe(0);

    // Every person read is in the tenant's access log, by the operator, naming the grant and its purpose.
    const logged = await supportReadsInLog(asked.id);
    expect(logged.map((row) => row.subjectId).sort()).toEqual(peopleOfA.map((p) => p.id).sort());
    for (const row of logged) {
      expect(row.accessorId).toBe(operator.id);
      expect(row.accessorRoles).toEqual([Role.PLATFORM_ADMIN]);
      expect(row.operation).toBe(`supportAccounts under support grant ${asked.id} (purpose: ${PURPOSE})`);
    }
    figures.logged = logged.length;

    // Another operator holding the id gets nothing: the grant is the asker's.
    expect((await accounts(asked.id, otherOperator)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });

    // The grant lists for the tenant's administrator and privacy officer, and for the operator; not for another tenant.
    const listed = (user: TestUser) => gql<{ supportGrants: GrantAnswer[] }>(`{ supportGrants { ${GRANT_FIELDS} } }`, {}, user);
    expect(expectData(await listed(adminA)).supportGrants.map((g) => g.id)).toContain(asked.id);
    expect(expectData(await listed(officerA)).supportGrants.map((g) => g.id)).toContain(asked.id);
    expect(expectData(await listed(operator)).supportGrants.map((g) => g.id)).toContain(asked.id);
    expect(expectData(await listed(adminB)).supportGrants).toEqual([]);
    expect(expectData(await listed(otherOperator)).supportGrants).toEqual([]);

    // One minute past the end time the same query is refused: the grant ended itself.
    app.clock.advance(61 * MINUTE);
    const after = await accounts(asked.id);
    expect(after.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NO_ACTIVE_SUPPORT_GRANT' });
    figures.afterEnd += after.data?.supportAccounts?.length ?? 0;
    expect(expectData(await listed(adminA)).supportGrants.find((g) => g.id === asked.id)?.status).toBe('EXPIRED');
  });

  it("under a grant the operator also reads the tenant's companies, applications (never a draft) and datasheets, each read logged; before approval, after the end and of another tenant: nothing", async () => {
    const organisations = (grantId: string) =>
      gql<{ supportOrganisations: Array<{ id: string; name: string; email: string }> }>('query($g: ID!) { supportOrganisations(grantId: $g) { id name email } }', { g: grantId }, operator);
    const applications = (grantId: string) =>
      gql<{ supportCertificateApplications: Array<{ id: string; state: string; consigneeName: string; createdBy: string }> }>(
        'query($g: ID!) { supportCertificateApplications(grantId: $g) { id state consigneeName createdBy organisationId } }', { g: grantId }, operator);
    const application = (grantId: string, applicationId: string) =>
      gql<{ supportCertificateApplication: { id: string; state: string; consigneeName: string } }>(
        'query($g: ID!, $a: ID!) { supportCertificateApplication(grantId: $g, applicationId: $a) { id state consigneeName } }', { g: grantId, a: applicationId }, operator);
    const datasheetsOf = (grantId: string) =>
      gql<{ supportDatasheets: Array<{ id: string; organisationId: string; latestState: string; contactUserId: string | null; completedBy: string | null }> }>(
        'query($g: ID!) { supportDatasheets(grantId: $g) { id organisationId publicCode latestVersion latestState contactUserId completedBy } }', { g: grantId }, operator);
    const everyRead = (grantId: string) => [organisations(grantId), applications(grantId), application(grantId, submittedOfA[0]!), datasheetsOf(grantId)];
    const refusedAll = async (grantId: string) => {
      const answers = await Promise.all(everyRead(grantId));
      for (const answer of answers) expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NO_ACTIVE_SUPPORT_GRANT' });
      return answers.reduce((n, a) => n + Object.values(a.data ?? {}).filter(Boolean).length, 0);
    };

    const asked = expectData(await requestGrant(tenantA.id, operator, 30)).requestSupportAccess;
    // Before the administrator approves: nothing.
    figures.withoutGrant += await refusedAll(asked.id);
    expectData(await decide('approveSupportAccess', asked.id, adminA));

    const companies = expectData(await organisations(asked.id)).supportOrganisations;
    expect(companies.map((c) => c.id).sort()).toEqual([...companiesOfA].sort());
    const listed = expectData(await applications(asked.id)).supportCertificateApplications;
    expect(listed.map((a) => a.id).sort()).toEqual([...submittedOfA].sort());
    expect(listed.every((a) => a.state === 'SUBMITTED' && a.consigneeName === 'Harbour Imports Ltd' && a.createdBy)).toBe(true);
    expect(expectData(await application(asked.id, submittedOfA[0]!)).supportCertificateApplication).toMatchObject({ id: submittedOfA[0], state: 'SUBMITTED' });
    // A draft is the company's alone, and another tenant's application is not there: both NOT_FOUND.
    for (const id of [draftOfA, applicationOfB]) expect((await application(asked.id, id)).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const sheets = expectData(await datasheetsOf(asked.id)).supportDatasheets;
    expect(sheets.map((d) => [d.id, d.latestState])).toEqual([[datasheetOfA, 'PUBLISHED']]);
    expect(sheets[0]!.completedBy).toBeTruthy();
    figures.otherTenant += companies.filter((c) => c.id === companyOfB).length + listed.filter((a) => a.id === applicationOfB).length;

    // Each query's reads are in the tenant's access log, by the operator, naming the grant, its purpose and the query.
    const logged = await supportReadsInLog(asked.id);
    const byQuery = (query: string) => logged.filter((row) => row.operation === `${query} under support grant ${asked.id} (purpose: ${PURPOSE})`).map((row) => row.subjectId).sort();
    expect(byQuery('supportOrganisations')).toEqual([...companiesOfA].sort());
    expect(byQuery('supportCertificateApplications')).toEqual([companiesOfA[0]]);
    expect(byQuery('supportCertificateApplication')).toEqual([companiesOfA[0]]);
    expect(byQuery('supportDatasheets')).toEqual([companiesOfA[1]]);
    expect(logged.every((row) => row.accessorId === operator.id)).toBe(true);
    figures.logged += logged.length;
    // After the end time: nothing.
    app.clock.advance(31 * MINUTE);
    figures.afterEnd += await refusedAll(asked.id);

    // A grant of tenant B opens none of A's records.
    const ofB = expectData(await requestGrant(tenantB.id)).requestSupportAccess;
    expectData(await decide('approveSupportAccess', ofB.id, adminB));
    const companiesOfB = expectData(await organisations(ofB.id)).supportOrganisations.map((c) => c.id);
    expect(companiesOfB).toEqual([companyOfB]);
    expect(expectData(await applications(ofB.id)).supportCertificateApplications.map((a) => a.id)).toEqual([applicationOfB]);
    expect((await application(ofB.id, submittedOfA[0]!)).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(expectData(await datasheetsOf(ofB.id)).supportDatasheets).toEqual([]);
    figures.otherTenant += companiesOfB.filter((id) => companiesOfA.includes(id)).length;
    expectData(await decide('endSupportAccess', ofB.id, adminB));
    reportFigure(`support access (companies, applications, datasheets): ${companies.length + listed.length + 1 + sheets.length} records read under the grant, ${logged.length} reads logged with it; refused before approval, after the end and for another tenant's records`);
  });

  it('the administrator ends a running grant early, and from then on it opens nothing', async () => {
    const asked = expectData(await requestGrant(tenantA.id, operator, 120)).requestSupportAccess;
    expectData(await decide('approveSupportAccess', asked.id, adminA));
    expect(expectData(await accounts(asked.id)).supportAccounts.length).toBe(peopleOfA.length);
    app.clock.advance(10 * MINUTE);
    expect(expectData(await decide('endSupportAccess', asked.id, adminA)).endSupportAccess!.status).toBe('ENDED');
    const after = await accounts(asked.id);
    expect(after.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NO_ACTIVE_SUPPORT_GRANT' });
    figures.afterEnd += after.data?.supportAccounts?.length ?? 0;
    expect((await decide('endSupportAccess', asked.id, adminA)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'SUPPORT_GRANT_NOT_RUNNING' });
  });

  it("a grant of tenant B shows B's accounts and nothing of A; the decisions are in each tenant's audit trail", async () => {
    const asked = expectData(await requestGrant(tenantB.id)).requestSupportAccess;
    expectData(await decide('approveSupportAccess', asked.id, adminB));
    const seen = expectData(await accounts(asked.id)).supportAccounts;
    expect(seen.map((a) => a.id).sort()).toEqual(peopleOfB.map((p) => p.id).sort());
    figures.otherTenant += seen.filter((a) => peopleOfA.some((p) => p.id === a.id)).length;
    const actions = await app.asOwner(async (db) =>
      (await db.query<{ tenant: string | null; action: string }>(
        `SELECT tenant_id::text AS tenant, action FROM audit_entry WHERE action LIKE 'privacy.supportGrant.%' AND subject_id = $1 ORDER BY action DESC`, [asked.id])).rows);
    expect(actions).toEqual([{ tenant: null, action: 'privacy.supportGrant.requested' }, { tenant: tenantB.id, action: 'privacy.supportGrant.approved' }]);
  });

  it('asks are checked: an unknown tenant, a duration over the maximum, a short purpose', async () => {
    expect((await requestGrant(randomUUID())).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'SUPPORT_TENANT_NOT_FOUND' });
    expect((await requestGrant(tenantA.id, operator, 481)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((await requestGrant(tenantA.id, adminA)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  afterAll(() => {
    reportFigure(
      `support access: ${figures.withoutGrant} rows without a grant, ${figures.logged} reads logged with the grant, ${figures.afterEnd} rows after the end, ${figures.otherTenant} rows of another tenant`,
    );
  });
});
