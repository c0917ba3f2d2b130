import { Role } from '@chancery/access';
import { RequestContext, SYSTEM_ACTOR } from '@chancery/core';
import { WEBHOOK_MAX_ATTEMPTS, WebhookDispatcher, webhookRetryDelayMs, WebhookRound } from '@chancery/webhooks';
import { CertificationBody, DatasheetsFactory, expectData, TestOrganisation, TestUser, useTestApp, useTestWorker, WebhookReceiver } from '@chancery/testing';

/**
 * Multi-party project certificates (COPRO 000 §5c, SPEC §3): the client, the contractor and the
 * intermediate storage location are named with a contact person each; the members of those three
 * companies read the certificate (and each other's contacts), nobody else does; staff issue it once
 * every party has a contact; a party's administrator distributes it; the disclosure rule applies to
 * each named contact (an objection puts the company's general contact in their place). A distribution
 * reaches the external system as a webhook to the distributing company's targets (a real HTTP
 * receiver here), its body built when sent: a contact who objected before a retry is not in it.
 */
const PROJECT = `id reference site material quantityTonnes state issuedAt
  parties { role organisationId organisationName contactKind contactUserId contactName contactEmail contactPhone contactReplacementRequired }
  distributions { target distributedBy distributedAt }`;
const codeOf = (r: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => r.errors?.[0]?.extensions?.code;
const reasonOf = (r: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => r.errors?.[0]?.extensions?.reason;

interface Party {
  organisation: TestOrganisation;
  admin: TestUser;
  adminToken: string;
}
interface Project {
  id: string;
  state: string;
  parties: Array<{ role: string; organisationId: string; contactKind: string; contactUserId: string | null; contactEmail: string | null; contactReplacementRequired: boolean }>;
  distributions: Array<{ target: string; distributedBy: string }>;
}

jest.setTimeout(120_000);

type DistributedBody = { type: string; organisationId: string; data: { projectId: string; target: string; projectCertificate: Project } };

describe('project certificates (COPRO §5c)', () => {
  const started = useTestApp();
  const running = useTestWorker({ sharesDatabaseWith: () => started.app, webhookPollingMs: 0, outboxPollingMs: 0 });
  const receiver = new WebhookReceiver();
  beforeAll(() => receiver.start());
  afterAll(() => receiver.stop());
  const round = (): Promise<WebhookRound> => running.worker.get(RequestContext).runAs(SYSTEM_ACTOR, () => running.worker.get(WebhookDispatcher).deliverDue());
  let sheets: DatasheetsFactory;
  let body: CertificationBody;
  let client: Party;
  let contractor: Party;
  let storage: Party;
  let outsider: Party;

  const gql = <T>(query: string, variables: Record<string, unknown>, token?: string) => started.app.graphql<T>(query, variables, { token });
  const create = (token: string, parties: Array<{ role: string; organisationId: string }>) =>
    gql<{ createProjectCertificate: Project }>(`mutation($input: CreateProjectCertificateInput!) { createProjectCertificate(input: $input) { ${PROJECT} } }`, {
      input: { reference: 'N49 Zelzate lot 3', site: 'N49, km 12–14', material: 'tar-containing asphalt for thermal cleaning', quantityTonnes: 1250.5, parties },
    }, token);
  const read = (id: string, token: string) => gql<{ projectCertificate: Project }>(`query($id: ID!) { projectCertificate(projectId: $id) { ${PROJECT} } }`, { id }, token);

  beforeAll(async () => {
    sheets = new DatasheetsFactory(started.app, started.factory);
    body = await sheets.certificationBody();
    client = await sheets.holder(body, 'Wegen Vlaanderen');
    contractor = await sheets.holder(body, 'Asfaltwerken Noord');
    storage = await sheets.holder(body, 'Tussenopslag Gent');
    outsider = await sheets.holder(body, 'Ander Bedrijf');
  });

  it('the parties open, complete, read and distribute it; staff issue it; nobody else sees it; an objecting contact is replaced', async () => {
    const parties = [
      { role: 'CLIENT', organisationId: client.organisation.id },
      { role: 'CONTRACTOR', organisationId: contractor.organisation.id },
      { role: 'INTERMEDIATE_STORAGE', organisationId: storage.organisation.id },
    ];
    // Bad inputs name the field: two clients; the caller's company not among the parties; a company of another tenant.
    expect(reasonOf(await create(client.adminToken, [parties[0]!, { ...parties[1]!, role: 'CLIENT' }, parties[2]!]))).toBe('PROJECT_PARTIES_INVALID');
    expect(reasonOf(await create(outsider.adminToken, parties))).toBe('PROJECT_PARTIES_INVALID');
    const elsewhere = await started.factory.organisation(await started.factory.tenant());
    const foreign = await create(client.adminToken, [parties[0]!, parties[1]!, { role: 'INTERMEDIATE_STORAGE', organisationId: elsewhere.id }]);
    expect({ code: codeOf(foreign), fields: foreign.errors?.[0]?.extensions?.fields }).toEqual({ code: 'NOT_FOUND', fields: [expect.objectContaining({ field: 'input.parties.2.organisationId' })] });
    expect(codeOf(await create(client.adminToken, [{ ...parties[0]!, organisationId: 'not-a-uuid' }, parties[1]!, parties[2]!]))).toBe('BAD_USER_INPUT');
    // A quantity with more than three decimals, also one JavaScript writes with an exponent (1e-7), names the field.
    for (const quantityTonnes of [0.0000001, 5e-324, 1.0005]) {
      const tiny = await gql(`mutation($input: CreateProjectCertificateInput!) { createProjectCertificate(input: $input) { id } }`, { input: { reference: 'N49 Zelzate lot 3', site: 'N49', material: 'asphalt', quantityTonnes, parties } }, client.adminToken);
      expect({ code: codeOf(tiny), fields: tiny.errors?.[0]?.extensions?.fields }).toEqual({ code: 'BAD_USER_INPUT', fields: expect.arrayContaining([expect.objectContaining({ field: 'input.quantityTonnes', reason: 'must have at most 3 decimal places' })]) });
    }

    // The client's administrator opens it: they are the client's contact; the others show their company, flagged.
    const project = expectData(await create(client.adminToken, parties)).createProjectCertificate;
    expect(project.state).toBe('DRAFT');
    expect(project.parties.map((p) => [p.role, p.contactKind, p.contactReplacementRequired])).toEqual([
      ['CLIENT', 'PERSON', false], ['CONTRACTOR', 'COMPANY', true], ['INTERMEDIATE_STORAGE', 'COMPANY', true],
    ]);

    // Staff cannot issue it before every party has a contact person.
    const early = await gql('mutation($id: ID!) { issueProjectCertificate(projectId: $id) { id } }', { id: project.id }, body.clerkToken);
    expect({ code: codeOf(early), reason: reasonOf(early) }).toEqual({ code: 'CONFLICT', reason: 'PROJECT_CONTACT_MISSING' });

    // Each company names its own contact, never another party's.
    const notYours = await gql('mutation($id: ID!, $r: ProjectPartyRole!, $u: ID!) { nameProjectContact(projectId: $id, role: $r, userId: $u) { id } }', { id: project.id, r: 'CLIENT', u: contractor.admin.id }, contractor.adminToken);
    expect(codeOf(notYours)).toBe('FORBIDDEN');
    const name = (party: Party, role: string, userId: string) =>
      gql<{ nameProjectContact: Project }>(`mutation($id: ID!, $r: ProjectPartyRole!, $u: ID!) { nameProjectContact(projectId: $id, role: $r, userId: $u) { ${PROJECT} } }`, { id: project.id, r: role, u: userId }, party.adminToken);
    const { user: storekeeper, token: storekeeperToken } = await sheets.orgUser(body, storage.organisation, Role.ORG_MEMBER);
    const { user: unacknowledged } = await sheets.orgUser(body, storage.organisation, Role.ORG_MEMBER, false);
    expect(reasonOf(await name(storage, 'INTERMEDIATE_STORAGE', unacknowledged.id))).toBe('CONTACT_NOT_ELIGIBLE');
    expectData(await name(contractor, 'CONTRACTOR', contractor.admin.id));
    expectData(await name(storage, 'INTERMEDIATE_STORAGE', storekeeper.id));

    // The members of the three companies read it, with each other's contacts; another company and another tenant get NOT_FOUND.
    const asStorekeeper = expectData(await read(project.id, storekeeperToken)).projectCertificate;
    expect(asStorekeeper.parties.find((p) => p.role === 'CONTRACTOR')!.contactEmail).toBe(contractor.admin.email);
    expect(codeOf(await read(project.id, outsider.adminToken))).toBe('NOT_FOUND');
    const otherBody = await sheets.certificationBody();
    expect(codeOf(await read(project.id, otherBody.clerkToken))).toBe('NOT_FOUND');
    const listed = async (token: string) => expectData(await gql<{ projectCertificates: Array<{ id: string }> }>('{ projectCertificates { id } }', {}, token)).projectCertificates.map((p) => p.id);
    expect(await listed(contractor.adminToken)).toEqual([project.id]);
    expect(await listed(outsider.adminToken)).toEqual([]);
    expect(await listed(body.clerkToken)).toEqual([project.id]);

    // Staff issue it; a party's administrator distributes it (not a member, not before issue).
    const distribute = (token: string) => gql<{ distributeProjectCertificate: { target: string } }>('mutation($id: ID!, $t: String!) { distributeProjectCertificate(projectId: $id, target: $t) { target } }', { id: project.id, t: 'Central asphalt register' }, token);
    expect(reasonOf(await distribute(client.adminToken))).toBe('PROJECT_TRANSITION_INVALID');
    expect(expectData(await gql<{ issueProjectCertificate: Project }>(`mutation($id: ID!) { issueProjectCertificate(projectId: $id) { ${PROJECT} } }`, { id: project.id }, body.clerkToken)).issueProjectCertificate.state).toBe('ISSUED');
    expect(codeOf(await distribute(storekeeperToken))).toBe('FORBIDDEN');
    expect(codeOf(await distribute(outsider.adminToken))).toBe('NOT_FOUND');
    // The storage company's ERP and the client's listen for distributions; only the distributing company's hears of one.
    const listen = async (party: Party, path: string) =>
      expectData(await gql('mutation($i: RegisterWebhookInput!) { registerWebhook(input: $i) { secret } }', { i: { url: `${receiver.base}${path}`, eventTypes: ['project_certificate.distributed'] } }, party.adminToken));
    await listen(storage, '/storage');
    await listen(client, '/client');
    expectData(await distribute(storage.adminToken));
    expect(expectData(await read(project.id, client.adminToken)).projectCertificate.distributions).toEqual([{ target: 'Central asphalt register', distributedBy: storage.admin.id, distributedAt: expect.any(String) }]);
    expect((await round()).delivered).toHaveLength(1);
    const [sent] = receiver.bodiesAt<DistributedBody>('/storage');
    expect(sent).toMatchObject({ type: 'project_certificate.distributed', organisationId: storage.organisation.id, data: { projectId: project.id, target: 'Central asphalt register' } });
    // The body is the certificate as a party reads it: the parties' contacts, the distribution.
    expect(sent!.data.projectCertificate.parties.find((p) => p.role === 'CONTRACTOR')!.contactEmail).toBe(contractor.admin.email);
    expect(sent!.data.projectCertificate.distributions).toEqual([expect.objectContaining({ target: 'Central asphalt register', distributedBy: storage.admin.id })]);
    expect(receiver.bodiesAt('/client')).toEqual([]);
    // Who sent it finds that in their own export (Art. 15): the distribution, with them as its sender.
    const exported = JSON.parse(expectData(await gql<{ myPersonalDataExport: string }>('{ myPersonalDataExport }', {}, storage.adminToken)).myPersonalDataExport) as {
      records: Array<{ entity: string; fields: Array<{ field: string; value: unknown }> }>;
    };
    expect(exported.records.filter((r) => r.entity === 'ProjectDistribution').map((r) => r.fields)).toEqual([[expect.objectContaining({ field: 'distributedBy', value: storage.admin.id })]]);

    // A second distribution whose first delivery fails; the contractor's contact objects before the retry.
    receiver.fail('/storage', 1);
    expectData(await gql('mutation($id: ID!, $t: String!) { distributeProjectCertificate(projectId: $id, target: $t) { target } }', { id: project.id, t: 'Regional register' }, storage.adminToken));
    expect((await round()).retrying).toHaveLength(1);

    // The contractor's contact objects: the contractor's company contact takes their place, flagged, for every party.
    expectData(await gql('mutation { objectToContactDisclosure { datasheetsAffected } }', {}, contractor.adminToken));
    const after = await read(project.id, client.adminToken);
    const shown = expectData(after).projectCertificate.parties.find((p) => p.role === 'CONTRACTOR')!;
    expect(shown).toMatchObject({ contactKind: 'COMPANY', contactUserId: null, contactReplacementRequired: true });
    expect(after.text).not.toContain(contractor.admin.email);

    // The retry's body is built now: the objecting person is not sent, their company stands in their place.
    started.app.clock.advance(webhookRetryDelayMs(WEBHOOK_MAX_ATTEMPTS) + 1_000);
    expect((await round()).delivered).toHaveLength(1);
    const retried = receiver.bodiesAt<DistributedBody>('/storage').at(-1)!;
    expect(retried.data.target).toBe('Regional register');
    expect(retried.data.projectCertificate.parties.find((p) => p.role === 'CONTRACTOR')).toMatchObject({ contactKind: 'COMPANY', contactUserId: null, contactReplacementRequired: true });
    expect(receiver.received.at(-1)!.body).not.toContain(contractor.admin.email);
    expect(receiver.bodiesAt('/client')).toEqual([]);
  });

  it('staff withdraw an issued project with a reason (no more distribution nor contact); the opener’s administrator deletes a draft; races answer a stable refusal', async () => {
    // Its own certification body and companies: the first test moved the clock past every token it made.
    const here = await sheets.certificationBody();
    const opener = await sheets.holder(here, 'Wegenbouw West');
    const builder = await sheets.holder(here, 'Aannemer Zuid');
    const depot = await sheets.holder(here, 'Opslag Oost');
    const parties = [
      { role: 'CLIENT', organisationId: opener.organisation.id },
      { role: 'CONTRACTOR', organisationId: builder.organisation.id },
      { role: 'INTERMEDIATE_STORAGE', organisationId: depot.organisation.id },
    ];
    const SHOWN = `id state withdrawnAt withdrawalReason`;
    const withdraw = (id: string, token: string, reason = 'Issued in error: wrong work site') =>
      gql<{ withdrawProjectCertificate: { id: string; state: string; withdrawnAt: string | null; withdrawalReason: string | null } }>(`mutation($id: ID!, $r: String!) { withdrawProjectCertificate(projectId: $id, reason: $r) { ${SHOWN} } }`, { id, r: reason }, token);
    const deleteDraft = (id: string, token: string) => gql<{ deleteProjectCertificateDraft: string }>('mutation($id: ID!) { deleteProjectCertificateDraft(projectId: $id) }', { id }, token);
    const name = (id: string, party: Party, role: string) => gql('mutation($id: ID!, $r: ProjectPartyRole!, $u: ID!) { nameProjectContact(projectId: $id, role: $r, userId: $u) { id } }', { id, r: role, u: party.admin.id }, party.adminToken);
    const issued = async (): Promise<string> => {
      const project = expectData(await create(opener.adminToken, parties)).createProjectCertificate;
      expectData(await name(project.id, builder, 'CONTRACTOR'));
      expectData(await name(project.id, depot, 'INTERMEDIATE_STORAGE'));
      expectData(await gql('mutation($id: ID!) { issueProjectCertificate(projectId: $id) { id } }', { id: project.id }, here.clerkToken));
      return project.id;
    };
    const distribute = (id: string, token: string) => gql('mutation($id: ID!, $t: String!) { distributeProjectCertificate(projectId: $id, target: $t) { target } }', { id, t: 'Central asphalt register' }, token);
    const refusal = (r: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => ({ code: codeOf(r), reason: reasonOf(r) });

    // A draft is not withdrawn; a company's administrator withdraws nothing; the reason is 1–500 characters.
    const draft = expectData(await create(opener.adminToken, parties)).createProjectCertificate;
    expect(refusal(await withdraw(draft.id, here.clerkToken))).toEqual({ code: 'CONFLICT', reason: 'PROJECT_TRANSITION_INVALID' });
    const projectId = await issued();
    expect(codeOf(await withdraw(projectId, opener.adminToken))).toBe('FORBIDDEN');
    expect(codeOf(await withdraw(projectId, here.clerkToken, ''))).toBe('BAD_USER_INPUT');
    expect(codeOf(await withdraw(projectId, here.clerkToken, 'x'.repeat(501)))).toBe('BAD_USER_INPUT');
    // The longest reason is taken (it stays on the project; the audit entry holds no free text, and refused values over 200 characters).
    const long = await issued();
    expect(expectData(await withdraw(long, here.clerkToken, 'Issued in error. '.repeat(29) + 'x'.repeat(7))).withdrawProjectCertificate.withdrawalReason).toHaveLength(500);
    // Another certification body's staff do not find it.
    const otherBody = await sheets.certificationBody();
    expect(codeOf(await withdraw(projectId, otherBody.clerkToken))).toBe('NOT_FOUND');

    // The depot's and the opener's ERPs listen for withdrawals; the builder's only for distributions.
    const listen = async (party: Party, path: string, eventTypes: string[]) =>
      expectData(await gql('mutation($i: RegisterWebhookInput!) { registerWebhook(input: $i) { secret } }', { i: { url: `${receiver.base}${path}`, eventTypes } }, party.adminToken));
    await listen(depot, '/withdrawn-depot', ['project_certificate.withdrawn']);
    await listen(opener, '/withdrawn-opener', ['project_certificate.withdrawn', 'project_certificate.distributed']);
    await listen(builder, '/withdrawn-builder', ['project_certificate.distributed']);

    // Staff withdraw it with the reason; the parties still read it, WITHDRAWN, with the date and the reason.
    const withdrawn = expectData(await withdraw(projectId, here.clerkToken)).withdrawProjectCertificate;
    expect(withdrawn).toEqual({ id: projectId, state: 'WITHDRAWN', withdrawnAt: expect.any(String), withdrawalReason: 'Issued in error: wrong work site' });
    // Each party's targets subscribed to withdrawals hear of it, with the certificate as the company reads it now.
    expect((await round()).delivered).toHaveLength(2);
    for (const [path, party] of [['/withdrawn-depot', depot], ['/withdrawn-opener', opener]] as const) {
      const [heard] = receiver.bodiesAt<{ type: string; organisationId: string; data: { projectId: string; distributionId: string | null; projectCertificate: { state: string; withdrawalReason: string } } }>(path);
      expect(heard).toMatchObject({ type: 'project_certificate.withdrawn', organisationId: party.organisation.id, data: { projectId, distributionId: null, projectCertificate: { state: 'WITHDRAWN', withdrawalReason: 'Issued in error: wrong work site' } } });
    }
    expect(receiver.bodiesAt('/withdrawn-builder')).toEqual([]);
    const asDepot = expectData(await gql<{ projectCertificate: { state: string; withdrawnAt: string; withdrawalReason: string } }>(`query($id: ID!) { projectCertificate(projectId: $id) { ${SHOWN} } }`, { id: projectId }, depot.adminToken)).projectCertificate;
    expect(asDepot).toEqual(withdrawn);
    // Once withdrawn: no distribution, no new contact, no second withdrawal.
    expect(refusal(await distribute(projectId, depot.adminToken))).toEqual({ code: 'CONFLICT', reason: 'PROJECT_TRANSITION_INVALID' });
    expect(refusal(await name(projectId, builder, 'CONTRACTOR'))).toEqual({ code: 'CONFLICT', reason: 'PROJECT_TRANSITION_INVALID' });
    expect(refusal(await withdraw(projectId, here.clerkToken))).toEqual({ code: 'CONFLICT', reason: 'PROJECT_TRANSITION_INVALID' });

    // Two staff withdraw the same issued project at once, while a party distributes it: one withdrawal, the other a stable refusal.
    const raced = await issued();
    const [first, second, sent] = await Promise.all([withdraw(raced, here.clerkToken), withdraw(raced, here.clerkToken), distribute(raced, builder.adminToken)]);
    expect([first, second].filter((r) => !r.errors).length).toBe(1);
    expect([first, second].filter((r) => r.errors).map(refusal)).toEqual([{ code: 'CONFLICT', reason: 'PROJECT_TRANSITION_INVALID' }]);
    // The distribution either came first (recorded, then withdrawn) or is refused, never a server error.
    if (sent.errors) expect(refusal(sent)).toEqual({ code: 'CONFLICT', reason: 'PROJECT_TRANSITION_INVALID' });

    // A draft: another party's administrator is refused, a member too; the opener's administrator deletes it, with its parties.
    expect(refusal(await deleteDraft(draft.id, builder.adminToken))).toEqual({ code: 'FORBIDDEN', reason: 'PROJECT_PARTY_NOT_YOURS' });
    const { token: memberToken } = await sheets.orgUser(here, opener.organisation, Role.ORG_MEMBER);
    expect(codeOf(await deleteDraft(draft.id, memberToken))).toBe('FORBIDDEN');
    const outsider = await sheets.holder(here, 'Niet Betrokken');
    expect(codeOf(await deleteDraft(draft.id, outsider.adminToken))).toBe('NOT_FOUND');
    // An issued (or withdrawn) project is not deleted.
    expect(refusal(await deleteDraft(projectId, opener.adminToken))).toEqual({ code: 'CONFLICT', reason: 'PROJECT_TRANSITION_INVALID' });
    // Two deletions at once: one deletes it, the other finds it gone.
    const [deleted, again] = await Promise.all([deleteDraft(draft.id, opener.adminToken), deleteDraft(draft.id, opener.adminToken)]);
    expect([deleted, again].filter((r) => !r.errors).map((r) => r.data)).toEqual([{ deleteProjectCertificateDraft: draft.id }]);
    expect([deleted, again].filter((r) => r.errors).map(refusal)).toEqual([{ code: 'NOT_FOUND', reason: 'PROJECT_NOT_FOUND' }]);
    for (const party of [opener, builder, depot]) {
      expect(codeOf(await read(draft.id, party.adminToken))).toBe('NOT_FOUND');
      expect(expectData(await gql<{ projectCertificates: Array<{ id: string }> }>('{ projectCertificates { id } }', {}, party.adminToken)).projectCertificates.map((p) => p.id)).not.toContain(draft.id);
    }
    const { rows: left } = await started.app.asOwner((db) => db.query(`SELECT count(*)::int AS n FROM project_party WHERE project_id = $1`, [draft.id]));
    expect(left).toEqual([{ n: 0 }]);

    // Each step is in the audit trail.
    const { rows } = await started.app.asOwner((db) => db.query(`SELECT action, count(*)::int AS n FROM audit_entry WHERE action IN ('datasheets.project.withdrawn', 'datasheets.project.draftDeleted') AND tenant_id = $1 GROUP BY action ORDER BY action`, [here.tenant.id]));
    expect(rows).toEqual([{ action: 'datasheets.project.draftDeleted', n: 1 }, { action: 'datasheets.project.withdrawn', n: 3 }]);
  });

  it('a party is found by its VAT number as people write it, only among the certification body’s companies, only by company users', async () => {
    const candidate = (vatNumber: string, token?: string) =>
      gql<{ projectPartyCandidate: { organisationId: string; name: string; city: string; vatNumber: string } }>('query($v: String!) { projectPartyCandidate(vatNumber: $v) { organisationId name city vatNumber } }', { v: vatNumber }, token);
    const registerAs = (organisationId: string, number: string) =>
      started.app.asOwner((db) => db.query('UPDATE organisation SET company_number = $2, vat_number = $2 WHERE id = $1', [organisationId, number]));
    // Its own certification body and companies: the test above moved the clock past every token it made.
    const here = await sheets.certificationBody();
    const opener = await sheets.holder(here, 'Wegenbouw Oost');
    const depot = await sheets.holder(here, 'Tussenopslag Gent');
    await registerAs(depot.organisation.id, 'BE0403170701');
    // The same number at another certification body is that body's company, not found from here.
    const otherBody = await sheets.certificationBody();
    const otherCompany = await sheets.holder(otherBody, 'Elders Opslag');
    await registerAs(otherCompany.organisation.id, 'BE0456789034');

    // Written with spaces and dots, by an administrator or a member: the company, name and city only.
    const { user: member, token: memberToken } = await sheets.orgUser(here, opener.organisation, Role.ORG_MEMBER);
    expect(member.id).toBeTruthy();
    for (const token of [opener.adminToken, memberToken]) {
      expect(expectData(await candidate('be 0403.170.701', token)).projectPartyCandidate).toEqual({ organisationId: depot.organisation.id, name: 'Tussenopslag Gent', city: 'Antwerpen', vatNumber: 'BE0403170701' });
    }
    const refusal = (r: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => ({ code: codeOf(r), reason: reasonOf(r), fields: (r.errors?.[0]?.extensions?.fields as Array<{ field: string }> | undefined)?.map((f) => f.field) });
    // Wrong check digits: refused at the field; a valid number of nobody here (another body's company): NOT_FOUND at the field.
    expect(refusal(await candidate('BE0403170702', opener.adminToken))).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', fields: ['vatNumber'] }));
    expect(refusal(await candidate('BE0456789034', opener.adminToken))).toEqual({ code: 'NOT_FOUND', reason: 'PROJECT_PARTY_NOT_FOUND', fields: ['vatNumber'] });
    expect(expectData(await candidate('BE0456789034', otherCompany.adminToken)).projectPartyCandidate.organisationId).toBe(otherCompany.organisation.id);
    // Staff do not open projects; nobody anonymous looks companies up; a chamber's company user is not in a certification body.
    expect(codeOf(await candidate('BE0403170701', here.clerkToken))).toBe('FORBIDDEN');
    expect(codeOf(await candidate('BE0403170701'))).toBe('UNAUTHENTICATED');
    const chamber = await started.factory.tenant();
    const exporter = await started.factory.organisation(chamber);
    const exporterAdmin = await started.factory.user({ tenant: chamber, organisation: exporter, roles: [Role.ORG_ADMIN] });
    expect(reasonOf(await candidate('BE0403170701', (await started.factory.login(exporterAdmin)).accessToken))).toBe('NOT_A_CERTIFICATION_BODY');
  });
});
