import { randomBytes, randomUUID } from 'node:crypto';
import { Role } from '@chancery/access';
import {
  APPLICATION_FIELDS,
  CertificateFactory,
  expectData,
  IdentityFactory,
  lastLinkToken,
  pdfContent,
  queuedEmails,
  SAMPLE_PDF,
  signatureImage,
  TestApp,
  TestTenant,
  TestUser,
  TestWorker,
  VERIFICATION_FIELDS,
} from '@chancery/testing';
import { CertificatePdfRenderingLoop } from '../../apps/worker/src/jobs/certificates/certificate-pdf-rendering.loop';

const SECRETS_KEY = randomBytes(32).toString('base64');
const REGISTER = 'mutation($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { company { name } } }';
const PASSWORD = 'a long enough passphrase 42';

function belgianVat(seed: number): string {
  const base = String(3_000_000 + seed * 7919).padStart(8, '0');
  const check = String(97 - (Number(base) % 97)).padStart(2, '0');
  const digits = `${base}${check}`;
  return `BE${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`;
}

/**
 * Certificates of origin, end to end over HTTP (#16): register → apply with goods lines and a
 * document → submit → claim → request changes → resubmit → approve → step-up → sign → PDF rendered by
 * the worker and downloaded → verified publicly → replaced → the old one verifies as superseded →
 * the replacement revoked. Every transition leaves an audit entry.
 */
