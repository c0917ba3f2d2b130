import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { Role } from '@chancery/access';
import { CertificateFactory, SAMPLE_PDF, TestApplication, useTestApp } from '@chancery/testing';

/** A small but real PNG (the type check reads its signature), with a name a header must carry safely. */
const SAMPLE_PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR bench of a packing list'), Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82])]);

/**
 * Supporting documents of an application over plain HTTP (#16, SPEC §4): the company downloads what
 * it attached; the tenant's staff who read applications (CLERK, SIGNER, TENANT_ADMIN, AUDITOR)
 * download them once the application is submitted, never from a draft; another company and another
 * tenant's staff get NOT_FOUND, roles without the read permission FORBIDDEN, nobody without a login.
 * The bytes are the ones uploaded, of the type found in them, as an attachment.
 */
describe('Supporting documents: download by the company and the tenant staff', () => {
  const started = useTestApp();
  let certificates: CertificateFactory;
  const tokens: Record<string, string> = {};
  let draft: TestApplication;
  let submitted: TestApplication;
  let other: TestApplication;

  const upload = async (applicationId: string, fileName: string, bytes: Buffer) => {
    const response = await started.app.http().post(`/certificate-applications/${applicationId}/documents`).set('authorization', `Bearer ${tokens.exporter}`)
      .set('content-type', 'application/octet-stream').set('x-file-name', encodeURIComponent(fileName)).send(bytes);
    expect(response.status).toBe(201);
    return response.body as TestApplication & { supportingDocuments: Array<{ id: string; fileName: string }> };
  };
  const download = (applicationId: string, documentId: string, token?: string): Promise<Response> => {
    const request = started.app.http().get(`/certificate-applications/${applicationId}/documents/${documentId}`);
    if (token) request.set('authorization', `Bearer ${token}`);
    return request.buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
  };
  const codeOf = (response: Response) => (JSON.parse((response.body as Buffer).toString() || '{}') as { errors?: Array<{ extensions?: { code?: string } }> }).errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    const { app, factory } = started;
    certificates = new CertificateFactory(app);
    const chamber = await factory.tenant();
    const otherChamber = await factory.tenant();
    const company = await factory.organisation(chamber);
    const neighbour = await factory.organisation(chamber);
    const login = async (options: Parameters<typeof factory.user>[0]) => (await factory.login(await factory.user(options))).accessToken;
    tokens.exporter = await login({ tenant: chamber, organisation: company, roles: [Role.ORG_ADMIN] });
    tokens.colleague = await login({ tenant: chamber, organisation: company, roles: [Role.ORG_MEMBER] });
    tokens.neighbour = await login({ tenant: chamber, organisation: neighbour, roles: [Role.ORG_ADMIN] });
    for (const role of [Role.CLERK, Role.SIGNER, Role.TENANT_ADMIN, Role.AUDITOR, Role.PRIVACY_OFFICER]) tokens[role] = await login({ tenant: chamber, roles: [role] });
    tokens.otherClerk = await login({ tenant: otherChamber, roles: [Role.CLERK] });
    tokens.otherAdmin = await login({ tenant: otherChamber, roles: [Role.TENANT_ADMIN] });

    draft = await upload((await certificates.create(tokens.exporter)).id, 'invoice.pdf', SAMPLE_PDF);
    submitted = await certificates.create(tokens.exporter);
    await upload(submitted.id, 'invoice.pdf', SAMPLE_PDF);
    submitted = await upload(submitted.id, 'Packliste „Übersee“ 2026.png', SAMPLE_PNG);
    await certificates.step('submitCertificateApplication', submitted.id, tokens.exporter);
    other = await upload((await certificates.create(tokens.exporter)).id, 'other.pdf', SAMPLE_PDF);
    await certificates.step('submitCertificateApplication', other.id, tokens.exporter);
  }, 120_000);

  const documentsOf = (application: TestApplication) => application.supportingDocuments as Array<{ id: string; fileName: string }>;

  it('the tenant staff who read applications download a submitted application’s documents: the uploaded bytes, their type, as an attachment', async () => {
    const [pdf, png] = documentsOf(submitted);
    for (const reader of ['exporter', 'colleague', Role.CLERK, Role.SIGNER, Role.TENANT_ADMIN, Role.AUDITOR]) {
      const first = await download(submitted.id, pdf!.id, tokens[reader]);
      expect({ reader, status: first.status }).toEqual({ reader, status: 200 });
      expect(first.headers['content-type']).toBe('application/pdf');
      expect(Buffer.compare(first.body as Buffer, SAMPLE_PDF)).toBe(0);
      const second = await download(submitted.id, png!.id, tokens[reader]);
      expect(second.status).toBe(200);
      expect(second.headers['content-type']).toBe('image/png');
      expect(Buffer.compare(second.body as Buffer, SAMPLE_PNG)).toBe(0);
      expect(second.headers['content-disposition']).toBe(`attachment; filename="Packliste __bersee_ 2026.png"; filename*=UTF-8''${encodeURIComponent('Packliste „Übersee“ 2026.png')}`);
      expect(second.headers['cache-control']).toBe('private, no-store');
      expect(second.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('a draft’s documents stay the company’s: the staff get NOT_FOUND', async () => {
    const [document] = documentsOf(draft);
    expect((await download(draft.id, document!.id, tokens.exporter)).status).toBe(200);
    for (const role of [Role.CLERK, Role.SIGNER, Role.TENANT_ADMIN, Role.AUDITOR]) {
      const refused = await download(draft.id, document!.id, tokens[role]);
      expect({ role, status: refused.status, code: codeOf(refused) }).toEqual({ role, status: 404, code: 'NOT_FOUND' });
    }
  });

  it('another company, another tenant’s staff, a role without the read permission and an anonymous caller get nothing', async () => {
    const [document] = documentsOf(submitted);
    const cases: Array<[string, string | undefined, number, string]> = [
      ['another company of the tenant', tokens.neighbour, 404, 'NOT_FOUND'],
      ["another tenant's clerk", tokens.otherClerk, 404, 'NOT_FOUND'],
      ["another tenant's admin", tokens.otherAdmin, 404, 'NOT_FOUND'],
      ['the privacy officer (no ReadCertificates)', tokens[Role.PRIVACY_OFFICER], 403, 'FORBIDDEN'],
      ['anonymous', undefined, 401, 'UNAUTHENTICATED'],
    ];
    for (const [who, token, status, code] of cases) {
      const refused = await download(submitted.id, document!.id, token);
      expect({ who, status: refused.status, code: codeOf(refused) }).toEqual({ who, status, code });
      expect(Buffer.compare(refused.body as Buffer, SAMPLE_PDF)).not.toBe(0);
    }
  });

  it('only a document attached to that application: another application’s document, an unknown id or a malformed one is NOT_FOUND', async () => {
    const [othersDocument] = documentsOf(other);
    for (const [applicationId, documentId] of [
      [submitted.id, othersDocument!.id],
      [submitted.id, randomUUID()],
      [submitted.id, 'not-a-uuid'],
      ['not-a-uuid', othersDocument!.id],
    ]) {
      const refused = await download(applicationId!, documentId!, tokens[Role.CLERK]);
      expect({ documentId, status: refused.status, code: codeOf(refused) }).toEqual({ documentId, status: 404, code: 'NOT_FOUND' });
    }
    // The same document through its own application is fine.
    expect((await download(other.id, othersDocument!.id, tokens[Role.CLERK])).status).toBe(200);
  });

  it('an application holds at most 30 supporting documents: the next one is a CONFLICT naming the file, and nothing is stored (attack of 3 December 2026: 91 of 10 MB each)', async () => {
    const { app } = started;
    const full = await certificates.create(tokens.exporter);
    for (let i = 0; i < 30; i += 1) await upload(full.id, `invoice-${i}.pdf`, SAMPLE_PDF);
    const documentsBefore = (await app.asOwner((db) => db.query(`SELECT count(*)::int AS n FROM stored_document`))).rows[0].n as number;
    const refused = await app.http().post(`/certificate-applications/${full.id}/documents`).set('authorization', `Bearer ${tokens.exporter}`)
      .set('content-type', 'application/octet-stream').set('x-file-name', 'one-more.pdf').send(SAMPLE_PDF);
    expect([refused.status, refused.body.errors?.[0]?.extensions]).toEqual([409, expect.objectContaining({ code: 'CONFLICT', reason: 'TOO_MANY_SUPPORTING_DOCUMENTS', fields: [expect.objectContaining({ field: 'file' })] })]);
    expect((await app.asOwner((db) => db.query(`SELECT count(*)::int AS n FROM stored_document`))).rows[0].n).toBe(documentsBefore);
  });

  it('bad names and files are refused as on a datasheet attachment, naming the field, and nothing is attached', async () => {
    const application = await certificates.create(tokens.exporter);
    const send = (bytes: Buffer, headers: Record<string, string>) => {
      const request = started.app.http().post(`/certificate-applications/${application.id}/documents`).set('authorization', `Bearer ${tokens.exporter}`).set('content-type', 'application/octet-stream');
      for (const [name, value] of Object.entries(headers)) request.set(name, value);
      return request.send(bytes);
    };
    const cases: Array<[string, Buffer, Record<string, string>, string, string]> = [
      ['a name not percent-encoded UTF-8', SAMPLE_PDF, { 'x-file-name': '%ZZ.pdf' }, 'DOCUMENT_NAME_INVALID', 'file.name'],
      ['a right-to-left override hiding .exe (shown as "exe.pdf")', SAMPLE_PDF, { 'x-file-name': encodeURIComponent('\u202Efdp.exe') }, 'DOCUMENT_TYPE_MISMATCH', 'file'],
      ['a PNG named .pdf', SAMPLE_PNG, { 'x-file-name': 'invoice.pdf' }, 'DOCUMENT_TYPE_MISMATCH', 'file'],
      ['a PDF named .exe', SAMPLE_PDF, { 'x-file-name': 'invoice.pdf.exe' }, 'DOCUMENT_TYPE_MISMATCH', 'file'],
      ['a PDF declared as PNG', SAMPLE_PDF, { 'x-file-name': 'invoice.pdf', 'content-type': 'image/png' }, 'DOCUMENT_TYPE_MISMATCH', 'file'],
      ['a NUL byte in the name', SAMPLE_PDF, { 'x-file-name': encodeURIComponent('invoice\u0000.pdf') }, 'DOCUMENT_NAME_INVALID', 'file.name'],
      ['no file name', SAMPLE_PDF, {}, 'DOCUMENT_NAME_INVALID', 'file.name'],
      // Attack of 3 December 2026: the eight bytes "%PDF-1.4" were stored as an invoice; an upload cut off keeps no end.
      ['the eight bytes of a PDF header', Buffer.from('%PDF-1.4'), { 'x-file-name': 'invoice.pdf' }, 'DOCUMENT_INCOMPLETE', 'file'],
      ['a PDF cut off before its end', SAMPLE_PDF.subarray(0, SAMPLE_PDF.length - 8), { 'x-file-name': 'invoice.pdf' }, 'DOCUMENT_INCOMPLETE', 'file'],
      ['a PNG cut off before its end', SAMPLE_PNG.subarray(0, SAMPLE_PNG.length - 12), { 'x-file-name': 'packing list.png' }, 'DOCUMENT_INCOMPLETE', 'file'],
      ['a JPEG cut off before its end', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]), { 'x-file-name': 'scan.jpg' }, 'DOCUMENT_INCOMPLETE', 'file'],
    ];
    const answers: unknown[] = [];
    for (const [what, bytes, headers] of cases) {
      const response = await send(bytes, headers);
      const error = (response.body as { errors?: Array<{ extensions?: { code?: string; reason?: string; fields?: Array<{ field: string }> } }> }).errors?.[0]?.extensions;
      answers.push({ what, status: response.status, code: error?.code, reason: error?.reason, fields: error?.fields?.map((f) => f.field) });
    }
    expect(answers).toEqual(cases.map(([what, , , reason, field]) => ({ what, status: 400, code: 'BAD_USER_INPUT', reason, fields: [field] })));
    const read = await started.app.graphql<{ certificateApplication: { supportingDocuments: unknown[] } }>(`query($id: ID!) { certificateApplication(applicationId: $id) { supportingDocuments { id } } }`, { id: application.id }, { token: tokens.exporter });
    expect(read.data?.certificateApplication.supportingDocuments).toEqual([]);
    // A name from a Windows browser keeps its last segment; invisible characters are dropped, as for attachments.
    // A whole file, whatever follows its end marker within the last kilobyte (a line break after %%EOF, padding after a JPEG's end).
    for (const [bytes, name] of [[Buffer.concat([SAMPLE_PDF, Buffer.from('\r\n\r\n')]), 'trailing.pdf'], [Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0xff, 0xd9, 0x00, 0x00]), 'scan.jpg']] as const) {
      const whole = await send(bytes, { 'x-file-name': name });
      expect({ name, status: whole.status }).toEqual({ name, status: 201 });
    }
    const fine = await send(SAMPLE_PDF, { 'x-file-name': encodeURIComponent('C:\\Users\\ann\\invoice\u200B 2026.PDF') });
    expect({ status: fine.status, names: (fine.body as { supportingDocuments: Array<{ fileName: string }> }).supportingDocuments.map((d) => d.fileName) }).toEqual({ status: 201, names: ['trailing.pdf', 'scan.jpg', 'invoice 2026.PDF'] });
  });
});
