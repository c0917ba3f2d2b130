// Decorator metadata is recorded only if reflect-metadata is loaded before the first decorated class.
import 'reflect-metadata';
import { Role } from '@chancery/access';
import { certificateContent } from '@chancery/privacy';
import { effectivePeriod, RETENTION_RULES, RetentionRuleKey } from '@chancery/policy';
import { reportFigure, TestApp, useTestApp } from '@chancery/testing';
import {
  accessRefusal,
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
  USER_SPECS,
  Viewer,
  World,
} from '@chancery/testing/policy/policy-world';

/**
 * VERIFY T1 for the privacy operations (SPEC §5: support access, offboarding, privacy settings, the
 * retention schedule), on the world of test/policy/field-matrix.e2e-spec.ts: every viewer reads
 * privacySettings, retentionSchedule (every rule), supportGrants,
 * tenantOffboardings, tenantDestructionCertificates, supportAccounts, supportOrganisations,
 * supportCertificateApplications, supportCertificateApplication and supportDatasheets (per grant) selecting every
 * field; the expectation of each field comes from the committed docs/visibility-matrix.md, the listings
 * hold exactly the records the matrix's `Records visible to` line gives the viewer. The answers of
 * setRequestDeadlineRule, setRetentionPeriod, requestSupportAccess, approve/refuse/endSupportAccess, requestTenantOffboarding,
 * confirmTenantOffboarding, withdrawTenantOffboarding and declineTenantOffboarding (throwaway tenants) and destroyTenant (a throwaway third tenant, after its waiting period on the
 * app's simulated clock) are judged for their callers.
 *
 * Prints `T1 privacy operations: <N> cases, <leaks> leaks, <false denials> false denials`.
 */
const DAY = 24 * 60 * 60 * 1000;
/** The world's viewers with a real second factor (USER_SPECS `totp`): they can log in again. */
const TOTP_VIEWERS = new Set(USER_SPECS.filter((u) => u.totp).map((u) => u.key));
type Stored = { stored: Record<string, unknown>; relation: Record<string, unknown> };

