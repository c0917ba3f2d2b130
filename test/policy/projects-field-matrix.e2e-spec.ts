// Decorator metadata is recorded only if reflect-metadata is loaded before the first decorated class.
import 'reflect-metadata';
import { CONTACT_DISCLOSURE_NOTICE } from '@chancery/datasheets';
import { expectData, reportFigure, TestApp, useTestApp } from '@chancery/testing';
import {
  accessRefusal,
  actorOf,
  addTally,
  Answer,
  answerOf,
  buildWorld,
  expectedObject,
  judge,
  newTally,
  POLICY_TEST_APP_OPTIONS,
  selectionOf,
  storedObject,
  Tally,
  Viewer,
  World,
} from '@chancery/testing/policy/policy-world';

/**
 * VERIFY T1 for multi-party project certificates (COPRO 000 §5c), on the world of
 * test/policy/field-matrix.e2e-spec.ts: every viewer reads every project (projectCertificate and the
 * projectCertificates listing), selecting every field, its parties and distributions included; the
 * expectation of each field comes from the committed docs/visibility-matrix.md, with the relation
 * `projectParty` given by the companies of the project (the records' `partyOrganisationIds`, as the
 * service loads them). Who gets the record at all is the committed `Records visible to` line: anyone
 * else gets NOT_FOUND (one project) or does not find it listed. The answers of createProjectCertificate,
 * nameProjectContact, issueProjectCertificate, distributeProjectCertificate and withdrawProjectCertificate are judged for their caller.
 *
 * Prints `T1 projects: <N> cases, <leaks> leaks, <false denials> false denials`.
 */
interface StoredProject {
  label: string;
  id: string;
  stored: Record<string, unknown>;
  relation: Record<string, unknown>;
  parties: Array<{ stored: Record<string, unknown>; relation: Record<string, unknown> }>;
  distributions: Array<{ stored: Record<string, unknown>; relation: Record<string, unknown> }>;
}

const CREATE = (selection: string) => `mutation($i: CreateProjectCertificateInput!) { createProjectCertificate(input: $i) { ${selection} } }`;

