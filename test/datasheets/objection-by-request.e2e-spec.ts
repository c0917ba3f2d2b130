import { Role } from '@chancery/access';
import { CertificateHolder, CertificationBody, DatasheetsFactory, expectData, queuedEmails, useTestApp } from '@chancery/testing';

/**
 * Probe E, finding 3: an objection received as a data-subject request (the public form, or the
 * portal's) could only be closed by hand; the person stayed published. The privacy officer now
 * upholds it: the same effect as the person's own `objectToContactDisclosure` (off every public
 * output, the company's contact shown, flagged, the administrators told), and the request answered.
 */
const PUBLIC = 'contactKind contactName contactEmail contactPhone';

describe('an objection received as a data-subject request takes the person off the public datasheets', () => {
  const started = useTestApp();
  let sheets: DatasheetsFactory;
  let body: CertificationBody;
  let holder: CertificateHolder;

  beforeAll(async () => {
    sheets = new DatasheetsFactory(started.app, started.factory);
    body = await sheets.certificationBody();
    holder = await sheets.holder(body);
  });

  it('upheld by the privacy officer: the person leaves every public answer, and is told', async () => {
    const { app, factory } = started;
    await sheets.orgUser(body, holder.organisation, Role.ORG_ADMIN);
    const sheet = await sheets.published(body, holder);
    const read = async () => expectData(await app.graphql<{ publishedDatasheet: Record<string, unknown> }>(`query($c: String) { publishedDatasheet(code: $c) { ${PUBLIC} } }`, { c: sheet.publicCode })).publishedDatasheet;
    expect(await read()).toMatchObject({ contactKind: 'PERSON', contactEmail: holder.admin.email });

    const officer = (await factory.login(await factory.user({ tenant: body.tenant, roles: [Role.PRIVACY_OFFICER] }))).accessToken;
    const requestId = expectData(
      await app.graphql<{ requestMyDataSubjectRight: { id: string } }>('mutation { requestMyDataSubjectRight(input: { type: OBJECTION, details: "Do not publish my name and telephone" }) { id } }', {}, { token: holder.adminToken }),
    ).requestMyDataSubjectRight.id;
    const UPHOLD = 'mutation($i: UpholdDataSubjectObjectionInput!) { upholdDataSubjectObjection(input: $i) { id status } }';
    // Only for an objection, and only the privacy office.
    const access = expectData(await app.graphql<{ requestMyDataSubjectRight: { id: string } }>('mutation { requestMyDataSubjectRight(input: { type: ACCESS }) { id } }', {}, { token: holder.adminToken })).requestMyDataSubjectRight.id;
    expect((await app.graphql(UPHOLD, { i: { requestId: access, statement: "x" } }, { token: officer })).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'WRONG_REQUEST_TYPE' });
    expect((await app.graphql(UPHOLD, { i: { requestId, statement: "x" } }, { token: holder.adminToken })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const answered = expectData(await app.graphql<{ upholdDataSubjectObjection: { status: string } }>(UPHOLD, { i: { requestId, statement: 'Your objection is upheld: your details are no longer published.' } }, { token: officer })).upholdDataSubjectObjection;
    expect(answered.status).toBe('COMPLETED');
    const after = await read();
    expect(after).toMatchObject({ contactKind: 'COMPANY' });
    expect(JSON.stringify(after)).not.toContain(holder.admin.email);
    const told = await queuedEmails(app, { recipient: holder.admin.email });
    expect(told.some((m) => m.body.includes('Your objection is upheld'))).toBe(true);
  });
});
