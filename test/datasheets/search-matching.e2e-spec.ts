import { Role } from '@chancery/access';
import { DatasheetsProvisioning } from '@chancery/datasheets';
import { useTestApp } from '@chancery/testing';

/**
 * The public search matches what people type: names in any case and with or without accents (a
 * Belgian register is in French and Dutch, and a visitor types "beton" for "Béton"), a certificate
 * reference whatever its case and separators (copied from a delivery note or read out on the
 * telephone). Through GraphQL and the plain GET form alike: one service, one statement.
 */
describe('public datasheet search: names and references as people type them', () => {
  const started = useTestApp();
  let slug: string;

  beforeAll(async () => {
    const { app, factory } = started;
    const tenant = await factory.tenant({ kinds: ['CERTIFICATION_BODY' as never] });
    slug = tenant.slug;
    const organisation = await factory.organisation(tenant, { name: 'Société Générale des Bétons SA' });
    const contact = await factory.user({ tenant, organisation, roles: [Role.ORG_ADMIN] });
    const provisioning = app.get(DatasheetsProvisioning);
    const common = { tenantId: tenant.id, organisationId: organisation.id, contact: { userId: contact.id, name: 'Anne Contact', email: contact.email, phone: null, position: null }, versions: 1, publishedAt: new Date('2026-06-01T00:00:00Z') };
    // Products "Pavé béton drainant 1…3" with references BENOR-71-1…3, and "Bordure 1…2" (BENOR-72-1…2) of another holder.
    expect(await provisioning.provisionPublished({ ...common, holderName: 'Société Générale des Bétons SA', count: 3, namePrefix: 'Pavé béton drainant', batch: 71 })).toBe(3);
    expect(await provisioning.provisionPublished({ ...common, holderName: 'Grès & Œuvre BV', count: 2, namePrefix: 'Bordure', batch: 72 })).toBe(2);
  }, 120_000);

  async function viaGraphQL(args: Record<string, string>): Promise<string[]> {
    const response = await started.app.http().post('/graphql').set('content-type', 'application/json').send({
      query: `query($t: String, $q: String, $h: String, $r: String) { searchPublishedDatasheets(tenant: $t, productName: $q, holderName: $h, certificateReference: $r, first: 20) { items { productName } } }`,
      variables: { t: slug, ...args },
    });
    expect(response.body.errors).toBeUndefined();
    return (response.body.data.searchPublishedDatasheets.items as Array<{ productName: string }>).map((item) => item.productName).sort();
  }

  async function viaGet(args: Record<string, string>): Promise<string[]> {
    const names: Record<string, string> = { q: 'productName', h: 'holderName', r: 'certificateReference' };
    const query = new URLSearchParams({ tenant: slug, first: '20', ...Object.fromEntries(Object.entries(args).map(([key, value]) => [names[key]!, value])) });
    const response = await started.app.http().get(`/public/datasheets?${query}`).set('accept', 'application/json');
    expect(response.status).toBe(200);
    return ((response.body as { items: Array<{ productName: string }> }).items).map((item) => item.productName).sort();
  }

  const PAVES = ['Pavé béton drainant 1', 'Pavé béton drainant 2', 'Pavé béton drainant 3'];
  const cases: Array<[string, Record<string, string>, string[]]> = [
    ['a name without its accents', { q: 'pave beton' }, PAVES],
    ['a name in capitals, with its accents', { q: 'PAVÉ BÉTON DRAINANT 2' }, ['Pavé béton drainant 2']],
    ['a name with a decomposed accent (e + U+0301)', { q: 'pave\u0301' }, PAVES],
    ['a name with an accent where the product has none', { q: 'bordüre' }, ['Bordure 1', 'Bordure 2']],
    ['a holder without its accents', { h: 'societe generale des betons' }, PAVES],
    ['a holder with a ligature typed out', { h: 'oeuvre' }, ['Bordure 1', 'Bordure 2']],
    ['a reference in lower case with spaces', { r: 'benor 71 2' }, ['Pavé béton drainant 2']],
    ['a reference with dots', { r: 'BENOR.72.1' }, ['Bordure 1']],
    ['a reference without separators', { r: 'Benor713' }, ['Pavé béton drainant 3']],
    ['a reference exactly as printed', { r: 'BENOR-71-1' }, ['Pavé béton drainant 1']],
    // Still a whole reference, not a part of one; still literal wildcards in names.
    ['a part of a reference', { r: 'benor 71' }, []],
    ["a name's _ taken literally", { q: 'pave_beton' }, []],
    ['a name that is not there', { q: 'pavex' }, []],
  ];

  it.each(cases)('finds %s', async (_label, args, expected) => {
    expect(await viaGraphQL(args)).toEqual(expected);
    expect(await viaGet(args)).toEqual(expected);
  });

  it('matches no reference by an empty key: a typed reference of letters the key drops finds nothing', async () => {
    // A product whose reference holds no letter or digit the key keeps (its key is empty).
    await started.app.asOwner((db) => db.query(`UPDATE published_datasheet SET certificate_reference = '— / —' WHERE product_name = 'Bordure 2'`));
    // Greek letters pass the input's check (a letter) but fold to an empty key too.
    expect(await viaGraphQL({ r: 'ΑΒΓ' })).toEqual([]);
    expect(await viaGet({ r: 'ΑΒΓ' })).toEqual([]);
  });

  it('refuses a reference that holds no letter or digit, naming the field', async () => {
    const response = await started.app.http().get(`/public/datasheets?tenant=${slug}&certificateReference=${encodeURIComponent(' -/. ')}`).set('accept', 'application/json');
    expect(response.status).toBe(400);
    expect(response.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'certificateReference', reason: 'must hold a letter or a digit' }] });
  });
});
