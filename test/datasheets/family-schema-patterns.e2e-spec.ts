import { CertificateHolder, CertificationBody, DatasheetsFactory, expectData, useTestApp } from '@chancery/testing';

/**
 * Probe A, F6: a family schema's regular expressions run on the API's one thread, for every tenant. A
 * pattern that backtracks exponentially (`^(a+)+$` on "aaa…a!") froze the whole API, so such patterns are
 * refused when the schema is saved, and one already stored is never run. Since then every tenant pattern
 * runs on V8's linear-time engine, and one that engine cannot run is refused the same way.
 */
type Err = { errors?: Array<{ extensions?: Record<string, unknown> }> };
const ext = (r: Err) => r.errors?.[0]?.extensions;
const SET_SCHEMA = 'mutation($input: SetProductFamilySchemaInput!) { setProductFamilySchema(input: $input) { id family } }';
const SUBMIT = 'mutation($v: ID!) { submitDatasheetVersion(versionId: $v) { id state } }';
const stringSchema = (pattern: string) => ({ type: 'object', properties: { code: { type: 'string', pattern } } });

describe('datasheets: a family schema cannot hold a regular expression that backtracks without end', () => {
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
    ['^(a+)+$', '/properties/code/pattern'],
    ['(a*)*b', '/properties/code/pattern'],
    ['^(a|aa)+$', '/properties/code/pattern'],
    ['^((ab)*c)+$', '/properties/code/pattern'],
    ['^(\\w+\\s?)*$', '/properties/code/pattern'],
    ['^([A-Z0-9]+-?)+$', '/properties/code/pattern'],
    ['^(a)\\1$', '/properties/code/pattern'],
    ['^(?<x>a)\\k<x>$', '/properties/code/pattern'],
    ['a'.repeat(300), '/properties/code/pattern'],
  ])('refuses the pattern %s when the schema is saved, naming where it is', async (pattern, path) => {
    const refused = await started.app.graphql(SET_SCHEMA, { input: { family: 'redos', jsonSchema: JSON.stringify(stringSchema(pattern)) } }, { token: body.adminToken });
    expect(ext(refused)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_SCHEMA', fields: [expect.objectContaining({ field: `input.jsonSchema${path}`, constraint: 'pattern' })] });
    const { productFamilySchemas } = expectData(await started.app.graphql<{ productFamilySchemas: Array<{ family: string }> }>('{ productFamilySchemas { family } }', {}, { token: body.adminToken }));
    expect(productFamilySchemas.map((s) => s.family)).not.toContain('redos');
  });

  it('refuses an unsafe patternProperties key, also deep in the schema', async () => {
    const schema = { type: 'object', properties: { dims: { type: 'object', patternProperties: { '^(x+x+)+y$': { type: 'number' } } } } };
    const refused = await started.app.graphql(SET_SCHEMA, { input: { family: 'redos', jsonSchema: JSON.stringify(schema) } }, { token: body.adminToken });
    expect(ext(refused)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_SCHEMA', fields: [expect.objectContaining({ field: 'input.jsonSchema/properties/dims/patternProperties/^(x+x+)+y$', constraint: 'pattern' })] });
  });

  it('keeps harmless patterns working end to end: a matching value is submitted, another refused by the pattern', async () => {
    const schema = { type: 'object', required: ['code'], properties: { code: { type: 'string', pattern: '^[A-Z]{2}-\\d{3}$' }, grade: { type: 'string', pattern: '^(C\\d{2}/\\d{2})?$' } }, patternProperties: { '^x-[a-z]+$': { type: 'string' } } };
    expectData(await started.app.graphql(SET_SCHEMA, { input: { family: 'kerbstones', jsonSchema: JSON.stringify(schema) } }, { token: body.adminToken }));
    const product = await sheets.product(body, holder);
    const bad = await sheets.draft(holder.adminToken, product.id, { code: 'AB-12' });
    expect(ext(await started.app.graphql(SUBMIT, { v: bad.id }, { token: holder.adminToken }))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CHARACTERISTICS', fields: [expect.objectContaining({ field: 'characteristics/code', constraint: 'pattern' })] });
    expectData(await started.app.graphql('mutation($i: UpdateDatasheetDraftInput!) { updateDatasheetDraft(input: $i) { id } }', { i: { versionId: bad.id, characteristics: JSON.stringify({ code: 'AB-123', grade: 'C30/37', 'x-note': 'ok' }) } }, { token: holder.adminToken }));
    expect(expectData(await started.app.graphql<{ submitDatasheetVersion: { state: string } }>(SUBMIT, { v: bad.id }, { token: holder.adminToken })).submitDatasheetVersion.state).toBe('SUBMITTED');
  });

  it('a pattern the check lets through that backtracks polynomially (\\d*\\d*\\d*x) does not stall the service either', async () => {
    // Adjacent repetitions of the same class are not nested, but on 5,000 digits and a '!' JavaScript's
    // backtracking engine tries them in about n³/6 ways (half a minute here); tenant patterns run on
    // V8's linear-time engine instead.
    const own = await sheets.certificationBody();
    const ownHolder = await sheets.holder(own);
    expectData(await started.app.graphql(SET_SCHEMA, { input: { family: 'kerbstones', jsonSchema: JSON.stringify(stringSchema('^\\d*\\d*\\d*x$')) } }, { token: own.adminToken }));
    const product = await sheets.product(own, ownHolder);
    const draft = await sheets.draft(ownHolder.adminToken, product.id, { code: `${'1'.repeat(5_000)}!` });
    const started_ = Date.now();
    const answer = await started.app.graphql(SUBMIT, { v: draft.id }, { token: ownHolder.adminToken });
    const tookMs = Date.now() - started_;
    expect(ext(answer)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CHARACTERISTICS', fields: [expect.objectContaining({ field: 'characteristics/code', constraint: 'pattern' })] });
    expect(tookMs).toBeLessThan(3_000);
  });

  it.each([
    // A lookaround keeps V8 from handing the pattern to its linear-time engine: on 3,000 digits this one
    // took 6.6 s of the API's one thread (cubic: a 60,000-character value would take days).
    ['^(?=\\d)\\d*\\d*\\d*x$'],
    ['^\\d*\\d*\\d*(?!y)x$'],
    // So does a counted repetition above 16: 4 s on 3,000 digits.
    ['^\\d{0,1000}\\d{0,1000}\\d{0,1000}x$'],
    ['^[A-Z0-9]{1,35}$'],
  ])('refuses %s, which only the backtracking engine could run, when the schema is saved', async (pattern) => {
    const refused = await started.app.graphql(SET_SCHEMA, { input: { family: 'redos', jsonSchema: JSON.stringify(stringSchema(pattern)) } }, { token: body.adminToken });
    expect(ext(refused)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_SCHEMA',
      fields: [expect.objectContaining({ field: 'input.jsonSchema/properties/code/pattern', constraint: 'pattern', reason: expect.stringMatching(/linear time/) })],
    });
  });

  it('never runs a stored pattern that only the backtracking engine could run: submission answers a CONFLICT at once', async () => {
    const own = await sheets.certificationBody();
    const company = await sheets.holder(own);
    const product = await sheets.product(own, company);
    const draft = await sheets.draft(company.adminToken, product.id, { code: `${'1'.repeat(3_000)}!` });
    await started.app.asOwner((db) => db.query(`UPDATE product_family_schema SET json_schema = $2 WHERE tenant_id = $1 AND family = 'kerbstones'`, [own.tenant.id, JSON.stringify(stringSchema('^(?=\\d)\\d*\\d*\\d*x$'))]));
    const startedAt = Date.now();
    const refused = await started.app.graphql(SUBMIT, { v: draft.id }, { token: company.adminToken });
    expect(Date.now() - startedAt).toBeLessThan(2000);
    expect(ext(refused)).toMatchObject({ code: 'CONFLICT', reason: 'PRODUCT_FAMILY_SCHEMA_UNUSABLE' });
  });

  it('refuses Unicode property and code-point escapes, which the schemas\' patterns do not support', async () => {
    for (const pattern of ['^\\p{Lu}+$', '^\\P{L}$', '^\\u{1F600}$']) {
      const refused = await started.app.graphql(SET_SCHEMA, { input: { family: 'unicode', jsonSchema: JSON.stringify(stringSchema(pattern)) } }, { token: body.adminToken });
      expect(ext(refused)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_SCHEMA', fields: [expect.objectContaining({ field: 'input.jsonSchema/properties/code/pattern', constraint: 'pattern' })] });
    }
  });

  it('never runs an unsafe pattern stored before the check: submission answers a CONFLICT at once', async () => {
    const own = await sheets.certificationBody();
    const company = await sheets.holder(own);
    const product = await sheets.product(own, company);
    const draft = await sheets.draft(company.adminToken, product.id, { code: `${'a'.repeat(32)}!` });
    await started.app.asOwner((db) => db.query(`UPDATE product_family_schema SET json_schema = $2 WHERE tenant_id = $1 AND family = 'kerbstones'`, [own.tenant.id, JSON.stringify(stringSchema('^(a+)+$'))]));
    const startedAt = Date.now();
    const refused = await started.app.graphql(SUBMIT, { v: draft.id }, { token: company.adminToken });
    expect(Date.now() - startedAt).toBeLessThan(2000);
    expect(ext(refused)).toMatchObject({ code: 'CONFLICT', reason: 'PRODUCT_FAMILY_SCHEMA_UNUSABLE' });
  });
});

/**
 * A family schema is its tenant's alone, `$id` included (attack of 3 December 2026): the validator
 * kept every compiled schema by its `$id`, so a schema naming one answered every submission with an
 * internal error (compiled again on first use: "already exists"), could not be saved again, blocked the
 * same `$id` in another certification body, and let another body's schema `$ref` it.
 */
describe('datasheets: a family schema with an $id is its tenant\'s alone', () => {
  const started = useTestApp();
  let sheets: DatasheetsFactory;

  it('submits against it, saves it again, and another body can neither collide with it nor refer to it', async () => {
    sheets = new DatasheetsFactory(started.app, started.factory);
    const body = await sheets.certificationBody();
    const holder = await sheets.holder(body);
    const other = await sheets.certificationBody();
    const id = `https://schemas.example.test/kerbstones-${Date.now()}`;
    const schema = { $id: id, type: 'object', required: ['code'], properties: { code: { type: 'string', pattern: '^[A-Z]{2}-\\d{3}$' } } };
    expectData(await started.app.graphql(SET_SCHEMA, { input: { family: 'kerbstones', jsonSchema: JSON.stringify(schema) } }, { token: body.adminToken }));
    const product = await sheets.product(body, holder);
    const draft = await sheets.draft(holder.adminToken, product.id, { code: 'AB-123' });
    expect(expectData(await started.app.graphql<{ submitDatasheetVersion: { state: string } }>(SUBMIT, { v: draft.id }, { token: holder.adminToken })).submitDatasheetVersion.state).toBe('SUBMITTED');
    const refused = await sheets.draft(holder.adminToken, (await sheets.product(body, holder)).id, { code: 'AB-12' });
    expect(ext(await started.app.graphql(SUBMIT, { v: refused.id }, { token: holder.adminToken }))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CHARACTERISTICS' });
    // Saved again by its body, and the same $id in another body's family.
    expectData(await started.app.graphql(SET_SCHEMA, { input: { family: 'kerbstones', jsonSchema: JSON.stringify({ ...schema, description: 'v2' }) } }, { token: body.adminToken }));
    expectData(await started.app.graphql(SET_SCHEMA, { input: { family: 'kerbstones', jsonSchema: JSON.stringify({ ...schema, required: [] }) } }, { token: other.adminToken }));
    // Another body's schema referring to it by its $id resolves nothing of it: refused when saved.
    const referring = await started.app.graphql(SET_SCHEMA, { input: { family: 'pavers', jsonSchema: JSON.stringify({ type: 'object', properties: { code: { $ref: id } } }) } }, { token: other.adminToken });
    expect(ext(referring)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_SCHEMA' });
  });
});
