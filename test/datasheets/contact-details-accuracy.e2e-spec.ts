import { Role } from '@chancery/access';
import { CertificateHolder, CertificationBody, DatasheetsFactory, expectData, useTestApp } from '@chancery/testing';

/**
 * Probe E, finding 2: the published contact is a copy (the public read model), refreshed only when a
 * contact was named or a version published. A person who corrected their name, telephone or position
 * (the right to rectification, and plain accuracy) stayed published with the old details, under the
 * same ETag, and one person showed two telephone numbers on two datasheets; so did the company's
 * general contact after the company changed its e-mail. The copies now follow the change, in its
 * transaction, and the change log tells the external systems.
 */
const CONTACT = 'contactKind contactName contactEmail contactPhone contactPosition';

describe('the published contact follows the person’s and the company’s current details', () => {
  const started = useTestApp();
  let sheets: DatasheetsFactory;
  let body: CertificationBody;
  let holder: CertificateHolder;

  beforeAll(async () => {
    sheets = new DatasheetsFactory(started.app, started.factory);
    body = await sheets.certificationBody();
    holder = await sheets.holder(body);
  });

  const shown = async (code: string) => {
    const viaGraphQL = expectData(await started.app.graphql<{ publishedDatasheet: Record<string, unknown> }>(`query($c: String) { publishedDatasheet(code: $c) { ${CONTACT} } }`, { c: code })).publishedDatasheet;
    const viaGet = await started.app.http().get(`/public/datasheets/${code}`);
    return { viaGraphQL, viaGet: viaGet.body as Record<string, unknown>, etag: viaGet.headers['etag'] as string };
  };

  it('a person’s corrected name, telephone and position reach every datasheet they are the contact of, with a new ETag', async () => {
    const first = await sheets.published(body, holder);
    const second = await sheets.published(body, holder);
    const before = await shown(first.publicCode);
    expect(before.viaGraphQL).toMatchObject({ contactKind: 'PERSON' });
    const firstName = String(before.viaGraphQL.contactName).split(' ')[0];

    const update = 'mutation($i: UpdateUserProfileInput!) { updateUserProfile(input: $i) { id } }';
    expectData(await started.app.graphql(update, { i: { userId: holder.admin.id, lastName: 'Married-Name', phone: '+32470999999', jobTitle: 'Plant manager' } }, { token: holder.adminToken }));

    for (const code of [first.publicCode, second.publicCode]) {
      const after = await shown(code);
      const expected = { contactKind: 'PERSON', contactName: `${firstName} Married-Name`, contactPhone: '+32470999999', contactPosition: 'Plant manager' };
      expect(after.viaGraphQL).toMatchObject(expected);
      expect(after.viaGet).toMatchObject(expected);
    }
    expect((await shown(first.publicCode)).etag).not.toBe(before.etag);
    const changes = await started.app.asOwner(async (db) => (await db.query(`SELECT count(*)::int AS n FROM datasheet_change WHERE datasheet_id = ANY($1::uuid[]) AND kind = 'CONTACT_CHANGED'`, [[first.datasheetId, second.datasheetId]])).rows[0].n as number);
    expect(changes).toBe(2);
  });

  it('the company’s corrected e-mail and telephone reach the datasheets that show its general contact', async () => {
    const other = await sheets.holder(body);
    const colleague = await sheets.orgUser(body, other.organisation, Role.ORG_ADMIN);
    const sheet = await sheets.published(body, other);
    // The person objects: the datasheet shows the company's general contact.
    expectData(await started.app.graphql('mutation { objectToContactDisclosure { datasheetsAffected } }', {}, { token: other.adminToken }));
    expect((await shown(sheet.publicCode)).viaGraphQL).toMatchObject({ contactKind: 'COMPANY' });

    const update = 'mutation($i: UpdateOrganisationInput!) { updateOrganisation(input: $i) { id } }';
    expectData(await started.app.graphql(update, { i: { organisationId: other.organisation.id, email: 'quality@renamed.test', phone: '+3290000000' } }, { token: colleague.token }));
    const after = await shown(sheet.publicCode);
    expect(after.viaGraphQL).toMatchObject({ contactKind: 'COMPANY', contactEmail: 'quality@renamed.test', contactPhone: '+3290000000' });
    expect(after.viaGet).toMatchObject({ contactKind: 'COMPANY', contactEmail: 'quality@renamed.test', contactPhone: '+3290000000' });
  });
});

/**
 * Attack report D3: a company renamed ("Mosan Insulation SA" → "Mosan Renamed SA") kept its old name as
 * the holder of its published datasheets, next to its new name as their general contact in the same
 * answer, in the feed event that told of the change, and search by the new name found nothing. The
 * holder's current name is part of the current published record (a copy kept up to date like the
 * contact); versions already superseded stay as they were published.
 */
