// Decorator metadata is recorded only if reflect-metadata is loaded before the first decorated class.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Client } from 'pg';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getNamedType,
  GraphQLField,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLOutputType,
  GraphQLSchema,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { ACCESS_RULE, AccessRule, holdsRole, permissionsOf, Role } from '@chancery/access';
import { Actor, ANONYMOUS_ACTOR } from '@chancery/core';
import { ModulesContainer } from '@nestjs/core';
import { canRead, canWrite, EntityClass, Grant, grantApplies, policyNamed, Relation, relationsOf } from '@chancery/policy';
import { IdentityFactory, TestOrganisation, TestTenant, TestUser } from '../identity-factory';
import { expectData, GraphQLResponse, TestApp, TestAppOptions } from '../test-app';

export const VISIBILITY_MATRIX_FILE = 'docs/visibility-matrix.md';

/**
 * The app as the policy suites start it: the real app, quiet. They send thousands of requests from
 * one address within a minute, which TestApp allows by raising the per-address rate limits.
 */
export const POLICY_TEST_APP_OPTIONS: TestAppOptions = { env: { LOG_LEVEL: 'silent' } };

// ------------------------------------------------------------------------------------------------
// The committed policy: docs/visibility-matrix.md, as people reviewed it
// ------------------------------------------------------------------------------------------------

interface CommittedField {
  read: Grant[];
  write: Grant[];
}

function parseGrants(cell: string): Grant[] {
  const text = cell.trim();
  if (text === '' || text === '—' || text === 'internal') return [];
  return text.split(';').map((part) => {
    const g = part.trim();
    if (g === 'self' || g === 'anyone') return { relation: g };
    const [who, relation] = g.split('@') as [string, Relation];
    if (!relation) throw new Error(`cannot read the grant "${g}" of ${VISIBILITY_MATRIX_FILE}`);
    if (who === 'anyone') return { relation };
    if (who === 'nobody') return { relation, roles: [] };
    return { relation, roles: who.split(',') as Role[] };
  });
}

/** The record-level line of an entity in the committed matrix, keyed like a field. */
export const RECORD_VISIBILITY = '(record)';

/**
 * Entity → field → read and write grants, parsed from the committed matrix (its first table per
 * entity); the entity's `Records visible to` line under the key RECORD_VISIBILITY.
 */
export function loadCommittedMatrix(): Map<string, Map<string, CommittedField>> {
  const text = readFileSync(join(__dirname, '..', '..', '..', '..', VISIBILITY_MATRIX_FILE), 'utf8');
  const matrix = new Map<string, Map<string, CommittedField>>();
  let entity: Map<string, CommittedField> | undefined;
  let inGrantTable = false;
  for (const line of text.split('\n')) {
    const heading = /^## (\w+)/.exec(line);
    if (heading) {
      entity = new Map();
      matrix.set(heading[1]!, entity);
      inGrantTable = false;
      continue;
    }
    if (!entity) continue;
    const records = /^Records visible to: (.*)$/.exec(line);
    if (records) {
      entity.set(RECORD_VISIBILITY, { read: records[1]!.startsWith('nobody') ? [] : parseGrants(records[1]!), write: [] });
      continue;
    }
    if (line.startsWith('| field | read | write |')) {
      inGrantTable = true;
      continue;
    }
    if (!line.startsWith('|')) {
      if (inGrantTable && entity.size) inGrantTable = false;
      continue;
    }
    if (!inGrantTable || line.startsWith('| ---')) continue;
    const cells = line.split('|').slice(1, -1);
    entity.set(cells[0]!.trim(), { read: parseGrants(cells[1]!), write: parseGrants(cells[2]!) });
  }
  return matrix;
}

