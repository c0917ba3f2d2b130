import { randomUUID } from 'node:crypto';
import { Role } from '@chancery/access';
import { CertificateHolder, CertificationBody, DatasheetsFactory, expectData, KERBSTONE_CHARACTERISTICS, TEXTS, useTestApp } from '@chancery/testing';

/**
 * SPEC §3, issue #17 "What it must show": a certified product, its datasheet completed by the
 * company, submitted, approved and published by the certification body's staff, then read by anyone
 * (no login) by public id, by short code and by search; a new version supersedes it, and every version
 * stays readable with its dates.
 */
const PUBLIC_FIELDS =
  'id tenantId versionId versionNumber publicCode productName productFamily certificateReference scheme productionUnit holderName characteristics texts { language title description } contactKind contactName contactEmail contactPhone contactPosition contactReplacementRequired publishedAt attachments { id title language fileName mediaType sizeBytes sha256 }';
const codeOf = (r: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => r.errors?.[0]?.extensions?.code;
const reasonOf = (r: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => r.errors?.[0]?.extensions?.reason;

describe('datasheets: from product to published, and a new version supersedes it', () => {
  const started = useTestApp();
  let sheets: DatasheetsFactory;
  let body: CertificationBody;
  let holder: CertificateHolder;

  beforeAll(async () => {
    sheets = new DatasheetsFactory(started.app, started.factory);
    body = await sheets.certificationBody();
    holder = await sheets.holder(body, 'Betonfabriek Gent NV');
  });

  it('product → draft → submit → approve → publish → anonymous read by id, code and search → new version → old one superseded', async () => {
    const { app } = started;
    const product = expectData(
      await app.graphql<{ createCertifiedProduct: Record<string, unknown> }>(
        'mutation($input: CreateCertifiedProductInput!) { createCertifiedProduct(input: $input) { id organisationId name productFamily certificateReference scheme status productionUnit } }',
        { input: { organisationId: holder.organisation.id, name: 'Boordsteen KB 100', productFamily: 'kerbstones', certificateReference: 'BENOR-KB-0042', scheme: 'BENOR', productionUnit: 'Plant Gent' } },
        { token: body.clerkToken },
      ),
    ).createCertifiedProduct;
    expect(product).toEqual({ id: expect.any(String), organisationId: holder.organisation.id, name: 'Boordsteen KB 100', productFamily: 'kerbstones', certificateReference: 'BENOR-KB-0042', scheme: 'BENOR', status: 'ACTIVE', productionUnit: 'Plant Gent' });

    // The company completes the draft; an invalid one is refused at submission with the schema's problems.
    const draft = await sheets.draft(holder.adminToken, product.id as string, { compressiveStrength: 'C99', dimensions: { lengthMm: 10 } });
    expect(draft).toMatchObject({ number: 1, state: 'DRAFT' });
    const invalid = await app.graphql('mutation($v: ID!) { submitDatasheetVersion(versionId: $v) { id } }', { v: draft.id }, { token: holder.adminToken });
    expect(codeOf(invalid)).toBe('BAD_USER_INPUT');
    expect(invalid.errors?.[0]?.extensions?.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'characteristics/compressiveStrength', constraint: 'enum' }),
        expect.objectContaining({ field: 'characteristics/dimensions/lengthMm', constraint: 'minimum' }),
      ]),
    );
    // Staff cannot publish what was not approved.
    const early = await app.graphql('mutation($v: ID!) { publishDatasheetVersion(versionId: $v) { id } }', { v: draft.id }, { token: body.clerkToken });
    expect({ code: codeOf(early), reason: reasonOf(early), details: early.errors?.[0]?.extensions?.details }).toEqual({ code: 'CONFLICT', reason: 'DATASHEET_TRANSITION_INVALID', details: { from: 'DRAFT', to: 'PUBLISHED' } });
    expectData(await app.graphql('mutation($i: UpdateDatasheetDraftInput!) { updateDatasheetDraft(input: $i) { id } }', { i: { versionId: draft.id, characteristics: JSON.stringify(KERBSTONE_CHARACTERISTICS) } }, { token: holder.adminToken }));
    const v1 = await sheets.publish(body, holder.adminToken, draft.id);
    expect(v1).toMatchObject({ id: draft.id, number: 1, state: 'PUBLISHED', completedBy: holder.admin.id, publishedAt: expect.any(String) });

    // Anyone, no login: by public id, by short code (as typed from a delivery note), by search.
    const { datasheets } = expectData(await app.graphql<{ datasheets: Array<{ id: string; publicCode: string; contactUserId: string }> }>('{ datasheets { id publicCode contactUserId } }', {}, { token: holder.adminToken }));
    const sheet = datasheets.find((d) => d.id === draft.datasheetId)!;
    expect(sheet.publicCode).toMatch(/^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}$/);
    expect(sheet.contactUserId).toBe(holder.admin.id);
    const expectedPublic = {
      id: draft.datasheetId, tenantId: body.tenant.id, versionId: draft.id, versionNumber: 1, publicCode: sheet.publicCode, productName: 'Boordsteen KB 100',
      productFamily: 'kerbstones', certificateReference: 'BENOR-KB-0042', scheme: 'BENOR', productionUnit: 'Plant Gent', holderName: 'Betonfabriek Gent NV',
      characteristics: expect.any(String), texts: TEXTS, contactKind: 'PERSON', contactName: expect.stringMatching(/^First\d+ Last\d+$/), contactEmail: holder.admin.email,
      contactPhone: '+32470000000', contactPosition: 'Export manager', contactReplacementRequired: false, publishedAt: v1.publishedAt, attachments: [],
    };
    const byId = expectData(await app.graphql<{ publishedDatasheet: Record<string, unknown> }>(`query($id: ID) { publishedDatasheet(id: $id) { ${PUBLIC_FIELDS} } }`, { id: draft.datasheetId })).publishedDatasheet;
    expect(byId).toEqual(expectedPublic);
    expect(JSON.parse(byId.characteristics as string)).toEqual(KERBSTONE_CHARACTERISTICS);
    const typed = `${sheet.publicCode.slice(0, 4).toLowerCase()}-${sheet.publicCode.slice(4)}`;
    const byCode = expectData(await app.graphql<{ publishedDatasheet: Record<string, unknown> }>(`query($c: String) { publishedDatasheet(code: $c) { ${PUBLIC_FIELDS} } }`, { c: typed })).publishedDatasheet;
    expect(byCode).toEqual(byId);
    const search = expectData(
      await app.graphql<{ searchPublishedDatasheets: { items: Array<Record<string, unknown>>; nextCursor: string | null } }>(
        `query($t: String, $q: String) { searchPublishedDatasheets(tenant: $t, productName: $q) { items { ${PUBLIC_FIELDS} } nextCursor } }`,
        { t: body.tenant.slug, q: 'boordsteen kb' },
      ),
    ).searchPublishedDatasheets;
    expect(search).toEqual({ items: [byId], nextCursor: null });
    // The plain GET form answers the same, with an ETag and a revalidating Cache-Control; an unchanged answer is a 304.
    const get = await app.http().get(`/public/datasheets/${sheet.publicCode}`);
    expect(get.status).toBe(200);
    expect(get.body).toEqual(byId);
    expect(get.headers['cache-control']).toBe('public, no-cache');
    const notModified = await app.http().get(`/public/datasheets/${sheet.publicCode}`).set('if-none-match', get.headers.etag as string);
    expect(notModified.status).toBe(304);
    const listed = await app.http().get(`/public/datasheets?tenant=${body.tenant.slug}&productName=boordsteen`);
    expect(listed.body).toEqual({ items: [byId], nextCursor: null });

    // A new version, completed by a colleague, supersedes the published one when it is published.
    const { user: colleague, token: colleagueToken } = await sheets.orgUser(body, holder.organisation, Role.ORG_MEMBER);
    const v2 = expectData(await app.graphql<{ startDatasheetVersion: { id: string; number: number; state: string; characteristics: string } }>('mutation($d: ID!) { startDatasheetVersion(datasheetId: $d) { id number state characteristics } }', { d: draft.datasheetId }, { token: colleagueToken })).startDatasheetVersion;
    expect(v2).toMatchObject({ number: 2, state: 'DRAFT' });
    expect(JSON.parse(v2.characteristics)).toEqual(KERBSTONE_CHARACTERISTICS);
    // Until then the public still reads version 1.
    expect(expectData(await app.graphql<{ publishedDatasheet: { versionNumber: number } }>('query($id: ID) { publishedDatasheet(id: $id) { versionNumber } }', { id: draft.datasheetId })).publishedDatasheet.versionNumber).toBe(1);
    expectData(await app.graphql('mutation($i: UpdateDatasheetDraftInput!) { updateDatasheetDraft(input: $i) { id } }', { i: { versionId: v2.id, characteristics: JSON.stringify({ ...KERBSTONE_CHARACTERISTICS, compressiveStrength: 'C35/45' }) } }, { token: colleagueToken }));
    await sheets.publish(body, colleagueToken, v2.id);

    const versions = expectData(await app.graphql<{ datasheetVersions: Array<Record<string, unknown>> }>('query($d: ID!) { datasheetVersions(datasheetId: $d) { id number state publishedAt supersededAt completedBy } }', { d: draft.datasheetId }, { token: body.clerkToken })).datasheetVersions;
    expect(versions).toEqual([
      { id: draft.id, number: 1, state: 'SUPERSEDED', publishedAt: v1.publishedAt, supersededAt: expect.any(String), completedBy: holder.admin.id },
      { id: v2.id, number: 2, state: 'PUBLISHED', publishedAt: expect.any(String), supersededAt: null, completedBy: colleague.id },
    ]);
    const now = expectData(await app.graphql<{ publishedDatasheet: Record<string, unknown> }>(`query($id: ID) { publishedDatasheet(id: $id) { ${PUBLIC_FIELDS} } }`, { id: draft.datasheetId })).publishedDatasheet;
    expect(now).toMatchObject({ versionId: v2.id, versionNumber: 2, contactEmail: colleague.email });
    expect(JSON.parse(now.characteristics as string).compressiveStrength).toBe('C35/45');
    // The cached copy is stale now: revalidation with the old ETag gets the new answer.
    const revalidated = await app.http().get(`/public/datasheets/${sheet.publicCode}`).set('if-none-match', get.headers.etag as string);
    expect(revalidated.status).toBe(200);
    expect(revalidated.body.versionNumber).toBe(2);
  });

  it('a published version is never edited: neither through the API nor in the database', async () => {
    const { app } = started;
    const { versionId } = await sheets.published(body, holder);
    const edit = await app.graphql('mutation($i: UpdateDatasheetDraftInput!) { updateDatasheetDraft(input: $i) { id } }', { i: { versionId, characteristics: '{}' } }, { token: holder.adminToken });
    expect({ code: codeOf(edit), reason: reasonOf(edit) }).toEqual({ code: 'CONFLICT', reason: 'DATASHEET_TRANSITION_INVALID' });
    await expect(app.asOwner((db) => db.query(`UPDATE datasheet_version SET characteristics = '{}' WHERE id = $1`, [versionId]))).rejects.toThrow(/never edited/);
  });

  it('the public scope reaches published datasheets only: drafts, reviews and versions are out of reach of any public read', async () => {
    const { app } = started;
    const product = await sheets.product(body, holder);
    const draft = await sheets.draft(holder.adminToken, product.id);
    const anonymous = await app.graphql<{ publishedDatasheet: unknown }>('query($id: ID) { publishedDatasheet(id: $id) { id } }', { id: draft.datasheetId });
    expect({ code: codeOf(anonymous), data: anonymous.data }).toEqual({ code: 'NOT_FOUND', data: null });
    expect((await app.http().get(`/public/datasheets/${draft.datasheetId}`)).status).toBe(404);
    // The database itself, in the public scope the public API reads in: 0 rows of every other table of the context.
    const counts = await app.asOwner(async (db) => {
      await db.query('BEGIN');
      await db.query(`SET LOCAL ROLE chancery_app`);
      await db.query(`SELECT set_config('app.scope', 'public', true)`);
      const out: Record<string, number> = {};
      for (const table of ['certified_product', 'datasheet', 'datasheet_version', 'contact_disclosure_acknowledgement', 'datasheet_change', 'datasheet_settings', 'datasheet_attachment']) {
        out[table] = Number((await db.query(`SELECT count(*) FROM ${table}`)).rows[0].count);
      }
      out.published_datasheet = Number((await db.query(`SELECT count(*) FROM published_datasheet`)).rows[0].count);
      // Schemas only of the families a published datasheet is of (published-family-schema.e2e-spec.ts).
      out.unpublished_family_schemas = Number((await db.query(`SELECT count(*) FROM product_family_schema s WHERE NOT EXISTS (SELECT 1 FROM published_datasheet p WHERE p.tenant_id = s.tenant_id AND p.product_family = s.family)`)).rows[0].count);
      await db.query('ROLLBACK');
      return out;
    });
    expect(counts).toEqual({
      certified_product: 0, datasheet: 0, datasheet_version: 0, contact_disclosure_acknowledgement: 0, datasheet_change: 0, datasheet_settings: 0, datasheet_attachment: 0,
      published_datasheet: expect.any(Number), unpublished_family_schemas: 0,
    });
    expect(counts.published_datasheet).toBeGreaterThan(0);
  });

  it('search pages are capped, ordered stably and continue with the cursor', async () => {
    const { app } = started;
    const tooLarge = await app.graphql('{ searchPublishedDatasheets(first: 101) { nextCursor } }');
    expect({ code: codeOf(tooLarge), reason: reasonOf(tooLarge) }).toEqual({ code: 'BAD_USER_INPUT', reason: 'DATASHEET_PAGE_TOO_LARGE' });
    const bad = await app.graphql('{ searchPublishedDatasheets(after: "bm90IGEgY3Vyc29y") { nextCursor } }');
    expect(reasonOf(bad)).toBe('DATASHEET_CURSOR_INVALID');
    // A forged cursor whose time JavaScript reads and PostgreSQL cannot store was an internal error, anonymously.
    for (const at of ['-271821-04-20T00:00:00.000Z', '+275760-09-13T00:00:00.000Z', '2026-02-30T00:00:00.000Z']) {
      const forged = Buffer.from(`${at}|${randomUUID()}`).toString('base64url');
      const answer = await app.graphql('query($a: String) { searchPublishedDatasheets(after: $a) { nextCursor } }', { a: forged });
      expect({ at, code: codeOf(answer), reason: reasonOf(answer) }).toEqual({ at, code: 'BAD_USER_INPUT', reason: 'DATASHEET_CURSOR_INVALID' });
      const get = await app.http().get(`/public/datasheets?after=${forged}`);
      expect({ at, status: get.status, reason: get.body.errors?.[0]?.extensions?.reason }).toEqual({ at, status: 400, reason: 'DATASHEET_CURSOR_INVALID' });
    }
    // Found from outside on 4 December 2026: a parameter given twice was refused with the slug's regular
    // expression as the reason (or, for the page size, "must be an integer number").
    for (const query of [`tenant=${body.tenant.slug}&tenant=other-body`, 'first=1&first=2']) {
      const twice = await app.http().get(`/public/datasheets?${query}`);
      const field = query.split('=')[0];
      expect({ status: twice.status, code: twice.body.errors?.[0]?.extensions?.code, fields: twice.body.errors?.[0]?.extensions?.fields }).toEqual({
        status: 400,
        code: 'BAD_USER_INPUT',
        fields: [{ field, reason: 'is given more than once', constraint: 'once' }],
      });
    }
    const all: string[] = [];
    let after: string | null = null;
    do {
      const page: { items: Array<{ id: string }>; nextCursor: string | null } = expectData(
        await app.graphql<{ searchPublishedDatasheets: { items: Array<{ id: string }>; nextCursor: string | null } }>('query($t: String, $a: String) { searchPublishedDatasheets(tenant: $t, first: 1, after: $a) { items { id } nextCursor } }', { t: body.tenant.slug, a: after }),
      ).searchPublishedDatasheets;
      all.push(...page.items.map((i) => i.id));
      after = page.nextCursor;
    } while (after);
    const { rows } = await app.asOwner((db) => db.query(`SELECT datasheet_id FROM published_datasheet WHERE tenant_id = $1 ORDER BY published_at DESC, datasheet_id DESC`, [body.tenant.id]));
    expect(all).toEqual(rows.map((r: { datasheet_id: string }) => r.datasheet_id));
  });

  it('a version goes to review with its texts (a title) in at least one language (the public page and the feed had none to show)', async () => {
    const { app } = started;
    const product = await sheets.product(body, holder);
    const draft = expectData(await app.graphql<{ createDatasheet: { id: string } }>(
      'mutation($input: CreateDatasheetInput!) { createDatasheet(input: $input) { id } }',
      { input: { certifiedProductId: product.id, characteristics: JSON.stringify(KERBSTONE_CHARACTERISTICS), texts: [] } }, { token: holder.adminToken })).createDatasheet;
    const submit = () => app.graphql<{ submitDatasheetVersion: { state: string } }>('mutation($v: ID!) { submitDatasheetVersion(versionId: $v) { state } }', { v: draft.id }, { token: holder.adminToken });
    const refused = await submit();
    expect({ code: codeOf(refused), reason: reasonOf(refused) }).toEqual({ code: 'CONFLICT', reason: 'DATASHEET_TEXTS_MISSING' });
    expectData(await app.graphql('mutation($i: UpdateDatasheetDraftInput!) { updateDatasheetDraft(input: $i) { id } }', { i: { versionId: draft.id, texts: TEXTS.slice(0, 1) } }, { token: holder.adminToken }));
    expect(expectData(await submit()).submitDatasheetVersion.state).toBe('SUBMITTED');
  });

  it('a chamber of commerce has no certified products', async () => {
    const { app, factory } = started;
    const chamber = await factory.tenant();
    const clerk = await factory.user({ tenant: chamber, roles: [Role.CLERK] });
    const org = await factory.organisation(chamber);
    const token = (await factory.login(clerk)).accessToken;
    const refused = await app.graphql('mutation($input: CreateCertifiedProductInput!) { createCertifiedProduct(input: $input) { id } }', {
      input: { organisationId: org.id, name: 'X', productFamily: 'kerbstones', certificateReference: 'R-1', scheme: 'CE', productionUnit: 'U' },
    }, { token });
    expect({ code: codeOf(refused), reason: reasonOf(refused) }).toEqual({ code: 'FORBIDDEN', reason: 'NOT_A_CERTIFICATION_BODY' });
  });
});