describe('the published holder name follows the company’s rename', () => {
  const started = useTestApp();

  it('every published datasheet of the company shows its new name, found by search, with one change event each; the history keeps the name it was published with', async () => {
    const { app, factory } = started;
    const sheets = new DatasheetsFactory(app, factory);
    const body = await sheets.certificationBody();
    const suffix = Math.random().toString(36).slice(2, 7);
    const oldName = `Mosan Insulation ${suffix} SA`;
    const newName = `Mosan Renamed ${suffix} SA`;
    const holder = await sheets.holder(body, oldName);
    const feedKey = (await factory.apiKey({ tenant: body.tenant, createdBy: body.admin })).secret;
    // One datasheet shows a person (with a superseded version in its history), one the company's general contact.
    const withPerson = await sheets.published(body, holder);
    const next = expectData(await app.graphql<{ startDatasheetVersion: { id: string } }>('mutation($d: ID!) { startDatasheetVersion(datasheetId: $d) { id } }', { d: withPerson.datasheetId }, { token: holder.adminToken })).startDatasheetVersion;
    await sheets.publish(body, holder.adminToken, next.id);
    const leaver = await sheets.orgUser(body, holder.organisation, Role.ORG_MEMBER);
    const withCompany = await sheets.published(body, { ...holder, admin: leaver.user, adminToken: leaver.token });
    expectData(await app.graphql('mutation { objectToContactDisclosure { datasheetsAffected } }', {}, { token: leaver.token }));
    const etagBefore = (await app.http().get(`/public/datasheets/${withCompany.publicCode}`)).headers['etag'];
    const lastSeq = (await app.asOwner((db) => db.query(`SELECT coalesce(max(seq), 0)::text AS seq FROM datasheet_change WHERE tenant_id = $1`, [body.tenant.id]))).rows[0].seq as string;

    expectData(await app.graphql('mutation($i: UpdateOrganisationInput!) { updateOrganisation(input: $i) { id } }', { i: { organisationId: holder.organisation.id, name: newName } }, { token: holder.adminToken }));

    const company = await app.http().get(`/public/datasheets/${withCompany.publicCode}`);
    expect(company.body).toMatchObject({ holderName: newName, contactKind: 'COMPANY', contactName: newName });
    expect(company.headers['etag']).not.toBe(etagBefore);
    expect((await app.http().get(`/public/datasheets/${withPerson.publicCode}`)).body).toMatchObject({ holderName: newName, contactKind: 'PERSON', versionNumber: 2 });
    const viaGraphQL = expectData(await app.graphql<{ publishedDatasheet: Record<string, unknown> }>('query($c: String) { publishedDatasheet(code: $c) { holderName } }', { c: withPerson.publicCode })).publishedDatasheet;
    expect(viaGraphQL).toEqual({ holderName: newName });

    const found = async (name: string) => ((await app.http().get(`/public/datasheets?holderName=${encodeURIComponent(name)}`)).body as { items: Array<{ id: string }> }).items.map((i) => i.id).sort();
    expect(await found(`Renamed ${suffix}`)).toEqual([withPerson.datasheetId, withCompany.datasheetId].sort());
    expect(await found(`Insulation ${suffix}`)).toEqual([]);

    // The external system hears of each datasheet once, and reads the same name as holder and as company contact.
    const feed = expectData(await app.graphql<{ datasheetFeed: { events: Array<{ kind: string; datasheetId: string; datasheet: { holderName: string; contactKind: string; contactName: string } | null }> } }>(
      `query($a: String) { datasheetFeed(after: $a) { events { kind datasheetId datasheet { holderName contactKind contactName } } } }`, { a: lastSeq }, { headers: { 'x-api-key': feedKey } },
    )).datasheetFeed.events;
    expect(feed.map((e) => [e.kind, e.datasheetId]).sort()).toEqual([['CONTACT_CHANGED', withPerson.datasheetId], ['CONTACT_CHANGED', withCompany.datasheetId]].sort());
    for (const event of feed) expect(event.datasheet!.holderName).toBe(newName);
    expect(feed.find((e) => e.datasheetId === withCompany.datasheetId)!.datasheet!.contactName).toBe(newName);

    // History: the superseded version stays as it was published.
    const history = expectData(await app.graphql<{ publishedDatasheetHistory: Array<{ versionNumber: number; holderName: string }> }>('query($code: String!) { publishedDatasheetHistory(code: $code) { versionNumber holderName } }', { code: withPerson.publicCode })).publishedDatasheetHistory;
    expect(history).toEqual([{ versionNumber: 1, holderName: oldName }]);

    // A change that leaves the name as it is tells nobody of a holder change.
    expectData(await app.graphql('mutation($i: UpdateOrganisationInput!) { updateOrganisation(input: $i) { id } }', { i: { organisationId: holder.organisation.id, phone: '+3281000000' } }, { token: holder.adminToken }));
    const changes = (await app.asOwner((db) => db.query(`SELECT datasheet_id FROM datasheet_change WHERE tenant_id = $1 AND seq > $2 ORDER BY seq`, [body.tenant.id, lastSeq]))).rows.map((r) => r.datasheet_id);
    expect(changes.filter((id) => id === withPerson.datasheetId)).toHaveLength(1);
    expect(changes.filter((id) => id === withCompany.datasheetId)).toHaveLength(2);
  });
});
