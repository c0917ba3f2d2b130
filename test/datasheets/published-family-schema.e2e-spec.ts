import { CertificationBody, DatasheetsFactory, expectData, KERBSTONE_SCHEMA, useTestApp } from '@chancery/testing';

type Answer = { data?: unknown; errors?: Array<{ extensions?: Record<string, unknown> }> };
const codeOf = (r: Answer) => r.errors?.[0]?.extensions?.code;
const reasonOf = (r: Answer) => r.errors?.[0]?.extensions?.reason;
const fieldOf = (r: Answer) => (r.errors?.[0]?.extensions?.fields as Array<{ field: string }> | undefined)?.[0]?.field;

const INSULATION_SCHEMA = {
  type: 'object',
  properties: { thermalConductivity: { title: 'Thermal conductivity λ (W/m·K)', type: 'number' } },
};

/**
 * A published datasheet's characteristics are a JSON object of keys ("thermalConductivity": 0.035);
 * what each one is, and in which unit, is in the product family's schema ("Thermal conductivity λ
 * (W/m·K)"). The public page and the external systems read the schema of a family once a datasheet of
 * it is published, never before (a family in preparation is the certification body's own), and no
 * longer after its last unpublication: in the public scope the database shows no other schema.
 */
describe('Datasheets: the public schema of a product family with published datasheets', () => {
  const started = useTestApp();
  let sheets: DatasheetsFactory;
  let body: CertificationBody;
  let other: CertificationBody;
  let published: { datasheetId: string };

  const FIELDS = 'tenantId family version jsonSchema updatedAt';
  const ask = (tenant: string, family: string) =>
    started.app.graphql<{ publishedProductFamilySchema: { tenantId: string; family: string; version: number; jsonSchema: string; updatedAt: string } }>(
      `query($t: String!, $f: String!) { publishedProductFamilySchema(tenant: $t, family: $f) { ${FIELDS} } }`,
      { t: tenant, f: family },
    );
  const list = (tenant: string) =>
    started.app.graphql<{ publishedProductFamilySchemas: Array<{ tenantId: string; family: string; version: number }> }>(
      'query($t: String!) { publishedProductFamilySchemas(tenant: $t) { tenantId family version } }',
      { t: tenant },
    );
  /** Every certification body's published families (no tenant given), as `body:family` for the two bodies of this file. */
  const everyBodys = async () => {
    const listed = expectData(await started.app.graphql<{ publishedProductFamilySchemas: Array<{ tenantId: string; family: string }> }>('{ publishedProductFamilySchemas { tenantId family } }')).publishedProductFamilySchemas;
    const get = await started.app.http().get('/public/product-families');
    expect({ status: get.status, body: get.body.map((s: { tenantId: string; family: string }) => ({ tenantId: s.tenantId, family: s.family })) }).toEqual({ status: 200, body: listed });
    // By tenant, then family: a stable order, so an unchanged list keeps its ETag.
    const keys = listed.map((s) => `${s.tenantId} ${s.family}`);
    expect(keys).toEqual([...keys].sort());
    const ours = listed.filter((s) => s.tenantId === body.tenant.id || s.tenantId === other.tenant.id);
    return { etag: get.headers.etag as string, ours: ours.map((s) => `${s.tenantId === body.tenant.id ? 'body' : 'other'}:${s.family}`) };
  };
  const SET_SCHEMA = 'mutation($i: SetProductFamilySchemaInput!) { setProductFamilySchema(input: $i) { version } }';
  const setSchema = (target: CertificationBody, family: string, schema: object) => sheets.gql(SET_SCHEMA, { i: { family, jsonSchema: JSON.stringify(schema) } }, target.adminToken);

  /** What the public scope itself shows of `product_family_schema` (the application's role, no code in between). */
  const schemasInPublicScope = () =>
    started.app.asOwner(async (db) => {
      await db.query('BEGIN');
      await db.query('SET LOCAL ROLE chancery_app');
      await db.query(`SELECT set_config('app.scope', 'public', true)`);
      const { rows } = await db.query<{ tenant_id: string; family: string }>(`SELECT tenant_id, family FROM product_family_schema WHERE tenant_id = ANY($1::uuid[]) ORDER BY family`, [[body.tenant.id, other.tenant.id]]);
      await db.query('ROLLBACK');
      return rows.map((row) => `${row.tenant_id === body.tenant.id ? 'body' : 'other'}:${row.family}`);
    });

  beforeAll(async () => {
    sheets = new DatasheetsFactory(started.app, started.factory);
    body = await sheets.certificationBody();
    // Another certification body with the same family's schema and nothing published.
    other = await sheets.certificationBody();
    expectData(await setSchema(body, 'insulation-boards', INSULATION_SCHEMA));
  });

  it('before any publication of the family, the schema is not public: NOT_FOUND as for a family that does not exist', async () => {
    for (const [tenant, family] of [[body.tenant.slug, 'kerbstones'], [body.tenant.id, 'insulation-boards'], [body.tenant.slug, 'no-such-family'], ['no-such-tenant', 'kerbstones']] as const) {
      const answer = await ask(tenant, family);
      expect({ tenant, family, code: codeOf(answer), reason: reasonOf(answer), data: answer.data }).toEqual({ tenant, family, code: 'NOT_FOUND', reason: 'PUBLISHED_FAMILY_SCHEMA_NOT_FOUND', data: null });
      expect((await started.app.http().get(`/public/product-families/${tenant}/${family}`)).status).toBe(404);
    }
    expect(await schemasInPublicScope()).toEqual([]);
    // The list of the body's families (the search form's choices) is empty, over GraphQL and GET.
    expect(expectData(await list(body.tenant.slug)).publishedProductFamilySchemas).toEqual([]);
    expect((await started.app.http().get(`/public/product-families/${body.tenant.slug}`)).body).toEqual([]);
    expect((await everyBodys()).ours).toEqual([]);
  });

  it('with a published datasheet, anyone reads the schema, by the tenant’s slug or id, over GraphQL and GET, cacheable until it changes', async () => {
    const { app } = started;
    const holder = await sheets.holder(body);
    published = await sheets.published(body, holder);

    const bySlug = expectData(await ask(body.tenant.slug, 'kerbstones')).publishedProductFamilySchema;
    expect({ ...bySlug, jsonSchema: JSON.parse(bySlug.jsonSchema) }).toEqual({ tenantId: body.tenant.id, family: 'kerbstones', version: 1, jsonSchema: KERBSTONE_SCHEMA, updatedAt: expect.any(String) });
    expect(expectData(await ask(body.tenant.id, 'kerbstones')).publishedProductFamilySchema).toEqual(bySlug);
    const get = await app.http().get(`/public/product-families/${body.tenant.slug}/kerbstones`);
    expect({ status: get.status, body: get.body, cache: get.headers['cache-control'] }).toEqual({ status: 200, body: bySlug, cache: 'public, no-cache' });
    expect((await app.http().get(`/public/product-families/${body.tenant.slug}/kerbstones`).set('if-none-match', get.headers.etag as string)).status).toBe(304);

    // Only the family published, only the tenant that published it: the public scope shows that one schema.
    expect(codeOf(await ask(body.tenant.slug, 'insulation-boards'))).toBe('NOT_FOUND');
    expect(codeOf(await ask(other.tenant.slug, 'kerbstones'))).toBe('NOT_FOUND');
    expect(await schemasInPublicScope()).toEqual(['body:kerbstones']);
    // Listed: the published family only, by the slug or the id, over GraphQL and GET; another body lists none.
    const listed = expectData(await list(body.tenant.slug)).publishedProductFamilySchemas;
    expect(listed).toEqual([{ tenantId: body.tenant.id, family: 'kerbstones', version: 1 }]);
    expect(expectData(await list(body.tenant.id)).publishedProductFamilySchemas).toEqual(listed);
    expect(expectData(await list(other.tenant.slug)).publishedProductFamilySchemas).toEqual([]);
    expect(expectData(await list('no-such-tenant')).publishedProductFamilySchemas).toEqual([]);
    const listGet = await app.http().get(`/public/product-families/${body.tenant.slug}`);
    expect({ status: listGet.status, families: listGet.body.map((s: { family: string }) => s.family), cache: listGet.headers['cache-control'] }).toEqual({ status: 200, families: ['kerbstones'], cache: 'public, no-cache' });
    expect((await app.http().get(`/public/product-families/${body.tenant.slug}`).set('if-none-match', listGet.headers.etag as string)).status).toBe(304);
    // Every body's list (the search form's choices, one question): the published family of this body, none of the other.
    const everyBodysList = await everyBodys();
    expect(everyBodysList.ours).toEqual(['body:kerbstones']);
    expect((await app.http().get('/public/product-families').set('if-none-match', everyBodysList.etag)).status).toBe(304);

    // A changed schema is a new version with a new ETag: a cache revalidating gets the new one.
    const changed = { ...KERBSTONE_SCHEMA, properties: { ...KERBSTONE_SCHEMA.properties, compressiveStrength: { ...KERBSTONE_SCHEMA.properties.compressiveStrength, title: 'Compressive strength class' } } };
    expectData(await setSchema(body, 'kerbstones', changed));
    const revalidated = await app.http().get(`/public/product-families/${body.tenant.slug}/kerbstones`).set('if-none-match', get.headers.etag as string);
    expect({ status: revalidated.status, version: revalidated.body.version, title: JSON.parse(revalidated.body.jsonSchema).properties.compressiveStrength.title }).toEqual({ status: 200, version: 2, title: 'Compressive strength class' });
  });

  it('unpublishing the family’s last datasheet takes its schema out of the public’s reach again', async () => {
    expectData(await started.app.graphql('mutation($d: ID!) { unpublishDatasheet(datasheetId: $d) { id } }', { d: published.datasheetId }, { token: body.clerkToken }));
    expect(codeOf(await ask(body.tenant.slug, 'kerbstones'))).toBe('NOT_FOUND');
    expect((await started.app.http().get(`/public/product-families/${body.tenant.slug}/kerbstones`)).status).toBe(404);
    expect(await schemasInPublicScope()).toEqual([]);
    expect(expectData(await list(body.tenant.slug)).publishedProductFamilySchemas).toEqual([]);
    expect((await everyBodys()).ours).toEqual([]);
  });

  it('keeps the titles in other languages (x-titles) a schema gives, and refuses malformed ones naming where they are', async () => {
    const translated = {
      type: 'object',
      'x-titles': { fr: 'Panneaux isolants' },
      properties: {
        thicknessMm: { title: 'Thickness (mm)', 'x-titles': { nl: 'Dikte (mm)', fr: 'Épaisseur (mm)', de: 'Dicke (mm)' }, type: 'integer' },
        // A characteristic may be called so: in `properties` the keys are names, not keywords.
        'x-titles': { type: 'string' },
      },
    };
    expectData(await setSchema(body, 'boards', translated));
    for (const [titles, field] of [
      ['Dikte', '/properties/thicknessMm/x-titles'],
      [{ es: 'Espesor (mm)' }, '/properties/thicknessMm/x-titles/es'],
      [{ nl: 12 }, '/properties/thicknessMm/x-titles/nl'],
      [{ nl: ' ' }, '/properties/thicknessMm/x-titles/nl'],
      [{ nl: 'Dikte\n(mm)' }, '/properties/thicknessMm/x-titles/nl'],
      [{ nl: 'Dikte \u202e(mm)' }, '/properties/thicknessMm/x-titles/nl'],
      [{ nl: 'D'.repeat(201) }, '/properties/thicknessMm/x-titles/nl'],
    ] as const) {
      const schema = { type: 'object', properties: { thicknessMm: { title: 'Thickness (mm)', 'x-titles': titles, type: 'integer' } } };
      // As JSON escapes: a raw override in the text is refused earlier, as for any input (input.jsonSchema).
      const text = JSON.stringify(schema).replace(/[\u202a-\u202e]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
      const refused = await sheets.gql(SET_SCHEMA, { i: { family: 'boards', jsonSchema: text } }, body.adminToken);
      expect({ titles, code: codeOf(refused), reason: reasonOf(refused), field: fieldOf(refused) }).toEqual({ titles, code: 'BAD_USER_INPUT', reason: 'INVALID_SCHEMA', field: `input.jsonSchema${field}` });
    }
    // What was refused changed nothing: the family keeps the schema saved before.
    const { productFamilySchemas } = expectData(await sheets.gql<{ productFamilySchemas: Array<{ family: string; version: number; jsonSchema: string }> }>('{ productFamilySchemas { family version jsonSchema } }', {}, body.adminToken));
    const boards = productFamilySchemas.find((s) => s.family === 'boards')!;
    expect({ version: boards.version, schema: JSON.parse(boards.jsonSchema) }).toEqual({ version: 1, schema: translated });
  });

  it('refuses a malformed tenant or family naming the field, over GraphQL and GET, never a 500', async () => {
    for (const [tenant, family, field] of [['Not A Slug', 'kerbstones', 'tenant'], [body.tenant.slug, 'x/../y', 'family'], [body.tenant.slug, 'kerb\u0000stones', 'family'], ['a'.repeat(100), 'kerbstones', 'tenant']] as const) {
      const answer = await ask(tenant, family);
      expect({ tenant, code: codeOf(answer), field: fieldOf(answer) }).toEqual({ tenant, code: 'BAD_USER_INPUT', field });
    }
    for (const path of [`/public/product-families/Not%20A%20Slug/kerbstones`, `/public/product-families/${body.tenant.slug}/kerb%00stones`, `/public/product-families/${body.tenant.slug}/${'-'.repeat(300)}`]) {
      const answer = await started.app.http().get(path);
      expect({ path, status: answer.status, code: answer.body?.errors?.[0]?.extensions?.code }).toEqual({ path, status: 400, code: 'BAD_USER_INPUT' });
    }
  });
});
