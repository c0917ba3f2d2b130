import { randomUUID } from 'node:crypto';
import { Role } from '@chancery/access';
import { CertificateFactory, expectData, TestApp, useTestApp } from '@chancery/testing';

type State = 'DRAFT' | 'SUBMITTED' | 'IN_REVIEW' | 'CHANGES_REQUESTED' | 'REJECTED' | 'APPROVED' | 'ISSUED';
interface Made {
  id: string;
  company: 'A' | 'B';
  state: State;
  /** The clock when it was created and submitted (the steps of one application happen at one instant). */
  at: number;
  certificateId?: string;
}

/**
 * A chamber issues thousands of certificates a year: its list of applications and both lists of
 * certificates go page by page (`after`: the last record of the previous page), and the chamber's
 * list puts its work (submitted, in review, approved) first. Before, every list stopped at its first
 * 200 records, and the chamber's, oldest submission first whatever the state, filled up with issued
 * applications until no new submission showed in it.
 */
describe('Lists of applications and certificates, page by page', () => {
  const started = useTestApp();
  let app: TestApp;
  let certificates: CertificateFactory;
  let tokens: { exporterA: string; exporterB: string; clerk: string; signer: string };
  const made: Made[] = [];
  /** A certificate another chamber issued. */
  let otherChambers: { number: string };
  let companyIds: { A: string; B: string; otherChambers: string };

  const WORK: State[] = ['SUBMITTED', 'IN_REVIEW', 'APPROVED'];

  /** A new application of `company` brought to `state` through the API, at the clock's current time. */
  async function make(company: 'A' | 'B', state: State): Promise<Made> {
    const exporter = company === 'A' ? tokens.exporterA : tokens.exporterB;
    const at = app.clock.now().getTime();
    const application = await certificates.create(exporter);
    const record: Made = { id: application.id, company, state, at };
    if (state !== 'DRAFT') await certificates.step('submitCertificateApplication', application.id, exporter);
    if (['IN_REVIEW', 'CHANGES_REQUESTED', 'REJECTED', 'APPROVED', 'ISSUED'].includes(state)) await certificates.step('claimCertificateApplication', application.id, tokens.clerk);
    if (state === 'CHANGES_REQUESTED') await certificates.step('requestCertificateApplicationChanges', application.id, tokens.clerk, { comment: 'Add the invoice' });
    if (state === 'REJECTED') await certificates.step('rejectCertificateApplication', application.id, tokens.clerk, { reason: 'Not of Belgian origin' });
    if (state === 'APPROVED' || state === 'ISSUED') await certificates.step('approveCertificateApplication', application.id, tokens.clerk);
    if (state === 'ISSUED') record.certificateId = (await certificates.sign(application.id, tokens.signer)).id;
    made.push(record);
    return record;
  }

  /** Every page of a list, `first` at a time, each after the last record of the one before. */
  async function walk(token: string, list: 'certificateApplications' | 'certificatesOfOrigin', first: number, state?: State, organisationId?: string): Promise<{ ids: string[]; pages: number }> {
    const ids: string[] = [];
    let pages = 0;
    for (let after: string | null = null; ; ) {
      const document = list === 'certificateApplications'
        ? 'query($first: Int!, $after: ID, $state: String, $organisationId: ID) { certificateApplications(first: $first, after: $after, state: $state, organisationId: $organisationId) { id } }'
        : 'query($first: Int!, $after: ID) { certificatesOfOrigin(first: $first, after: $after) { id } }';
      const page: Array<{ id: string }> = expectData(await app.graphql<Record<string, Array<{ id: string }>>>(document, { first, after, ...(state ? { state } : {}), ...(organisationId ? { organisationId } : {}) }, { token }))[list]!;
      pages += 1;
      expect(page.length).toBeLessThanOrEqual(first);
      ids.push(...page.map((record) => record.id));
      if (page.length < first) return { ids, pages };
      after = page[page.length - 1]!.id;
      if (pages > 50) throw new Error('the list never ends');
    }
  }

  const byIdAscending = (x: Made, y: Made) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  /** The chamber's order: its work first, oldest first; then the rest, newest first; the id within one instant, in the same direction. */
  const chamberOrder = (records: Made[]) => [
    ...records.filter((r) => WORK.includes(r.state)).sort((x, y) => x.at - y.at || byIdAscending(x, y)),
    ...records.filter((r) => !WORK.includes(r.state)).sort((x, y) => y.at - x.at || byIdAscending(y, x)),
  ];
  const newestFirst = (records: Made[]) => [...records].sort((x, y) => y.at - x.at || byIdAscending(y, x));

  beforeAll(async () => {
    app = started.app;
    const { factory } = started;
    certificates = new CertificateFactory(app);
    const chamber = await factory.tenant();
    const [companyA, companyB] = [await factory.organisation(chamber), await factory.organisation(chamber)];
    tokens = {
      exporterA: (await factory.login(await factory.user({ tenant: chamber, organisation: companyA, roles: [Role.ORG_ADMIN] }))).accessToken,
      exporterB: (await factory.login(await factory.user({ tenant: chamber, organisation: companyB, roles: [Role.ORG_ADMIN] }))).accessToken,
      clerk: (await factory.login(await factory.user({ tenant: chamber, roles: [Role.CLERK] }))).accessToken,
      signer: (await factory.login(await factory.user({ tenant: chamber, roles: [Role.SIGNER] }))).accessToken,
    };
    const second = () => app.clock.advance(1_000);
    for (const state of ['ISSUED', 'SUBMITTED', 'REJECTED', 'IN_REVIEW', 'ISSUED', 'APPROVED', 'CHANGES_REQUESTED', 'SUBMITTED', 'ISSUED', 'DRAFT'] as const) {
      second();
      await make('A', state);
    }
    // Two of one instant each, in the work and in the rest: the id decides, and no page loses or repeats one.
    second();
    await make('A', 'SUBMITTED');
    await make('A', 'SUBMITTED');
    await make('B', 'ISSUED');
    await make('A', 'ISSUED');
    second();
    await make('B', 'SUBMITTED');
    await make('B', 'DRAFT');

    const otherChamber = await factory.tenant();
    const otherCompany = await factory.organisation(otherChamber);
    companyIds = { A: companyA.id, B: companyB.id, otherChambers: otherCompany.id };
    const tokenOf = async (roles: Role[], organisation?: typeof otherCompany) => (await factory.login(await factory.user({ tenant: otherChamber, organisation, roles }))).accessToken;
    otherChambers = await certificates.issued(await tokenOf([Role.ORG_ADMIN], otherCompany), await tokenOf([Role.CLERK]), await tokenOf([Role.SIGNER]));
  });

  it("the chamber's list: its work first, oldest submission first, then the rest, newest first; each application once, two at a time", async () => {
    const { ids, pages } = await walk(tokens.clerk, 'certificateApplications', 2);
    const expected = chamberOrder(made.filter((r) => r.state !== 'DRAFT'));
    expect(ids).toEqual(expected.map((r) => r.id));
    expect(pages).toBe(Math.floor(expected.length / 2) + 1);
    // The newest submission is on the first page: it is work, and only older work comes before it.
    const firstPage = (await walk(tokens.clerk, 'certificateApplications', 200)).ids;
    expect(firstPage.indexOf(made.find((r) => r.company === 'B' && r.state === 'SUBMITTED')!.id)).toBeLessThan(made.filter((r) => WORK.includes(r.state)).length);
  });

  it("a state filter keeps the order and the pages: the chamber's issued applications, newest first", async () => {
    const { ids } = await walk(tokens.clerk, 'certificateApplications', 3, 'ISSUED');
    expect(ids).toEqual(chamberOrder(made.filter((r) => r.state === 'ISSUED')).map((r) => r.id));
  });

  it("one company's applications as the chamber sees them: no drafts, newest first, two at a time; another chamber's company has none", async () => {
    // A clerk asked on the phone where a company's applications stand.
    expect((await walk(tokens.clerk, 'certificateApplications', 2, undefined, companyIds.A)).ids)
      .toEqual(newestFirst(made.filter((r) => r.company === 'A' && r.state !== 'DRAFT')).map((r) => r.id));
    expect((await walk(tokens.clerk, 'certificateApplications', 2, 'SUBMITTED', companyIds.B.toUpperCase())).ids)
      .toEqual(newestFirst(made.filter((r) => r.company === 'B' && r.state === 'SUBMITTED')).map((r) => r.id));
    expect((await walk(tokens.clerk, 'certificateApplications', 2, undefined, companyIds.otherChambers)).ids).toEqual([]);
    // A company naming itself sees its own list, drafts included; naming another company, nothing.
    expect((await walk(tokens.exporterA, 'certificateApplications', 50, undefined, companyIds.A)).ids).toEqual(newestFirst(made.filter((r) => r.company === 'A')).map((r) => r.id));
    expect((await walk(tokens.exporterA, 'certificateApplications', 50, undefined, companyIds.B)).ids).toEqual([]);
  });

  it("a company's list: its own applications, drafts included, newest first, three at a time", async () => {
    const { ids } = await walk(tokens.exporterA, 'certificateApplications', 3);
    expect(ids).toEqual(newestFirst(made.filter((r) => r.company === 'A')).map((r) => r.id));
  });

  it('certificates: the chamber\'s and a company\'s, newest first, two at a time', async () => {
    const issued = made.filter((r) => r.certificateId);
    const certificateIds = (records: Made[]) =>
      [...records].sort((x, y) => y.at - x.at || (x.certificateId! < y.certificateId! ? 1 : -1)).map((r) => r.certificateId);
    expect((await walk(tokens.clerk, 'certificatesOfOrigin', 2)).ids).toEqual(certificateIds(issued));
    expect((await walk(tokens.exporterA, 'certificatesOfOrigin', 2)).ids).toEqual(certificateIds(issued.filter((r) => r.company === 'A')));
  });

  it('a record the list does not hold, as `after`, gives an empty page (another company\'s, a draft for the chamber, an unknown id)', async () => {
    const page = async (token: string, list: 'certificateApplications' | 'certificatesOfOrigin', after: string) =>
      expectData(await app.graphql<Record<string, Array<{ id: string }>>>(`query($after: ID) { ${list}(after: $after) { id } }`, { after }, { token }))[list];
    const ofB = made.find((r) => r.company === 'B' && r.state === 'SUBMITTED')!;
    const certificateOfB = made.find((r) => r.company === 'B' && r.certificateId)!.certificateId!;
    const draftOfA = made.find((r) => r.company === 'A' && r.state === 'DRAFT')!;
    // Positive controls: the same calls with records the lists hold go on.
    const newestOfA = newestFirst(made.filter((r) => r.company === 'A'))[0]!;
    expect((await page(tokens.exporterA, 'certificateApplications', newestOfA.id))!.length).toBeGreaterThan(0);
    expect((await page(tokens.clerk, 'certificateApplications', ofB.id))!.length).toBeGreaterThan(0);
    expect((await page(tokens.clerk, 'certificatesOfOrigin', certificateOfB))!.length).toBeGreaterThan(0);

    expect(await page(tokens.exporterA, 'certificateApplications', ofB.id)).toEqual([]);
    expect(await page(tokens.exporterA, 'certificatesOfOrigin', certificateOfB)).toEqual([]);
    expect(await page(tokens.clerk, 'certificateApplications', draftOfA.id)).toEqual([]);
    expect(await page(tokens.clerk, 'certificateApplications', randomUUID())).toEqual([]);
  });

  it('a certificate found by its number as printed, in either case: the chamber\'s any, a company\'s own only', async () => {
    const find = async (token: string, number: string) =>
      expectData(await app.graphql<{ certificatesOfOrigin: Array<{ id: string; number: string }> }>('query($n: String) { certificatesOfOrigin(number: $n) { id number } }', { n: number }, { token })).certificatesOfOrigin;
    const ofA = made.find((r) => r.company === 'A' && r.certificateId)!.certificateId!;
    const ofB = made.find((r) => r.company === 'B' && r.certificateId)!.certificateId!;
    const all = expectData(await app.graphql<{ certificatesOfOrigin: Array<{ id: string; number: string }> }>('{ certificatesOfOrigin(first: 200) { id number } }', {}, { token: tokens.clerk })).certificatesOfOrigin;
    const numberOf = (id: string) => all.find((c) => c.id === id)!.number;
    expect(await find(tokens.clerk, numberOf(ofB))).toEqual([{ id: ofB, number: numberOf(ofB) }]);
    expect(await find(tokens.clerk, ` ${numberOf(ofA).toLowerCase()} `)).toEqual([{ id: ofA, number: numberOf(ofA) }]);
    expect(await find(tokens.exporterA, numberOf(ofA))).toEqual([{ id: ofA, number: numberOf(ofA) }]);
    // Another company's number, and one nobody issued: nothing, as for a missing one.
    expect(await find(tokens.exporterA, numberOf(ofB))).toEqual([]);
    expect(await find(tokens.clerk, `${numberOf(ofA)}9`)).toEqual([]);
    // Another chamber's certificate: row-level security keeps it out of this chamber's answers.
    expect(otherChambers.number).toMatch(/-\d{6}$/);
    expect(await find(tokens.clerk, otherChambers.number)).toEqual([]);
    expect(await find(tokens.exporterA, otherChambers.number)).toEqual([]);
    const malformed = await app.graphql('query($n: String) { certificatesOfOrigin(number: $n) { id } }', { n: 'BE--2026' }, { token: tokens.clerk });
    expect(malformed.errors?.[0]?.extensions?.fields).toEqual([expect.objectContaining({ field: 'number' })]);
  });

  it('a malformed `after` or page size is refused naming the argument', async () => {
    const refused = await app.graphql('{ certificateApplications(after: "12; DROP TABLE x", first: 201) { id } }', {}, { token: tokens.clerk });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.extensions?.fields?.map((f) => f.field).sort()).toEqual(['after', 'first']);
  });
});
