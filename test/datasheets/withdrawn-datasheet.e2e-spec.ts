import { Role } from '@chancery/access';
import { CertificateHolder, CertificationBody, DatasheetsFactory, expectData, GraphQLResponse, KERBSTONE_CHARACTERISTICS, queuedEmails, useTestApp } from '@chancery/testing';

const NOTICE_FIELDS = 'id tenantId publicCode versionNumber productName productFamily certificateReference scheme holderName publishedAt withdrawnAt reason';

/**
 * A datasheet's short code is printed on delivery notes and kept on site for years. When the datasheet
 * is withdrawn (the product's certificate suspended, withdrawn or expired, or the datasheet withdrawn by
 * the certification body), whoever types that code must learn that it was withdrawn, when and why, not
 * read "not found" as a mistyped code and go on relying on the paper. The notice is public, carries
 * what the datasheet published about the product and its holder, never a contact, and goes when a
 * version is published again.
 */
describe('Datasheets: the public notice of a withdrawn datasheet', () => {
  const started = useTestApp();
  let sheets: DatasheetsFactory;
  let body: CertificationBody;
  let holder: CertificateHolder;
  let colleague: { email: string; token: string };

  const reasonOf = (answer: GraphQLResponse<unknown>) => [answer.errors?.[0]?.extensions?.code, answer.errors?.[0]?.extensions?.reason];
  const published = (code: string) => started.app.graphql<{ publishedDatasheet: Record<string, unknown> }>('query($c: String) { publishedDatasheet(code: $c) { id versionNumber } }', { c: code });
  const notice = (key: { code: string } | { id: string }) =>
    started.app.graphql<{ withdrawnDatasheet: Record<string, unknown> }>(`query($id: ID, $code: String) { withdrawnDatasheet(id: $id, code: $code) { ${NOTICE_FIELDS} } }`, key);
  const setStatus = (productId: string, status: string) =>
    started.app.graphql('mutation($id: ID!, $s: CertifiedProductStatus!) { changeCertifiedProductStatus(id: $id, status: $s) { id status } }', { id: productId, s: status }, { token: body.clerkToken });

  /** A product and its datasheet, completed by the colleague and published. */
  async function publishedProduct(name: string): Promise<{ productId: string; datasheetId: string; publicCode: string }> {
    const product = await sheets.product(body, holder, { name });
    const draft = await sheets.draft(colleague.token, product.id);
    await sheets.publish(body, colleague.token, draft.id);
    return { productId: product.id, datasheetId: draft.datasheetId, publicCode: await codeOf(draft.datasheetId) };
  }

  async function codeOf(datasheetId: string): Promise<string> {
    const { datasheets } = expectData(await started.app.graphql<{ datasheets: Array<{ id: string; publicCode: string }> }>('{ datasheets { id publicCode } }', {}, { token: colleague.token }));
    return datasheets.find((d) => d.id === datasheetId)!.publicCode;
  }

  /** The body's pull feed (its external system's key), the events of one datasheet. */
  async function feedOf(datasheetId: string): Promise<Array<{ kind: string; datasheet: Record<string, unknown> | null; withdrawal: Record<string, unknown> | null }>> {
    feedKey ??= (await started.factory.apiKey({ tenant: body.tenant, createdBy: body.admin })).secret;
    const { datasheetFeed } = expectData(await started.app.graphql<{ datasheetFeed: { events: Array<{ kind: string; datasheetId: string; datasheet: Record<string, unknown> | null; withdrawal: Record<string, unknown> | null }> } }>(
      '{ datasheetFeed { events { kind datasheetId datasheet { versionNumber } withdrawal { reason withdrawnAt } } } }', {}, { headers: { 'x-api-key': feedKey } },
    ));
    return datasheetFeed.events.filter((e) => e.datasheetId === datasheetId).map(({ datasheetId: _id, ...event }) => event);
  }
  let feedKey: string | undefined;

  beforeAll(async () => {
    sheets = new DatasheetsFactory(started.app, started.factory);
    body = await sheets.certificationBody();
    holder = await sheets.holder(body, 'Betonwerk Schelde NV');
    const member = await sheets.orgUser(body, holder.organisation, Role.ORG_MEMBER);
    colleague = { email: member.user.email, token: member.token };
  });

  it('a datasheet the certification body withdraws answers DATASHEET_WITHDRAWN, and its notice says what it was, when and why, with no contact', async () => {
    const { app } = started;
    const sheet = await publishedProduct('Kerbstone Withdrawn K1');
    const before = expectData(await app.graphql<{ publishedDatasheet: Record<string, unknown> }>('query($c: String) { publishedDatasheet(code: $c) { publishedAt contactName contactEmail } }', { c: sheet.publicCode })).publishedDatasheet;
    // A published datasheet has no notice.
    expect(reasonOf(await notice({ code: sheet.publicCode }))).toEqual(['NOT_FOUND', 'DATASHEET_WITHDRAWAL_NOT_FOUND']);

    app.clock.advance(60_000);
    expectData(await app.graphql('mutation($d: ID!) { unpublishDatasheet(datasheetId: $d) { id } }', { d: sheet.datasheetId }, { token: body.clerkToken }));

    // The datasheet itself: no longer in force, and the refusal says so, in either form and by code or id.
    expect(reasonOf(await published(sheet.publicCode))).toEqual(['NOT_FOUND', 'DATASHEET_WITHDRAWN']);
    expect(reasonOf(await published(sheet.publicCode.toLowerCase()))).toEqual(['NOT_FOUND', 'DATASHEET_WITHDRAWN']);
    for (const key of [sheet.publicCode, sheet.datasheetId]) {
      const get = await app.http().get(`/public/datasheets/${key}`);
      expect([key, get.status, get.body.errors?.[0]?.extensions?.reason]).toEqual([key, 404, 'DATASHEET_WITHDRAWN']);
    }
    // A code under which nothing was ever published stays a plain NOT_FOUND.
    expect(reasonOf(await published('ZZZZZZZZ'))).toEqual(['NOT_FOUND', 'DATASHEET_NOT_FOUND']);
    expect(reasonOf(await notice({ code: 'ZZZZZZZZ' }))).toEqual(['NOT_FOUND', 'DATASHEET_WITHDRAWAL_NOT_FOUND']);

    const byCode = expectData(await notice({ code: sheet.publicCode.toLowerCase() })).withdrawnDatasheet;
    expect(byCode).toEqual({
      id: sheet.datasheetId, tenantId: body.tenant.id, publicCode: sheet.publicCode, versionNumber: 1, productName: 'Kerbstone Withdrawn K1', productFamily: 'kerbstones',
      certificateReference: expect.stringMatching(/^BENOR-/), scheme: 'BENOR', holderName: 'Betonwerk Schelde NV', publishedAt: before.publishedAt,
      withdrawnAt: app.clock.now().toISOString(), reason: 'DATASHEET_WITHDRAWN',
    });
    expect(expectData(await notice({ id: sheet.datasheetId })).withdrawnDatasheet).toEqual(byCode);

    // The plain GET form: the same notice through the same gate, cacheable like every public answer.
    const get = await app.http().get(`/public/datasheets/${sheet.publicCode}/withdrawal`);
    expect([get.status, get.body]).toEqual([200, byCode]);
    expect((await app.http().get(`/public/datasheets/${sheet.datasheetId}/withdrawal`)).body).toEqual(byCode);
    expect(get.headers['cache-control']).toBe('public, no-cache');
    expect((await app.http().get(`/public/datasheets/${sheet.publicCode}/withdrawal`).set('if-none-match', get.headers.etag as string)).status).toBe(304);
    expect((await app.http().get('/public/datasheets/ZZZZZZZZ/withdrawal')).status).toBe(404);

    // No person: the contact the datasheet showed is not in the notice, in either form.
    expect(before.contactEmail).toBe(colleague.email);
    for (const text of [JSON.stringify(byCode), get.text]) {
      for (const secret of [colleague.email, before.contactName as string, holder.admin.email]) expect(text).not.toContain(secret);
    }

    // The holder's administrator is told (copies handed out with deliveries are no longer in force); the member who completed it holds no admin role.
    const told = (await queuedEmails(app, { template: 'datasheets.datasheet-withdrawn' })).filter((mail) => mail.body.includes(sheet.publicCode));
    expect(told.map((mail) => mail.recipient)).toEqual([holder.admin.email]);
    expect(told[0]!.subject).toBe('Your datasheet of Kerbstone Withdrawn K1 was withdrawn');
    expect(told[0]!.body).toContain('the certification body withdrew the datasheet');
    expect(told[0]!.body).toContain(`/datasheets/${sheet.publicCode}`);
  });

  it("the notice follows the product's certificate (suspended, then withdrawn, then active again) and goes when a version is published again", async () => {
    const { app } = started;
    const sheet = await publishedProduct('Kerbstone Suspended K2');
    app.clock.advance(60_000);
    const suspendedAt = app.clock.now().toISOString();
    expectData(await setStatus(sheet.productId, 'SUSPENDED'));
    const suspended = expectData(await notice({ code: sheet.publicCode })).withdrawnDatasheet;
    expect([suspended.reason, suspended.withdrawnAt]).toEqual(['PRODUCT_SUSPENDED', suspendedAt]);
    const etag = (await app.http().get(`/public/datasheets/${sheet.publicCode}/withdrawal`)).headers.etag as string;
    // Its history stays readable (SPEC §3): the version in force until the suspension, and why.
    const historyOf = () => app.http().get(`/public/datasheets/${sheet.publicCode}/versions`);
    const suspendedHistory = await historyOf();
    expect(suspendedHistory.body.map((v: Record<string, unknown>) => [v.versionNumber, v.withdrawnAt, v.withdrawalReason])).toEqual([[1, suspendedAt, 'PRODUCT_SUSPENDED']]);

    // Withdrawn after the suspension: the notice says so, from the day the datasheet was withdrawn.
    app.clock.advance(60_000);
    expectData(await setStatus(sheet.productId, 'WITHDRAWN'));
    expect(expectData(await notice({ code: sheet.publicCode })).withdrawnDatasheet).toMatchObject({ reason: 'PRODUCT_WITHDRAWN', withdrawnAt: suspendedAt });
    // A cached copy of the suspended notice, or of the history saying so, is not confirmed.
    expect((await app.http().get(`/public/datasheets/${sheet.publicCode}/withdrawal`).set('if-none-match', etag)).status).toBe(200);
    const withdrawnHistory = await historyOf().set('if-none-match', suspendedHistory.headers.etag as string);
    expect([withdrawnHistory.status, withdrawnHistory.body[0]?.withdrawalReason]).toEqual([200, 'PRODUCT_WITHDRAWN']);

    // The same status again changes nothing.
    expectData(await setStatus(sheet.productId, 'WITHDRAWN'));

    // Certified again: the datasheet stays withdrawn until the body publishes a version again.
    expectData(await setStatus(sheet.productId, 'ACTIVE'));
    expect(expectData(await notice({ code: sheet.publicCode })).withdrawnDatasheet).toMatchObject({ reason: 'DATASHEET_WITHDRAWN' });
    expect(reasonOf(await published(sheet.publicCode))).toEqual(['NOT_FOUND', 'DATASHEET_WITHDRAWN']);
    // The holder was told once, when the datasheet was withdrawn (the notice's later changes are the public's).
    const told = (await queuedEmails(app, { template: 'datasheets.datasheet-withdrawn' })).filter((mail) => mail.body.includes(sheet.publicCode));
    expect(told.map((mail) => [mail.recipient, mail.body.includes("the product's certificate is suspended")])).toEqual([[holder.admin.email, true]]);
    // The external system is told each time the notice changed, so its copy of the notice follows.
    const events = await feedOf(sheet.datasheetId);
    expect(events.map((e) => e.kind)).toEqual(['PUBLISHED', 'UNPUBLISHED', 'UNPUBLISHED', 'UNPUBLISHED']);
    expect(events.at(-1)).toMatchObject({ datasheet: null, withdrawal: { reason: 'DATASHEET_WITHDRAWN', withdrawnAt: suspendedAt } });

    const version = expectData(await app.graphql<{ startDatasheetVersion: { id: string } }>('mutation($d: ID!) { startDatasheetVersion(datasheetId: $d) { id } }', { d: sheet.datasheetId }, { token: colleague.token })).startDatasheetVersion;
    expectData(await app.graphql('mutation($i: UpdateDatasheetDraftInput!) { updateDatasheetDraft(input: $i) { id } }', {
      i: { versionId: version.id, characteristics: JSON.stringify({ ...KERBSTONE_CHARACTERISTICS, compressiveStrength: 'C35/45' }) },
    }, { token: colleague.token }));
    await sheets.publish(body, colleague.token, version.id);
    expect(expectData(await published(sheet.publicCode)).publishedDatasheet).toMatchObject({ id: sheet.datasheetId, versionNumber: 2 });
    expect(reasonOf(await notice({ code: sheet.publicCode }))).toEqual(['NOT_FOUND', 'DATASHEET_WITHDRAWAL_NOT_FOUND']);
    expect((await app.http().get(`/public/datasheets/${sheet.publicCode}`)).status).toBe(200);
    // In force again: the withdrawn version stays in its history, with why it stopped being in force then.
    expect((await historyOf()).body.map((v: Record<string, unknown>) => [v.versionNumber, v.supersededAt, v.withdrawnAt, v.withdrawalReason])).toEqual([[1, null, suspendedAt, 'PRODUCT_SUSPENDED']]);
    expect((await feedOf(sheet.datasheetId)).at(-1)).toMatchObject({ kind: 'PUBLISHED', withdrawal: null, datasheet: { versionNumber: 2 } });
  });

  it('an expired certificate withdraws its datasheet with that reason; a product never published has no notice', async () => {
    const sheet = await publishedProduct('Kerbstone Expired K3');
    expectData(await setStatus(sheet.productId, 'EXPIRED'));
    expect(expectData(await notice({ id: sheet.datasheetId })).withdrawnDatasheet).toMatchObject({ reason: 'PRODUCT_EXPIRED', productName: 'Kerbstone Expired K3' });

    const unpublished = await sheets.product(body, holder, { name: 'Kerbstone Draft K4' });
    const draft = await sheets.draft(colleague.token, unpublished.id);
    expectData(await setStatus(unpublished.id, 'SUSPENDED'));
    expect(reasonOf(await notice({ id: draft.datasheetId }))).toEqual(['NOT_FOUND', 'DATASHEET_WITHDRAWAL_NOT_FOUND']);
    expect(reasonOf(await started.app.graphql('query($id: ID) { publishedDatasheet(id: $id) { id } }', { id: draft.datasheetId }))).toEqual(['NOT_FOUND', 'DATASHEET_NOT_FOUND']);
    // Exactly one key.
    expect(reasonOf(await started.app.graphql('query { withdrawnDatasheet { id } }'))[0]).toBe('BAD_USER_INPUT');
  });
  it("a company without an administrator left is written to at its general address in the body's first language, with the objector's count", async () => {
    const { app } = started;
    // A company whose only administrator completed its two datasheets: one published, one withdrawn with its suspended product.
    const lone = await sheets.holder(body, 'Prefab Alleen BV');
    const [published, suspended] = [await sheets.product(body, lone, { name: 'Kerbstone Lone L1' }), await sheets.product(body, lone, { name: 'Kerbstone Lone L2' })];
    for (const product of [published, suspended]) await sheets.publish(body, lone.adminToken, (await sheets.draft(lone.adminToken, product.id)).id);
    expectData(await setStatus(suspended.id, 'SUSPENDED'));

    const objection = expectData(await app.graphql<{ objectToContactDisclosure: { datasheetsAffected: number } }>('mutation { objectToContactDisclosure { datasheetsAffected } }', {}, { token: lone.adminToken })).objectToContactDisclosure;
    expect(objection.datasheetsAffected).toBe(2);
    const general = (await app.asOwner((db) => db.query('SELECT email FROM organisation WHERE id = $1', [lone.organisation.id]))).rows[0].email as string;
    // The body's languages are nl, en: the company's general address reads Dutch, and the number the objector was given.
    const objectionMails = await queuedEmails(app, { template: 'datasheets.contact-objection', recipient: general });
    expect(objectionMails.map((mail) => [mail.subject, mail.body.includes('2 fiche(s) vermeldden')])).toEqual([['Duid een nieuwe contactpersoon aan voor uw fiches', true]]);

    // Its published datasheet withdrawn now: the notice goes to the general address too, in Dutch.
    expectData(await setStatus(published.id, 'WITHDRAWN'));
    const withdrawnMails = await queuedEmails(app, { template: 'datasheets.datasheet-withdrawn', recipient: general });
    expect(withdrawnMails.map((mail) => mail.subject)).toEqual(['Uw fiche van Kerbstone Lone L1 werd ingetrokken']);
    expect(withdrawnMails[0]!.body).toContain('het certificaat van het product is ingetrokken');
  });

  it("the register lists a body's withdrawn datasheets, newest withdrawal first, in pages, by GraphQL and GET; a datasheet published again leaves it", async () => {
    const { app } = started;
    const other = await sheets.certificationBody();
    const othersSheet = await sheets.published(other, await sheets.holder(other));
    expectData(await app.graphql('mutation($d: ID!) { unpublishDatasheet(datasheetId: $d) { id } }', { d: othersSheet.datasheetId }, { token: other.clerkToken }));
    for (const name of ['Kerbstone Register R1', 'Kerbstone Register R2']) {
      app.clock.advance(60_000);
      expectData(await setStatus((await publishedProduct(name)).productId, 'WITHDRAWN'));
    }
    const list = (variables: Record<string, unknown>) =>
      started.app.graphql<{ withdrawnDatasheets: { items: Array<Record<string, unknown>>; nextCursor: string | null } }>(
        `query($t: String, $f: Int, $a: String) { withdrawnDatasheets(tenant: $t, first: $f, after: $a) { items { ${NOTICE_FIELDS} } nextCursor } }`, variables,
      );

    const all = expectData(await list({ t: body.tenant.slug })).withdrawnDatasheets;
    expect(all.nextCursor).toBeNull();
    // Every notice of the body, and only those: the earlier tests' (K2 was published again: not in it) and these two.
    const stored = await app.asOwner((db) => db.query('SELECT datasheet_id FROM withdrawn_datasheet WHERE tenant_id = $1 ORDER BY withdrawn_at DESC, datasheet_id DESC', [body.tenant.id]));
    expect(all.items.map((n) => n.id)).toEqual(stored.rows.map((row) => row.datasheet_id));
    expect(all.items.map((n) => n.productName)).toEqual(expect.arrayContaining(['Kerbstone Register R2', 'Kerbstone Register R1', 'Kerbstone Withdrawn K1', 'Kerbstone Expired K3']));
    expect(all.items.map((n) => n.productName)).not.toContain('Kerbstone Suspended K2');
    expect(all.items.slice(0, 2).map((n) => [n.productName, n.reason])).toEqual([['Kerbstone Register R2', 'PRODUCT_WITHDRAWN'], ['Kerbstone Register R1', 'PRODUCT_WITHDRAWN']]);
    expect(all.items.every((n) => n.tenantId === body.tenant.id)).toBe(true);

    // Page by page, the same list, each notice once.
    const paged: unknown[] = [];
    let after: string | null = null;
    do {
      const page: { items: Array<Record<string, unknown>>; nextCursor: string | null } = expectData(await list({ t: body.tenant.slug, f: 1, a: after })).withdrawnDatasheets;
      paged.push(...page.items);
      after = page.nextCursor;
    } while (after);
    expect(paged).toEqual(all.items);

    // Every body's: the other body's notice too.
    const everyBodys = expectData(await list({})).withdrawnDatasheets.items.map((n) => n.id);
    expect(everyBodys).toEqual(expect.arrayContaining([othersSheet.datasheetId, ...all.items.map((n) => n.id)]));

    // The GET form: the same page through the same gate, cacheable.
    const get = await app.http().get(`/public/withdrawn-datasheets?tenant=${body.tenant.slug}`);
    expect([get.status, get.body]).toEqual([200, all]);
    expect(get.headers['cache-control']).toBe('public, no-cache');
    expect((await app.http().get(`/public/withdrawn-datasheets?tenant=${body.tenant.slug}`).set('if-none-match', get.headers.etag as string)).status).toBe(304);
    for (const text of [JSON.stringify(all), get.text]) expect(text).not.toContain(colleague.email);

    // Refused, naming the field; an unknown body has none.
    expect((await list({ f: 101 })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'first' })] });
    expect((await list({ a: 'not-a-cursor' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'after' })] });
    expect((await app.http().get('/public/withdrawn-datasheets?first=0')).status).toBe(400);
    expect(expectData(await list({ t: 'no-such-body' })).withdrawnDatasheets).toEqual({ items: [], nextCursor: null });
  });
});
