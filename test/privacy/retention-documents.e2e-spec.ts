import { Client } from 'pg';
import { Role } from '@chancery/access';
import { RequestContext, SYSTEM_ACTOR } from '@chancery/core';
import { CertificatePdfService } from '@chancery/certificates';
import { CertificateFactory, expectData, IdentityFactory, reportFigure, SAMPLE_PDF, TestApp, TestCertificate, TestTenant, TestUser, useTestApp } from '@chancery/testing';

/**
 * VERIFY T15 for the documents (issue 18 items 4, 10): the retention sweep on a simulated clock over
 * certificate files (rule CERTIFICATE_FILE: 10 years after issue; rejected applications from their
 * decision). Past the period a certificate keeps a minimal record without anyone in it, and public
 * verification of its number says the record was destroyed; its signed content, signer, PDFs (record
 * and bytes), its application's consignee, applicant, clerks, notes and supporting documents go. A
 * file under a legal hold, or naming a restricted person, and a file not yet due stay as they are;
 * a second sweep finds nothing.
 */

interface Outcome {
  holder: string;
  expired: number;
  deleted: number;
  deidentified: number;
  held: number;
}

describe('T15 retention sweep (documents)', () => {
  const started = useTestApp();
  let app: TestApp;
  let factory: IdentityFactory;
  let tenant: TestTenant;
  let officer: TestUser;
  let member: TestUser;
  let restricted: TestUser;

  const T0 = '2030-01-10T09:00:00Z';
  const RECENT = '2031-06-01T09:00:00Z';
  /** More than 10 years after T0, less than 10 years after RECENT. */
  const SWEEP = '2040-06-01T09:00:00Z';

  /** The certificate files seeded: due ones, one under a legal hold, one of a restricted person, recent ones. */
  const files: Record<'due' | 'held' | 'restricted' | 'recent', TestCertificate> = {} as never;
  const rejected: Record<'due' | 'recent', string> = {} as never;
  const supportingDocuments = new Map<string, string>();

  async function rows(sql: string, params: unknown[]): Promise<Array<Record<string, unknown>>> {
    return app.asOwner(async (db) => (await db.query(sql, params)).rows as Array<Record<string, unknown>>);
  }

  /** Everything the tenant's certificate files hold, as the database owner: for before/after comparisons. */
  async function fileRows(certificateId: string | null, applicationId: string): Promise<string> {
    const certificate = certificateId ? await rows(`SELECT * FROM certificate WHERE id = $1`, [certificateId]) : [];
    const copies = certificateId ? await rows(`SELECT * FROM certificate_copy WHERE certificate_id = $1 ORDER BY copy_number`, [certificateId]) : [];
    const application = await rows(`SELECT * FROM certificate_application WHERE id = $1`, [applicationId]);
    const documents = await rows(
      `SELECT d.*, c.bytes FROM stored_document d LEFT JOIN document_content c ON c.document_id = d.id
        WHERE d.id = ANY(SELECT unnest(supporting_document_ids) FROM certificate_application WHERE id = $1)
           OR d.id IN (SELECT pdf_document_id FROM certificate WHERE id = $2 UNION SELECT pdf_document_id FROM certificate_copy WHERE certificate_id = $2)
        ORDER BY d.id`,
      [applicationId, certificateId],
    );
    return JSON.stringify({ certificate, copies, application, documents });
  }

  /**
   * Certificate files past CERTIFICATE_FILE at `at` (10 years) that still hold personal data: a
   * certificate not destroyed, or an issued or rejected application still naming someone.
   */
  async function pastRetention(at: string): Promise<string[]> {
    const found = await rows(
      `SELECT c.id::text FROM certificate c WHERE c.tenant_id = $1 AND c.issued_at < $2::timestamptz - interval '10 years'
          AND (c.signed_payload <> '' OR c.signed_by IS NOT NULL OR EXISTS (SELECT 1 FROM certificate_copy k WHERE k.certificate_id = c.id AND k.requested_by IS NOT NULL)
               OR EXISTS (SELECT 1 FROM stored_document d WHERE d.id = c.pdf_document_id))
       UNION ALL
       SELECT a.id::text FROM certificate_application a LEFT JOIN certificate c ON c.id = a.certificate_id
        WHERE a.tenant_id = $1 AND ((a.state = 'ISSUED' AND c.issued_at < $2::timestamptz - interval '10 years') OR (a.state = 'REJECTED' AND a.updated_at < $2::timestamptz - interval '10 years'))
          AND (a.consignee_name <> '' OR a.consignee_address <> '' OR a.created_by IS NOT NULL OR a.claimed_by IS NOT NULL OR a.reviewed_by IS NOT NULL
               OR a.review_comment IS NOT NULL OR a.rejection_reason IS NOT NULL OR cardinality(a.supporting_document_ids) > 0)`,
      [tenant.id, at],
    );
    return found.map((r) => r.id as string).sort();
  }

  async function documentCount(): Promise<{ records: number; bytes: number }> {
    const [row] = await rows(
      `SELECT (SELECT count(*)::int FROM stored_document WHERE tenant_id = $1) AS records, (SELECT count(*)::int FROM document_content WHERE tenant_id = $1) AS bytes`, [tenant.id],
    );
    return row as { records: number; bytes: number };
  }

  /** A statement as the application role in the tenant, in a transaction rolled back: the row count, or the error code. */
  async function asApplication(sql: string, params: unknown[]): Promise<string> {
    const client = new Client({ connectionString: app.database.appUrl });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant.id]);
      return `${(await client.query(sql, params)).rowCount}`;
    } catch (error) {
      return (error as { code?: string }).code ?? 'error';
    } finally {
      await client.query('ROLLBACK').catch(() => undefined);
      await client.end();
    }
  }

  const sweep = async (): Promise<Outcome[]> =>
    expectData(await app.graphql<{ runRetentionSweep: Outcome[] }>(`mutation { runRetentionSweep(batchSize: 2) { holder expired deleted deidentified held } }`, {}, {
      token: (await factory.login(officer)).accessToken,
    })).runRetentionSweep;

  beforeAll(async () => {
    app = started.app;
    factory = started.factory;
    app.clock.set(new Date(T0));
    tenant = await factory.tenant();
    const company = await factory.organisation(tenant);
    member = await factory.user({ tenant, organisation: company, roles: [Role.ORG_ADMIN] });
    restricted = await factory.user({ tenant, organisation: company, roles: [Role.ORG_MEMBER] });
    officer = await factory.user({ tenant, roles: [Role.PRIVACY_OFFICER] });
    const clerk = await factory.user({ tenant, roles: [Role.CLERK] });
    const signer = await factory.user({ tenant, roles: [Role.SIGNER] });
    const certificates = new CertificateFactory(app);
    const tokens = async () => ({
      member: (await factory.login(member)).accessToken, restricted: (await factory.login(restricted)).accessToken,
      clerk: (await factory.login(clerk)).accessToken, signer: (await factory.login(signer)).accessToken,
    });
    const upload = async (applicationId: string, token: string) => {
      const response = await app.http().post(`/certificate-applications/${applicationId}/documents`).set('authorization', `Bearer ${token}`)
        .set('content-type', 'application/octet-stream').set('x-file-name', 'invoice.pdf').send(SAMPLE_PDF);
      expect(response.status).toBe(201);
      return (response.body as { supportingDocuments: Array<{ id: string }> }).supportingDocuments.at(-1)!.id;
    };
    /** A certificate issued now, its application with a supporting document, and a copy. */
    const issue = async (token: string, t: Awaited<ReturnType<typeof tokens>>) => {
      const application = await certificates.create(token, { consignee: { name: 'Jan Peeters', address: 'Kerkstraat 1, 2000 Antwerpen', country: 'BE' } });
      supportingDocuments.set(application.id, await upload(application.id, token));
      await certificates.step('submitCertificateApplication', application.id, token);
      await certificates.step('claimCertificateApplication', application.id, t.clerk);
      await certificates.step('approveCertificateApplication', application.id, t.clerk);
      const certificate = await certificates.sign(application.id, t.signer);
      expectData(await app.graphql(`mutation($id: ID!) { requestCertificateCopy(certificateId: $id) { id } }`, { id: certificate.id }, { token }));
      return certificate;
    };
    const reject = async (t: Awaited<ReturnType<typeof tokens>>) => {
      const application = await certificates.create(t.member);
      supportingDocuments.set(application.id, await upload(application.id, t.member));
      await certificates.step('submitCertificateApplication', application.id, t.member);
      await certificates.step('claimCertificateApplication', application.id, t.clerk);
      await certificates.step('rejectCertificateApplication', application.id, t.clerk, { reason: 'Goods not of Belgian origin (ask Jan Peeters, +32 3 123 45 67)' });
      return application.id;
    };

    let t = await tokens();
    files.due = await issue(t.member, t);
    files.held = await issue(t.member, t);
    files.restricted = await issue(t.restricted, t);
    rejected.due = await reject(t);
    app.clock.set(new Date(RECENT));
    t = await tokens();
    files.recent = await issue(t.member, t);
    rejected.recent = await reject(t);
    // The PDFs of the certificates and their copies, rendered by the worker.
    await app.get(RequestContext).runAs(SYSTEM_ACTOR, () => app.get(CertificatePdfService).renderAwaiting());
    const unrendered = await rows(
      `SELECT id FROM certificate WHERE tenant_id = $1 AND pdf_document_id IS NULL UNION ALL SELECT id FROM certificate_copy WHERE tenant_id = $1 AND pdf_document_id IS NULL`, [tenant.id]);
    expect(unrendered).toEqual([]);

    // The restricted person asks for restriction; the officer grants it.
    const requestId = expectData(await app.graphql<{ requestMyDataSubjectRight: { id: string } }>(
      `mutation { requestMyDataSubjectRight(input: { type: RESTRICTION }) { id } }`, {}, { token: t.restricted })).requestMyDataSubjectRight.id;
    expectData(await app.graphql(`mutation($id: ID!) { restrictForDataSubjectRequest(requestId: $id) { status } }`, { id: requestId }, { token: (await factory.login(officer)).accessToken }));
  });

  it('destroys the certificate files past CERTIFICATE_FILE (bytes too), keeps a minimal record that verification reports as destroyed, and leaves the rest', async () => {
    app.clock.set(new Date(SWEEP));
    const officerToken = (await factory.login(officer)).accessToken;
    expectData(await app.graphql(`mutation($input: PlaceLegalHoldInput!) { placeLegalHold(input: $input) }`,
      { input: { record: `CertificateOfOrigin:${files.held.id}`, reason: 'Customs dispute' } }, { token: officerToken }));
    const applicationOf = async (c: TestCertificate) => (await rows(`SELECT application_id::text AS id FROM certificate WHERE id = $1`, [c.id]))[0]!.id as string;
    const kept = {
      held: await fileRows(files.held.id, await applicationOf(files.held)),
      restricted: await fileRows(files.restricted.id, await applicationOf(files.restricted)),
      recent: await fileRows(files.recent.id, await applicationOf(files.recent)),
      rejectedRecent: await fileRows(null, rejected.recent),
    };
    const dueApplication = await applicationOf(files.due);
    const dueDocuments = (await rows(
      `SELECT id::text FROM stored_document WHERE id IN (SELECT pdf_document_id FROM certificate WHERE id = $1 UNION SELECT pdf_document_id FROM certificate_copy WHERE certificate_id = $1)
          OR id = ANY($2::uuid[])`,
      [files.due.id, [supportingDocuments.get(dueApplication), supportingDocuments.get(rejected.due)]],
    )).map((r) => r.id as string);
    expect(dueDocuments).toHaveLength(4);
    const seeded = await pastRetention(SWEEP);
    const untouchable = [files.held.id, await applicationOf(files.held), files.restricted.id, await applicationOf(files.restricted)].sort();
    expect(seeded).toEqual([files.due.id, dueApplication, rejected.due, ...untouchable].sort());
    const documentsBefore = await documentCount();

    // The database refuses the application role what the sweep may not do: change an issued certificate, delete a live certificate's PDF.
    expect(await asApplication(`UPDATE certificate SET signed_payload = '' WHERE id = $1`, [files.held.id])).toBe('23514');
    expect(await asApplication(`UPDATE certificate SET destroyed_at = now(), signed_payload = '', signature = '', signed_by = NULL, number = 'X' WHERE id = $1`, [files.held.id])).toBe('42501');
    expect(await asApplication(`UPDATE certificate SET destroyed_at = now(), signed_payload = '', signature = '' WHERE id = $1`, [files.held.id])).toBe('23514');
    expect(await asApplication(`DELETE FROM stored_document WHERE id = (SELECT pdf_document_id FROM certificate WHERE id = $1)`, [files.held.id])).toBe('0');
    expect(await asApplication(`DELETE FROM document_content WHERE document_id = (SELECT pdf_document_id FROM certificate WHERE id = $1)`, [files.held.id])).toBe('0');

    const outcomes = await sweep();
    const certificatesOutcome = outcomes.find((o) => o.holder === 'certificates.applications')!;
    // Due: the issued file (certificate and application as one), the rejected application, and the held and restricted files.
    expect(certificatesOutcome).toEqual({ holder: 'certificates.applications', expired: 4, deleted: 0, deidentified: 2, held: 2 });
    const after = await pastRetention(SWEEP);
    expect(after).toEqual(untouchable);
    const pastAfterwards = after.filter((id) => !untouchable.includes(id)).length;

    // What stays of the destroyed certificate: number, status, dates, chamber, country, goods hash; nobody.
    const [destroyed] = await rows(`SELECT number, status, issued_at, destroyed_at, signed_payload, signature, signed_by, goods_hash FROM certificate WHERE id = $1`, [files.due.id]);
    expect(destroyed).toMatchObject({ number: files.due.number, status: 'ISSUED', destroyed_at: new Date(SWEEP), signed_payload: '', signature: '', signed_by: null });
    expect(await rows(`SELECT requested_by FROM certificate_copy WHERE certificate_id = $1`, [files.due.id])).toEqual([{ requested_by: null }]);
    for (const id of [dueApplication, rejected.due]) {
      const [application] = await rows(
        `SELECT state, consignee_name, consignee_address, created_by, claimed_by, reviewed_by, review_comment, rejection_reason, supporting_document_ids, destroyed_at IS NOT NULL AS destroyed
           FROM certificate_application WHERE id = $1`, [id]);
      expect(application).toEqual({
        state: id === rejected.due ? 'REJECTED' : 'ISSUED', consignee_name: '', consignee_address: '', created_by: null, claimed_by: null, reviewed_by: null,
        review_comment: null, rejection_reason: null, supporting_document_ids: [], destroyed: true,
      });
    }
    // The PDFs (certificate and copy) and the supporting documents: records and bytes gone.
    expect(await rows(`SELECT id FROM stored_document WHERE id = ANY($1::uuid[]) UNION ALL SELECT document_id FROM document_content WHERE document_id = ANY($1::uuid[])`, [dueDocuments])).toEqual([]);
    const documentsAfter = await documentCount();
    const filesDeleted = documentsBefore.records - documentsAfter.records;
    expect(filesDeleted).toBe(4);
    expect(documentsBefore.bytes - documentsAfter.bytes).toBe(4);
    // The files not due, held or of a restricted person: unchanged, bytes included.
    expect({
      held: await fileRows(files.held.id, await applicationOf(files.held)),
      restricted: await fileRows(files.restricted.id, await applicationOf(files.restricted)),
      recent: await fileRows(files.recent.id, await applicationOf(files.recent)),
      rejectedRecent: await fileRows(null, rejected.recent),
    }).toEqual(kept);

    // Public verification of the number says plainly that the record was destroyed (no 5xx, nothing stale).
    const certificates = new CertificateFactory(app);
    const verified = expectData(await app.graphql<{ verifyCertificate: Record<string, unknown> }>(
      `query($n: String!, $c: String!) { verifyCertificate(number: $n, code: $c) { authentic number status issuedAt countryOfOrigin goodsHash keyId recordDestroyedAt } }`,
      { n: files.due.number, c: files.due.verificationCode })).verifyCertificate;
    expect(verified).toMatchObject({ authentic: false, number: files.due.number, status: 'ISSUED', recordDestroyedAt: new Date(SWEEP).toISOString(), goodsHash: null, keyId: null });
    const page = await app.http().get(`/verify/${files.due.number}?code=${files.due.verificationCode}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Record destroyed after its retention period');
    expect(page.text).not.toContain('Jan Peeters');
    // The signed copy the exporter holds still proves itself with the chamber's key.
    const signedCopy = expectData(await app.graphql<{ verifySignedCertificate: Record<string, unknown> }>(
      `query($p: String!, $s: String!, $k: String!) { verifySignedCertificate(payload: $p, signature: $s, kid: $k) { authentic number recordDestroyedAt } }`,
      { p: files.due.signedPayload, s: files.due.signature, k: files.due.keyId })).verifySignedCertificate;
    expect(signedCopy).toEqual({ authentic: true, number: files.due.number, recordDestroyedAt: new Date(SWEEP).toISOString() });
    // A certificate not destroyed still verifies as before.
    expect(expectData(await certificates.verify(files.recent.number, files.recent.verificationCode)).verifyCertificate).toMatchObject({ authentic: true, status: 'ISSUED' });
    // Its company sees the minimal record, without a PDF to download, copy or revoke.
    const memberToken = (await factory.login(member)).accessToken;
    const seen = expectData(await app.graphql<{ certificateOfOrigin: Record<string, unknown> }>(
      `query($id: ID!) { certificateOfOrigin(certificateId: $id) { number signedPayload pdfReady destroyedAt } }`, { id: files.due.id }, { token: memberToken })).certificateOfOrigin;
    expect(seen).toEqual({ number: files.due.number, signedPayload: '', pdfReady: false, destroyedAt: new Date(SWEEP).toISOString() });
    const pdf = await app.http().get(`/certificates/${files.due.id}/pdf`).set('authorization', `Bearer ${memberToken}`);
    expect(pdf.status).toBe(409);
    const copy = await app.graphql(`mutation($id: ID!) { requestCertificateCopy(certificateId: $id) { id } }`, { id: files.due.id }, { token: memberToken });
    expect(copy.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'RECORD_DESTROYED' });
    // A destroyed record is never changed again.
    expect(await asApplication(`UPDATE certificate SET status = 'REVOKED' WHERE id = $1`, [files.due.id])).toBe('23514');

    // A second sweep finds nothing more to do.
    const again = (await sweep()).find((o) => o.holder === 'certificates.applications')!;
    expect(again).toEqual({ holder: 'certificates.applications', expired: 2, deleted: 0, deidentified: 0, held: 2 });
    expect(await pastRetention(SWEEP)).toEqual(untouchable);

    reportFigure(`T15 retention (documents): ${seeded.length - untouchable.length + 2} expired records (certificate files, datasheet records), ${pastAfterwards} records past retention after the sweep, ${filesDeleted} files deleted`);
  });
});
