import { CertificateHolder, CertificationBody, DatasheetsFactory, expectData, KERBSTONE_CHARACTERISTICS, TEXTS, useTestApp } from '@chancery/testing';

/**
 * Probe A, F4: the JSON-text inputs (characteristics, a family's schema) may spell in escapes what
 * PostgreSQL's jsonb refuses, U+0000 and unpaired surrogates; that answered INTERNAL_SERVER_ERROR.
 * They are refused as the invalid content they are, naming the field, before the database is asked.
 */
type Err = { errors?: Array<{ extensions?: Record<string, unknown> }> };
const ext = (r: Err) => r.errors?.[0]?.extensions;
const CREATE = 'mutation($input: CreateDatasheetInput!) { createDatasheet(input: $input) { id } }';
const UPDATE = 'mutation($i: UpdateDatasheetDraftInput!) { updateDatasheetDraft(input: $i) { id characteristics } }';
const SET_SCHEMA = 'mutation($input: SetProductFamilySchemaInput!) { setProductFamilySchema(input: $input) { id } }';
// JSON texts as a client sends them: the escapes are in the text, not decoded characters.
const NUL_VALUE = '{"compressiveStrength":"C30/37","note":"a\\u0000b"}';
const NUL_KEY = '{"a\\u0000":1}';
const LONE_HIGH = '{"note":"\\ud800"}';
const LONE_LOW = '{"note":["ok","x\\udc00"]}';
/** Characteristics whose `x` is `depth` arrays deep (the object itself is one level more). */
const nested = (depth: number) => `{"compressiveStrength":"C30/37","x":${'['.repeat(depth)}${']'.repeat(depth)}}`;

describe('datasheets: JSON text holding what jsonb cannot store is refused as invalid input', () => {
  const started = useTestApp();
  let sheets: DatasheetsFactory;
  let body: CertificationBody;
  let holder: CertificateHolder;

  beforeAll(async () => {
    sheets = new DatasheetsFactory(started.app, started.factory);
    body = await sheets.certificationBody();
    holder = await sheets.holder(body);
  });

  it.each([
    [NUL_VALUE, 'input.characteristics/note'],
    [NUL_KEY, 'input.characteristics'],
    [LONE_HIGH, 'input.characteristics/note'],
    [LONE_LOW, 'input.characteristics/note/1'],
  ])('createDatasheet refuses %s with INVALID_CHARACTERISTICS, and creates nothing', async (characteristics, field) => {
    const product = await sheets.product(body, holder);
    const refused = await started.app.graphql(CREATE, { input: { certifiedProductId: product.id, characteristics, texts: TEXTS } }, { token: holder.adminToken });
    expect(ext(refused)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CHARACTERISTICS', fields: [expect.objectContaining({ field })] });
    // Nothing half-written: the same product takes a datasheet right after.
    expect(await sheets.draft(holder.adminToken, product.id)).toMatchObject({ number: 1, state: 'DRAFT' });
  });

  it('updateDatasheetDraft refuses them too and keeps the draft as it was', async () => {
    const product = await sheets.product(body, holder);
    const draft = await sheets.draft(holder.adminToken, product.id);
    for (const characteristics of [NUL_VALUE, NUL_KEY, LONE_HIGH, LONE_LOW]) {
      const refused = await started.app.graphql(UPDATE, { i: { versionId: draft.id, characteristics } }, { token: holder.adminToken });
      expect(ext(refused)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CHARACTERISTICS' });
    }
    const { rows } = await started.app.asOwner((db) => db.query('SELECT characteristics FROM datasheet_version WHERE id = $1', [draft.id]));
    expect(rows[0].characteristics).toEqual(KERBSTONE_CHARACTERISTICS);
  });

  it('refuses characteristics nested deeper than 32 levels, however deep, and keeps the draft (probe E: 20,000 levels answered INTERNAL_SERVER_ERROR, 5,000 were stored and broke the tenant archive)', async () => {
    const product = await sheets.product(body, holder);
    const draft = await sheets.draft(holder.adminToken, product.id);
    for (const depth of [32, 5_000, 20_000]) {
      const refused = await started.app.graphql(UPDATE, { i: { versionId: draft.id, characteristics: nested(depth) } }, { token: holder.adminToken });
      expect(ext(refused)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CHARACTERISTICS', fields: [expect.objectContaining({ field: 'input.characteristics', constraint: 'maxDepth' })] });
      const created = await started.app.graphql(CREATE, { input: { certifiedProductId: product.id, characteristics: nested(depth), texts: TEXTS } }, { token: holder.adminToken });
      expect(ext(created)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CHARACTERISTICS' });
    }
    const { rows } = await started.app.asOwner((db) => db.query('SELECT characteristics FROM datasheet_version WHERE id = $1', [draft.id]));
    expect(rows[0].characteristics).toEqual(KERBSTONE_CHARACTERISTICS);
    // 32 levels in all (the object and 31 arrays) is the most accepted.
    expectData(await started.app.graphql(UPDATE, { i: { versionId: draft.id, characteristics: nested(31) } }, { token: holder.adminToken }));
  });

  it('refuses a family schema nested deeper than 64 levels', async () => {
    const deep = `{"type":"object","properties":{"a":${'{"type":"array","items":'.repeat(70)}{"type":"string"}${'}'.repeat(70)}}}`;
    const refused = await started.app.graphql(SET_SCHEMA, { input: { family: 'deep', jsonSchema: deep } }, { token: body.adminToken });
    expect(ext(refused)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_SCHEMA', fields: [expect.objectContaining({ field: 'input.jsonSchema', constraint: 'maxDepth' })] });
  });

  it('setProductFamilySchema refuses them with INVALID_SCHEMA naming input.jsonSchema, and keeps the schema it had', async () => {
    for (const [jsonSchema, field] of [
      ['{"type":"object","description":"\\ud800"}', 'input.jsonSchema/description'],
      ['{"type":"object","properties":{"a":{"type":"string","const":"\\u0000"}}}', 'input.jsonSchema/properties/a/const'],
    ]) {
      const refused = await started.app.graphql(SET_SCHEMA, { input: { family: 'kerbstones', jsonSchema } }, { token: body.adminToken });
      expect(ext(refused)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_SCHEMA', fields: [expect.objectContaining({ field })] });
    }
    const { productFamilySchemas } = expectData(await started.app.graphql<{ productFamilySchemas: Array<{ family: string; version: number }> }>('{ productFamilySchemas { family version } }', {}, { token: body.adminToken }));
    expect(productFamilySchemas).toEqual([{ family: 'kerbstones', version: 1 }]);
  });

  it('a schema that is not JSON answers INVALID_SCHEMA (it answered INVALID_CHARACTERISTICS)', async () => {
    const refused = await started.app.graphql(SET_SCHEMA, { input: { family: 'kerbstones', jsonSchema: '{"type":' } }, { token: body.adminToken });
    expect(ext(refused)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_SCHEMA', fields: [expect.objectContaining({ field: 'input.jsonSchema' })] });
  });
});