/**
 * Who may read and write what, as committed in docs/visibility-matrix.md (generated from the
 * declarations and reviewed in every change that touches it), evaluated with the engine's own
 * `relationsOf` and `grantApplies`. T1 expects this: a declaration widened or narrowed in the code
 * without the reviewed matrix following shows up as leaks or false denials, not as a silently moved
 * expectation. Every decision is also taken from the declarations (`canRead`/`canWrite`); where they
 * differ from the committed matrix the difference is recorded as drift, and fields the schema serves
 * that the matrix does not list are recorded as unlisted (their expectation falls back to the declarations).
 */
export class CommittedPolicy {
  readonly drift = new Set<string>();
  readonly unlisted = new Set<string>();
  private readonly matrix = loadCommittedMatrix();

  canRead(actor: Actor, typeName: string, field: string, relation: object): boolean {
    return this.decide('read', actor, typeName, field, relation);
  }

  /** Whether the record is visible to the actor at all, by the committed `Records visible to` line. */
  canSee(actor: Actor, typeName: string, relation: object): boolean {
    const relations = relationsOf(actor, policyClassOf(typeName), relation as never);
    return (this.matrix.get(typeName)?.get(RECORD_VISIBILITY)?.read ?? []).some((g) => grantApplies(g, actor.roles, relations));
  }

  canWrite(actor: Actor, typeName: string, field: string, relation: object): boolean {
    return this.decide('write', actor, typeName, field, relation);
  }

  private decide(kind: 'read' | 'write', actor: Actor, typeName: string, field: string, relation: object): boolean {
    const cls = policyClassOf(typeName);
    const declared = kind === 'read' ? canRead(actor, cls, field, relation as never) : canWrite(actor, cls, field, relation as never);
    const committed = this.matrix.get(typeName)?.get(field);
    if (!committed) {
      this.unlisted.add(`${typeName}.${field}`);
      return declared;
    }
    const relations = relationsOf(actor, cls, relation as never);
    const visible = (this.matrix.get(typeName)?.get(RECORD_VISIBILITY)?.read ?? []).some((g) => grantApplies(g, actor.roles, relations));
    const decision = visible && committed[kind].some((g) => grantApplies(g, actor.roles, relations));
    if (decision !== declared) {
      this.drift.add(`${kind} ${typeName}.${field} by ${actor.roles.join(',') || 'anonymous'} with ${[...relations].join('+')}: committed matrix ${decision ? 'grants' : 'denies'}, declarations ${declared ? 'grant' : 'deny'}`);
    }
    return decision;
  }
}

/*
 * The world the policy suites (T1, T2, T4) run against, and the helpers that turn the field
 * declarations and the served schema into expectations. Nothing here knows a field by name except
 * where noted (stored values that are not a column of the same name): the selection sets come from
 * the schema the API serves, the expectations from `canRead`/`canWrite` on the declarations.
 */

// ------------------------------------------------------------------------------------------------
// Schema
// ------------------------------------------------------------------------------------------------

export function servedSchema(app: TestApp): GraphQLSchema {
  return app.get(GraphQLSchemaHost).schema;
}

/** Every field of the type, nested object fields with all their fields (depth-limited). */
export function selectionOf(schema: GraphQLSchema, typeName: string, depth = 0): string {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`${typeName} is not an object type of the schema`);
  return Object.values(type.getFields())
    .map((field) => {
      const named = getNamedType(field.type);
      if (isObjectType(named)) {
        if (depth >= 3) throw new Error(`${typeName}.${field.name}: nesting too deep for the generated selection`);
        return `${field.name} { ${selectionOf(schema, named.name, depth + 1)} }`;
      }
      return field.name;
    })
    .join(' ');
}

export function objectType(schema: GraphQLSchema, typeName: string): GraphQLObjectType {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`${typeName} is not an object type of the schema`);
  return type;
}

