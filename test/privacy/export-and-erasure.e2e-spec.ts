import Ajv from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { Role } from '@chancery/access';
import { AuditLog } from '@chancery/audit';
import { Actor, RequestContext, SYSTEM_ACTOR } from '@chancery/core';
import { CertificatePdfService } from '@chancery/certificates';
import { getPolicy, policyNamed } from '@chancery/policy';
import type { DataSubjectExport } from '@chancery/privacy';
import { CertificateFactory, expectData, IdentityFactory, pdfContent, queuedEmails, reportFigure, SAMPLE_PDF, TestApp, TestTenant, TestUser, useTestApp } from '@chancery/testing';

/**
 * VERIFY T12 and T13 against real PostgreSQL. The export holds every field declared personal data of
 * the person across every holder of the tenant, validates against docs/privacy/data-subject-export.schema.json,
 * and holds nothing of anyone else. Erasure leaves none of the person's name, e-mail or telephone in any
 * row of the tenant (personal-data columns, audit and access logs, outbox), nor in the caches (Redis);
 * every other row is byte-identical, and a second run changes nothing. The tenant is a chamber: Alice
 * applied for certificates of origin (a consignee, a supporting document, a draft never submitted), a
 * clerk decided (a rejection signed with his name) and a signer signed; all three ask for both.
 */

const SCHEMA = JSON.parse(readFileSync(join(__dirname, '..', '..', 'docs', 'privacy', 'data-subject-export.schema.json'), 'utf8')) as object;

interface Person {
  user: TestUser;
  firstName: string;
  lastName: string;
  phone: string;
}

