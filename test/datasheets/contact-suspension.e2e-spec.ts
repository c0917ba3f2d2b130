import { Role } from '@chancery/access';
import { CertificateHolder, CertificationBody, DatasheetsFactory, expectData, TestTenant, TestUser, useTestApp } from '@chancery/testing';

/**
 * A restriction of processing (Art. 18) suspends a person as a contact instead of releasing them
 * (review F12: a restriction started the replacement deadline, and lifting it restored nothing). The
 * main path (suspended at once, nowhere public, no deadline, shown again when lifted) is in
 * test/privacy/restriction.e2e-spec.ts; here what may happen while the person is restricted: the
 * company names someone else, the person loses their role, and a project certificate's party.
 */
jest.setTimeout(120_000);

const CONTACT = 'contactUserId contactSuspended contactReplacementRequired contactReplacementDeadline';
const PARTIES = 'parties { role contactKind contactUserId contactEmail contactReplacementRequired }';

describe('datasheet contacts under a restriction of processing', () => {
  const started = useTestApp();
  const app = () => started.app;
  let sheets: DatasheetsFactory;
  let body: CertificationBody;

  beforeAll(async () => {
    sheets = new DatasheetsFactory(app(), started.factory);
    body = await sheets.certificationBody();
  });

  async function restrict(user: TestUser, tenant: TestTenant): Promise<string> {
    const { factory } = started;
    const request = expectData(
      await app().graphql<{ requestMyDataSubjectRight: { id: string } }>('mutation { requestMyDataSubjectRight(input: { type: RESTRICTION }) { id } }', {}, { token: (await factory.login(user)).accessToken }),
    ).requestMyDataSubjectRight;
    expectData(await app().graphql('mutation($id: ID!) { restrictForDataSubjectRequest(requestId: $id) { status } }', { id: request.id }, { token: await officerToken(tenant) }));
    return request.id;
  }

  async function lift(requestId: string, tenant: TestTenant): Promise<void> {
    expectData(await app().graphql('mutation($id: ID!) { liftProcessingRestriction(requestId: $id) { id } }', { id: requestId }, { token: await officerToken(tenant) }));
  }

  async function officerToken(tenant: TestTenant): Promise<string> {
    return (await started.factory.login(await started.factory.user({ tenant, roles: [Role.PRIVACY_OFFICER] }))).accessToken;
  }

  async function contactOf(holder: CertificateHolder, datasheetId: string): Promise<Record<string, unknown>> {
    const list = expectData(await app().graphql<{ datasheets: Array<Record<string, unknown>> }>(`{ datasheets(first: 200) { id ${CONTACT} } }`, {}, { token: holder.adminToken })).datasheets;
    const { id, ...contact } = list.find((d) => d.id === datasheetId)!;
    return contact;
  }

  async function publicContact(datasheetId: string): Promise<{ contactKind: string; contactEmail: string | null }> {
    return expectData(await app().graphql<{ publishedDatasheet: { contactKind: string; contactEmail: string | null } }>(
      'query($id: ID) { publishedDatasheet(id: $id) { contactKind contactEmail } }', { id: datasheetId },
    )).publishedDatasheet;
  }

  const objectionCalls = async (tenantId: string) =>
    Number((await app().asOwner((db) => db.query(`SELECT count(*) AS n FROM outbox_message WHERE template = 'datasheets.contact-objection' AND tenant_id = $1`, [tenantId]))).rows[0].n);

  /** A company whose member (not its administrator) completed and is the contact of a published datasheet. */
  async function companyWithContact(name: string) {
    const holder = await sheets.holder(body, `${name} ${Date.now()}`);
    const member = await sheets.orgUser(body, holder.organisation, Role.ORG_ADMIN);
    const sheet = await sheets.published(body, { ...holder, admin: member.user, adminToken: member.token });
    expect(await contactOf(holder, sheet.datasheetId)).toMatchObject({ contactUserId: member.user.id, contactSuspended: false });
    return { holder, member, sheet };
  }

  it('a contact the company named while the person was restricted stays when the restriction is lifted', async () => {
    const { holder, member, sheet } = await companyWithContact('Naamloos Beton');
    const request = await restrict(member.user, body.tenant);
    expect(await contactOf(holder, sheet.datasheetId)).toEqual({ contactUserId: null, contactSuspended: true, contactReplacementRequired: false, contactReplacementDeadline: null });
    expect(await publicContact(sheet.datasheetId)).toMatchObject({ contactKind: 'COMPANY' });
    expect((await publicContact(sheet.datasheetId)).contactEmail).not.toBe(member.user.email);

    // The company does not wait: its administrator names themself.
    expectData(await app().graphql('mutation($d: ID!, $u: ID!) { nameDatasheetContact(datasheetId: $d, userId: $u) { id } }', { d: sheet.datasheetId, u: holder.admin.id }, { token: holder.adminToken }));
    expect(await contactOf(holder, sheet.datasheetId)).toMatchObject({ contactUserId: holder.admin.id, contactSuspended: false });

    await lift(request, body.tenant);
    expect(await contactOf(holder, sheet.datasheetId)).toMatchObject({ contactUserId: holder.admin.id, contactSuspended: false });
    expect(await publicContact(sheet.datasheetId)).toEqual({ contactKind: 'PERSON', contactEmail: holder.admin.email });
  });

  it('a person who loses their role while restricted is released as on an objection (deadline, the company told), and lifting restores nothing', async () => {
    const { holder, member, sheet } = await companyWithContact('Rolloos Beton');
    const request = await restrict(member.user, body.tenant);
    const callsBefore = await objectionCalls(body.tenant.id);
    expect(await contactOf(holder, sheet.datasheetId)).toMatchObject({ contactSuspended: true, contactReplacementDeadline: null });

    // Their only organisation role is withdrawn: they can no longer be a contact, restricted or not.
    expectData(await app().graphql('mutation($input: ChangeUserRolesInput!) { changeUserRoles(input: $input) { id } }', { input: { userId: member.user.id, withdraw: [Role.ORG_ADMIN], grant: [Role.ORG_MEMBER] } }, { token: holder.adminToken }));
    expectData(await app().graphql('mutation($input: ChangeUserRolesInput!) { changeUserRoles(input: $input) { id } }', { input: { userId: member.user.id, withdraw: [Role.ORG_MEMBER] } }, { token: holder.adminToken }));
    const released = await contactOf(holder, sheet.datasheetId);
    expect(released).toMatchObject({ contactUserId: null, contactSuspended: false, contactReplacementRequired: true, contactReplacementDeadline: expect.any(String) });
    expect(await objectionCalls(body.tenant.id)).toBe(callsBefore + 1);

    await lift(request, body.tenant);
    expect(await contactOf(holder, sheet.datasheetId)).toEqual(released);
    expect((await publicContact(sheet.datasheetId)).contactKind).toBe('COMPANY');
  });

  it('a project certificate’s party shows its company while its contact is restricted, and the person again when lifted', async () => {
    const client = await sheets.holder(body, `Wegen ${Date.now()}`);
    const contractor = await sheets.holder(body, `Asfalt ${Date.now()}`);
    const storage = await sheets.holder(body, `Opslag ${Date.now()}`);
    const parties = [
      { role: 'CLIENT', organisationId: client.organisation.id },
      { role: 'CONTRACTOR', organisationId: contractor.organisation.id },
      { role: 'INTERMEDIATE_STORAGE', organisationId: storage.organisation.id },
    ];
    const input = { reference: 'N49 lot 4', site: 'N49, km 14', material: 'asphalt', quantityTonnes: 12.5, parties };
    const project = expectData(await app().graphql<{ createProjectCertificate: { id: string } }>(
      'mutation($input: CreateProjectCertificateInput!) { createProjectCertificate(input: $input) { id } }', { input }, { token: client.adminToken },
    )).createProjectCertificate;
    const clientParty = async () => {
      const read = expectData(await app().graphql<{ projectCertificate: { parties: Array<Record<string, unknown>> } }>(
        `query($id: ID!) { projectCertificate(projectId: $id) { ${PARTIES} } }`, { id: project.id }, { token: contractor.adminToken },
      )).projectCertificate;
      return read.parties.find((p) => p.role === 'CLIENT')!;
    };
    expect(await clientParty()).toMatchObject({ contactKind: 'PERSON', contactUserId: client.admin.id, contactReplacementRequired: false });

    const request = await restrict(client.admin, body.tenant);
    expect(await clientParty()).toMatchObject({ contactKind: 'COMPANY', contactUserId: null, contactReplacementRequired: true });
    await lift(request, body.tenant);
    expect(await clientParty()).toMatchObject({ contactKind: 'PERSON', contactUserId: client.admin.id, contactEmail: client.admin.email, contactReplacementRequired: false });
  });
});
