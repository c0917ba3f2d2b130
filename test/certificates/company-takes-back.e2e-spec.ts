import { Role } from '@chancery/access';
import { CertificateFactory, expectData, GraphQLResponse, SAMPLE_PDF, TestApp, TestApplication, useTestApp } from '@chancery/testing';

/**
 * What an exporter takes back (attack of 3 December 2026: "a company cannot remove a document,
 * delete a draft or a saved consignee"): a file uploaded by mistake (the wrong invoice, a document
 * meant for another customer) stayed on the application and went to the chamber with it; a draft
 * begun by mistake stayed in the company's list for a year; a saved consignee, often a person's name
 * and address, stayed in the address book for good although the register of processing promises it
 * is kept "until the company removes it". Now:
 *  - removeSupportingDocument: while the application is the company's to change (DRAFT,
 *    CHANGES_REQUESTED); the stored file is deleted unless another application still names it (a
 *    replacement names its certificate's files, kept as evidence);
 *  - deleteCertificateApplicationDraft: a draft never submitted, with its files; a submission is the
 *    chamber's file and stays;
 *  - removeSavedConsignee.
 * Each is the company's alone (another company: NOT_FOUND; staff: FORBIDDEN), audited, and a refusal
 * changes nothing.
 */
describe('an exporter takes back a document, a draft, a saved consignee', () => {
  const started = useTestApp();
  let app: TestApp;
  let certificates: CertificateFactory;
  const tokens: Record<string, string> = {};

  const upload = async (applicationId: string, fileName: string, token = tokens.exporter!) => {
    const response = await app.http().post(`/certificate-applications/${applicationId}/documents`).set('authorization', `Bearer ${token}`)
      .set('content-type', 'application/octet-stream').set('x-file-name', encodeURIComponent(fileName)).send(SAMPLE_PDF);
    expect(response.status).toBe(201);
    return response.body as TestApplication & { supportingDocuments: Array<{ id: string; fileName: string }> };
  };
  const removeDocument = (applicationId: string, documentId: string, token = tokens.exporter) =>
    app.graphql<{ removeSupportingDocument: { id: string; state: string; supportingDocuments: Array<{ id: string; fileName: string }> } }>(
      `mutation($a: ID!, $d: ID!) { removeSupportingDocument(applicationId: $a, documentId: $d) { id state supportingDocuments { id fileName } } }`,
      { a: applicationId, d: documentId }, { token },
    );
  const deleteDraft = (applicationId: string, token = tokens.exporter) =>
    app.graphql<{ deleteCertificateApplicationDraft: string }>(`mutation($a: ID!) { deleteCertificateApplicationDraft(applicationId: $a) }`, { a: applicationId }, { token });
  const removeConsignee = (consigneeId: string, token = tokens.exporter) =>
    app.graphql<{ removeSavedConsignee: string }>(`mutation($c: ID!) { removeSavedConsignee(consigneeId: $c) }`, { c: consigneeId }, { token });
  const saveConsignee = async (name: string, token = tokens.exporter) =>
    expectData(await app.graphql<{ saveConsignee: { id: string } }>(`mutation($i: ConsigneeInput!) { saveConsignee(input: $i) { id } }`,
      { i: { name, address: '12 Dock Road, Felixstowe IP11 3SY', country: 'GB' } }, { token })).saveConsignee;
  const consignees = async (token = tokens.exporter) =>
    expectData(await app.graphql<{ savedConsignees: Array<{ id: string; name: string }> }>(`{ savedConsignees { id name } }`, {}, { token })).savedConsignees.map((c) => c.name).sort();
  const application = (id: string, token = tokens.exporter) =>
    app.graphql<{ certificateApplication: { id: string; state: string } }>(`query($id: ID!) { certificateApplication(applicationId: $id) { id state } }`, { id }, { token });
  const refusal = (response: GraphQLResponse<unknown>) => ({ status: response.status < 500, code: response.errors?.[0]?.extensions?.code, reason: response.errors?.[0]?.extensions?.reason });

  /** What is stored of the documents, and the audit entries of an application, as the owner. */
  const storedDocuments = (ids: string[]) =>
    app.asOwner(async (db) => ({
      records: ((await db.query(`SELECT count(*)::int AS n FROM stored_document WHERE id = ANY($1::uuid[])`, [ids])).rows[0] as { n: number }).n,
      contents: ((await db.query(`SELECT count(*)::int AS n FROM document_content WHERE document_id = ANY($1::uuid[])`, [ids])).rows[0] as { n: number }).n,
    }));
  const auditOf = (subjectId: string) =>
    app.asOwner(async (db) => (await db.query(`SELECT action, details FROM audit_entry WHERE subject_id = $1 ORDER BY id`, [subjectId])).rows as Array<{ action: string; details: Record<string, string> }>);

  beforeAll(async () => {
    app = started.app;
    const factory = started.factory;
    certificates = new CertificateFactory(app);
    const chamber = await factory.tenant();
    const company = await factory.organisation(chamber);
    const neighbour = await factory.organisation(chamber);
    const login = async (options: Parameters<typeof factory.user>[0]) => (await factory.login(await factory.user(options))).accessToken;
    tokens.exporter = await login({ tenant: chamber, organisation: company, roles: [Role.ORG_ADMIN] });
    tokens.colleague = await login({ tenant: chamber, organisation: company, roles: [Role.ORG_MEMBER] });
    tokens.neighbour = await login({ tenant: chamber, organisation: neighbour, roles: [Role.ORG_ADMIN] });
    tokens.clerk = await login({ tenant: chamber, roles: [Role.CLERK] });
    tokens.admin = await login({ tenant: chamber, roles: [Role.TENANT_ADMIN] });
    tokens.signer = await login({ tenant: chamber, roles: [Role.SIGNER] });
  }, 120_000);

  describe('removeSupportingDocument', () => {
    it('takes a file off a draft: the file is gone, record and bytes; the other files stay; audited', async () => {
      const draft = await certificates.create(tokens.exporter!);
      await upload(draft.id, 'invoice.pdf');
      const [invoice, wrong] = (await upload(draft.id, 'wrong customer.pdf')).supportingDocuments;
      const removed = expectData(await removeDocument(draft.id, wrong!.id, tokens.colleague)).removeSupportingDocument;
      expect(removed.supportingDocuments).toEqual([{ id: invoice!.id, fileName: 'invoice.pdf' }]);
      expect(await storedDocuments([wrong!.id])).toEqual({ records: 0, contents: 0 });
      expect(await storedDocuments([invoice!.id])).toEqual({ records: 1, contents: 1 });
      const download = await app.http().get(`/certificate-applications/${draft.id}/documents/${wrong!.id}`).set('authorization', `Bearer ${tokens.exporter}`);
      expect(download.status).toBe(404);
      expect((await auditOf(draft.id)).map((e) => e.action)).toContain('certificates.application.documentRemoved');
    });

    it('while the chamber asks for changes too; once submitted the file stays (CONFLICT NOT_EDITABLE)', async () => {
      const sent = await certificates.create(tokens.exporter!);
      const [file] = (await upload(sent.id, 'packing list.pdf')).supportingDocuments;
      await certificates.step('submitCertificateApplication', sent.id, tokens.exporter!);
      expect(refusal(await removeDocument(sent.id, file!.id))).toEqual({ status: true, code: 'CONFLICT', reason: 'NOT_EDITABLE' });
      expect(await storedDocuments([file!.id])).toEqual({ records: 1, contents: 1 });
      await certificates.step('claimCertificateApplication', sent.id, tokens.clerk!);
      await certificates.step('requestCertificateApplicationChanges', sent.id, tokens.clerk!, { comment: 'Not the invoice of this shipment' });
      expect(expectData(await removeDocument(sent.id, file!.id)).removeSupportingDocument.supportingDocuments).toEqual([]);
      expect(await storedDocuments([file!.id])).toEqual({ records: 0, contents: 0 });
    });

    it('another company, the staff, an unknown or foreign file: refused, nothing changes', async () => {
      const draft = await certificates.create(tokens.exporter!);
      const [file] = (await upload(draft.id, 'invoice.pdf')).supportingDocuments;
      const elsewhere = await certificates.create(tokens.neighbour!);
      const [foreign] = (await upload(elsewhere.id, 'theirs.pdf', tokens.neighbour)).supportingDocuments;
      expect(refusal(await removeDocument(draft.id, file!.id, tokens.neighbour))).toMatchObject({ status: true, code: 'NOT_FOUND' });
      expect(refusal(await removeDocument(draft.id, file!.id, tokens.admin))).toMatchObject({ status: true, code: 'FORBIDDEN' });
      expect(refusal(await removeDocument(draft.id, foreign!.id))).toMatchObject({ status: true, code: 'NOT_FOUND' });
      expect(refusal(await removeDocument(draft.id, '00000000-0000-4000-8000-000000000000'))).toMatchObject({ status: true, code: 'NOT_FOUND' });
      expect(refusal(await removeDocument(draft.id, 'not-a-uuid'))).toMatchObject({ status: true, code: 'BAD_USER_INPUT' });
      expect(await storedDocuments([file!.id, foreign!.id])).toEqual({ records: 2, contents: 2 });
    });

    it('a replacement names its certificate’s files: taken off the replacement, the file stays with the certificate', async () => {
      const original = await certificates.create(tokens.exporter!);
      const [file] = (await upload(original.id, 'invoice.pdf')).supportingDocuments;
      await certificates.step('submitCertificateApplication', original.id, tokens.exporter!);
      await certificates.step('claimCertificateApplication', original.id, tokens.clerk!);
      await certificates.step('approveCertificateApplication', original.id, tokens.clerk!);
      const issued = await certificates.sign(original.id, tokens.signer!);
      const replacement = expectData(await app.graphql<{ replaceCertificate: { id: string; supportingDocuments: Array<{ id: string }> } }>(
        `mutation($c: ID!) { replaceCertificate(certificateId: $c) { id supportingDocuments { id } } }`, { c: issued.id }, { token: tokens.exporter })).replaceCertificate;
      expect(replacement.supportingDocuments).toEqual([{ id: file!.id }]);
      expect(expectData(await removeDocument(replacement.id, file!.id)).removeSupportingDocument.supportingDocuments).toEqual([]);
      expect(await storedDocuments([file!.id])).toEqual({ records: 1, contents: 1 });
      const kept = await app.http().get(`/certificate-applications/${original.id}/documents/${file!.id}`).set('authorization', `Bearer ${tokens.clerk}`);
      expect(kept.status).toBe(200);
    });
  });

  describe('deleteCertificateApplicationDraft', () => {
    it('deletes a draft never submitted, with its files; audited', async () => {
      const draft = await certificates.create(tokens.exporter!);
      const [file] = (await upload(draft.id, 'invoice.pdf')).supportingDocuments;
      expect(expectData(await deleteDraft(draft.id, tokens.colleague)).deleteCertificateApplicationDraft).toBe(draft.id);
      expect(refusal(await application(draft.id))).toMatchObject({ code: 'NOT_FOUND' });
      expect(await storedDocuments([file!.id])).toEqual({ records: 0, contents: 0 });
      expect((await auditOf(draft.id)).map((e) => e.action)).toEqual(['certificates.application.created', 'certificates.application.documentAttached', 'certificates.application.draftDeleted']);
    });

    it('a submission is the chamber’s file: refused in every later state (CONFLICT), and by anyone but the company', async () => {
      const draft = await certificates.create(tokens.exporter!);
      expect(refusal(await deleteDraft(draft.id, tokens.neighbour))).toMatchObject({ status: true, code: 'NOT_FOUND' });
      expect(refusal(await deleteDraft(draft.id, tokens.admin))).toMatchObject({ status: true, code: 'FORBIDDEN' });
      await certificates.step('submitCertificateApplication', draft.id, tokens.exporter!);
      expect(refusal(await deleteDraft(draft.id))).toEqual({ status: true, code: 'CONFLICT', reason: 'NOT_A_DRAFT' });
      await certificates.step('claimCertificateApplication', draft.id, tokens.clerk!);
      await certificates.step('requestCertificateApplicationChanges', draft.id, tokens.clerk!, { comment: 'Add the invoice' });
      expect(refusal(await deleteDraft(draft.id))).toEqual({ status: true, code: 'CONFLICT', reason: 'NOT_A_DRAFT' });
      expect(expectData(await application(draft.id)).certificateApplication.state).toBe('CHANGES_REQUESTED');
    });
  });

  describe('removeSavedConsignee', () => {
    it('takes a consignee out of the company’s address book; another company or the staff cannot', async () => {
      const kept = await saveConsignee('Harbour Imports Ltd');
      const person = await saveConsignee('Mr John Smith');
      expect(refusal(await removeConsignee(person.id, tokens.neighbour))).toMatchObject({ status: true, code: 'NOT_FOUND' });
      expect(refusal(await removeConsignee(person.id, tokens.admin))).toMatchObject({ status: true, code: 'FORBIDDEN' });
      expect(await consignees()).toEqual(['Harbour Imports Ltd', 'Mr John Smith']);
      expect(expectData(await removeConsignee(person.id, tokens.colleague)).removeSavedConsignee).toBe(person.id);
      expect(await consignees()).toEqual(['Harbour Imports Ltd']);
      expect(refusal(await removeConsignee(person.id))).toMatchObject({ status: true, code: 'NOT_FOUND' });
      expect(kept.id).toBeDefined();
      const rows = await app.asOwner(async (db) => (await db.query(`SELECT count(*)::int AS n FROM saved_consignee WHERE id = $1`, [person.id])).rows[0] as { n: number });
      expect(rows.n).toBe(0);
    });
  });
});
