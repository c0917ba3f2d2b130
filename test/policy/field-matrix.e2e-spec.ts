// Decorator metadata is recorded only if reflect-metadata is loaded before the first decorated class.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { getNamedType, GraphQLResolveInfo, isObjectType, Kind, OperationDefinitionNode, parse } from 'graphql';
import { ALL_ROLES, holdsRole, Role, TENANT_STAFF_ROLES } from '@chancery/access';
import { CONTACT_DISCLOSURE_NOTICE } from '@chancery/datasheets';
import { Actor, ANONYMOUS_ACTOR, RequestContext, SYSTEM_ACTOR } from '@chancery/core';
import { logCheckpointDocument, LoggedChain } from '@chancery/audit';
import { LogCheckpointJob } from '@chancery/privacy';
import { canRead, canSee, envelopeTypeNames, getFieldPolicy, policedEntities, present, selectionOf } from '@chancery/policy';
import { expectData, reportFigure, SAMPLE_PDF, signatureImage, TestApp, useTestApp } from '@chancery/testing';
import {
  accessRefusal,
  actorOf,
  addTally,
  Answer,
  answerOf,
  buildWorld,
  expectedObject,
  inApiKeyScope,
  inManagedScope,
  judge,
  LANGUAGES,
  newTally,
  POLICY_TEST_APP_OPTIONS,
  rowSnapshot,
  selectionOf as selectionOfType,
  storedObject,
  storedOrganisation,
  storedUser,
  Tally,
  UserRecord,
  Viewer,
  World,
} from '@chancery/testing/policy/policy-world';

/**
 * VERIFY T1 — field visibility, generated from the declarations and checked over HTTP.
 *
 * Every viewer of the brief (anonymous; organisation admin and member of A1; each staff role of
 * tenant A; organisation admin of B1; tenant admin of B; the platform operator) reads every record
 * of the world (users of every relation to them, organisations, tenants, API keys, invitations,
 * audit entries, access-log entries) through every query and mutation that returns records (a test
 * fails when one is added and not read here), selecting every field the served schema has. The
 * expectation of each field comes from the declarations as generated into and committed in
 * docs/visibility-matrix.md, evaluated with the engine's `relationsOf`/`grantApplies` for the actor
 * the server builds, and checked against `canRead`/`canWrite` on the live declarations (drift fails
 * the suite): the stored value (read as the database owner) when readable, null otherwise; a
 * single-record query answers NOT_FOUND when the viewer cannot read the record's id. The committed
 * matrix is the anchor so that a declaration widened or narrowed in the code (the mutation check)
 * shows as leaks or false denials instead of moving the expectation with it.
 *
 * Writes: every field of `updateUserProfile` and `updateOrganisation` inputs, by every viewer on
 * every record: allowed iff writable (and the id is readable, else NOT_FOUND); an allowed write is
 * stored and visible afterwards, a refused one is FORBIDDEN naming `input.<field>` and changes
 * nothing (row compared as the database owner).
 *
 * Prints `T1 field matrix: <N> cases, <leaks> leaks, <false denials> false denials`.
 */

