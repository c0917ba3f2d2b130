import { Role } from '@chancery/access';
import { expectData, IdentityFactory, queuedEmails, TestApp, TestTenant, useTestApp } from '@chancery/testing';

/**
 * `organisations`: tenant staff find the tenant's companies by name (choosing a certificate holder),
 * or name a list of them by id in one call; only their own tenant's, only staff, bounded. A company
 * whose registration is not confirmed yet is not among them (review F6: anyone could put names in the
 * staff's pickers with registerOrganisation, no address confirmed); it is, once confirmed.
 */
describe("The tenant's companies, for its staff", () => {
  const world = useTestApp();
  let app: TestApp;
  let factory: IdentityFactory;
  let tenant: TestTenant;
  let other: TestTenant;
  let clerkToken: string;
  const names = ['Beton Brugge NV', 'Betonwerken 100% Gent', 'Asfalt_Centrale BV', 'Zand & Grind'];
  const ids = new Map<string, string>();

  const list = (variables: Record<string, unknown>, token = clerkToken) =>
    app.graphql<{ organisations: Array<{ id: string; name: string }> }>('query($ids: [ID!], $n: String, $f: Int) { organisations(ids: $ids, nameContains: $n, first: $f) { id name } }', variables, { token });

  beforeAll(async () => {
    ({ app, factory } = world);
    tenant = await factory.tenant();
    other = await factory.tenant();
    for (const name of names) ids.set(name, (await factory.organisation(tenant, { name })).id);
    ids.set('other tenant', (await factory.organisation(other, { name: 'Beton Elders BV' })).id);
    clerkToken = (await factory.login(await factory.user({ tenant, roles: [Role.CLERK] }))).accessToken;
  });

  it('by part of the name, any case, in name order; % and _ match themselves; never another tenant’s', async () => {
    expect(expectData(await list({ n: 'BETON' })).organisations.map((o) => o.name)).toEqual(['Beton Brugge NV', 'Betonwerken 100% Gent']);
    expect(expectData(await list({ n: '100%' })).organisations.map((o) => o.name)).toEqual(['Betonwerken 100% Gent']);
    expect(expectData(await list({ n: '%' })).organisations.map((o) => o.name)).toEqual(['Betonwerken 100% Gent']);
    expect(expectData(await list({ n: 't_C' })).organisations.map((o) => o.name)).toEqual(['Asfalt_Centrale BV']);
    expect(expectData(await list({ n: 'Elders' })).organisations).toEqual([]);
    expect(expectData(await list({ f: 2 })).organisations).toHaveLength(2);
  });

  it('by ids in one call: the tenant’s only (another tenant’s id is simply not there)', async () => {
    const asked = [ids.get('Zand & Grind')!, ids.get('Beton Brugge NV')!, ids.get('other tenant')!];
    expect(expectData(await list({ ids: asked })).organisations.map((o) => o.name)).toEqual(['Beton Brugge NV', 'Zand & Grind']);
  });

  it('staff only; bounded; bad input named', async () => {
    const company = await factory.organisation(tenant);
    const orgAdmin = (await factory.login(await factory.user({ tenant, organisation: company, roles: [Role.ORG_ADMIN] }))).accessToken;
    expect((await list({ n: 'Beton' }, orgAdmin)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await app.graphql('{ organisations { id } }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const refused = async (variables: Record<string, unknown>) => (await list(variables)).errors?.[0]?.extensions;
    expect(await refused({ f: 101 })).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'first' })] });
    expect(await refused({ f: 0 })).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'first' })] });
    expect(await refused({ n: 'x'.repeat(101) })).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'nameContains' })] });
    expect(await refused({ n: 'Beton\u0000' })).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'nameContains' })] });
    expect(await refused({ ids: ['not-an-id'] })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await refused({ ids: Array.from({ length: 101 }, () => ids.get('Zand & Grind')) })).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'ids' })] });
  });

  it('an unconfirmed registration is not listed, by name nor by id; once its address is confirmed, it is', async () => {
    const email = `spam-${Date.now()}@example.test`;
    expectData(await app.graphql('mutation($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { tenant { slug } } }', {
      input: {
        tenantSlug: tenant.slug, vatNumber: 'BE0123.456.749', name: 'Beton Spam NV', legalForm: 'NV', street: 'Kaai 1', postalCode: '2000', city: 'Antwerpen',
        country: 'BE', phone: '+3232322219', email: 'info@spam.test', iban: 'BE71096123456769', loginMethod: 'PASSWORD',
        administrator: { firstName: 'Sam', lastName: 'Spam', email, password: 'a long enough passphrase 42', preferredLanguage: 'en' },
      },
    }));
    const registered = await app.asOwner(async (db) => ((await db.query(`SELECT organisation_id AS id FROM user_account WHERE email = $1`, [email])).rows[0] as { id: string }).id);
    expect(expectData(await list({ n: 'BETON' })).organisations.map((o) => o.name)).toEqual(['Beton Brugge NV', 'Betonwerken 100% Gent']);
    expect(expectData(await list({ ids: [registered, ids.get('Zand & Grind')!] })).organisations.map((o) => o.name)).toEqual(['Zand & Grind']);

    const [mail] = await queuedEmails(app, { recipient: email, template: 'identity.confirm-email' });
    expectData(await app.graphql('mutation($token: String!) { confirmEmail(token: $token) }', { token: /(ect_[A-Za-z0-9_-]+)/.exec(mail!.body)![1] }));
    expect(expectData(await list({ n: 'BETON' })).organisations.map((o) => o.name)).toEqual(['Beton Brugge NV', 'Beton Spam NV', 'Betonwerken 100% Gent']);
    expect(expectData(await list({ ids: [registered] })).organisations.map((o) => o.name)).toEqual(['Beton Spam NV']);
  });
});