describe('T12 export and T13 erasure', () => {
  const started = useTestApp();
  let app: TestApp;
  let factory: IdentityFactory;
  let tenant: TestTenant;
  let otherTenant: TestTenant;
  let alice: Person;
  let aliceElsewhere: Person;
  let bob: Person;
  let clerk: Person;
  let signer: Person;
  let officer: TestUser;
  let draftDocumentId: string;
  let issuedDocumentId: string;
  let issuedCertificateId: string;
  /** A tiny PNG as a data: URL, the signer's signature image. */
  const SIGNATURE_IMAGE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
  let officerToken: string;
  const validate = new Ajv({ allErrors: true, strict: false });
  addFormats(validate);
  const validExport = validate.compile(SCHEMA);

  const graphql = <T>(query: string, variables: Record<string, unknown>, token: string) => app.graphql<T>(query, variables, { token });

  async function person(options: Parameters<IdentityFactory['user']>[0], name: string): Promise<Person> {
    const user = await factory.user(options);
    const suffix = Math.random().toString(36).slice(2, 8);
    const p = { user, firstName: `${name}first${suffix}`, lastName: `${name}last${suffix}`, phone: `+3247${Math.floor(1_000_000 + Math.random() * 8_999_999)}` };
    await app.asOwner((db) => db.query(`UPDATE user_account SET first_name = $2, last_name = $3, phone = $4 WHERE id = $1`, [user.id, p.firstName, p.lastName, p.phone]));
    return p;
  }

  const valuesOf = (p: Person) => [p.user.email, p.firstName, p.lastName, p.phone];

  async function ask(p: Person, type: string): Promise<string> {
    const token = (await factory.login(p.user)).accessToken;
    return expectData(
      await graphql<{ requestMyDataSubjectRight: { id: string } }>(`mutation($input: MyDataSubjectRequestInput!) { requestMyDataSubjectRight(input: $input) { id } }`, { input: { type } }, token),
    ).requestMyDataSubjectRight.id;
  }

  /** Every declared personal-data field of each exported record is there (a value or withheld with a reason), but those about others. */
  function coverage(document: DataSubjectExport, extra: Record<string, string[]> = {}): { declared: number; present: number } {
    const aboutOthers: Record<string, string[]> = { UserRole: ['grantedBy'], PersonalDataAccess: ['accessorId', 'accessorRoles'], DataSubjectRequest: ['identityCheckedBy'], ...extra };
    let declared = 0;
    let present = 0;
    for (const record of document.records) {
      const policy = policyNamed(record.entity)!;
      const names = new Set([...record.fields.map((f) => f.field), ...record.withheld.map((w) => w.field)]);
      for (const field of getPolicy(policy.cls)!.fields.values()) {
        if (!field.personalData || aboutOthers[record.entity]?.includes(field.name)) continue;
        declared += 1;
        if (names.has(field.name)) present += 1;
      }
    }
    return { declared, present };
  }

  /** Every row of every table in the schema, as JSON text, by table. */
  async function allRows(): Promise<Map<string, string[]>> {
    return app.asOwner(async (db) => {
      const tables = (await db.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY 1`)).rows as Array<{ table_name: string }>;
      const rows = new Map<string, string[]>();
      for (const { table_name } of tables) {
        const found = (await db.query(`SELECT row_to_json(t)::text AS json FROM "${table_name}" t`)).rows as Array<{ json: string }>;
        rows.set(table_name, found.map((r) => r.json).sort());
      }
      return rows;
    });
  }

  async function redisText(): Promise<string> {
    if (!process.env.REDIS_URL) return '';
    const redis = new Redis(process.env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await redis.connect();
      const keys = await redis.keys('*');
      const values = await Promise.all(keys.map((key) => redis.dumpBuffer(key)));
      return keys.join('\n') + values.map((v) => v?.toString('latin1') ?? '').join('\n');
    } finally {
      redis.disconnect();
    }
  }

  beforeAll(async () => {
    app = started.app;
    factory = started.factory;
    tenant = await factory.tenant();
    otherTenant = await factory.tenant();
    const company = await factory.organisation(tenant);
    alice = await person({ tenant, organisation: company, roles: [Role.ORG_ADMIN] }, 'alice');
    bob = await person({ tenant, organisation: company, roles: [Role.ORG_MEMBER] }, 'bob');
    // Alice is also a customer of another tenant, a separate controller.
    aliceElsewhere = await person({ tenant: otherTenant, organisation: await factory.organisation(otherTenant), roles: [Role.ORG_MEMBER], email: alice.user.email }, 'alice');
    clerk = await person({ tenant, roles: [Role.CLERK] }, 'clerk');
    signer = await person({ tenant, roles: [Role.SIGNER] }, 'signer');
    await app.asOwner((db) => db.query(`UPDATE user_account SET signature_image = $2 WHERE id = $1`, [signer.user.id, SIGNATURE_IMAGE]));
    officer = await factory.user({ tenant, roles: [Role.PRIVACY_OFFICER] });
    // Alice appears in many places: sessions, the audit log (logins), an invitation to her address,
    // the outbox, the access log (a clerk read her), and her requests.
    await factory.invitation({ tenant, organisation: company, invitedBy: bob.user, roles: [Role.ORG_MEMBER], email: alice.user.email });
    await factory.invitation({ tenant, organisation: company, invitedBy: alice.user, roles: [Role.ORG_MEMBER] });
    await factory.login(bob.user);
    const aliceActor: Actor = { kind: 'user', id: alice.user.id, tenantId: tenant.id, organisationId: company.id, roles: [Role.ORG_ADMIN] };
    await app.get(RequestContext).runAs(aliceActor, () =>
      app.get(AuditLog).record({ action: 'identity.role.granted', subjectType: 'User', subjectId: bob.user.id, details: { role: 'ORG_MEMBER' } }),
    );
    const clerkToken = (await factory.login(clerk.user)).accessToken;
    expectData(await graphql(`query($a: ID!, $b: ID!) { a: user(id: $a) { email phone firstName } b: user(id: $b) { email phone } }`, { a: alice.user.id, b: bob.user.id }, clerkToken));
    officerToken = (await factory.login(officer)).accessToken;
    // A message with a live one-time link: the export must not hand that secret out.
    expectData(await app.graphql(`mutation($e: String!, $t: String) { requestPasswordReset(email: $e, tenant: $t) }`, { e: alice.user.email, t: tenant.slug }));

    // The chamber's work: Alice applies (a consignee, a supporting document), the clerk approves, the
    // signer signs; a second application the clerk rejects with a reason signed with his name and
    // telephone; a draft Alice never submitted, with a document.
    const certificates = new CertificateFactory(app);
    const aliceToken = (await factory.login(alice.user)).accessToken;
    const signerToken = (await factory.login(signer.user)).accessToken;
    const upload = async (applicationId: string) => {
      const response = await app.http().post(`/certificate-applications/${applicationId}/documents`).set('authorization', `Bearer ${aliceToken}`)
        .set('content-type', 'application/octet-stream').set('x-file-name', 'invoice.pdf').send(SAMPLE_PDF);
      expect(response.status).toBe(201);
      return (response.body as { supportingDocuments: Array<{ id: string }> }).supportingDocuments;
    };
    const issued = await certificates.create(aliceToken);
    issuedDocumentId = (await upload(issued.id))[0]!.id;
    await certificates.step('submitCertificateApplication', issued.id, aliceToken);
    await certificates.step('claimCertificateApplication', issued.id, clerkToken);
    // Sent back once: Alice's reply (her words, naming her) is hers in her export, someone else's in the clerk's; her erasure takes her name out of it.
    await certificates.step('requestCertificateApplicationChanges', issued.id, clerkToken, { comment: 'Which vessel?' });
    await certificates.step('submitCertificateApplication', issued.id, aliceToken, { reply: `MSC Anna. Seal numbers: call ${alice.firstName} ${alice.lastName}, ${alice.phone}` });
    await certificates.step('claimCertificateApplication', issued.id, clerkToken);
    await certificates.step('approveCertificateApplication', issued.id, clerkToken);
    issuedCertificateId = (await certificates.sign(issued.id, signerToken)).id;
    const rejected = await certificates.create(aliceToken);
    await certificates.step('submitCertificateApplication', rejected.id, aliceToken);
    await certificates.step('claimCertificateApplication', rejected.id, clerkToken);
    await certificates.step('rejectCertificateApplication', rejected.id, clerkToken, { reason: `Goods not of Belgian origin. Questions: ${clerk.firstName} ${clerk.lastName}, ${clerk.phone}` });
    const draft = await certificates.create(aliceToken);
    draftDocumentId = (await upload(draft.id))[0]!.id;
  });

  it('T12: the export holds every declared field of the person, validates against its schema, and nothing of anyone else', async () => {
    const requestId = await ask(alice, 'ACCESS');
    const response = await graphql<{ exportForDataSubjectRequest: { document: string } }>(`mutation($id: ID!) { exportForDataSubjectRequest(requestId: $id) { document } }`, { id: requestId }, officerToken);
    const document = JSON.parse(expectData(response).exportForDataSubjectRequest.document) as DataSubjectExport;
    // Alice's own copy in the other tenant, by herself; and Bob's portability copy.
    const own = JSON.parse(expectData(await graphql<{ myPersonalDataExport: string }>(`{ myPersonalDataExport }`, {}, (await factory.login(aliceElsewhere.user)).accessToken)).myPersonalDataExport) as DataSubjectExport;
    const portable = JSON.parse(expectData(await graphql<{ myPersonalDataExport: string }>(`{ myPersonalDataExport(portability: true) }`, {}, (await factory.login(bob.user)).accessToken)).myPersonalDataExport) as DataSubjectExport;
    // The clerk's and the signer's own copies: the applications they decided, the certificates they signed.
    const ownExport = async (p: Person) =>
      JSON.parse(expectData(await graphql<{ myPersonalDataExport: string }>(`{ myPersonalDataExport }`, {}, (await factory.login(p.user)).accessToken)).myPersonalDataExport) as DataSubjectExport;
    const clerkExport = await ownExport(clerk);
    const signerExport = await ownExport(signer);
    const everyone = [alice, aliceElsewhere, bob, clerk, signer];
    const othersThan = (p: Person) => everyone.filter((o) => o !== p);
    // On an application, the consignee's details are someone else's; so are the other side's: the clerk and his notes for the applicant, the applicant for the clerk.
    const consignee = ['consigneeName', 'consigneeAddress'];
    const staffSide = ['claimedBy', 'reviewedBy', 'reviewComment', 'rejectionReason'];
    const exports: Array<[DataSubjectExport, Person, Person[], Record<string, string[]>]> = [
      [document, alice, othersThan(alice), { CertificateApplication: [...consignee, ...staffSide] }],
      [own, aliceElsewhere, othersThan(aliceElsewhere), {}],
      [portable, bob, othersThan(bob), {}],
      [clerkExport, clerk, othersThan(clerk), { CertificateApplication: [...consignee, 'createdBy', 'companyReply'] }],
      [signerExport, signer, othersThan(signer), {}],
    ];

    let declared = 0;
    let present = 0;
    let foreignValues = 0;
    for (const [exported, subject, others, aboutOthers] of exports) {
      expect(validExport(exported)).toBe(true);
      // Portability holds only what the person provided (checked below); the others hold every declared field.
      if (!exported.portability) {
        const c = coverage(exported, aboutOthers);
        declared += c.declared;
        present += c.present;
      }
      const text = JSON.stringify(exported.records);
      for (const value of valuesOf(subject).slice(1)) expect(text).toContain(value);
      for (const other of others) {
        for (const value of [...valuesOf(other).slice(1), other.user.id]) if (text.includes(value)) foreignValues += 1;
      }
      for (const value of [officer.id, officer.email]) if (text.includes(value)) foreignValues += 1;
    }
    expect(validate.errors ?? []).toEqual([]);

    // Every holder of the tenant contributed: account, roles, sessions, audit entries, invitation, outbox, access log, requests.
    expect([...new Set(document.records.map((r) => r.entity))].sort()).toEqual(
      ['AuditEntry', 'CertificateApplication', 'DataSubjectRequest', 'Invitation', 'OutboxMessage', 'PersonalDataAccess', 'Session', 'StoredDocument', 'User', 'UserRole'],
    );
    // Alice's applications (the issued one, the rejected one, the draft) and her two uploads, as the applicant.
    const aliceApplications = document.records.filter((r) => r.entity === 'CertificateApplication');
    expect(aliceApplications.map((r) => r.fields.find((f) => f.field === 'createdBy')!.value)).toEqual([alice.user.id, alice.user.id, alice.user.id]);
    expect(document.records.filter((r) => r.entity === 'StoredDocument').map((r) => r.fields[0]!.value)).toEqual([alice.user.id, alice.user.id]);
    // The clerk: the applications he held and decided (his rejection's words with them); the signer: the certificate, her statistics, her signatory profile.
    const clerkEntities = clerkExport.records.map((r) => r.entity);
    expect(clerkEntities.filter((e) => e === 'CertificateApplication')).toHaveLength(2);
    expect(clerkEntities).toContain('CertificateProcessingStatistic');
    expect(JSON.stringify(clerkExport.records)).toContain('Goods not of Belgian origin');
    const signerEntities = signerExport.records.map((r) => r.entity);
    expect(signerEntities).toEqual(expect.arrayContaining(['CertificateOfOrigin', 'CertificateProcessingStatistic', 'CertificateSignatory']));
    const profile = signerExport.records.find((r) => r.entity === 'CertificateSignatory')!;
    expect(profile.fields.map((f) => [f.field, f.value])).toEqual([['name', `${signer.firstName} ${signer.lastName}`], ['signatureImage', SIGNATURE_IMAGE]]);
    expect(signerExport.records.find((r) => r.entity === 'CertificateOfOrigin')!.fields.find((f) => f.field === 'signedBy')!.value).toBe(signer.user.id);
    expect(document.records.find((r) => r.entity === 'User')!.fields.find((f) => f.field === 'phone')!.value).toBe(alice.phone);
    // Her messages as she read them (not the sealed text at rest), without the one-time secret of their links.
    const bodies = document.records.filter((r) => r.entity === 'OutboxMessage').map((r) => String(r.fields.find((f) => f.field === 'body')!.value));
    expect(bodies.some((body) => body.includes('/reset-password#token=(removed'))).toBe(true);
    for (const body of bodies) expect(body).not.toMatch(/^v\d+\.|#token=(?!\(removed)/);
    expect(document.categories.every((c) => c.purposes.length > 0 && c.legalBases.length > 0 && c.retention.length > 0 && c.recipients.length > 0)).toBe(true);
    // The other tenant's export is that controller's alone.
    expect(own.controllerTenantId).toBe(otherTenant.id);
    expect(JSON.stringify(own)).not.toContain(alice.user.id);
    // Portability: only what Bob provided, each marked so.
    expect(portable.portability).toBe(true);
    expect(portable.records.flatMap((r) => r.fields).every((f) => f.providedBySubject)).toBe(true);
    expect(portable.records.flatMap((r) => r.fields).map((f) => f.field)).toEqual(expect.arrayContaining(['firstName', 'phone', 'email']));
    // Nothing is released before the identity check: the export of another request type is refused.
    const wrong = await graphql(`mutation($id: ID!) { exportForDataSubjectRequest(requestId: $id) { id } }`, { id: await ask(bob, 'ERASURE') }, officerToken);
    expect(wrong.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    expect(foreignValues).toBe(0);
    expect(present).toBe(declared);
    reportFigure(`T12 export: ${exports.length} subjects, ${Math.round((100 * present) / declared)}% of declared fields, ${foreignValues} values of anyone else`);
  });

  it('T13: erasure deletes or de-identifies with reasons; 0 hits outside kept records; everyone else byte-identical; twice changes nothing', async () => {
    // Alice (the exporter), the clerk and the signer each ask to be erased.
    const erased = [alice, clerk, signer];
    const requestIds = await Promise.all(erased.map((p) => ask(p, 'ERASURE')));
    const erasedSessions = await app.asOwner(async (db) =>
      ((await db.query(`SELECT id::text FROM auth_session WHERE user_id = ANY($1::uuid[])`, [erased.map((p) => p.user.id)])).rows as Array<{ id: string }>).map((r) => r.id));
    const before = await allRows();
    const erase = async (requestId: string) =>
      expectData(
        await graphql<{ eraseForDataSubjectRequest: { holders: Array<{ holder: string; deleted: number; deidentified: number; keptAsReference: number; reason: string | null }> } }>(
          `mutation($id: ID!) { eraseForDataSubjectRequest(requestId: $id) { holders { holder deleted deidentified keptAsReference reason } } }`,
          { id: requestId },
          officerToken,
        ),
      ).eraseForDataSubjectRequest.holders;
    const outcomesOf: Array<Awaited<ReturnType<typeof erase>>> = [];
    for (const requestId of requestIds) outcomesOf.push(await erase(requestId));
    const [outcomes, clerkOutcomes, signerOutcomes] = outcomesOf as [Awaited<ReturnType<typeof erase>>, Awaited<ReturnType<typeof erase>>, Awaited<ReturnType<typeof erase>>];
    const after = await allRows();

    // The answer says what was deleted, de-identified or kept, and why anything was kept.
    const byHolder = Object.fromEntries(outcomes.map((o) => [o.holder, o]));
    expect(byHolder['identity.accounts']).toMatchObject({ deidentified: 1, reason: expect.stringContaining('audit trail') });
    expect(byHolder['auth.sessions']!.deleted).toBeGreaterThan(0);
    expect(byHolder['notifications.outbox']!.deleted).toBeGreaterThan(0);
    expect(byHolder['audit.entries']).toMatchObject({ keptAsReference: expect.any(Number), reason: expect.stringContaining('evidence') });
    expect(byHolder['audit.entries']!.keptAsReference).toBeGreaterThan(0);
    for (const outcome of outcomesOf.flat()) if (outcome.deidentified + outcome.keptAsReference > 0) expect(outcome.reason).toEqual(expect.any(String));
    // Certificates: Alice's draft deleted, her two uploads without her id, her reply to the clerk without her name and telephone,
    // her issued and rejected applications kept (evidence); the clerk's rejection no longer names him, his applications kept;
    // the signer's certificate kept, signed content unchanged.
    const certificatesOf = (list: typeof outcomes) => list.find((o) => o.holder === 'certificates.applications')!;
    expect(certificatesOf(outcomes)).toMatchObject({ deleted: 2, deidentified: 2, keptAsReference: 2, reason: expect.stringContaining('10 years') });
    expect(certificatesOf(clerkOutcomes)).toMatchObject({ deleted: 0, deidentified: 1, keptAsReference: 2 });
    expect(certificatesOf(signerOutcomes)).toMatchObject({ deleted: 0, deidentified: 0, keptAsReference: 1 });
    const certificateRows = (table: string) => [...(after.get(table) ?? [])].filter((r) => r.includes(tenant.id));
    expect(certificateRows('certificate')).toEqual([...(before.get('certificate') ?? [])].filter((r) => r.includes(tenant.id)));
    expect(certificateRows('certificate_application').some((r) => r.includes('Goods not of Belgian origin. Questions: [erased] [erased], [erased]'))).toBe(true);
    expect(certificateRows('certificate_application').some((r) => r.includes('MSC Anna. Seal numbers: call [erased] [erased], [erased]'))).toBe(true);
    // The draft's document went with it, bytes and all (nobody's evidence, and it may name her); the issued one's stays without her id.
    expect(certificateRows('stored_document').filter((r) => r.includes(draftDocumentId))).toHaveLength(0);
    expect(await app.asOwner(async (db) => (await db.query(`SELECT count(*)::int AS n FROM document_content WHERE document_id = $1`, [draftDocumentId])).rows[0].n)).toBe(0);
    expect(certificateRows('stored_document').filter((r) => r.includes(issuedDocumentId))).toHaveLength(1);

    // The scan: every row of every table of this tenant, plus tables without tenants, plus the caches.
    // One message to each erased person is kept by design: the answer telling them the erasure is done
    // (Art. 12(3)), queued after it to the address taken before it; its text (sealed) names no one, and
    // it goes with the delivered messages' retention.
    let hits = 0;
    let erasureAnswers = 0;
    const erasedValues = erased.flatMap(valuesOf);
    for (const [table, rows] of after) {
      for (const row of rows) {
        const parsed = JSON.parse(row) as { tenant_id?: string | null; template?: string; recipient?: string };
        if (parsed.tenant_id === otherTenant.id) continue;
        if (table === 'outbox_message' && parsed.template === 'privacy.request-answered' && erased.some((p) => p.user.email === parsed.recipient)) {
          erasureAnswers += 1;
          continue;
        }
        for (const value of erasedValues) if (row.toLowerCase().includes(value.toLowerCase())) hits += 1, console.log(`hit in ${table}: ${value}`);
      }
    }
    const cache = await redisText();
    for (const value of erasedValues) if (cache.includes(value)) hits += 1;

    // Everyone else: every row before that does not concern the erased is still there, unchanged.
    // (The bytes of the document Alice uploaded to her draft are hers too: their row names only the document.)
    const concernsAlice = (row: string) =>
      [...erased.map((p) => p.user.id), ...erasedSessions, ...erasedValues, draftDocumentId].some((v) => row.toLowerCase().includes(v.toLowerCase())) || requestIds.some((id) => row.includes(id));
    let otherRows = 0;
    const changed: string[] = [];
    for (const [table, rows] of before) {
      const remaining = new Set(after.get(table) ?? []);
      for (const row of rows.filter((r) => !concernsAlice(r))) {
        otherRows += 1;
        if (!remaining.has(row)) changed.push(`${table}: ${row}`);
      }
    }
    expect(changed).toEqual([]);
    // Alice in the other tenant (another controller) is untouched.
    expect([...after.values()].flat().filter((r) => r.includes(aliceElsewhere.user.id) && r.includes(aliceElsewhere.firstName) && r.includes(alice.user.email)).length).toBeGreaterThan(0);

    // Running it again finds nothing to change.
    for (const requestId of requestIds) {
      const again = await erase(requestId);
      expect(again.every((o) => o.deleted === 0 && o.deidentified === 0)).toBe(true);
    }
    expect(await allRows()).toEqual(after);

    // Its PDF, rendered only now (after the erasure), prints neither the signer's name nor her
    // signature image, as for a restricted signer; the certificate itself is unchanged.
    await app.get(RequestContext).runAs(SYSTEM_ACTOR, () => app.get(CertificatePdfService).renderAwaiting());
    const [pdfRow] = (await app.asOwner((db) =>
      db.query(`SELECT dc.bytes FROM certificate c JOIN document_content dc ON dc.document_id = c.pdf_document_id WHERE c.id = $1`, [issuedCertificateId]))).rows as Array<{ bytes: Buffer }>;
    const pdf = pdfContent(pdfRow!.bytes);
    expect(pdf.text).toContain('Harbour Imports Ltd');
    for (const value of valuesOf(signer)) expect(pdf.text).not.toContain(value);
    expect(pdf.images).toBeLessThanOrEqual(2);

    // The database allows erasure no more than that: the application role may forget a document's
    // uploader, and change nothing else of a stored document (it is evidence).
    const asApplication = async (sql: string, params: unknown[]): Promise<string> => {
      const client = new Client({ connectionString: app.database.appUrl });
      await client.connect();
      try {
        await client.query('BEGIN');
        await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant.id]);
        const result = await client.query(sql, params);
        return `${result.rowCount}`;
      } catch (error) {
        return (error as { code?: string }).code ?? 'error';
      } finally {
        await client.query('ROLLBACK').catch(() => undefined);
        await client.end();
      }
    };
    expect(await asApplication(`UPDATE stored_document SET uploaded_by = NULL WHERE id = $1`, [issuedDocumentId])).toBe('1');
    expect(await asApplication(`UPDATE stored_document SET uploaded_by = $2 WHERE id = $1`, [issuedDocumentId, bob.user.id])).toBe('23514');
    expect(await asApplication(`UPDATE stored_document SET file_name = 'forged.pdf' WHERE id = $1`, [issuedDocumentId])).toBe('42501');
    // Only a supporting document may be deleted by the application (an erased draft's); an issued certificate's PDF never.
    expect(await asApplication(`DELETE FROM stored_document WHERE id = (SELECT pdf_document_id FROM certificate WHERE id = $1)`, [issuedCertificateId])).toBe('0');
    expect(await asApplication(`DELETE FROM document_content WHERE document_id = (SELECT pdf_document_id FROM certificate WHERE id = $1)`, [issuedCertificateId])).toBe('0');

    expect(erasureAnswers).toBe(erased.length);
    const answers = await queuedEmails(app, { template: 'privacy.request-answered' });
    for (const p of erased) {
      const told = answers.filter((m) => m.recipient === p.user.email);
      expect(told).toHaveLength(1);
      for (const value of valuesOf(p).slice(1)) expect(told[0]!.body).not.toContain(value);
    }
    expect(hits).toBe(0);
    reportFigure(`T13 erasure: ${erased.length} subjects, ${hits} hits outside kept records, ${otherRows} other rows unchanged`);
  });
});
