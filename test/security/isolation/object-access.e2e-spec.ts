import { randomUUID } from 'node:crypto';
import { Role } from '@chancery/core';
import {
  expectData,
  GraphQLRequestOptions,
  GraphQLResponse,
  IdentityFactory,
  reportFigure,
  TestApp,
  TestOrganisation,
  TestTenant,
  TestUser,
} from '@chancery/testing';

/**
 * VERIFY T3 — object-level access (BOLA). Every query and mutation that takes an id (found by
 * introspecting the schema over HTTP, so an operation added later is covered or fails the suite) is
 * called by every role of tenant A with ids of tenant B, of the other company of tenant A, of records
 * outside the caller's scope in its own tenant, of the platform operator, of deleted records, random
 * and malformed ids. Expected: 0 successes, and a record that exists but is not the caller's answers
 * exactly like one that does not exist (status, data and the whole errors array without
 * locations/path). A positive control per operation shows the same call works on the caller's own
 * records, so the table is not vacuous.
 */

// ---------------------------------------------------------------------------------------------
// Which records an operation takes, and how to call it. One entry per id-taking operation: a new
// operation without an entry fails 'every id-taking operation has a call template'.
// ---------------------------------------------------------------------------------------------

type RecordKind = 'user' | 'apiKey';

interface Caller {
  label: string;
  tenantId: string;
  /** The company the caller acts for; null for tenant staff (and a tenant's feed key). */
  organisationId: string | null;
  roles: Role[];
  userId?: string;
  options: GraphQLRequestOptions;
}

interface CallTemplate {
  takes: RecordKind;
  document: string;
  /** One or more ways of calling with the id (e.g. grant and withdraw for changeUserRoles). */
  variants: Record<string, (id: unknown, caller: Caller) => Record<string, unknown>>;
  /** The response field holding the record, for the positive control. */
  field: string;
}

/** A role the caller's kind may hand out, so changeUserRoles gets past its role check to the lookup. */
function roleGrantableBy(caller: Caller): Role {
  return caller.roles.includes(Role.TENANT_ADMIN) ? Role.CLERK : Role.ORG_MEMBER;
}

const CALL_TEMPLATES: Record<string, CallTemplate> = {
  managedUser: {
    takes: 'user',
    document: 'query($id: ID!) { managedUser(userId: $id) { id email status roles } }',
    variants: { read: (id) => ({ id }) },
    field: 'managedUser',
  },
  disableUser: {
    takes: 'user',
    document: 'mutation($id: ID!) { disableUser(userId: $id) { id status } }',
    variants: { disable: (id) => ({ id }) },
    field: 'disableUser',
  },
  changeUserRoles: {
    takes: 'user',
    document: 'mutation($input: ChangeUserRolesInput!) { changeUserRoles(input: $input) { id roles } }',
    variants: {
      grant: (id, caller) => ({ input: { userId: id, grant: [roleGrantableBy(caller)] } }),
      withdraw: (id, caller) => ({ input: { userId: id, withdraw: [roleGrantableBy(caller)] } }),
      nothing: (id) => ({ input: { userId: id } }),
    },
    field: 'changeUserRoles',
  },
  revokeApiKey: {
    takes: 'apiKey',
    document: 'mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }',
    variants: { revoke: (id) => ({ id }) },
    field: 'revokeApiKey',
  },
};

/** Ids that are not ids: refused by validation, never a 5xx, never a success. */
const MALFORMED_IDS: unknown[] = ['not-a-uuid', "' OR '1'='1", '', '00000000-0000-0000-0000-00000000000g', `{${randomUUID()}}`, 12345, 'x'.repeat(5000)];

// ---------------------------------------------------------------------------------------------
// Introspection: every operation with an argument of type ID, or an input object holding one.
// ---------------------------------------------------------------------------------------------

interface TypeRef {
  kind: string;
  name: string | null;
  ofType?: TypeRef | null;
}
interface IntrospectedField {
  name: string;
  args?: Array<{ name: string; type: TypeRef }>;
  type?: TypeRef;
}

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }';

function namedType(type: TypeRef): TypeRef {
  let current = type;
  while (current.ofType) current = current.ofType;
  return current;
}

