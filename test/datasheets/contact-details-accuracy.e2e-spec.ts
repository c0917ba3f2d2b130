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
