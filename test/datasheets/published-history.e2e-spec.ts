import { Role } from '@chancery/access';
import { CertificateHolder, CertificationBody, DatasheetsFactory, expectData, KERBSTONE_CHARACTERISTICS, useTestApp } from '@chancery/testing';

const HISTORY_FIELDS = 'versionId datasheetId versionNumber productName productFamily certificateReference scheme productionUnit holderName characteristics texts { language title description } publishedAt supersededAt withdrawnAt withdrawalReason';

/**
 * "Published datasheets are versioned: a new version supersedes the old one; history stays readable"
 * (SPEC §3). A site engineer checks the datasheet that applied when a delivery note was printed: the
 * public reads the superseded versions with the dates each was in force, by public id or short code,
 * through GraphQL and the plain GET form, without any contact (a former contact's details do not stay
 * public). A withdrawn datasheet's history stays readable too (review 2 finding 6): the contractor who
 * built with the product last month needs what was certified then.
 */
describe('Datasheets: the public history of a published datasheet', () => {
  const started = useTestApp({ env: { EXPOSE_STATEMENT_COUNT: 'true' } });
  let sheets: DatasheetsFactory;
  let body: CertificationBody;
  let holder: CertificateHolder;
  let sheet: { datasheetId: string; versionId: string; publicCode: string };
  let colleague: { email: string; token: string };

  const history = (code: string) =>
    started.app.graphql<{ publishedDatasheetHistory: Array<Record<string, unknown>> }>(`query($code: String!) { publishedDatasheetHistory(code: $code) { ${HISTORY_FIELDS} } }`, { code });
  const historyById = (id: string) =>
    started.app.graphql<{ publishedDatasheetHistory: Array<Record<string, unknown>> }>(`query($id: ID!) { publishedDatasheetHistory(id: $id) { ${HISTORY_FIELDS} } }`, { id });

  /** A new version with the compressive strength given, completed by the colleague and published. */
  async function publishVersion(strength: string): Promise<string> {
    const { app } = started;
    const version = expectData(await app.graphql<{ startDatasheetVersion: { id: string } }>('mutation($d: ID!) { startDatasheetVersion(datasheetId: $d) { id } }', { d: sheet.datasheetId }, { token: colleague.token })).startDatasheetVersion;
    expectData(await app.graphql('mutation($i: UpdateDatasheetDraftInput!) { updateDatasheetDraft(input: $i) { id } }', {
      i: { versionId: version.id, characteristics: JSON.stringify({ ...KERBSTONE_CHARACTERISTICS, compressiveStrength: strength }) },
    }, { token: colleague.token }));
    await sheets.publish(body, colleague.token, version.id);
    return version.id;
  }

  beforeAll(async () => {
    sheets = new DatasheetsFactory(started.app, started.factory);
    body = await sheets.certificationBody();
    holder = await sheets.holder(body, 'Betonwerk Schelde NV');
    sheet = await sheets.published(body, holder);
    const member = await sheets.orgUser(body, holder.organisation, Role.ORG_MEMBER);
    colleague = { email: member.user.email, token: member.token };
  });

  it('a published datasheet with one version has no history yet', async () => {
    expect(expectData(await history(sheet.publicCode)).publishedDatasheetHistory).toEqual([]);
  });

  it('each version a newer one supersedes joins the history, newest first, as it was published and with when it was in force, never a contact', async () => {
    const { app } = started;
    const first = expectData(await app.graphql<{ publishedDatasheet: Record<string, unknown> }>(`query($id: ID) { publishedDatasheet(id: $id) { versionId publishedAt productName certificateReference holderName } }`, { id: sheet.datasheetId })).publishedDatasheet;
    app.clock.advance(2 * 60_000);
    const second = await publishVersion('C35/45');
    app.clock.advance(2 * 60_000);
    await publishVersion('C30/37');

    const byCode = expectData(await history(sheet.publicCode.toLowerCase())).publishedDatasheetHistory;
    expect(byCode.map((v) => [v.versionNumber, JSON.parse(v.characteristics as string).compressiveStrength])).toEqual([[2, 'C35/45'], [1, 'C30/37']]);
    expect(byCode[1]).toMatchObject({ versionId: sheet.versionId, datasheetId: sheet.datasheetId, publishedAt: first.publishedAt, productName: first.productName, certificateReference: first.certificateReference, holderName: 'Betonwerk Schelde NV', texts: expect.arrayContaining([expect.objectContaining({ language: 'nl' })]) });
    // In force from its publication until the next one's.
    expect(byCode[0]).toMatchObject({ versionId: second, publishedAt: byCode[1]!.supersededAt });
    expect(new Date(byCode[0]!.supersededAt as string).getTime() - new Date(byCode[0]!.publishedAt as string).getTime()).toBe(2 * 60_000);

    // No contact, of either person who completed a version, in any form of the answer.
    const get = await app.http().get(`/public/datasheets/${sheet.publicCode}/versions`);
    expect(get.status).toBe(200);
    expect(get.body).toEqual(byCode.map((v) => expect.objectContaining({ versionId: v.versionId, versionNumber: v.versionNumber })));
    // Through the output gate like the GraphQL answer: the declared fields, nothing internal (the tenant's id).
    expect(Object.keys(get.body[0]).sort()).toEqual(Object.keys(byCode[0]!).sort());
    // The same answer by the public id, in either form.
    expect((await app.http().get(`/public/datasheets/${sheet.datasheetId}/versions`)).body).toEqual(get.body);
    expect(expectData(await historyById(sheet.datasheetId)).publishedDatasheetHistory).toEqual(byCode);
    // One snapshot: whether the datasheet is published and its versions are read by one statement of
    // one read-only unit (BEGIN, the public scope, the SELECT, COMMIT), never two units a publication
    // or an unpublication could fall between.
    expect(get.headers['x-sql-statements']).toBe('4');
    for (const text of [JSON.stringify(byCode), get.text]) {
      for (const secret of [holder.admin.email, colleague.email, 'contact']) expect(text).not.toContain(secret);
    }
    // Cacheable: the answer's ETag holds until another version joins.
    expect(get.headers['cache-control']).toBe('public, no-cache');
    const notModified = await app.http().get(`/public/datasheets/${sheet.datasheetId}/versions`).set('if-none-match', get.headers.etag as string);
    expect(notModified.status).toBe(304);
  });

  it("a withdrawn datasheet's history stays readable: its last version marked withdrawn, when and why, never a contact, not even once they objected", async () => {
    const { app } = started;
    const superseded = expectData(await history(sheet.publicCode)).publishedDatasheetHistory;
    const last = expectData(await app.graphql<{ publishedDatasheet: Record<string, unknown> }>(`query($id: ID) { publishedDatasheet(id: $id) { versionId versionNumber publishedAt contactName contactEmail } }`, { id: sheet.datasheetId })).publishedDatasheet;
    // The colleague who completed the last version is its public contact: the detector below looks for them.
    expect(last.contactEmail).toBe(colleague.email);
    const cached = (await app.http().get(`/public/datasheets/${sheet.publicCode}/versions`)).headers.etag as string;
    app.clock.advance(60_000);
    expectData(await app.graphql('mutation($d: ID!) { unpublishDatasheet(datasheetId: $d) { id } }', { d: sheet.datasheetId }, { token: body.clerkToken }));
    const withdrawnAt = app.clock.now().toISOString();

    const byCode = expectData(await history(sheet.publicCode)).publishedDatasheetHistory;
    expect(byCode.map((v) => [v.versionNumber, JSON.parse(v.characteristics as string).compressiveStrength])).toEqual([[3, 'C30/37'], [2, 'C35/45'], [1, 'C30/37']]);
    // In force from its publication until the withdrawal, and why; the versions before it as they were.
    expect(byCode[0]).toMatchObject({ versionId: last.versionId, publishedAt: last.publishedAt, supersededAt: null, withdrawnAt, withdrawalReason: 'DATASHEET_WITHDRAWN', holderName: 'Betonwerk Schelde NV' });
    expect(byCode.slice(1)).toEqual(superseded);
    // The same answer by id and in the GET form, one statement, cacheable; a copy cached before the withdrawal is not confirmed.
    expect(expectData(await historyById(sheet.datasheetId)).publishedDatasheetHistory).toEqual(byCode);
    const get = await app.http().get(`/public/datasheets/${sheet.datasheetId}/versions`);
    expect([get.status, get.body]).toEqual([200, byCode]);
    expect(get.headers['x-sql-statements']).toBe('4');
    expect(get.headers['cache-control']).toBe('public, no-cache');
    expect((await app.http().get(`/public/datasheets/${sheet.datasheetId}/versions`).set('if-none-match', cached)).status).toBe(200);
    expect((await app.http().get(`/public/datasheets/${sheet.datasheetId}/versions`).set('if-none-match', get.headers.etag as string)).status).toBe(304);

    // The contact objects to the disclosure afterwards: in no form of the history, before or after.
    const answers = async () => [JSON.stringify(expectData(await history(sheet.publicCode))), (await app.http().get(`/public/datasheets/${sheet.publicCode}/versions`)).text];
    const texts = await answers();
    expectData(await app.graphql('mutation { objectToContactDisclosure { datasheetsAffected } }', {}, { token: colleague.token }));
    texts.push(...(await answers()));
    for (const text of texts) {
      for (const secret of [colleague.email, last.contactName as string, holder.admin.email, 'contact']) expect(text).not.toContain(secret);
    }

    // Nothing published under a key: NOT_FOUND, as before. Exactly one key: neither or both is refused naming the field.
    for (const code of ['ZZZZZZZZ', 'not a code']) expect((await history(code)).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'DATASHEET_NOT_FOUND' });
    expect((await historyById('00000000-0000-4000-8000-000000000000')).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await app.http().get('/public/datasheets/ZZZZZZZZ/versions')).status).toBe(404);
    const neither = await started.app.graphql('query { publishedDatasheetHistory { versionId } }');
    expect(neither.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const both = await started.app.graphql('query($id: ID, $code: String) { publishedDatasheetHistory(id: $id, code: $code) { versionId } }', { id: sheet.datasheetId, code: sheet.publicCode });
    expect(both.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

/**
 * Malformed keys of the public GET form and cursors of the search are refused as such, never a 500: a
 * key of 36 dashes passed for a public id, and a cursor crafted around one, reached PostgreSQL's uuid
 * cast and answered INTERNAL_SERVER_ERROR.
 */
describe('Datasheets: malformed public keys and cursors', () => {
  const started = useTestApp();

  it('a 36-character key that is no uuid is an unknown datasheet; a crafted cursor is refused naming `after`', async () => {
    const { app } = started;
    for (const path of [`/public/datasheets/${'-'.repeat(36)}`, `/public/datasheets/${'-'.repeat(36)}/versions`, `/public/datasheets/${'a'.repeat(36)}`]) {
      const answer = await app.http().get(path);
      expect({ path, status: answer.status, code: answer.body?.errors?.[0]?.extensions?.code }).toEqual({ path, status: 404, code: 'NOT_FOUND' });
    }
    const crafted = Buffer.from(`2026-01-01T00:00:00.000Z|${'-'.repeat(36)}`).toString('base64url');
    const viaGet = await app.http().get(`/public/datasheets?after=${crafted}`);
    expect({ status: viaGet.status, field: viaGet.body?.errors?.[0]?.extensions?.fields?.[0]?.field }).toEqual({ status: 400, field: 'after' });
    const viaGraphql = await app.graphql('query($a: String) { searchPublishedDatasheets(after: $a) { nextCursor } }', { a: crafted });
    expect(viaGraphql.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
