import { Role } from '@chancery/access';
import { APPLICATION_STEPS, ApplicationState, ApplicationStep } from '@chancery/certificates';
import { TenantKind } from '@chancery/identity';
import { applicationInput, CertificateFactory, expectData, GraphQLResponse, queuedEmails, TestApplication, TestTenant, useTestApp } from '@chancery/testing';

type Actor = 'exporter' | 'clerk' | 'signer';

/** Every workflow operation: who calls it and its step (the states it starts from, the state it moves an application to). */
const OPERATIONS: Array<{ operation: string; by: Actor; step: ApplicationStep; extra?: Record<string, string> }> = [
  { operation: 'submitCertificateApplication', by: 'exporter', step: 'submit' },
  { operation: 'withdrawCertificateApplication', by: 'exporter', step: 'withdraw' },
  { operation: 'claimCertificateApplication', by: 'clerk', step: 'claim' },
  { operation: 'releaseCertificateApplication', by: 'clerk', step: 'release' },
  { operation: 'requestCertificateApplicationChanges', by: 'clerk', step: 'requestChanges', extra: { comment: 'Please add the invoice' } },
  { operation: 'rejectCertificateApplication', by: 'clerk', step: 'reject', extra: { reason: 'Goods not of Belgian origin' } },
  { operation: 'approveCertificateApplication', by: 'clerk', step: 'approve' },
  { operation: 'signCertificate', by: 'signer', step: 'sign' },
];

/**
 * The workflow's rules (#16): every operation tried in every state; the steps of
 * `APPLICATION_STEPS` from their states succeed, every other one is a CONFLICT naming both states (staff acting on
 * a draft get NOT_FOUND: a draft is the company's alone). Certificates: ISSUED → REVOKED | SUPERSEDED
 * only. And every bad input gives BAD_USER_INPUT naming its field.
 */
