import { createHash, randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { Role } from '@chancery/access';
import { CertificateHolder, CertificationBody, DatasheetsFactory, expectData, SAMPLE_PDF, useTestApp } from '@chancery/testing';

/** A small but real PNG and JPEG (the type check reads their signatures). */
const SAMPLE_PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR drawing of a kerbstone'), Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82])]);
const SAMPLE_EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0x90)]);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const ATTACHMENT_FIELDS = 'id versionId title language fileName mediaType sizeBytes sha256 uploadedBy createdAt';
const PUBLIC_ATTACHMENT_FIELDS = 'id title language fileName mediaType sizeBytes sha256';

interface Attachment { id: string; versionId: string; title: string; language: string | null; fileName: string; mediaType: string; sizeBytes: number; sha256: string; uploadedBy: string | null }

/**
 * Attachments of datasheet versions (#17 item 2) over HTTP: the company uploads documents (PDF,
 * images) to a draft with a title and a language and removes them while it is editable; its users
 * and the tenant's staff list and download them; once the version is published anyone downloads them
 * from the public API (ETag = SHA-256), and the published version's attachments are frozen. A new
 * version starts with them; once it supersedes the old one, the old version's attachments are no
 * longer public. Other companies and tenants get NOT_FOUND; bad files are refused with a reason and
 * leave nothing behind.
 */
