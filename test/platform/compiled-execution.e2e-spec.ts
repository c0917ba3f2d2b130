import { useTestApp } from '@chancery/testing';

/**
 * Operations run through graphql-js the first time a document comes and compiled (graphql-jit) from
 * the second: both must answer byte for byte alike — data, a domain error's code, a refused variable,
 * an omitted non-null input field that has a default.
 */
describe('GraphQL execution, first sighting and compiled', () => {
  const started = useTestApp();

  async function twice(query: string, variables: Record<string, unknown> = {}) {
    const first = await started.app.graphql(query, variables);
    const second = await started.app.graphql(query, variables);
    const third = await started.app.graphql(query, variables);
    return [first, second, third].map((r) => ({ status: r.status, data: r.data, errors: r.errors }));
  }

  it('answers a query with the same data', async () => {
    await started.factory.tenant({ servedPostalCodes: [{ from: '1000', to: '1999' }] });
    const [first, second, third] = await twice('query Directory { tenants { id slug name kinds servedPostalCodes { from to } } }');
    expect(first.data).toBeTruthy();
    expect(second).toEqual(first);
    expect(third).toEqual(first);
  });

  it('answers a domain error with its code, located, the same way', async () => {
    const tenant = await started.factory.tenant({});
    const [first, second, third] = await twice('mutation Login($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { email: 'nobody@example.test', password: 'not the password at all', tenant: tenant.slug } });
    expect(first.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(first.errors?.[0]?.path).toEqual(['login']);
    expect(second).toEqual(first);
    expect(third).toEqual(first);
  });

  it('refuses an operation name the document does not have, every time, as a client error (it ran the other operation, then answered 500)', async () => {
    const answers = [];
    for (let i = 0; i < 3; i += 1) {
      const response = await started.app.http().post('/graphql').set('content-type', 'application/json').send({ query: 'query A { apiInfo { version } }', operationName: 'B' });
      answers.push({ status: response.status, body: response.body as unknown });
    }
    expect(answers[0]).toEqual({ status: 400, body: { errors: [expect.objectContaining({ message: 'Unknown operation named "B".', extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } })] } });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  it('refuses a bad variable as BAD_USER_INPUT the same way', async () => {
    const [first, second, third] = await twice('query Page($f: Int) { searchPublishedDatasheets(first: $f) { items { id } } }', { f: 'many' });
    expect(first.status).toBe(400);
    expect(first.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(second).toEqual(first);
    expect(third).toEqual(first);
  });

  it('fills an omitted non-null input field from its default (GraphQL allows it; graphql-jit alone refuses it)', async () => {
    const answers = [];
    const slugs = [];
    for (const n of [1, 2, 3]) {
      // A tenant each: one company per VAT number and tenant.
      const tenant = await started.factory.tenant({ servedPostalCodes: [{ from: '2000', to: '2999' }] });
      slugs.push(tenant.slug);
      const response = await started.app.graphql('mutation Register($i: RegisterOrganisationInput!) { registerOrganisation(input: $i) { tenant { slug } } }', {
        i: { tenantSlug: tenant.slug, vatNumber: 'BE0123.456.749', name: `Exporter ${n} NV`, legalForm: 'NV', street: 'Kaai 1', postalCode: '2000', city: 'Antwerpen', country: 'BE', phone: '+3232322219', email: `office${n}@exporter.test`, iban: 'BE71096123456769', loginMethod: 'PASSWORD',
          administrator: { firstName: 'Ann', lastName: 'Peeters', email: `ann${n}@exporter.test`, phone: '+32475123456', password: 'orchid telescope marmalade' } },
      });
      answers.push({ errors: response.errors, data: response.data });
    }
    expect(answers).toEqual(slugs.map((slug) => ({ errors: undefined, data: { registerOrganisation: { tenant: { slug } } } })));
  });
});