describe('Certificate workflow rules', () => {
  const started = useTestApp();
  let certificates: CertificateFactory;
  let tokens: Record<Actor | 'admin', string>;
  let chamber: TestTenant;

  beforeAll(async () => {
    const { app, factory } = started;
    certificates = new CertificateFactory(app);
    chamber = await factory.tenant();
    const company = await factory.organisation(chamber);
    tokens = {
      exporter: (await factory.login(await factory.user({ tenant: chamber, organisation: company, roles: [Role.ORG_ADMIN] }))).accessToken,
      clerk: (await factory.login(await factory.user({ tenant: chamber, roles: [Role.CLERK] }))).accessToken,
      signer: (await factory.login(await factory.user({ tenant: chamber, roles: [Role.SIGNER] }))).accessToken,
      admin: (await factory.login(await factory.user({ tenant: chamber, roles: [Role.TENANT_ADMIN] }))).accessToken,
    };
  });

  /** A new application brought to `state` through the API. */
  async function inState(state: ApplicationState): Promise<TestApplication> {
    const a = await certificates.create(tokens.exporter);
    const path: Record<ApplicationState, Array<[string, Actor, Record<string, string>?]>> = {
      DRAFT: [],
      SUBMITTED: [['submitCertificateApplication', 'exporter']],
      IN_REVIEW: [['submitCertificateApplication', 'exporter'], ['claimCertificateApplication', 'clerk']],
      CHANGES_REQUESTED: [['submitCertificateApplication', 'exporter'], ['claimCertificateApplication', 'clerk'], ['requestCertificateApplicationChanges', 'clerk', { comment: 'x' }]],
      REJECTED: [['submitCertificateApplication', 'exporter'], ['claimCertificateApplication', 'clerk'], ['rejectCertificateApplication', 'clerk', { reason: 'x' }]],
      APPROVED: [['submitCertificateApplication', 'exporter'], ['claimCertificateApplication', 'clerk'], ['approveCertificateApplication', 'clerk']],
      ISSUED: [['submitCertificateApplication', 'exporter'], ['claimCertificateApplication', 'clerk'], ['approveCertificateApplication', 'clerk']],
      WITHDRAWN: [['submitCertificateApplication', 'exporter'], ['withdrawCertificateApplication', 'exporter']],
    };
    for (const [operation, by, extra] of path[state]) await certificates.step(operation, a.id, tokens[by], extra);
    if (state === ApplicationState.ISSUED) await certificates.sign(a.id, tokens.signer);
    return { ...a, state };
  }

  function call(operation: string, by: Actor, applicationId: string, extra?: Record<string, string>): Promise<GraphQLResponse<Record<string, unknown>>> {
    if (operation === 'signCertificate') return certificates.signResponse(applicationId, tokens[by]) as Promise<GraphQLResponse<Record<string, unknown>>>;
    return certificates.stepResponse(operation, applicationId, tokens[by], extra);
  }

  it('every operation in every state: the declared transitions succeed, every other one is refused naming both states', async () => {
    const outcomes: string[] = [];
    const expected: string[] = [];
    let illegal = 0;
    for (const from of Object.values(ApplicationState)) {
      for (const { operation, by, step, extra } of OPERATIONS) {
        const to = APPLICATION_STEPS[step].to;
        const application = await inState(from);
        // Resubmitting after a change request takes the company's reply (a first submission none).
        const reply: Record<string, string> = step === 'submit' && from === ApplicationState.CHANGES_REQUESTED ? { reply: 'Invoice attached' } : {};
        const response = await call(operation, by, application.id, { ...extra, ...reply });
        const allowed = APPLICATION_STEPS[step].from.includes(from);
        const staffOnDraft = from === ApplicationState.DRAFT && by !== 'exporter';
        // Idempotent by design: the claiming clerk claiming again, a signature of an issued application (the same certificate).
        const repeat = (from === ApplicationState.IN_REVIEW && to === ApplicationState.IN_REVIEW) || (from === ApplicationState.ISSUED && to === ApplicationState.ISSUED);
        const error = response.errors?.[0]?.extensions;
        outcomes.push(`${from} --${operation}--> ${error ? `${error.code}${error.details ? ` ${JSON.stringify(error.details)}` : ''}` : 'ok'}`);
        expected.push(
          `${from} --${operation}--> ${allowed || repeat ? 'ok' : staffOnDraft ? 'NOT_FOUND' : `CONFLICT ${JSON.stringify({ from, to })}`}`,
        );
        if (!allowed && !repeat) illegal += 1;
        // A refused step changed nothing.
        if (!allowed && !repeat) {
          const after = expectData(await started.app.graphql<{ certificateApplication: { state: string } }>(`query($id: ID!) { certificateApplication(applicationId: $id) { state } }`, { id: application.id }, { token: tokens.exporter }));
          expect(after.certificateApplication.state).toBe(from);
        }
      }
    }
    expect(outcomes).toEqual(expected);
    expect(illegal).toBeGreaterThan(30);
  });

  it('a claim is released by its clerk or by the tenant admin, never by another clerk; the released application is claimed by another clerk', async () => {
    const { app, factory } = started;
    const otherClerk = (await factory.login(await factory.user({ tenant: chamber, roles: [Role.CLERK] }))).accessToken;
    const trail = async (id: string) =>
      (await app.asOwner((db) => db.query(`SELECT action, details FROM audit_entry WHERE subject_id = $1 ORDER BY sequence`, [id]))).rows as Array<{ action: string; details: Record<string, unknown> }>;

    // The claiming clerk releases: back to the queue, the claim cleared, the trail says so.
    const mine = await inState(ApplicationState.IN_REVIEW);
    const claimer = (await trail(mine.id)).find((e) => e.action === 'certificates.application.in_review');
    const mailsBefore = (await queuedEmails(app, { template: 'certificates.application-state-changed' })).length;
    const released = await certificates.step('releaseCertificateApplication', mine.id, tokens.clerk);
    expect(released).toMatchObject({ state: 'SUBMITTED', claimedBy: null });
    // The chamber's own hand-over: the company is not mailed that its application was "submitted" again.
    expect(await queuedEmails(app, { template: 'certificates.application-state-changed' })).toHaveLength(mailsBefore);
    expect((await trail(mine.id)).at(-1)).toMatchObject({ action: 'certificates.application.released', details: { from: 'IN_REVIEW', to: 'SUBMITTED' } });
    expect(claimer).toBeDefined();
    // Released twice: nothing to release any more.
    expect((await certificates.stepResponse('releaseCertificateApplication', mine.id, tokens.clerk)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION', details: { from: 'SUBMITTED', to: 'SUBMITTED' } });
    // Another clerk claims the released application and decides on it; the first clerk no longer may.
    expect(await certificates.step('claimCertificateApplication', mine.id, otherClerk)).toMatchObject({ state: 'IN_REVIEW' });
    expect((await certificates.stepResponse('approveCertificateApplication', mine.id, tokens.clerk)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'CLAIMED_BY_ANOTHER_CLERK' });

    // Another clerk cannot release a colleague's claim; nothing changes.
    const theirs = await inState(ApplicationState.IN_REVIEW);
    const refused = await certificates.stepResponse('releaseCertificateApplication', theirs.id, otherClerk);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'CLAIMED_BY_ANOTHER_CLERK' });
    const unchanged = expectData(await app.graphql<{ certificateApplication: { state: string; claimedBy: string | null } }>(`query($id: ID!) { certificateApplication(applicationId: $id) { state claimedBy } }`, { id: theirs.id }, { token: tokens.clerk }));
    expect(unchanged.certificateApplication).toMatchObject({ state: 'IN_REVIEW', claimedBy: expect.any(String) });
    expect((await trail(theirs.id)).some((e) => e.action === 'certificates.application.released')).toBe(false);

    // The tenant admin releases it (a clerk off sick); the trail names whose claim it was.
    const byAdmin = await certificates.step('releaseCertificateApplication', theirs.id, tokens.admin);
    expect(byAdmin).toMatchObject({ state: 'SUBMITTED', claimedBy: null });
    expect((await trail(theirs.id)).at(-1)).toMatchObject({ action: 'certificates.application.released', details: { from: 'IN_REVIEW', to: 'SUBMITTED', releasedClaimOf: unchanged.certificateApplication.claimedBy } });
    expect(await certificates.step('claimCertificateApplication', theirs.id, otherClerk)).toMatchObject({ state: 'IN_REVIEW' });

    // Neither a signer nor the company releases a claim (their roles do not hold the permission).
    const signerTry = await certificates.stepResponse('releaseCertificateApplication', theirs.id, tokens.signer);
    expect(signerTry.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const exporterTry = await certificates.stepResponse('releaseCertificateApplication', theirs.id, tokens.exporter);
    expect(exporterTry.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('an issued certificate is only revoked or superseded, once', async () => {
    const certificate = await certificates.issued(tokens.exporter, tokens.clerk, tokens.signer);
    const revoke = () => started.app.graphql(`mutation($id: ID!) { revokeCertificate(certificateId: $id, reason: "OTHER") { status } }`, { id: certificate.id }, { token: tokens.signer });
    expectData(await revoke());
    expect((await revoke()).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION', details: { from: 'REVOKED', to: 'REVOKED' } });
    const replace = await started.app.graphql(`mutation($id: ID!) { replaceCertificate(certificateId: $id) { id } }`, { id: certificate.id }, { token: tokens.exporter });
    expect(replace.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', details: { from: 'REVOKED', to: 'SUPERSEDED' } });
    const copy = await started.app.graphql(`mutation($id: ID!) { requestCertificateCopy(certificateId: $id) { id } }`, { id: certificate.id }, { token: tokens.exporter });
    expect(copy.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', details: { from: 'REVOKED', to: 'COPY' } });
    // Nothing issued is edited: the database refuses it to the application role as well (its trigger: only
    // the record's destruction after its retention period clears the signed content, and only whole).
    const denied = await started.app.asOwner(async (db) => {
      const { rows: [found] } = await db.query<{ tenant: string }>(`SELECT tenant_id::text AS tenant FROM certificate WHERE id = $1`, [certificate.id]);
      await db.query('BEGIN');
      await db.query(`SELECT set_config('app.tenant_id', $1, true)`, [found!.tenant]);
      await db.query(`SET LOCAL ROLE chancery_app`);
      try {
        await db.query(`UPDATE certificate SET signed_payload = '{}' WHERE id = $1`, [certificate.id]);
        return false;
      } catch (error) {
        return /an issued certificate is never changed/.test(String(error));
      } finally {
        await db.query('ROLLBACK');
      }
    });
    expect(denied).toBe(true);
  });

  it('a withdrawn replacement is closed: another replacement may start, and revoking the certificate leaves it withdrawn', async () => {
    const certificate = await certificates.issued(tokens.exporter, tokens.clerk, tokens.signer);
    const replace = () => started.app.graphql<{ replaceCertificate: { id: string } }>(`mutation($id: ID!) { replaceCertificate(certificateId: $id) { id } }`, { id: certificate.id }, { token: tokens.exporter });
    const first = expectData(await replace()).replaceCertificate;
    expectData(await started.app.graphql(`mutation($i: UpdateCertificateApplicationInput!) { updateCertificateApplication(input: $i) { id } }`, { i: { applicationId: first.id, declarationAccepted: true } }, { token: tokens.exporter }));
    await certificates.step('submitCertificateApplication', first.id, tokens.exporter);
    await certificates.step('withdrawCertificateApplication', first.id, tokens.exporter);
    const second = expectData(await replace()).replaceCertificate;
    expectData(await started.app.graphql(`mutation($id: ID!) { revokeCertificate(certificateId: $id, reason: "OTHER") { status } }`, { id: certificate.id }, { token: tokens.signer }));
    const states = await Promise.all([first.id, second.id].map(async (id) =>
      expectData(await started.app.graphql<{ certificateApplication: { state: string } }>(`query($id: ID!) { certificateApplication(applicationId: $id) { state } }`, { id }, { token: tokens.exporter })).certificateApplication.state));
    // The open one is closed with the revocation; the withdrawn one stays as its company left it.
    expect(states).toEqual(['WITHDRAWN', 'REJECTED']);
  });

  it('a second replacement while one is open, and editing after submission, are refused', async () => {
    const certificate = await certificates.issued(tokens.exporter, tokens.clerk, tokens.signer);
    expectData(await started.app.graphql(`mutation($id: ID!) { replaceCertificate(certificateId: $id) { id } }`, { id: certificate.id }, { token: tokens.exporter }));
    const again = await started.app.graphql(`mutation($id: ID!) { replaceCertificate(certificateId: $id) { id } }`, { id: certificate.id }, { token: tokens.exporter });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'REPLACEMENT_PENDING' });
    const submitted = await inState(ApplicationState.SUBMITTED);
    const edit = await started.app.graphql(`mutation($i: UpdateCertificateApplicationInput!) { updateCertificateApplication(input: $i) { id } }`, { i: { applicationId: submitted.id, remarks: 'late change' } }, { token: tokens.exporter });
    expect(edit.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_EDITABLE', details: { state: 'SUBMITTED' } });
  });

  it('the company that applied is told of a revocation at once: one e-mail in its language with the number and the reason, nothing else', async () => {
    // Found from outside: a revoked certificate mailed nobody; the exporter could go on presenting it.
    const certificate = await certificates.issued(tokens.exporter, tokens.clerk, tokens.signer);
    const revokedMails = () => queuedEmails(started.app, { template: 'certificates.certificate-revoked' });
    const before = (await revokedMails()).length;
    expectData(await started.app.graphql(`mutation($id: ID!) { revokeCertificate(certificateId: $id, reason: "GOODS_NOT_EXPORTED") { status } }`, { id: certificate.id }, { token: tokens.signer }));
    const mails = await revokedMails();
    expect(mails).toHaveLength(before + 1);
    const mail = mails[mails.length - 1]!;
    expect(mail.subject).toBe(`Certificate of origin ${certificate.number} has been revoked`);
    expect(mail.body).toContain('(the goods were not exported)');
    expect(mail.body).not.toContain(certificate.verificationCode);
  });

  it('the company profile the certificate prints must be printable: submission refused naming its fields (CONFLICT EXPORTER_NOT_PRINTABLE), corrected it submits', async () => {
    // The exporter's name and address come from the company profile, not the application: a name in Chinese printed as boxes.
    const { factory } = started;
    const company = await factory.organisation(chamber);
    const admin = (await factory.login(await factory.user({ tenant: chamber, organisation: company, roles: [Role.ORG_ADMIN] }))).accessToken;
    const rename = async (name: string) =>
      expectData(await started.app.graphql(`mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { id } }`, { input: { organisationId: company.id, name } }, { token: admin }));
    await rename('上海贸易 Trading BV');
    const draft = await certificates.create(admin, { declarationAccepted: true });
    const refused = (await certificates.stepResponse('submitCertificateApplication', draft.id, admin)).errors?.[0]?.extensions;
    expect(refused).toMatchObject({ code: 'CONFLICT', reason: 'EXPORTER_NOT_PRINTABLE', details: { fields: ['organisation.name'], characters: ['上', '海', '贸', '易'] } });

    await rename('Shanghai Trading BV');
    await certificates.step('submitCertificateApplication', draft.id, admin);
    await certificates.step('claimCertificateApplication', draft.id, tokens.clerk);
    await certificates.step('approveCertificateApplication', draft.id, tokens.clerk);
    // Changed after submission, even unprintably: the certificate prints what was submitted (next test).
    await rename('Shanghai 贸易 BV');
    expect((await certificates.sign(draft.id, tokens.signer)).number).toEqual(expect.any(String));
  });

  it('the exporter signed is the one the chamber reviewed: the company profile as submitted, not as it is at signing; a resubmission takes the profile again', async () => {
    // Attack of 3 December 2026: approved for "Waasland Textiles BV", renamed "Shenzhen Trading Ltd" before the
    // signature, the chamber's stamp certified the new name, which nobody at the chamber had seen.
    const { factory, app } = started;
    const company = await factory.organisation(chamber);
    const admin = (await factory.login(await factory.user({ tenant: chamber, organisation: company, roles: [Role.ORG_ADMIN] }))).accessToken;
    const profile = async (input: Record<string, string>) =>
      expectData(await app.graphql(`mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { id } }`, { input: { organisationId: company.id, ...input } }, { token: admin }));
    const exporterOf = async (applicationId: string, token: string) =>
      expectData(await app.graphql<{ certificateApplication: Record<string, string> }>(
        `query($id: ID!) { certificateApplication(applicationId: $id) { exporterName exporterAddress exporterCountry } }`, { id: applicationId }, { token })).certificateApplication;
    await profile({ name: 'Waasland Textiles BV', street: 'Industrieweg 1', postalCode: '9100', city: 'Sint-Niklaas' });
    const reviewed = { exporterName: 'Waasland Textiles BV', exporterAddress: 'Industrieweg 1, 9100 Sint-Niklaas', exporterCountry: 'BE' };

    const application = await certificates.create(admin);
    expect(await exporterOf(application.id, admin)).toEqual({ exporterName: null, exporterAddress: null, exporterCountry: null });
    await certificates.step('submitCertificateApplication', application.id, admin);
    await certificates.step('claimCertificateApplication', application.id, tokens.clerk);
    // What the clerk reviews, and approves.
    expect(await exporterOf(application.id, tokens.clerk)).toEqual(reviewed);
    await certificates.step('approveCertificateApplication', application.id, tokens.clerk);
    await profile({ name: 'Shenzhen Trading Ltd', street: 'Somewhere Else 99' });
    const certificate = await certificates.sign(application.id, tokens.signer);
    expect(JSON.parse(certificate.signedPayload).exporter).toEqual({ name: reviewed.exporterName, address: reviewed.exporterAddress, country: 'BE' });
    expect(await exporterOf(application.id, admin)).toEqual(reviewed);

    // Sent back for changes and submitted again: the profile of the new submission is what the chamber reviews.
    const resubmitted = await certificates.create(admin);
    await certificates.step('submitCertificateApplication', resubmitted.id, admin);
    await certificates.step('claimCertificateApplication', resubmitted.id, tokens.clerk);
    await certificates.step('requestCertificateApplicationChanges', resubmitted.id, tokens.clerk, { comment: 'Invoice missing' });
    expect((await exporterOf(resubmitted.id, tokens.clerk)).exporterName).toBe('Shenzhen Trading Ltd');
    await profile({ name: 'Waasland Textiles NV' });
    await certificates.step('submitCertificateApplication', resubmitted.id, admin, { reply: 'Invoice attached' });
    expect(await exporterOf(resubmitted.id, tokens.clerk)).toEqual({ exporterName: 'Waasland Textiles NV', exporterAddress: 'Somewhere Else 99, 9100 Sint-Niklaas', exporterCountry: 'BE' });
  });

  it('revoking a certificate closes its open replacement (rejected with the reason, the company told), which was left approved and unsignable for good; a new application can start from it', async () => {
    // Found from outside: a replacement approved, then the original revoked: signing the replacement answered
    // CONFLICT (REVOKED cannot become SUPERSEDED) and an approved application has no other way out.
    const original = await certificates.issued(tokens.exporter, tokens.clerk, tokens.signer);
    const replacement = expectData(await started.app.graphql<{ replaceCertificate: { id: string } }>(`mutation($id: ID!) { replaceCertificate(certificateId: $id) { id } }`, { id: original.id }, { token: tokens.exporter })).replaceCertificate;
    expectData(await started.app.graphql(`mutation($i: UpdateCertificateApplicationInput!) { updateCertificateApplication(input: $i) { id } }`, { i: { applicationId: replacement.id, remarks: 'Corrected consignee', declarationAccepted: true } }, { token: tokens.exporter }));
    await certificates.step('submitCertificateApplication', replacement.id, tokens.exporter);
    await certificates.step('claimCertificateApplication', replacement.id, tokens.clerk);
    await certificates.step('approveCertificateApplication', replacement.id, tokens.clerk);
    expectData(await started.app.graphql(`mutation($id: ID!) { revokeCertificate(certificateId: $id, reason: "ISSUED_IN_ERROR") { status } }`, { id: original.id }, { token: tokens.signer }));

    const after = expectData(await started.app.graphql<{ certificateApplication: { state: string; rejectionReason: string | null } }>(
      `query($id: ID!) { certificateApplication(applicationId: $id) { state rejectionReason } }`, { id: replacement.id }, { token: tokens.exporter })).certificateApplication;
    expect(after).toEqual({ state: 'REJECTED', rejectionReason: expect.stringContaining(original.number) });
    expect((await certificates.signResponse(replacement.id, tokens.signer)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', details: { from: 'REJECTED', to: 'ISSUED' } });
    const { rows } = await started.app.asOwner((db) => db.query(`SELECT action, details->>'cause' AS cause FROM audit_entry WHERE subject_id = $1 ORDER BY id DESC LIMIT 1`, [replacement.id]));
    expect(rows[0]).toEqual({ action: 'certificates.application.rejected', cause: 'REPLACED_CERTIFICATE_REVOKED' });
    // The company starts again from the closed application (a new certificate, replacing nothing).
    const fresh = await certificates.create(tokens.exporter, { fromApplicationId: replacement.id });
    expect(fresh.state).toBe('DRAFT');
  });

  it("a draft replacement closed by the revocation never reached the chamber: the company's list shows it rejected, the chamber's queue does not hold it", async () => {
    // The chamber's queue is ordered by submission (and indexed so): an application closed unsubmitted has none.
    const original = await certificates.issued(tokens.exporter, tokens.clerk, tokens.signer);
    const draft = expectData(await started.app.graphql<{ replaceCertificate: { id: string } }>(`mutation($id: ID!) { replaceCertificate(certificateId: $id) { id } }`, { id: original.id }, { token: tokens.exporter })).replaceCertificate;
    expectData(await started.app.graphql(`mutation($id: ID!) { revokeCertificate(certificateId: $id, reason: "ISSUED_IN_ERROR") { status } }`, { id: original.id }, { token: tokens.signer }));
    const list = async (token: string) => expectData(await started.app.graphql<{ certificateApplications: Array<{ id: string; state: string }> }>(
      '{ certificateApplications(state: "REJECTED", first: 200) { id state } }', {}, { token })).certificateApplications;
    expect((await list(tokens.exporter)).find((a) => a.id === draft.id)).toEqual({ id: draft.id, state: 'REJECTED' });
    const chamber = await list(tokens.clerk);
    expect(chamber.length).toBeGreaterThan(0); // the earlier test's replacement, rejected after its submission
    expect(chamber.map((a) => a.id)).not.toContain(draft.id);
  });

  it('a revocation and the signature of its replacement at the same moment: one wins, the other is a CONFLICT, never a deadlock', async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < 6; round += 1) {
      const original = await certificates.issued(tokens.exporter, tokens.clerk, tokens.signer);
      const replacement = expectData(await started.app.graphql<{ replaceCertificate: { id: string } }>(`mutation($id: ID!) { replaceCertificate(certificateId: $id) { id } }`, { id: original.id }, { token: tokens.exporter })).replaceCertificate;
      expectData(await started.app.graphql(`mutation($i: UpdateCertificateApplicationInput!) { updateCertificateApplication(input: $i) { id } }`, { i: { applicationId: replacement.id, declarationAccepted: true } }, { token: tokens.exporter }));
      await certificates.step('submitCertificateApplication', replacement.id, tokens.exporter);
      await certificates.step('claimCertificateApplication', replacement.id, tokens.clerk);
      await certificates.step('approveCertificateApplication', replacement.id, tokens.clerk);
      const [revoked, signed] = await Promise.all([
        started.app.graphql(`mutation($id: ID!) { revokeCertificate(certificateId: $id, reason: "OTHER") { status } }`, { id: original.id }, { token: tokens.signer }),
        certificates.signResponse(replacement.id, tokens.signer),
      ]);
      const codes = [revoked, signed].map((response) => (response.errors?.[0]?.extensions?.code as string | undefined) ?? 'ok');
      outcomes.push(codes.join(' / '));
    }
    for (const outcome of outcomes) expect(['ok / CONFLICT', 'CONFLICT / ok']).toContain(outcome);
  });

  it('the clerk who approved an application cannot sign it, even holding the signer role (four eyes); another signer can', async () => {
    const { factory } = started;
    const clerkAndSigner = (await factory.login(await factory.user({ tenant: chamber, roles: [Role.CLERK, Role.SIGNER] }))).accessToken;
    const application = await certificates.approved(tokens.exporter, clerkAndSigner);
    const refused = await certificates.signResponse(application.id, clerkAndSigner);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'SIGNER_IS_REVIEWER' });
    expect((await certificates.sign(application.id, tokens.signer)).number).toEqual(expect.any(String));
  });

  it('every bad input gives BAD_USER_INPUT naming its field', async () => {
    const goods = (applicationInput().goods as Array<Record<string, unknown>>)[0]!;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ language: 'ES' }, 'input.language'],
      [{ countryOfOrigin: 'XX' }, 'input.countryOfOrigin'],
      [{ consignee: { name: '', address: 'Dock Road 1', country: 'GB' } }, 'input.consignee.name'],
      [{ consignee: { name: 'Importer', address: 'Dock Road 1', country: 'ZZ' } }, 'input.consignee.country'],
      // Attack of 3 December 2026: a line break in a one-line box printed a line of the company's choosing under the name.
      [{ consignee: { name: 'Importer Ltd\nCertified by the Customs Authority', address: 'Dock Road 1', country: 'GB' } }, 'input.consignee.name'],
      [{ consignee: { name: 'Importer Ltd\u2028Certified', address: 'Dock Road 1', country: 'GB' } }, 'input.consignee.name'],
      [{ goods: [{ ...goods, unit: 'kg\nnet' }] }, 'input.goods.0.unit'],
      // Found from outside on 4 December 2026: a NUL in a line was named input.goods[0].description,
      // every other refusal of a line input.goods.0.…, the path the portal puts the message under.
      [{ goods: [{ ...goods, description: 'Pra\u0000lines' }] }, 'input.goods.0.description'],
      [{ invoiceReferences: ['INV-1', 'INV\u202E-2'] }, 'input.invoiceReferences'],
      [{ goods: [{ ...goods, hsCode: '18069' }] }, 'input.goods.0.hsCode'],
      [{ goods: [{ ...goods, hsCode: '18069012345' }] }, 'input.goods.0.hsCode'],
      // Attack of 3 December 2026: no HS chapter 00 (or 98, 99, or the reserved 77) exists; a weightless line was printed "0 kg".
      [{ goods: [{ ...goods, hsCode: '000000' }] }, 'input.goods.0.hsCode'],
      [{ goods: [{ ...goods, hsCode: '980100' }] }, 'input.goods.0.hsCode'],
      [{ goods: [{ ...goods, hsCode: '77010000' }] }, 'input.goods.0.hsCode'],
      [{ goods: [{ ...goods, grossWeightKg: 0, netWeightKg: 0 }] }, 'input.goods.0.grossWeightKg'],
      [{ goods: [{ ...goods, netWeightKg: 0 }] }, 'input.goods.0.netWeightKg'],
      [{ goods: [{ ...goods, quantity: 0 }] }, 'input.goods.0.quantity'],
      [{ goods: [{ ...goods, grossWeightKg: -1 }] }, 'input.goods.0.grossWeightKg'],
      [{ goods: [{ ...goods, netWeightKg: -0.5 }] }, 'input.goods.0.netWeightKg'],
      // Probe D: the net weight (without packaging) above the gross weight was accepted and printed.
      [{ goods: [{ ...goods, grossWeightKg: 10, netWeightKg: 100 }] }, 'input.goods.0.netWeightKg'],
      [{ goods: [{ ...goods, packages: 0 }] }, 'input.goods.0.packages'],
      [{ goods: [{ ...goods, description: '' }] }, 'input.goods.0.description'],
      [{ goods: [{ ...goods, unit: '' }] }, 'input.goods.0.unit'],
      [{ invoiceReferences: [''] }, 'input.invoiceReferences'],
      [{ remarks: 'x'.repeat(2001) }, 'input.remarks'],
      [{ transportDetails: 'x'.repeat(1001) }, 'input.transportDetails'],
      [{ fromApplicationId: 'not-a-uuid' }, 'input.fromApplicationId'],
    ];
    const problems: string[] = [];
    for (const [overrides, field] of cases) {
      const response = await started.app.graphql(`mutation($input: CreateCertificateApplicationInput!) { createCertificateApplication(input: $input) { id } }`, { input: applicationInput(overrides) }, { token: tokens.exporter });
      const error = response.errors?.[0]?.extensions;
      const fields = (error?.fields ?? []).map((f) => f.field);
      if (error?.code !== 'BAD_USER_INPUT' || !fields.some((f) => f === field || f.startsWith(`${field}.`))) problems.push(`${field}: ${JSON.stringify(response.errors)}`);
    }
    // Missing required content on a fresh application.
    const bare = await started.app.graphql(`mutation($input: CreateCertificateApplicationInput!) { createCertificateApplication(input: $input) { id } }`, { input: {} }, { token: tokens.exporter });
    expect(bare.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((bare.errors?.[0]?.extensions?.fields ?? []).map((f) => f.field).sort()).toEqual(['input.consignee', 'input.countryOfOrigin']);
    // Operation arguments.
    const draft = await certificates.create(tokens.exporter, { declarationAccepted: false });
    const argumentCases: Array<[GraphQLResponse, string]> = [
      [await started.app.graphql(`mutation { signCertificate(applicationId: "${draft.id}", idempotencyKey: "short") { id } }`, {}, { token: tokens.signer }), 'idempotencyKey'],
      [await started.app.graphql(`mutation { signCertificate(applicationId: "nope", idempotencyKey: "long-enough-key") { id } }`, {}, { token: tokens.signer }), 'applicationId'],
      [await started.app.graphql(`mutation { requestCertificateApplicationChanges(applicationId: "${draft.id}", comment: "") { id } }`, {}, { token: tokens.clerk }), 'comment'],
      [await started.app.graphql(`query { verifyCertificate(number: "x", code: "AAAA-AAAA-AAAA") { authentic } }`, {}), 'number'],
      [await started.app.graphql(`query { certificateBillableLines(month: "2026-13") { id } }`, {}, { token: tokens.admin }), 'month'],
      [await certificates.stepResponse('submitCertificateApplication', draft.id, tokens.exporter), 'input.declarationAccepted'],
    ];
    for (const [response, field] of argumentCases) {
      const error = response.errors?.[0]?.extensions;
      if (error?.code !== 'BAD_USER_INPUT' || !(error.fields ?? []).some((f) => f.field === field)) problems.push(`${field}: ${JSON.stringify(error)}`);
    }
    expect(problems).toEqual([]);
  });

  it('text the certificate cannot print is refused naming the field and the characters; Latin, Greek and Cyrillic text is kept as typed', async () => {
    // Found from outside: a consignee in Chinese was accepted and printed as a row of empty boxes (the font's glyph 0).
    const goods = (applicationInput().goods as Array<Record<string, unknown>>)[0]!;
    const create = (overrides: Record<string, unknown>) =>
      started.app.graphql<{ createCertificateApplication: { id: string; consigneeName: string; consigneeAddress: string; goods: Array<{ description: string }>; invoiceReferences: string[]; remarks: string | null } }>(
        `mutation($input: CreateCertificateApplicationInput!) { createCertificateApplication(input: $input) { id consigneeName consigneeAddress goods { description } invoiceReferences remarks } }`,
        { input: applicationInput(overrides) },
        { token: tokens.exporter },
      );
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ consignee: { name: '北京贸易有限公司', address: 'Dock Road 1', country: 'CN' } }, 'input.consignee.name', '"北" (U+5317)'],
      [{ consignee: { name: 'Importer', address: 'شارع الملك فهد', country: 'SA' } }, 'input.consignee.address', '"ش" (U+0634)'],
      [{ goods: [{ ...goods, description: 'Pralines 😀' }] }, 'input.goods.0.description', '"😀" (U+1F600)'],
      [{ invoiceReferences: ['INV-1', 'فاتورة-2'] }, 'input.invoiceReferences', '"ف" (U+0641)'],
      [{ remarks: 'Zustellung an 株式会社' }, 'input.remarks', '"株" (U+682A)'],
      [{ transportDetails: 'By sea 🚢' }, 'input.transportDetails', '"🚢" (U+1F6A2)'],
    ];
    const problems: string[] = [];
    for (const [overrides, field, named] of cases) {
      const response = await create(overrides);
      const error = response.errors?.[0]?.extensions;
      const refusal = (error?.fields ?? []).find((f) => f.field === field || f.field.startsWith(`${field}.`));
      if (error?.code !== 'BAD_USER_INPUT' || refusal?.constraint !== 'printableOnCertificate' || !refusal.reason.includes(named)) problems.push(`${field}: ${JSON.stringify(response.errors)}`);
    }
    expect(problems).toEqual([]);
    // What the font prints is kept as typed: accented Latin, Greek, Cyrillic, signs, lines of an address.
    const typed = { consignee: { name: 'Łódź Ærø Straße Ελλάδα Москва', address: 'ul. Piotrkowska 1\n90-001 Łódź', country: 'PL' }, remarks: '€ 1.000 — “net” ½ №5', invoiceReferences: ['FAC-2026/Ü'] };
    const kept = expectData(await create({ ...typed, goods: [{ ...goods, description: 'Café crème, brûlée' }] })).createCertificateApplication;
    expect(kept).toMatchObject({ consigneeName: typed.consignee.name, consigneeAddress: typed.consignee.address, remarks: typed.remarks, invoiceReferences: typed.invoiceReferences, goods: [{ description: 'Café crème, brûlée' }] });
  });

  it('a goods number with more than three decimals is refused naming the field, in any notation (1e-7 is written without a point)', async () => {
    const goods = (applicationInput().goods as Array<Record<string, unknown>>)[0]!;
    const draft = await certificates.create(tokens.exporter);
    const answers: Array<[number, unknown]> = [];
    for (const [field, value] of [['quantity', 0.0000001], ['grossWeightKg', 5e-324], ['netWeightKg', 1.5e-7], ['quantity', 1.0005]] as const) {
      const line = { ...goods, [field]: value };
      const created = await started.app.graphql(`mutation($input: CreateCertificateApplicationInput!) { createCertificateApplication(input: $input) { id } }`, { input: applicationInput({ goods: [line] }) }, { token: tokens.exporter });
      const updated = await started.app.graphql(`mutation($i: UpdateCertificateApplicationInput!) { updateCertificateApplication(input: $i) { id } }`, { i: { applicationId: draft.id, goods: [line] } }, { token: tokens.exporter });
      for (const response of [created, updated]) {
        const error = response.errors?.[0]?.extensions;
        answers.push([value, { code: error?.code, fields: (error?.fields ?? []).map((f) => `${f.field}: ${f.reason}`) }]);
      }
    }
    expect(answers).toEqual([0.0000001, 0.0000001, 5e-324, 5e-324, 1.5e-7, 1.5e-7, 1.0005, 1.0005].map((value, i) => {
      const field = ['quantity', 'grossWeightKg', 'netWeightKg', 'quantity'][Math.floor(i / 2)];
      // 1e-7 is also below quantity's minimum: that reason may come beside it.
      return [value, { code: 'BAD_USER_INPUT', fields: expect.arrayContaining([`input.goods.0.${field}: must have at most 3 decimal places`]) }];
    }));
    // Three decimals, and numbers JavaScript writes with an exponent but no fraction, are accepted.
    const fine = await started.app.graphql(`mutation($i: UpdateCertificateApplicationInput!) { updateCertificateApplication(input: $i) { goods { quantity grossWeightKg netWeightKg } } }`, { i: { applicationId: draft.id, goods: [{ ...goods, quantity: 0.001, grossWeightKg: 1e8, netWeightKg: 12.345 }] } }, { token: tokens.exporter });
    expect(expectData(fine)).toEqual({ updateCertificateApplication: { goods: [{ quantity: 0.001, grossWeightKg: 1e8, netWeightKg: 12.345 }] } });
  });
  it('certificates of origin exist only in a chamber of commerce’s space: a certification body’s company cannot apply, nor its staff sign (probe D: its signature verified as authentic)', async () => {
    const { app, factory } = started;
    const body = await factory.tenant({ kinds: [TenantKind.CERTIFICATION_BODY] });
    const holder = await factory.organisation(body);
    const holderAdmin = (await factory.login(await factory.user({ tenant: body, organisation: holder, roles: [Role.ORG_ADMIN] }))).accessToken;
    const refused = await app.graphql('mutation($input: CreateCertificateApplicationInput!) { createCertificateApplication(input: $input) { id } }', { input: applicationInput() }, { token: holderAdmin });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_A_CHAMBER_OF_COMMERCE' });

    // A tenant that stops being a chamber (its kinds changed) signs nothing more either.
    const former = await factory.tenant();
    const company = await factory.organisation(former);
    const exporter = (await factory.login(await factory.user({ tenant: former, organisation: company, roles: [Role.ORG_ADMIN] }))).accessToken;
    const clerk = (await factory.login(await factory.user({ tenant: former, roles: [Role.CLERK] }))).accessToken;
    const signer = (await factory.login(await factory.user({ tenant: former, roles: [Role.SIGNER] }))).accessToken;
    const approved = await certificates.approved(exporter, clerk);
    await app.asOwner((db) => db.query(`UPDATE tenant SET kinds = ARRAY['CERTIFICATION_BODY'] WHERE id = $1`, [former.id]));
    expect((await certificates.signResponse(approved.id, signer)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_A_CHAMBER_OF_COMMERCE' });
  });
});