/** The policy class of a GraphQL record type (the @PolicyEntity name is the GraphQL type name). */
export function policyClassOf(typeName: string): EntityClass {
  const entity = policyNamed(typeName);
  if (!entity) throw new Error(`${typeName} is not a declared policy entity`);
  return entity.cls;
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * The value a stored column (or jsonb member) has in GraphQL form for a field of the given type.
 * `undefined` in, error out: a schema field with no stored counterpart needs a mapping here.
 */
export function toGraphQLValue(schema: GraphQLSchema, type: GraphQLOutputType | GraphQLInputType, value: unknown, where: string): unknown {
  if (value === undefined) throw new Error(`no stored value known for ${where}: add a mapping in test/policy/policy-world.ts`);
  if (value === null) return null;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return (value as unknown[]).map((v, i) => toGraphQLValue(schema, inner.ofType as GraphQLOutputType, v, `${where}[${i}]`));
  const named = inner as GraphQLNamedType;
  if (isScalarType(named)) {
    switch (named.name) {
      case 'DateTime':
        return new Date(value as string | Date).toISOString();
      case 'Int':
      case 'Float':
        return Number(value);
      case 'Boolean':
        return Boolean(value);
      default:
        return String(value);
    }
  }
  if (isEnumType(named)) return String(value);
  if (isObjectType(named)) {
    const source = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.values(named.getFields()).map((f) => [f.name, toGraphQLValue(schema, f.type, source[f.name] !== undefined ? source[f.name] : source[snake(f.name)], `${where}.${f.name}`)]),
    );
  }
  throw new Error(`${where}: unsupported type ${String(named)}`);
}

/**
 * The whole stored record in GraphQL form: for each field of the type, the column of the same name
 * (snake_case) of the owner's row. Values that are not a column of that name are passed in `extra`.
 */
export function storedObject(schema: GraphQLSchema, typeName: string, row: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const type = objectType(schema, typeName);
  return Object.fromEntries(
    Object.values(type.getFields()).map((f: GraphQLField<unknown, unknown>) => {
      const raw = f.name in extra ? extra[f.name] : row[snake(f.name)];
      return [f.name, toGraphQLValue(schema, f.type, raw, `${typeName}.${f.name}`)];
    }),
  );
}

// ------------------------------------------------------------------------------------------------
// Access rules of operations, read from the resolvers' metadata
// ------------------------------------------------------------------------------------------------

let accessRules: Map<string, AccessRule> | undefined;

/**
 * The access rule an operation declares, read from the metadata of the resolvers the running app
 * has (every module's providers), so a resolver added elsewhere is found without a change here.
 */
export function accessRuleOf(operation: string): AccessRule {
  if (!accessRules) throw new Error('indexAccessRules(app) first');
  const rule = accessRules.get(operation);
  if (!rule) throw new Error(`no access rule found for operation ${operation}`);
  return rule;
}

export function indexAccessRules(app: TestApp): void {
  accessRules = new Map();
  // The application's module container (NestApplication keeps it; there is no public accessor).
  const container = (app.app as unknown as { container: { getModules(): ModulesContainer } }).container;
  for (const module of container.getModules().values()) {
    for (const wrapper of module.providers.values()) {
      const prototype = (wrapper.metatype as { prototype?: object } | null)?.prototype;
      if (!prototype || typeof wrapper.metatype !== 'function') continue;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        // Descriptors, not property reads: a getter on a prototype would run without its instance.
        const method: unknown = Object.getOwnPropertyDescriptor(prototype, name)?.value;
        if (name === 'constructor' || typeof method !== 'function') continue;
        const rule = Reflect.getMetadata(ACCESS_RULE, method) as AccessRule | undefined;
        if (!rule) continue;
        const known = accessRules.get(name);
        if (known && !isDeepStrictEqual(known, rule)) throw new Error(`two operations named ${name} with different access rules`);
        accessRules.set(name, rule);
      }
    }
  }
}

/**
 * The error code the access rule answers for this actor, or null when it lets the actor through.
 * Step-ups are not judged here: every viewer of the world logged in moments ago (a fresh login counts).
 */
