import { Role } from '@chancery/access';
import { totpCodeAt } from '@chancery/identity';
import { expectData, IdentityFactory, linkTokenOf, queuedEmails, TestApp, useTestApp } from '@chancery/testing';

const CREATE = 'mutation($i: CreateTenantInput!) { createTenant(input: $i) { tenant { id slug name kinds } invitationSentTo } }';
const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { accessToken totpEnrolmentRequired } }';
const INVITE_AGAIN = 'mutation($i: InviteTenantAdministratorInput!) { inviteTenantAdministrator(input: $i) { tenant { slug } invitationSentTo earlierInvitationsRevoked } }';
const ACCEPT = 'mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) }';

function tenantInput(slug: string, administratorEmail: string) {
  return {
    slug,
    name: 'Kamer van Koophandel Limburg',
    kinds: ['CHAMBER_OF_COMMERCE'],
    legalEntityNumber: '0407.036.539',
    street: 'Kunstlaan 20',
    postalCode: '3500',
    city: 'Hasselt',
    country: 'BE',
    phone: '+3211560200',
    languages: ['nl', 'en'],
    privacyContactEmail: 'privacy@limburg.test',
    servedPostalCodes: [{ from: '3500', to: '3999' }],
    administrator: { firstName: 'Lies', lastName: 'Limburg', email: administratorEmail, preferredLanguage: 'nl' } as Record<string, string>,
  };
}