describe('T1 field matrix', () => {
  let app: TestApp;
  let world: World;
  const total = newTally();
  /** Outcomes of writes that are neither a leak nor a false denial (e.g. NOT_FOUND where FORBIDDEN was due). */
  const writeOutcomeProblems: string[] = [];

  const started = useTestApp(POLICY_TEST_APP_OPTIONS);
  beforeAll(async () => {
    app = started.app;
    world = await buildWorld(app);
  });
  afterAll(async () => {
    await world?.close();
  });

  /** Adds the part's tally to the total and compares its differing answers as whole objects. */
  function settle(part: Tally): void {
    addTally(total, part);
    expect(part.mismatches.map((m) => ({ case: m.label, answer: m.actual }))).toEqual(part.mismatches.map((m) => ({ case: m.label, answer: m.expected })));
  }

  const gql = (query: string, variables: Record<string, unknown>, viewer: Viewer) => app.graphql<Record<string, unknown>>(query, variables, { token: viewer.token });
  const relationOfUser = (u: UserRecord) => ({ id: u.id, tenantId: u.tenantId, organisationId: u.organisationId });

  // ----------------------------------------------------------------------------------------------
  // Canary: a field without a declaration is concealed from everyone
  // ----------------------------------------------------------------------------------------------

  it('every field of every record type the schema serves has a declaration', () => {
    const entities = new Map(policedEntities().map((p) => [p.name, p.cls]));
    const envelopes = envelopeTypeNames();
    const undeclared: string[] = [];
    let fields = 0;
    for (const type of Object.values(world.schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || envelopes.has(type.name) || type.name === 'Query' || type.name === 'Mutation') continue;
      const cls = entities.get(type.name);
      if (!cls) {
        undeclared.push(`${type.name}: not a policy entity (every field would read as null)`);
        continue;
      }
      for (const field of Object.keys(type.getFields())) {
        fields += 1;
        if (!getFieldPolicy(cls, field)) undeclared.push(`${type.name}.${field}: no declaration (concealed from everyone by the engine)`);
      }
    }
    expect(fields).toBeGreaterThan(50);
    expect(undeclared).toEqual([]);
  });

  it('canary: an undeclared property never passes the output gate, on the GraphQL path or any other, for every role and relation', () => {
    const CANARY = 'canary value that no declaration names';
    const checked: string[] = [];
    const failures: string[] = [];
    for (const policy of policedEntities()) {
      const cls = policy.cls;
      // The most privileged viewer there can be: every role, and every relation a resolver can prove.
      const x = randomUUID();
      const tenant = randomUUID();
      const omnipotent: Actor = { kind: 'user', id: x, tenantId: tenant, organisationId: x, roles: [...ALL_ROLES] };
      const record = Object.create((cls as unknown as { prototype: object }).prototype) as Record<string, unknown>;
      for (const field of policy.fields.keys()) record[field] = `value of ${field}`;
      Object.assign(record, { id: x, tenantId: tenant, organisationId: x, canaryUndeclared: CANARY });
      // The GraphQL path: the selection the interceptor computes from a query asking for every field and the canary.
      const document = parse(`{ record { ${[...policy.fields.keys(), 'canaryUndeclared'].join(' ')} } }`);
      const operation = document.definitions[0] as OperationDefinitionNode;
      const fieldNode = operation.selectionSet.selections[0]!;
      const graphqlSelection = selectionOf({ fieldNodes: [fieldNode.kind === Kind.FIELD ? fieldNode : never()], fragments: {} } as unknown as GraphQLResolveInfo);
      const viewers: Actor[] = [omnipotent, ANONYMOUS_ACTOR, ...world.viewers.map((v) => v.actor), ...ALL_ROLES.map((role) => ({ ...omnipotent, roles: [role] }))];
      for (const viewer of viewers) {
        const who = viewer.roles.join(',') || 'anonymous';
        for (const [path, seen] of [
          ['graphql', present(viewer, record, 'graphql', graphqlSelection)],
          ['export', present(viewer, record, 'export')],
        ] as const) {
          if (!canSee(viewer, cls, record as never)) {
            if (seen !== null) failures.push(`${path} ${policy.name} for ${who}: an invisible record came out`);
            continue;
          }
          if (seen === null || 'canaryUndeclared' in seen) failures.push(`${path} ${policy.name} for ${who}: ${seen === null ? 'null' : String(seen.canaryUndeclared)}`);
          for (const field of policy.fields.keys()) {
            const expected = canRead(viewer, cls, field, record as never) ? record[field] : undefined;
            if (seen?.[field] !== expected) failures.push(`${path} ${policy.name}.${field} for ${who}: ${String(seen?.[field])}`);
          }
        }
      }
      // Not vacuous: the omnipotent viewer does see the declared readable fields of a visible record.
      const visible = present(omnipotent, record, 'export');
      const readable = [...policy.fields.values()].filter((f) => f.read.length > 0).map((f) => f.name);
      if (policy.visibleTo.length > 0) expect(readable.every((f) => visible?.[f] === record[f])).toBe(true);
      else expect(visible).toBeNull();
      checked.push(policy.name);
    }
    expect(checked.sort()).toEqual(policedEntities().map((p) => p.name).sort());
    expect(checked.length).toBeGreaterThan(10);
    expect(failures).toEqual([]);
  });

  // ----------------------------------------------------------------------------------------------
  // Reads
  // ----------------------------------------------------------------------------------------------

  // Regression (found by this suite, fixed in 1201cbd): the platform operator's `user(id)` of their own
  // record answered NOT_FOUND, because PolicedRecordsService opened its transaction without platform
  // scope and row-level security hid the operator's row (tenant_id IS NULL).
  it('user(id): every viewer × every user × every field', async () => {
    const part = newTally();
    const query = `query($id: ID!) { user(id: $id) { ${selectionOfType(world.schema, 'User')} } }`;
    for (const viewer of world.viewers) {
      for (const u of Object.values(world.users)) {
        const stored = await storedUser(world, u.id);
        const relation = relationOfUser(u);
        const refusal = accessRefusal('user', viewer.actor);
        const expected: Answer = refusal
          ? { error: refusal }
          : !world.policy.canRead(viewer.actor, 'User', 'id', relation)
            ? { error: 'NOT_FOUND' }
            : { data: expectedObject(world, 'User', viewer.actor, relation, stored) };
        const actual = answerOf(await gql(query, { id: u.id }, viewer), 'user');
        judge(part, world.schema, 'User', `user(${u.key}) as ${viewer.label}`, expected, actual);
      }
    }
    settle(part);
  });

  it('me: every viewer reads their own record', async () => {
    const part = newTally();
    const query = `{ me { ${selectionOfType(world.schema, 'User')} } }`;
    for (const viewer of world.viewers) {
      const refusal = accessRefusal('me', viewer.actor);
      let expected: Answer;
      if (refusal) expected = { error: refusal };
      else {
        const u = Object.values(world.users).find((x) => x.id === viewer.actor.id)!;
        expected = { data: expectedObject(world, 'User', viewer.actor, relationOfUser(u), await storedUser(world, u.id)) };
      }
      judge(part, world.schema, 'User', `me as ${viewer.label}`, expected, answerOf(await gql(query, {}, viewer), 'me'));
    }
    settle(part);
  });

  it('managedUser(userId) and changeUserRoles without changes: every viewer × every user', async () => {
    const part = newTally();
    const sel = selectionOfType(world.schema, 'User');
    const paths = [
      { operation: 'managedUser', query: `query($id: ID!) { managedUser(userId: $id) { ${sel} } }`, variables: (id: string) => ({ id }) },
      { operation: 'changeUserRoles', query: `mutation($input: ChangeUserRolesInput!) { changeUserRoles(input: $input) { ${sel} } }`, variables: (id: string) => ({ input: { userId: id } }) },
    ];
    for (const path of paths) {
      for (const viewer of world.viewers) {
        for (const u of Object.values(world.users)) {
          const relation = relationOfUser(u);
          const refusal = accessRefusal(path.operation, viewer.actor);
          const expected: Answer = refusal
            ? { error: refusal }
            : inManagedScope(viewer.actor, u) && world.policy.canRead(viewer.actor, 'User', 'id', relation)
              ? { data: expectedObject(world, 'User', viewer.actor, relation, await storedUser(world, u.id)) }
              : { error: 'NOT_FOUND' };
          const actual = answerOf(await gql(path.query, path.variables(u.id), viewer), path.operation);
          judge(part, world.schema, 'User', `${path.operation}(${u.key}) as ${viewer.label}`, expected, actual);
        }
      }
    }
    settle(part);
  });

  it('organisation(id): every viewer × every organisation × every field', async () => {
    const part = newTally();
    const query = `query($id: ID!) { organisation(id: $id) { ${selectionOfType(world.schema, 'Organisation')} } }`;
    for (const viewer of world.viewers) {
      for (const o of Object.values(world.orgs)) {
        const relation = { id: o.id, tenantId: o.tenantId };
        const refusal = accessRefusal('organisation', viewer.actor);
        const expected: Answer = refusal
          ? { error: refusal }
          : !world.policy.canRead(viewer.actor, 'Organisation', 'id', relation)
            ? { error: 'NOT_FOUND' }
            : { data: expectedObject(world, 'Organisation', viewer.actor, relation, await storedOrganisation(world, o.id)) };
        judge(part, world.schema, 'Organisation', `organisation(${o.key}) as ${viewer.label}`, expected, answerOf(await gql(query, { id: o.id }, viewer), 'organisation'));
      }
    }
    settle(part);
  });

  it('organisations (by ids, by name): every viewer lists exactly the companies of its tenant, each with the fields it may read', async () => {
    const part = newTally();
    const query = `query($ids: [ID!], $name: String) { organisations(ids: $ids, nameContains: $name, first: 100) { ${selectionOfType(world.schema, 'Organisation')} } }`;
    const orgs = Object.values(world.orgs);
    for (const viewer of world.viewers) {
      const refusal = accessRefusal('organisations', viewer.actor);
      for (const [label, variables] of [['every id', { ids: orgs.map((o) => o.id) }], ['no filter', {}]] as const) {
        const response = await gql(query, variables, viewer);
        if (refusal) {
          judge(part, world.schema, 'Organisation', `organisations(${label}) as ${viewer.label}`, { error: refusal }, answerOf(response, 'organisations'));
          continue;
        }
        const listed = (response.data?.organisations ?? []) as Array<{ id: string }>;
        const mine = orgs.filter((o) => world.policy.canRead(viewer.actor, 'Organisation', 'id', { id: o.id, tenantId: o.tenantId }));
        // Every company of the viewer's tenant the world made is listed, and nothing of another tenant.
        expect({ viewer: viewer.label, label, foreign: listed.filter((l) => !mine.some((o) => o.id === l.id)).map((l) => l.id) }).toEqual({ viewer: viewer.label, label, foreign: [] });
        if (label === 'every id') expect({ viewer: viewer.label, missing: mine.filter((o) => !listed.some((l) => l.id === o.id)).map((o) => o.key) }).toEqual({ viewer: viewer.label, missing: [] });
        for (const o of mine) {
          const item = listed.find((l) => l.id === o.id);
          if (!item) continue;
          judge(part, world.schema, 'Organisation', `organisations[${o.key}] as ${viewer.label}`, { data: expectedObject(world, 'Organisation', viewer.actor, { id: o.id, tenantId: o.tenantId }, await storedOrganisation(world, o.id)) }, { data: item });
        }
      }
    }
    settle(part);
  });

  it('tenants, tenant(slug) and proposeChamber: every viewer × every tenant (with its postal code ranges)', async () => {
    const part = newTally();
    const sel = selectionOfType(world.schema, 'Tenant');
    const rows = (await world.owner.query(`SELECT * FROM tenant`)).rows as Array<Record<string, unknown>>;
    const stored = new Map(rows.map((row) => [String(row.id), storedObject(world.schema, 'Tenant', row)]));
    const expectFor = (viewer: Viewer, operation: string, id: string): Answer => {
      const refusal = accessRefusal(operation, viewer.actor);
      return refusal ? { error: refusal } : { data: expectedObject(world, 'Tenant', viewer.actor, { id }, stored.get(id)!) };
    };
    for (const viewer of world.viewers) {
      const response = await gql(`{ tenants { ${sel} } }`, {}, viewer);
      const list = (response.data?.tenants ?? []) as Array<Record<string, unknown>>;
      for (const id of stored.keys()) {
        const item = list.find((x) => x.id === id);
        judge(part, world.schema, 'Tenant', `tenants[${id}] as ${viewer.label}`, expectFor(viewer, 'tenants', id), item ? { data: item } : { error: 'ABSENT' });
      }
      expect(list.length).toBe(stored.size);
      for (const [key, tenant] of Object.entries(world.tenants)) {
        judge(part, world.schema, 'Tenant', `tenant(${key}) as ${viewer.label}`, expectFor(viewer, 'tenant', tenant.id),
          answerOf(await gql(`query($slug: String!) { tenant(slug: $slug) { ${sel} } }`, { slug: tenant.slug }, viewer), 'tenant'));
      }
      for (const [postalCode, key] of [['2500', 'A'], ['9600', 'B']] as const) {
        judge(part, world.schema, 'Tenant', `proposeChamber(${postalCode}) as ${viewer.label}`, expectFor(viewer, 'proposeChamber', world.tenants[key].id),
          answerOf(await gql(`query($p: String!) { proposeChamber(postalCode: $p) { ${sel} } }`, { p: postalCode }, viewer), 'proposeChamber'));
      }
    }
    settle(part);
  });

  // ----------------------------------------------------------------------------------------------
  // List queries: every record of the world against every viewer; a record the query is not
  // documented to list (another company's keys for a tenant admin…) must be absent, and is not a
  // false denial when it is.
  // ----------------------------------------------------------------------------------------------

  interface UniverseItem {
    label: string;
    id: string;
    relation: object;
    stored: Record<string, unknown>;
    inScope: (actor: Actor) => boolean;
  }

  /** Every page of a list query, or the error code that refused it. */
  async function fetchAll(viewer: Viewer, operation: string, document: string, cursor?: (last: Record<string, unknown>) => Record<string, unknown>): Promise<{ code: string | null; items: Array<Record<string, unknown>> }> {
    const items: Array<Record<string, unknown>> = [];
    let variables: Record<string, unknown> = {};
    for (let page = 0; page < 100; page++) {
      const response = await gql(document, variables, viewer);
      if (response.errors?.length) return { code: String(response.errors[0]?.extensions?.code), items };
      const batch = (response.data?.[operation] ?? []) as Array<Record<string, unknown>>;
      items.push(...batch);
      if (!cursor || batch.length < 200) break;
      variables = cursor(batch[batch.length - 1]!);
    }
    return { code: null, items };
  }

  /** In scope of the platform's own listings: a row of no tenant, for a viewer acting in none. */
  const platformRowFor = (item: UniverseItem) => (actor: Actor) => (item.relation as { tenantId: string | null }).tenantId === null && !actor.tenantId;

  function judgeList(part: Tally, typeName: string, operation: string, viewer: Viewer, result: { code: string | null; items: Array<Record<string, unknown>> }, universe: UniverseItem[], label = operation): void {
    const refusal = accessRefusal(operation, viewer.actor);
    const matched = new Set<Record<string, unknown>>();
    for (const record of universe) {
      const expected: Answer = refusal
        ? { error: refusal }
        : record.inScope(viewer.actor) && world.policy.canRead(viewer.actor, typeName, 'id', record.relation)
          ? { data: expectedObject(world, typeName, viewer.actor, record.relation, record.stored) }
          : { error: 'ABSENT' };
      const item = result.items.find((x) => x.id === record.id);
      if (item) matched.add(item);
      const actual: Answer = result.code ? { error: result.code } : item ? { data: item } : { error: 'ABSENT' };
      judge(part, world.schema, typeName, `${label}[${record.label}] as ${viewer.label}`, expected, actual);
    }
    for (const item of result.items.filter((x) => !matched.has(x))) {
      judge(part, world.schema, typeName, `${label}[not expected in this list: ${String(item.id)}] as ${viewer.label}`, { error: 'ABSENT' }, { data: item });
    }
  }

  it('managedUsers: every viewer × every user', async () => {
    const part = newTally();
    const universe: UniverseItem[] = [];
    for (const u of Object.values(world.users)) {
      universe.push({ label: u.key, id: u.id, relation: relationOfUser(u), stored: await storedUser(world, u.id), inScope: (actor) => inManagedScope(actor, u) });
    }
    for (const viewer of world.viewers) {
      judgeList(part, 'User', 'managedUsers', viewer, await fetchAll(viewer, 'managedUsers', `{ managedUsers { ${selectionOfType(world.schema, 'User')} } }`), universe);
    }
    settle(part);
  });

  it('apiKeys, and the keys createApiKey and revokeApiKey returned: every viewer × every key', async () => {
    const part = newTally();
    for (const built of world.builtResponses) {
      judge(part, world.schema, built.typeName, built.label, { data: expectedObject(world, built.typeName, built.viewer.actor, built.relation, built.stored) }, { data: built.record });
    }
    const universe: UniverseItem[] = [];
    for (const key of world.apiKeys) {
      const [row] = (await world.owner.query(`SELECT * FROM api_key WHERE id = $1`, [key.id])).rows as Array<Record<string, unknown>>;
      universe.push({ label: key.key, id: key.id, relation: key, stored: storedObject(world.schema, 'ApiKey', row!), inScope: (actor) => inApiKeyScope(actor, key) });
    }
    for (const viewer of world.viewers) {
      judgeList(part, 'ApiKey', 'apiKeys', viewer, await fetchAll(viewer, 'apiKeys', `{ apiKeys { ${selectionOfType(world.schema, 'ApiKey')} } }`), universe);
    }
    settle(part);
  });

  it('auditEntries (with their details): every viewer × every entry of every chain', async () => {
    const part = newTally();
    const sel = selectionOfType(world.schema, 'AuditEntry');
    for (const viewer of world.viewers) {
      // The world as it is before the viewer asks (reading could add entries after).
      const rows = (await world.owner.query(`SELECT * FROM audit_entry ORDER BY tenant_id, sequence`)).rows as Array<Record<string, unknown>>;
      const universe: UniverseItem[] = rows.map((row) => {
        const details = Object.keys(row.details as Record<string, unknown>).sort().map((key) => {
          const value = (row.details as Record<string, unknown>)[key];
          return { key, value: value === null ? null : String(value) };
        });
        const tenantId = row.tenant_id as string | null;
        return {
          label: `${String(row.id)} ${String(row.action)}`, id: String(row.id), relation: { tenantId },
          stored: storedObject(world.schema, 'AuditEntry', row, { details }),
          inScope: (actor: Actor) => tenantId !== null && tenantId === actor.tenantId,
        };
      });
      const result = await fetchAll(viewer, 'auditEntries', `query($after: Int) { auditEntries(first: 200, afterSequence: $after) { ${sel} } }`, (last) => ({ after: Number(last.sequence) }));
      judgeList(part, 'AuditEntry', 'auditEntries', viewer, result, universe);
      // The platform's own chain, for the operator (who acts in no tenant): the same universe, the platform's rows in scope.
      const platform = await fetchAll(viewer, 'platformAuditEntries', `query($after: Int) { platformAuditEntries(first: 200, afterSequence: $after) { ${sel} } }`, (last) => ({ after: Number(last.sequence) }));
      judgeList(part, 'AuditEntry', 'platformAuditEntries', viewer, platform, universe.map((item) => ({ ...item, inScope: platformRowFor(item) })));
    }
    expect(part.cases).toBeGreaterThan(1000);
    settle(part);
  });

  it('logCheckpoints: every viewer × every signed head of every chain', async () => {
    const part = newTally();
    // The worker's signing run, over the world's logs (the platform's chain too, which no tenant sees).
    await app.get(RequestContext).runAs(SYSTEM_ACTOR, () => app.get(LogCheckpointJob).handle());
    const sel = selectionOfType(world.schema, 'LogCheckpoint');
    const rows = (await world.owner.query(`SELECT * FROM log_checkpoint ORDER BY id`)).rows as Array<Record<string, unknown>>;
    expect(new Set(rows.map((row) => row.tenant_id)).size).toBeGreaterThan(2);
    const universe: UniverseItem[] = rows.map((row) => {
      const tenantId = row.tenant_id as string | null;
      const facts = { chain: row.chain as LoggedChain, tenantId, sequence: Number(row.sequence), headHash: String(row.head_hash), checkpointedAt: row.checkpointed_at as Date };
      const document = logCheckpointDocument(facts, String(row.signing_key_id), String(row.signature));
      return {
        label: `checkpoint ${String(row.id)} ${String(row.chain)}`, id: String(row.id), relation: { tenantId },
        stored: storedObject(world.schema, 'LogCheckpoint', row, { keyId: row.signing_key_id, payload: document.payload, document: JSON.stringify(document) }),
        inScope: (actor: Actor) => tenantId !== null && tenantId === actor.tenantId,
      };
    });
    for (const viewer of world.viewers) {
      const result = await fetchAll(viewer, 'logCheckpoints', `query($before: ID) { logCheckpoints(first: 200, before: $before) { ${sel} } }`, (last) => ({ before: String(last.id) }));
      judgeList(part, 'LogCheckpoint', 'logCheckpoints', viewer, result, universe);
      const platform = await fetchAll(viewer, 'platformLogCheckpoints', `query($before: ID) { platformLogCheckpoints(first: 200, before: $before) { ${sel} } }`, (last) => ({ before: String(last.id) }));
      judgeList(part, 'LogCheckpoint', 'platformLogCheckpoints', viewer, platform, universe.map((item) => ({ ...item, inScope: platformRowFor(item) })));
    }
    settle(part);
  });

  it('personalDataAccesses and myPersonalDataAccesses: every viewer × every entry of the access log', async () => {
    const part = newTally();
    const sel = selectionOfType(world.schema, 'PersonalDataAccess');
    const paths = [
      { operation: 'personalDataAccesses', inScope: (row: Record<string, unknown>) => (actor: Actor) => row.tenant_id === actor.tenantId },
      { operation: 'myPersonalDataAccesses', inScope: (row: Record<string, unknown>) => (actor: Actor) => row.tenant_id === actor.tenantId && row.subject_type === 'user' && row.subject_id === actor.id },
    ];
    let entries = 0;
    for (const path of paths) {
      for (const viewer of world.viewers) {
        const rows = (await world.owner.query(`SELECT * FROM personal_data_access ORDER BY id`)).rows as Array<Record<string, unknown>>;
        entries = Math.max(entries, rows.length);
        const universe: UniverseItem[] = rows.map((row) => ({
          label: `${String(row.id)} ${String(row.operation)}`, id: String(row.id), relation: { tenantId: row.tenant_id, subjectType: row.subject_type, subjectId: row.subject_id },
          stored: storedObject(world.schema, 'PersonalDataAccess', row), inScope: path.inScope(row),
        }));
        const result = await fetchAll(viewer, path.operation, `query($before: ID) { ${path.operation}(first: 200, before: $before) { ${sel} } }`, (last) => ({ before: last.id }));
        judgeList(part, 'PersonalDataAccess', path.operation, viewer, result, universe);
      }
    }
    // Not vacuous: staff read personal data above, so the log has entries.
    expect(entries).toBeGreaterThan(0);
    settle(part);
  });

  it('mySessions, sessionsOfUser and endMySession: every viewer × every login session', async () => {
    const part = newTally();
    const sel = selectionOfType(world.schema, 'Session');
    // Every nullable column filled, so a readable one that comes back null counts.
    await world.owner.query(`UPDATE auth_session SET ip_address = coalesce(ip_address, '192.0.2.' || (1 + floor(random() * 200))::int), user_agent = coalesce(user_agent, 'Agent ' || left(id::text, 8))`);
    // `current` is not stored: it is true for the session of the viewer's own token only.
    const universe = async (viewer: Viewer, inScope: (row: Record<string, unknown>) => (actor: Actor) => boolean, ofUser?: string): Promise<UniverseItem[]> =>
      ((await world.owner.query(`SELECT * FROM auth_session WHERE $1::uuid IS NULL OR user_id = $1`, [ofUser ?? null])).rows as Array<Record<string, unknown>>).map((row) => ({
        label: `session of ${Object.values(world.users).find((u) => u.id === row.user_id)?.key ?? String(row.user_id)}`,
        id: String(row.id), relation: { tenantId: row.tenant_id, userId: row.user_id },
        stored: storedObject(world.schema, 'Session', row, { current: row.id === viewer.actor.sessionId }), inScope: inScope(row),
      }));
    for (const viewer of world.viewers) {
      const mine = await universe(viewer, (row) => (actor) => row.user_id === actor.id);
      judgeList(part, 'Session', 'mySessions', viewer, await fetchAll(viewer, 'mySessions', `{ mySessions { ${sel} } }`), mine);
    }
    for (const u of Object.values(world.users)) {
      for (const viewer of world.viewers) {
        // The user's sessions; any other session in the answer is judged as one that must be absent.
        const ofUser = await universe(viewer, (row) => (actor) => row.tenant_id === (actor.tenantId ?? null), u.id);
        const result = await fetchAll(viewer, 'sessionsOfUser', `query { sessionsOfUser(userId: "${u.id}") { ${sel} } }`);
        judgeList(part, 'Session', 'sessionsOfUser', viewer, result, ofUser, `sessionsOfUser(${u.key})`);
      }
    }
    // endMySession: a second session of each person, ended by them (and not by anyone else).
    const extra = new Map<string, string>();
    for (const viewer of world.viewers.filter((v) => v.actor.id)) {
      const [row] = (await world.owner.query(
        `INSERT INTO auth_session (tenant_id, user_id, created_at, last_refreshed_at, absolute_expires_at, ip_address, user_agent)
         VALUES ($1, $2, now(), now(), now() + interval '1 day', '198.51.100.7', 'Second device') RETURNING id`,
        [viewer.actor.tenantId ?? null, viewer.actor.id],
      )).rows as Array<{ id: string }>;
      extra.set(viewer.label, row!.id);
    }
    for (const viewer of world.viewers) {
      for (const [owner, sessionId] of extra) {
        if (owner === viewer.label) continue;
        const response = await gql(`mutation($id: ID!) { endMySession(sessionId: $id) { ${sel} } }`, { id: sessionId }, viewer);
        const refusal = accessRefusal('endMySession', viewer.actor);
        judge(part, world.schema, 'Session', `endMySession(session of ${owner}) as ${viewer.label}`, { error: refusal ?? 'NOT_FOUND' }, answerOf(response, 'endMySession'));
      }
    }
    for (const viewer of world.viewers.filter((v) => extra.has(v.label))) {
      const sessionId = extra.get(viewer.label)!;
      const response = await gql(`mutation($id: ID!) { endMySession(sessionId: $id) { ${sel} } }`, { id: sessionId }, viewer);
      const [row] = (await world.owner.query(`SELECT * FROM auth_session WHERE id = $1`, [sessionId])).rows as Array<Record<string, unknown>>;
      expect(row!.revoked_at).not.toBeNull();
      judge(part, world.schema, 'Session', `endMySession(own) as ${viewer.label}`,
        { data: expectedObject(world, 'Session', viewer.actor, { tenantId: row!.tenant_id, userId: row!.user_id }, storedObject(world.schema, 'Session', row!, { current: false })) }, answerOf(response, 'endMySession'));
    }
    settle(part);
  });

  it('data-subject requests: the queue, one\'s own, and every operation that returns one, × every viewer', async () => {
    const part = newTally();
    const sel = selectionOfType(world.schema, 'DataSubjectRequest');
    const REQUEST_ROWS = `SELECT *, first_due_on::text AS first_due_text, due_on::text AS due_text FROM data_subject_request`;
    const stored = (row: Record<string, unknown>) =>
      storedObject(world.schema, 'DataSubjectRequest', row, { firstDueOn: row.first_due_text, dueOn: row.due_text, overdue: false });
    const relation = (row: Record<string, unknown>) => ({ tenantId: row.tenant_id, subjectUserId: row.subject_user_id });
    // Each person files a request about themself (the one mutation anyone logged in may call).
    for (const viewer of world.viewers) {
      const response = await gql(`mutation { requestMyDataSubjectRight(input: { type: RECTIFICATION, details: "My job title changed" }) { ${sel} } }`, {}, viewer);
      const refusal = accessRefusal('requestMyDataSubjectRight', viewer.actor) ?? (viewer.actor.tenantId ? null : 'CONFLICT');
      const answer = answerOf(response, 'requestMyDataSubjectRight');
      if (refusal) {
        judge(part, world.schema, 'DataSubjectRequest', `requestMyDataSubjectRight as ${viewer.label}`, { error: refusal }, answer);
        continue;
      }
      const [row] = (await world.owner.query(`${REQUEST_ROWS} WHERE id = $1`, [(answer as { data?: { id?: string } }).data?.id ?? null])).rows as Array<Record<string, unknown>>;
      expect(row).toBeDefined();
      judge(part, world.schema, 'DataSubjectRequest', `requestMyDataSubjectRight as ${viewer.label}`,
        { data: expectedObject(world, 'DataSubjectRequest', viewer.actor, relation(row!), stored(row!)) }, answer);
    }
    const rows = (await world.owner.query(`${REQUEST_ROWS} ORDER BY received_at`)).rows as Array<Record<string, unknown>>;
    expect(rows.length).toBeGreaterThan(1);
    const universe = (inScope: (row: Record<string, unknown>) => (actor: Actor) => boolean): UniverseItem[] =>
      rows.map((row) => ({ label: `request ${String(row.id)}`, id: String(row.id), relation: relation(row), stored: stored(row), inScope: inScope(row) }));
    for (const viewer of world.viewers) {
      judgeList(part, 'DataSubjectRequest', 'dataSubjectRequests', viewer, await fetchAll(viewer, 'dataSubjectRequests', `{ dataSubjectRequests(open: false) { ${sel} } }`), universe((row) => (actor) => row.tenant_id === actor.tenantId));
      judgeList(part, 'DataSubjectRequest', 'myDataSubjectRequests', viewer, await fetchAll(viewer, 'myDataSubjectRequests', `{ myDataSubjectRequests { ${sel} } }`), universe((row) => (actor) => row.subject_user_id === actor.id));
    }
    // The officers' operations on one request of each tenant: the officer of that tenant gets it back, everyone else nothing.
    const operations: Array<[string, (id: string) => string]> = [
      ['extendDataSubjectRequest', (id) => `mutation { extendDataSubjectRequest(input: { requestId: "${id}", months: 1, reason: "Waiting for the archives" }) { ${sel} } }`],
      ['closeDataSubjectRequest', (id) => `mutation { closeDataSubjectRequest(input: { requestId: "${id}", outcome: "Job title rectified" }) { ${sel} } }`],
    ];
    for (const [operation, document] of operations) {
      for (const row of rows.filter((r, i, all) => all.findIndex((o) => o.tenant_id === r.tenant_id) === i)) {
        for (const viewer of world.viewers) {
          const response = await gql(document(String(row.id)), {}, viewer);
          const refusal = accessRefusal(operation, viewer.actor) ?? (row.tenant_id === viewer.actor.tenantId ? null : 'NOT_FOUND');
          const answer = answerOf(response, operation);
          if (refusal) {
            judge(part, world.schema, 'DataSubjectRequest', `${operation}(request of ${String(row.tenant_id)}) as ${viewer.label}`, { error: refusal }, answer);
            continue;
          }
          const [after] = (await world.owner.query(`${REQUEST_ROWS} WHERE id = $1`, [row.id])).rows as Array<Record<string, unknown>>;
          judge(part, world.schema, 'DataSubjectRequest', `${operation} as ${viewer.label}`,
            { data: expectedObject(world, 'DataSubjectRequest', viewer.actor, relation(after!), stored(after!)) }, answer);
        }
      }
    }
    settle(part);
  });

  it('inviteUser: the invitation it returns, to each viewer who may invite', async () => {
    const part = newTally();
    const sel = selectionOfType(world.schema, 'Invitation');
    for (const viewer of world.viewers) {
      const email = `invitee-${randomUUID().slice(0, 8)}@example.test`;
      const roles = viewer.actor.roles.includes('TENANT_ADMIN' as never) ? ['CLERK'] : ['ORG_MEMBER'];
      const response = await gql(`mutation($input: InviteUserInput!) { inviteUser(input: $input) { ${sel} } }`, { input: { email, roles } }, viewer);
      const refusal = accessRefusal('inviteUser', viewer.actor);
      const [row] = (await world.owner.query(`SELECT * FROM invitation WHERE email = $1`, [email])).rows as Array<Record<string, unknown>>;
      let expected: Answer;
      if (refusal) expected = { error: refusal };
      else if (!row) expected = { error: 'NOT STORED' };
      else expected = { data: expectedObject(world, 'Invitation', viewer.actor, { tenantId: row.tenant_id, organisationId: row.organisation_id }, storedObject(world.schema, 'Invitation', row)) };
      if (refusal) expect(row).toBeUndefined();
      judge(part, world.schema, 'Invitation', `inviteUser as ${viewer.label}`, expected, answerOf(response, 'inviteUser'));
    }
    // invitations: the pending invitations of the viewer's own company (or of the tenant's staff), nothing else.
    const invitationRows = async () => ((await world.owner.query(`SELECT * FROM invitation`)).rows as Array<Record<string, unknown>>);
    const pendingIn = (row: Record<string, unknown>) => (actor: Actor) =>
      row.tenant_id === actor.tenantId && (row.organisation_id ?? null) === (actor.organisationId ?? null) &&
      row.accepted_at === null && row.revoked_at === null && (row.expires_at as Date) > new Date();
    const invitationUniverse = async (): Promise<UniverseItem[]> => (await invitationRows()).map((row) => ({
      label: `invitation of ${String(row.email)}`, id: String(row.id), relation: { tenantId: row.tenant_id, organisationId: row.organisation_id },
      stored: storedObject(world.schema, 'Invitation', row), inScope: pendingIn(row),
    }));
    let listed = 0;
    for (const viewer of world.viewers) {
      const result = await fetchAll(viewer, 'invitations', `{ invitations { ${sel} } }`);
      listed += result.items.length;
      judgeList(part, 'Invitation', 'invitations', viewer, result, await invitationUniverse());
    }
    expect(listed).toBeGreaterThan(0);
    // revokeInvitation: every viewer tries every pending invitation; only an administrator of its scope succeeds.
    for (const viewer of world.viewers) {
      for (const row of (await invitationRows()).filter((r) => r.revoked_at === null && r.accepted_at === null)) {
        const response = await gql(`mutation($id: ID!) { revokeInvitation(id: $id) { ${sel} } }`, { id: row.id }, viewer);
        const [after] = (await world.owner.query(`SELECT * FROM invitation WHERE id = $1`, [row.id])).rows as Array<Record<string, unknown>>;
        const refusal = accessRefusal('revokeInvitation', viewer.actor);
        const expected: Answer = refusal ? { error: refusal }
          : pendingIn(row)(viewer.actor)
            ? { data: expectedObject(world, 'Invitation', viewer.actor, { tenantId: after!.tenant_id, organisationId: after!.organisation_id }, storedObject(world.schema, 'Invitation', after!)) }
            : { error: 'NOT_FOUND' };
        if ('error' in expected) expect(after!.revoked_at).toBeNull();
        judge(part, world.schema, 'Invitation', `revokeInvitation(${String(row.email)}) as ${viewer.label}`, expected, answerOf(response, 'revokeInvitation'));
      }
    }
    settle(part);
  });

  // ----------------------------------------------------------------------------------------------
  // Writes
  // ----------------------------------------------------------------------------------------------

  let serial = 0;
  /** A valid value different from the current one, for each field an update input offers. */
  const NEW_VALUE: Record<string, (current: unknown) => unknown> = {
    'User.firstName': () => `Firstname ${++serial}`,
    'User.lastName': () => `Lastname ${++serial}`,
    'User.phone': () => `+32471${String(100000 + ++serial)}`,
    'User.jobTitle': () => `Title ${++serial}`,
    'User.preferredLanguage': (current) => LANGUAGES.find((l) => l !== current)!,
    'Organisation.name': () => `Company renamed ${++serial}`,
    'Organisation.legalForm': () => `Form ${++serial}`,
    'Organisation.street': () => `Street ${++serial}`,
    'Organisation.postalCode': (current) => (current === '2000' ? '2018' : '2000'),
    'Organisation.city': () => `City ${++serial}`,
    'Organisation.phone': () => `+323${String(2000000 + ++serial)}`,
    'Organisation.email': () => `company-${++serial}@example.test`,
    'Organisation.iban': (current) => (current === 'BE71096123456769' ? 'BE68539007547034' : 'BE71096123456769'),
  };

  interface WriteTarget {
    key: string;
    id: string;
    relation: object;
    table: 'user_account' | 'organisation';
    stored: () => Promise<Record<string, unknown>>;
  }

  async function writeMatrix(operation: 'updateUserProfile' | 'updateOrganisation', typeName: 'User' | 'Organisation', targetField: string, targets: WriteTarget[]): Promise<{ part: Tally; writes: number }> {
    const part = newTally();
    const inputType = world.schema.getMutationType()!.getFields()[operation]!.args[0]!.type;
    const inputName = String(inputType).replace(/!$/, '');
    const inputFields = Object.keys((world.schema.getType(inputName) as unknown as { getFields(): Record<string, unknown> }).getFields()).filter((f) => f !== targetField);
    const sel = selectionOfType(world.schema, typeName);
    const query = `mutation($input: ${inputName}!) { ${operation}(input: $input) { ${sel} } }`;
    let writes = 0;
    for (const viewer of world.viewers) {
      for (const target of targets) {
        for (const field of inputFields) {
          const make = NEW_VALUE[`${typeName}.${field}`];
          if (!make) throw new Error(`no test value for ${inputName}.${field}: add one to NEW_VALUE`);
          writes += 1;
          part.writes += 1;
          part.cases += 1;
          const before = await rowSnapshot(world, target.table, target.id);
          const current = (await target.stored())[field];
          const value = make(current);
          const response = await gql(query, { input: { [targetField]: target.id, [field]: value } }, viewer);
          const after = await rowSnapshot(world, target.table, target.id);
          const refusal = accessRefusal(operation, viewer.actor);
          const expectedOutcome = refusal ?? (!world.policy.canRead(viewer.actor, typeName, 'id', target.relation) ? 'NOT_FOUND' : world.policy.canWrite(viewer.actor, typeName, field, target.relation) ? 'OK' : 'FORBIDDEN');
          const code = response.errors?.length ? String(response.errors[0]?.extensions?.code) : 'OK';
          const label = `${operation}(${target.key}.${field}) as ${viewer.label}`;
          if (expectedOutcome === 'OK') {
            const storedAfter = await target.stored();
            if (code !== 'OK' || !isDeepStrictEqual(storedAfter[field], value)) {
              part.falseDenials += 1;
              part.problems.push(`FALSE DENIAL (write) ${label}: ${code} ${JSON.stringify(response.errors ?? [])}, stored ${JSON.stringify(storedAfter[field])}`);
              continue;
            }
            // The answer is a read path too; and the new value is visible afterwards.
            judge(part, world.schema, typeName, `${label} (answer)`, { data: expectedObject(world, typeName, viewer.actor, target.relation, storedAfter) }, answerOf(response, operation));
            const reread = await gql(`query($id: ID!) { ${typeName === 'User' ? 'user' : 'organisation'}(id: $id) { ${field} } }`, { id: target.id }, viewer);
            const visible = (reread.data?.[typeName === 'User' ? 'user' : 'organisation'] as Record<string, unknown> | undefined)?.[field];
            if (!isDeepStrictEqual(visible, value)) {
              part.falseDenials += 1;
              part.problems.push(`FALSE DENIAL (write not visible afterwards) ${label}: read ${JSON.stringify(visible)}`);
            }
          } else {
            if (code === 'OK' || before !== after) {
              part.leaks += 1;
              part.problems.push(`LEAK (write accepted) ${label}: ${code}, row ${before === after ? 'unchanged' : 'CHANGED'}`);
              continue;
            }
            const named = (response.errors?.[0]?.extensions?.fields ?? []).map((f) => f.field);
            if (code !== expectedOutcome || (code === 'FORBIDDEN' && refusal === null && !named.includes(`input.${field}`))) {
              // FORBIDDEN where NOT_FOUND was due tells that the record exists: a leak of existence.
              if (expectedOutcome === 'NOT_FOUND' && code === 'FORBIDDEN') part.leaks += 1;
              else part.wrongValues += 1;
              writeOutcomeProblems.push(`${label}: expected ${expectedOutcome}, got ${code} ${JSON.stringify(named)}`);
              part.problems.push(`WRONG OUTCOME ${label}: expected ${expectedOutcome}, got ${code} ${JSON.stringify(named)}`);
            }
          }
        }
      }
    }
    return { part, writes };
  }

  // Regressions (found by this suite, fixed in 1201cbd): the User updateUserProfile returned had
  // `roles: null` for the person themself (the answer was re-read without its roles), and the platform
  // operator could not change their own profile (NOT_FOUND, see user(id) above).
  it('updateUserProfile: every viewer × every user × every field of the input', async () => {
    const targets: WriteTarget[] = Object.values(world.users).map((u) => ({
      key: u.key, id: u.id, relation: relationOfUser(u), table: 'user_account', stored: () => storedUser(world, u.id),
    }));
    const { part, writes } = await writeMatrix('updateUserProfile', 'User', 'userId', targets);
    expect(writes).toBeGreaterThan(500);
    addTally(total, part);
    expect(part.problems).toEqual([]);
  });

  it('updateOrganisation: every viewer × every organisation × every field of the input', async () => {
    const targets: WriteTarget[] = Object.values(world.orgs).map((o) => ({
      key: o.key, id: o.id, relation: { id: o.id, tenantId: o.tenantId }, table: 'organisation', stored: () => storedOrganisation(world, o.id),
    }));
    const { part, writes } = await writeMatrix('updateOrganisation', 'Organisation', 'organisationId', targets);
    expect(writes).toBeGreaterThan(200);
    addTally(total, part);
    expect(part.problems).toEqual([]);
  });

  it('setMySignatureImage: every viewer sets their own signature image', async () => {
    const part = newTally();
    const sel = selectionOfType(world.schema, 'User');
    for (const viewer of world.viewers) {
      const image = signatureImage(++serial % 256);
      const self = Object.values(world.users).find((u) => u.id === viewer.actor.id);
      const before = self ? await rowSnapshot(world, 'user_account', self.id) : '';
      const response = await gql(`mutation($image: String!) { setMySignatureImage(image: $image) { ${sel} } }`, { image }, viewer);
      const refusal = accessRefusal('setMySignatureImage', viewer.actor);
      const allowed = !refusal && self !== undefined && world.policy.canWrite(viewer.actor, 'User', 'signatureImage', relationOfUser(self));
      const code = response.errors?.length ? String(response.errors[0]?.extensions?.code) : 'OK';
      part.cases += 1;
      part.writes += 1;
      const label = `setMySignatureImage as ${viewer.label}`;
      if (allowed) {
        const stored = await storedUser(world, self!.id);
        if (code !== 'OK' || stored.signatureImage !== image) {
          part.falseDenials += 1;
          part.problems.push(`FALSE DENIAL (write) ${label}: ${code}, stored ${JSON.stringify(stored.signatureImage)}`);
        } else {
          judge(part, world.schema, 'User', `${label} (answer)`, { data: expectedObject(world, 'User', viewer.actor, relationOfUser(self!), stored) }, answerOf(response, 'setMySignatureImage'));
        }
      } else if (code === 'OK' || (self && before !== (await rowSnapshot(world, 'user_account', self.id)))) {
        part.leaks += 1;
        part.problems.push(`LEAK (write accepted) ${label}: ${code}`);
      } else if (code !== (refusal ?? 'FORBIDDEN')) {
        part.wrongValues += 1;
        part.problems.push(`WRONG OUTCOME ${label}: expected ${refusal ?? 'FORBIDDEN'}, got ${code}`);
      }
    }
    addTally(total, part);
    expect(part.problems).toEqual([]);
  });

  it('registerOrganisation: what the anonymous registrant is shown of the new company and its chamber', async () => {
    const part = newTally();
    const base = String(1_000_000 + Math.floor(Math.random() * 8_000_000)).padStart(8, '0');
    const digits = `${base}${String(97 - (Number(base) % 97)).padStart(2, '0')}`;
    const input = {
      tenantSlug: world.tenants.A.slug, vatNumber: `BE${digits}`, name: 'Registered NV', legalForm: 'NV', street: 'Kaai 2', postalCode: '2000',
      city: 'Antwerpen', country: 'BE', phone: '+3232322219', email: 'info@registered.test', iban: 'BE71096123456769', loginMethod: 'PASSWORD',
      administrator: { firstName: 'Reg', lastName: 'Istrant', email: `reg-${randomUUID().slice(0, 6)}@registered.test`, password: 'a long enough passphrase 42', preferredLanguage: 'nl' },
    };
    const response = await app.graphql<{ registerOrganisation: { organisation: Record<string, unknown>; tenant: Record<string, unknown> } }>(
      `mutation($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { organisation { ${selectionOfType(world.schema, 'Organisation')} } tenant { ${selectionOfType(world.schema, 'Tenant')} } } }`, { input });
    const [orgRow] = (await world.owner.query(`SELECT * FROM organisation WHERE company_number = $1`, [`BE${digits}`])).rows as Array<Record<string, unknown>>;
    expect(orgRow).toBeDefined();
    const [tenantRow] = (await world.owner.query(`SELECT * FROM tenant WHERE id = $1`, [world.tenants.A.id])).rows as Array<Record<string, unknown>>;
    const result = response.data?.registerOrganisation;
    // The new company is not the anonymous registrant's to see (its record is visible to its people and the staff).
    const orgRelation = { id: orgRow!.id, tenantId: orgRow!.tenant_id };
    judge(part, world.schema, 'Organisation', 'registerOrganisation.organisation as anonymous',
      world.policy.canSee(ANONYMOUS_ACTOR, 'Organisation', orgRelation)
        ? { data: expectedObject(world, 'Organisation', ANONYMOUS_ACTOR, orgRelation, storedObject(world.schema, 'Organisation', orgRow!)) }
        : { data: null as unknown as Record<string, unknown> },
      result ? { data: result.organisation } : { error: String(response.errors?.[0]?.extensions?.code) });
    judge(part, world.schema, 'Tenant', 'registerOrganisation.tenant as anonymous',
      { data: expectedObject(world, 'Tenant', ANONYMOUS_ACTOR, { id: tenantRow!.id }, storedObject(world.schema, 'Tenant', tenantRow!)) },
      result ? { data: result.tenant } : { error: String(response.errors?.[0]?.extensions?.code) });
    settle(part);
  });

  it('createTenant, inviteTenantAdministrator, resetTenantAdministratorSecondFactor, disableUser, enableUser and resetSecondFactor: the records they return', async () => {
    const part = newTally();
    // createTenant: the platform operator creates a chamber; everyone else is refused.
    for (const viewer of world.viewers) {
      const slug = `created-${randomUUID().slice(0, 8)}`;
      const input = {
        slug, name: `Chamber ${slug}`, kinds: ['CHAMBER_OF_COMMERCE'], legalEntityNumber: '0123.456.749', street: 'Markt 1', postalCode: '3000', city: 'Leuven',
        country: 'BE', phone: '+3216000000', email: `info@${slug}.test`, languages: ['nl'], privacyContactEmail: `privacy@${slug}.test`, servedPostalCodes: [{ from: '3000', to: '3499' }],
        administrator: { firstName: 'Ada', lastName: 'Admin', email: `admin@${slug}.test`, preferredLanguage: 'nl' },
      };
      const response = await gql(`mutation($input: CreateTenantInput!) { createTenant(input: $input) { tenant { ${selectionOfType(world.schema, 'Tenant')} } invitationSentTo } }`, { input }, viewer);
      const [row] = (await world.owner.query(`SELECT * FROM tenant WHERE slug = $1`, [slug])).rows as Array<Record<string, unknown>>;
      const refusal = accessRefusal('createTenant', viewer.actor);
      const expected: Answer = refusal ? { error: refusal } : row ? { data: expectedObject(world, 'Tenant', viewer.actor, { id: row.id }, storedObject(world.schema, 'Tenant', row)) } : { error: 'NOT STORED' };
      if (refusal) expect(row).toBeUndefined();
      const answer = answerOf(response, 'createTenant');
      // The envelope names where the invitation went (the address the operator gave), beside the tenant as the operator may read it.
      if ('data' in answer) expect(answer.data.invitationSentTo).toBe(`admin@${slug}.test`);
      judge(part, world.schema, 'Tenant', `createTenant as ${viewer.label}`, expected, 'data' in answer ? { data: answer.data.tenant as Record<string, unknown> } : answer);
      // inviteTenantAdministrator answers the same record, to the operator, for a tenant without an
      // active administrator (the one just opened); anyone else is refused, here on tenant A.
      const invited = await gql(
        `mutation($input: InviteTenantAdministratorInput!) { inviteTenantAdministrator(input: $input) { tenant { ${selectionOfType(world.schema, 'Tenant')} } invitationSentTo } }`,
        { input: { tenantId: row?.id ?? world.tenants.A.id, administrator: { firstName: 'Ada', lastName: 'Admin', email: `admin-again@${slug}.test`, preferredLanguage: 'nl' } } },
        viewer,
      );
      const invitedAnswer = answerOf(invited, 'inviteTenantAdministrator');
      const invitedRefusal = accessRefusal('inviteTenantAdministrator', viewer.actor);
      if ('data' in invitedAnswer) expect(invitedAnswer.data.invitationSentTo).toBe(`admin-again@${slug}.test`);
      judge(part, world.schema, 'Tenant', `inviteTenantAdministrator as ${viewer.label}`, invitedRefusal ? { error: invitedRefusal } : expected,
        'data' in invitedAnswer ? { data: invitedAnswer.data.tenant as Record<string, unknown> } : invitedAnswer);
    }
    // resetTenantAdministratorSecondFactor answers the tenant too, to the operator, for a tenant whose only
    // administrator lost their second factor (not a viewer, so no session of the world ends); anyone else is refused.
    const lockedOut = await world.factory.tenant();
    const onlyAdministrator = await world.factory.user({ tenant: lockedOut, roles: [Role.TENANT_ADMIN] });
    for (const viewer of [...world.viewers.filter((v) => v.label !== 'platformAdmin'), world.viewer('platformAdmin')]) {
      const response = await gql(
        `mutation($input: ResetTenantAdministratorSecondFactorInput!) { resetTenantAdministratorSecondFactor(input: $input) { tenant { ${selectionOfType(world.schema, 'Tenant')} } administratorId } }`,
        { input: { tenantId: lockedOut.id, email: onlyAdministrator.email, reference: 'FM-2026-1' } },
        viewer,
      );
      const [row] = (await world.owner.query(`SELECT * FROM tenant WHERE id = $1`, [lockedOut.id])).rows as Array<Record<string, unknown>>;
      const refusal = accessRefusal('resetTenantAdministratorSecondFactor', viewer.actor);
      const answer = answerOf(response, 'resetTenantAdministratorSecondFactor');
      if ('data' in answer) expect(answer.data.administratorId).toBe(onlyAdministrator.id);
      judge(part, world.schema, 'Tenant', `resetTenantAdministratorSecondFactor as ${viewer.label}`,
        refusal ? { error: refusal } : { data: expectedObject(world, 'Tenant', viewer.actor, { id: row!.id }, storedObject(world.schema, 'Tenant', row!)) },
        'data' in answer ? { data: answer.data.tenant as Record<string, unknown> } : answer);
    }
    // disableUser: each administrator disables a user they manage (not a viewer, so no session ends).
    for (const [admin, target] of [['a1Admin', 'a1Colleague'], ['aTenantAdmin', 'aClerk2'], ['bTenantAdmin', 'bClerk'], ['b1Admin', 'b1Member']] as const) {
      const viewer = world.viewer(admin);
      const u = world.users[target]!;
      const response = await gql(`mutation($id: ID!) { disableUser(userId: $id) { ${selectionOfType(world.schema, 'User')} } }`, { id: u.id }, viewer);
      const stored = await storedUser(world, u.id);
      expect(stored.status).toBe('DISABLED');
      judge(part, world.schema, 'User', `disableUser(${target}) as ${admin}`, { data: expectedObject(world, 'User', viewer.actor, relationOfUser(u), stored) }, answerOf(response, 'disableUser'));
    }
    // enableUser: every viewer tries to enable each of them again; only their administrator succeeds.
    for (const [admin, target] of [['a1Admin', 'a1Colleague'], ['aTenantAdmin', 'aClerk2'], ['bTenantAdmin', 'bClerk'], ['b1Admin', 'b1Member']] as const) {
      const u = world.users[target]!;
      for (const viewer of [...world.viewers.filter((v) => v.label !== admin), world.viewer(admin)]) {
        const response = await gql(`mutation($id: ID!) { enableUser(userId: $id) { ${selectionOfType(world.schema, 'User')} } }`, { id: u.id }, viewer);
        const stored = await storedUser(world, u.id);
        const expected: Answer = viewer.label === admin
          ? { data: expectedObject(world, 'User', viewer.actor, relationOfUser(u), stored) }
          : { error: accessRefusal('enableUser', viewer.actor) ?? 'NOT_FOUND' };
        expect(stored.status).toBe(viewer.label === admin ? 'ACTIVE' : 'DISABLED');
        judge(part, world.schema, 'User', `enableUser(${target}) as ${viewer.label}`, expected, answerOf(response, 'enableUser'));
      }
    }
    // resetSecondFactor: the same users given a second factor (only its presence matters here), reset by their administrator.
    for (const [admin, target] of [['aTenantAdmin', 'aClerk2'], ['bTenantAdmin', 'bClerk']] as const) {
      const u = world.users[target]!;
      await world.owner.query(`UPDATE user_account SET totp_secret = 'not read by this test', totp_enrolled_at = now() WHERE id = $1`, [u.id]);
      for (const viewer of [...world.viewers.filter((v) => v.label !== admin), world.viewer(admin)]) {
        const response = await gql(`mutation($id: ID!) { resetSecondFactor(userId: $id) { ${selectionOfType(world.schema, 'User')} } }`, { id: u.id }, viewer);
        const [row] = (await world.owner.query(`SELECT totp_enrolled_at FROM user_account WHERE id = $1`, [u.id])).rows as Array<{ totp_enrolled_at: Date | null }>;
        const expected: Answer = viewer.label === admin
          ? { data: expectedObject(world, 'User', viewer.actor, relationOfUser(u), await storedUser(world, u.id)) }
          : { error: accessRefusal('resetSecondFactor', viewer.actor) ?? 'NOT_FOUND' };
        expect(row!.totp_enrolled_at === null).toBe(viewer.label === admin);
        judge(part, world.schema, 'User', `resetSecondFactor(${target}) as ${viewer.label}`, expected, answerOf(response, 'resetSecondFactor'));
      }
    }
    settle(part);
  });

  // ----------------------------------------------------------------------------------------------
  // The privacy office (issue 18 items 5–8): register entries, sub-processors, changes and
  // objections, breaches, privacy-policy versions and answers. Every viewer performs every
  // mutation (refused or stored, and the record returned judged), then every viewer reads every list.
  // ----------------------------------------------------------------------------------------------

  it('privacy office: every viewer × every mutation and every record of the register, sub-processors, breaches and policy versions', async () => {
    const part = newTally();
    const owner = world.owner;
    const rowOf = async (table: string, id: string) => ((await owner.query(`SELECT * FROM ${table} WHERE id = $1`, [id])).rows[0] ?? null) as Record<string, unknown> | null;
    const slugOf = { A: world.tenants.A.slug, B: world.tenants.B.slug };
    const DAY = 24 * 60 * 60 * 1000;
    // The expected draft of a breach is what the privacy officer of its tenant is shown (its text is T18's).
    const drafts = new Map<string, string>();
    const breachExtra = (row: Record<string, unknown>) => ({
      authorityDeadline: new Date(new Date(row.became_aware_at as string).getTime() + 72 * 60 * 60 * 1000),
      notificationDraft: drafts.get(String(row.id)) ?? null,
    });
    const bOfficer = await world.factory.user({ tenant: world.tenants.B, roles: [Role.PRIVACY_OFFICER] });
    const bOfficerToken = (await world.factory.login(bOfficer)).accessToken;

    // In-force sub-processors of the platform and both tenants (announced long ago; written as the owner).
    for (const tenantId of [null, world.tenants.A.id, world.tenants.B.id]) {
      await owner.query(
        `INSERT INTO sub_processor (tenant_id, name, service, location, transfer_safeguard, data_categories, effective_from, created_at)
         VALUES ($1, $2, 'hosting', 'BE', NULL, '{contact}', now() - interval '400 days', now() - interval '400 days')`,
        [tenantId, `Host of ${tenantId ?? 'the platform'}`],
      );
    }

    /** Every viewer calls the mutation; the answer is the refusal, or the stored row (found by `find`) as the viewer may see it. */
    async function everyViewer(operation: string, typeName: string, document: (viewer: Viewer, n: number) => { query: string; variables: Record<string, unknown> },
      stored: (viewer: Viewer, answer: Record<string, unknown>) => Promise<{ relation: object; object: Record<string, unknown> } | null>, refusedBeyondRule?: (viewer: Viewer) => string | null): Promise<void> {
      let n = 0;
      for (const viewer of world.viewers) {
        n += 1;
        const { query, variables } = document(viewer, n);
        const response = await gql(query, variables, viewer);
        const actual = answerOf(response, operation);
        const refusal = accessRefusal(operation, viewer.actor) ?? refusedBeyondRule?.(viewer) ?? null;
        if (refusal) {
          judge(part, world.schema, typeName, `${operation} as ${viewer.label}`, { error: refusal }, actual);
          continue;
        }
        const found = 'data' in actual ? await stored(viewer, actual.data) : null;
        const expected: Answer = found ? { data: expectedObject(world, typeName, viewer.actor, found.relation, found.object) } : { error: 'NOT STORED' };
        judge(part, world.schema, typeName, `${operation} as ${viewer.label}`, expected, actual);
      }
    }

    // Register entries.
    const activityInput = { name: 'Newsletter', purpose: 'Inform members', legalBasis: 'consent', dataSubjects: ['subscribers'], dataCategories: ['contact'], recipients: ['mailer'], transfers: 'None', retention: 'until unsubscribed', securityMeasures: 'double opt-in' };
    await everyViewer('addProcessingActivity', 'ProcessingActivity',
      () => ({ query: `mutation($input: AddProcessingActivityInput!) { addProcessingActivity(input: $input) { ${selectionOfType(world.schema, 'ProcessingActivity')} } }`, variables: { input: activityInput } }),
      async (_v, answer) => { const row = await rowOf('processing_activity', String(answer.id)); return row && { relation: { tenantId: row.tenant_id }, object: storedObject(world.schema, 'ProcessingActivity', row) }; });
    const doomed = expectData(await app.graphql<{ addProcessingActivity: { id: string } }>(`mutation($input: AddProcessingActivityInput!) { addProcessingActivity(input: $input) { id } }`, { input: activityInput }, { token: world.viewer('aPrivacyOfficer').token })).addProcessingActivity.id;
    const doomedRow = (await rowOf('processing_activity', doomed))!;
    await everyViewer('removeProcessingActivity', 'ProcessingActivity',
      () => ({ query: `mutation($id: ID!) { removeProcessingActivity(id: $id) { ${selectionOfType(world.schema, 'ProcessingActivity')} } }`, variables: { id: doomed } }),
      async () => ({ relation: { tenantId: doomedRow.tenant_id }, object: storedObject(world.schema, 'ProcessingActivity', doomedRow) }));

    // Sub-processor changes (every announcer: tenant A's staff, B's administrator, the operator) and objections.
    await everyViewer('announceSubProcessorChange', 'SubProcessorChange',
      (viewer, n) => ({
        query: `mutation($input: AnnounceSubProcessorChangeInput!) { announceSubProcessorChange(input: $input) { ${selectionOfType(world.schema, 'SubProcessorChange')} } }`,
        variables: { input: { kind: 'ADDITION', description: `change ${n} by ${viewer.label}`, effectiveAt: new Date(app.clock.now().getTime() + 31 * DAY).toISOString(), newSubProcessor: { name: `Processor ${n}`, service: 'scanning', location: 'NL' } } },
      }),
      async (_v, answer) => { const row = await rowOf('sub_processor_change', String(answer.id)); return row && { relation: { tenantId: row.tenant_id }, object: storedObject(world.schema, 'SubProcessorChange', row) }; });
    const changeOf = async (tenantId: string | null) => String((await owner.query(`SELECT id FROM sub_processor_change WHERE tenant_id IS NOT DISTINCT FROM $1 ORDER BY announced_at LIMIT 1`, [tenantId])).rows[0].id);
    const changes = { A: await changeOf(world.tenants.A.id), B: await changeOf(world.tenants.B.id), platform: await changeOf(null) };
    await everyViewer('objectToSubProcessorChange', 'SubProcessorObjection',
      // A company objects to its tenant's change; tenant staff (no company) to the platform's.
      (viewer) => ({
        query: `mutation($input: ObjectToSubProcessorChangeInput!) { objectToSubProcessorChange(input: $input) { ${selectionOfType(world.schema, 'SubProcessorObjection')} } }`,
        variables: { input: { changeId: viewer.actor.organisationId ? (viewer.actor.tenantId === world.tenants.A.id ? changes.A : changes.B) : changes.platform, reason: `objection of ${viewer.label}` } },
      }),
      async (_v, answer) => {
        const row = await rowOf('sub_processor_objection', String(answer.id));
        return row && { relation: { tenantId: row.tenant_id, organisationId: row.organisation_id, objectorUserId: row.objector_user_id }, object: storedObject(world.schema, 'SubProcessorObjection', row) };
      });

    // Breaches of both tenants (B's through its privacy officer, who is not a viewer).
    const breachInput = (reference: string) => ({ reference, nature: 'Laptop stolen', becameAwareAt: app.clock.now().toISOString(), dataCategories: ['contact'], involvesAllOrganisations: true, likelyConsequences: 'Phishing', measures: 'Wiped', notifiable: true, highRisk: true });
    const BREACH_SELECTION = selectionOfType(world.schema, 'Breach');
    const bBreach = expectData(await app.graphql<{ registerBreach: { id: string; notificationDraft: string } }>(`mutation($input: RegisterBreachInput!) { registerBreach(input: $input) { id notificationDraft } }`, { input: breachInput('B-1') }, { token: bOfficerToken })).registerBreach;
    drafts.set(bBreach.id, bBreach.notificationDraft);
    await everyViewer('registerBreach', 'Breach',
      (viewer, n) => ({ query: `mutation($input: RegisterBreachInput!) { registerBreach(input: $input) { ${BREACH_SELECTION} } }`, variables: { input: breachInput(`A-${n}`) } }),
      async (_v, answer) => {
        const row = await rowOf('breach', String(answer.id));
        if (row) drafts.set(String(row.id), String(answer.notificationDraft));
        return row && { relation: { tenantId: row.tenant_id }, object: storedObject(world.schema, 'Breach', row, breachExtra(row)) };
      });
    const aBreach = String((await owner.query(`SELECT id FROM breach WHERE tenant_id = $1 LIMIT 1`, [world.tenants.A.id])).rows[0].id);
    // Legal holds of both tenants, each placed by its privacy officer (listed by legalHolds below).
    for (const [token, userId] of [[world.viewer('aPrivacyOfficer').token, world.users.aPrivacyOfficer!.id], [bOfficerToken, bOfficer.id]] as const)
      expectData(await app.graphql(`mutation($input: PlaceLegalHoldInput!) { placeLegalHold(input: $input) }`, { input: { record: `User:${userId}`, reason: 'customs dispute' } }, { token }));
    for (const [operation, query] of [
      ['recordBreachAuthorityNotification', `mutation($id: ID!) { recordBreachAuthorityNotification(input: { breachId: $id }) { ${BREACH_SELECTION} } }`],
      ['notifyBreachSubjects', `mutation($id: ID!) { notifyBreachSubjects(breachId: $id) { ${BREACH_SELECTION} } }`],
      ['breach', `query($id: ID!) { breach(breachId: $id) { ${BREACH_SELECTION} } }`],
    ] as const) {
      await everyViewer(operation, 'Breach', () => ({ query, variables: { id: aBreach } }), async (_v, answer) => {
        const row = (await rowOf('breach', aBreach))!;
        drafts.set(aBreach, String(answer.notificationDraft));
        return { relation: { tenantId: row.tenant_id }, object: storedObject(world.schema, 'Breach', row, breachExtra(row)) };
      }, (viewer) => (viewer.actor.tenantId === world.tenants.A.id ? null : 'NOT_FOUND'));
    }

    // Policy versions: each tenant's privacy officer publishes; every viewer answers A's version (accept or object in turn).
    const bVersion = expectData(await app.graphql<{ publishPrivacyPolicy: { id: string } }>(`mutation { publishPrivacyPolicy(input: { title: "B", summary: "B", body: "B" }) { id } }`, {}, { token: bOfficerToken })).publishPrivacyPolicy.id;
    await everyViewer('publishPrivacyPolicy', 'PrivacyPolicyVersion',
      // A text of its own each time: the same text twice is not a new version (POLICY_UNCHANGED).
      () => ({ query: `mutation { publishPrivacyPolicy(input: { title: "A", summary: "A", body: "A ${randomUUID()}" }) { ${selectionOfType(world.schema, 'PrivacyPolicyVersion')} } }`, variables: {} }),
      async (_v, answer) => { const row = await rowOf('privacy_policy_version', String(answer.id)); return row && { relation: { tenantId: row.tenant_id }, object: storedObject(world.schema, 'PrivacyPolicyVersion', row) }; });
    const aVersionRow = (await owner.query(`SELECT * FROM privacy_policy_version WHERE tenant_id = $1 ORDER BY version DESC LIMIT 1`, [world.tenants.A.id])).rows[0] as Record<string, unknown>;
    const aVersion = String(aVersionRow.id);
    const answerObject = async (versionRow: Record<string, unknown>, userId: string) => {
      const [row] = (await owner.query(`SELECT * FROM privacy_policy_response WHERE version_id = $1 AND user_id = $2`, [versionRow.id, userId])).rows as Array<Record<string, unknown>>;
      const answer = row ? (row.response as string) : app.clock.now() > new Date(versionRow.objection_deadline as string) ? 'DEEMED_ACCEPTED' : 'PENDING';
      return { relation: { tenantId: versionRow.tenant_id, userId }, object: storedObject(world.schema, 'PrivacyPolicyResponse', row ?? { reason: null, responded_at: null }, { versionId: versionRow.id, userId, answer, objectionDeadline: versionRow.objection_deadline }) };
    };
    const RESPONSE_SELECTION = selectionOfType(world.schema, 'PrivacyPolicyResponse');
    let turn = 0;
    for (const viewer of world.viewers) {
      turn += 1;
      const [operation, query] = turn % 2
        ? ['acceptPrivacyPolicy', `mutation($id: ID!) { acceptPrivacyPolicy(versionId: $id) { ${RESPONSE_SELECTION} } }`]
        : ['objectToPrivacyPolicy', `mutation($id: ID!) { objectToPrivacyPolicy(input: { versionId: $id, reason: "no" }) { ${RESPONSE_SELECTION} } }`];
      const actual = answerOf(await gql(query, { id: aVersion }, viewer), operation);
      const refusal = accessRefusal(operation, viewer.actor) ?? (viewer.actor.tenantId === world.tenants.A.id ? null : viewer.actor.tenantId ? 'NOT_FOUND' : 'FORBIDDEN');
      const expected: Answer = refusal ? { error: refusal } : await answerObject(aVersionRow, viewer.actor.id!).then((found) => ({ data: expectedObject(world, 'PrivacyPolicyResponse', viewer.actor, found.relation, found.object) }));
      judge(part, world.schema, 'PrivacyPolicyResponse', `${operation} as ${viewer.label}`, expected, actual);
    }

    // Reads: every viewer × every list, against every record of the world.
    const universeOf = async (table: string, typeName: string, relation: (row: Record<string, unknown>) => object, inScope: (row: Record<string, unknown>) => (actor: Actor) => boolean, extra?: (row: Record<string, unknown>) => Record<string, unknown>): Promise<UniverseItem[]> =>
      ((await owner.query(`SELECT * FROM ${table}`)).rows as Array<Record<string, unknown>>).map((row) => ({
        label: `${table} ${String(row.id)}`, id: String(row.id), relation: relation(row), stored: storedObject(world.schema, typeName, row, extra?.(row)), inScope: inScope(row),
      }));
    const sameTenant = (row: Record<string, unknown>) => (actor: Actor) => row.tenant_id === (actor.tenantId ?? null);
    const now = app.clock.now();
    const inForce = (row: Record<string, unknown>) => new Date(row.effective_from as string) <= now && (row.effective_until === null || new Date(row.effective_until as string) > now);
    for (const viewer of world.viewers) {
      judgeList(part, 'ProcessingActivity', 'processingActivities', viewer,
        await fetchAll(viewer, 'processingActivities', `{ processingActivities { ${selectionOfType(world.schema, 'ProcessingActivity')} } }`),
        await universeOf('processing_activity', 'ProcessingActivity', (row) => ({ tenantId: row.tenant_id }), sameTenant));
      for (const [slug, tenantId] of [[null, null], [slugOf.A, world.tenants.A.id], [slugOf.B, world.tenants.B.id]] as const) {
        judgeList(part, 'SubProcessor', 'subProcessors', viewer,
          await fetchAll(viewer, 'subProcessors', `{ subProcessors${slug ? `(tenantSlug: "${slug}")` : ''} { ${selectionOfType(world.schema, 'SubProcessor')} } }`),
          await universeOf('sub_processor', 'SubProcessor', (row) => ({ tenantId: row.tenant_id }), (row) => () => row.tenant_id === tenantId && inForce(row)), `subProcessors(${slug ?? 'platform'})`);
        judgeList(part, 'SubProcessorChange', 'subProcessorChanges', viewer,
          await fetchAll(viewer, 'subProcessorChanges', `{ subProcessorChanges${slug ? `(tenantSlug: "${slug}")` : ''} { ${selectionOfType(world.schema, 'SubProcessorChange')} } }`),
          await universeOf('sub_processor_change', 'SubProcessorChange', (row) => ({ tenantId: row.tenant_id }), (row) => () => row.tenant_id === tenantId), `subProcessorChanges(${slug ?? 'platform'})`);
      }
      for (const [slug, tenantId] of [[slugOf.A, world.tenants.A.id], [slugOf.B, world.tenants.B.id]] as const) {
        judgeList(part, 'PrivacyPolicyVersion', 'privacyPolicyVersions', viewer,
          await fetchAll(viewer, 'privacyPolicyVersions', `{ privacyPolicyVersions(tenantSlug: "${slug}") { ${selectionOfType(world.schema, 'PrivacyPolicyVersion')} } }`),
          await universeOf('privacy_policy_version', 'PrivacyPolicyVersion', (row) => ({ tenantId: row.tenant_id }), (row) => () => row.tenant_id === tenantId), `privacyPolicyVersions(${slug})`);
      }
      judgeList(part, 'SubProcessorObjection', 'subProcessorObjections', viewer,
        await fetchAll(viewer, 'subProcessorObjections', `{ subProcessorObjections { ${selectionOfType(world.schema, 'SubProcessorObjection')} } }`),
        await universeOf('sub_processor_objection', 'SubProcessorObjection', (row) => ({ tenantId: row.tenant_id, organisationId: row.organisation_id, objectorUserId: row.objector_user_id }),
          (row) => (actor) => row.change_tenant_id === (actor.tenantId ?? null)));
      // What the caller's company lodged (a tenant's administrator in no company: the tenant's own, to the platform's changes).
      judgeList(part, 'SubProcessorObjection', 'lodgedSubProcessorObjections', viewer,
        await fetchAll(viewer, 'lodgedSubProcessorObjections', `{ lodgedSubProcessorObjections { ${selectionOfType(world.schema, 'SubProcessorObjection')} } }`),
        await universeOf('sub_processor_objection', 'SubProcessorObjection', (row) => ({ tenantId: row.tenant_id, organisationId: row.organisation_id, objectorUserId: row.objector_user_id }),
          (row) => (actor) => row.tenant_id === actor.tenantId && (row.organisation_id ?? null) === (actor.organisationId ?? null)));
      judgeList(part, 'Breach', 'breaches', viewer,
        await fetchAll(viewer, 'breaches', `{ breaches { ${BREACH_SELECTION} } }`),
        await universeOf('breach', 'Breach', (row) => ({ tenantId: row.tenant_id }), sameTenant, breachExtra));
      judgeList(part, 'LegalHold', 'legalHolds', viewer,
        await fetchAll(viewer, 'legalHolds', `{ legalHolds { ${selectionOfType(world.schema, 'LegalHold')} } }`),
        await universeOf('legal_hold', 'LegalHold', (row) => ({ tenantId: row.tenant_id }), sameTenant));

      // The in-application notice: the newest version of the viewer's tenant and the viewer's answer.
      const noticeRefusal = accessRefusal('myPrivacyPolicyNotice', viewer.actor);
      const noticeActual = answerOf(await gql(`{ myPrivacyPolicyNotice { ${RESPONSE_SELECTION} } }`, {}, viewer), 'myPrivacyPolicyNotice');
      const latest = viewer.actor.tenantId
        ? ((await owner.query(`SELECT * FROM privacy_policy_version WHERE tenant_id = $1 ORDER BY version DESC LIMIT 1`, [viewer.actor.tenantId])).rows[0] as Record<string, unknown> | undefined)
        : undefined;
      const noticeExpected: Answer = noticeRefusal ? { error: noticeRefusal }
        : latest ? await answerObject(latest, viewer.actor.id!).then((found) => ({ data: expectedObject(world, 'PrivacyPolicyResponse', viewer.actor, found.relation, found.object) }))
          : { data: null as unknown as Record<string, unknown> };
      if (!noticeRefusal && !latest) expect({ viewer: viewer.label, notice: noticeActual }).toEqual({ viewer: viewer.label, notice: { error: 'NULL' } });
      else judge(part, world.schema, 'PrivacyPolicyResponse', `myPrivacyPolicyNotice as ${viewer.label}`, noticeExpected, noticeActual);

      // Every user's answer to A's version (the list has no id: judged per user).
      const listRefusal = accessRefusal('privacyPolicyResponses', viewer.actor) ?? (viewer.actor.tenantId === world.tenants.A.id ? null : 'ABSENT');
      const listed = await fetchAll(viewer, 'privacyPolicyResponses', `{ privacyPolicyResponses(versionId: "${aVersion}") { ${RESPONSE_SELECTION} } }`);
      const aUsers = ((await owner.query(`SELECT id FROM user_account WHERE tenant_id = $1 AND status = 'ACTIVE'`, [world.tenants.A.id])).rows as Array<{ id: string }>).map((r) => r.id);
      for (const userId of aUsers) {
        const item = listed.items.find((x) => x.userId === userId);
        const expected: Answer = listRefusal ? { error: listRefusal } : await answerObject(aVersionRow, userId).then((found) => ({ data: expectedObject(world, 'PrivacyPolicyResponse', viewer.actor, found.relation, found.object) }));
        judge(part, world.schema, 'PrivacyPolicyResponse', `privacyPolicyResponses[${userId}] as ${viewer.label}`, expected, listed.code ? { error: listed.code } : item ? { data: item } : { error: 'ABSENT' });
      }
      expect({ viewer: viewer.label, extra: listed.items.filter((x) => !aUsers.includes(String(x.userId))) }).toEqual({ viewer: viewer.label, extra: [] });
    }
    // Not vacuous: the lists had records of both tenants and the platform.
    expect((await owner.query(`SELECT count(DISTINCT coalesce(tenant_id::text, 'platform'))::int AS n FROM sub_processor_change`)).rows[0].n).toBe(3);
    expect(bVersion).toEqual(expect.any(String));
    expect(part.cases).toBeGreaterThan(1000);
    settle(part);
  }, 600_000);
  // Technical datasheets (#17): every viewer × every product, datasheet, version, schema, published
  // datasheet and acknowledgement, through every operation that returns them
  // ----------------------------------------------------------------------------------------------

  it('datasheets: certified products, datasheets, versions, schemas, acknowledgements and published datasheets, every viewer × every record', async () => {
    const part = newTally();
    // Both tenants certify products from here on (the registration tests above registered with a chamber).
    await world.owner.query(`UPDATE tenant SET kinds = '{CHAMBER_OF_COMMERCE,CERTIFICATION_BODY}' WHERE id = ANY($1)`, [[world.tenants.A.id, world.tenants.B.id]]);
    const one = async <T = Record<string, unknown>>(viewer: Viewer, document: string, variables: Record<string, unknown>, operation: string): Promise<T> => {
      const response = await gql(document, variables, viewer);
      if (response.errors?.length) throw new Error(`${operation} as ${viewer.label}: ${JSON.stringify(response.errors)}`);
      return response.data![operation] as T;
    };
    const sel = (type: string) => selectionOfType(world.schema, type);
    const stored = async (type: string, table: string, key: string, id: string): Promise<{ row: Record<string, unknown>; object: Record<string, unknown> }> => {
      const [row] = (await world.owner.query(`SELECT *, ${table === 'product_family_schema' ? 'json_schema' : table === 'datasheet_version' || table === 'published_datasheet' ? 'characteristics' : 'NULL'}::text AS json_text FROM ${table} WHERE ${key} = $1`, [id])).rows as Array<Record<string, unknown>>;
      const extra: Record<string, unknown> = {};
      if (table === 'product_family_schema') extra.jsonSchema = row!.json_text;
      if (table === 'datasheet_version') {
        extra.characteristics = row!.json_text;
        extra.attachments = (await world.owner.query(`SELECT * FROM datasheet_attachment WHERE version_id = $1 ORDER BY created_at, id`, [id])).rows;
      }
      if (table === 'published_datasheet') Object.assign(extra, { id: row!.datasheet_id, characteristics: row!.json_text });
      return { row: row!, object: storedObject(world.schema, type, row!, extra) };
    };
    /** A mutation's answer: refused by the rule for most viewers, the stored record as this viewer may see it for the one who acts. */
    const judgeWrite = async (operation: string, typeName: string, actor: Viewer, document: string, variables: Record<string, unknown>, load: (data: Record<string, unknown>) => Promise<{ row: Record<string, unknown>; object: Record<string, unknown> }>) => {
      for (const viewer of world.viewers.filter((v) => v !== actor && accessRefusal(operation, v.actor))) {
        judge(part, world.schema, typeName, `${operation} as ${viewer.label}`, { error: accessRefusal(operation, viewer.actor)! }, answerOf(await gql(document, variables, viewer), operation));
      }
      const answer = answerOf(await gql(document, variables, actor), operation);
      if (!('data' in answer)) throw new Error(`${operation} as ${actor.label}: ${answer.error}`);
      const { row, object } = await load(answer.data);
      judge(part, world.schema, typeName, `${operation} as ${actor.label}`, { data: expectedObject(world, typeName, actor.actor, relationOf(row), object) }, answer);
      return answer.data;
    };
    const relationOf = (row: Record<string, unknown>) => ({ tenantId: row.tenant_id, organisationId: row.organisation_id, userId: row.user_id, publishedAt: row.published_at });
    // Another administrator of company A2 (the world's own is not a viewer), to complete A2's datasheet.
    const a2User = await world.factory.user({ tenant: world.tenants.A, organisation: { id: world.orgs.A2.id, tenantId: world.tenants.A.id, name: 'A2' }, roles: [Role.ORG_ADMIN] });
    const a2Admin: Viewer = { label: 'a2Admin (second)', actor: actorOf({ ...a2User, roles: [Role.ORG_ADMIN] }), user: a2User, token: (await world.factory.login(a2User)).accessToken };

    // Notice acknowledged by every person who will complete datasheets (and judged for each viewer who may call it).
    for (const viewer of [...world.viewers, a2Admin]) {
      const response = await gql(`mutation($v: String!) { acknowledgeContactDisclosureNotice(version: $v) { ${sel('ContactDisclosureAcknowledgement')} } }`, { v: CONTACT_DISCLOSURE_NOTICE.version }, viewer);
      // Only a company's people acknowledge (both tenants are certification bodies): the platform and staff are refused.
      const refusal = accessRefusal('acknowledgeContactDisclosureNotice', viewer.actor) ?? (viewer.actor.tenantId && viewer.actor.organisationId ? null : 'FORBIDDEN');
      if (refusal) {
        judge(part, world.schema, 'ContactDisclosureAcknowledgement', `acknowledge as ${viewer.label}`, { error: refusal }, answerOf(response, 'acknowledgeContactDisclosureNotice'));
        continue;
      }
      const { row, object } = await stored('ContactDisclosureAcknowledgement', 'contact_disclosure_acknowledgement', 'user_id', viewer.actor.id!);
      judge(part, world.schema, 'ContactDisclosureAcknowledgement', `acknowledge as ${viewer.label}`, { data: expectedObject(world, 'ContactDisclosureAcknowledgement', viewer.actor, relationOf(row), object) }, answerOf(response, 'acknowledgeContactDisclosureNotice'));
    }

    const schemaDoc = `mutation($input: SetProductFamilySchemaInput!) { setProductFamilySchema(input: $input) { ${sel('ProductFamilySchema')} } }`;
    const schemaInput = { input: { family: 'kerbstones', jsonSchema: JSON.stringify({ type: 'object', required: ['strength'] }) } };
    await judgeWrite('setProductFamilySchema', 'ProductFamilySchema', world.viewer('aTenantAdmin'), schemaDoc, schemaInput, (d) => stored('ProductFamilySchema', 'product_family_schema', 'id', d.id as string));
    await one(world.viewer('bTenantAdmin'), schemaDoc, schemaInput, 'setProductFamilySchema');

    // Products of A1, A2 (tenant A) and B1 (tenant B); one datasheet each, published; a second version of A1's in draft.
    const productDoc = `mutation($input: CreateCertifiedProductInput!) { createCertifiedProduct(input: $input) { ${sel('CertifiedProduct')} } }`;
    const productInput = (org: string, n: number) => ({ input: { organisationId: world.orgs[org as 'A1']!.id, name: `Kerbstone ${org}-${n}`, productFamily: 'kerbstones', certificateReference: `BENOR-${org}-${n}-${randomUUID().slice(0, 4)}`, scheme: 'BENOR', productionUnit: 'Gent' } });
    const productIds: string[] = [];
    for (const [org, staff] of [['A1', 'aClerk'], ['A2', 'aTenantAdmin'], ['B1', 'bTenantAdmin']] as const) {
      const data = await judgeWrite('createCertifiedProduct', 'CertifiedProduct', world.viewer(staff), productDoc, productInput(org, 1), (d) => stored('CertifiedProduct', 'certified_product', 'id', d.id as string));
      productIds.push(data.id as string);
    }
    const spare = await one<{ id: string }>(world.viewer('aClerk'), productDoc, productInput('A1', 2), 'createCertifiedProduct');
    await judgeWrite('changeCertifiedProductStatus', 'CertifiedProduct', world.viewer('aClerk'), `mutation($id: ID!) { changeCertifiedProductStatus(id: $id, status: SUSPENDED) { ${sel('CertifiedProduct')} } }`, { id: spare.id }, (d) => stored('CertifiedProduct', 'certified_product', 'id', d.id as string));

    const versionSel = sel('DatasheetVersion');
    const loadVersion = (d: Record<string, unknown>) => stored('DatasheetVersion', 'datasheet_version', 'id', d.id as string);
    const datasheetIds: string[] = [];
    for (const [i, completer, staff] of [[0, world.viewer('a1Member'), world.viewer('aClerk')], [1, a2Admin, world.viewer('aTenantAdmin')], [2, world.viewer('b1Admin'), world.viewer('bTenantAdmin')]] as const) {
      const created = await judgeWrite('createDatasheet', 'DatasheetVersion', completer, `mutation($input: CreateDatasheetInput!) { createDatasheet(input: $input) { ${versionSel} } }`, { input: { certifiedProductId: productIds[i], characteristics: '{"strength":"C30/37"}', texts: [{ language: 'nl', title: 'Boordsteen', description: 'Beton' }] } }, loadVersion);
      datasheetIds.push(created.datasheetId as string);
      const v = { v: created.id };
      // Two attachments (over HTTP, raw bytes); one removed again, the other published with the version.
      const attachmentIds: string[] = [];
      for (const title of ['Declaration of performance', 'Drawing']) {
        const uploaded = await world.app.http().post(`/datasheet-versions/${created.id}/attachments`).set('authorization', `Bearer ${completer.token}`)
          .set('content-type', 'application/pdf').set('x-file-name', `${title}.pdf`).set('x-attachment-title', title).set('x-attachment-language', 'en').send(SAMPLE_PDF);
        if (uploaded.status !== 201) throw new Error(`attachment as ${completer.label}: ${uploaded.status} ${uploaded.text}`);
        attachmentIds.push((uploaded.body as { attachments: Array<{ id: string }> }).attachments.at(-1)!.id);
      }
      await judgeWrite('removeDatasheetAttachment', 'DatasheetVersion', completer, `mutation($a: ID!) { removeDatasheetAttachment(attachmentId: $a) { ${versionSel} } }`, { a: attachmentIds[1] }, loadVersion);
      await judgeWrite('updateDatasheetDraft', 'DatasheetVersion', completer, `mutation($input: UpdateDatasheetDraftInput!) { updateDatasheetDraft(input: $input) { ${versionSel} } }`, { input: { versionId: created.id, texts: [{ language: 'en', title: 'Kerbstone', description: 'Concrete' }] } }, loadVersion);
      await judgeWrite('submitDatasheetVersion', 'DatasheetVersion', completer, `mutation($v: ID!) { submitDatasheetVersion(versionId: $v) { ${versionSel} } }`, v, loadVersion);
      await judgeWrite('requestDatasheetChanges', 'DatasheetVersion', staff, `mutation($v: ID!) { requestDatasheetChanges(versionId: $v, comment: "Add the French text") { ${versionSel} } }`, v, loadVersion);
      await one(completer, `mutation($v: ID!) { submitDatasheetVersion(versionId: $v) { id } }`, v, 'submitDatasheetVersion');
      await judgeWrite('approveDatasheetVersion', 'DatasheetVersion', staff, `mutation($v: ID!) { approveDatasheetVersion(versionId: $v) { ${versionSel} } }`, v, loadVersion);
      await judgeWrite('publishDatasheetVersion', 'DatasheetVersion', staff, `mutation($v: ID!) { publishDatasheetVersion(versionId: $v) { ${versionSel} } }`, v, loadVersion);
    }
    await judgeWrite('startDatasheetVersion', 'DatasheetVersion', world.viewer('a1Admin'), `mutation($d: ID!) { startDatasheetVersion(datasheetId: $d) { ${versionSel} } }`, { d: datasheetIds[0] }, loadVersion);
    await judgeWrite('nameDatasheetContact', 'Datasheet', world.viewer('a1Admin'), `mutation($d: ID!, $u: ID!) { nameDatasheetContact(datasheetId: $d, userId: $u) { ${sel('Datasheet')} } }`, { d: datasheetIds[0], u: world.users.a1Admin!.id }, (d) => stored('Datasheet', 'datasheet', 'id', d.id as string));
    await judgeWrite('unpublishDatasheet', 'Datasheet', world.viewer('aTenantAdmin'), `mutation($d: ID!) { unpublishDatasheet(datasheetId: $d) { ${sel('Datasheet')} } }`, { d: datasheetIds[1] }, (d) => stored('Datasheet', 'datasheet', 'id', d.id as string));

    // Reads: every viewer × every record of each list, and of each version list.
    const universeOf = async (type: string, table: string, where = 'TRUE'): Promise<UniverseItem[]> => {
      const rows = (await world.owner.query(`SELECT id FROM ${table} WHERE ${where} AND tenant_id = ANY($1)`, [[world.tenants.A.id, world.tenants.B.id]])).rows as Array<{ id: string }>;
      // One after another: the owner's connection is one pg client, which takes one query at a time.
      const universe: UniverseItem[] = [];
      for (const { id } of rows) {
        const { row, object } = await stored(type, table, 'id', id);
        const relation = relationOf(row);
        universe.push({ label: `${type} ${id.slice(0, 8)}`, id, relation, stored: object, inScope: (actor: Actor) => actor.tenantId === row.tenant_id && (holdsRole(actor.roles, ...TENANT_STAFF_ROLES) || actor.organisationId === row.organisation_id) });
      }
      return universe;
    };
    const products = await universeOf('CertifiedProduct', 'certified_product');
    const sheets = await universeOf('Datasheet', 'datasheet');
    const schemas = (await universeOf('ProductFamilySchema', 'product_family_schema')).map((s) => ({ ...s, inScope: (actor: Actor) => actor.tenantId === (s.relation as { tenantId: string }).tenantId }));
    for (const viewer of world.viewers) {
      // Whole lists, page after page (200 at most each).
      const after = (last: Record<string, unknown>) => ({ after: last.id });
      judgeList(part, 'CertifiedProduct', 'certifiedProducts', viewer, await fetchAll(viewer, 'certifiedProducts', `query($after: ID) { certifiedProducts(first: 200, after: $after) { ${sel('CertifiedProduct')} } }`, after), products);
      judgeList(part, 'Datasheet', 'datasheets', viewer, await fetchAll(viewer, 'datasheets', `query($after: ID) { datasheets(first: 200, after: $after) { ${sel('Datasheet')} } }`, after), sheets);
      judgeList(part, 'ProductFamilySchema', 'productFamilySchemas', viewer, await fetchAll(viewer, 'productFamilySchemas', `{ productFamilySchemas { ${sel('ProductFamilySchema')} } }`), schemas);
      for (const id of datasheetIds) {
        const versions = await universeOf('DatasheetVersion', 'datasheet_version', `datasheet_id = '${id}'`);
        judgeList(part, 'DatasheetVersion', 'datasheetVersions', viewer, await fetchAll(viewer, 'datasheetVersions', `{ datasheetVersions(datasheetId: "${id}") { ${versionSel} } }`), versions, `datasheetVersions(${id.slice(0, 8)})`);
      }
      // The same versions asked for all at once (a page of datasheets), each judged as above.
      const allVersions = await universeOf('DatasheetVersion', 'datasheet_version', `datasheet_id IN (${datasheetIds.map((id) => `'${id}'`).join(', ')})`);
      judgeList(part, 'DatasheetVersion', 'datasheetVersionsOf', viewer, await fetchAll(viewer, 'datasheetVersionsOf', `{ datasheetVersionsOf(datasheetIds: [${datasheetIds.map((id) => `"${id}"`).join(', ')}]) { ${versionSel} } }`), allVersions);
    }

    // The public side: every viewer (anonymous first) reads every datasheet by id and code, and searches each tenant.
    const publishedRows = (await world.owner.query(`SELECT datasheet_id FROM published_datasheet WHERE tenant_id = ANY($1)`, [[world.tenants.A.id, world.tenants.B.id]])).rows as Array<{ datasheet_id: string }>;
    const publicUniverse: UniverseItem[] = await Promise.all(publishedRows.map(async ({ datasheet_id }) => {
      const { row, object } = await stored('PublishedDatasheet', 'published_datasheet', 'datasheet_id', datasheet_id);
      return { label: `published ${datasheet_id.slice(0, 8)}`, id: datasheet_id, relation: relationOf(row), stored: object, inScope: () => true };
    }));
    expect(publicUniverse).toHaveLength(2);
    const codes = new Map(((await world.owner.query(`SELECT id, public_code FROM datasheet WHERE id = ANY($1)`, [datasheetIds])).rows as Array<{ id: string; public_code: string }>).map((r) => [r.id, r.public_code]));
    const pubSel = sel('PublishedDatasheet');
    for (const viewer of world.viewers) {
      for (const id of datasheetIds) {
        const item = publicUniverse.find((p) => p.id === id);
        const expected: Answer = item ? { data: expectedObject(world, 'PublishedDatasheet', viewer.actor, item.relation, item.stored) } : { error: 'NOT_FOUND' };
        judge(part, world.schema, 'PublishedDatasheet', `publishedDatasheet(id ${id.slice(0, 8)}) as ${viewer.label}`, expected, answerOf(await gql(`query($id: ID) { publishedDatasheet(id: $id) { ${pubSel} } }`, { id }, viewer), 'publishedDatasheet'));
        judge(part, world.schema, 'PublishedDatasheet', `publishedDatasheet(code of ${id.slice(0, 8)}) as ${viewer.label}`, expected, answerOf(await gql(`query($c: String) { publishedDatasheet(code: $c) { ${pubSel} } }`, { c: codes.get(id) }, viewer), 'publishedDatasheet'));
      }
      for (const tenant of [world.tenants.A, world.tenants.B]) {
        const response = await gql(`query($t: String) { searchPublishedDatasheets(tenant: $t) { items { ${pubSel} } } }`, { t: tenant.slug }, viewer);
        const items = ((response.data?.searchPublishedDatasheets as { items?: Array<Record<string, unknown>> } | undefined)?.items ?? []);
        judgeList(part, 'PublishedDatasheet', 'searchPublishedDatasheets', viewer, { code: response.errors?.length ? String(response.errors[0]?.extensions?.code) : null, items }, publicUniverse.map((p) => ({ ...p, inScope: () => (p.relation as { tenantId: string }).tenantId === tenant.id })), `searchPublishedDatasheets(${tenant === world.tenants.A ? 'A' : 'B'})`);
      }
      // The feed: the tenant's changes, each with the datasheet as published now.
      const feed = await gql(`{ datasheetFeed { events { datasheetId datasheet { ${pubSel} } } } }`, {}, viewer);
      const refusal = accessRefusal('datasheetFeed', viewer.actor);
      const events = ((feed.data?.datasheetFeed as { events?: Array<{ datasheetId: string; datasheet: Record<string, unknown> | null }> } | undefined)?.events ?? []);
      if (refusal) judge(part, world.schema, 'PublishedDatasheet', `datasheetFeed as ${viewer.label}`, { error: refusal }, answerOf(feed, 'datasheetFeed'));
      for (const event of events) {
        const item = publicUniverse.find((p) => p.id === event.datasheetId);
        expect({ viewer: viewer.label, ownTenant: item ? (item.relation as { tenantId: string }).tenantId === viewer.actor.tenantId : true }).toEqual({ viewer: viewer.label, ownTenant: true });
        judge(part, world.schema, 'PublishedDatasheet', `datasheetFeed[${event.datasheetId.slice(0, 8)}] as ${viewer.label}`, item ? { data: expectedObject(world, 'PublishedDatasheet', viewer.actor, item.relation, item.stored) } : { error: 'NULL' }, event.datasheet ? { data: event.datasheet } : { error: 'NULL' });
      }
    }
    settle(part);
  });

  /** Operations this suite reads records through; a new one that returns records fails the next test until it is added. */
  const T1_PATHS = new Set([
    'user', 'me', 'managedUser', 'changeUserRoles', 'managedUsers', 'organisation', 'organisations', 'tenants', 'tenant', 'proposeChamber', 'apiKeys',
    'createApiKey', 'revokeApiKey', 'auditEntries', 'logCheckpoints', 'platformAuditEntries', 'platformLogCheckpoints', 'personalDataAccesses', 'myPersonalDataAccesses', 'inviteUser', 'updateUserProfile',
    'updateOrganisation', 'registerOrganisation', 'createTenant', 'inviteTenantAdministrator', 'resetTenantAdministratorSecondFactor', 'disableUser', 'mySessions', 'sessionsOfUser', 'endMySession',
    'setMySignatureImage', 'invitations', 'revokeInvitation', 'enableUser', 'resetSecondFactor',
    // The same type and gate as user(id) for the tenant admin, once per company left without an
    // administrator: test/identity/company-administrator-appointment compares the two answers.
    'appointCompanyAdministrator',
    // The same type and gate as managedUser(id) for the company's administrator, for the colleagues it
    // may name as a datasheet contact: test/datasheets/contact-disclosure compares the two answers.
    'datasheetContactCandidates',
    'setMySignatureImage',
    // The privacy office.
    'processingActivities', 'addProcessingActivity', 'removeProcessingActivity', 'subProcessors', 'subProcessorChanges', 'announceSubProcessorChange',
    'objectToSubProcessorChange', 'subProcessorObjections', 'lodgedSubProcessorObjections', 'breaches', 'breach', 'registerBreach', 'legalHolds', 'recordBreachAuthorityNotification', 'notifyBreachSubjects',
    'privacyPolicyVersions', 'publishPrivacyPolicy', 'myPrivacyPolicyNotice', 'acceptPrivacyPolicy', 'objectToPrivacyPolicy', 'privacyPolicyResponses',
    // Certificates of origin: read by test/policy/certificates-field-matrix.e2e-spec.ts (same world, same judge).
    'certificateApplications', 'certificateApplication', 'certificatesOfOrigin', 'certificateOfOrigin', 'savedConsignees', 'certificateSettings',
    'certificateBillableLines', 'certificateProcessingStatistics', 'verifyCertificate', 'verifySignedCertificate', 'certificateSigningKeys',
    'createCertificateApplication', 'updateCertificateApplication', 'removeSupportingDocument', 'submitCertificateApplication', 'withdrawCertificateApplication', 'claimCertificateApplication', 'releaseCertificateApplication',
    'requestCertificateApplicationChanges', 'rejectCertificateApplication', 'approveCertificateApplication', 'signCertificate', 'revokeCertificate',
    'replaceCertificate', 'requestCertificateCopy', 'saveConsignee', 'setCertificateSettings', 'rotateCertificateSigningKey',
    'setMySignatureImage', 'requestMyDataSubjectRight', 'dataSubjectRequests', 'myDataSubjectRequests', 'extendDataSubjectRequest',
    'closeDataSubjectRequest',
    // Same type and gate as closeDataSubjectRequest, each with its own state rule; their T3 cases call them.
    'checkDataSubjectIdentity', 'restrictForDataSubjectRequest', 'liftProcessingRestriction', 'upholdDataSubjectObjection',
    // Datasheets (#17)
    'acknowledgeContactDisclosureNotice', 'setProductFamilySchema', 'productFamilySchemas', 'createCertifiedProduct', 'changeCertifiedProductStatus',
    'certifiedProducts', 'createDatasheet', 'updateDatasheetDraft', 'submitDatasheetVersion', 'requestDatasheetChanges', 'approveDatasheetVersion',
    'publishDatasheetVersion', 'startDatasheetVersion', 'nameDatasheetContact', 'unpublishDatasheet', 'datasheets', 'datasheetVersions', 'datasheetVersionsOf', 'removeDatasheetAttachment',
    'publishedDatasheet', 'searchPublishedDatasheets', 'datasheetFeed',
    // Public, no field of it personal data (no contact): test/datasheets/published-history checks that no contact is in any answer.
    'publishedDatasheetHistory',
    // Public, no field of it personal data (no contact): test/datasheets/withdrawn-datasheet and the objection test (contact-disclosure) check that no contact is in them.
    'withdrawnDatasheet', 'withdrawnDatasheets',
    // Public tenant settings, no personal data: test/datasheets/published-family-schema checks that the public reads a family's schema only while a datasheet of it is published.
    'publishedProductFamilySchema', 'publishedProductFamilySchemas',
    // Webhooks: read by test/policy/webhooks-field-matrix.e2e-spec.ts (same world, same judge).
    'registerWebhook', 'webhooks', 'rotateWebhookSecret', 'deleteWebhook', 'webhookDeliveries', 'redeliverWebhook',
    // Project certificates: read by test/policy/projects-field-matrix.e2e-spec.ts (same world, same judge).
    'createProjectCertificate', 'projectCertificates', 'projectCertificate', 'nameProjectContact', 'issueProjectCertificate', 'distributeProjectCertificate', 'withdrawProjectCertificate', 'deleteProjectCertificateDraft',
    'projectPartyCandidate',
    // Privacy operations (support access, offboarding, settings): read by test/policy/privacy-operations-field-matrix.e2e-spec.ts (same world, same judge).
    'privacySettings', 'setRequestDeadlineRule', 'retentionSchedule', 'setRetentionPeriod', 'supportAccounts', 'supportOrganisations', 'supportCertificateApplications',
    'supportCertificateApplication', 'supportDatasheets', 'supportGrants', 'requestSupportAccess', 'approveSupportAccess', 'refuseSupportAccess',
    'endSupportAccess', 'tenantOffboardings', 'tenantDestructionCertificates', 'requestTenantOffboarding', 'confirmTenantOffboarding', 'destroyTenant',
    'withdrawTenantOffboarding', 'declineTenantOffboarding',
  ]);

  it('every query and mutation that returns records is read by this suite', () => {
    const recordTypes = new Set(policedEntities().map((p) => p.name));
    const returnsRecords = (typeName: string, depth: number): boolean => {
      if (recordTypes.has(typeName)) return true;
      const type = world.schema.getType(typeName);
      return depth < 2 && isObjectType(type) && Object.values(type.getFields()).some((f) => returnsRecords(getNamedType(f.type).name, depth + 1));
    };
    const uncovered: string[] = [];
    for (const root of [world.schema.getQueryType()!, world.schema.getMutationType()!]) {
      for (const field of Object.values(root.getFields())) {
        if (returnsRecords(getNamedType(field.type).name, 0) && !T1_PATHS.has(field.name)) uncovered.push(`${root.name}.${field.name}`);
      }
    }
    expect(uncovered).toEqual([]);
  });

  // ----------------------------------------------------------------------------------------------

  it('prints the figure: 0 leaks and 0 false denials', () => {
    const line = `T1 field matrix: ${total.cases} cases, ${total.leaks} leaks, ${total.falseDenials} false denials`;
    reportFigure(line);
    process.stdout.write(`T1 detail: ${total.cases - total.writes} read cases (${total.granted} expecting a stored value, the rest null), ${total.writes} write cases\n`);
    if (total.problems.length) process.stdout.write(`\nT1 problems (${total.problems.length}):\n${total.problems.slice(0, 60).join('\n')}\n`);
    const drift = [...world.policy.drift].sort();
    const unlisted = [...world.policy.unlisted].sort();
    if (drift.length || unlisted.length) {
      process.stdout.write(`\nT1: the declarations differ from the committed ${'docs/visibility-matrix.md'} (run \`npm run policy:matrix\` and review):\n${[...drift, ...unlisted.map((f) => `unlisted ${f}`)].slice(0, 40).join('\n')}\n`);
    }
    expect(total.cases).toBeGreaterThan(4000);
    expect({ leaks: total.leaks, falseDenials: total.falseDenials, wrongValues: total.wrongValues }).toEqual({ leaks: 0, falseDenials: 0, wrongValues: 0 });
    expect({ drift, unlisted }).toEqual({ drift: [], unlisted: [] });
  });
});

function never(): never {
  throw new Error('the parsed query has a field at its root');
}