export function accessRefusal(operation: string, actor: Actor): string | null {
  const rule = accessRuleOf(operation) as AccessRule | { kind: string };
  if (rule.kind === 'public') return null;
  if (actor.kind === 'anonymous') return 'UNAUTHENTICATED';
  // `person`: a logged-in person (every viewer here is one, API keys are judged apart).
  if (rule.kind === 'person') return actor.kind === 'user' ? null : 'FORBIDDEN';
  if (rule.kind === 'permission' && 'permission' in rule) return permissionsOf(actor).has(rule.permission) ? null : 'FORBIDDEN';
  throw new Error(`${operation}: access rule of an unknown kind ${JSON.stringify(rule)}: teach accessRefusal() in libs/testing/src/policy/policy-world.ts`);
}

// ------------------------------------------------------------------------------------------------
// The world
// ------------------------------------------------------------------------------------------------

export interface Viewer {
  label: string;
  actor: Actor;
  user?: TestUser;
  token?: string;
}

export interface UserRecord {
  key: string;
  id: string;
  tenantId: string | null;
  organisationId: string | null;
  roles: Role[];
  user: TestUser;
}

export interface OrgRecord {
  key: string;
  id: string;
  tenantId: string;
}

export interface ApiKeyRecord {
  key: string;
  id: string;
  tenantId: string;
  organisationId: string | null;
}

interface UserSpec {
  key: string;
  tenant?: 'A' | 'B';
  org?: 'A1' | 'A2' | 'B1';
  roles: Role[];
  viewer: boolean;
  totp?: boolean;
}

export const USER_SPECS: readonly UserSpec[] = [
  { key: 'a1Admin', tenant: 'A', org: 'A1', roles: [Role.ORG_ADMIN], viewer: true },
  { key: 'a1Member', tenant: 'A', org: 'A1', roles: [Role.ORG_MEMBER], viewer: true },
  { key: 'aTenantAdmin', tenant: 'A', roles: [Role.TENANT_ADMIN], viewer: true, totp: true },
  { key: 'aClerk', tenant: 'A', roles: [Role.CLERK], viewer: true },
  { key: 'aSigner', tenant: 'A', roles: [Role.SIGNER], viewer: true, totp: true },
  { key: 'aPrivacyOfficer', tenant: 'A', roles: [Role.PRIVACY_OFFICER], viewer: true },
  { key: 'aAuditor', tenant: 'A', roles: [Role.AUDITOR], viewer: true },
  { key: 'b1Admin', tenant: 'B', org: 'B1', roles: [Role.ORG_ADMIN], viewer: true },
  { key: 'bTenantAdmin', tenant: 'B', roles: [Role.TENANT_ADMIN], viewer: true, totp: true },
  { key: 'platformAdmin', roles: [Role.PLATFORM_ADMIN], viewer: true },
  // Records only: a colleague, the other company of the tenant, more staff, the other tenant.
  { key: 'a1Colleague', tenant: 'A', org: 'A1', roles: [Role.ORG_MEMBER], viewer: false },
  { key: 'a2Admin', tenant: 'A', org: 'A2', roles: [Role.ORG_ADMIN], viewer: false },
  { key: 'a2Member', tenant: 'A', org: 'A2', roles: [Role.ORG_MEMBER], viewer: false },
  { key: 'aClerk2', tenant: 'A', roles: [Role.CLERK], viewer: false },
  { key: 'b1Member', tenant: 'B', org: 'B1', roles: [Role.ORG_MEMBER], viewer: false },
  { key: 'bClerk', tenant: 'B', roles: [Role.CLERK], viewer: false },
];

export const LANGUAGES = ['nl', 'fr', 'de', 'en'];