describe('datasheet attachments: upload, list, download, publish, supersede', () => {
  const started = useTestApp();
  let sheets: DatasheetsFactory;
  let body: CertificationBody;
  let holder: CertificateHolder;
  let neighbour: CertificateHolder;
  let otherBody: CertificationBody;
  let member: string;

  const upload = (versionId: string, bytes: Buffer, headers: Record<string, string>, token?: string) => {
    const request = started.app.http().post(`/datasheet-versions/${versionId}/attachments`).set('content-type', headers['content-type'] ?? 'application/octet-stream');
    if (token ?? holder.adminToken) request.set('authorization', `Bearer ${token ?? holder.adminToken}`);
    for (const [name, value] of Object.entries(headers)) if (name !== 'content-type') request.set(name, value);
    return request.send(bytes);
  };
  const attach = async (versionId: string, bytes: Buffer, fileName: string, title: string, language?: string): Promise<Attachment[]> => {
    const response = await upload(versionId, bytes, { 'x-file-name': encodeURIComponent(fileName), 'x-attachment-title': encodeURIComponent(title), ...(language ? { 'x-attachment-language': language } : {}) });
    expect({ status: response.status, body: response.status === 201 ? 'ok' : response.body }).toEqual({ status: 201, body: 'ok' });
    return response.body.attachments as Attachment[];
  };
  const binary = (request: ReturnType<ReturnType<typeof started.app.http>['get']>): Promise<Response> =>
    request.buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
  const download = (versionId: string, attachmentId: string, token?: string) => {
    const request = started.app.http().get(`/datasheet-versions/${versionId}/attachments/${attachmentId}`);
    if (token) request.set('authorization', `Bearer ${token}`);
    return binary(request);
  };
  const publicDownload = (key: string, attachmentId: string, etag?: string) => {
    const request = started.app.http().get(`/public/datasheets/${key}/attachments/${attachmentId}`);
    if (etag) request.set('if-none-match', etag);
    return binary(request);
  };
  const errorOf = (response: Response) => {
    const parsed = (Buffer.isBuffer(response.body) ? JSON.parse(response.body.toString() || '{}') : response.body) as { errors?: Array<{ extensions?: Record<string, unknown> }> };
    const extensions = parsed.errors?.[0]?.extensions ?? {};
    return { status: response.status, code: extensions.code, reason: extensions.reason };
  };
  const versionsOf = async (datasheetId: string, token: string) =>
    expectData(await started.app.graphql<{ datasheetVersions: Array<{ id: string; state: string; attachments: Attachment[] }> }>(
      `query($d: ID!) { datasheetVersions(datasheetId: $d) { id state attachments { ${ATTACHMENT_FIELDS} } } }`, { d: datasheetId }, { token },
    )).datasheetVersions;
  const counts = () => started.app.asOwner(async (db) => (await db.query(
    `SELECT (SELECT count(*) FROM datasheet_attachment)::int AS attachments, (SELECT count(*) FROM stored_document)::int AS documents, (SELECT count(*) FROM document_content)::int AS contents`,
  )).rows[0] as { attachments: number; documents: number; contents: number });

  beforeAll(async () => {
    sheets = new DatasheetsFactory(started.app, started.factory);
    body = await sheets.certificationBody();
    holder = await sheets.holder(body, 'Betonfabriek Gent NV');
    neighbour = await sheets.holder(body, 'Buurbedrijf BV');
    otherBody = await sheets.certificationBody();
    member = (await sheets.orgUser(body, holder.organisation, Role.ORG_MEMBER)).token;
  });

  it('upload to a draft → list → download by the company and staff → publish → public download with ETag → frozen → new version copies → supersede → old not public', async () => {
    const { app } = started;
    const product = await sheets.product(body, holder);
    const draft = await sheets.draft(holder.adminToken, product.id);
    await attach(draft.id, SAMPLE_PDF, 'DoP kerbstone.pdf', 'Declaration of performance', 'en');
    const listed = await attach(draft.id, SAMPLE_PNG, 'C:\\Users\\ann\\Tekening „KB 100“.png', 'Tekening', undefined);
    const [dop, drawing] = listed;
    expect(listed).toEqual([
      { id: expect.any(String), versionId: draft.id, title: 'Declaration of performance', language: 'en', fileName: 'DoP kerbstone.pdf', mediaType: 'application/pdf', sizeBytes: SAMPLE_PDF.length, sha256: sha256(SAMPLE_PDF), uploadedBy: holder.admin.id, createdAt: expect.any(String) },
      // The path a Windows browser may send is cut to the file's own name.
      { id: expect.any(String), versionId: draft.id, title: 'Tekening', language: null, fileName: 'Tekening „KB 100“.png', mediaType: 'image/png', sizeBytes: SAMPLE_PNG.length, sha256: sha256(SAMPLE_PNG), uploadedBy: holder.admin.id, createdAt: expect.any(String) },
    ]);
    // The version's GraphQL type lists them, for the company and the tenant's staff alike.
    for (const token of [holder.adminToken, member, body.clerkToken]) {
      const [version] = await versionsOf(draft.datasheetId, token);
      expect(version!.attachments.map((a) => ({ ...a, createdAt: 'x' }))).toEqual(listed.map((a) => ({ ...a, createdAt: 'x' })));
    }
    // The company and the staff download the uploaded bytes, as an attachment of the type found in them.
    for (const token of [holder.adminToken, member, body.clerkToken, body.adminToken]) {
      const got = await download(draft.id, drawing!.id, token);
      expect(got.status).toBe(200);
      expect(Buffer.compare(got.body as Buffer, SAMPLE_PNG)).toBe(0);
      expect(got.headers['content-type']).toBe('image/png');
      expect(got.headers['content-disposition']).toBe(`attachment; filename="Tekening _KB 100_.png"; filename*=UTF-8''${encodeURIComponent('Tekening „KB 100“.png')}`);
      expect(got.headers['cache-control']).toBe('private, no-store');
      expect(got.headers['x-content-type-options']).toBe('nosniff');
    }
    // Not public while a draft.
    const { datasheets } = expectData(await app.graphql<{ datasheets: Array<{ id: string; publicCode: string }> }>('{ datasheets { id publicCode } }', {}, { token: holder.adminToken }));
    const code = datasheets.find((d) => d.id === draft.datasheetId)!.publicCode;
    expect(errorOf(await publicDownload(code, dop!.id))).toEqual({ status: 404, code: 'NOT_FOUND', reason: 'DATASHEET_ATTACHMENT_NOT_FOUND' });

    // Removed while editable: gone from the list, not downloadable, its file deleted (record and bytes: no
    // version names it); then added again.
    const storedCount = async (documentId: string) => app.asOwner(async (db) => ({
      record: Number((await db.query(`SELECT count(*) FROM stored_document WHERE id = $1`, [documentId])).rows[0].count),
      bytes: Number((await db.query(`SELECT count(*) FROM document_content WHERE document_id = $1`, [documentId])).rows[0].count),
    }));
    const drawingDocument = (await app.asOwner((db) => db.query(`SELECT document_id FROM datasheet_attachment WHERE id = $1`, [drawing!.id]))).rows[0].document_id as string;
    expect(await storedCount(drawingDocument)).toEqual({ record: 1, bytes: 1 });
    const removed = expectData(await app.graphql<{ removeDatasheetAttachment: { attachments: Attachment[] } }>(
      `mutation($a: ID!) { removeDatasheetAttachment(attachmentId: $a) { attachments { id } } }`, { a: drawing!.id }, { token: member },
    )).removeDatasheetAttachment;
    expect(removed.attachments).toEqual([{ id: dop!.id }]);
    expect(errorOf(await download(draft.id, drawing!.id, holder.adminToken))).toEqual({ status: 404, code: 'NOT_FOUND', reason: 'DATASHEET_ATTACHMENT_NOT_FOUND' });
    expect(await storedCount(drawingDocument)).toEqual({ record: 0, bytes: 0 });
    const [, again] = await attach(draft.id, SAMPLE_PNG, 'drawing.png', 'Drawing', 'nl');

    // Published: the public answer lists them (GraphQL and GET JSON) and anyone downloads them.
    await sheets.publish(body, holder.adminToken, draft.id);
    const expectedPublic = [
      { id: dop!.id, title: 'Declaration of performance', language: 'en', fileName: 'DoP kerbstone.pdf', mediaType: 'application/pdf', sizeBytes: SAMPLE_PDF.length, sha256: sha256(SAMPLE_PDF) },
      { id: again!.id, title: 'Drawing', language: 'nl', fileName: 'drawing.png', mediaType: 'image/png', sizeBytes: SAMPLE_PNG.length, sha256: sha256(SAMPLE_PNG) },
    ];
    const viaGraphQL = expectData(await app.graphql<{ publishedDatasheet: { attachments: unknown[] } }>(`query($c: String) { publishedDatasheet(code: $c) { attachments { ${PUBLIC_ATTACHMENT_FIELDS} } } }`, { c: code })).publishedDatasheet;
    expect(viaGraphQL.attachments).toEqual(expectedPublic);
    const viaGet = await app.http().get(`/public/datasheets/${code}`);
    expect(viaGet.body.attachments).toEqual(expectedPublic);
    const searched = await app.http().get(`/public/datasheets?tenant=${body.tenant.slug}`);
    expect(searched.body.items.find((i: { id: string }) => i.id === draft.datasheetId).attachments).toEqual(expectedPublic);
    const pub = await publicDownload(code, dop!.id);
    expect(pub.status).toBe(200);
    expect(Buffer.compare(pub.body as Buffer, SAMPLE_PDF)).toBe(0);
    expect(pub.headers['etag']).toBe(`"${sha256(SAMPLE_PDF)}"`);
    expect(pub.headers['cache-control']).toBe('public, no-cache');
    expect(pub.headers['content-type']).toBe('application/pdf');
    expect((await publicDownload(draft.datasheetId, dop!.id)).status).toBe(200);
    expect((await publicDownload(code.toLowerCase(), dop!.id)).status).toBe(200);
    const revalidated = await publicDownload(code, dop!.id, pub.headers['etag'] as string);
    expect(revalidated.status).toBe(304);
    expect((revalidated.body as Buffer).length).toBe(0);

    // Frozen with the published version: neither the API nor the application's database role changes them.
    expect(errorOf(await upload(draft.id, SAMPLE_PDF, { 'x-file-name': 'late.pdf', 'x-attachment-title': 'Late' }))).toEqual({ status: 409, code: 'CONFLICT', reason: 'DATASHEET_ATTACHMENTS_FROZEN' });
    const frozen = await app.graphql('mutation($a: ID!) { removeDatasheetAttachment(attachmentId: $a) { id } }', { a: dop!.id }, { token: holder.adminToken });
    expect({ code: frozen.errors?.[0]?.extensions?.code, reason: frozen.errors?.[0]?.extensions?.reason }).toEqual({ code: 'CONFLICT', reason: 'DATASHEET_ATTACHMENTS_FROZEN' });
    await expect(app.asOwner(async (db) => {
      await db.query('BEGIN');
      try {
        await db.query('SET LOCAL ROLE chancery_app');
        await db.query(`SELECT set_config('app.tenant_id', $1, true)`, [body.tenant.id]);
        await db.query(`DELETE FROM datasheet_attachment WHERE id = $1`, [dop!.id]);
      } finally {
        await db.query('ROLLBACK');
      }
    })).rejects.toThrow(/never changed/);
    await expect(app.asOwner((db) => db.query(`UPDATE datasheet_attachment SET title = 'Changed' WHERE id = $1`, [dop!.id]))).rejects.toThrow(/never changed/);

    // A new version starts with the same attachments (same documents, new rows); the public still reads version 1's.
    const v2 = expectData(await app.graphql<{ startDatasheetVersion: { id: string; attachments: Attachment[] } }>(
      `mutation($d: ID!) { startDatasheetVersion(datasheetId: $d) { id attachments { ${ATTACHMENT_FIELDS} } } }`, { d: draft.datasheetId }, { token: member },
    )).startDatasheetVersion;
    expect(v2.attachments.map(({ title, fileName, sha256: hash, versionId }) => ({ title, fileName, hash, versionId }))).toEqual([
      { title: 'Declaration of performance', fileName: 'DoP kerbstone.pdf', hash: sha256(SAMPLE_PDF), versionId: v2.id },
      { title: 'Drawing', fileName: 'drawing.png', hash: sha256(SAMPLE_PNG), versionId: v2.id },
    ]);
    const documentsOf = async (ids: string[]) => (await app.asOwner((db) => db.query(`SELECT document_id FROM datasheet_attachment WHERE id = ANY($1) ORDER BY created_at, id`, [ids]))).rows.map((r: { document_id: string }) => r.document_id);
    expect(await documentsOf(v2.attachments.map((a) => a.id))).toEqual(await documentsOf([dop!.id, again!.id]));
    const v2Drawing = v2.attachments[1]!;
    expectData(await app.graphql('mutation($a: ID!) { removeDatasheetAttachment(attachmentId: $a) { id } }', { a: v2.attachments[0]!.id }, { token: member }));
    // Version 1 (published) still names that file: it stays.
    expect(await storedCount((await documentsOf([dop!.id]))[0]!)).toEqual({ record: 1, bytes: 1 });
    const [, manual] = await attach(v2.id, SAMPLE_PDF, 'manual-fr.pdf', 'Mode d’emploi', 'fr');
    expect((await publicDownload(code, v2Drawing.id)).status).toBe(404);

    // Version 2 supersedes version 1: version 1's attachments are not public any more, version 2's are.
    await sheets.publish(body, member, v2.id);
    expect(errorOf(await publicDownload(code, dop!.id))).toEqual({ status: 404, code: 'NOT_FOUND', reason: 'DATASHEET_ATTACHMENT_NOT_FOUND' });
    expect(errorOf(await publicDownload(code, again!.id))).toEqual({ status: 404, code: 'NOT_FOUND', reason: 'DATASHEET_ATTACHMENT_NOT_FOUND' });
    expect((await publicDownload(code, v2Drawing.id)).status).toBe(200);
    const manualDownload = await publicDownload(code, manual!.id);
    expect(Buffer.compare(manualDownload.body as Buffer, SAMPLE_PDF)).toBe(0);
    // The superseded version's attachments stay readable for the company and the staff, with its history.
    expect((await download(draft.id, dop!.id, body.clerkToken)).status).toBe(200);
    const history = await versionsOf(draft.datasheetId, holder.adminToken);
    expect(history.map((v) => ({ state: v.state, titles: v.attachments.map((a) => a.title) }))).toEqual([
      { state: 'SUPERSEDED', titles: ['Declaration of performance', 'Drawing'] },
      { state: 'PUBLISHED', titles: ['Drawing', 'Mode d’emploi'] },
    ]);

    // Unpublished: nothing of it is public any more.
    expectData(await app.graphql('mutation($d: ID!) { unpublishDatasheet(datasheetId: $d) { id } }', { d: draft.datasheetId }, { token: body.clerkToken }));
    expect(errorOf(await publicDownload(code, manual!.id))).toEqual({ status: 404, code: 'NOT_FOUND', reason: 'DATASHEET_ATTACHMENT_NOT_FOUND' });

    // Every addition and removal is in the audit trail.
    const { rows } = await app.asOwner((db) => db.query(`SELECT action, count(*)::int AS n FROM audit_entry WHERE action LIKE 'datasheets.attachment.%' AND tenant_id = $1 GROUP BY action ORDER BY action`, [body.tenant.id]));
    expect(rows).toEqual([{ action: 'datasheets.attachment.added', n: 4 }, { action: 'datasheets.attachment.removed', n: 2 }]);
  });

  it('the public scope reads a document only while a published datasheet shows it (row-level security, not only the code)', async () => {
    const { app } = started;
    const product = await sheets.product(body, holder);
    const draft = await sheets.draft(holder.adminToken, product.id);
    const [kept] = await attach(draft.id, SAMPLE_PDF, 'kept.pdf', 'Kept');
    const otherDraft = await sheets.draft(holder.adminToken, (await sheets.product(body, holder)).id);
    const [hidden] = await attach(otherDraft.id, SAMPLE_PDF, 'hidden.pdf', 'Hidden');
    await sheets.publish(body, holder.adminToken, draft.id);
    const documentOf = async (id: string) => (await app.asOwner((db) => db.query(`SELECT document_id FROM datasheet_attachment WHERE id = $1`, [id]))).rows[0].document_id as string;
    const visible = await app.asOwner(async (db) => {
      await db.query('BEGIN');
      await db.query('SET LOCAL ROLE chancery_app');
      await db.query(`SELECT set_config('app.scope', 'public', true)`);
      const out: Record<string, number> = {};
      for (const [label, id] of [['kept', await documentOf(kept!.id)], ['hidden', await documentOf(hidden!.id)]] as const) {
        out[`${label} record`] = Number((await db.query(`SELECT count(*) FROM stored_document WHERE id = $1`, [id])).rows[0].count);
        out[`${label} bytes`] = Number((await db.query(`SELECT count(*) FROM document_content WHERE document_id = $1`, [id])).rows[0].count);
      }
      out.attachments = Number((await db.query(`SELECT count(*) FROM datasheet_attachment`)).rows[0].count);
      await db.query('ROLLBACK');
      return out;
    });
    expect(visible).toEqual({ 'kept record': 1, 'kept bytes': 1, 'hidden record': 0, 'hidden bytes': 0, attachments: 0 });
  });

  it('another company, another tenant and an anonymous caller get nothing; staff do not upload', async () => {
    const { app } = started;
    const product = await sheets.product(body, holder);
    const draft = await sheets.draft(holder.adminToken, product.id);
    const [dop] = await attach(draft.id, SAMPLE_PDF, 'dop.pdf', 'DoP');
    const otherTenantHolder = await sheets.holder(otherBody);
    for (const [who, token, status, code] of [
      ['another company of the tenant', neighbour.adminToken, 404, 'NOT_FOUND'],
      ["another tenant's company", otherTenantHolder.adminToken, 404, 'NOT_FOUND'],
      ["another tenant's staff", otherBody.clerkToken, 404, 'NOT_FOUND'],
      ['anonymous', undefined, 401, 'UNAUTHENTICATED'],
    ] as const) {
      const got = await download(draft.id, dop!.id, token);
      expect({ who, ...errorOf(got), code: errorOf(got).code }).toEqual({ who, status, code, reason: expect.anything() });
      expect(Buffer.compare(got.body as Buffer, SAMPLE_PDF)).not.toBe(0);
      if (token) {
        const removal = await app.graphql('mutation($a: ID!) { removeDatasheetAttachment(attachmentId: $a) { id } }', { a: dop!.id }, { token });
        expect({ who, code: removal.errors?.[0]?.extensions?.code }).toEqual({ who, code: token === otherBody.clerkToken ? 'FORBIDDEN' : 'NOT_FOUND' });
      }
    }
    // Uploads to another company's or tenant's version: NOT_FOUND, like an unknown one; staff do not complete datasheets.
    const headers = { 'x-file-name': 'x.pdf', 'x-attachment-title': 'X' };
    expect(errorOf(await upload(draft.id, SAMPLE_PDF, headers, neighbour.adminToken))).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(errorOf(await upload(draft.id, SAMPLE_PDF, headers, otherTenantHolder.adminToken))).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(errorOf(await upload(randomUUID(), SAMPLE_PDF, headers))).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(errorOf(await upload('not-a-uuid', SAMPLE_PDF, headers))).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(errorOf(await upload(draft.id, SAMPLE_PDF, headers, body.clerkToken))).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    // Another version's attachment through this version's address, an unknown or malformed id: NOT_FOUND.
    const other = await sheets.draft(holder.adminToken, (await sheets.product(body, holder)).id);
    const [elsewhere] = await attach(other.id, SAMPLE_PDF, 'else.pdf', 'Elsewhere');
    for (const [versionId, attachmentId] of [[draft.id, elsewhere!.id], [draft.id, randomUUID()], [draft.id, 'nope'], ['nope', dop!.id]]) {
      expect(errorOf(await download(versionId!, attachmentId!, holder.adminToken))).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    }
  });

  it('bad files are refused with a reason naming the field, and nothing is half-written', async () => {
    const product = await sheets.product(body, holder);
    const draft = await sheets.draft(holder.adminToken, product.id);
    const before = await counts();
    const cases: Array<[string, Buffer, Record<string, string>, number, string, string]> = [
      ['an executable', SAMPLE_EXE, { 'x-file-name': 'setup.exe', 'x-attachment-title': 'Setup' }, 400, 'DOCUMENT_TYPE_NOT_ACCEPTED', 'file'],
      ['an executable named .pdf', SAMPLE_EXE, { 'x-file-name': 'dop.pdf', 'x-attachment-title': 'DoP' }, 400, 'DOCUMENT_TYPE_NOT_ACCEPTED', 'file'],
      ['a PDF named .exe', SAMPLE_PDF, { 'x-file-name': 'dop.pdf.exe', 'x-attachment-title': 'DoP' }, 400, 'DATASHEET_ATTACHMENT_TYPE_MISMATCH', 'file'],
      ['a PNG named .pdf', SAMPLE_PNG, { 'x-file-name': 'drawing.pdf', 'x-attachment-title': 'Drawing' }, 400, 'DATASHEET_ATTACHMENT_TYPE_MISMATCH', 'file'],
      ['a PDF declared as PNG', SAMPLE_PDF, { 'x-file-name': 'dop.pdf', 'x-attachment-title': 'DoP', 'content-type': 'image/png' }, 400, 'DATASHEET_ATTACHMENT_TYPE_MISMATCH', 'file'],
      ['a right-to-left override hiding .exe', SAMPLE_PDF, { 'x-file-name': encodeURIComponent('invoice\u202Efdp.exe'), 'x-attachment-title': 'Invoice' }, 400, 'DATASHEET_ATTACHMENT_TYPE_MISMATCH', 'file'],
      ['a NUL byte in the name', SAMPLE_PDF, { 'x-file-name': encodeURIComponent('dop\u0000.pdf'), 'x-attachment-title': 'DoP' }, 400, 'DATASHEET_ATTACHMENT_NAME_INVALID', 'file.name'],
      ['no file name', SAMPLE_PDF, { 'x-attachment-title': 'DoP' }, 400, 'DATASHEET_ATTACHMENT_NAME_INVALID', 'file.name'],
      ['a name that is only a path', SAMPLE_PDF, { 'x-file-name': encodeURIComponent('../../'), 'x-attachment-title': 'DoP' }, 400, 'DATASHEET_ATTACHMENT_NAME_INVALID', 'file.name'],
      ['no title', SAMPLE_PDF, { 'x-file-name': 'dop.pdf' }, 400, 'DATASHEET_ATTACHMENT_TITLE_INVALID', 'title'],
      ['a title too long', SAMPLE_PDF, { 'x-file-name': 'dop.pdf', 'x-attachment-title': 'x'.repeat(201) }, 400, 'DATASHEET_ATTACHMENT_TITLE_INVALID', 'title'],
      ['an unknown language', SAMPLE_PDF, { 'x-file-name': 'dop.pdf', 'x-attachment-title': 'DoP', 'x-attachment-language': 'xx' }, 400, 'DATASHEET_ATTACHMENT_LANGUAGE_INVALID', 'language'],
      ['a PDF cut off before its end', SAMPLE_PDF.subarray(0, 40), { 'x-file-name': 'dop.pdf', 'x-attachment-title': 'DoP' }, 400, 'DOCUMENT_INCOMPLETE', 'file'],
      ['a PNG cut off before its end', SAMPLE_PNG.subarray(0, 20), { 'x-file-name': 'drawing.png', 'x-attachment-title': 'Drawing' }, 400, 'DOCUMENT_INCOMPLETE', 'file'],
      ['an empty file', Buffer.alloc(0), { 'x-file-name': 'dop.pdf', 'x-attachment-title': 'DoP' }, 400, 'DOCUMENT_EMPTY', 'file'],
      ['a file over the limit', Buffer.concat([SAMPLE_PDF, Buffer.alloc(10 * 1024 * 1024)]), { 'x-file-name': 'dop.pdf', 'x-attachment-title': 'DoP' }, 400, 'DOCUMENT_TOO_LARGE', 'file'],
      ['a name not percent-encoded UTF-8', SAMPLE_PDF, { 'x-file-name': '%E0%A4%A', 'x-attachment-title': 'DoP' }, 400, 'DATASHEET_ATTACHMENT_NAME_INVALID', 'file.name'],
    ];
    for (const [what, bytes, headers, status, reason, field] of cases) {
      const response = await upload(draft.id, bytes, headers);
      const fields = (response.body as { errors?: Array<{ extensions?: { fields?: Array<{ field: string }> } }> }).errors?.[0]?.extensions?.fields?.map((f) => f.field);
      expect({ what, ...errorOf(response), fields }).toEqual({ what, status, code: 'BAD_USER_INPUT', reason, fields: [field] });
    }
    expect(await counts()).toEqual(before);

    // At most 20 per version; the 21st is refused and leaves nothing.
    for (let i = 1; i <= 20; i += 1) await attach(draft.id, SAMPLE_PDF, `page-${i}.pdf`, `Page ${i}`);
    const full = await counts();
    expect(errorOf(await upload(draft.id, SAMPLE_PDF, { 'x-file-name': 'page-21.pdf', 'x-attachment-title': 'Page 21' }))).toEqual({ status: 409, code: 'CONFLICT', reason: 'DATASHEET_ATTACHMENTS_FULL' });
    expect(await counts()).toEqual(full);
  });

  it('an upload sets nothing but the file, its title and language: foreign headers and query properties are ignored (T4 over HTTP)', async () => {
    const { app } = started;
    const draft = await sheets.draft(holder.adminToken, (await sheets.product(body, holder)).id);
    const response = await app.http().post(`/datasheet-versions/${draft.id}/attachments?tenantId=${otherBody.tenant.id}&organisationId=${neighbour.organisation.id}&uploadedBy=${body.clerk.id}&versionId=${randomUUID()}`)
      .set('authorization', `Bearer ${member}`).set('content-type', 'application/pdf').set('x-file-name', 'dop.pdf').set('x-attachment-title', 'DoP')
      .set('x-tenant-id', otherBody.tenant.id).set('x-organisation-id', neighbour.organisation.id).set('x-uploaded-by', body.clerk.id).set('x-attachment-id', randomUUID())
      .send(SAMPLE_PDF);
    expect(response.status).toBe(201);
    const { rows } = await app.asOwner((db) => db.query(`SELECT tenant_id, organisation_id, version_id, uploaded_by FROM datasheet_attachment WHERE version_id = $1`, [draft.id]));
    const memberId = (await app.asOwner((db) => db.query(`SELECT uploaded_by FROM datasheet_attachment WHERE id = $1`, [(response.body.attachments as Attachment[])[0]!.id]))).rows[0].uploaded_by as string;
    expect(rows).toEqual([{ tenant_id: body.tenant.id, organisation_id: holder.organisation.id, version_id: draft.id, uploaded_by: memberId }]);
    expect(memberId).not.toBe(body.clerk.id);
  });

  it('the person who added an attachment finds it in their export; erasure clears who added it and keeps the document', async () => {
    const { app, factory } = started;
    const { user, token } = await sheets.orgUser(body, holder.organisation, Role.ORG_MEMBER);
    const draft = await sheets.draft(holder.adminToken, (await sheets.product(body, holder)).id);
    const response = await upload(draft.id, SAMPLE_PDF, { 'x-file-name': 'dop.pdf', 'x-attachment-title': 'DoP' }, token);
    expect(response.status).toBe(201);
    const [attachment] = response.body.attachments as Attachment[];
    expect(attachment!.uploadedBy).toBe(user.id);

    const exported = JSON.parse(expectData(await app.graphql<{ myPersonalDataExport: string }>('{ myPersonalDataExport }', {}, { token })).myPersonalDataExport) as {
      records: Array<{ entity: string; fields: Array<{ field: string; value: unknown }> }>;
    };
    const records = exported.records.filter((r) => r.entity === 'DatasheetAttachment');
    expect(records.map((r) => r.fields)).toEqual([[expect.objectContaining({ field: 'uploadedBy', value: user.id })]]);

    const officer = (await factory.login(await factory.user({ tenant: body.tenant, roles: [Role.PRIVACY_OFFICER] }))).accessToken;
    const requestId = expectData(await app.graphql<{ requestMyDataSubjectRight: { id: string } }>(
      'mutation($input: MyDataSubjectRequestInput!) { requestMyDataSubjectRight(input: $input) { id } }', { input: { type: 'ERASURE' } }, { token },
    )).requestMyDataSubjectRight.id;
    const holders = expectData(await app.graphql<{ eraseForDataSubjectRequest: { holders: Array<{ holder: string; deidentified: number }> } }>(
      'mutation($id: ID!) { eraseForDataSubjectRequest(requestId: $id) { holders { holder deidentified } } }', { id: requestId }, { token: officer },
    )).eraseForDataSubjectRequest.holders;
    expect(holders.find((h) => h.holder === 'datasheets.contacts')!.deidentified).toBeGreaterThanOrEqual(1);
    const { rows } = await app.asOwner((db) => db.query(`SELECT uploaded_by, title, sha256 FROM datasheet_attachment WHERE id = $1`, [attachment!.id]));
    expect(rows).toEqual([{ uploaded_by: null, title: 'DoP', sha256: sha256(SAMPLE_PDF) }]);
    // The document's own record never kept the person (the datasheets context does, and forgot it).
    const held = await app.asOwner((db) => db.query(`SELECT count(*)::int AS n FROM stored_document WHERE uploaded_by = $1`, [user.id]));
    expect(held.rows).toEqual([{ n: 0 }]);
    const stillThere = await download(draft.id, attachment!.id, holder.adminToken);
    expect(Buffer.compare(stillThere.body as Buffer, SAMPLE_PDF)).toBe(0);
  });
});