describe('The tenant directory', () => {
  const world = useTestApp();
  let app: TestApp;
  let factory: IdentityFactory;
  beforeAll(() => ({ app, factory } = world));

  it('the operator creates a tenant and its first administrator is invited; the public list shows it and proposes it for its postal codes', async () => {
    const operatorUser = await factory.user({ roles: [Role.PLATFORM_ADMIN] });
    const operator = { ...(await factory.login(operatorUser)), user: operatorUser };
    const created = expectData(await app.graphql<{ createTenant: { tenant: { id: string; slug: string }; invitationSentTo: string } }>(
      CREATE, { i: tenantInput('voka-limburg', 'Lies@Limburg.test') }, { token: operator.accessToken })).createTenant;
    expect(created.tenant.slug).toBe('voka-limburg');
    expect(created.invitationSentTo).toBe('lies@limburg.test');

    const listed = expectData(await app.graphql<{ tenants: Array<{ slug: string; phone: string; city: string; privacyContactEmail: string }> }>('{ tenants { slug phone city privacyContactEmail } }'));
    expect(listed.tenants).toContainEqual({ slug: 'voka-limburg', phone: '+3211560200', city: 'Hasselt', privacyContactEmail: 'privacy@limburg.test' });
    expect(expectData(await app.graphql<{ proposeChamber: { slug: string } }>('{ proposeChamber(postalCode: "3600") { slug } }')).proposeChamber).toEqual({ slug: 'voka-limburg' });
    const audit = await app.asOwner(async (db) => (await db.query(
      `SELECT tenant_id, action, actor_id FROM audit_entry WHERE action IN ('identity.tenant.created', 'identity.invitation.created', 'identity.role.granted') AND (tenant_id IS NULL OR tenant_id = $1) AND subject_id IN ($1::text, (SELECT id::text FROM invitation WHERE tenant_id = $1)) ORDER BY id`,
      [created.tenant.id])).rows);
    expect(audit).toEqual([
      { tenant_id: null, action: 'identity.tenant.created', actor_id: operator.user.id },
      { tenant_id: created.tenant.id, action: 'identity.invitation.created', actor_id: operator.user.id },
    ]);
  });

  it('no credential of the operator\'s choosing: a password for the administrator is refused, naming the field, and nothing is created', async () => {
    const operator = await factory.login(await factory.user({ roles: [Role.PLATFORM_ADMIN] }));
    const input = tenantInput('voka-with-password', 'chosen@limburg.test');
    input.administrator = { ...input.administrator, password: 'Operator-chosen-pass-2026' };
    const refused = await app.graphql(CREATE, { i: input }, { token: operator.accessToken });
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors).toHaveLength(1);
    // The field no longer exists: GraphQL's own coercion of the variables refuses it, before any resolver runs.
    expect(refused.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'i.administrator', reason: 'Field "password" is not defined by type "TenantAdministratorInput".', constraint: 'type' }],
    });
    // Written into the document itself, it fails validation.
    const inline = await app.graphql(
      `mutation { createTenant(input: { slug: "voka-inline", name: "x", kinds: [CHAMBER_OF_COMMERCE], legalEntityNumber: "1", street: "x", postalCode: "3500", city: "x", country: "BE", languages: ["nl"], privacyContactEmail: "p@x.test",
        administrator: { firstName: "V", lastName: "W", email: "chosen@limburg.test", password: "Operator-chosen-pass-2026" } }) { invitationSentTo } }`, {}, { token: operator.accessToken });
    expect(inline.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([['GRAPHQL_VALIDATION_FAILED', 'Field "password" is not defined by type "TenantAdministratorInput".']]);
    const left = await app.asOwner(async (db) => (await db.query(
      `SELECT (SELECT count(*) FROM tenant WHERE slug IN ('voka-with-password', 'voka-inline'))::int AS tenants, (SELECT count(*) FROM user_account WHERE email = 'chosen@limburg.test')::int AS users,
              (SELECT count(*) FROM invitation WHERE email = 'chosen@limburg.test')::int AS invitations`)).rows[0]);
    expect(left).toEqual({ tenants: 0, users: 0, invitations: 0 });
  });

  it('after createTenant no account can log in: the administrator has an invitation (TENANT_ADMIN) by e-mail, accepts it with their own password and must enrol a second factor', async () => {
    const operatorUser = await factory.user({ roles: [Role.PLATFORM_ADMIN] });
    const operator = { ...(await factory.login(operatorUser)), user: operatorUser };
    const created = expectData(await app.graphql<{ createTenant: { tenant: { id: string; slug: string } } }>(
      CREATE, { i: tenantInput('voka-invited', 'anke@invited.test') }, { token: operator.accessToken })).createTenant;
    const tenantId = created.tenant.id;

    // Nobody holds an account of the new tenant, so no password logs in to it.
    const accounts = await app.asOwner(async (db) => (await db.query(`SELECT count(*)::int AS n FROM user_account WHERE tenant_id = $1`, [tenantId])).rows[0]);
    expect(accounts).toEqual({ n: 0 });
    for (const password of ['a sturdy passphrase for the admin', 'Operator-chosen-pass-2026', '']) {
      const login = await app.graphql(LOGIN, { i: { email: 'anke@invited.test', password, tenant: 'voka-invited' } });
      expect(login.data?.login ?? null).toBeNull();
      expect(login.errors?.map((e) => e.extensions?.code)).toEqual([expect.stringMatching(/^(UNAUTHENTICATED|BAD_USER_INPUT)$/)]);
    }
    const invitations = await app.asOwner(async (db) => (await db.query(
      `SELECT email, roles, organisation_id, invited_by, accepted_at FROM invitation WHERE tenant_id = $1`, [tenantId])).rows);
    expect(invitations).toEqual([{ email: 'anke@invited.test', roles: ['TENANT_ADMIN'], organisation_id: null, invited_by: operator.user.id, accepted_at: null }]);

    // The e-mail goes to the administrator's address, in their language, with the link.
    const mails = await queuedEmails(app, { recipient: 'anke@invited.test' });
    expect(mails.map((m) => ({ template: m.template, tenantId: m.tenantId }))).toEqual([{ template: 'identity.invitation', tenantId }]);
    expect(mails[0]!.subject).toBe('U bent uitgenodigd bij Kamer van Koophandel Limburg op Chancery');
    expect(mails[0]!.body).toContain('Beste Lies Limburg');
    const token = linkTokenOf(mails[0]!.body);
    expect(token).toMatch(/^inv_/);
    // Nobody else was written to about it (the operator learns the address from the answer only).
    const others = (await queuedEmails(app)).filter((m) => m.tenantId === tenantId && m.recipient !== 'anke@invited.test');
    expect(others).toEqual([]);

    expectData(await app.graphql('mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) }',
      { i: { token, firstName: 'Anke', lastName: 'Invited', password: 'her very own passphrase 7', preferredLanguage: 'nl' } }));
    const login = expectData(await app.graphql<{ login: { accessToken: string; totpEnrolmentRequired: boolean } }>(LOGIN,
      { i: { email: 'anke@invited.test', password: 'her very own passphrase 7', tenant: 'voka-invited' } })).login;
    expect(login.totpEnrolmentRequired).toBe(true);
    // Until the second factor is enrolled the administrator administers nothing.
    const before = await app.graphql('{ managedUsers { id } }', {}, { token: login.accessToken });
    expect(before.errors?.map((e) => [e.extensions?.code, e.extensions?.reason])).toEqual([['FORBIDDEN', 'SECOND_FACTOR_ENROLMENT_REQUIRED']]);
    const after = { managedUsers: [{ id: expect.any(String) }] };
    const enrolment = expectData(await app.graphql<{ beginTotpEnrolment: string }>('mutation { beginTotpEnrolment }', {}, { token: login.accessToken })).beginTotpEnrolment;
    const secret = new URL(enrolment).searchParams.get('secret')!;
    expectData(await app.graphql('mutation($c: String!) { confirmTotpEnrolment(code: $c) }', { c: totpCodeAt(secret, app.clock.now()) }, { token: login.accessToken }));
    expect(expectData(await app.graphql('{ managedUsers { id } }', {}, { token: login.accessToken }))).toEqual(after);
    const me = expectData(await app.graphql<{ me: { email: string; roles: string[]; organisationId: string | null; firstName: string } }>(
      '{ me { email roles organisationId firstName } }', {}, { token: login.accessToken })).me;
    expect(me).toEqual({ email: 'anke@invited.test', roles: ['TENANT_ADMIN'], organisationId: null, firstName: 'Anke' });
    const granted = await app.asOwner(async (db) => (await db.query(
      `SELECT r.role, r.granted_by FROM user_role r JOIN user_account u ON u.id = r.user_id WHERE u.tenant_id = $1`, [tenantId])).rows);
    expect(granted).toEqual([{ role: 'TENANT_ADMIN', granted_by: operator.user.id }]);
    // The operator's password, had they guessed one, still opens nothing.
    const operatorsGuess = await app.graphql(LOGIN, { i: { email: 'anke@invited.test', password: 'Operator-chosen-pass-2026', tenant: 'voka-invited' } });
    expect(operatorsGuess.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses a taken slug naming the field, and leaves neither a tenant nor an invitation nor its e-mail behind', async () => {
    const operator = await factory.login(await factory.user({ roles: [Role.PLATFORM_ADMIN] }));
    const count = () => app.asOwner(async (db) => (await db.query(`SELECT (SELECT count(*) FROM tenant)::int AS tenants, (SELECT count(*) FROM user_account)::int AS users, (SELECT count(*) FROM invitation)::int AS invitations, (SELECT count(*) FROM outbox_message)::int AS mails`)).rows[0]);
    expectData(await app.graphql(CREATE, { i: tenantInput('voka-taken', 'first@taken.test') }, { token: operator.accessToken }));
    const before = await count();
    const again = await app.graphql(CREATE, { i: tenantInput('voka-taken', 'second@taken.test') }, { token: operator.accessToken });
    expect(again.errors?.[0]?.extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.slug' })] }));
    expect(await count()).toEqual(before);
  });

  it('only the operator creates tenants', async () => {
    const tenant = await factory.tenant();
    for (const roles of [[Role.TENANT_ADMIN], [Role.ORG_ADMIN]]) {
      const caller = await factory.login(await factory.user({ tenant, organisation: roles[0] === Role.ORG_ADMIN ? await factory.organisation(tenant) : undefined, roles }));
      const refused = await app.graphql(CREATE, { i: tenantInput(`voka-${roles[0]!.toLowerCase().replace('_', '-')}`, 'x@y.test') }, { token: caller.accessToken });
      expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
    expect((await app.graphql(CREATE, { i: tenantInput('voka-anon', 'x@y.test') })).errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  describe('a tenant whose first administrator never became one (the invitation expired or went to a wrong address)', () => {
    const administrator = (email: string) => ({ firstName: 'Jef', lastName: 'Juist', email, preferredLanguage: 'en' });

    it('the operator invites its administrator again: the link sent to the mistyped address stops working, the new one makes an administrator', async () => {
      const operatorUser = await factory.user({ roles: [Role.PLATFORM_ADMIN] });
      const operator = { ...(await factory.login(operatorUser)), user: operatorUser };
      const created = expectData(await app.graphql<{ createTenant: { tenant: { id: string } } }>(
        CREATE, { i: tenantInput('voka-mistyped', 'jef@juits.test') }, { token: operator.accessToken })).createTenant;
      const tenantId = created.tenant.id;
      const mistypedToken = linkTokenOf((await queuedEmails(app, { recipient: 'jef@juits.test' }))[0]!.body);

      const again = expectData(await app.graphql<{ inviteTenantAdministrator: unknown }>(
        INVITE_AGAIN, { i: { tenantId, administrator: administrator('Jef@Juist.test') } }, { token: operator.accessToken })).inviteTenantAdministrator;
      expect(again).toEqual({ tenant: { slug: 'voka-mistyped' }, invitationSentTo: 'jef@juist.test', earlierInvitationsRevoked: 1 });
      const invitations = await app.asOwner(async (db) => (await db.query(
        `SELECT email, roles, invited_by, revoked_at IS NOT NULL AS revoked FROM invitation WHERE tenant_id = $1 ORDER BY created_at, email`, [tenantId])).rows);
      expect(invitations).toEqual([
        { email: 'jef@juits.test', roles: ['TENANT_ADMIN'], invited_by: operator.user.id, revoked: true },
        { email: 'jef@juist.test', roles: ['TENANT_ADMIN'], invited_by: operator.user.id, revoked: false },
      ]);
      // Whoever holds the mistyped address cannot become the tenant's administrator any more.
      const late = await app.graphql(ACCEPT, { i: { token: mistypedToken, firstName: 'Not', lastName: 'Jef', password: 'somebody elses passphrase 5', preferredLanguage: 'en' } });
      expect(late.errors?.map((e) => [e.extensions?.code, e.extensions?.reason])).toEqual([['UNAUTHENTICATED', 'INVITATION_INVALID']]);
      const mail = (await queuedEmails(app, { recipient: 'jef@juist.test' }))[0]!;
      expect(mail.template).toBe('identity.invitation');
      expect(mail.body).toContain('Jef Juist');
      expectData(await app.graphql(ACCEPT, { i: { token: linkTokenOf(mail.body), firstName: 'Jef', lastName: 'Juist', password: 'the right passphrase 2026', preferredLanguage: 'en' } }));
      const roles = await app.asOwner(async (db) => (await db.query(
        `SELECT u.email, r.role FROM user_role r JOIN user_account u ON u.id = r.user_id WHERE u.tenant_id = $1`, [tenantId])).rows);
      expect(roles).toEqual([{ email: 'jef@juist.test', role: 'TENANT_ADMIN' }]);
      // Both acts are in the tenant's audit log with the operator as actor.
      const audit = await app.asOwner(async (db) => (await db.query(
        `SELECT action, actor_id FROM audit_entry WHERE tenant_id = $1 AND action IN ('identity.invitation.created', 'identity.invitation.revoked') ORDER BY id`, [tenantId])).rows);
      expect(audit).toEqual([
        { action: 'identity.invitation.created', actor_id: operator.user.id },
        { action: 'identity.invitation.revoked', actor_id: operator.user.id },
        { action: 'identity.invitation.created', actor_id: operator.user.id },
      ]);

      // Now the tenant has an active administrator, who invites its staff: the operator is refused, and nothing is written.
      const count = () => app.asOwner(async (db) => (await db.query(`SELECT (SELECT count(*) FROM invitation WHERE tenant_id = $1)::int AS invitations, (SELECT count(*) FROM outbox_message WHERE tenant_id = $1)::int AS mails`, [tenantId])).rows[0]);
      const before = await count();
      const refused = await app.graphql(INVITE_AGAIN, { i: { tenantId, administrator: administrator('operator-friend@elsewhere.test') } }, { token: operator.accessToken });
      expect(refused.errors?.map((e) => [e.extensions?.code, e.extensions?.reason, e.extensions?.fields])).toEqual([
        ['CONFLICT', 'TENANT_HAS_ADMINISTRATOR', [expect.objectContaining({ field: 'input.tenantId' })]],
      ]);
      expect(await count()).toEqual(before);
    });

    it('refuses an unknown tenant, a malformed id, an address that already has a staff account, and anyone but the operator', async () => {
      const operator = await factory.login(await factory.user({ roles: [Role.PLATFORM_ADMIN] }));
      const unknown = await app.graphql(INVITE_AGAIN, { i: { tenantId: '00000000-0000-4000-8000-000000000000', administrator: administrator('a@b.test') } }, { token: operator.accessToken });
      expect(unknown.errors?.map((e) => [e.extensions?.code, e.extensions?.reason])).toEqual([['NOT_FOUND', 'TENANT_NOT_FOUND']]);
      const malformed = await app.graphql(INVITE_AGAIN, { i: { tenantId: 'voka', administrator: administrator('a@b.test') } }, { token: operator.accessToken });
      expect(malformed.errors?.[0]?.extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.tenantId' })] }));

      // A tenant whose only administrator was disabled has none active; a clerk's address is already staff.
      const tenant = await factory.tenant();
      await factory.user({ tenant, roles: [Role.TENANT_ADMIN], status: 'DISABLED' });
      const clerk = await factory.user({ tenant, roles: [Role.CLERK] });
      const taken = await app.graphql(INVITE_AGAIN, { i: { tenantId: tenant.id, administrator: administrator(clerk.email) } }, { token: operator.accessToken });
      expect(taken.errors?.map((e) => [e.extensions?.code, e.extensions?.reason, e.extensions?.fields?.[0]?.field])).toEqual([['CONFLICT', 'ADDRESS_ALREADY_IN_COMPANY', 'input.administrator.email']]);
      expect(expectData(await app.graphql<{ inviteTenantAdministrator: { earlierInvitationsRevoked: number } }>(
        INVITE_AGAIN, { i: { tenantId: tenant.id, administrator: administrator('new-admin@tenant.test') } }, { token: operator.accessToken })).inviteTenantAdministrator.earlierInvitationsRevoked).toBe(0);

      for (const roles of [[Role.TENANT_ADMIN], [Role.CLERK]]) {
        const caller = await factory.login(await factory.user({ tenant, roles }));
        const refused = await app.graphql(INVITE_AGAIN, { i: { tenantId: tenant.id, administrator: administrator('x@y.test') } }, { token: caller.accessToken });
        expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      }
      expect((await app.graphql(INVITE_AGAIN, { i: { tenantId: tenant.id, administrator: administrator('x@y.test') } })).errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    });
  });
});