export interface World {
  app: TestApp;
  factory: IdentityFactory;
  schema: GraphQLSchema;
  owner: Client;
  tenants: Record<'A' | 'B', TestTenant>;
  orgs: Record<'A1' | 'A2' | 'B1', OrgRecord>;
  users: Record<string, UserRecord>;
  viewers: Viewer[];
  viewer(label: string): Viewer;
  /** The committed matrix, evaluated (see CommittedPolicy). */
  policy: CommittedPolicy;
  apiKeys: ApiKeyRecord[];
  /** Responses of mutations that returned records while the world was built, judged by T1. */
  builtResponses: Array<{ label: string; viewer: Viewer; typeName: string; record: Record<string, unknown>; relation: object; stored: Record<string, unknown> }>;
  close(): Promise<void>;
}

export function actorOf(user: { id: string; tenantId: string | null; organisationId: string | null; roles: Role[] }): Actor {
  return {
    kind: 'user',
    id: user.id,
    ...(user.tenantId ? { tenantId: user.tenantId } : {}),
    ...(user.organisationId ? { organisationId: user.organisationId } : {}),
    roles: [...user.roles],
  };
}

const CREATE_API_KEY = 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { %s } } }';
const REVOKE_API_KEY = 'mutation($id: ID!) { revokeApiKey(id: $id) { %s } }';

/**
 * Tenants A and B; companies A1, A2 (tenant A) and B1 (tenant B); the viewers of the brief and more
 * users as records; API keys of each kind. Every nullable stored field is filled (after the logins,
 * because a second factor marked enrolled would change how they log in), so a readable field that
 * comes back null is visible as a false denial.
 */
export async function buildWorld(app: TestApp, options: { apiKeys?: boolean } = {}): Promise<World> {
  const factory = new IdentityFactory(app);
  const schema = servedSchema(app);
  indexAccessRules(app);
  const owner = new Client({ connectionString: app.database.ownerUrl });
  // The app's teardown drops the database (and this connection with it) before or after world.close().
  owner.on('error', () => undefined);
  await owner.connect();

  const tenants = {
    A: await factory.tenant({ servedPostalCodes: [{ from: '2000', to: '2999' }] }),
    B: await factory.tenant({ servedPostalCodes: [{ from: '9000', to: '9499' }, { from: '9500', to: '9999' }] }),
  };
  const testOrgs: Record<'A1' | 'A2' | 'B1', TestOrganisation> = {
    A1: await factory.organisation(tenants.A),
    A2: await factory.organisation(tenants.A),
    B1: await factory.organisation(tenants.B),
  };
  const orgs = Object.fromEntries(
    Object.entries(testOrgs).map(([key, o]) => [key, { key, id: o.id, tenantId: o.tenantId }]),
  ) as Record<'A1' | 'A2' | 'B1', OrgRecord>;

  const users: Record<string, UserRecord> = {};
  for (const spec of USER_SPECS) {
    const user = await factory.user({
      tenant: spec.tenant ? tenants[spec.tenant] : undefined,
      organisation: spec.org ? testOrgs[spec.org] : undefined,
      roles: spec.roles,
      withTotp: spec.totp,
    });
    users[spec.key] = { key: spec.key, id: user.id, tenantId: user.tenantId, organisationId: user.organisationId, roles: spec.roles, user };
  }

  const viewers: Viewer[] = [{ label: 'anonymous', actor: ANONYMOUS_ACTOR }];
  for (const spec of USER_SPECS.filter((s) => s.viewer)) {
    const record = users[spec.key]!;
    const session = await factory.login(record.user);
    // The session the token belongs to, so an answer about "this session" can be judged.
    const { sid } = JSON.parse(Buffer.from(session.accessToken.split('.')[1]!, 'base64url').toString()) as { sid: string };
    viewers.push({ label: spec.key, actor: { ...actorOf(record), sessionId: sid }, user: record.user, token: session.accessToken });
  }

  // Fill every field with a distinct, valid value.
  let i = 0;
  for (const spec of USER_SPECS) {
    i += 1;
    const record = users[spec.key]!;
    await owner.query(
      `UPDATE user_account SET first_name = $2, last_name = $3, phone = $4, job_title = $5, preferred_language = $6,
              signature_image = $7, last_login_at = coalesce(last_login_at, $8), totp_enrolled_at = coalesce(totp_enrolled_at, $8)
        WHERE id = $1`,
      [record.id, `First ${spec.key}`, `Last ${String(100 + i)} ${spec.key}`, `+32470${String(100000 + i)}`, `Job of ${spec.key}`, LANGUAGES[i % 4], `data:image/png;base64,c2lnbmF0dXJl${i}`, new Date(Date.UTC(2025, 0, i))],
    );
  }
  await owner.query(`UPDATE tenant SET website = 'https://' || slug || '.test'`);
  await owner.query(`UPDATE organisation SET is_member = true WHERE id = $1`, [orgs.A1.id]);

  const world: World = {
    app,
    factory,
    schema,
    owner,
    tenants,
    orgs,
    users,
    viewers,
    viewer: (label) => {
      const v = viewers.find((x) => x.label === label);
      if (!v) throw new Error(`no viewer ${label}`);
      return v;
    },
    policy: new CommittedPolicy(),
    apiKeys: [],
    builtResponses: [],
    close: () => owner.end().catch(() => undefined),
  };

  if (options.apiKeys !== false) await buildApiKeys(world);
  return world;
}

