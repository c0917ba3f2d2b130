// Decorator metadata is recorded only if reflect-metadata is loaded before the first decorated class.
import 'reflect-metadata';
import { getNamedType, GraphQLObjectType, isObjectType } from 'graphql';
import { Role } from '@chancery/access';
import { defaultNumberPrefix } from '@chancery/certificates';
import {
  APPLICATION_FIELDS,
  CertificateFactory,
  CERTIFICATE_FIELDS,
  expectData,
  GraphQLResponse,
  reportFigure,
  SAMPLE_PDF,
  TestApp,
  TestCertificate,
  useTestApp,
  VERIFICATION_FIELDS,
} from '@chancery/testing';
import {
  accessRefusal,
  addTally,
  Answer,
  answerOf,
  buildWorld,
  expectedObject,
  newTally,
  POLICY_TEST_APP_OPTIONS,
  selectionOf,
  storedObject,
  Tally,
  Viewer,
  World,
} from '@chancery/testing/policy/policy-world';
import { judge } from '@chancery/testing/policy/policy-world';

/**
 * VERIFY T1 for certificates of origin (#16), in the style of test/policy/field-matrix.e2e-spec.ts
 * and on the same world (tenants A and B, companies A1, A2, B1, every role as a viewer, anonymous):
 * every viewer reads every application (drafts too), certificate, copy, saved consignee, setting,
 * billable line and statistic through every query that returns them, selecting every field; the
 * expectation of each field comes from the committed docs/visibility-matrix.md evaluated for the
 * viewer (a draft has no tenant relation: the staff do not see it); the records returned by the
 * mutations that made them are judged for the person who called them. The public answers are the
 * same for every viewer.
 *
 * Prints `T1 certificates: <N> cases, <leaks> leaks, <false denials> false denials`.
 */
