import { Client } from 'pg';
import { ACCESS_RULE, Permission, Role } from '@chancery/access';
import { policedEntities } from '@chancery/policy';
import { AuditLog } from '@chancery/audit';
import { Actor, RequestContext } from '@chancery/core';
import { PersonalDataAccessResolver } from '@chancery/privacy/access-log/personal-data-access.resolver';
import { expectData, IdentityFactory, TestApp, TestTenant, TestUser, useTestApp } from '@chancery/testing';

/**
 * SPEC §5 access accountability: every read of another person's personal data by tenant staff or the
 * operator is recorded (who, whose, which categories, when, through which operation) without the
 * values, once per request, and shown to the tenant's privacy officer and to the data subject.
 */

interface AccessRow {
  id: string;
  tenant_id: string;
  accessor_kind: string;
  accessor_id: string | null;
  accessor_roles: string[];
  subject_type: string;
  subject_id: string;
  categories: string[];
  fields: string[];
  operation: string;
  request_id: string | null;
  json: string;
}

const ACCESS_FIELDS = 'id occurredAt accessorKind accessorId accessorRoles subjectType subjectId categories fields operation requestId';

describe('Personal-data access log', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  let tenant: TestTenant;
  let otherTenant: TestTenant;
  let member: TestUser;
  let colleague: TestUser;
  let clerk: TestUser;
  let privacyOfficer: TestUser;
  let otherPrivacyOfficer: TestUser;
  const tokens = new Map<TestUser, string>();

  const as = (user: TestUser) => ({ token: tokens.get(user)! });

  /** The log as stored, read as the owner with the tenant set (row-level security is forced). */
  async function storedRows(tenantId: string): Promise<AccessRow[]> {
    return app.asOwner(async (db) => {
      await db.query(`SELECT set_config('app.tenant_id', $1, false)`, [tenantId]);
      const { rows } = await db.query(
        `SELECT p.*, row_to_json(p)::text AS json FROM personal_data_access p ORDER BY id`,
      );
      return rows as AccessRow[];
    });
  }

  async function rowsBy(accessor: TestUser): Promise<AccessRow[]> {
    return (await storedRows(accessor.tenantId!)).filter((row) => row.accessor_id === accessor.id);
  }

  const started = useTestApp();
  beforeAll(async () => {
    app = started.app;
    factory = started.factory;
    tenant = await factory.tenant();
    otherTenant = await factory.tenant();
    const company = await factory.organisation(tenant);
    member = await factory.user({ tenant, organisation: company, roles: [Role.ORG_MEMBER] });
    colleague = await factory.user({ tenant, organisation: company, roles: [Role.ORG_ADMIN] });
    clerk = await factory.user({ tenant, roles: [Role.CLERK] });
    privacyOfficer = await factory.user({ tenant, roles: [Role.PRIVACY_OFFICER] });
    otherPrivacyOfficer = await factory.user({ tenant: otherTenant, roles: [Role.PRIVACY_OFFICER] });
    for (const user of [member, colleague, clerk, privacyOfficer, otherPrivacyOfficer]) {
      tokens.set(user, (await factory.login(user)).accessToken);
    }
  });

  describe('recording', () => {
    let row: AccessRow;

    beforeAll(async () => {
      expectData(await app.graphql(`query($id: ID!) { user(id: $id) { email phone firstName } }`, { id: member.id }, as(clerk)));
      const rows = await rowsBy(clerk);
      expect(rows).toHaveLength(1);
      row = rows[0]!;
    });

    it("records a clerk's read of a company user: who, whose, which categories and fields, which operation", () => {
      expect(row).toMatchObject({
        tenant_id: tenant.id,
        accessor_kind: 'user',
        accessor_id: clerk.id,
        accessor_roles: ['CLERK'],
        subject_type: 'user',
        subject_id: member.id,
        categories: ['contact', 'identification'],
        fields: ['User.email', 'User.firstName', 'User.phone'],
        operation: 'user',
      });
      expect(row.request_id).toEqual(expect.any(String));
    });

    it('holds no value of what was read', async () => {
      const [firstName] = await app.asOwner(async (db) =>
        (await db.query(`SELECT first_name, phone FROM user_account WHERE id = $1`, [member.id])).rows as Array<{ first_name: string; phone: string }>,
      );
      for (const value of [member.email, firstName!.first_name, firstName!.phone]) expect(row.json).not.toContain(value);
    });

    it('writes one row per person per request, however many fields, records and aliases read them', async () => {
      expectData(
        await app.graphql(
          `query($a: ID!, $b: ID!) { a: user(id: $a) { email } b: user(id: $a) { lastName jobTitle } c: user(id: $b) { firstName } }`,
          { a: member.id, b: colleague.id },
          as(clerk),
        ),
      );
      const rows = (await rowsBy(clerk)).slice(1);
      expect(rows.map((r) => [r.subject_id, r.categories, r.fields, r.operation]).sort()).toEqual(
        [
          [member.id, ['contact', 'employment', 'identification'], ['User.email', 'User.jobTitle', 'User.lastName'], 'user'],
          [colleague.id, ['identification'], ['User.firstName'], 'user'],
        ].sort(),
      );
    });

    it('records nothing when staff read themselves', async () => {
      const before = (await rowsBy(clerk)).length;
      expectData(await app.graphql(`query($id: ID!) { user(id: $id) { email phone firstName } }`, { id: clerk.id }, as(clerk)));
      expectData(await app.graphql(`{ me { email phone firstName } }`, {}, as(clerk)));
      expect(await rowsBy(clerk)).toHaveLength(before);
    });

    it("records nothing when a company's admin reads a colleague (not staff)", async () => {
      const data = expectData(
        await app.graphql<{ user: { email: string } }>(`query($id: ID!) { user(id: $id) { email phone firstName } }`, { id: member.id }, as(colleague)),
      );
      expect(data.user.email).toBe(member.email);
      expect(await rowsBy(colleague)).toEqual([]);
    });

    it('records nothing for fields that are not personal data or not shown', async () => {
      const before = (await rowsBy(clerk)).length;
      // signatureImage is not readable by a clerk: concealed, so not read.
      expectData(await app.graphql(`query($id: ID!) { user(id: $id) { signatureImage } }`, { id: member.id }, as(clerk)));
      expect(await rowsBy(clerk)).toHaveLength(before);
    });
  });

  describe('reading the log', () => {
    it('the privacy officer sees the entry for the subject, and reading the log is not itself logged', async () => {
      const data = expectData(
        await app.graphql<{ personalDataAccesses: Array<Record<string, unknown>> }>(
          `query($s: ID) { personalDataAccesses(subjectId: $s) { ${ACCESS_FIELDS} } }`,
          { s: member.id },
          as(privacyOfficer),
        ),
      );
      const entries = data.personalDataAccesses;
      expect(entries.length).toBeGreaterThanOrEqual(2);
      expect(entries.every((e) => e.subjectId === member.id)).toBe(true);
      // Newest first: the first read recorded is last.
      expect(entries[entries.length - 1]).toMatchObject({
        accessorKind: 'user',
        accessorId: clerk.id,
        accessorRoles: ['CLERK'],
        subjectType: 'user',
        subjectId: member.id,
        categories: ['contact', 'identification'],
        fields: ['User.email', 'User.firstName', 'User.phone'],
        operation: 'user',
      });
      expect(Number(entries[0]!.id)).toBeGreaterThan(Number(entries[1]!.id));
      expect(await rowsBy(privacyOfficer)).toEqual([]);
    });

    it('pages newest first with first and before', async () => {
      const all = expectData(
        await app.graphql<{ personalDataAccesses: Array<{ id: string }> }>(`{ personalDataAccesses { id } }`, {}, as(privacyOfficer)),
      ).personalDataAccesses.map((e) => e.id);
      expect(all.length).toBeGreaterThanOrEqual(3);
      const firstPage = expectData(
        await app.graphql<{ personalDataAccesses: Array<{ id: string }> }>(`{ personalDataAccesses(first: 1) { id } }`, {}, as(privacyOfficer)),
      ).personalDataAccesses.map((e) => e.id);
      const rest = expectData(
        await app.graphql<{ personalDataAccesses: Array<{ id: string }> }>(
          `query($b: ID) { personalDataAccesses(before: $b) { id } }`,
          { b: firstPage[0] },
          as(privacyOfficer),
        ),
      ).personalDataAccesses.map((e) => e.id);
      expect([...firstPage, ...rest]).toEqual(all);
    });

    it('the data subject sees the accesses to their own data, and only those', async () => {
      const data = expectData(
        await app.graphql<{ myPersonalDataAccesses: Array<Record<string, unknown>> }>(`{ myPersonalDataAccesses { ${ACCESS_FIELDS} } }`, {}, as(member)),
      );
      expect(data.myPersonalDataAccesses.length).toBeGreaterThanOrEqual(2);
      expect(data.myPersonalDataAccesses.every((e) => e.subjectId === member.id && e.accessorId === clerk.id)).toBe(true);
      const clerksOwn = expectData(await app.graphql<{ myPersonalDataAccesses: unknown[] }>(`{ myPersonalDataAccesses { id } }`, {}, as(clerk)));
      expect(clerksOwn.myPersonalDataAccesses).toEqual([]);
    });

    it("another tenant's privacy officer sees nothing of it", async () => {
      for (const query of [`query($s: ID) { personalDataAccesses(subjectId: $s) { id } }`, `{ personalDataAccesses { id subjectId } }`]) {
        const data = expectData(await app.graphql<{ personalDataAccesses: unknown[] }>(query, { s: member.id }, as(otherPrivacyOfficer)));
        expect(data.personalDataAccesses).toEqual([]);
      }
      const [newest] = (await storedRows(tenant.id)).slice(-1);
      const viaCursor = expectData(
        await app.graphql<{ personalDataAccesses: unknown[] }>(
          `query($b: ID) { personalDataAccesses(before: $b) { id } }`,
          { b: String(Number(newest!.id) + 1) },
          as(otherPrivacyOfficer),
        ),
      );
      expect(viaCursor.personalDataAccesses).toEqual([]);
    });

    it('a clerk may not query the log', async () => {
      const response = await app.graphql(`{ personalDataAccesses { id } }`, {}, as(clerk));
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(response.data?.personalDataAccesses ?? null).toBeNull();
    });

    it('refuses a page size over 200 and malformed ids', async () => {
      for (const [query, variables] of [
        [`{ personalDataAccesses(first: 201) { id } }`, {}],
        [`query($s: ID) { personalDataAccesses(subjectId: $s) { id } }`, { s: 'not-a-uuid' }],
        [`query($b: ID) { myPersonalDataAccesses(before: $b) { id } }`, { b: "1' OR '1'='1" }],
      ] as const) {
        const response = await app.graphql(query, variables, as(privacyOfficer));
        expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      }
    });

    it('declares one access rule per operation', () => {
      expect(Reflect.getMetadata(ACCESS_RULE, PersonalDataAccessResolver.prototype.personalDataAccesses)).toEqual({ kind: 'permission', permission: Permission.ReadPersonalDataAccessLog });
      expect(Reflect.getMetadata(ACCESS_RULE, PersonalDataAccessResolver.prototype.myPersonalDataAccesses)).toEqual({ kind: 'person' });
    });
  });

  describe('no gaps, and tamper-evident (#14 defect 12)', () => {
    it("records an auditor's read of AuditEntry.actorId as a read of that actor's data", async () => {
      const auditor = await factory.user({ tenant, roles: [Role.AUDITOR] });
      const auditorToken = (await factory.login(auditor)).accessToken;
      const clerkActor: Actor = { kind: 'user', id: clerk.id, tenantId: tenant.id, roles: [Role.CLERK] };
      await app.get(RequestContext).runAs(clerkActor, () =>
        app.get(AuditLog).record({ action: 'identity.role.granted', subjectType: 'User', subjectId: member.id, details: { role: 'CLERK' } }),
      );
      const data = expectData(await app.graphql<{ auditEntries: Array<{ actorId: string | null }> }>(`{ auditEntries { actorId action } }`, {}, { token: auditorToken }));
      expect(data.auditEntries.map((e) => e.actorId)).toContain(clerk.id);
      const rows = (await storedRows(tenant.id)).filter((row) => row.accessor_id === auditor.id);
      expect(rows.map((r) => [r.subject_type, r.subject_id, r.categories, r.fields, r.operation])).toContainEqual(
        ['user', clerk.id, ['electronicIdentification'], ['AuditEntry.actorId'], 'auditEntries'],
      );
      // The auditor's own login entry is about the auditor: not someone else's data.
      expect(rows.some((r) => r.subject_id === auditor.id)).toBe(false);
    });

    it('records reads by API keys', async () => {
      const company = await factory.organisation(tenant);
      const admin = await factory.user({ tenant, organisation: company, roles: [Role.ORG_ADMIN] });
      const key = await factory.apiKey({ tenant, organisation: company, createdBy: admin });
      const data = expectData(
        await app.graphql<{ organisation: { name: string } }>(`query($id: ID!) { organisation(id: $id) { name email } }`, { id: company.id }, { headers: { 'x-api-key': key.secret } }),
      );
      expect(data.organisation.name).toEqual(expect.any(String));
      const rows = (await storedRows(tenant.id)).filter((row) => row.accessor_id === key.id);
      expect(rows.map((r) => [r.accessor_kind, r.subject_type, r.subject_id, r.fields, r.operation])).toEqual([
        ['apiKey', 'organisation', company.id, ['Organisation.email', 'Organisation.name'], 'organisation'],
      ]);
    });

    it("chains the tenant's rows like the audit log, and its verification finds a changed row", async () => {
      const rows = await app.asOwner(async (db) => {
        await db.query(`SELECT set_config('app.tenant_id', $1, false)`, [tenant.id]);
        return (await db.query(`SELECT sequence, previous_hash, hash FROM personal_data_access ORDER BY sequence`)).rows as Array<{ sequence: string; previous_hash: Buffer | null; hash: Buffer }>;
      });
      expect(rows.length).toBeGreaterThan(2);
      rows.forEach((row, i) => {
        expect(Number(row.sequence)).toBe(i + 1);
        expect(row.previous_hash).toEqual(i === 0 ? null : rows[i - 1]!.hash);
      });
      const verify = async () =>
        expectData(await app.graphql<{ verifyPersonalDataAccessChain: { entries: number; valid: boolean; firstBrokenSequence: number | null } }>(
          `{ verifyPersonalDataAccessChain { entries valid firstBrokenSequence } }`, {}, as(privacyOfficer),
        )).verifyPersonalDataAccessChain;
      expect(await verify()).toEqual({ entries: rows.length, valid: true, firstBrokenSequence: null });
      await app.asOwner((db) => db.query(`UPDATE personal_data_access SET fields = '{User.phone}' WHERE tenant_id = $1 AND sequence = 2`, [tenant.id]));
      expect(await verify()).toEqual({ entries: rows.length, valid: false, firstBrokenSequence: 2 });
      const response = await app.graphql(`{ verifyPersonalDataAccessChain { valid } }`, {}, as(clerk));
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('append-only', () => {
    it('the application role can neither change nor remove entries', async () => {
      const asApplication = new Client({ connectionString: app.database.appUrl });
      await asApplication.connect();
      try {
        await asApplication.query(`SELECT set_config('app.tenant_id', $1, false)`, [tenant.id]);
        for (const statement of [`UPDATE personal_data_access SET operation = 'nothing'`, `DELETE FROM personal_data_access`]) {
          await expect(asApplication.query(statement)).rejects.toThrow(/permission denied for table personal_data_access/);
        }
      } finally {
        await asApplication.end();
      }
      expect((await storedRows(tenant.id)).length).toBeGreaterThan(0);
    });
  });

  it("every entity with a person's own id (selfUserId) is about users, so its subject sees its entries", () => {
    const offending = policedEntities()
      .filter((policy) => policy.relations.selfUserId && policy.name !== 'PersonalDataAccess')
      .flatMap((policy) => [...policy.fields.values()].map((field) => ({ policy, field })))
      .filter(({ policy, field }) => field.personalData && (policy.subject ?? field.personalData.subject) !== 'user')
      .map(({ policy, field }) => `${policy.name}.${field.name}`);
    expect(offending).toEqual([]);
  });
});