async function buildApiKeys(world: World): Promise<void> {
  const { schema, owner } = world;
  const selection = selectionOf(schema, 'ApiKey');
  // A tenant's own key reads its datasheet feed, so it is made only in a certification body's space:
  // the world's chambers are one too while their keys are made, and chambers only again afterwards
  // (a certification body's registrations and roles ask for the contact-disclosure notice).
  const tenantIds = [world.tenants.A.id, world.tenants.B.id];
  await owner.query(`UPDATE tenant SET kinds = '{CHAMBER_OF_COMMERCE,CERTIFICATION_BODY}' WHERE id = ANY($1)`, [tenantIds]);
  try {
    await buildEachViewersKeys(world, selection);
  } finally {
    await owner.query(`UPDATE tenant SET kinds = '{CHAMBER_OF_COMMERCE}' WHERE id = ANY($1)`, [tenantIds]);
  }
  // A key of company A2, whose administrator is not a viewer.
  const a2Admin = world.users.a2Admin!;
  const a2Key = await world.factory.apiKey({ tenant: world.tenants.A, organisation: { id: world.orgs.A2.id, tenantId: world.orgs.A2.tenantId, name: 'A2' }, createdBy: a2Admin.user, name: 'a2 key' });
  world.apiKeys.push({ key: 'a2 key', id: a2Key.id, tenantId: world.orgs.A2.tenantId, organisationId: world.orgs.A2.id });
  await owner.query(`UPDATE api_key SET last_used_at = created_at + interval '1 hour'`);
}

/** Each key-holding viewer's keys, made and (the second of two) revoked through the API, with what it answered. */
async function buildEachViewersKeys(world: World, selection: string): Promise<void> {
  const { app, schema, owner } = world;
  for (const [label, count] of [['a1Admin', 2], ['aTenantAdmin', 2], ['b1Admin', 1], ['bTenantAdmin', 1]] as const) {
    const viewer = world.viewer(label);
    for (let n = 0; n < count; n++) {
      const response = await app.graphql<{ createApiKey: { secret: string; apiKey: Record<string, unknown> } }>(
        CREATE_API_KEY.replace('%s', selection), { input: { name: `${label} key ${n}` } }, { token: viewer.token },
      );
      const created = expectData(response).createApiKey.apiKey;
      const rows = (await owner.query(`SELECT * FROM api_key WHERE name = $1`, [`${label} key ${n}`])).rows as Array<Record<string, unknown>>;
      const row = rows[0]!;
      const record: ApiKeyRecord = { key: `${label} key ${n}`, id: String(row.id), tenantId: String(row.tenant_id), organisationId: (row.organisation_id as string | null) ?? null };
      world.apiKeys.push(record);
      world.builtResponses.push({ label: `createApiKey by ${label}`, viewer, typeName: 'ApiKey', record: created, relation: record, stored: storedObject(schema, 'ApiKey', row) });
      if (n === 1) {
        const revoked = expectData(await app.graphql<{ revokeApiKey: Record<string, unknown> }>(REVOKE_API_KEY.replace('%s', selection), { id: record.id }, { token: viewer.token })).revokeApiKey;
        const [after] = (await owner.query(`SELECT * FROM api_key WHERE id = $1`, [record.id])).rows as Array<Record<string, unknown>>;
        world.builtResponses.push({ label: `revokeApiKey by ${label}`, viewer, typeName: 'ApiKey', record: revoked, relation: record, stored: storedObject(schema, 'ApiKey', after!) });
      }
    }
  }
}