describe('Certificates of origin, end to end', () => {
  let app: TestApp;
  let worker: TestWorker;
  let people: IdentityFactory;
  let certificates: CertificateFactory;
  let chamber: TestTenant;
  let clerk: TestUser;
  let otherClerk: TestUser;
  let signer: TestUser;

  beforeAll(async () => {
    app = await TestApp.start({ env: { SECRETS_KEY, PUBLIC_BASE_URL: 'https://chancery.example.test' } });
    // The worker renders the PDFs. It does not deliver mail: a delivered message's text is cleared, and
    // delivery 200 ms after a registration took the confirmation link before the test read it (a flake).
    worker = await TestWorker.start({ sharesDatabaseWith: () => app, outboxPollingMs: 0, env: { SECRETS_KEY, PUBLIC_BASE_URL: 'https://chancery.example.test' } });
    people = new IdentityFactory(app);
    certificates = new CertificateFactory(app);
    chamber = await people.tenant({ servedPostalCodes: [{ from: '2000', to: '2999' }] });
    clerk = await people.user({ tenant: chamber, roles: [Role.CLERK] });
    otherClerk = await people.user({ tenant: chamber, roles: [Role.CLERK] });
    signer = await people.user({ tenant: chamber, roles: [Role.SIGNER] });
  });
  afterAll(async () => {
    await worker?.stop();
    await app?.stop();
  });

  const gql = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, token?: string) => app.graphql<T>(query, variables, { token });

  async function registerCompany(): Promise<{ token: string; email: string }> {
    const email = `exporter-${randomUUID().slice(0, 8)}@exporter.test`;
    const input = {
      tenantSlug: chamber.slug, vatNumber: belgianVat(Math.floor(Math.random() * 900)), name: 'Pralines Export NV', legalForm: 'NV', street: 'Kaai 1', postalCode: '2000',
      city: 'Antwerpen', country: 'BE', phone: '+3232322219', email: 'info@pralines.test', iban: 'BE71096123456769', loginMethod: 'PASSWORD',
      administrator: { firstName: 'Anna', lastName: 'Peeters', email, password: PASSWORD, preferredLanguage: 'nl' },
    };
    expectData(await gql(REGISTER, { input }));
    const token = await lastLinkToken(app, email);
    expect(expectData(await gql<{ confirmEmail: boolean }>('mutation($t: String!) { confirmEmail(token: $t) }', { t: token })).confirmEmail).toBe(true);
    const login = expectData(await gql<{ login: { accessToken: string } }>('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { email, password: PASSWORD, tenant: chamber.slug } }));
    return { token: login.login.accessToken, email };
  }

  /** A certificate's stored PDF as its company downloads it. */
  async function downloadPdf(certificateId: string, token: string): Promise<Buffer> {
    const response = await app.http().get(`/certificates/${certificateId}/pdf`).set('authorization', `Bearer ${token}`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(response.status).toBe(200);
    return response.body as Buffer;
  }

  const auditActions = (subjectId: string) =>
    app.asOwner(async (db) => (await db.query(`SELECT action FROM audit_entry WHERE subject_id = $1 ORDER BY sequence`, [subjectId])).rows.map((r: { action: string }) => r.action));

  it('goes from registration to a revoked replacement, every step over HTTP', async () => {
    // Register the company and apply.
    const exporter = await registerCompany();
    const draft = await certificates.create(exporter.token, { language: 'FR' });
    expect(draft).toMatchObject({ state: 'DRAFT', language: 'FR', consigneeName: 'Harbour Imports Ltd', countryOfOrigin: 'BE' });
    expect(draft.goods).toHaveLength(2);

    // A supporting document: type and size checked on the bytes, checksum recorded.
    const upload = await app.http().post(`/certificate-applications/${draft.id}/documents`).set('authorization', `Bearer ${exporter.token}`)
      .set('content-type', 'application/octet-stream').set('x-file-name', 'invoice.pdf').send(SAMPLE_PDF);
    expect(upload.status).toBe(201);
    expect(upload.body.supportingDocuments).toEqual([expect.objectContaining({ fileName: 'invoice.pdf', mediaType: 'application/pdf', sizeBytes: SAMPLE_PDF.length })]);
    const renamed = await app.http().post(`/certificate-applications/${draft.id}/documents`).set('authorization', `Bearer ${exporter.token}`)
      .set('content-type', 'application/pdf').set('x-file-name', 'invoice.pdf').send(Buffer.from('MZ\x90\x00 this is an executable'));
    expect(renamed.status).toBe(400);
    expect(renamed.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DOCUMENT_TYPE_NOT_ACCEPTED', fields: [expect.objectContaining({ field: 'file' })] });

    // A draft is the company's alone: the clerk does not see it.
    expect((await gql(`query($id: ID!) { certificateApplication(applicationId: $id) { id } }`, { id: draft.id }, (await people.login(clerk)).accessToken)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const clerkToken = (await people.login(clerk)).accessToken;
    // A first submission answers nobody: a reply is refused, naming it.
    const early = await certificates.stepResponse('submitCertificateApplication', draft.id, exporter.token, { reply: 'Nothing to answer yet' });
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NO_CHANGES_REQUESTED', fields: [expect.objectContaining({ field: 'reply' })] });
    await certificates.step('submitCertificateApplication', draft.id, exporter.token);
    const claimed = await certificates.step('claimCertificateApplication', draft.id, clerkToken);
    expect(claimed).toMatchObject({ state: 'IN_REVIEW', claimedBy: clerk.id });
    // One clerk at a time.
    const second = await certificates.stepResponse('claimCertificateApplication', draft.id, (await people.login(otherClerk)).accessToken);
    expect(second.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'CLAIMED_BY_ANOTHER_CLERK' });

    const changes = await certificates.step('requestCertificateApplicationChanges', draft.id, clerkToken, { comment: 'Add the vessel name to the transport details' });
    expect(changes).toMatchObject({ state: 'CHANGES_REQUESTED', reviewComment: 'Add the vessel name to the transport details' });
    const seenByCompany = expectData(await gql<{ certificateApplication: Record<string, unknown> }>(`query($id: ID!) { certificateApplication(applicationId: $id) { ${APPLICATION_FIELDS} } }`, { id: draft.id }, exporter.token)).certificateApplication;
    expect(seenByCompany).toMatchObject({ state: 'CHANGES_REQUESTED', reviewComment: 'Add the vessel name to the transport details', claimedBy: null, reviewedBy: null });
    // The applicant is told in their language (Dutch) in one sentence naming the application as the company
    // knows it (day submitted, goods, destination, invoice) and a link to it (review-2 F8); nothing of anyone
    // else (the consignee's name, the clerk's comment: the message is the applicant's, in their export too).
    const [asked] = (await queuedEmails(app, { recipient: exporter.email, template: 'certificates.application-state-changed' })).slice(-1);
    const day = new Intl.DateTimeFormat('nl-BE', { dateStyle: 'long', timeZone: 'Europe/Brussels' }).format(new Date(seenByCompany.submittedAt as string));
    const link = `https://chancery.example.test/app/certificates/${draft.id}`;
    expect(asked!.subject).toBe(`De kamer vraagt wijzigingen aan uw aanvraag van ${day}`);
    expect(asked!.body).toContain(`De kamer vraagt wijzigingen aan uw aanvraag van ${day} voor Belgian chocolate pralines en 1 andere lijn, bestemming Verenigd Koninkrijk, factuur ${(draft.invoiceReferences as string[])[0]}.`);
    expect(asked!.body).not.toMatch(/Harbour Imports|vessel name/);
    expect(asked!.body).toContain(link);
    expect(asked!.body.replace(link, '')).not.toContain(draft.id);
    expectData(await gql(`mutation($i: UpdateCertificateApplicationInput!) { updateCertificateApplication(input: $i) { id } }`, { i: { applicationId: draft.id, transportDetails: 'By sea on MSC Anna, Antwerp to Felixstowe' } }, exporter.token));
    // Review 2, finding 2: the company answers the clerk in a reply of its own, required to resubmit, never
    // in the remarks the certificate prints; the clerk reads it beside their comment.
    const unanswered = await certificates.stepResponse('submitCertificateApplication', draft.id, exporter.token);
    expect(unanswered.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'REPLY_REQUIRED', fields: [expect.objectContaining({ field: 'reply' })] });
    const reply = 'Vessel added as asked. Container MSCU1234567, ask Anna for the seal numbers.';
    expect(await certificates.step('submitCertificateApplication', draft.id, exporter.token, { reply })).toMatchObject({ state: 'SUBMITTED', companyReply: reply, companyRepliedAt: app.clock.now().toISOString(), remarks: '' });
    const reread = await certificates.step('claimCertificateApplication', draft.id, clerkToken);
    expect(reread).toMatchObject({ reviewComment: 'Add the vessel name to the transport details', companyReply: reply });
    const approved = await certificates.step('approveCertificateApplication', draft.id, clerkToken);
    expect(approved.state).toBe('APPROVED');

    // Signing needs a recent second factor: stale after 5 minutes, fresh again after stepUp.
    const signerToken = (await people.login(signer)).accessToken;
    app.clock.advance(6 * 60_000);
    const stale = await certificates.signResponse(draft.id, signerToken);
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SECOND_FACTOR_STEP_UP_REQUIRED' });
    expectData(await gql('mutation($c: String) { stepUp(code: $c) }', { c: people.totpCode(signer) }, signerToken));
    const key = `sign-${randomUUID()}`;
    const certificate = await certificates.sign(draft.id, signerToken, key);
    const year = app.clock.now().getUTCFullYear();
    expect(certificate.number).toMatch(new RegExp(`^BE-[A-Z0-9-]+-${year}-000001$`));
    expect(certificate).toMatchObject({ status: 'ISSUED', language: 'FR', countryOfOrigin: 'BE', pdfReady: false });
    expect(certificate.verificationCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    // The same request again (a retry) issues nothing new.
    expect((await certificates.sign(draft.id, signerToken, key)).id).toBe(certificate.id);

    // The worker renders the PDF and stores it; the download is the stored file.
    await worker.get(CertificatePdfRenderingLoop).runOnce();
    const pdf = await app.http().get(`/certificates/${certificate.id}/pdf`).set('authorization', `Bearer ${exporter.token}`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect((pdf.body as Buffer).length).toBeGreaterThan(5000);
    // The reply to the chamber is on neither the signed content nor the printed certificate.
    const printed = pdfContent(pdf.body as Buffer).text;
    expect(printed).toContain('Belgian chocolate pralines');
    for (const text of [printed, certificate.signedPayload]) {
      expect(text).not.toContain('MSCU1234567');
      expect(text).not.toContain('seal numbers');
    }
    // A copy is recorded as such and rendered with its number.
    const copy = expectData(await gql<{ requestCertificateCopy: { copyNumber: number } }>(`mutation($id: ID!) { requestCertificateCopy(certificateId: $id) { copyNumber } }`, { id: certificate.id }, exporter.token));
    expect(copy.requestCertificateCopy.copyNumber).toBe(1);
    await worker.get(CertificatePdfRenderingLoop).runOnce();
    expect((await app.http().get(`/certificates/${certificate.id}/pdf?copy=1`).set('authorization', `Bearer ${exporter.token}`)).status).toBe(200);

    // Public verification: GraphQL, and the plain GET of the QR code (JSON and HTML), no login.
    const verified = expectData(await certificates.verify(certificate.number, certificate.verificationCode)).verifyCertificate;
    expect(verified).toMatchObject({ authentic: true, number: certificate.number, status: 'ISSUED', countryOfOrigin: 'BE', issuingChamber: chamber.name });
    const viaGet = await app.http().get(`/verify/${certificate.number}?code=${certificate.verificationCode}`).set('accept', 'application/json');
    expect(viaGet.status).toBe(200);
    expect(viaGet.headers['cache-control']).toBe('public, max-age=300');
    // The same answer, with every field, the goods certified included (the GraphQL query above selects fields).
    expect(viaGet.body).toEqual({ ...JSON.parse(JSON.stringify(verified)), goods: expect.any(Array) });
    expect((viaGet.body as { goods: Array<{ description: string }> }).goods.map((g) => g.description)).toEqual(['Belgian chocolate pralines', 'Waffle irons, electric']);
    const page = await app.http().get(`/verify/${certificate.number}?code=${certificate.verificationCode}`);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('Authentic and valid');

    // Replace: a new draft prefilled from the certificate; issuing it supersedes the old one.
    const replacement = expectData(await gql<{ replaceCertificate: Record<string, unknown> & { id: string } }>(`mutation($id: ID!) { replaceCertificate(certificateId: $id) { ${APPLICATION_FIELDS} } }`, { id: certificate.id }, exporter.token)).replaceCertificate;
    expect(replacement).toMatchObject({ state: 'DRAFT', replacesCertificateId: certificate.id, consigneeName: 'Harbour Imports Ltd', declarationAccepted: false });
    expectData(await gql(`mutation($i: UpdateCertificateApplicationInput!) { updateCertificateApplication(input: $i) { id } }`, { i: { applicationId: replacement.id, remarks: 'Corrected net weight', declarationAccepted: true } }, exporter.token));
    await certificates.step('submitCertificateApplication', replacement.id, exporter.token);
    await certificates.step('claimCertificateApplication', replacement.id, clerkToken);
    await certificates.step('approveCertificateApplication', replacement.id, clerkToken);
    const successor = await certificates.sign(replacement.id, signerToken);
    expect(successor.number).toMatch(new RegExp(`-${year}-000002$`));
    expect(JSON.parse(successor.signedPayload)).toMatchObject({ replaces: certificate.number });
    const old = expectData(await certificates.verify(certificate.number, certificate.verificationCode)).verifyCertificate;
    expect(old).toMatchObject({ authentic: true, status: 'SUPERSEDED', supersededByNumber: successor.number });

    // Revoke the replacement, with a reason the public answer shows.
    const revoked = expectData(await gql<{ revokeCertificate: { status: string } }>(`mutation($id: ID!) { revokeCertificate(certificateId: $id, reason: "ISSUED_IN_ERROR") { status } }`, { id: successor.id }, signerToken));
    expect(revoked.revokeCertificate.status).toBe('REVOKED');
    const revokedAnswer = expectData(await app.graphql<{ verifyCertificate: Record<string, unknown> }>(`query($n: String!, $c: String!) { verifyCertificate(number: $n, code: $c) { ${VERIFICATION_FIELDS} } }`, { n: successor.number, c: successor.verificationCode })).verifyCertificate;
    expect(revokedAnswer).toMatchObject({ authentic: true, status: 'REVOKED', revocationReason: 'ISSUED_IN_ERROR' });

    // A certificate no longer valid is not printed again by the company (attack of 3 December 2026: the
    // PDF of a revoked certificate downloaded as a valid one, unmarked); the chamber's staff keep it as evidence.
    await worker.get(CertificatePdfRenderingLoop).runOnce();
    const pdfOf = (id: string, token: string, copy?: number) =>
      app.http().get(`/certificates/${id}/pdf${copy ? `?copy=${copy}` : ''}`).set('authorization', `Bearer ${token}`);
    for (const [id, status, copy] of [[successor.id, 'REVOKED', 0], [certificate.id, 'SUPERSEDED', 0], [certificate.id, 'SUPERSEDED', 1]] as const) {
      const refused = await pdfOf(id, exporter.token, copy);
      expect({ status, http: refused.status, error: (refused.body as { errors?: Array<{ extensions?: Record<string, unknown> }> }).errors?.[0]?.extensions })
        .toMatchObject({ status, http: 409, error: { code: 'CONFLICT', reason: 'CERTIFICATE_NO_LONGER_VALID', details: { status } } });
      expect((await pdfOf(id, signerToken, copy)).status).toBe(200);
    }

    // Every transition is in the audit log.
    expect(await auditActions(draft.id)).toEqual([
      'certificates.application.created', 'certificates.application.documentAttached', 'certificates.application.submitted', 'certificates.application.in_review',
      'certificates.application.changes_requested', 'certificates.application.edited', 'certificates.application.submitted', 'certificates.application.in_review',
      'certificates.application.approved', 'certificates.application.issued',
    ]);
    expect(await auditActions(certificate.id)).toEqual(['certificates.certificate.issued', 'certificates.certificate.copied', 'certificates.certificate.superseded']);
    expect(await auditActions(successor.id)).toEqual(['certificates.certificate.issued', 'certificates.certificate.revoked']);

    // The company was told of each change, in its language (Dutch), through the outbox.
    const notices = await app.asOwner(async (db) => (await db.query(`SELECT subject FROM outbox_message WHERE recipient = $1 AND template = 'certificates.application-state-changed' ORDER BY created_at`, [exporter.email])).rows as Array<{ subject: string }>);
    expect(notices.length).toBeGreaterThanOrEqual(7);
    expect(notices.every((n) => n.subject.includes(' aanvraag van '))).toBe(true);
  });

  it('a signer without a stored signature cannot sign (CONFLICT SIGNATURE_NOT_STORED): nothing changes, no number is used; with one stored, the PDF carries it', async () => {
    // A chamber of its own: its numbering starts at 1, so a number used by the refusal would show.
    const own = await people.tenant();
    const company = await people.organisation(own);
    const exporterToken = (await people.login(await people.user({ tenant: own, organisation: company, roles: [Role.ORG_ADMIN] }))).accessToken;
    const clerkToken = (await people.login(await people.user({ tenant: own, roles: [Role.CLERK] }))).accessToken;
    const unsigned = await people.user({ tenant: own, roles: [Role.SIGNER], withSignature: false });
    const signerToken = (await people.login(unsigned)).accessToken;
    const application = await certificates.approved(exporterToken, clerkToken);

    const key = `sign-${randomUUID()}`;
    const refused = await certificates.signResponse(application.id, signerToken, key);
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'SIGNATURE_NOT_STORED' });
    const state = async () => expectData(await gql<{ certificateApplication: { state: string; certificateId: string | null } }>(
      'query($id: ID!) { certificateApplication(applicationId: $id) { state certificateId } }', { id: application.id }, clerkToken)).certificateApplication;
    expect(await state()).toEqual({ state: 'APPROVED', certificateId: null });
    const written = await app.asOwner(async (db) => (await db.query(
      `SELECT (SELECT count(*) FROM certificate WHERE tenant_id = $1)::int AS certificates,
              (SELECT count(*) FROM certificate_number_counter WHERE tenant_id = $1)::int AS counters,
              (SELECT count(*) FROM audit_entry WHERE tenant_id = $1 AND action LIKE 'certificates.certificate.%')::int AS audited`, [own.id])).rows[0]);
    expect(written).toEqual({ certificates: 0, counters: 0, audited: 0 });

    // The signer stores a signature (/app/signature): the same request now signs, with the first number of the year.
    const image = signatureImage(17);
    expectData(await gql('mutation($image: String!) { setMySignatureImage(image: $image) { id } }', { image }, signerToken));
    const certificate = await certificates.sign(application.id, signerToken, key);
    expect(certificate.number).toMatch(new RegExp(`-${app.clock.now().getUTCFullYear()}-000001$`));
    expect(await state()).toEqual({ state: 'ISSUED', certificateId: certificate.id });

    // The PDF carries the signature image (2×1 pixels, beside the QR code and its mask) and the signer's name.
    await worker.get(CertificatePdfRenderingLoop).runOnce();
    const bytes = await downloadPdf(certificate.id, exporterToken);
    const pdf = pdfContent(bytes);
    const { me } = expectData(await gql<{ me: { firstName: string; lastName: string } }>('query { me { firstName lastName } }', {}, signerToken));
    expect(pdf.text).toContain(`${me.firstName} ${me.lastName}`);
    expect(pdf.images).toBe(3);
    expect(bytes.toString('latin1')).toMatch(/\/Subtype \/Image[^>]*\/Width 2\s*\/Height 1\b/);
  });
});
