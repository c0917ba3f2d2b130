import { CertificateHolder, CertificationBody, DatasheetsFactory, expectData, useTestApp } from '@chancery/testing';

/**
 * A certification body's certified products and datasheets, and a company's, in pages: both lists
 * stopped at their first 1,000 records (the products by name, the datasheets oldest first), so a body
 * with more products than that could not reach the rest in the portal, and its review page asked for
 * each datasheet's versions one request at a time. Each list is walked here a few records at a time
 * against the order it promises; a record the list does not hold, as the position, gives an empty page.
 */
describe('Datasheets: the products and datasheets lists, in pages', () => {
  const started = useTestApp();
  let sheets: DatasheetsFactory;
  let body: CertificationBody;
  let holders: CertificateHolder[];
  let other: { body: CertificationBody; holder: CertificateHolder; datasheetId: string; productId: string };
  /** Every product made, with its holder's index. */
  const products: Array<{ id: string; name: string; reference: string; holder: number }> = [];
  /** Every datasheet made, oldest first, with the state its open or published version is in. */
  const datasheets: Array<{ id: string; productId: string; holder: number; versionId: string }> = [];

  const gql = <T>(document: string, variables: Record<string, unknown>, token: string) => started.app.graphql<T>(document, variables, { token });

  /** Every record of a list, `first` at a time, following `after`; the pages it took. */
  async function walk(operation: 'certifiedProducts' | 'datasheets', token: string, first: number, args: Record<string, unknown> = {}, types: Record<string, string> = {}) {
    const declared = Object.entries(types).map(([name, type]) => `, $${name}: ${type}`).join('');
    const passed = Object.keys(types).map((name) => `, ${name}: $${name}`).join('');
    const document = `query($first: Int!, $after: ID${declared}) { ${operation}(first: $first, after: $after${passed}) { id } }`;
    const ids: string[] = [];
    let after: string | null = null;
    for (let pages = 1; ; pages++) {
      const page: Array<{ id: string }> = expectData(await gql<Record<string, Array<{ id: string }>>>(document, { first, after, ...args }, token))[operation]!;
      ids.push(...page.map((record) => record.id));
      if (page.length < first) return { ids, pages };
      after = page[page.length - 1]!.id;
      if (pages > 50) throw new Error('the list never ends');
    }
  }

  beforeAll(async () => {
    const { app } = started;
    sheets = new DatasheetsFactory(app, started.factory);
    body = await sheets.certificationBody();
    holders = [await sheets.holder(body, 'Betonwerk Noord NV'), await sheets.holder(body, 'Prefab Zuid BV')];
    // Names out of creation order, one differing only in case, references with a part to search for.
    const names = ['kerbstone Delta', 'Kerbstone alpha', 'Paver Gamma', 'Kerbstone Beta', 'Drain Epsilon', 'paver zeta', 'Kerbstone Eta'];
    for (const [i, name] of names.entries()) {
      const holder = i % 2;
      const reference = `BENOR-${i % 3 === 0 ? 'KX' : 'PV'}-${1000 + i}`;
      const product = await sheets.product(body, holders[holder]!, { name, certificateReference: reference });
      products.push({ id: product.id, name, reference, holder });
      // A datasheet for all but the last product, one minute apart.
      if (i < names.length - 1) {
        const draft = await sheets.draft(holders[holder]!.adminToken, product.id);
        datasheets.push({ id: draft.datasheetId, productId: product.id, holder, versionId: draft.id });
        app.clock.advance(60_000);
      }
    }
    const otherBody = await sheets.certificationBody();
    const otherHolder = await sheets.holder(otherBody, 'Elders NV');
    const published = await sheets.published(otherBody, otherHolder);
    const otherProduct = expectData(await gql<{ certifiedProducts: Array<{ id: string }> }>('{ certifiedProducts { id } }', {}, otherBody.clerkToken)).certifiedProducts[0]!;
    other = { body: otherBody, holder: otherHolder, datasheetId: published.datasheetId, productId: otherProduct.id };
  });

  it("the body's products by name, in either case, then id; a company's own only; each once, two at a time", async () => {
    // The names are ASCII: lower case orders them the same in any collation.
    const byName = [...products].sort((x, y) => (x.name.toLowerCase() < y.name.toLowerCase() ? -1 : 1));
    const staff = await walk('certifiedProducts', body.clerkToken, 2);
    expect(staff.ids).toEqual(byName.map((p) => p.id));
    expect(staff.pages).toBe(Math.floor(products.length / 2) + 1);
    const company = await walk('certifiedProducts', holders[1]!.adminToken, 2);
    expect(company.ids).toEqual(byName.filter((p) => p.holder === 1).map((p) => p.id));
  });

  it('the search finds part of a name or of a certificate reference, in either case; `ids` keeps those products', async () => {
    const search = async (text: string, token = body.clerkToken) =>
      expectData(await gql<{ certifiedProducts: Array<{ id: string }> }>('query($s: String) { certifiedProducts(search: $s) { id } }', { s: text }, token)).certifiedProducts.map((p) => p.id).sort();
    expect(await search('KERBSTONE')).toEqual(products.filter((p) => /kerbstone/i.test(p.name)).map((p) => p.id).sort());
    expect(await search('-kx-')).toEqual(products.filter((p) => p.reference.includes('-KX-')).map((p) => p.id).sort());
    // LIKE's own characters are taken as they are.
    expect(await search('%_')).toEqual([]);
    expect(await search('kerbstone', holders[0]!.adminToken)).toEqual(products.filter((p) => /kerbstone/i.test(p.name) && p.holder === 0).map((p) => p.id).sort());
    const wanted = [products[1]!.id, products[4]!.id, other.productId];
    const kept = expectData(await gql<{ certifiedProducts: Array<{ id: string }> }>('query($ids: [ID!]) { certifiedProducts(ids: $ids) { id } }', { ids: wanted }, body.clerkToken)).certifiedProducts;
    // Another body's product is not among them.
    expect(kept.map((p) => p.id).sort()).toEqual([products[1]!.id, products[4]!.id].sort());
  });

  it('the search matches part of a name without its accents, and part of a reference whatever its case and separators', async () => {
    const accented = await sheets.certificationBody();
    const holder = await sheets.holder(accented, 'Société des Pavés SA');
    const pave = await sheets.product(accented, holder, { name: 'Pavé drainant Œil', certificateReference: 'BENOR-7/12' });
    const other = await sheets.product(accented, holder, { name: 'Bordure', certificateReference: 'CE-0452-CPR' });
    const search = async (text: string) =>
      expectData(await gql<{ certifiedProducts: Array<{ id: string }> }>('query($s: String) { certifiedProducts(search: $s) { id } }', { s: text }, accented.clerkToken)).certifiedProducts.map((p) => p.id).sort();
    expect(await search('PAVE DRAINANT')).toEqual([pave.id]);
    expect(await search('oeil')).toEqual([pave.id]);
    expect(await search('bordüre')).toEqual([other.id]);
    expect(await search('benor 7 12')).toEqual([pave.id]);
    expect(await search('0452.cpr')).toEqual([other.id]);
    expect(await search('benor 8')).toEqual([]);
  });

  it("the datasheets newest first; a company's own only; each once, two at a time", async () => {
    const newestFirst = [...datasheets].reverse();
    const staff = await walk('datasheets', body.clerkToken, 2);
    expect(staff.ids).toEqual(newestFirst.map((d) => d.id));
    expect(staff.pages).toBe(Math.floor(datasheets.length / 2) + 1);
    const company = await walk('datasheets', holders[0]!.adminToken, 2);
    expect(company.ids).toEqual(newestFirst.filter((d) => d.holder === 0).map((d) => d.id));
  });

  it("the datasheets of given products: a page of products' datasheets in one request, never another company's", async () => {
    const read = async (productIds: string[], token: string) =>
      expectData(await gql<{ datasheets: Array<{ id: string }> }>('query($p: [ID!]) { datasheets(certifiedProductIds: $p) { id } }', { p: productIds }, token)).datasheets.map((d) => d.id).sort();
    const asked = [products[0]!.id, products[1]!.id, products[6]!.id, other.productId];
    // The last product has no datasheet; the other body's product is not in scope.
    expect(await read(asked, body.clerkToken)).toEqual([datasheets[0]!.id, datasheets[1]!.id].sort());
    expect(await read(asked, holders[0]!.adminToken)).toEqual([datasheets[0]!.id]);
  });

  it('the datasheets whose contact must be replaced: what the company is warned of, whatever page its product is on', async () => {
    // As an objection leaves them (test/datasheets/contact-disclosure covers the objection itself).
    const flagged = datasheets[3]!;
    await started.app.asOwner((db) => db.query(`UPDATE datasheet SET contact_replacement_required = true, contact_replacement_deadline = now() + interval '30 days' WHERE id = $1`, [flagged.id]));
    const read = async (required: boolean, token: string) =>
      expectData(await gql<{ datasheets: Array<{ id: string }> }>('query($r: Boolean) { datasheets(contactReplacementRequired: $r, first: 200) { id } }', { r: required }, token)).datasheets.map((d) => d.id);
    expect(await read(true, body.clerkToken)).toEqual([flagged.id]);
    expect(await read(true, holders[flagged.holder]!.adminToken)).toEqual([flagged.id]);
    expect(await read(true, holders[1 - flagged.holder]!.adminToken)).toEqual([]);
    expect((await read(false, body.clerkToken)).sort()).toEqual(datasheets.filter((d) => d !== flagged).map((d) => d.id).sort());
  });

  it("a state's list holds the datasheets with a version in it, in the order they reached it: the reviewer's queue", async () => {
    const { app } = started;
    // Submitted in an order of their own: the third, the first, the fifth.
    const submitted = [datasheets[2]!, datasheets[0]!, datasheets[4]!];
    for (const sheet of submitted) {
      expectData(await gql('mutation($v: ID!) { submitDatasheetVersion(versionId: $v) { id } }', { v: sheet.versionId }, holders[sheet.holder]!.adminToken));
      app.clock.advance(60_000);
    }
    const queue = await walk('datasheets', body.clerkToken, 2, { state: 'SUBMITTED' }, { state: 'DatasheetState' });
    expect(queue.ids).toEqual(submitted.map((d) => d.id));
    expect((await walk('datasheets', body.clerkToken, 2, { state: 'DRAFT' }, { state: 'DatasheetState' })).ids.sort()).toEqual(
      datasheets.filter((d) => !submitted.includes(d)).map((d) => d.id).sort(),
    );
    // Approved: it leaves the queue and joins the next.
    expectData(await gql('mutation($v: ID!) { approveDatasheetVersion(versionId: $v) { id } }', { v: submitted[1]!.versionId }, body.clerkToken));
    expect((await walk('datasheets', body.clerkToken, 2, { state: 'SUBMITTED' }, { state: 'DatasheetState' })).ids).toEqual([submitted[0]!.id, submitted[2]!.id]);
    expect((await walk('datasheets', body.clerkToken, 2, { state: 'APPROVED' }, { state: 'DatasheetState' })).ids).toEqual([submitted[1]!.id]);
    // The company sees its own in the state.
    expect((await walk('datasheets', holders[0]!.adminToken, 5, { state: 'SUBMITTED' }, { state: 'DatasheetState' })).ids).toEqual([submitted[0]!.id, submitted[2]!.id].filter((id) => datasheets.find((d) => d.id === id)!.holder === 0));
  });

  it('the versions of a page of datasheets in one request; none of a datasheet that is not the caller’s', async () => {
    const ids = [datasheets[0]!.id, datasheets[1]!.id, other.datasheetId];
    const read = async (token: string) =>
      expectData(await gql<{ datasheetVersionsOf: Array<{ id: string; datasheetId: string; number: number }> }>('query($ids: [ID!]!) { datasheetVersionsOf(datasheetIds: $ids) { id datasheetId number } }', { ids }, token)).datasheetVersionsOf;
    expect((await read(body.clerkToken)).map((v) => v.id).sort()).toEqual([datasheets[0]!.versionId, datasheets[1]!.versionId].sort());
    // The first holder's admin: its own datasheet's versions only (the second is the other holder's).
    expect((await read(holders[0]!.adminToken)).map((v) => v.datasheetId)).toEqual([datasheets[0]!.id]);
  });

  it('a record the list does not hold, as `after`, gives an empty page; a malformed page is refused naming the argument', async () => {
    const page = async (operation: string, after: string, token: string) =>
      expectData(await gql<Record<string, unknown[]>>(`query($a: ID) { ${operation}(after: $a) { id } }`, { a: after }, token))[operation];
    // Another body's record, another company's record, an unknown id.
    for (const [operation, foreign] of [['certifiedProducts', other.productId], ['datasheets', other.datasheetId], ['certifiedProducts', products[1]!.id], ['datasheets', datasheets[1]!.id], ['datasheets', '00000000-0000-4000-8000-000000000000']] as const) {
      expect({ operation, foreign, page: await page(operation, foreign, holders[0]!.adminToken) }).toEqual({ operation, foreign, page: [] });
    }
    const refused = await gql('{ datasheets(first: 201, state: SUPERSEDED) { id } certifiedProducts(search: "x") { id } }', {}, body.clerkToken);
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const fields = refused.errors?.flatMap((e) => (e.extensions?.fields as Array<{ field: string }> | undefined)?.map((f) => f.field) ?? []).sort();
    expect(fields).toEqual(expect.arrayContaining(['first', 'state']));
    const tooMany = await gql('query($ids: [ID!]!) { datasheetVersionsOf(datasheetIds: $ids) { id } }', { ids: Array.from({ length: 201 }, () => '00000000-0000-4000-8000-000000000000') }, body.clerkToken);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