// ------------------------------------------------------------------------------------------------
// Stored records, as the owner reads them
// ------------------------------------------------------------------------------------------------

export async function storedUser(world: World, id: string): Promise<Record<string, unknown>> {
  const [row] = (await world.owner.query(
    `SELECT u.*, ARRAY(SELECT r.role FROM user_role r WHERE r.user_id = u.id ORDER BY r.role) AS roles FROM user_account u WHERE u.id = $1`,
    [id],
  )).rows as Array<Record<string, unknown>>;
  if (!row) throw new Error(`user ${id} not stored`);
  return storedObject(world.schema, 'User', row, { roles: row.roles });
}

export async function storedOrganisation(world: World, id: string): Promise<Record<string, unknown>> {
  const [row] = (await world.owner.query(`SELECT * FROM organisation WHERE id = $1`, [id])).rows as Array<Record<string, unknown>>;
  if (!row) throw new Error(`organisation ${id} not stored`);
  return storedObject(world.schema, 'Organisation', row);
}

/** The row as text, roles included: to show that a refused write changed nothing. */
export async function rowSnapshot(world: World, table: 'user_account' | 'organisation', id: string): Promise<string> {
  const [row] = (await world.owner.query(
    table === 'user_account'
      ? `SELECT row_to_json(u)::text || ARRAY(SELECT r.role FROM user_role r WHERE r.user_id = u.id ORDER BY r.role)::text AS s FROM user_account u WHERE u.id = $1`
      : `SELECT row_to_json(o)::text AS s FROM organisation o WHERE o.id = $1`,
    [id],
  )).rows as Array<{ s: string }>;
  return row?.s ?? '(missing)';
}

/** A digest of every table a mutation of the identity context can write. */
export async function identityDigest(world: World): Promise<string> {
  const tables = ['tenant', 'organisation', 'user_account', 'user_role', 'invitation', 'api_key', 'one_time_token', 'auth_session', 'refresh_token'];
  const parts: string[] = [];
  for (const table of tables) {
    const [row] = (await world.owner.query(`SELECT count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS d FROM ${table} t`)).rows as Array<{ d: string }>;
    parts.push(`${table}=${row!.d}`);
  }
  return parts.join(' ');
}

// ------------------------------------------------------------------------------------------------
// Judging answers against the declarations
// ------------------------------------------------------------------------------------------------

export type Answer = { data: Record<string, unknown> } | { error: string };

export function answerOf(response: GraphQLResponse<Record<string, unknown>>, field: string): Answer {
  if (response.errors?.length) return { error: String(response.errors[0]?.extensions?.code ?? `HTTP ${response.status}`) };
  const value = response.data?.[field];
  if (value === null || value === undefined) return { error: 'NULL' };
  return { data: value as Record<string, unknown> };
}

export interface Tally {
  cases: number;
  /** Cases whose expectation is a stored value (the rest expect null). */
  granted: number;
  /** Write cases (viewer × record × input field). */
  writes: number;
  leaks: number;
  falseDenials: number;
  wrongValues: number;
  /** One line per leak, false denial or wrong value, for the report. */
  problems: string[];
  /** Whole objects that differ from the expectation (compared with toEqual by the caller). */
  mismatches: Array<{ label: string; expected: Answer; actual: Answer }>;
}

