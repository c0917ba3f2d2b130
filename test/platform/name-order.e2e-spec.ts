import { Role } from '@chancery/access';
import { DatasheetsFactory, expectData, useTestApp } from '@chancery/testing';

/**
 * Lists by name read as a Belgian reader expects: case and accents do not move a name to the end
 * ("de Smet" between "Aerts" and "Maes", "École" among the e's) and numbers count ("Plant 9" before
 * "Plant 10"). The database sorts in its own collation (C.UTF-8 here: every capital before every small
 * letter, accented letters after z) unless a statement says otherwise.
 */
describe('names in the order a reader expects', () => {
  const started = useTestApp();

  it("the tenant's companies (staff)", async () => {
    const { app, factory } = started;
    const tenant = await factory.tenant();
    for (const name of ['Zeta NV', 'de Smet BV', 'École Moderne SA', 'acme bvba', 'Plant 10 NV', 'Brabant NV', 'Plant 9 NV']) await factory.organisation(tenant, { name });
    const { accessToken: token } = await factory.login(await factory.user({ tenant, roles: [Role.CLERK] }));
    const { organisations } = expectData(await app.graphql<{ organisations: Array<{ name: string }> }>('{ organisations { name } }', {}, { token }));
    expect(organisations.map((o) => o.name)).toEqual(['acme bvba', 'Brabant NV', 'de Smet BV', 'École Moderne SA', 'Plant 9 NV', 'Plant 10 NV', 'Zeta NV']);
  });

  it("the tenant's staff (tenant administrator), by family name, then given name", async () => {
    const { app, factory } = started;
    const tenant = await factory.tenant();
    const admin = await factory.user({ tenant, roles: [Role.TENANT_ADMIN] });
    const people: Array<[string, string]> = [['Maes', 'Ann'], ['Zwart', 'Piet'], ['de Smet', 'Jan'], ['Éloi', 'Marc'], ['van Damme', 'Els'], ['Aerts', 'Bart'], ['de Smet', 'An']];
    const staff = [admin, ...(await Promise.all(people.slice(1).map(() => factory.user({ tenant, roles: [Role.CLERK] }))))];
    await app.asOwner(async (db) => {
      for (const [index, [lastName, firstName]] of people.entries()) {
        await db.query('UPDATE user_account SET last_name = $2, first_name = $3 WHERE id = $1', [staff[index]!.id, lastName, firstName]);
      }
    });
    const { accessToken: token } = await factory.login(admin);
    const { managedUsers } = expectData(await app.graphql<{ managedUsers: Array<{ firstName: string; lastName: string }> }>('{ managedUsers { firstName lastName } }', {}, { token }));
    expect(managedUsers.map((u) => `${u.firstName} ${u.lastName}`)).toEqual(['Bart Aerts', 'An de Smet', 'Jan de Smet', 'Marc Éloi', 'Ann Maes', 'Els van Damme', 'Piet Zwart']);
  });

  it("a certification body's certified products, page after page", async () => {
    const { app, factory } = started;
    const datasheets = new DatasheetsFactory(app, factory);
    const body = await datasheets.certificationBody();
    const holder = await datasheets.holder(body);
    for (const name of ['Kerbstone 10', 'zeta block', 'Élément de bordure', 'kerbstone 9', 'Alpha paver']) await datasheets.product(body, holder, { name });
    const names: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 4; page++) {
      type Page = { certifiedProducts: Array<{ id: string; name: string }> };
      const { certifiedProducts }: Page = expectData(await app.graphql<Page>(
        'query($after: ID) { certifiedProducts(first: 2, after: $after) { id name } }', { after }, { token: body.clerkToken }));
      names.push(...certifiedProducts.map((p) => p.name));
      if (certifiedProducts.length < 2) break;
      after = certifiedProducts.at(-1)!.id;
    }
    expect(names).toEqual(['Alpha paver', 'Élément de bordure', 'kerbstone 9', 'Kerbstone 10', 'zeta block']);
  });
});
