import { Role } from '@chancery/access';
import { expectData, IdentityFactory, TestApp, useTestApp } from '@chancery/testing';

const CREATE = 'mutation($i: CreateTenantInput!) { createTenant(input: $i) { id slug name kinds } }';

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
    administrator: { firstName: 'Lies', lastName: 'Limburg', email: administratorEmail, password: 'a sturdy passphrase for the admin' },
  };
}

describe('The tenant directory', () => {
  const world = useTestApp();
  let app: TestApp;
  let factory: IdentityFactory;
  beforeAll(() => ({ app, factory } = world));

  it('the operator creates a tenant with its first administrator; the public list shows it and proposes it for its postal codes', async () => {
    const operator = await factory.login(await factory.user({ roles: [Role.PLATFORM_ADMIN] }));
    const created = expectData(await app.graphql<{ createTenant: { id: string; slug: string } }>(CREATE, { i: tenantInput('voka-limburg', 'lies@limburg.test') }, { token: operator.accessToken })).createTenant;
    expect(created.slug).toBe('voka-limburg');

    const listed = expectData(await app.graphql<{ tenants: Array<{ slug: string; phone: string; city: string; privacyContactEmail: string }> }>('{ tenants { slug phone city privacyContactEmail } }'));
    expect(listed.tenants).toContainEqual({ slug: 'voka-limburg', phone: '+3211560200', city: 'Hasselt', privacyContactEmail: 'privacy@limburg.test' });
    expect(expectData(await app.graphql<{ proposeChamber: { slug: string } }>('{ proposeChamber(postalCode: "3600") { slug } }')).proposeChamber).toEqual({ slug: 'voka-limburg' });

    // Its administrator logs in to that tenant (and must enrol a second factor before administering).
    const login = expectData(await app.graphql<{ login: { totpEnrolmentRequired: boolean } }>('mutation($i: LoginInput!) { login(input: $i) { totpEnrolmentRequired } }',
      { i: { email: 'lies@limburg.test', password: 'a sturdy passphrase for the admin', tenant: 'voka-limburg' } }));
    expect(login.login.totpEnrolmentRequired).toBe(true);
    const audit = await app.asOwner(async (db) => (await db.query(`SELECT tenant_id, action FROM audit_entry WHERE action IN ('identity.tenant.created', 'identity.role.granted') AND (tenant_id IS NULL OR tenant_id = $1) ORDER BY id`, [created.id])).rows);
    expect(audit).toEqual([{ tenant_id: null, action: 'identity.tenant.created' }, { tenant_id: created.id, action: 'identity.role.granted' }]);
  });

  it('refuses a taken slug naming the field, and leaves neither a tenant nor an administrator behind', async () => {
    const operator = await factory.login(await factory.user({ roles: [Role.PLATFORM_ADMIN] }));
    const count = () => app.asOwner(async (db) => (await db.query(`SELECT (SELECT count(*) FROM tenant)::int AS tenants, (SELECT count(*) FROM user_account)::int AS users`)).rows[0]);
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
});