export function newTally(): Tally {
  return { cases: 0, granted: 0, writes: 0, leaks: 0, falseDenials: 0, wrongValues: 0, problems: [], mismatches: [] };
}

/** The record as the policy says this viewer sees it: readable fields stored, the rest null. */
export function expectedObject(world: World, typeName: string, actor: Actor, relation: object, stored: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.values(objectType(world.schema, typeName).getFields()).map((f) => [f.name, world.policy.canRead(actor, typeName, f.name, relation) ? stored[f.name] : null]),
  );
}

const present = (v: unknown) => v !== null && v !== undefined;

/**
 * Counts one case per field of the type. Leak: a value where the expectation is no value (concealed,
 * or the whole answer is an error). False denial: null (or an error) where the declarations give a
 * stored value. Wrong value: both present but different.
 */
export function judge(tally: Tally, schema: GraphQLSchema, typeName: string, label: string, expected: Answer, actual: Answer): void {
  const fields = Object.keys(objectType(schema, typeName).getFields());
  const exp = 'data' in expected ? expected.data : undefined;
  const act = 'data' in actual ? actual.data : undefined;
  for (const field of fields) {
    tally.cases += 1;
    const e = exp?.[field];
    const a = act?.[field];
    if (present(e)) tally.granted += 1;
    if (!present(e) && present(a)) {
      tally.leaks += 1;
      tally.problems.push(`LEAK ${label} ${typeName}.${field}: got ${JSON.stringify(a)}, expected ${exp ? 'null' : JSON.stringify(expected)}`);
    } else if (present(e) && !present(a)) {
      tally.falseDenials += 1;
      tally.problems.push(`FALSE DENIAL ${label} ${typeName}.${field}: got ${act ? 'null' : JSON.stringify(actual)}, expected ${JSON.stringify(e)}`);
    } else if (present(e) && !isDeepStrictEqual(a, e)) {
      tally.wrongValues += 1;
      tally.problems.push(`WRONG VALUE ${label} ${typeName}.${field}: got ${JSON.stringify(a)}, expected ${JSON.stringify(e)}`);
    }
  }
  if (!isDeepStrictEqual(normaliseAnswer(actual), normaliseAnswer(expected))) tally.mismatches.push({ label, expected, actual });
}

function normaliseAnswer(answer: Answer): unknown {
  return 'data' in answer ? { data: answer.data } : { error: answer.error };
}

export function addTally(into: Tally, from: Tally): void {
  into.cases += from.cases;
  into.granted += from.granted;
  into.writes += from.writes;
  into.leaks += from.leaks;
  into.falseDenials += from.falseDenials;
  into.wrongValues += from.wrongValues;
  into.problems.push(...from.problems);
  into.mismatches.push(...from.mismatches);
}

/** Who `managedUsers`/`managedUser` are documented to cover: the company's users, or the tenant's staff. */
export function inManagedScope(actor: Actor, user: { tenantId: string | null; organisationId: string | null }): boolean {
  if (holdsRole(actor.roles, Role.TENANT_ADMIN)) return user.tenantId === actor.tenantId && user.organisationId === null;
  if (holdsRole(actor.roles, Role.ORG_ADMIN)) return user.tenantId === actor.tenantId && user.organisationId === (actor.organisationId ?? null);
  return false;
}

/** Which API keys `apiKeys` is documented to list: the company's (organisation admin) or the tenant's own (tenant admin). */
export function inApiKeyScope(actor: Actor, key: ApiKeyRecord): boolean {
  if (holdsRole(actor.roles, Role.TENANT_ADMIN)) return key.tenantId === actor.tenantId && key.organisationId === null;
  if (holdsRole(actor.roles, Role.ORG_ADMIN)) return key.tenantId === actor.tenantId && key.organisationId === (actor.organisationId ?? null);
  return false;
}

export const RANDOM_ID = () => randomUUID();
