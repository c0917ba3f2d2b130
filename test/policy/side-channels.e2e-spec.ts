// Decorator metadata is recorded only if reflect-metadata is loaded before the first decorated class.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { ALL_ROLES, holdersOf, Role } from '@chancery/access';
import { Actor } from '@chancery/core';
import { UserAccount } from '@chancery/identity';
import { Organisation } from '@chancery/identity/entities/organisation.entity';
import { canFilterOrSort, canRead, EntityClass } from '@chancery/policy';
import { GraphQLResponse, lastLinkToken, reportFigure, TestApp, TestUser, useTestApp } from '@chancery/testing';
import {
  accessRuleOf,
  ApiKeyRecord,
  buildWorld,
  inManagedScope,
  LANGUAGES,
  objectType,
  policyClassOf as policyClass,
  selectionOf,
  USER_SPECS,
  Viewer,
  World,
  POLICY_TEST_APP_OPTIONS,
} from '@chancery/testing/policy/policy-world';

/**
 * VERIFY T2 — side channels of concealed fields. Every probe asks the same question twice, with a
 * concealed value (or the existence of a record the viewer may not see) changed in between, and
 * expects byte-identical answers; or searches an answer for values it must not echo.
 *
 *  A. Concealed values: for every viewer and every record, the fields the declarations conceal from
 *     that viewer are changed as the database owner between two identical requests (single-record
 *     queries and the lists that contain the record).
 *  B. Existence: a record the viewer may not see answers exactly like a random id (queries and the
 *     update mutations).
 *  C. Across tenants: a company or an e-mail address already registered with another tenant changes
 *     nothing in this tenant (registration, invitation, acceptance).
 *  D. Login and password reset: registered or not, active or not, this tenant or another.
 *  E. Ordering and counts: lists are ordered only by fields their callers may read, and the order
 *     is the one those visible values give.
 *  F. Error text: never the submitted value of a personal-data field, nor a stored concealed value.
 *
 * Prints `T2 side channels: <N> probes, <differences> differences`.
 */

const PASSWORD = 'a long enough passphrase 42';

