import { Role } from '@chancery/access';
import { APPLICATION_STEPS, ApplicationState, ApplicationStep } from '@chancery/certificates';
import { applicationInput, CertificateFactory, expectData, GraphQLResponse, queuedEmails, TestApplication, TestTenant, useTestApp } from '@chancery/testing';

type Actor = 'exporter' | 'clerk' | 'signer';

/** Every workflow operation: who calls it and its step (the states it starts from, the state it moves an application to). */
const OPERATIONS: Array<{ operation: string; by: Actor; step: ApplicationStep; extra?: Record<string, string> }> = [
  { operation: 'submitCertificateApplication', by: 'exporter', step: 'submit' },
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
        const response = await call(operation, by, application.id, extra);
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

  it('a second replacement while one is open, and editing after submission, are refused', async () => {
    const certificate = await certificates.issued(tokens.exporter, tokens.clerk, tokens.signer);
    expectData(await started.app.graphql(`mutation($id: ID!) { replaceCertificate(certificateId: $id) { id } }`, { id: certificate.id }, { token: tokens.exporter }));
    const again = await started.app.graphql(`mutation($id: ID!) { replaceCertificate(certificateId: $id) { id } }`, { id: certificate.id }, { token: tokens.exporter });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'REPLACEMENT_PENDING' });
    const submitted = await inState(ApplicationState.SUBMITTED);
    const edit = await started.app.graphql(`mutation($i: UpdateCertificateApplicationInput!) { updateCertificateApplication(input: $i) { id } }`, { i: { applicationId: submitted.id, remarks: 'late change' } }, { token: tokens.exporter });
    expect(edit.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_EDITABLE', details: { state: 'SUBMITTED' } });
  });

  it('every bad input gives BAD_USER_INPUT naming its field', async () => {
    const goods = (applicationInput().goods as Array<Record<string, unknown>>)[0]!;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ language: 'ES' }, 'input.language'],
      [{ countryOfOrigin: 'XX' }, 'input.countryOfOrigin'],
      [{ consignee: { name: '', address: 'Dock Road 1', country: 'GB' } }, 'input.consignee.name'],
      [{ consignee: { name: 'Importer', address: 'Dock Road 1', country: 'ZZ' } }, 'input.consignee.country'],
      [{ goods: [{ ...goods, hsCode: '18069' }] }, 'input.goods.0.hsCode'],
      [{ goods: [{ ...goods, hsCode: '18069012345' }] }, 'input.goods.0.hsCode'],
      [{ goods: [{ ...goods, quantity: 0 }] }, 'input.goods.0.quantity'],
      [{ goods: [{ ...goods, grossWeightKg: -1 }] }, 'input.goods.0.grossWeightKg'],
      [{ goods: [{ ...goods, netWeightKg: -0.5 }] }, 'input.goods.0.netWeightKg'],
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
});