describe('T1 field matrix: project certificates', () => {
  let app: TestApp;
  let world: World;
  let a2Admin: Viewer;
  const total = newTally();
  const projects: Array<{ label: string; id: string }> = [];
  const made: Array<{ label: string; viewer: Viewer; answer: Answer; project?: StoredProject; distribution?: { stored: Record<string, unknown>; relation: Record<string, unknown> } }> = [];

  const started = useTestApp(POLICY_TEST_APP_OPTIONS);
  const gql = (query: string, variables: Record<string, unknown>, viewer: Viewer) => app.graphql<Record<string, unknown>>(query, variables, { token: viewer.token });

  /** The project as the owner reads it, parties and distributions in the order the API lists them. */
  async function storedProject(label: string, id: string): Promise<StoredProject> {
    const [row] = (await world.owner.query(`SELECT * FROM project_certificate WHERE id = $1`, [id])).rows as Array<Record<string, unknown>>;
    const partyRows = (await world.owner.query(`SELECT * FROM project_party WHERE project_id = $1 ORDER BY role`, [id])).rows as Array<Record<string, unknown>>;
    const distributionRows = (await world.owner.query(`SELECT * FROM project_distribution WHERE project_id = $1 ORDER BY distributed_at, id`, [id])).rows as Array<Record<string, unknown>>;
    const partyOrganisationIds = [...new Set(partyRows.map((p) => String(p.organisation_id)))];
    return {
      label,
      id,
      stored: storedObject(world.schema, 'ProjectCertificate', row!, { parties: partyRows, distributions: distributionRows }),
      relation: { tenantId: row!.tenant_id, partyOrganisationIds },
      parties: partyRows.map((p) => ({ stored: storedObject(world.schema, 'ProjectParty', p), relation: { tenantId: p.tenant_id, partyOrganisationIds, contactUserId: p.contact_user_id } })),
      distributions: distributionRows.map((d) => ({ stored: storedObject(world.schema, 'ProjectDistribution', d), relation: { tenantId: d.tenant_id, partyOrganisationIds, distributedBy: d.distributed_by } })),
    };
  }

  /** The project as the committed policy says the viewer sees it: each party and distribution by its own policy. */
  function expectedProject(viewer: Viewer, project: StoredProject): Record<string, unknown> {
    const expected = expectedObject(world, 'ProjectCertificate', viewer.actor, project.relation, project.stored);
    if (expected.parties) expected.parties = project.parties.map((p) => expectedObject(world, 'ProjectParty', viewer.actor, p.relation, p.stored));
    if (expected.distributions) expected.distributions = project.distributions.map((d) => expectedObject(world, 'ProjectDistribution', viewer.actor, d.relation, d.stored));
    return expected;
  }

  /** One project answer: the record's own fields, then each party and distribution field by field. */
  function judgeProject(part: Tally, label: string, viewer: Viewer, project: StoredProject, expected: Answer, actual: Answer): void {
    judge(part, world.schema, 'ProjectCertificate', label, expected, actual);
    if (!('data' in expected)) return;
    const got = 'data' in actual ? actual.data : {};
    const parties = (expected.data.parties ?? []) as Array<Record<string, unknown>>;
    const gotParties = (got.parties ?? []) as Array<Record<string, unknown>>;
    parties.forEach((p, i) => judge(part, world.schema, 'ProjectParty', `${label}.parties[${i}]`, { data: p }, gotParties[i] ? { data: gotParties[i]! } : { error: 'NULL' }));
    const distributions = (expected.data.distributions ?? []) as Array<Record<string, unknown>>;
    const gotDistributions = (got.distributions ?? []) as Array<Record<string, unknown>>;
    distributions.forEach((d, i) => judge(part, world.schema, 'ProjectDistribution', `${label}.distributions[${i}]`, { data: d }, gotDistributions[i] ? { data: gotDistributions[i]! } : { error: 'NULL' }));
  }

  beforeAll(async () => {
    app = started.app;
    world = await buildWorld(app, { apiKeys: false });
    const selection = selectionOf(world.schema, 'ProjectCertificate');
    await world.owner.query(`UPDATE tenant SET kinds = '{CHAMBER_OF_COMMERCE,CERTIFICATION_BODY}' WHERE id = ANY($1)`, [[world.tenants.A.id, world.tenants.B.id]]);
    // Company A2's administrator (records only in the world) opens and completes projects: logged in here,
    // without the second factor the world marked enrolled for everyone (it has no secret to answer with).
    const a2 = world.users.a2Admin!;
    const [{ totp_enrolled_at: enrolledAt }] = (await world.owner.query(`SELECT totp_enrolled_at FROM user_account WHERE id = $1`, [a2.id])).rows as Array<{ totp_enrolled_at: Date | null }>;
    await world.owner.query(`UPDATE user_account SET totp_enrolled_at = NULL WHERE id = $1`, [a2.id]);
    a2Admin = { label: 'a2Admin', actor: actorOf(a2), user: a2.user, token: (await world.factory.login(a2.user)).accessToken };
    await world.owner.query(`UPDATE user_account SET totp_enrolled_at = $2 WHERE id = $1`, [a2.id, enrolledAt]);
    for (const viewer of [world.viewer('a1Admin'), a2Admin, world.viewer('b1Admin')]) {
      expectData(await gql('mutation($v: String!) { acknowledgeContactDisclosureNotice(version: $v) { id } }', { v: CONTACT_DISCLOSURE_NOTICE.version }, viewer));
    }

    const open = async (label: string, viewer: Viewer, parties: Array<[string, string]>): Promise<string> => {
      const response = await gql(CREATE(selection), {
        i: { reference: `Works contract ${label}`, site: `Site of ${label}`, material: 'tar-containing asphalt for thermal cleaning', quantityTonnes: 1250.5, parties: parties.map(([role, organisationId]) => ({ role, organisationId })) },
      }, viewer);
      const id = String((expectData(response).createProjectCertificate as { id: string }).id);
      projects.push({ label, id });
      made.push({ label: `createProjectCertificate(${label}) by ${viewer.label}`, viewer, answer: answerOf(response, 'createProjectCertificate'), project: await storedProject(label, id) });
      return id;
    };
    const { A1, A2, B1 } = world.orgs;
    // A1 client and storage, A2 contractor: completed by A2, issued by staff, distributed by A1.
    const shared = await open('A1+A2 project', world.viewer('a1Admin'), [['CLIENT', A1.id], ['CONTRACTOR', A2.id], ['INTERMEDIATE_STORAGE', A1.id]]);
    // A1 client, A2 contractor and storage: left a draft, A2 still shown as the company, flagged.
    await open('A1 draft with A2', world.viewer('a1Admin'), [['CLIENT', A1.id], ['CONTRACTOR', A2.id], ['INTERMEDIATE_STORAGE', A2.id]]);
    // A2 alone: A1's users are no party to it; the tenant's staff are.
    await open('A2 project', a2Admin, [['CLIENT', A2.id], ['CONTRACTOR', A2.id], ['INTERMEDIATE_STORAGE', A2.id]]);
    // Tenant B: B1 in every role, issued by B's staff.
    const bProject = await open('B1 project', world.viewer('b1Admin'), [['CLIENT', B1.id], ['CONTRACTOR', B1.id], ['INTERMEDIATE_STORAGE', B1.id]]);

    const named = await gql(`mutation($p: ID!, $u: ID!) { nameProjectContact(projectId: $p, role: CONTRACTOR, userId: $u) { ${selection} } }`, { p: shared, u: a2.id }, a2Admin);
    made.push({ label: 'nameProjectContact by a2Admin', viewer: a2Admin, answer: answerOf(named, 'nameProjectContact'), project: await storedProject('A1+A2 project', shared) });
    for (const [id, label, staff] of [[shared, 'A1+A2 project', 'aClerk'], [bProject, 'B1 project', 'bTenantAdmin']] as const) {
      const issued = await gql(`mutation($p: ID!) { issueProjectCertificate(projectId: $p) { ${selection} } }`, { p: id }, world.viewer(staff));
      made.push({ label: `issueProjectCertificate(${label}) by ${staff}`, viewer: world.viewer(staff), answer: answerOf(issued, 'issueProjectCertificate'), project: await storedProject(label, id) });
    }
    const distributionSelection = selectionOf(world.schema, 'ProjectDistribution');
    for (const [id, label, admin] of [[shared, 'A1+A2 project', 'a1Admin'], [bProject, 'B1 project', 'b1Admin']] as const) {
      const response = await gql(`mutation($p: ID!) { distributeProjectCertificate(projectId: $p, target: "Central register of ${label}") { ${distributionSelection} } }`, { p: id }, world.viewer(admin));
      const answer = answerOf(response, 'distributeProjectCertificate');
      const project = await storedProject(label, id);
      made.push({ label: `distributeProjectCertificate(${label}) by ${admin}`, viewer: world.viewer(admin), answer, distribution: project.distributions.at(-1) });
    }
    // B's staff withdraw B1's project once distributed: its parties read it WITHDRAWN, with the date and the reason.
    const withdrawn = await gql(`mutation($p: ID!) { withdrawProjectCertificate(projectId: $p, reason: "Issued in error: wrong site") { ${selection} } }`, { p: bProject }, world.viewer('bTenantAdmin'));
    made.push({ label: 'withdrawProjectCertificate(B1 project) by bTenantAdmin', viewer: world.viewer('bTenantAdmin'), answer: answerOf(withdrawn, 'withdrawProjectCertificate'), project: await storedProject('B1 project', bProject) });
  }, 300_000);
  afterAll(async () => {
    await world?.close();
  });

  function settle(part: Tally): void {
    addTally(total, part);
    expect(part.mismatches.map((m) => ({ case: m.label, answer: m.actual }))).toEqual(part.mismatches.map((m) => ({ case: m.label, answer: m.expected })));
  }

  it('the records the mutations answered with, for their callers', () => {
    const part = newTally();
    for (const m of made) {
      if (m.project) judgeProject(part, m.label, m.viewer, m.project, { data: expectedProject(m.viewer, m.project) }, m.answer);
      else judge(part, world.schema, 'ProjectDistribution', m.label, m.distribution ? { data: expectedObject(world, 'ProjectDistribution', m.viewer.actor, m.distribution.relation, m.distribution.stored) } : { error: 'NULL' }, m.answer);
    }
    expect(made).toHaveLength(10);
    settle(part);
  });

  it('projectCertificate(projectId): every viewer × every project × every field', async () => {
    const part = newTally();
    const selection = selectionOf(world.schema, 'ProjectCertificate');
    for (const viewer of world.viewers) {
      for (const { label: projectLabel, id } of projects) {
        const project = await storedProject(projectLabel, id);
        const response = await gql(`query($p: ID!) { projectCertificate(projectId: $p) { ${selection} } }`, { p: id }, viewer);
        const refusal = accessRefusal('projectCertificate', viewer.actor);
        const expected: Answer = refusal
          ? { error: refusal }
          : world.policy.canSee(viewer.actor, 'ProjectCertificate', project.relation) ? { data: expectedProject(viewer, project) } : { error: 'NOT_FOUND' };
        judgeProject(part, `projectCertificate(${projectLabel}) as ${viewer.label}`, viewer, project, expected, answerOf(response, 'projectCertificate'));
      }
    }
    settle(part);
  });

  it('projectPartyCandidate(vatNumber): every viewer × every company × every field', async () => {
    const part = newTally();
    const selection = selectionOf(world.schema, 'ProjectPartyCandidate');
    // The world's companies carry made-up numbers; each gets a valid one (check digits) to be found by.
    const numbers: Record<'A1' | 'A2' | 'B1', string> = { A1: 'BE0403170701', A2: 'BE0456789034', B1: 'BE0876543270' };
    for (const [key, number] of Object.entries(numbers) as Array<['A1' | 'A2' | 'B1', string]>) {
      const [row] = (await world.owner.query(`UPDATE organisation SET company_number = $2, vat_number = $2 WHERE id = $1 RETURNING id AS organisation_id, tenant_id, name, city, vat_number`, [world.orgs[key].id, number])).rows as Array<Record<string, unknown>>;
      const stored = storedObject(world.schema, 'ProjectPartyCandidate', row!);
      const relation = { tenantId: row!.tenant_id };
      for (const viewer of world.viewers) {
        const response = await gql(`query($v: String!) { projectPartyCandidate(vatNumber: $v) { ${selection} } }`, { v: number }, viewer);
        const refusal = accessRefusal('projectPartyCandidate', viewer.actor);
        // Found only among the companies of the viewer's own tenant (both tenants are certification bodies here).
        const expected: Answer = refusal ? { error: refusal } : viewer.actor.tenantId === row!.tenant_id ? { data: expectedObject(world, 'ProjectPartyCandidate', viewer.actor, relation, stored) } : { error: 'NOT_FOUND' };
        judge(part, world.schema, 'ProjectPartyCandidate', `projectPartyCandidate(${key}) as ${viewer.label}`, expected, answerOf(response, 'projectPartyCandidate'));
      }
    }
    // Some viewers must find the companies, or the matrix proves nothing.
    expect(part.granted).toBeGreaterThan(0);
    settle(part);
  });

  it('projectCertificates: each viewer lists exactly the projects the policy shows it, each with its fields', async () => {
    const part = newTally();
    const selection = selectionOf(world.schema, 'ProjectCertificate');
    for (const viewer of world.viewers) {
      // The default page (50): every field of 100 projects with their parties and distributions costs more than the limit allows.
      const response = await gql(`{ projectCertificates { ${selection} } }`, {}, viewer);
      const refusal = accessRefusal('projectCertificates', viewer.actor);
      if (refusal) {
        judge(part, world.schema, 'ProjectCertificate', `projectCertificates as ${viewer.label}`, { error: refusal }, answerOf(response, 'projectCertificates'));
        continue;
      }
      const listed = new Map(((response.data?.projectCertificates ?? []) as Array<Record<string, unknown>>).map((p) => [String(p.id), p]));
      for (const { label: projectLabel, id } of projects) {
        const project = await storedProject(projectLabel, id);
        const expected: Answer = world.policy.canSee(viewer.actor, 'ProjectCertificate', project.relation) ? { data: expectedProject(viewer, project) } : { error: 'NULL' };
        judgeProject(part, `projectCertificates[${projectLabel}] as ${viewer.label}`, viewer, project, expected, listed.has(id) ? { data: listed.get(id)! } : { error: 'NULL' });
        listed.delete(id);
      }
      expect({ viewer: viewer.label, unexpected: [...listed.keys()] }).toEqual({ viewer: viewer.label, unexpected: [] });
    }
    settle(part);
  });

  afterAll(() => {
    reportFigure(`T1 projects: ${total.cases} cases, ${total.leaks} leaks, ${total.falseDenials} false denials`);
    if (total.problems.length) process.stdout.write(`\nT1 projects problems (${total.problems.length}):\n${total.problems.slice(0, 60).join('\n')}\n`);
    expect(total.cases).toBeGreaterThan(300);
    expect({ leaks: total.leaks, falseDenials: total.falseDenials, wrongValues: total.wrongValues }).toEqual({ leaks: 0, falseDenials: 0, wrongValues: 0 });
  });
});