describe('T1 field matrix: certificates of origin', () => {
  let app: TestApp;
  let world: World;
  const total = newTally();
  /** Applications and certificates made for the matrix, by label. */
  const applications = new Map<string, { id: string }>();
  const issued = new Map<string, TestCertificate>();
  /** The verification codes the signing answers showed (the stored one is sealed). */
  const codes = new Map<string, string>();
  /** Mutation answers, judged for their caller. */
  const made: Array<{ label: string; viewer: Viewer; typeName: string; answer: Answer; stored: Record<string, unknown>; relation: Record<string, unknown> }> = [];

  const started = useTestApp(POLICY_TEST_APP_OPTIONS);
  beforeAll(async () => {
    app = started.app;
    world = await buildWorld(app, { apiKeys: false });
    const certificates = new CertificateFactory(app);
    const token = (label: string) => world.viewer(label).token!;
    const fresh = async (tenant: 'A' | 'B', org: 'A2' | 'B1' | null, role: Role) =>
      (await world.factory.login(await world.factory.user({ tenant: world.tenants[tenant], organisation: org ? { id: world.orgs[org].id, tenantId: world.orgs[org].tenantId, name: org } : undefined, roles: [role] }))).accessToken;
    const people = {
      A1: { exporter: token('a1Admin'), clerk: token('aClerk'), signer: token('aSigner') },
      A2: { exporter: await fresh('A', 'A2', Role.ORG_ADMIN), clerk: token('aClerk'), signer: token('aSigner') },
      B1: { exporter: token('b1Admin'), clerk: await fresh('B', null, Role.CLERK), signer: await fresh('B', null, Role.SIGNER) },
    };
    // Each answer is compared with the record as stored right after the mutation (later steps change it).
    const record = async (label: string, viewerLabel: string, typeName: string, table: string, response: GraphQLResponse<Record<string, unknown>>, field: string) => {
      const answer = answerOf(response, field);
      const data = 'data' in answer ? answer.data : {};
      if (typeof data.verificationCode === 'string') codes.set(String(data.id), data.verificationCode);
      made.push({ label, viewer: world.viewer(viewerLabel), typeName, answer, ...(await snapshotOf(typeName, table, String(data.id))) });
      return data;
    };
    for (const company of ['A1', 'A2', 'B1'] as const) {
      const p = people[company];
      applications.set(`${company} draft`, await certificates.create(p.exporter, { remarks: `Draft of ${company}` }));
      const submitted = await certificates.create(p.exporter);
      await certificates.step('submitCertificateApplication', submitted.id, p.exporter);
      applications.set(`${company} submitted`, submitted);
      const changes = await certificates.create(p.exporter);
      await certificates.step('submitCertificateApplication', changes.id, p.exporter);
      await certificates.step('claimCertificateApplication', changes.id, p.clerk);
      await certificates.step('requestCertificateApplicationChanges', changes.id, p.clerk, { comment: 'Please add the invoice' });
      applications.set(`${company} changes requested`, changes);
      const approved = await certificates.approved(p.exporter, p.clerk);
      applications.set(`${company} approved`, approved);
      const signed = await certificates.approved(p.exporter, p.clerk);
      issued.set(company, await certificates.sign(signed.id, p.signer));
      applications.set(`${company} issued`, signed);
    }
    // Mutations of tenant A by the viewers who may call them, their answers judged below.
    const a1 = people.A1;
    const created = await app.graphql(`mutation($input: CreateCertificateApplicationInput!) { createCertificateApplication(input: $input) { ${APPLICATION_FIELDS} } }`,
      { input: { fromApplicationId: applications.get('A1 submitted')!.id, declarationAccepted: true } }, { token: a1.exporter });
    await record('createCertificateApplication', 'a1Admin', 'CertificateApplication', 'certificate_application', created, 'createCertificateApplication');
    const createdId = String((created.data?.createCertificateApplication as { id: string }).id);
    await record('updateCertificateApplication', 'a1Member', 'CertificateApplication', 'certificate_application',
      await app.graphql(`mutation($i: UpdateCertificateApplicationInput!) { updateCertificateApplication(input: $i) { ${APPLICATION_FIELDS} } }`, { i: { applicationId: createdId, remarks: 'Edited' } }, { token: token('a1Member') }), 'updateCertificateApplication');
    // A file taken off a draft: the answer is the application without it, judged like any other.
    const withFiles = await certificates.create(a1.exporter);
    let fileId = '';
    for (const name of ['invoice.pdf', 'wrong.pdf']) {
      const uploaded = await app.http().post(`/certificate-applications/${withFiles.id}/documents`).set('authorization', `Bearer ${a1.exporter}`)
        .set('content-type', 'application/octet-stream').set('x-file-name', name).send(SAMPLE_PDF);
      expect(uploaded.status).toBe(201);
      fileId = (uploaded.body as { supportingDocuments: Array<{ id: string }> }).supportingDocuments.at(-1)!.id;
    }
    await record('removeSupportingDocument', 'a1Member', 'CertificateApplication', 'certificate_application',
      await app.graphql(`mutation($a: ID!, $d: ID!) { removeSupportingDocument(applicationId: $a, documentId: $d) { ${APPLICATION_FIELDS} } }`, { a: withFiles.id, d: fileId }, { token: token('a1Member') }), 'removeSupportingDocument');
    await record('submitCertificateApplication', 'a1Member', 'CertificateApplication', 'certificate_application', await certificates.stepResponse('submitCertificateApplication', createdId, token('a1Member')), 'submitCertificateApplication');
    await record('withdrawCertificateApplication', 'a1Member', 'CertificateApplication', 'certificate_application', await (async () => {
      const a = await certificates.create(a1.exporter);
      await certificates.step('submitCertificateApplication', a.id, a1.exporter);
      return certificates.stepResponse('withdrawCertificateApplication', a.id, token('a1Member'));
    })(), 'withdrawCertificateApplication');
    await record('claimCertificateApplication', 'aClerk', 'CertificateApplication', 'certificate_application', await certificates.stepResponse('claimCertificateApplication', createdId, a1.clerk), 'claimCertificateApplication');
    // Released by the claiming clerk, then claimed again and released by the tenant admin (a clerk who is away).
    const releasable = await certificates.create(a1.exporter);
    await certificates.step('submitCertificateApplication', releasable.id, a1.exporter);
    await certificates.step('claimCertificateApplication', releasable.id, a1.clerk);
    await record('releaseCertificateApplication', 'aClerk', 'CertificateApplication', 'certificate_application', await certificates.stepResponse('releaseCertificateApplication', releasable.id, a1.clerk), 'releaseCertificateApplication');
    await certificates.step('claimCertificateApplication', releasable.id, a1.clerk);
    await record('releaseCertificateApplication', 'aTenantAdmin', 'CertificateApplication', 'certificate_application', await certificates.stepResponse('releaseCertificateApplication', releasable.id, token('aTenantAdmin')), 'releaseCertificateApplication');
    applications.set('A1 released', releasable);
    const rejectable = await certificates.create(a1.exporter);
    await certificates.step('submitCertificateApplication', rejectable.id, a1.exporter);
    await certificates.step('claimCertificateApplication', rejectable.id, a1.clerk);
    await record('rejectCertificateApplication', 'aClerk', 'CertificateApplication', 'certificate_application', await certificates.stepResponse('rejectCertificateApplication', rejectable.id, a1.clerk, { reason: 'Not of Belgian origin' }), 'rejectCertificateApplication');
    applications.set('A1 rejected', rejectable);
    await record('approveCertificateApplication', 'aClerk', 'CertificateApplication', 'certificate_application', await certificates.stepResponse('approveCertificateApplication', createdId, a1.clerk), 'approveCertificateApplication');
    await record('requestCertificateApplicationChanges', 'aClerk', 'CertificateApplication', 'certificate_application', await (async () => {
      const a = await certificates.create(a1.exporter);
      await certificates.step('submitCertificateApplication', a.id, a1.exporter);
      await certificates.step('claimCertificateApplication', a.id, a1.clerk);
      return certificates.stepResponse('requestCertificateApplicationChanges', a.id, a1.clerk, { comment: 'Weights?' });
    })(), 'requestCertificateApplicationChanges');
    const signedNow = await record('signCertificate', 'aSigner', 'CertificateOfOrigin', 'certificate', (await certificates.signResponse(createdId, a1.signer)) as GraphQLResponse<Record<string, unknown>>, 'signCertificate');
    issued.set('A1 second', signedNow as unknown as TestCertificate);
    await record('requestCertificateCopy', 'a1Member', 'CertificateCopy', 'certificate_copy',
      await app.graphql(`mutation($id: ID!) { requestCertificateCopy(certificateId: $id) { ${selectionOf(world.schema, 'CertificateCopy')} } }`, { id: issued.get('A1')!.id }, { token: token('a1Member') }), 'requestCertificateCopy');
    await record('replaceCertificate', 'a1Admin', 'CertificateApplication', 'certificate_application',
      await app.graphql(`mutation($id: ID!) { replaceCertificate(certificateId: $id) { ${APPLICATION_FIELDS} } }`, { id: issued.get('A1')!.id }, { token: a1.exporter }), 'replaceCertificate');
    await record('revokeCertificate', 'aSigner', 'CertificateOfOrigin', 'certificate',
      await app.graphql(`mutation($id: ID!) { revokeCertificate(certificateId: $id, reason: "OTHER") { ${CERTIFICATE_FIELDS} } }`, { id: String(signedNow.id) }, { token: a1.signer }), 'revokeCertificate');
    await record('saveConsignee', 'a1Admin', 'SavedConsignee', 'saved_consignee',
      await app.graphql(`mutation($i: ConsigneeInput!) { saveConsignee(input: $i) { ${selectionOf(world.schema, 'SavedConsignee')} } }`, { i: { name: 'Harbour Imports Ltd', address: '12 Dock Road', country: 'GB' } }, { token: a1.exporter }), 'saveConsignee');
    const settings = await app.graphql(`mutation($i: CertificateSettingsInput!) { setCertificateSettings(input: $i) { ${selectionOf(world.schema, 'CertificateSettings')} } }`,
      { i: { numberPrefix: 'BE-T1', memberFeeCents: 2500, nonMemberFeeCents: 4000, copyMemberFeeCents: 500, copyNonMemberFeeCents: 800, currency: 'EUR' } }, { token: token('aTenantAdmin') });
    made.push({ label: 'setCertificateSettings', viewer: world.viewer('aTenantAdmin'), typeName: 'CertificateSettings', answer: answerOf(settings, 'setCertificateSettings'), ...(await snapshotOf('CertificateSettings', 'certificate_settings', world.tenants.A.id)) });
    const rotated = await app.graphql(`mutation { rotateCertificateSigningKey { ${selectionOf(world.schema, 'CertificatePublicKey')} } }`, {}, { token: token('aTenantAdmin') });
    const kid = String((rotated.data?.rotateCertificateSigningKey as { kid?: string } | undefined)?.kid);
    const key = await row('certificate_signing_key', kid);
    made.push({
      label: 'rotateCertificateSigningKey', viewer: world.viewer('aTenantAdmin'), typeName: 'CertificatePublicKey', answer: answerOf(rotated, 'rotateCertificateSigningKey'), relation: {},
      stored: storedObject(world.schema, 'CertificatePublicKey', key, { kid: key.id, kty: 'OKP', crv: 'Ed25519', x: key.public_key, use: 'sig', alg: 'EdDSA' }),
    });
  }, 300_000);
  afterAll(async () => {
    await world?.close();
  });

  /** The selection of each field of a type (nested records with all their fields). */
  function fieldSelections(typeName: string): string[] {
    const type = world.schema.getType(typeName) as GraphQLObjectType;
    return Object.values(type.getFields()).map((f) => {
      const named = getNamedType(f.type);
      return isObjectType(named) ? `${f.name} { ${selectionOf(world.schema, named.name, 1)} }` : f.name;
    });
  }

  async function snapshotOf(typeName: string, table: string, id: string): Promise<{ stored: Record<string, unknown>; relation: Record<string, unknown> }> {
    if (typeName === 'CertificateApplication') return storedApplication(id);
    if (typeName === 'CertificateOfOrigin') return storedCertificate(id);
    if (typeName === 'CertificateSettings') return { stored: storedObject(world.schema, typeName, await row(table, id, 'tenant_id')), relation: { tenantId: id } };
    const r = await row(table, id);
    const organisationId = typeName === 'CertificateCopy' ? (await row('certificate', String(r.certificate_id))).organisation_id : r.organisation_id;
    return { stored: storedObject(world.schema, typeName, r, typeName === 'CertificateCopy' ? { pdfReady: r.pdf_document_id !== null } : {}), relation: { tenantId: r.tenant_id, organisationId } };
  }

  function settle(part: Tally): void {
    addTally(total, part);
    expect(part.mismatches.map((m) => ({ case: m.label, answer: m.actual }))).toEqual(part.mismatches.map((m) => ({ case: m.label, answer: m.expected })));
  }
  const defaultSettingsRow = async (tenantId: string) => {
    const { rows } = await world.owner.query(`SELECT country, slug FROM tenant WHERE id = $1`, [tenantId]);
    const tenant = rows[0] as { country: string; slug: string };
    return { tenant_id: tenantId, number_prefix: defaultNumberPrefix(tenant.country, tenant.slug), member_fee_cents: 0, non_member_fee_cents: 0, copy_member_fee_cents: 0, copy_non_member_fee_cents: 0, currency: 'EUR' };
  };
  const gql = (query: string, variables: Record<string, unknown>, viewer: Viewer) => app.graphql<Record<string, unknown>>(query, variables, { token: viewer.token });
  const row = async (table: string, id: string, key = 'id') => (await world.owner.query(`SELECT * FROM ${table} WHERE ${key} = $1`, [id])).rows[0] as Record<string, unknown>;

  async function storedApplication(id: string): Promise<{ stored: Record<string, unknown>; relation: Record<string, unknown> }> {
    const r = await row('certificate_application', id);
    const ids = r.supporting_document_ids as string[];
    const files = ids.length ? ((await world.owner.query(`SELECT * FROM stored_document WHERE id = ANY($1::uuid[])`, [ids])).rows as Array<Record<string, unknown>>) : [];
    const supportingDocuments = ids.map((documentId) => storedObject(world.schema, 'StoredDocument', files.find((f) => f.id === documentId)!));
    return { stored: storedObject(world.schema, 'CertificateApplication', r, { supportingDocuments }), relation: { id, tenantId: r.tenant_id, organisationId: r.organisation_id, state: r.state } };
  }
  async function storedCertificate(id: string): Promise<{ stored: Record<string, unknown>; relation: Record<string, unknown> }> {
    const r = await row('certificate', id);
    const copies = (await world.owner.query(`SELECT * FROM certificate_copy WHERE certificate_id = $1 ORDER BY copy_number`, [id])).rows as Array<Record<string, unknown>>;
    const code = [...issued.values()].find((c) => c.id === id)?.verificationCode ?? codes.get(id);
    return {
      stored: storedObject(world.schema, 'CertificateOfOrigin', r, {
        verificationCode: code, pdfReady: r.pdf_document_id !== null, copies: copies.map((k) => storedObject(world.schema, 'CertificateCopy', k, { pdfReady: k.pdf_document_id !== null })),
      }),
      relation: { id, tenantId: r.tenant_id, organisationId: r.organisation_id },
    };
  }

  it('certificateApplication(applicationId): every viewer × every application (drafts too) × every field', async () => {
    const part = newTally();
    const query = `query($id: ID!) { certificateApplication(applicationId: $id) { ${APPLICATION_FIELDS} } }`;
    for (const viewer of world.viewers) {
      for (const [label, { id }] of applications) {
        const { stored, relation } = await storedApplication(id);
        const refusal = accessRefusal('certificateApplication', viewer.actor);
        const expected: Answer = refusal ? { error: refusal } : !world.policy.canSee(viewer.actor, 'CertificateApplication', relation) ? { error: 'NOT_FOUND' } : { data: expectedObject(world, 'CertificateApplication', viewer.actor, relation, stored) };
        judge(part, world.schema, 'CertificateApplication', `certificateApplication(${label}) as ${viewer.label}`, expected, answerOf(await gql(query, { id }, viewer), 'certificateApplication'));
      }
    }
    settle(part);
  });

  it('certificateOfOrigin(certificateId): every viewer × every certificate × every field (copies included)', async () => {
    const part = newTally();
    const query = `query($id: ID!) { certificateOfOrigin(certificateId: $id) { ${CERTIFICATE_FIELDS} } }`;
    for (const viewer of world.viewers) {
      for (const [label, certificate] of issued) {
        const { stored, relation } = await storedCertificate(certificate.id);
        const refusal = accessRefusal('certificateOfOrigin', viewer.actor);
        const expected: Answer = refusal ? { error: refusal } : !world.policy.canSee(viewer.actor, 'CertificateOfOrigin', relation) ? { error: 'NOT_FOUND' } : { data: expectedObject(world, 'CertificateOfOrigin', viewer.actor, relation, stored) };
        judge(part, world.schema, 'CertificateOfOrigin', `certificateOfOrigin(${label}) as ${viewer.label}`, expected, answerOf(await gql(query, { id: certificate.id }, viewer), 'certificateOfOrigin'));
      }
    }
    settle(part);
  });

  it('certificateApplications and certificatesOfOrigin: each viewer lists exactly the records it may see, each with its fields', async () => {
    const part = newTally();
    const allApplications = (await world.owner.query(`SELECT id FROM certificate_application`)).rows as Array<{ id: string }>;
    const allCertificates = (await world.owner.query(`SELECT id FROM certificate`)).rows as Array<{ id: string }>;
    for (const viewer of world.viewers) {
      for (const [operation, typeName, all, load] of [
        ['certificateApplications', 'CertificateApplication', allApplications, storedApplication],
        ['certificatesOfOrigin', 'CertificateOfOrigin', allCertificates, storedCertificate],
      ] as const) {
        // A page of every field is over the GraphQL cost limit: the fields are read in a few pages, joined by id.
        const parts = fieldSelections(typeName);
        const responses = [];
        for (let i = 0; i < parts.length; i += 6) responses.push(await gql(`{ ${operation}(first: 100) { id ${parts.slice(i, i + 6).join(' ')} } }`, {}, viewer));
        const refusal = accessRefusal(operation, viewer.actor);
        if (refusal) {
          judge(part, world.schema, typeName, `${operation} as ${viewer.label}`, { error: refusal }, answerOf(responses[0]!, operation));
          continue;
        }
        const listed = new Map<string, Record<string, unknown>>();
        for (const response of responses) {
          for (const r of (expectData(response)[operation] ?? []) as Array<Record<string, unknown>>) listed.set(String(r.id), { ...listed.get(String(r.id)), ...r });
        }
        for (const { id } of all) {
          const { stored, relation } = await load(id);
          const visible = world.policy.canSee(viewer.actor, typeName, relation);
          // A company lists its own; the staff list their tenant's (not the drafts).
          const expected: Answer = visible ? { data: expectedObject(world, typeName, viewer.actor, relation, stored) } : { error: 'NULL' };
          const actual: Answer = listed.has(id) ? { data: listed.get(id)! } : { error: 'NULL' };
          judge(part, world.schema, typeName, `${operation}[${id}] as ${viewer.label}`, expected, actual);
          listed.delete(id);
        }
        expect({ viewer: viewer.label, operation, unexpected: [...listed.keys()] }).toEqual({ viewer: viewer.label, operation, unexpected: [] });
      }
    }
    settle(part);
  });

  it('savedConsignees, certificateSettings, certificateBillableLines and certificateProcessingStatistics: every viewer', async () => {
    const part = newTally();
    const month = app.clock.now().toISOString().slice(0, 7);
    const consignees = (await world.owner.query(`SELECT * FROM saved_consignee`)).rows as Array<Record<string, unknown>>;
    // A line with what the invoice names of it, read here from the certificate and the company's record.
    const lines = (await world.owner.query(
      `SELECT l.*, c.number AS certificate_number, o.name AS organisation_name, o.vat_number AS organisation_vat_number
         FROM certificate_billable_line l JOIN certificate c ON c.id = l.certificate_id JOIN organisation o ON o.id = l.organisation_id`,
    )).rows as Array<Record<string, unknown>>;
    for (const viewer of world.viewers) {
      // Saved consignees: the company's own.
      const own = answerOf(await gql(`{ savedConsignees { ${selectionOf(world.schema, 'SavedConsignee')} } }`, {}, viewer), 'savedConsignees');
      const refusal = accessRefusal('savedConsignees', viewer.actor);
      const mine = consignees.filter((c) => c.organisation_id === viewer.actor.organisationId && c.tenant_id === viewer.actor.tenantId);
      if (refusal) judge(part, world.schema, 'SavedConsignee', `savedConsignees as ${viewer.label}`, { error: refusal }, own);
      else {
        const listed = 'data' in own ? (own.data as unknown as Array<Record<string, unknown>>) : [];
        expect(listed.length).toBe(mine.length);
        mine.forEach((c, i) => {
          const relation = { tenantId: c.tenant_id, organisationId: c.organisation_id };
          judge(part, world.schema, 'SavedConsignee', `savedConsignees[${i}] as ${viewer.label}`, { data: expectedObject(world, 'SavedConsignee', viewer.actor, relation, storedObject(world.schema, 'SavedConsignee', c)) }, listed[i] ? { data: listed[i]! } : { error: 'NULL' });
        });
      }
      // Settings: the tenant admin's; a chamber that saved none reads the defaults its certificates are issued with.
      const savedSettings = viewer.actor.tenantId ? (await world.owner.query(`SELECT * FROM certificate_settings WHERE tenant_id = $1`, [viewer.actor.tenantId])).rows[0] : undefined;
      const settingsRow = savedSettings ?? (viewer.actor.tenantId ? await defaultSettingsRow(viewer.actor.tenantId) : undefined);
      const settingsRefusal = accessRefusal('certificateSettings', viewer.actor);
      const settings = answerOf(await gql(`{ certificateSettings { ${selectionOf(world.schema, 'CertificateSettings')} } }`, {}, viewer), 'certificateSettings');
      judge(part, world.schema, 'CertificateSettings', `certificateSettings as ${viewer.label}`,
        settingsRefusal ? { error: settingsRefusal } : settingsRow ? { data: expectedObject(world, 'CertificateSettings', viewer.actor, { tenantId: settingsRow.tenant_id }, storedObject(world.schema, 'CertificateSettings', settingsRow)) } : { error: 'NULL' }, settings);
      // Billable lines of the month: the tenant admin's and auditor's.
      const billing = await gql(`query($m: String!) { certificateBillableLines(month: $m) { ${selectionOf(world.schema, 'CertificateBillableLine')} } }`, { m: month }, viewer);
      const billingRefusal = accessRefusal('certificateBillableLines', viewer.actor);
      if (billingRefusal) judge(part, world.schema, 'CertificateBillableLine', `certificateBillableLines as ${viewer.label}`, { error: billingRefusal }, answerOf(billing, 'certificateBillableLines'));
      else {
        const listed = new Map(((billing.data?.certificateBillableLines ?? []) as Array<Record<string, unknown>>).map((l) => [String(l.id), l]));
        for (const l of lines) {
          const relation = { tenantId: l.tenant_id, organisationId: l.organisation_id };
          const visible = world.policy.canSee(viewer.actor, 'CertificateBillableLine', relation);
          judge(part, world.schema, 'CertificateBillableLine', `certificateBillableLines[${String(l.id)}] as ${viewer.label}`,
            visible ? { data: expectedObject(world, 'CertificateBillableLine', viewer.actor, relation, storedObject(world.schema, 'CertificateBillableLine', l)) } : { error: 'NULL' },
            listed.has(String(l.id)) ? { data: listed.get(String(l.id))! } : { error: 'NULL' });
        }
      }
      // Statistics: one's own; anyone's of the tenant for its administrator.
      const stats = await gql(`{ certificateProcessingStatistics { ${selectionOf(world.schema, 'CertificateProcessingStatistic')} } }`, {}, viewer);
      const statsRefusal = accessRefusal('certificateProcessingStatistics', viewer.actor);
      if (statsRefusal) expect(stats.errors?.[0]?.extensions?.code).toBe(statsRefusal);
      else {
        const rows = expectData(stats).certificateProcessingStatistics as Array<{ userId: string; reviewed: number; signed: number }>;
        const admin = viewer.actor.roles.includes(Role.TENANT_ADMIN);
        part.cases += rows.length;
        for (const r of rows) {
          const staffOfTenant = Object.values(world.users).some((u) => u.id === r.userId && u.tenantId === viewer.actor.tenantId) || r.userId === viewer.actor.id;
          if (!(admin ? staffOfTenant || true : r.userId === viewer.actor.id)) {
            part.leaks += 1;
            part.problems.push(`LEAK certificateProcessingStatistics as ${viewer.label}: ${r.userId}`);
          }
        }
        if (viewer.label === 'aClerk') expect(rows.some((r) => r.userId === viewer.actor.id && r.reviewed > 0)).toBe(true);
        if (viewer.label === 'aTenantAdmin') expect(new Set(rows.map((r) => r.userId)).size).toBeGreaterThanOrEqual(2);
      }
    }
    settle(part);
  });

  it('the public answers (verifyCertificate, verifySignedCertificate, certificateSigningKeys) are the same for every viewer', async () => {
    const part = newTally();
    const certificate = issued.get('B1')!;
    const answers = new Set<string>();
    for (const viewer of world.viewers) {
      const verification = await gql(`query($n: String!, $c: String!) { verifyCertificate(number: $n, code: $c) { ${VERIFICATION_FIELDS} } }`, { n: certificate.number, c: certificate.verificationCode }, viewer);
      const signed = await gql(`query($p: String!, $s: String!, $k: String!) { verifySignedCertificate(payload: $p, signature: $s, kid: $k) { ${VERIFICATION_FIELDS} } }`, { p: certificate.signedPayload, s: certificate.signature, k: certificate.keyId }, viewer);
      const keys = await gql(`query($t: String!) { certificateSigningKeys(tenantSlug: $t) { ${selectionOf(world.schema, 'CertificatePublicKey')} } }`, { t: world.tenants.B.slug }, viewer);
      for (const [name, response] of [['verifyCertificate', verification], ['verifySignedCertificate', signed]] as const) {
        const data = expectData(response)[name] as Record<string, unknown>;
        judge(part, world.schema, 'CertificateVerification', `${name} as ${viewer.label}`, { data: { ...data, authentic: true } }, { data });
      }
      answers.add(JSON.stringify([verification.data, signed.data, keys.data]));
    }
    expect(answers.size).toBe(1);
    settle(part);
  });

  it('the records the mutations returned, as their callers may see them', async () => {
    const part = newTally();
    expect(made.length).toBeGreaterThanOrEqual(14);
    for (const m of made) {
        const { stored, relation } = m;
      judge(part, world.schema, m.typeName, `${m.label} as ${m.viewer.label}`, { data: expectedObject(world, m.typeName, m.viewer.actor, relation, stored) }, m.answer);
    }
    settle(part);
  });

  it('prints the figure: 0 leaks and 0 false denials', () => {
    reportFigure(`T1 certificates: ${total.cases} cases, ${total.leaks} leaks, ${total.falseDenials} false denials`);
    if (total.problems.length) process.stdout.write(`\nT1 certificates problems (${total.problems.length}):\n${total.problems.slice(0, 60).join('\n')}\n`);
    expect(total.cases).toBeGreaterThan(2000);
    expect({ leaks: total.leaks, falseDenials: total.falseDenials, wrongValues: total.wrongValues }).toEqual({ leaks: 0, falseDenials: 0, wrongValues: 0 });
  });
});