describe('T2 side channels', () => {
  let app: TestApp;
  let world: World;
  let probes = 0;
  const differences: string[] = [];

  const started = useTestApp(POLICY_TEST_APP_OPTIONS);
  beforeAll(async () => {
    app = started.app;
    world = await buildWorld(app);
  });
  afterAll(async () => {
    await world?.close();
  });

  const gql = (query: string, variables: Record<string, unknown>, viewer?: Viewer) => app.graphql<Record<string, unknown>>(query, variables, { token: viewer?.token });
  const answer = (r: GraphQLResponse<Record<string, unknown>>) => `${r.status} ${r.text}`;

  /** Two answers that must be identical. */
  function same(label: string, a: string, b: string): void {
    probes += 1;
    if (a !== b) differences.push(`DIFFERENT ${label}:\n    ${a.slice(0, 400)}\n    ${b.slice(0, 400)}`);
  }

  /** An answer that must not contain any of the values. */
  function noEcho(label: string, text: string, values: Array<string | null | undefined>): void {
    probes += 1;
    const found = values.filter((v): v is string => typeof v === 'string' && v.length >= 4 && text.includes(v));
    if (found.length) differences.push(`ECHO ${label}: ${JSON.stringify(found)} in ${text.slice(0, 400)}`);
  }

  // ----------------------------------------------------------------------------------------------
  // Changing stored values as the owner
  // ----------------------------------------------------------------------------------------------

  const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  let alt = 0;
  /** A different valid value for a field, by entity and field. A concealable field missing here fails the suite. */
  const ALTERNATIVE: Record<string, (current: unknown) => unknown> = {
    'User.email': () => `changed-${++alt}-${randomUUID().slice(0, 6)}@example.test`,
    'User.firstName': () => `Changedfirst ${++alt}`,
    'User.lastName': () => `Changedlast ${++alt}`,
    'User.phone': () => `+32479${String(100000 + ++alt)}`,
    'User.jobTitle': () => `Changed job ${++alt}`,
    'User.preferredLanguage': (current) => LANGUAGES.find((l) => l !== current),
    'User.status': (current) => (current === 'ACTIVE' ? 'DISABLED' : 'ACTIVE'),
    'User.totpEnrolledAt': () => new Date(Date.UTC(2020, 1, 1 + (++alt % 27))),
    'User.signatureImage': () => `data:image/png;base64,Y2hhbmdlZA${++alt}`,
    'User.lastLoginAt': () => new Date(Date.UTC(2021, 2, 1 + (++alt % 27))),
    'Organisation.companyNumber': () => `BE9${String(100000000 + ++alt)}`,
    'Organisation.vatNumber': () => `BE8${String(100000000 + ++alt)}`,
    'Organisation.name': () => `Changed company ${++alt}`,
    'Organisation.legalForm': () => `BV${++alt}`,
    'Organisation.street': () => `Changed street ${++alt}`,
    'Organisation.postalCode': (current) => (current === '2600' ? '2610' : '2600'),
    'Organisation.city': () => `Changed city ${++alt}`,
    'Organisation.country': (current) => (current === 'NL' ? 'LU' : 'NL'),
    'Organisation.phone': () => `+323${String(3000000 + ++alt)}`,
    'Organisation.email': () => `changed-${++alt}@company.test`,
    'Organisation.iban': (current) => (current === 'BE68539007547034' ? 'NL91ABNA0417164300' : 'BE68539007547034'),
    'Organisation.loginMethod': (current) => (current === 'PASSWORD' ? 'PASSWORD_AND_TOTP' : 'PASSWORD'),
    'Organisation.isMember': (current) => !current,
    'ApiKey.name': () => `Changed key ${++alt}`,
    'ApiKey.scopes': (current) => ((current as string[])[0] === 'DATASHEET_FEED' ? ['ORGANISATION_ERP'] : ['DATASHEET_FEED']),
    'ApiKey.createdAt': () => new Date(Date.UTC(2019, 5, 1 + (++alt % 27))),
    'ApiKey.lastUsedAt': () => new Date(Date.UTC(2022, 5, 1 + (++alt % 27))),
    'ApiKey.revokedAt': () => new Date(Date.UTC(2023, 5, 1 + (++alt % 27))),
  };
  /** Fields that decide the relation itself; changing them is a different question (T1, T3). */
  const RELATION_FIELDS = new Set(['id', 'organisationId']);
  const viewerIds = () => new Set(world.viewers.map((v) => v.actor.id).filter(Boolean));

  /**
   * Changes every concealed field of the record that can change (roles too) and returns the undo.
   * A viewer's own account keeps its status, so its session lives on.
   */
  async function changeConcealed(typeName: 'User' | 'Organisation' | 'ApiKey', id: string, concealed: string[]): Promise<{ undo: () => Promise<void>; newValues: string[]; oldValues: string[]; changed: string[] }> {
    const table = { User: 'user_account', Organisation: 'organisation', ApiKey: 'api_key' }[typeName];
    const [row] = (await world.owner.query(`SELECT * FROM ${table} WHERE id = $1`, [id])).rows as Array<Record<string, unknown>>;
    const sets: string[] = [];
    const values: unknown[] = [id];
    const undoSets: string[] = [];
    const undoValues: unknown[] = [id];
    const changed: string[] = [];
    const newValues: string[] = [];
    const oldValues: string[] = [];
    let addedRole: string | undefined;
    for (const field of concealed) {
      if (RELATION_FIELDS.has(field)) continue;
      if (typeName === 'User' && field === 'status' && viewerIds().has(id)) continue;
      if (typeName === 'User' && field === 'roles') {
        const held = ((await world.owner.query(`SELECT role FROM user_role WHERE user_id = $1`, [id])).rows as Array<{ role: string }>).map((r) => r.role);
        addedRole = ALL_ROLES.find((r) => !held.includes(r) && r !== Role.PLATFORM_ADMIN);
        changed.push(field);
        continue;
      }
      const make = ALTERNATIVE[`${typeName}.${field}`];
      if (!make) throw new Error(`no alternative value for ${typeName}.${field}: add one to ALTERNATIVE`);
      const column = snake(field);
      const next = make(row![column]);
      values.push(next);
      sets.push(`${column} = $${values.length}`);
      undoValues.push(row![column]);
      undoSets.push(`${column} = $${undoValues.length}`);
      changed.push(field);
      if (typeof next === 'string') newValues.push(next);
      if (typeof row![column] === 'string') oldValues.push(row![column] as string);
    }
    if (sets.length) await world.owner.query(`UPDATE ${table} SET ${sets.join(', ')} WHERE id = $1`, values);
    if (addedRole) await world.owner.query(`INSERT INTO user_role (tenant_id, user_id, role) SELECT tenant_id, id, $2 FROM user_account WHERE id = $1`, [id, addedRole]);
    return {
      changed,
      newValues,
      oldValues,
      undo: async () => {
        if (undoSets.length) await world.owner.query(`UPDATE ${table} SET ${undoSets.join(', ')} WHERE id = $1`, undoValues);
        if (addedRole) await world.owner.query(`DELETE FROM user_role WHERE user_id = $1 AND role = $2`, [id, addedRole]);
      },
    };
  }

  function concealedFields(typeName: string, cls: EntityClass, actor: Actor, relation: object): string[] {
    return Object.keys(objectType(world.schema, typeName).getFields()).filter((f) => !canRead(actor, cls, f, relation as never));
  }

  // ----------------------------------------------------------------------------------------------
  // A. Concealed values
  // ----------------------------------------------------------------------------------------------

  it('A. answers do not change when a concealed value changes (user, managedUser, managedUsers, organisation, apiKeys)', async () => {
    const before = differences.length;
    const userSel = selectionOf(world.schema, 'User');
    const userPaths = [
      { name: 'user', run: (v: Viewer, id: string) => gql(`query($id: ID!) { user(id: $id) { ${userSel} } }`, { id }, v) },
      { name: 'managedUser', run: (v: Viewer, id: string) => gql(`query($id: ID!) { managedUser(userId: $id) { ${userSel} } }`, { id }, v) },
      { name: 'managedUsers', run: (v: Viewer) => gql(`{ managedUsers { ${userSel} } }`, {}, v) },
    ];
    for (const viewer of world.viewers) {
      for (const u of Object.values(world.users)) {
        const relation = { id: u.id, tenantId: u.tenantId, organisationId: u.organisationId };
        const concealed = concealedFields('User', UserAccount, viewer.actor, relation);
        if (!concealed.some((f) => !RELATION_FIELDS.has(f))) continue;
        for (const path of userPaths) {
          const first = await path.run(viewer, u.id);
          const change = await changeConcealed('User', u.id, concealed);
          const second = await path.run(viewer, u.id);
          await change.undo();
          const label = `${path.name} of ${u.key} as ${viewer.label}, changed ${change.changed.join(',')}`;
          same(label, answer(first), answer(second));
          noEcho(label, second.text, change.newValues);
        }
      }
      const orgSel = selectionOf(world.schema, 'Organisation');
      for (const o of Object.values(world.orgs)) {
        const concealed = concealedFields('Organisation', Organisation, viewer.actor, { id: o.id, tenantId: o.tenantId });
        if (!concealed.some((f) => !RELATION_FIELDS.has(f))) continue;
        const run = () => gql(`query($id: ID!) { organisation(id: $id) { ${orgSel} } }`, { id: o.id }, viewer);
        const first = await run();
        const change = await changeConcealed('Organisation', o.id, concealed);
        const second = await run();
        await change.undo();
        const label = `organisation ${o.key} as ${viewer.label}, changed ${change.changed.join(',')}`;
        same(label, answer(first), answer(second));
        noEcho(label, second.text, change.newValues);
      }
      const keySel = selectionOf(world.schema, 'ApiKey');
      for (const key of world.apiKeys) {
        const concealed = concealedFields('ApiKey', policyClass('ApiKey'), viewer.actor, key);
        if (!concealed.some((f) => !RELATION_FIELDS.has(f))) continue;
        const run = () => gql(`{ apiKeys { ${keySel} } }`, {}, viewer);
        const first = await run();
        const change = await changeConcealed('ApiKey', key.id, concealed);
        const second = await run();
        await change.undo();
        const label = `apiKeys with ${key.key} as ${viewer.label}, changed ${change.changed.join(',')}`;
        same(label, answer(first), answer(second));
        noEcho(label, second.text, change.newValues);
      }
    }
    expect(probes).toBeGreaterThan(500);
    expect(differences.slice(before)).toEqual([]);

    // Control: the same method sees a change of a value the viewer may read, so the probes above can fail.
    const colleague = world.users.a1Colleague!;
    const run = () => gql(`query($id: ID!) { user(id: $id) { ${userSel} } }`, { id: colleague.id }, world.viewer('a1Member'));
    const first = await run();
    const change = await changeConcealed('User', colleague.id, ['firstName', 'email']);
    const second = await run();
    await change.undo();
    expect(answer(second)).not.toEqual(answer(first));
    expect(second.text).toContain(change.newValues[0]);
    expect(second.text).not.toContain(change.newValues[1]);
  });

  // ----------------------------------------------------------------------------------------------
  // B. Existence
  // ----------------------------------------------------------------------------------------------

  it('B. a record the viewer may not see answers exactly like a random id', async () => {
    const before = differences.length;
    const userSel = selectionOf(world.schema, 'User');
    const orgSel = selectionOf(world.schema, 'Organisation');
    const calls = {
      user: (v: Viewer, id: string) => gql(`query($id: ID!) { user(id: $id) { ${userSel} } }`, { id }, v),
      managedUser: (v: Viewer, id: string) => gql(`query($id: ID!) { managedUser(userId: $id) { ${userSel} } }`, { id }, v),
      updateUserProfile: (v: Viewer, id: string) => gql(`mutation($input: UpdateUserProfileInput!) { updateUserProfile(input: $input) { ${userSel} } }`, { input: { userId: id, phone: '+32479555123' } }, v),
      changeUserRoles: (v: Viewer, id: string) => gql(`mutation($input: ChangeUserRolesInput!) { changeUserRoles(input: $input) { id } }`, { input: { userId: id } }, v),
      organisation: (v: Viewer, id: string) => gql(`query($id: ID!) { organisation(id: $id) { ${orgSel} } }`, { id }, v),
      updateOrganisation: (v: Viewer, id: string) => gql(`mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { ${orgSel} } }`, { input: { organisationId: id, iban: 'NL91ABNA0417164300' } }, v),
      revokeApiKey: (v: Viewer, id: string) => gql(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id }, v),
    };
    for (const viewer of world.viewers.filter((v) => v.token)) {
      for (const u of Object.values(world.users)) {
        const relation = { id: u.id, tenantId: u.tenantId, organisationId: u.organisationId };
        const stored = ((await world.owner.query(`SELECT email, phone, first_name, last_name, job_title, signature_image FROM user_account WHERE id = $1`, [u.id])).rows[0] ?? {}) as Record<string, string>;
        const storedValues = Object.values(stored);
        const unseen = !canRead(viewer.actor, UserAccount, 'id', relation);
        const unmanaged = unseen || !inManagedScope(viewer.actor, u);
        for (const [name, hidden] of [['user', unseen], ['updateUserProfile', unseen], ['managedUser', unmanaged], ['changeUserRoles', unmanaged]] as const) {
          if (!hidden) continue;
          const existing = await calls[name](viewer, u.id);
          const random = await calls[name](viewer, randomUUID());
          same(`${name} of ${u.key} (exists, not visible) vs random id, as ${viewer.label}`, answer(existing), answer(random));
          noEcho(`${name} of ${u.key} as ${viewer.label}`, existing.text, [...storedValues, '+32479555123']);
        }
      }
      for (const o of Object.values(world.orgs)) {
        if (canRead(viewer.actor, Organisation, 'id', { id: o.id, tenantId: o.tenantId } as never)) continue;
        for (const name of ['organisation', 'updateOrganisation'] as const) {
          const existing = await calls[name](viewer, o.id);
          const random = await calls[name](viewer, randomUUID());
          same(`${name} of ${o.key} (exists, not visible) vs random id, as ${viewer.label}`, answer(existing), answer(random));
          noEcho(`${name} of ${o.key} as ${viewer.label}`, existing.text, ['NL91ABNA0417164300', 'BE71096123456769']);
        }
      }
      for (const key of world.apiKeys) {
        if (canRead(viewer.actor, policyClass('ApiKey'), 'id', key as ApiKeyRecord)) continue;
        const existing = await calls.revokeApiKey(viewer, key.id);
        const random = await calls.revokeApiKey(viewer, randomUUID());
        same(`revokeApiKey of ${key.key} (exists, not visible) vs random id, as ${viewer.label}`, answer(existing), answer(random));
      }
    }
    expect(differences.slice(before)).toEqual([]);
  });

  // ----------------------------------------------------------------------------------------------
  // C. Across tenants
  // ----------------------------------------------------------------------------------------------

  let vatSerial = 0;
  function belgianVat(): string {
    vatSerial += 1;
    const base = String(3_000_000 + vatSerial * 7919 + Math.floor(Math.random() * 500) * 10_000).padStart(8, '0').slice(0, 8);
    return `BE${base}${String(97 - (Number(base) % 97)).padStart(2, '0')}`;
  }
  const register = (tenantSlug: string, vatNumber: string, adminEmail: string) =>
    gql(`mutation($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { organisation { ${selectionOf(world.schema, 'Organisation')} } tenant { ${selectionOf(world.schema, 'Tenant')} } } }`, {
      input: {
        tenantSlug, vatNumber, name: 'Same Company NV', legalForm: 'NV', street: 'Kaai 1', postalCode: '2000', city: 'Antwerpen', country: 'BE', phone: '+3232322219',
        email: 'info@same.test', iban: 'BE71096123456769', loginMethod: 'PASSWORD',
        administrator: { firstName: 'Anna', lastName: 'Peeters', email: adminEmail, password: PASSWORD, preferredLanguage: 'nl' },
      },
    });

  it('C. a company or e-mail address registered with another tenant changes nothing here', async () => {
    const before = differences.length;
    const fresh = () => `fresh-${randomUUID().slice(0, 8)}@example.test`;
    // Registered with tenant B first.
    const vatInB = belgianVat();
    const emailInB = fresh();
    const inB = await register(world.tenants.B.slug, vatInB, emailInB);
    expect(inB.errors).toBeUndefined();

    const knownCompany = await register(world.tenants.A.slug, vatInB, fresh());
    const newCompany = await register(world.tenants.A.slug, belgianVat(), fresh());
    same('registerOrganisation in A: company registered with B vs a new company', answer(knownCompany), answer(newCompany));
    expect(newCompany.errors).toBeUndefined();

    const knownEmail = await register(world.tenants.A.slug, belgianVat(), emailInB);
    const newEmail = await register(world.tenants.A.slug, belgianVat(), fresh());
    same('registerOrganisation in A: administrator e-mail registered with B vs a new one', answer(knownEmail), answer(newEmail));

    // Within one tenant: the address of an existing account, to anonymous callers, is concealed
    // (User.email) and login and password reset do not reveal it; registration must not either
    // (it creates nothing and e-mails the address's owner instead).
    const registeredInA = ((await world.owner.query(`SELECT email FROM user_account WHERE id = $1`, [world.users.a2Member!.id])).rows[0] as { email: string }).email;
    const takenHere = await register(world.tenants.A.slug, belgianVat(), registeredInA);
    const freeHere = await register(world.tenants.A.slug, belgianVat(), fresh());
    same('registerOrganisation in A: administrator e-mail of an existing account of A vs a new one', answer(takenHere), answer(freeHere));
    noEcho('registerOrganisation in A with an existing address', takenHere.text, [registeredInA]);

    // Invitations in tenant A to an address of tenant B's user, of another company of A, and a new one.
    const inviteAndAccept = async (email: string) => {
      const invited = await gql(`mutation($input: InviteUserInput!) { inviteUser(input: $input) { ${selectionOf(world.schema, 'Invitation')} } }`, { input: { email, roles: ['ORG_MEMBER'] } }, world.viewer('a1Admin'));
      const token = (await lastLinkToken(world.app, email, undefined, world.owner)) ?? 'none';
      const accepted = await gql('mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) }', { input: { token, firstName: 'In', lastName: 'Vitee', password: PASSWORD } });
      // The invitation's own values differ by nature; everything else must not.
      const shape = invited.text.replace(email, '<email>').replace(/"id":"[^"]+"/, '"id":"<id>"').replace(/"expiresAt":"[^"]+"/, '"expiresAt":"<t>"');
      return { invited: `${invited.status} ${shape}`, accepted: answer(accepted) };
    };
    const b1MemberEmail = world.users.b1Member!.user.email;
    const knownInB = await inviteAndAccept(b1MemberEmail);
    const unknown = await inviteAndAccept(fresh());
    same('inviteUser in A: address of a user of tenant B vs a new one', knownInB.invited, unknown.invited);
    same('acceptInvitation in A: address of a user of tenant B vs a new one', knownInB.accepted, unknown.accepted);
    const a2MemberEmail = ((await world.owner.query(`SELECT email FROM user_account WHERE id = $1`, [world.users.a2Member!.id])).rows[0] as { email: string }).email;
    const otherCompany = await gql(`mutation($input: InviteUserInput!) { inviteUser(input: $input) { ${selectionOf(world.schema, 'Invitation')} } }`, { input: { email: a2MemberEmail, roles: ['ORG_MEMBER'] } }, world.viewer('a1Admin'));
    const newOne = fresh();
    const freshInvite = await gql(`mutation($input: InviteUserInput!) { inviteUser(input: $input) { ${selectionOf(world.schema, 'Invitation')} } }`, { input: { email: newOne, roles: ['ORG_MEMBER'] } }, world.viewer('a1Admin'));
    const norm = (text: string, email: string) => text.replace(email, '<email>').replace(/"id":"[^"]+"/, '"id":"<id>"').replace(/"expiresAt":"[^"]+"/, '"expiresAt":"<t>"');
    same('inviteUser by A1: address of a user of company A2 vs a new one', norm(otherCompany.text, a2MemberEmail), norm(freshInvite.text, newOne));
    expect(differences.slice(before)).toEqual([]);
  });

  // ----------------------------------------------------------------------------------------------
  // D. Login and password reset
  // ----------------------------------------------------------------------------------------------

  it('D. login and password reset answer the same for registered, unregistered, inactive and other-tenant addresses', async () => {
    const before = differences.length;
    const login = (email: string, password: string, tenant?: string) => gql('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { email, password, tenant } });
    const unknown = () => `nobody-${randomUUID().slice(0, 8)}@example.test`;
    const user = async (tenant: 'A' | 'B', status = 'ACTIVE'): Promise<TestUser> =>
      world.factory.user({ tenant: world.tenants[tenant], organisation: { id: world.orgs[tenant === 'A' ? 'A1' : 'B1'].id, tenantId: world.tenants[tenant].id, name: '' }, roles: [Role.ORG_MEMBER], status });
    const a = world.tenants.A.slug;

    const active = await user('A');
    same('login: registered address, wrong password vs unknown address', answer(await login(active.email, 'not the password at all', a)), answer(await login(unknown(), 'not the password at all', a)));
    const inB = await user('B');
    same('login at A: address registered with B (its right password) vs unknown', answer(await login(inB.email, inB.password, a)), answer(await login(unknown(), inB.password, a)));
    const disabled = await user('A', 'DISABLED');
    same('login: disabled account, right password vs unknown address', answer(await login(disabled.email, disabled.password, a)), answer(await login(unknown(), disabled.password, a)));
    const pending = await user('A', 'PENDING_CONFIRMATION');
    same('login: unconfirmed account, right password vs unknown address', answer(await login(pending.email, pending.password, a)), answer(await login(unknown(), pending.password, a)));
    const platform = world.users.platformAdmin!.user;
    same('login as operator: registered address, wrong password vs unknown', answer(await login(platform.email, 'not the password at all')), answer(await login(unknown(), 'not the password at all')));
    same('login: unknown tenant vs known tenant, unknown address', answer(await login(unknown(), 'not the password at all', 'no-such-chamber')), answer(await login(unknown(), 'not the password at all', a)));

    if (world.schema.getMutationType()!.getFields().requestPasswordReset) {
      const reset = (email: string, tenant?: string) => gql('mutation($e: String!, $t: String) { requestPasswordReset(email: $e, tenant: $t) }', { e: email, t: tenant });
      const unknownAnswer = answer(await reset(unknown(), a));
      same('requestPasswordReset: registered vs unknown address', answer(await reset((await user('A')).email, a)), unknownAnswer);
      same('requestPasswordReset: disabled vs unknown address', answer(await reset((await user('A', 'DISABLED')).email, a)), unknownAnswer);
      same('requestPasswordReset at A: address registered with B vs unknown', answer(await reset((await user('B')).email, a)), unknownAnswer);
      same('requestPasswordReset: unknown tenant vs known tenant', answer(await reset(unknown(), 'no-such-chamber')), unknownAnswer);
    }
    expect(differences.slice(before)).toEqual([]);
  });

  // ----------------------------------------------------------------------------------------------
  // E. Ordering and counts
  // ----------------------------------------------------------------------------------------------

  /** The order PostgreSQL gives the keys (its collation, not JavaScript's), as indexes. */
  async function databaseOrder(keys: Array<[string, string]>, direction: 'ASC' | 'DESC' = 'ASC'): Promise<number[]> {
    const rows = (await world.owner.query(
      `SELECT i::int - 1 AS i FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(a, b, i) ORDER BY a ${direction}, b ${direction}, i`,
      [keys.map((k) => k[0]), keys.map((k) => k[1])],
    )).rows as Array<{ i: number }>;
    return rows.map((r) => r.i);
  }
  const identity = (n: number) => Array.from({ length: n }, (_, i) => i);

  it('E. lists are ordered only by fields their callers may read, in the order those visible values give', async () => {
    const before = differences.length;
    // managedUsers sorts by last name, then first name: every role the operation admits may read both of every user it lists.
    const rule = accessRuleOf('managedUsers');
    expect(rule.kind).toBe('permission');
    for (const role of rule.kind === 'permission' ? holdersOf(rule.permission) : []) {
      for (const spec of USER_SPECS.filter((s) => s.tenant === 'A')) {
        const actor: Actor = { kind: 'user', id: randomUUID(), tenantId: world.tenants.A.id, ...(role === Role.ORG_ADMIN || role === Role.ORG_MEMBER ? { organisationId: world.orgs.A1.id } : {}), roles: [role] };
        const u = world.users[spec.key]!;
        if (!inManagedScope(actor, u)) continue;
        for (const field of ['lastName', 'firstName']) {
          probes += 1;
          if (!canFilterOrSort(actor, UserAccount, field, { id: u.id, tenantId: u.tenantId, organisationId: u.organisationId } as never)) {
            differences.push(`ORDER managedUsers: ${role} lists ${spec.key} ordered by ${field}, which it may not read`);
          }
        }
      }
    }
    for (const viewer of world.viewers) {
      const users = await gql('{ managedUsers { id lastName firstName } }', {}, viewer);
      const list = (users.data?.managedUsers ?? []) as Array<{ id: string; lastName: string | null; firstName: string | null }>;
      if (list.length) {
        probes += 1;
        if (list.some((u) => u.lastName === null || u.firstName === null)) differences.push(`ORDER managedUsers as ${viewer.label}: sorted by a name it cannot see`);
        const order = await databaseOrder(list.map((u) => [u.lastName ?? '', u.firstName ?? '']));
        if (JSON.stringify(order) !== JSON.stringify(identity(list.length))) differences.push(`ORDER managedUsers as ${viewer.label}: not the order of the visible names`);
      }
      const keys = ((await gql('{ apiKeys { id createdAt } }', {}, viewer)).data?.apiKeys ?? []) as Array<{ createdAt: string | null }>;
      if (keys.length) {
        probes += 1;
        const order = await databaseOrder(keys.map((k) => [k.createdAt ?? '', '']), 'DESC');
        if (keys.some((k) => k.createdAt === null) || JSON.stringify(order) !== JSON.stringify(identity(keys.length))) differences.push(`ORDER apiKeys as ${viewer.label}: not the order of the visible creation times`);
      }
      const tenants = ((await gql('{ tenants { name } }', {}, viewer)).data?.tenants ?? []) as Array<{ name: string }>;
      probes += 1;
      if (JSON.stringify(await databaseOrder(tenants.map((t) => [t.name, ''])) ) !== JSON.stringify(identity(tenants.length))) differences.push(`ORDER tenants as ${viewer.label}: not by the visible names`);
      const entries = ((await gql('{ auditEntries(first: 200) { sequence } }', {}, viewer)).data?.auditEntries ?? []) as Array<{ sequence: number | null }>;
      if (entries.length) {
        probes += 1;
        if (entries.some((e, i) => e.sequence === null || (i > 0 && e.sequence >= entries[i - 1]!.sequence!))) differences.push(`ORDER auditEntries as ${viewer.label}: not by the visible sequence`);
      }
    }
    expect(differences.slice(before)).toEqual([]);
  });

  // ----------------------------------------------------------------------------------------------
  // F. Error text
  // ----------------------------------------------------------------------------------------------

  // Regression (found by this suite, fixed in 3188b37): errors of GraphQL variable coercion and of
  // literal validation repeated the submitted values — the whole input object, password and e-mail
  // included ('Variable "$i" got invalid value { email: "…", password: "…", tenantId: "…" }; …',
  // 'String cannot represent a non string value: 32479000111').
  it('F. errors never repeat a submitted personal-data value or a stored concealed one', async () => {
    const before = differences.length;
    const a1Member = world.viewer('a1Member');
    const a1Admin = world.viewer('a1Admin');
    const colleague = world.users.a1Colleague!;
    const [stored] = (await world.owner.query(`SELECT email, phone, job_title, signature_image FROM user_account WHERE id = $1`, [colleague.id])).rows as Array<Record<string, string>>;
    const storedConcealed = Object.values(stored!);
    const userSel = selectionOf(world.schema, 'User');

    // Refused writes (FORBIDDEN): the submitted value and the stored concealed ones stay out of the error.
    for (const [field, value] of [['phone', '+32479000111'], ['jobTitle', 'Marker job 7731'], ['firstName', 'Markerfirst7731']] as const) {
      const r = await gql(`mutation($input: UpdateUserProfileInput!) { updateUserProfile(input: $input) { ${userSel} } }`, { input: { userId: colleague.id, [field]: value } }, a1Member);
      expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      noEcho(`FORBIDDEN updateUserProfile.${field} of a colleague`, r.text, [value, ...storedConcealed]);
    }
    const orgForbidden = await gql('mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { id } }', { input: { organisationId: world.orgs.A1.id, iban: 'NL91ABNA0417164300', email: 'marker-7731@company.test' } }, a1Member);
    expect(orgForbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const [orgStored] = (await world.owner.query(`SELECT iban FROM organisation WHERE id = $1`, [world.orgs.A1.id])).rows as Array<{ iban: string }>;
    noEcho('FORBIDDEN updateOrganisation iban/email by a member', orgForbidden.text, ['NL91ABNA0417164300', 'marker-7731@company.test', orgStored!.iban]);

    // Invalid values (BAD_USER_INPUT from validation).
    const invalid: Array<[string, string, Record<string, unknown>, Viewer | undefined, string[]]> = [
      ['updateUserProfile phone', 'mutation($input: UpdateUserProfileInput!) { updateUserProfile(input: $input) { id } }', { input: { userId: a1Member.actor.id, phone: 'marker-phone-7731' } }, a1Member, ['marker-phone-7731']],
      ['updateOrganisation email', 'mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { id } }', { input: { organisationId: world.orgs.A1.id, email: 'marker-7731-not-an-email' } }, a1Admin, ['marker-7731-not-an-email']],
      ['updateOrganisation iban', 'mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { id } }', { input: { organisationId: world.orgs.A1.id, iban: 'BE00MARKER7731' } }, a1Admin, ['BE00MARKER7731', 'MARKER7731']],
    ];
    const registration = {
      tenantSlug: world.tenants.A.slug, vatNumber: 'BE0123456750', name: 'Marker NV', legalForm: 'NV', street: 'Kaai 1', postalCode: '2000', city: 'Antwerpen', country: 'BE',
      phone: 'marker-phone-8842', email: 'marker-8842-not-an-email', iban: 'XX00MARKER8842', loginMethod: 'PASSWORD',
      administrator: { firstName: 'Anna', lastName: 'Peeters', email: 'marker-8842-admin', password: 'Marker8842pw', preferredLanguage: 'nl' },
    };
    invalid.push(['registerOrganisation (every field invalid)', 'mutation($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { tenant { id } } }', { input: registration }, undefined,
      ['BE0123456750', 'marker-phone-8842', 'marker-8842-not-an-email', 'XX00MARKER8842', 'marker-8842-admin', 'Marker8842pw']]);
    const weak = { ...registration, vatNumber: belgianVat(), phone: '+3232322219', email: 'info@weak.test', iban: 'BE71096123456769', administrator: { ...registration.administrator, email: 'weak-8842@example.test', password: 'weak-8842' } };
    invalid.push(['registerOrganisation (weak password)', 'mutation($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { tenant { id } } }', { input: weak }, undefined, ['weak-8842']]);
    for (const [label, query, variables, viewer, markers] of invalid) {
      const r = await gql(query, variables, viewer);
      expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      noEcho(`BAD_USER_INPUT ${label}`, r.text, markers);
    }

    // Refused by the schema: an extra property, a value of the wrong type (variables and inline).
    const schemaRefusals: Array<[string, string, Record<string, unknown> | undefined, Viewer | undefined, string[]]> = [
      ['login with an extra property (variables)', 'mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { email: 'marker-9913@example.test', password: 'Marker-Password-9913', tenantId: world.tenants.B.id } }, undefined, ['marker-9913@example.test', 'Marker-Password-9913']],
      ['updateUserProfile phone of the wrong type (variables)', 'mutation($input: UpdateUserProfileInput!) { updateUserProfile(input: $input) { id } }', { input: { userId: a1Member.actor.id, phone: 32479000111 } }, a1Member, ['32479000111']],
      ['login with an extra property (inline)', `mutation { login(input: { email: "marker-9914@example.test", password: "Marker-Password-9914", tenantId: "x" }) { accessToken } }`, undefined, undefined, ['marker-9914@example.test', 'Marker-Password-9914']],
      ['updateUserProfile phone of the wrong type (inline)', `mutation { updateUserProfile(input: { userId: "${String(a1Member.actor.id)}", phone: 32479000222 }) { id } }`, undefined, a1Member, ['32479000222']],
    ];
    for (const [label, query, variables, viewer, markers] of schemaRefusals) {
      const r = await app.graphql(query, variables, { token: viewer?.token });
      expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(r.errors?.[0]?.extensions?.code);
      noEcho(`schema refusal: ${label}`, r.text, markers);
    }
    expect(differences.slice(before)).toEqual([]);
  });

  it('prints the figure: 0 differences', () => {
    reportFigure(`T2 side channels: ${probes} probes, ${differences.length} differences`);
    if (differences.length) process.stdout.write(`\nT2 differences (${differences.length}):\n${differences.slice(0, 40).join('\n')}\n`);
    expect(probes).toBeGreaterThan(500);
    expect(differences).toEqual([]);
  });
});