describe('T1 field matrix: privacy operations', () => {
  let app: TestApp;
  let world: World;
  const total = newTally();
  const grants: Array<{ label: string; id: string }> = [];
  const made: Array<{ label: string; viewer: Viewer; typeName: string; answer: Answer } & Stored> = [];

  const started = useTestApp(POLICY_TEST_APP_OPTIONS);
  const gql = (query: string, variables: Record<string, unknown>, viewer: Viewer) => app.graphql<Record<string, unknown>>(query, variables, { token: viewer.token });
  /**
   * The viewer logged in anew (the step-up operations ask for a login within the last minutes). Only for
   * those the world enrolled for real (a second factor merely marked enrolled cannot log in again); the
   * others' world sessions are minutes old, recent enough.
   */
  const fresh = async (viewer: Viewer): Promise<Viewer> => {
    const worldSessionOnly = world.viewers.includes(viewer) && !TOTP_VIEWERS.has(viewer.label);
    return worldSessionOnly || !viewer.user ? viewer : { ...viewer, token: (await world.factory.login(viewer.user)).accessToken };
  };
  const rows = async (sql: string, params: unknown[] = []) => (await world.owner.query(sql, params)).rows as Array<Record<string, unknown>>;
  const hex = (value: unknown) => (value ? Buffer.from(value as Buffer).toString('hex') : null);

  const storedSettings = (r: Record<string, unknown>): Stored => ({ stored: storedObject(world.schema, 'PrivacySettings', r), relation: { tenantId: r.tenant_id } });
  /** One rule of a tenant's schedule: the catalogue's fields, and the tenant's row (if it shortened the rule) or the default. */
  const storedRetention = async (tenantId: string, key: RetentionRuleKey): Promise<Stored> => {
    const rule = RETENTION_RULES[key];
    const [own] = await rows(`SELECT * FROM retention_period WHERE tenant_id = $1 AND rule = $2`, [tenantId, key]);
    const row = own ?? { tenant_id: tenantId, rule: key, updated_at: null, updated_by: null };
    const catalogue = { basis: rule.basis, countsFrom: rule.countsFrom, unit: rule.unit, defaultPeriod: rule.defaultPeriod, legalMinimum: rule.legalMinimum, legalMaximum: rule.legalMaximum, source: rule.source };
    return { stored: storedObject(world.schema, 'RetentionPeriod', row, { ...catalogue, period: effectivePeriod(rule, own ? Number(own.period) : undefined) }), relation: { tenantId } };
  };
  /** An approved grant past its end time reads EXPIRED (the clock's reading, not a stored status). */
  const storedGrant = (r: Record<string, unknown>): Stored => {
    const expired = r.status === 'APPROVED' && r.ends_at && new Date(r.ends_at as Date).getTime() <= app.clock.now().getTime();
    return { stored: storedObject(world.schema, 'SupportGrant', r, { status: expired ? 'EXPIRED' : r.status }), relation: { tenantId: r.tenant_id, requestedBy: r.requested_by } };
  };
  const storedOffboarding = (r: Record<string, unknown>): Stored => ({
    stored: storedObject(world.schema, 'TenantOffboarding', r, { exportHash: hex(r.export_sha256) }),
    relation: { tenantId: r.tenant_id },
  });
  const storedCertificate = (r: Record<string, unknown>): Stored => {
    const rowsDeleted = Object.entries(r.deleted_rows as Record<string, number>).sort(([a], [b]) => a.localeCompare(b)).map(([table, n]) => ({ table, rows: n }));
    return {
      stored: storedObject(world.schema, 'TenantDestructionCertificate', r, {
        exportHash: hex(r.export_sha256), certificateHash: hex(r.certificate_sha256), rowsDeleted, totalRowsDeleted: rowsDeleted.reduce((n, x) => n + x.rows, 0), intact: true,
        signedContent: certificateContent({
          departedTenantId: r.departed_tenant_id as string, tenantSlug: r.tenant_slug as string, tenantName: r.tenant_name as string, requestedAt: r.requested_at as Date,
          confirmedAt: r.confirmed_at as Date, exportSha256: r.export_sha256 as Buffer, exportedAt: r.exported_at as Date, exportedRecords: r.exported_records as number,
          destroyedAt: r.destroyed_at as Date, destroyedBy: r.destroyed_by as string, deletedRows: r.deleted_rows as Record<string, number>,
        }),
      }),
      relation: {},
    };
  };
  const one = async (table: string, id: string) => (await rows(`SELECT * FROM ${table} WHERE id = $1`, [id]))[0]!;
  const idOf = (answer: Answer) => String('data' in answer ? answer.data.id : '');

  beforeAll(async () => {
    app = started.app;
    world = await buildWorld(app, { apiKeys: false });
    const settingsSel = selectionOf(world.schema, 'PrivacySettings');
    const grantSel = selectionOf(world.schema, 'SupportGrant');
    const offboardingSel = selectionOf(world.schema, 'TenantOffboarding');
    const certificateSel = selectionOf(world.schema, 'TenantDestructionCertificate');

    // Privacy settings of both tenants, set by each role that may.
    for (const [label, rule] of [['aPrivacyOfficer', 'THIRTY_DAYS'], ['aTenantAdmin', 'ONE_MONTH'], ['bTenantAdmin', 'THIRTY_DAYS']] as const) {
      const viewer = world.viewer(label);
      const answer = answerOf(await gql(`mutation($r: RequestDeadlineRule!) { setRequestDeadlineRule(rule: $r) { ${settingsSel} } }`, { r: rule }, viewer), 'setRequestDeadlineRule');
      const [r] = await rows(`SELECT * FROM privacy_settings WHERE tenant_id = $1`, [viewer.actor.tenantId]);
      made.push({ label: `setRequestDeadlineRule by ${label}`, viewer, typeName: 'PrivacySettings', answer, ...storedSettings(r!) });
    }

    // Retention periods of both tenants, shortened by each role that may.
    const retentionSel = selectionOf(world.schema, 'RetentionPeriod');
    for (const [label, rule, period] of [['aPrivacyOfficer', 'LOGIN_SESSION', 6], ['aTenantAdmin', 'DELIVERED_MESSAGE', 60], ['bTenantAdmin', 'INVITATION', 14]] as const) {
      const viewer = world.viewer(label);
      const answer = answerOf(await gql(`mutation($i: SetRetentionPeriodInput!) { setRetentionPeriod(input: $i) { ${retentionSel} } }`, { i: { rule, period } }, viewer), 'setRetentionPeriod');
      made.push({ label: `setRetentionPeriod(${rule}) by ${label}`, viewer, typeName: 'RetentionPeriod', answer, ...(await storedRetention(viewer.actor.tenantId!, rule as RetentionRuleKey)) });
    }

    // Support grants: approved (A and B), refused, ended early, still pending.
    const operator = world.viewer('platformAdmin');
    const ask = async (label: string, tenant: 'A' | 'B', durationMinutes: number) => {
      const answer = answerOf(await gql(`mutation($i: RequestSupportAccessInput!) { requestSupportAccess(input: $i) { ${grantSel} } }`,
        { i: { tenantId: world.tenants[tenant].id, purpose: `Support case ${label}: a clerk cannot log in`, durationMinutes } }, operator), 'requestSupportAccess');
      grants.push({ label, id: idOf(answer) });
      made.push({ label: `requestSupportAccess (${label}) by platformAdmin`, viewer: operator, typeName: 'SupportGrant', answer, ...storedGrant(await one('support_grant', idOf(answer))) });
      return idOf(answer);
    };
    const decide = async (mutation: string, grantId: string, label: string, extra = '') => {
      const viewer = await fresh(world.viewer(label));
      const answer = answerOf(await gql(`mutation($g: ID!) { ${mutation}(grantId: $g${extra}) { ${grantSel} } }`, { g: grantId }, viewer), mutation);
      made.push({ label: `${mutation} by ${label}`, viewer, typeName: 'SupportGrant', answer, ...storedGrant(await one('support_grant', grantId)) });
    };
    await decide('approveSupportAccess', await ask('approved A', 'A', 240), 'aTenantAdmin');
    await decide('approveSupportAccess', await ask('approved B', 'B', 240), 'bTenantAdmin');
    await decide('refuseSupportAccess', await ask('refused A', 'A', 60), 'aTenantAdmin', ', reason: "Not this week"');
    const ended = await ask('ended A', 'A', 120);
    await decide('approveSupportAccess', ended, 'aTenantAdmin');
    await decide('endSupportAccess', ended, 'aTenantAdmin');
    await ask('pending B', 'B', 30);

    // Offboarding: tenant B's departure filed only; tenant A's confirmed, its archive taken; a throwaway tenant destroyed.
    const file = async (tenantId: string, tenantLabel: string) => {
      const viewer = await fresh(operator);
      const answer = answerOf(await gql(`mutation($t: ID!) { requestTenantOffboarding(tenantId: $t) { ${offboardingSel} } }`, { t: tenantId }, viewer), 'requestTenantOffboarding');
      made.push({ label: `requestTenantOffboarding (${tenantLabel}) by platformAdmin`, viewer, typeName: 'TenantOffboarding', answer, ...storedOffboarding(await one('tenant_offboarding', idOf(answer))) });
      return idOf(answer);
    };
    const confirmAndExport = async (offboardingId: string, admin: Viewer) => {
      const viewer = await fresh(admin);
      const answer = answerOf(await gql(`mutation($o: ID!) { confirmTenantOffboarding(offboardingId: $o) { ${offboardingSel} } }`, { o: offboardingId }, viewer), 'confirmTenantOffboarding');
      made.push({ label: `confirmTenantOffboarding by ${admin.label}`, viewer, typeName: 'TenantOffboarding', answer, ...storedOffboarding(await one('tenant_offboarding', offboardingId)) });
      const archive = await gql('mutation($o: ID!) { exportTenantArchive(offboardingId: $o) { sha256 } }', { o: offboardingId }, viewer);
      expect(archive.errors).toBeUndefined();
    };
    await file(world.tenants.B.id, 'B');
    await confirmAndExport(await file(world.tenants.A.id, 'A'), world.viewer('aTenantAdmin'));

    // A departure withdrawn by the operator, and one declined by the tenant's administrator (throwaway tenants: the rows stay, WITHDRAWN).
    const withdrawnTenant = await world.factory.tenant();
    const withdrawnOffboarding = await file(withdrawnTenant.id, 'withdrawn tenant');
    {
      const viewer = await fresh(operator);
      const answer = answerOf(await gql(`mutation($o: ID!) { withdrawTenantOffboarding(offboardingId: $o, reason: "Filed for the wrong tenant") { ${offboardingSel} } }`, { o: withdrawnOffboarding }, viewer), 'withdrawTenantOffboarding');
      made.push({ label: 'withdrawTenantOffboarding by platformAdmin', viewer, typeName: 'TenantOffboarding', answer, ...storedOffboarding(await one('tenant_offboarding', withdrawnOffboarding)) });
    }
    const decliningTenant = await world.factory.tenant();
    const decliningAdmin = await world.factory.user({ tenant: decliningTenant, roles: [Role.TENANT_ADMIN] });
    const declinedOffboarding = await file(decliningTenant.id, 'declining tenant');
    {
      const viewer = await fresh({ label: 'decliningTenantAdmin', actor: { kind: 'user', id: decliningAdmin.id, tenantId: decliningTenant.id, roles: [Role.TENANT_ADMIN] }, user: decliningAdmin });
      const answer = answerOf(await gql(`mutation($o: ID!) { declineTenantOffboarding(offboardingId: $o, reason: "We are staying") { ${offboardingSel} } }`, { o: declinedOffboarding }, viewer), 'declineTenantOffboarding');
      made.push({ label: 'declineTenantOffboarding by decliningTenantAdmin', viewer, typeName: 'TenantOffboarding', answer, ...storedOffboarding(await one('tenant_offboarding', declinedOffboarding)) });
    }

    const leaving = await world.factory.tenant();
    const leavingAdmin = await world.factory.user({ tenant: leaving, roles: [Role.TENANT_ADMIN] });
    const leavingViewer: Viewer = { label: 'leavingTenantAdmin', actor: { kind: 'user', id: leavingAdmin.id, tenantId: leaving.id, roles: [Role.TENANT_ADMIN] }, user: leavingAdmin };
    const leavingOffboarding = await file(leaving.id, 'throwaway tenant');
    await confirmAndExport(leavingOffboarding, leavingViewer);
    // Past the waiting period (simulated clock), the operator destroys it; then back, so the world's sessions hold.
    const destroyer = await world.factory.user({ roles: [Role.PLATFORM_ADMIN] });
    app.clock.advance(31 * DAY);
    try {
      const viewer: Viewer = { label: 'anotherPlatformAdmin', actor: { kind: 'user', id: destroyer.id, roles: [Role.PLATFORM_ADMIN] }, user: destroyer, token: (await world.factory.login(destroyer)).accessToken };
      const answer = answerOf(await gql(`mutation($o: ID!) { destroyTenant(offboardingId: $o) { ${certificateSel} } }`, { o: leavingOffboarding }, viewer), 'destroyTenant');
      const [r] = await rows(`SELECT * FROM tenant_destruction_certificate WHERE departed_tenant_id = $1`, [leaving.id]);
      expect(r).toBeDefined();
      made.push({ label: 'destroyTenant by platformAdmin', viewer, typeName: 'TenantDestructionCertificate', answer, ...storedCertificate(r!) });
    } finally {
      app.clock.advance(-31 * DAY);
    }
  }, 300_000);
  afterAll(async () => {
    await world?.close();
  });

  function settle(part: Tally): void {
    addTally(total, part);
    expect(part.mismatches.map((m) => ({ case: m.label, answer: m.actual }))).toEqual(part.mismatches.map((m) => ({ case: m.label, answer: m.expected })));
  }

  /**
   * A listing read by every viewer: refused where the operation's access rule refuses, otherwise exactly
   * the stored records the committed matrix makes visible to the viewer, each with its fields.
   */
  async function judgeListing(part: Tally, operation: string, typeName: string, stored: Array<{ id: string } & Stored>): Promise<void> {
    const selection = selectionOf(world.schema, typeName);
    for (const viewer of world.viewers) {
      const response = await gql(`{ ${operation} { ${selection} } }`, {}, viewer);
      const refusal = accessRefusal(operation, viewer.actor);
      if (refusal) {
        judge(part, world.schema, typeName, `${operation} as ${viewer.label}`, { error: refusal }, answerOf(response, operation));
        continue;
      }
      expect({ viewer: viewer.label, errors: response.errors }).toEqual({ viewer: viewer.label, errors: undefined });
      const listed = new Map(((response.data?.[operation] ?? []) as Array<Record<string, unknown>>).map((r) => [String(r.id), r]));
      for (const record of stored) {
        const expected: Answer = world.policy.canSee(viewer.actor, typeName, record.relation) ? { data: expectedObject(world, typeName, viewer.actor, record.relation, record.stored) } : { error: 'NULL' };
        judge(part, world.schema, typeName, `${operation}[${record.id.slice(0, 8)}] as ${viewer.label}`, expected, listed.has(record.id) ? { data: listed.get(record.id)! } : { error: 'NULL' });
        listed.delete(record.id);
      }
      expect({ viewer: viewer.label, unexpected: [...listed.keys()] }).toEqual({ viewer: viewer.label, unexpected: [] });
    }
  }

  it('the records the mutations answered with, for their callers', () => {
    const part = newTally();
    for (const m of made) {
      judge(part, world.schema, m.typeName, m.label, { data: expectedObject(world, m.typeName, m.viewer.actor, m.relation, m.stored) }, m.answer);
    }
    expect(made.length).toBeGreaterThanOrEqual(20);
    settle(part);
  });

  it('privacySettings: every viewer, its own tenant’s settings with every field', async () => {
    const part = newTally();
    const selection = selectionOf(world.schema, 'PrivacySettings');
    for (const viewer of world.viewers) {
      const answer = answerOf(await gql(`{ privacySettings { ${selection} } }`, {}, viewer), 'privacySettings');
      const refusal = accessRefusal('privacySettings', viewer.actor);
      const label = `privacySettings as ${viewer.label}`;
      if (refusal) {
        judge(part, world.schema, 'PrivacySettings', label, { error: refusal }, answer);
        continue;
      }
      const [r] = await rows(`SELECT * FROM privacy_settings WHERE tenant_id = $1`, [viewer.actor.tenantId]);
      const { stored, relation } = storedSettings(r!);
      judge(part, world.schema, 'PrivacySettings', label, { data: expectedObject(world, 'PrivacySettings', viewer.actor, relation, stored) }, answer);
    }
    settle(part);
  });

  it('retentionSchedule: every viewer, its own tenant’s rules with every field (the tenant’s periods where it shortened one)', async () => {
    const part = newTally();
    const selection = selectionOf(world.schema, 'RetentionPeriod');
    for (const viewer of world.viewers) {
      const response = await gql(`{ retentionSchedule { ${selection} } }`, {}, viewer);
      const refusal = accessRefusal('retentionSchedule', viewer.actor);
      const label = `retentionSchedule as ${viewer.label}`;
      if (refusal) {
        judge(part, world.schema, 'RetentionPeriod', label, { error: refusal }, answerOf(response, 'retentionSchedule'));
        continue;
      }
      expect({ viewer: viewer.label, errors: response.errors }).toEqual({ viewer: viewer.label, errors: undefined });
      const listed = (response.data?.retentionSchedule ?? []) as Array<Record<string, unknown>>;
      expect(listed.map((r) => r.rule)).toEqual(Object.values(RetentionRuleKey));
      for (const key of Object.values(RetentionRuleKey)) {
        const { stored, relation } = await storedRetention(viewer.actor.tenantId!, key);
        judge(part, world.schema, 'RetentionPeriod', `${label}[${key}]`, { data: expectedObject(world, 'RetentionPeriod', viewer.actor, relation, stored) }, { data: listed.find((r) => r.rule === key)! });
      }
    }
    settle(part);
  });

  it('supportGrants: each viewer lists exactly the grants the matrix shows it, each with its fields', async () => {
    const part = newTally();
    const stored = (await rows(`SELECT * FROM support_grant`)).map((r) => ({ id: String(r.id), ...storedGrant(r) }));
    expect(stored.length).toBe(grants.length);
    await judgeListing(part, 'supportGrants', 'SupportGrant', stored);
    settle(part);
  });

  it('tenantOffboardings: each viewer lists exactly the departures the matrix shows it, each with its fields', async () => {
    const part = newTally();
    const stored = (await rows(`SELECT * FROM tenant_offboarding`)).map((r) => ({ id: String(r.id), ...storedOffboarding(r) }));
    expect(stored.length).toBeGreaterThanOrEqual(2);
    await judgeListing(part, 'tenantOffboardings', 'TenantOffboarding', stored);
    settle(part);
  });

  it('tenantDestructionCertificates: the operator reads every certificate with its fields; everyone else is refused', async () => {
    const part = newTally();
    const stored = (await rows(`SELECT * FROM tenant_destruction_certificate`)).map((r) => ({ id: String(r.id), ...storedCertificate(r) }));
    expect(stored.length).toBe(1);
    await judgeListing(part, 'tenantDestructionCertificates', 'TenantDestructionCertificate', stored);
    settle(part);
  });

  it('supportAccounts(grantId): every viewer × every grant × every field; only the operator under a running grant reads', async () => {
    const part = newTally();
    const selection = selectionOf(world.schema, 'SupportAccount');
    for (const viewer of world.viewers) {
      for (const grant of grants) {
        const response = await gql(`query($g: ID!) { supportAccounts(grantId: $g) { ${selection} } }`, { g: grant.id }, viewer);
        const label = `supportAccounts(${grant.label}) as ${viewer.label}`;
        const [g] = await rows(`SELECT * FROM support_grant WHERE id = $1`, [grant.id]);
        const running = g!.status === 'APPROVED' && g!.requested_by === viewer.actor.id && new Date(g!.ends_at as Date).getTime() > app.clock.now().getTime();
        const refusal = accessRefusal('supportAccounts', viewer.actor) ?? (running ? null : 'FORBIDDEN');
        if (refusal) {
          judge(part, world.schema, 'SupportAccount', label, { error: refusal }, answerOf(response, 'supportAccounts'));
          continue;
        }
        const people = await rows(
          `SELECT u.id, u.tenant_id, u.organisation_id, u.email, u.created_at, ARRAY(SELECT r.role FROM user_role r WHERE r.user_id = u.id ORDER BY r.role) AS roles
             FROM user_account u WHERE u.tenant_id = $1 AND u.status = 'ACTIVE'`, [g!.tenant_id]);
        const listed = (response.data?.supportAccounts ?? []) as Array<Record<string, unknown>>;
        expect({ label, count: listed.length }).toEqual({ label, count: people.length });
        for (const p of people) {
          const stored = storedObject(world.schema, 'SupportAccount', p);
          const relation = { id: p.id, tenantId: p.tenant_id, organisationId: p.organisation_id };
          const got = listed.find((a) => a.id === p.id);
          judge(part, world.schema, 'SupportAccount', `${label}[${String(p.email)}]`, { data: expectedObject(world, 'SupportAccount', viewer.actor, relation, stored) }, got ? { data: got } : { error: 'NULL' });
        }
      }
    }
    settle(part);
  });

  /**
   * A support query of a grant's tenant (companies, applications, datasheets), every viewer × every
   * grant × every field: only the operator who asked, while the grant runs, reads the records the
   * database holds of that tenant; anyone else, or at another time, is refused.
   */
  const judgeSupportRead = async (
    part: Tally, query: string, typeName: string, args: (tenantId: string) => Promise<Record<string, unknown> | null>, many: boolean,
    storedOf: (tenantId: string, variables: Record<string, unknown>) => Promise<Array<{ id: string } & Stored>>,
  ) => {
    const selection = selectionOf(world.schema, typeName);
    for (const viewer of world.viewers) {
      for (const grant of grants) {
        const [g] = await rows(`SELECT * FROM support_grant WHERE id = $1`, [grant.id]);
        const extra = await args(g!.tenant_id as string);
        if (extra === null) continue;
        const variables = { g: grant.id, ...extra };
        const declared = Object.keys(extra).map((k) => `, $${k}: ID!`).join('');
        const passed = Object.keys(extra).map((k) => `, ${k}: $${k}`).join('');
        const response = await gql(`query($g: ID!${declared}) { ${query}(grantId: $g${passed}) { ${selection} } }`, variables, viewer);
        const label = `${query}(${grant.label}) as ${viewer.label}`;
        const running = g!.status === 'APPROVED' && g!.requested_by === viewer.actor.id && new Date(g!.ends_at as Date).getTime() > app.clock.now().getTime();
        const refusal = accessRefusal(query, viewer.actor) ?? (running ? null : 'FORBIDDEN');
        if (refusal) {
          judge(part, world.schema, typeName, label, { error: refusal }, answerOf(response, query));
          continue;
        }
        const stored = await storedOf(g!.tenant_id as string, variables);
        const listed = (many ? (response.data?.[query] ?? []) : [response.data?.[query]].filter(Boolean)) as Array<Record<string, unknown>>;
        expect({ label, count: listed.length }).toEqual({ label, count: stored.length });
        for (const s of stored) {
          const got = listed.find((a) => a.id === s.id);
          judge(part, world.schema, typeName, `${label}[${s.id}]`, { data: expectedObject(world, typeName, viewer.actor, s.relation, s.stored) }, got ? { data: got } : { error: 'NULL' });
        }
      }
    }
  };
  const applicationsOf = async (tenantId: string) => (await rows(
    `SELECT * FROM certificate_application WHERE tenant_id = $1 AND state <> 'DRAFT' ORDER BY submitted_at NULLS LAST, id LIMIT 50`, [tenantId]))
    .map((r) => ({ id: String(r.id), stored: storedObject(world.schema, 'SupportCertificateApplication', r), relation: { tenantId: r.tenant_id, organisationId: r.organisation_id } }));

  it('supportOrganisations, supportCertificateApplications, supportCertificateApplication, supportDatasheets: every viewer × every grant × every field', async () => {
    const part = newTally();
    await judgeSupportRead(part, 'supportOrganisations', 'SupportOrganisation', async () => ({}), true, async (tenantId) =>
      (await rows(`SELECT * FROM organisation WHERE tenant_id = $1 AND confirmed_at IS NOT NULL`, [tenantId]))
        .map((r) => ({ id: String(r.id), stored: storedObject(world.schema, 'SupportOrganisation', r), relation: { tenantId: r.tenant_id, organisationId: r.id } })));
    await judgeSupportRead(part, 'supportCertificateApplications', 'SupportCertificateApplication', async () => ({}), true, applicationsOf);
    await judgeSupportRead(part, 'supportCertificateApplication', 'SupportCertificateApplication', async (tenantId) => {
      const [first] = await applicationsOf(tenantId);
      return first ? { applicationId: first.id } : null;
    }, false, async (tenantId, variables) => (await applicationsOf(tenantId)).filter((a) => a.id === variables.applicationId));
    await judgeSupportRead(part, 'supportDatasheets', 'SupportDatasheet', async () => ({}), true, async (tenantId) =>
      (await rows(
        `SELECT d.id, d.tenant_id, d.organisation_id, d.certified_product_id, d.public_code, d.contact_user_id, d.created_at,
                v.number AS latest_version, v.state AS latest_state, v.completed_by
           FROM datasheet d LEFT JOIN LATERAL (SELECT * FROM datasheet_version x WHERE x.datasheet_id = d.id ORDER BY x.number DESC LIMIT 1) v ON true
          WHERE d.tenant_id = $1`, [tenantId]))
        .map((r) => ({ id: String(r.id), stored: storedObject(world.schema, 'SupportDatasheet', r), relation: { tenantId: r.tenant_id, organisationId: r.organisation_id } })));
    settle(part);
  });

  afterAll(() => {
    reportFigure(`T1 privacy operations: ${total.cases} cases, ${total.leaks} leaks, ${total.falseDenials} false denials`);
    if (total.problems.length) process.stdout.write(`\nT1 privacy operations problems (${total.problems.length}):\n${total.problems.slice(0, 60).join('\n')}\n`);
    expect(total.cases).toBeGreaterThan(300);
    expect({ leaks: total.leaks, falseDenials: total.falseDenials, wrongValues: total.wrongValues }).toEqual({ leaks: 0, falseDenials: 0, wrongValues: 0 });
  });
});
