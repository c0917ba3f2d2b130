import { Client } from 'pg';
import { Role } from '@chancery/access';
import { RequestContext, SYSTEM_ACTOR } from '@chancery/core';
import { CertificatePdfService } from '@chancery/certificates';
import {
  CertificateFactory, CertificationBody, DatasheetsFactory, expectData, IdentityFactory, reportFigure, SAMPLE_PDF, TestApp, TestCertificate, TestTenant, TestUser, useTestApp,
} from '@chancery/testing';

/**
 * VERIFY T15 for the documents (issue 18 items 4, 10): the retention sweep on a simulated clock over
 * certificate files (rule CERTIFICATE_FILE: 10 years after issue; rejected applications from their
 * decision). Past the period a certificate keeps a minimal record without anyone in it, and public
 * verification of its number says the record was destroyed; its signed content, signer, PDFs (record
 * and bytes), its application's consignee, applicant, clerks, notes and supporting documents go. A
 * file under a legal hold, or naming a restricted person, and a file not yet due stay as they are;
 * a second sweep finds nothing. Withdrawn datasheets (rule DATASHEET_RECORD: 12 months after
 * withdrawal) keep their versions and attachments without their contact, who completed them and who
 * added the attachments; published ones, with their superseded versions, are untouched.
 * Applications their companies abandoned (rule ABANDONED_APPLICATION: 12 months after their last
 * change) go: a draft never submitted is deleted, one sent back for changes and never resubmitted is
 * destroyed like a rejected one (and refuses edits and submission), supporting documents with them.
 * A project certificate's distribution forgets who sent it once CERTIFICATE_FILE's period after it is
 * over (where and when stay).
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

  /** Datasheets of a certification body: withdrawn at DS_T0 (due at DS_SWEEP; one held, one of a restricted person), live, withdrawn recently. */
  const DS_T0 = '2030-01-10T09:00:00Z';
  const DS_RECENT = '2031-03-01T09:00:00Z';
  const DS_SWEEP = '2031-06-01T09:00:00Z';
  let body: CertificationBody;
  let bodyOfficer: TestUser;
  const sheets: Record<'due' | 'held' | 'restricted' | 'live' | 'recent', string> = {} as never;
  /** What the datasheet sweep found, for the figure. */
  let datasheetFigures = { expired: 0, held: 0, pastAfterwards: 0 };

  /** A chamber whose companies abandoned applications at T0 (due at AB_SWEEP; one held, one of a restricted person) and at RECENT (not due). */
  const AB_SWEEP = '2031-09-01T09:00:00Z';
  let shelf: { tenant: TestTenant; member: TestUser; restricted: TestUser; officer: TestUser; clerk: TestUser };
  const abandoned: Record<'draft' | 'sentBack' | 'withdrawn' | 'held' | 'restricted' | 'recentDraft' | 'recentSentBack', string> = {} as never;
  let abandonedFigures = { expired: 0, held: 0, pastAfterwards: 0, filesDeleted: 0 };

  /** A certification body whose project certificate was distributed at T0 (due at SWEEP; one held, one by a restricted person) and at RECENT (not due). */
  let projectBody: CertificationBody;
  let projectOfficer: TestUser;
  let projectId: string;
  let projectReader: TestUser;
  let projectDistributor: TestUser;
  const distributions: Record<'due' | 'held' | 'restricted' | 'recent', string> = {} as never;
  let distributionFigures = { expired: 0, held: 0, pastAfterwards: 0 };

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
               OR a.review_comment IS NOT NULL OR a.company_reply IS NOT NULL OR a.rejection_reason IS NOT NULL OR cardinality(a.supporting_document_ids) > 0)`,
      [tenant.id, at],
    );
    return found.map((r) => r.id as string).sort();
  }

  /** A datasheet's rows (datasheet, versions, attachments), as the database owner. */
  async function datasheetRows(datasheetId: string): Promise<string> {
    return JSON.stringify({
      datasheet: await rows(`SELECT * FROM datasheet WHERE id = $1`, [datasheetId]),
      versions: await rows(`SELECT * FROM datasheet_version WHERE datasheet_id = $1 ORDER BY number`, [datasheetId]),
      attachments: await rows(`SELECT * FROM datasheet_attachment WHERE datasheet_id = $1 ORDER BY id`, [datasheetId]),
    });
  }

  /** Withdrawn datasheets 12 months on that still name someone (contact, who completed a version, who added an attachment). */
  async function datasheetsPastRetention(at: string): Promise<string[]> {
    return (await rows(
      `SELECT d.id::text FROM datasheet d WHERE d.tenant_id = $1
          AND NOT EXISTS (SELECT 1 FROM datasheet_version v WHERE v.datasheet_id = d.id AND v.state NOT IN ('UNPUBLISHED', 'SUPERSEDED'))
          AND (SELECT max(unpublished_at) FROM datasheet_version v WHERE v.datasheet_id = d.id) < $2::timestamptz - interval '12 months'
          AND (d.contact_user_id IS NOT NULL OR EXISTS (SELECT 1 FROM datasheet_version v WHERE v.datasheet_id = d.id AND v.completed_by IS NOT NULL)
               OR EXISTS (SELECT 1 FROM datasheet_attachment t WHERE t.datasheet_id = d.id AND t.uploaded_by IS NOT NULL))`,
      [body.tenant.id, at],
    )).map((r) => r.id as string).sort();
  }

  /** Applications abandoned (a draft, or sent back for changes) longer than 12 months before `at` that still hold personal data. */
  async function abandonedPastRetention(at: string): Promise<string[]> {
    return (await rows(
      `SELECT a.id::text FROM certificate_application a WHERE a.tenant_id = $1 AND a.state IN ('DRAFT', 'CHANGES_REQUESTED', 'WITHDRAWN') AND a.updated_at < $2::timestamptz - interval '12 months'
          AND (a.consignee_name <> '' OR a.consignee_address <> '' OR a.created_by IS NOT NULL OR a.claimed_by IS NOT NULL OR a.reviewed_by IS NOT NULL
               OR a.review_comment IS NOT NULL OR a.company_reply IS NOT NULL OR a.rejection_reason IS NOT NULL OR cardinality(a.supporting_document_ids) > 0)`,
      [shelf.tenant.id, at],
    )).map((r) => r.id as string).sort();
  }

  /** Distributions older than 10 years at `at` that still name who sent them. */
  async function distributionsPastRetention(at: string): Promise<string[]> {
    return (await rows(
      `SELECT d.id::text FROM project_distribution d WHERE d.tenant_id = $1 AND d.distributed_at < $2::timestamptz - interval '10 years' AND d.distributed_by IS NOT NULL`,
      [projectBody.tenant.id, at],
    )).map((r) => r.id as string).sort();
  }

  async function documentCount(tenantId = tenant.id): Promise<{ records: number; bytes: number }> {
    const [row] = await rows(
      `SELECT (SELECT count(*)::int FROM stored_document WHERE tenant_id = $1) AS records, (SELECT count(*)::int FROM document_content WHERE tenant_id = $1) AS bytes`, [tenantId],
    );
    return row as { records: number; bytes: number };
  }

  /** A statement as the application role in the tenant, in a transaction rolled back: the row count, or the error code. */
  async function asApplication(sql: string, params: unknown[], tenantId = tenant.id): Promise<string> {
    const client = new Client({ connectionString: app.database.appUrl });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      return `${(await client.query(sql, params)).rowCount}`;
    } catch (error) {
      return (error as { code?: string }).code ?? 'error';
    } finally {
      await client.query('ROLLBACK').catch(() => undefined);
      await client.end();
    }
  }

  const sweep = async (by: TestUser = officer): Promise<Outcome[]> =>
    expectData(await app.graphql<{ runRetentionSweep: Outcome[] }>(`mutation { runRetentionSweep(batchSize: 2) { holder expired deleted deidentified held } }`, {}, {
      token: (await factory.login(by)).accessToken,
    })).runRetentionSweep;

  /** A restriction (Art. 18) the person asks for and the tenant's officer grants. */
  async function restrict(person: TestUser, by: TestUser): Promise<void> {
    const requestId = expectData(await app.graphql<{ requestMyDataSubjectRight: { id: string } }>(
      `mutation { requestMyDataSubjectRight(input: { type: RESTRICTION }) { id } }`, {}, { token: (await factory.login(person)).accessToken })).requestMyDataSubjectRight.id;
    expectData(await app.graphql(`mutation($id: ID!) { restrictForDataSubjectRequest(requestId: $id) { status } }`, { id: requestId }, { token: (await factory.login(by)).accessToken }));
  }

  /** The datasheets, seeded through the real flows on the simulated clock. */
  async function seedDatasheets(): Promise<void> {
    app.clock.set(new Date(DS_T0));
    const datasheets = new DatasheetsFactory(app, factory);
    body = await datasheets.certificationBody();
    bodyOfficer = await factory.user({ tenant: body.tenant, roles: [Role.PRIVACY_OFFICER] });
    const holder = await datasheets.holder(body);
    const restrictedPerson = await datasheets.orgUser(body, holder.organisation, Role.ORG_MEMBER);
    const unpublish = async (datasheetId: string) =>
      expectData(await app.graphql('mutation($d: ID!) { unpublishDatasheet(datasheetId: $d) { id } }', { d: datasheetId }, { token: (await factory.login(body.clerk)).accessToken }));
    /** A datasheet completed by `token`'s person, with an attachment they added, published. */
    const publishedBy = async (token: string) => {
      const product = await datasheets.product(body, holder);
      const draft = await datasheets.draft(token, product.id);
      const attached = await app.http().post(`/datasheet-versions/${draft.id}/attachments`).set('authorization', `Bearer ${token}`)
        .set('content-type', 'application/octet-stream').set('x-file-name', 'dop.pdf').set('x-attachment-title', 'Declaration%20of%20performance').send(SAMPLE_PDF);
      expect(attached.status).toBe(201);
      await datasheets.publish(body, token, draft.id);
      return draft.datasheetId;
    };
    for (const key of ['due', 'held', 'live', 'recent'] as const) sheets[key] = await publishedBy(holder.adminToken);
    sheets.restricted = await publishedBy(restrictedPerson.token);
    // The live one has a second version published: the first is superseded, still part of a live datasheet.
    const next = expectData(await app.graphql<{ startDatasheetVersion: { id: string } }>(
      'mutation($d: ID!) { startDatasheetVersion(datasheetId: $d) { id } }', { d: sheets.live }, { token: holder.adminToken })).startDatasheetVersion;
    await datasheets.publish(body, holder.adminToken, next.id);
    for (const key of ['due', 'held', 'restricted'] as const) await unpublish(sheets[key]);
    app.clock.set(new Date(DS_RECENT));
    await unpublish(sheets.recent);
    await restrict(restrictedPerson.user, bodyOfficer);
  }

  /** The project certificate, its parties named, issued and distributed through the real flows. */
  async function seedDistributions(): Promise<void> {
    const projects = new DatasheetsFactory(app, factory);
    projectBody = await projects.certificationBody();
    projectOfficer = await factory.user({ tenant: projectBody.tenant, roles: [Role.PRIVACY_OFFICER] });
    const [client, contractor, storage] = [await projects.holder(projectBody), await projects.holder(projectBody), await projects.holder(projectBody)];
    projectReader = client.admin;
    const created = expectData(await app.graphql<{ createProjectCertificate: { id: string } }>(
      'mutation($input: CreateProjectCertificateInput!) { createProjectCertificate(input: $input) { id } }', {
        input: {
          reference: 'N49 Zelzate lot 3', site: 'N49, km 12–14', material: 'tar-containing asphalt for thermal cleaning', quantityTonnes: 1250.5,
          parties: [
            { role: 'CLIENT', organisationId: client.organisation.id }, { role: 'CONTRACTOR', organisationId: contractor.organisation.id },
            { role: 'INTERMEDIATE_STORAGE', organisationId: storage.organisation.id },
          ],
        },
      }, { token: client.adminToken })).createProjectCertificate;
    projectId = created.id;
    for (const [party, role] of [[contractor, 'CONTRACTOR'], [storage, 'INTERMEDIATE_STORAGE']] as const) {
      expectData(await app.graphql('mutation($id: ID!, $r: ProjectPartyRole!, $u: ID!) { nameProjectContact(projectId: $id, role: $r, userId: $u) { id } }',
        { id: projectId, r: role, u: party.admin.id }, { token: party.adminToken }));
    }
    expectData(await app.graphql('mutation($id: ID!) { issueProjectCertificate(projectId: $id) { id } }', { id: projectId }, { token: projectBody.clerkToken }));
    projectDistributor = storage.admin;
    distributions.due = await distribute(storage.admin, 'Central asphalt register');
    distributions.held = await distribute(storage.admin, 'Regional register');
    distributions.restricted = await distribute(contractor.admin, 'Contractor ERP');
    // The contractor's administrator asks for restriction; the body's officer grants it.
    await restrict(contractor.admin, projectOfficer);
  }

  /** The project certificate sent to an external system by a party's administrator, now: the distribution's id. */
  async function distribute(by: TestUser, target: string): Promise<string> {
    return expectData(await app.graphql<{ distributeProjectCertificate: { id: string } }>(
      'mutation($id: ID!, $t: String!) { distributeProjectCertificate(projectId: $id, target: $t) { id } }', { id: projectId, t: target },
      { token: (await factory.login(by)).accessToken })).distributeProjectCertificate.id;
  }

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
      // Sent back once: the company's reply is part of the file, and goes with it.
      await certificates.step('requestCertificateApplicationChanges', application.id, t.clerk, { comment: 'Which vessel?' });
      await certificates.step('submitCertificateApplication', application.id, token, { reply: 'MSC Anna; Jan Peeters (+32 3 123 45 67) has the bill of lading' });
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

    /** In the chamber of abandoned applications: a draft with a supporting document, or one sent back for changes. */
    const shelfTenant = await factory.tenant();
    const shelfCompany = await factory.organisation(shelfTenant);
    shelf = {
      tenant: shelfTenant,
      member: await factory.user({ tenant: shelfTenant, organisation: shelfCompany, roles: [Role.ORG_ADMIN] }),
      restricted: await factory.user({ tenant: shelfTenant, organisation: shelfCompany, roles: [Role.ORG_MEMBER] }),
      officer: await factory.user({ tenant: shelfTenant, roles: [Role.PRIVACY_OFFICER] }),
      clerk: await factory.user({ tenant: shelfTenant, roles: [Role.CLERK] }),
    };
    const draft = async (person: TestUser = shelf.member) => {
      const token = (await factory.login(person)).accessToken;
      const application = await certificates.create(token, { consignee: { name: 'Jan Peeters', address: 'Kerkstraat 1, 2000 Antwerpen', country: 'BE' } });
      supportingDocuments.set(application.id, await upload(application.id, token));
      return application.id;
    };
    const sentBack = async () => {
      const id = await draft();
      const [memberToken, clerkToken] = [(await factory.login(shelf.member)).accessToken, (await factory.login(shelf.clerk)).accessToken];
      await certificates.step('submitCertificateApplication', id, memberToken);
      await certificates.step('claimCertificateApplication', id, clerkToken);
      await certificates.step('requestCertificateApplicationChanges', id, clerkToken, { comment: 'Which vessel?' });
      // Answered once, then sent back again and abandoned: the earlier reply goes with the rest.
      await certificates.step('submitCertificateApplication', id, memberToken, { reply: 'MSC Anna; Jan Peeters (+32 3 123 45 67) has the bill of lading' });
      await certificates.step('claimCertificateApplication', id, clerkToken);
      await certificates.step('requestCertificateApplicationChanges', id, clerkToken, { comment: 'Consignee address incomplete (ask Jan Peeters, +32 3 123 45 67)' });
      return id;
    };
    /** Submitted, then withdrawn by its company before a clerk worked on it. */
    const withdrawn = async () => {
      const id = await draft();
      const memberToken = (await factory.login(shelf.member)).accessToken;
      await certificates.step('submitCertificateApplication', id, memberToken);
      await certificates.step('withdrawCertificateApplication', id, memberToken);
      return id;
    };

    let t = await tokens();
    files.due = await issue(t.member, t);
    files.held = await issue(t.member, t);
    files.restricted = await issue(t.restricted, t);
    rejected.due = await reject(t);
    abandoned.draft = await draft();
    abandoned.sentBack = await sentBack();
    abandoned.withdrawn = await withdrawn();
    abandoned.held = await sentBack();
    abandoned.restricted = await draft(shelf.restricted);
    await seedDistributions();
    await seedDatasheets();
    app.clock.set(new Date(RECENT));
    t = await tokens();
    files.recent = await issue(t.member, t);
    rejected.recent = await reject(t);
    abandoned.recentDraft = await draft();
    abandoned.recentSentBack = await sentBack();
    distributions.recent = await distribute(projectDistributor, 'Central asphalt register');
    // The PDFs of the certificates and their copies, rendered by the worker.
    await app.get(RequestContext).runAs(SYSTEM_ACTOR, () => app.get(CertificatePdfService).renderAwaiting());
    const unrendered = await rows(
      `SELECT id FROM certificate WHERE tenant_id = $1 AND pdf_document_id IS NULL UNION ALL SELECT id FROM certificate_copy WHERE tenant_id = $1 AND pdf_document_id IS NULL`, [tenant.id]);
    expect(unrendered).toEqual([]);

    // The restricted people ask for restriction; their officers grant it.
    await restrict(restricted, officer);
    await restrict(shelf.restricted, shelf.officer);
  });

  it('de-identifies the datasheets withdrawn longer than DATASHEET_RECORD ago, and leaves live, recent, held and restricted ones', async () => {
    app.clock.set(new Date(DS_SWEEP));
    expectData(await app.graphql(`mutation($input: PlaceLegalHoldInput!) { placeLegalHold(input: $input) }`,
      { input: { record: `Datasheet:${sheets.held}`, reason: 'Product liability claim' } }, { token: (await factory.login(bodyOfficer)).accessToken }));
    const untouchable = [sheets.held, sheets.restricted].sort();
    const seeded = await datasheetsPastRetention(DS_SWEEP);
    expect(seeded).toEqual([sheets.due, ...untouchable].sort());
    const kept = Object.fromEntries(await Promise.all((['held', 'restricted', 'live', 'recent'] as const).map(async (k) => [k, await datasheetRows(sheets[k])])));
    const dueBefore = JSON.parse(await datasheetRows(sheets.due)) as { versions: Array<Record<string, unknown>>; attachments: Array<Record<string, unknown>> };
    expect(dueBefore.versions.every((v) => v.completed_by !== null) && dueBefore.attachments.every((a) => a.uploaded_by !== null)).toBe(true);
    // The database lets nobody forget who completed a live datasheet's version (published or superseded).
    const liveVersions = (await rows(`SELECT id::text, state FROM datasheet_version WHERE datasheet_id = $1 ORDER BY number`, [sheets.live])).map((r) => r.id as string);
    for (const id of liveVersions) expect(await asApplication(`UPDATE datasheet_version SET completed_by = NULL WHERE id = $1`, [id], body.tenant.id)).toBe('23514');

    // The due one had lost its contact before it was withdrawn (they objected; the company named nobody): a datasheet
    // without a contact is swept all the same (a NULL contact once kept it out of the sweep).
    await rows(`UPDATE datasheet SET contact_user_id = NULL, contact_replacement_required = true WHERE id = $1`, [sheets.due]);
    // Its public history (SPEC §3: it stays readable once withdrawn) names nobody, so the sweep leaves it as it was.
    const historyBefore = await app.http().get(`/public/datasheets/${sheets.due}/versions`);
    expect([historyBefore.status, historyBefore.body.length]).toEqual([200, 1]);
    const outcome = (await sweep(bodyOfficer)).find((o) => o.holder === 'datasheets.contacts')!;
    expect(outcome).toEqual({ holder: 'datasheets.contacts', expired: 3, deleted: 0, deidentified: 1, held: 2 });
    expect((await app.http().get(`/public/datasheets/${sheets.due}/versions`)).body).toEqual(historyBefore.body);
    const after = await datasheetsPastRetention(DS_SWEEP);
    expect(after).toEqual(untouchable);
    // The withdrawn datasheet keeps its record (versions, characteristics, dates, attachments) without anyone in it.
    const dueAfter = JSON.parse(await datasheetRows(sheets.due)) as typeof dueBefore & { datasheet: Array<Record<string, unknown>> };
    expect(dueAfter.datasheet[0]).toMatchObject({ contact_user_id: null });
    expect(dueAfter.versions).toEqual(dueBefore.versions.map((v) => ({ ...v, completed_by: null })));
    expect(dueAfter.attachments).toEqual(dueBefore.attachments.map((a) => ({ ...a, uploaded_by: null })));
    expect(Object.fromEntries(await Promise.all((['held', 'restricted', 'live', 'recent'] as const).map(async (k) => [k, await datasheetRows(sheets[k])])))).toEqual(kept);

    const again = (await sweep(bodyOfficer)).find((o) => o.holder === 'datasheets.contacts')!;
    expect(again).toEqual({ holder: 'datasheets.contacts', expired: 2, deleted: 0, deidentified: 0, held: 2 });
    datasheetFigures = { expired: seeded.length, held: outcome.held, pastAfterwards: after.filter((id) => !untouchable.includes(id)).length };
  });

  it('deletes the drafts and destroys the applications sent back for changes that their companies abandoned longer than ABANDONED_APPLICATION ago, and leaves recent, held and restricted ones', async () => {
    app.clock.set(new Date(AB_SWEEP));
    expectData(await app.graphql(`mutation($input: PlaceLegalHoldInput!) { placeLegalHold(input: $input) }`,
      { input: { record: `CertificateApplication:${abandoned.held}`, reason: 'Origin fraud inquiry' } }, { token: (await factory.login(shelf.officer)).accessToken }));
    const untouchable = [abandoned.held, abandoned.restricted].sort();
    const seeded = await abandonedPastRetention(AB_SWEEP);
    expect(seeded).toEqual([abandoned.draft, abandoned.sentBack, abandoned.withdrawn, ...untouchable].sort());
    const keys = ['held', 'restricted', 'recentDraft', 'recentSentBack'] as const;
    const kept = Object.fromEntries(await Promise.all(keys.map(async (k) => [k, await fileRows(null, abandoned[k])])));
    const dueDocuments = [supportingDocuments.get(abandoned.draft)!, supportingDocuments.get(abandoned.sentBack)!, supportingDocuments.get(abandoned.withdrawn)!];
    const documentsBefore = await documentCount(shelf.tenant.id);

    const outcome = (await sweep(shelf.officer)).find((o) => o.holder === 'certificates.applications')!;
    // Due: the draft (deleted), the one sent back and the one withdrawn (destroyed), and the held and restricted ones (left alone).
    expect(outcome).toEqual({ holder: 'certificates.applications', expired: 5, deleted: 1, deidentified: 2, held: 2 });
    const after = await abandonedPastRetention(AB_SWEEP);
    expect(after).toEqual(untouchable);

    // The draft is gone; the one the chamber reviewed keeps a record without anyone in it.
    expect(await rows(`SELECT id FROM certificate_application WHERE id = $1`, [abandoned.draft])).toEqual([]);
    const [destroyed] = await rows(
      `SELECT state, consignee_name, consignee_address, created_by, claimed_by, reviewed_by, review_comment, company_reply, rejection_reason, supporting_document_ids, destroyed_at
         FROM certificate_application WHERE id = $1`, [abandoned.sentBack]);
    expect(destroyed).toEqual({
      state: 'CHANGES_REQUESTED', consignee_name: '', consignee_address: '', created_by: null, claimed_by: null, reviewed_by: null,
      review_comment: null, company_reply: null, rejection_reason: null, supporting_document_ids: [], destroyed_at: new Date(AB_SWEEP),
    });
    const [withdrawnRecord] = await rows(`SELECT state, consignee_name, created_by, supporting_document_ids, destroyed_at FROM certificate_application WHERE id = $1`, [abandoned.withdrawn]);
    expect(withdrawnRecord).toEqual({ state: 'WITHDRAWN', consignee_name: '', created_by: null, supporting_document_ids: [], destroyed_at: new Date(AB_SWEEP) });
    // Their supporting documents: records and bytes gone.
    expect(await rows(`SELECT id FROM stored_document WHERE id = ANY($1::uuid[]) UNION ALL SELECT document_id FROM document_content WHERE document_id = ANY($1::uuid[])`, [dueDocuments])).toEqual([]);
    const documentsAfter = await documentCount(shelf.tenant.id);
    expect({ records: documentsBefore.records - documentsAfter.records, bytes: documentsBefore.bytes - documentsAfter.bytes }).toEqual({ records: 3, bytes: 3 });
    expect(Object.fromEntries(await Promise.all(keys.map(async (k) => [k, await fileRows(null, abandoned[k])])))).toEqual(kept);

    // The company: the deleted draft is not found; the destroyed one reads as destroyed and refuses edits and submission (no 5xx).
    const memberToken = (await factory.login(shelf.member)).accessToken;
    const edit = (id: string) => app.graphql(`mutation($input: UpdateCertificateApplicationInput!) { updateCertificateApplication(input: $input) { id } }`,
      { input: { applicationId: id, remarks: 'Resubmitting at last' } }, { token: memberToken });
    expect((await edit(abandoned.draft)).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect((await edit(abandoned.sentBack)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'RECORD_DESTROYED' });
    const certificates = new CertificateFactory(app);
    expect((await certificates.stepResponse('submitCertificateApplication', abandoned.sentBack, memberToken)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'RECORD_DESTROYED' });
    const seen = expectData(await app.graphql<{ certificateApplication: Record<string, unknown> }>(
      `query($id: ID!) { certificateApplication(applicationId: $id) { state consigneeName reviewComment companyReply destroyedAt } }`, { id: abandoned.sentBack }, { token: memberToken })).certificateApplication;
    expect(seen).toEqual({ state: 'CHANGES_REQUESTED', consigneeName: '', reviewComment: null, companyReply: null, destroyedAt: new Date(AB_SWEEP).toISOString() });
    // A recent one is still the company's to edit.
    expectData(await edit(abandoned.recentSentBack));

    const again = (await sweep(shelf.officer)).find((o) => o.holder === 'certificates.applications')!;
    expect(again).toEqual({ holder: 'certificates.applications', expired: 2, deleted: 0, deidentified: 0, held: 2 });
    abandonedFigures = { expired: seeded.length, held: outcome.held, pastAfterwards: after.filter((id) => !untouchable.includes(id)).length, filesDeleted: documentsBefore.records - documentsAfter.records };
  });

  it('forgets who distributed a project certificate once CERTIFICATE_FILE is over after the distribution, and leaves recent, held and restricted ones', async () => {
    app.clock.set(new Date(SWEEP));
    expectData(await app.graphql(`mutation($input: PlaceLegalHoldInput!) { placeLegalHold(input: $input) }`,
      { input: { record: `ProjectDistribution:${distributions.held}`, reason: 'Dispute over the delivery' } }, { token: (await factory.login(projectOfficer)).accessToken }));
    const distributionRows = async () => Object.fromEntries(
      (await rows(`SELECT * FROM project_distribution WHERE project_id = $1 ORDER BY id`, [projectId])).map((r) => [r.id as string, r]));
    const before = await distributionRows();
    expect(Object.keys(before).sort()).toEqual(Object.values(distributions).sort());
    const untouchable = [distributions.held, distributions.restricted].sort();
    const seeded = await distributionsPastRetention(SWEEP);
    expect(seeded).toEqual([distributions.due, ...untouchable].sort());
    // The database lets the application only forget who distributed: never rewrite it, nor change anything else.
    expect(await asApplication(`UPDATE project_distribution SET distributed_by = $2 WHERE id = $1`, [distributions.held, projectReader.id], projectBody.tenant.id)).toBe('42501');
    expect(await asApplication(`UPDATE project_distribution SET target = 'Elsewhere' WHERE id = $1`, [distributions.held], projectBody.tenant.id)).toBe('42501');
    expect(await asApplication(`UPDATE project_distribution SET distributed_by = NULL WHERE id = $1`, [distributions.held], projectBody.tenant.id)).toBe('1');

    const outcome = (await sweep(projectOfficer)).find((o) => o.holder === 'datasheets.contacts')!;
    expect(outcome).toEqual({ holder: 'datasheets.contacts', expired: 3, deleted: 0, deidentified: 1, held: 2 });
    const after = await distributionsPastRetention(SWEEP);
    expect(after).toEqual(untouchable);
    // Where and when it was sent stay; who sent it is forgotten. The rest are as they were.
    expect(await distributionRows()).toEqual({ ...before, [distributions.due]: { ...before[distributions.due], distributed_by: null } });

    // The parties read the distribution without its distributor (no error).
    const read = expectData(await app.graphql<{ projectCertificate: { distributions: Array<{ id: string; target: string; distributedBy: string | null }> } }>(
      `query($id: ID!) { projectCertificate(projectId: $id) { distributions { id target distributedBy } } }`, { id: projectId }, { token: (await factory.login(projectReader)).accessToken })).projectCertificate;
    expect(read.distributions.find((d) => d.id === distributions.due)).toEqual({ id: distributions.due, target: 'Central asphalt register', distributedBy: null });
    expect(read.distributions.find((d) => d.id === distributions.recent)!.distributedBy).toBe(projectDistributor.id);

    const again = (await sweep(projectOfficer)).find((o) => o.holder === 'datasheets.contacts')!;
    expect(again).toEqual({ holder: 'datasheets.contacts', expired: 2, deleted: 0, deidentified: 0, held: 2 });
    distributionFigures = { expired: seeded.length, held: outcome.held, pastAfterwards: after.filter((id) => !untouchable.includes(id)).length };
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
        `SELECT state, consignee_name, consignee_address, created_by, claimed_by, reviewed_by, review_comment, company_reply, rejection_reason, supporting_document_ids, destroyed_at IS NOT NULL AS destroyed
           FROM certificate_application WHERE id = $1`, [id]);
      expect(application).toEqual({
        state: id === rejected.due ? 'REJECTED' : 'ISSUED', consignee_name: '', consignee_address: '', created_by: null, claimed_by: null, reviewed_by: null,
        review_comment: null, company_reply: null, rejection_reason: null, supporting_document_ids: [], destroyed: true,
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

    const expired = certificatesOutcome.expired + datasheetFigures.expired + abandonedFigures.expired + distributionFigures.expired;
    const past = pastAfterwards + datasheetFigures.pastAfterwards + abandonedFigures.pastAfterwards + distributionFigures.pastAfterwards;
    const heldOrRestricted = certificatesOutcome.held + datasheetFigures.held + abandonedFigures.held + distributionFigures.held;
    reportFigure(`T15 retention (documents): ${expired} expired records (certificate files, abandoned applications, datasheet records, project distributions), ${past} records past retention after the sweep, ${filesDeleted + abandonedFigures.filesDeleted} files deleted`);
    reportFigure(`T15 retention (documents): ${heldOrRestricted} kept under a legal hold or a restriction; public verification of a destroyed certificate answers "record destroyed after its retention period"`);
  });
});
