import { Role } from '@chancery/access';
import { CertificateHolder, CertificationBody, DatasheetsFactory, expectData, GraphQLResponse, TestUser, useTestApp } from '@chancery/testing';

const APPOINT = 'mutation($i: AppointCompanyAdministratorInput!) { appointCompanyAdministrator(input: $i) { id roles } }';
const codeOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.code;
const reasonOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.reason;

/**
 * A company whose only administrator objected to the contact disclosure (the role is withdrawn, COPRO
 * §5b) has no one left to invite, to manage its users or to name the datasheets' new contact, and its
 * datasheets are unpublished when the deadline passes. The tenant's administrator appoints one of its
 * active users, and only then: while the company has an administrator, that one grants the role.
 */
describe('A tenant appoints the administrator of a company left without one', () => {
  const started = useTestApp();
  let sheets: DatasheetsFactory;
  let body: CertificationBody;
  let holder: CertificateHolder;
  let acknowledged: { user: TestUser; token: string };
  let unacknowledged: { user: TestUser; token: string };

  beforeAll(async () => {
    sheets = new DatasheetsFactory(started.app, started.factory);
    body = await sheets.certificationBody();
    holder = await sheets.holder(body);
    acknowledged = await sheets.orgUser(body, holder.organisation, Role.ORG_MEMBER);
    unacknowledged = await sheets.orgUser(body, holder.organisation, Role.ORG_MEMBER, false);
  });

  const appoint = (email: string, token = body.adminToken) => started.app.graphql<{ appointCompanyAdministrator: { id: string; roles: string[] } }>(APPOINT, { i: { email } }, { token });
  const rolesOf = async (user: TestUser) =>
    (await started.app.asOwner((db) => db.query<{ role: string }>('SELECT role FROM user_role WHERE user_id = $1 ORDER BY role', [user.id]))).rows.map((r) => r.role);

  it('while the company has an administrator, the tenant appoints nobody', async () => {
    const refused = await appoint(acknowledged.user.email);
    expect({ code: codeOf(refused), reason: reasonOf(refused) }).toEqual({ code: 'CONFLICT', reason: 'COMPANY_HAS_ADMINISTRATOR' });
    expect(await rolesOf(acknowledged.user)).toEqual([Role.ORG_MEMBER]);
  });

  it('after the only administrator objected: not the objector, not someone who has not acknowledged the notice, but an active user who has', async () => {
    const { app } = started;
    const objection = expectData(await app.graphql<{ objectToContactDisclosure: { withdrawnRoles: string[] } }>('mutation { objectToContactDisclosure { withdrawnRoles } }', {}, { token: holder.adminToken }));
    expect(objection.objectToContactDisclosure.withdrawnRoles).toEqual([Role.ORG_ADMIN]);

    // The objector cannot be made administrator again against their objection, nor anyone without the acknowledgement.
    for (const person of [holder.admin, unacknowledged.user]) {
      const refused = await appoint(person.email);
      expect({ email: person.email, reason: reasonOf(refused), field: refused.errors?.[0]?.extensions?.fields?.[0]?.field }).toEqual({
        email: person.email, reason: 'DISCLOSURE_NOTICE_NOT_ACKNOWLEDGED', field: 'input.email',
      });
      // Nothing half-written: the role was not granted.
      expect(await rolesOf(person)).not.toContain(Role.ORG_ADMIN);
    }

    // The answer passes the same gate as the tenant admin's read of the user: the same fields, the same values.
    const fields = 'id email firstName lastName phone jobTitle status roles organisationId preferredLanguage lastLoginAt totpEnrolledAt';
    const appointed = expectData(await app.graphql<{ appointCompanyAdministrator: Record<string, unknown> }>(
      `mutation($i: AppointCompanyAdministratorInput!) { appointCompanyAdministrator(input: $i) { ${fields} } }`, { i: { email: acknowledged.user.email.toUpperCase() } }, { token: body.adminToken },
    )).appointCompanyAdministrator;
    expect(appointed).toEqual(expect.objectContaining({ id: acknowledged.user.id, roles: [Role.ORG_ADMIN, Role.ORG_MEMBER] }));
    const read = expectData(await app.graphql<{ user: Record<string, unknown> }>(`query($id: ID!) { user(id: $id) { ${fields} } }`, { id: acknowledged.user.id }, { token: body.adminToken })).user;
    expect(appointed).toEqual(read);
    // The role works at the next request: the new administrator manages the company's users.
    const users = expectData(await app.graphql<{ managedUsers: Array<{ id: string }> }>('{ managedUsers { id } }', {}, { token: acknowledged.token })).managedUsers;
    expect(users.map((u) => u.id)).toContain(unacknowledged.user.id);
    const { rows } = await app.asOwner((db) =>
      db.query(`SELECT actor_id::text AS actor, details->>'role' AS role, details->>'appointedByTenant' AS appointed FROM audit_entry WHERE action = 'identity.role.granted' AND subject_id = $1`, [acknowledged.user.id]),
    );
    expect(rows).toEqual([{ actor: body.admin.id, role: Role.ORG_ADMIN, appointed: 'true' }]);

    // Now the company has one again.
    expect(reasonOf(await appoint(unacknowledged.user.email))).toBe('COMPANY_HAS_ADMINISTRATOR');
  });

  it("only the tenant's administrator; nobody outside the tenant's companies", async () => {
    const { app } = started;
    for (const token of [body.clerkToken, acknowledged.token]) expect(codeOf(await appoint(unacknowledged.user.email, token))).toBe('FORBIDDEN');
    // Another tenant's administrator, the tenant's own staff, an address nobody has: NOT_FOUND on the field.
    const elsewhere = await sheets.certificationBody();
    for (const [email, token] of [[unacknowledged.user.email, elsewhere.adminToken], [body.clerk.email, body.adminToken], ['nobody@example.test', body.adminToken]] as const) {
      const refused = await appoint(email, token);
      expect({ email, code: codeOf(refused), field: refused.errors?.[0]?.extensions?.fields?.[0]?.field }).toEqual({ email, code: 'NOT_FOUND', field: 'input.email' });
    }
    const malformed = await app.graphql(APPOINT, { i: { email: 'not an address' } }, { token: body.adminToken });
    expect(codeOf(malformed)).toBe('BAD_USER_INPUT');
  });
});