async function idTakingOperations(app: TestApp): Promise<Array<{ operation: string; via: string }>> {
  const roots = expectData(
    await app.graphql<{ __schema: { queryType: { name: string }; mutationType: { name: string } | null } }>(
      '{ __schema { queryType { name } mutationType { name } } }',
    ),
  ).__schema;
  const inputTypes = expectData(
    await app.graphql<{ __schema: { types: Array<{ name: string; kind: string; inputFields: IntrospectedField[] | null }> } }>(
      `{ __schema { types { name kind inputFields { name type { ${TYPE_REF} } } } } }`,
    ),
  ).__schema.types.filter((t) => t.kind === 'INPUT_OBJECT');
  const inputs = new Map(inputTypes.map((t) => [t.name, t.inputFields ?? []]));

  // The path to an ID inside an argument, or null. Names that say "id" count too, whatever the scalar.
  const idPath = (name: string, type: TypeRef, seen: Set<string>): string | null => {
    const named = namedType(type);
    if (named.name === 'ID' || /(^id$|Id$|Ids$)/.test(name)) return name;
    if (named.kind === 'INPUT_OBJECT' && named.name && !seen.has(named.name)) {
      for (const field of inputs.get(named.name) ?? []) {
        const inner = idPath(field.name, field.type!, new Set([...seen, named.name]));
        if (inner) return `${name}.${inner}`;
      }
    }
    return null;
  };

  const found: Array<{ operation: string; via: string }> = [];
  for (const root of [roots.queryType.name, roots.mutationType?.name].filter((n): n is string => Boolean(n))) {
    const fields = expectData(
      await app.graphql<{ __type: { fields: IntrospectedField[] } }>(
        `query($name: String!) { __type(name: $name) { fields { name args { name type { ${TYPE_REF} } } } } }`,
        { name: root },
      ),
    ).__type.fields;
    for (const field of fields) {
      for (const arg of field.args ?? []) {
        const via = idPath(arg.name, arg.type, new Set());
        if (via) {
          found.push({ operation: field.name, via });
          break;
        }
      }
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------

interface KnownRecord {
  kind: RecordKind;
  id: string;
  label: string;
  tenantId: string | null;
  organisationId: string | null;
}

type Category = 'other tenant' | 'other tenant (upper-case id)' | 'other company' | 'own tenant, outside scope' | 'platform' | 'deleted' | 'random' | 'malformed';

/** What a caller may not reach: everything but its own company's records (or its tenant's staff records). */
function categoryFor(caller: Caller, record: KnownRecord): Category | 'own' {
  if (record.tenantId === null) return 'platform';
  if (record.tenantId !== caller.tenantId) return 'other tenant';
  if (record.organisationId === caller.organisationId) return 'own';
  if (caller.organisationId && record.organisationId) return 'other company';
  return 'own tenant, outside scope';
}

/** The whole answer, minus where in the document the error points. */
function answerOf(response: GraphQLResponse): unknown {
  return {
    status: response.status,
    data: response.data ?? null,
    errors: (response.errors ?? []).map(({ locations: _l, path: _p, ...rest }: Record<string, unknown>) => rest),
  };
}

function succeeded(response: GraphQLResponse, field: string): boolean {
  const value = (response.data as Record<string, unknown> | null | undefined)?.[field];
  return value !== undefined && value !== null;
}

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

describe('T3 object-level access: ids of other tenants, companies and scopes', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  let tenantA: TestTenant;
  let tenantB: TestTenant;
  const companies: Record<string, TestOrganisation> = {};
  const records: KnownRecord[] = [];
  const callers: Caller[] = [];
  let deletedIds: Record<RecordKind, string[]>;
  /** Own-scope targets for the positive controls. */
  const ownTargets: Record<string, { caller: Caller; user: string; apiKey: string }> = {};

  const addUser = (user: TestUser, label: string) =>
    records.push({ kind: 'user', id: user.id, label, tenantId: user.tenantId, organisationId: user.organisationId });

  async function createApiKey(caller: Caller, label: string): Promise<string> {
    const { createApiKey: created } = expectData(
      await app.graphql<{ createApiKey: { apiKey: { id: string; organisationId: string | null }; secret: string } }>(
        'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id organisationId } secret } }',
        { input: { name: label } },
        caller.options,
      ),
    );
    records.push({ kind: 'apiKey', id: created.apiKey.id, label, tenantId: caller.tenantId, organisationId: created.apiKey.organisationId });
    return created.secret;
  }

  async function userCaller(user: TestUser, label: string): Promise<Caller> {
    const session = await factory.login(user);
    return { label, tenantId: user.tenantId!, organisationId: user.organisationId, roles: user.roles, userId: user.id, options: { token: session.accessToken } };
  }

  beforeAll(async () => {
    app = await TestApp.start({ env: { LOG_LEVEL: 'silent' } });
    factory = new IdentityFactory(app);
    tenantA = await factory.tenant();
    tenantB = await factory.tenant();

    for (const [tenant, prefix] of [[tenantA, 'A'], [tenantB, 'B']] as const) {
      for (const n of [1, 2]) {
        const company = await factory.organisation(tenant, { name: `Company ${prefix}${n}` });
        companies[`${prefix}${n}`] = company;
        for (const role of [Role.ORG_ADMIN, Role.ORG_MEMBER]) {
          const user = await factory.user({ tenant, organisation: company, roles: [role] });
          addUser(user, `${prefix}${n} ${role}`);
          if (prefix === 'A') callers.push(await userCaller(user, `A${n} ${role}`));
          else if (role === Role.ORG_ADMIN) await createApiKey(await userCaller(user, `B${n} ${role}`), `B${n} ERP key`);
        }
      }
      for (const role of [Role.TENANT_ADMIN, Role.CLERK, Role.SIGNER, Role.PRIVACY_OFFICER, Role.AUDITOR]) {
        const user = await factory.user({ tenant, roles: [role] });
        addUser(user, `${prefix} staff ${role}`);
        if (prefix === 'A') callers.push(await userCaller(user, `A staff ${role}`));
        else if (role === Role.TENANT_ADMIN) await createApiKey(await userCaller(user, `B ${role}`), 'B feed key');
      }
    }
    addUser(await factory.user({ roles: [Role.PLATFORM_ADMIN] }), 'platform operator');

    // Tenant A's keys (also callers: an ERP key of company A1 and the tenant's feed key), and the
    // own-scope targets of the positive controls.
    const byLabel = (label: string) => callers.find((c) => c.label === label)!;
    for (const [label, keyLabel] of [['A1 ORG_ADMIN', 'A1 ERP key'], ['A2 ORG_ADMIN', 'A2 ERP key'], ['A staff TENANT_ADMIN', 'A feed key']]) {
      const secret = await createApiKey(byLabel(label), keyLabel);
      const key = records[records.length - 1]!;
      callers.push({ label: `${keyLabel} (x-api-key)`, tenantId: tenantA.id, organisationId: key.organisationId, roles: [], options: { headers: { 'x-api-key': secret } } });
    }
    for (const [label, organisation, role] of [['A1 ORG_ADMIN', companies.A1, Role.ORG_MEMBER], ['A staff TENANT_ADMIN', undefined, Role.CLERK]] as const) {
      const caller = byLabel(label);
      const target = await factory.user({ tenant: tenantA, organisation, roles: [role] });
      addUser(target, `${label}'s target`);
      await createApiKey(caller, `${label}'s own key`);
      ownTargets[label] = { caller, user: target.id, apiKey: records[records.length - 1]!.id };
    }

    // Records that existed once: created in company A1, then deleted (as the owner would).
    const doomedUser = await factory.user({ tenant: tenantA, organisation: companies.A1, roles: [Role.ORG_MEMBER] });
    await createApiKey(byLabel('A1 ORG_ADMIN'), 'doomed key');
    const doomedKey = records.pop()!;
    await app.asOwner(async (db) => {
      await db.query('DELETE FROM user_role WHERE user_id = $1', [doomedUser.id]);
      await db.query('DELETE FROM user_account WHERE id = $1', [doomedUser.id]);
      await db.query('DELETE FROM api_key WHERE id = $1', [doomedKey.id]);
    });
    deletedIds = { user: [doomedUser.id], apiKey: [doomedKey.id] };
  }, 120_000);

  afterAll(() => app?.stop());

  it('every id-taking operation has a call template (a new operation needs a new case)', async () => {
    const operations = await idTakingOperations(app);
    // The known ones are found (the discovery itself is not vacuous)…
    expect(operations.map((o) => o.operation)).toEqual(expect.arrayContaining(['managedUser', 'disableUser', 'changeUserRoles', 'revokeApiKey']));
    // …and every one found is called below.
    const untested = operations.filter((o) => !CALL_TEMPLATES[o.operation]).map((o) => `${o.operation} (${o.via})`);
    expect(untested).toEqual([]);
  });

  it('0 successes with foreign ids, and "exists but not yours" answers exactly like "does not exist"', async () => {
    const operations = (await idTakingOperations(app)).map((o) => o.operation).filter((name) => CALL_TEMPLATES[name]);
    const snapshot = () =>
      app.asOwner(async (db) => ({
        users: (await db.query('SELECT id, status, token_version FROM user_account ORDER BY id')).rows,
        roles: (await db.query('SELECT user_id, role FROM user_role ORDER BY user_id, role')).rows,
        keys: (await db.query('SELECT id, revoked_at FROM api_key ORDER BY id')).rows,
      }));
    const before = await snapshot();

    interface Call { operation: string; variant: string; caller: Caller; category: Category; label: string; id: unknown }
    const calls: Call[] = [];
    const references: Array<{ operation: string; variant: string; caller: Caller; ids: string[] }> = [];
    for (const operation of operations) {
      const template = CALL_TEMPLATES[operation]!;
      for (const variant of Object.keys(template.variants)) {
        for (const caller of callers) {
          const randomIds = [randomUUID(), randomUUID()];
          references.push({ operation, variant, caller, ids: randomIds });
          for (const record of records.filter((r) => r.kind === template.takes)) {
            const category = categoryFor(caller, record);
            if (category === 'own') continue;
            calls.push({ operation, variant, caller, category, label: record.label, id: record.id });
            if (category === 'other tenant') calls.push({ operation, variant, caller, category: 'other tenant (upper-case id)', label: record.label, id: record.id.toUpperCase() });
          }
          for (const id of deletedIds[template.takes]) calls.push({ operation, variant, caller, category: 'deleted', label: 'deleted record', id });
          for (const id of MALFORMED_IDS) calls.push({ operation, variant, caller, category: 'malformed', label: JSON.stringify(id).slice(0, 40), id });
        }
      }
    }

    const call = (operation: string, variant: string, caller: Caller, id: unknown) => {
      const template = CALL_TEMPLATES[operation]!;
      return app.graphql(template.document, template.variants[variant]!(id, caller), caller.options);
    };

    // "Does not exist": two random ids per operation, variant and caller, answering identically.
    const missing = new Map<string, unknown>();
    const key = (operation: string, variant: string, caller: Caller) => `${operation}/${variant}/${caller.label}`;
    const successes: string[] = [];
    const differences: string[] = [];
    const serverErrors: string[] = [];
    await inBatches(references, 8, async ({ operation, variant, caller, ids }) => {
      const [first, second] = await Promise.all(ids.map((id) => call(operation, variant, caller, id)));
      for (const response of [first!, second!]) {
        if (succeeded(response, CALL_TEMPLATES[operation]!.field)) successes.push(`${key(operation, variant, caller)} random id`);
        if (response.status >= 500) serverErrors.push(`${key(operation, variant, caller)} random id → ${response.status}`);
      }
      expect(answerOf(second!)).toEqual(answerOf(first!));
      missing.set(key(operation, variant, caller), answerOf(first!));
      // For a caller allowed to call the operation, "missing" is the lookup's NOT_FOUND (not a role
      // refusal that would make every comparison trivially equal).
      if (caller.roles.some((role) => role === Role.ORG_ADMIN || role === Role.TENANT_ADMIN)) {
        expect({ where: key(operation, variant, caller), code: first!.errors?.[0]?.extensions?.code }).toEqual({ where: key(operation, variant, caller), code: 'NOT_FOUND' });
      }
    });

    const perCategory = new Map<Category, number>([['random', references.length * 2]]);
    await inBatches(calls, 16, async ({ operation, variant, caller, category, label, id }) => {
      const response = await call(operation, variant, caller, id);
      perCategory.set(category, (perCategory.get(category) ?? 0) + 1);
      const where = `${operation}/${variant} as ${caller.label} with ${category} id of ${label}`;
      if (succeeded(response, CALL_TEMPLATES[operation]!.field)) successes.push(`${where}: ${response.text.slice(0, 300)}`);
      if (response.status >= 500) serverErrors.push(`${where} → HTTP ${response.status}`);
      if (category === 'malformed') {
        if (!response.errors?.length) differences.push(`${where}: no error`);
        return;
      }
      const expected = missing.get(key(operation, variant, caller));
      if (JSON.stringify(answerOf(response)) !== JSON.stringify(expected)) {
        differences.push(`${where}: ${JSON.stringify(answerOf(response))} ≠ missing id's ${JSON.stringify(expected)}`);
      }
    });

    const after = await snapshot();
    const total = [...perCategory.values()].reduce((a, b) => a + b, 0);
    process.stdout.write(`\nT3 calls by kind of id: ${[...perCategory.entries()].map(([c, n]) => `${c} ${n}`).join(', ')}; ${operations.length} operations, ${callers.length} callers\n`);
    reportFigure(`T3 object access: ${total} foreign-id calls, ${successes.length} successes`);

    expect(successes).toEqual([]);
    expect(serverErrors).toEqual([]);
    expect(differences).toEqual([]);
    // Nothing any of those calls did stuck: no user disabled, no role granted or withdrawn, no key revoked.
    expect(after).toEqual(before);
    // The table is not vacuous: every kind of foreign id was tried.
    for (const category of ['other tenant', 'other company', 'own tenant, outside scope', 'platform', 'deleted', 'malformed'] as Category[]) {
      expect(perCategory.get(category) ?? 0).toBeGreaterThan(0);
    }
  }, 300_000);

  it('positive control: each operation works on the caller\'s own records, and that answer differs from a missing id\'s', async () => {
    const operations = (await idTakingOperations(app)).map((o) => o.operation).filter((name) => CALL_TEMPLATES[name]);
    // Reads first, then changes (a disabled target is still manageable; the order keeps it simple).
    const order = ['managedUser', 'changeUserRoles', 'revokeApiKey', 'disableUser'];
    operations.sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
    const controlled: string[] = [];
    for (const { caller, user, apiKey } of Object.values(ownTargets)) {
      for (const operation of operations) {
        const template = CALL_TEMPLATES[operation]!;
        const id = template.takes === 'user' ? user : apiKey;
        const variant = Object.keys(template.variants)[0]!;
        const missing = await app.graphql(template.document, template.variants[variant]!(randomUUID(), caller), caller.options);
        const own = await app.graphql<Record<string, { id: string }>>(template.document, template.variants[variant]!(id, caller), caller.options);
        expect({ operation, caller: caller.label, errors: own.errors ?? [] }).toEqual({ operation, caller: caller.label, errors: [] });
        expect(own.data?.[template.field]?.id).toBe(id);
        expect(answerOf(own)).not.toEqual(answerOf(missing));
        controlled.push(operation);
      }
    }
    expect(new Set(controlled)).toEqual(new Set(operations));
    // And the changes happened (the calls are not no-ops that merely answer).
    const state = await app.asOwner(async (db) => ({
      users: (await db.query(`SELECT id, status FROM user_account WHERE id = ANY($1) ORDER BY id`, [Object.values(ownTargets).map((t) => t.user)])).rows,
      keysRevoked: Number((await db.query(`SELECT count(*) FROM api_key WHERE id = ANY($1) AND revoked_at IS NOT NULL`, [Object.values(ownTargets).map((t) => t.apiKey)])).rows[0].count),
    }));
    expect(state.users.map((u: { status: string }) => u.status)).toEqual(['DISABLED', 'DISABLED']);
    expect(state.keysRevoked).toBe(2);
  }, 120_000);
});
