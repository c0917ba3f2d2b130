import { Role } from '@chancery/access';
import { CertificateFactory, expectData, TestCertificate, TestOrganisation, TestTenant, TestUser, useTestApp } from '@chancery/testing';

const LINE_FIELDS = 'id organisationId certificateId certificateNumber organisationName organisationVatNumber kind copyNumber member amountCents currency occurredAt';
const LINES = `query($month: String!, $organisationId: ID) { certificateBillableLines(month: $month, organisationId: $organisationId) { ${LINE_FIELDS} } }`;

interface Line {
  id: string;
  organisationId: string;
  certificateId: string;
  certificateNumber: string | null;
  organisationName: string | null;
  organisationVatNumber: string | null;
  kind: string;
  copyNumber: number | null;
  member: boolean;
  amountCents: number;
  currency: string;
  occurredAt: string;
}

/**
 * The chamber's monthly invoicing export: each fee with what an invoice names (the certificate's
 * number, the company's name and VAT number), read with the lines in one statement, for the tenant
 * admin and the auditor of the chamber only.
 */
describe('Invoicing export (certificateBillableLines)', () => {
  const started = useTestApp({ env: { EXPOSE_STATEMENT_COUNT: 'true' } });
  let certificates: CertificateFactory;
  let chamber: TestTenant;
  let member: TestOrganisation;
  let other: TestOrganisation;
  const users: Partial<Record<'exporter' | 'otherExporter' | 'clerk' | 'signer' | 'admin' | 'auditor' | 'foreignAdmin', TestUser>> = {};
  const vat = new Map<string, string>();

  /** A fresh token (the tests move the clock past a token's life). */
  async function token(who: keyof typeof users): Promise<string> {
    return (await started.factory.login(users[who]!)).accessToken;
  }

  async function linesOf(month: string, as: keyof typeof users, organisationId?: string): Promise<Line[]> {
    return expectData(await started.app.graphql<{ certificateBillableLines: Line[] }>(LINES, { month, organisationId }, { token: await token(as) })).certificateBillableLines;
  }

  /** The statements one export of the month costs, as the API counts them. */
  async function statementsOf(month: string): Promise<number> {
    const response = await started.app.http().post('/graphql').set('content-type', 'application/json').set('authorization', `Bearer ${await token('admin')}`)
      .send({ query: LINES, variables: { month } });
    expect(response.body.errors).toBeUndefined();
    return Number(response.headers['x-sql-statements']);
  }

  async function issue(exporter: 'exporter' | 'otherExporter'): Promise<TestCertificate> {
    return certificates.issued(await token(exporter), await token('clerk'), await token('signer'));
  }

  async function copy(certificateId: string): Promise<{ copyNumber: number }> {
    const answer = await started.app.graphql<{ requestCertificateCopy: { copyNumber: number } }>(
      `mutation($id: ID!) { requestCertificateCopy(certificateId: $id) { copyNumber } }`, { id: certificateId }, { token: await token('exporter') });
    return expectData(answer).requestCertificateCopy;
  }

  beforeAll(async () => {
    const { app, factory } = started;
    certificates = new CertificateFactory(app);
    app.clock.set(new Date('2026-03-10T09:00:00Z'));
    chamber = await factory.tenant();
    const foreign = await factory.tenant();
    // A name a spreadsheet would take for a formula: the export gives it as stored.
    member = await factory.organisation(chamber, { name: '=Chocolatier Brugge NV' });
    other = await factory.organisation(chamber, { name: 'Antwerp Diamonds BV' });
    await app.asOwner((db) => db.query(`UPDATE organisation SET is_member = true WHERE id = $1`, [member.id]));
    for (const o of [member, other]) vat.set(o.id, (await app.asOwner((db) => db.query(`SELECT vat_number FROM organisation WHERE id = $1`, [o.id]))).rows[0].vat_number);
    users.exporter = await factory.user({ tenant: chamber, organisation: member, roles: [Role.ORG_ADMIN] });
    users.otherExporter = await factory.user({ tenant: chamber, organisation: other, roles: [Role.ORG_ADMIN] });
    users.clerk = await factory.user({ tenant: chamber, roles: [Role.CLERK] });
    users.signer = await factory.user({ tenant: chamber, roles: [Role.SIGNER] });
    users.admin = await factory.user({ tenant: chamber, roles: [Role.TENANT_ADMIN] });
    users.auditor = await factory.user({ tenant: chamber, roles: [Role.AUDITOR] });
    users.foreignAdmin = await factory.user({ tenant: foreign, roles: [Role.TENANT_ADMIN] });
    expectData(await app.graphql(
      `mutation($input: CertificateSettingsInput!) { setCertificateSettings(input: $input) { numberPrefix } }`,
      { input: { numberPrefix: 'BE-INV', memberFeeCents: 2550, nonMemberFeeCents: 4000, copyMemberFeeCents: 500, copyNonMemberFeeCents: 900, currency: 'EUR' } },
      { token: await token('admin') },
    ));
  });

  it("names each line's certificate and company: an issue and a copy, at the member's or non-member's price, in the month's bounds", async () => {
    const { app } = started;
    app.clock.set(new Date('2026-03-12T10:00:00Z'));
    const first = await issue('exporter');
    app.clock.set(new Date('2026-03-20T10:00:00Z'));
    const second = await issue('otherExporter');
    app.clock.set(new Date('2026-03-31T23:59:00Z'));
    const copied = await copy(first.id);
    // The next month's first minute is the next month's.
    app.clock.set(new Date('2026-04-01T00:00:00Z'));
    const april = await issue('exporter');

    const march = await linesOf('2026-03', 'admin');
    const without = (lines: Line[]) => lines.map((l) => ({ ...l, id: undefined }));
    const ofCompany = (id: string) => without(march.filter((l) => l.organisationId === id));
    expect(march).toHaveLength(3);
    expect(ofCompany(member.id)).toEqual([
      {
        id: undefined, organisationId: member.id, certificateId: first.id, certificateNumber: first.number, organisationName: '=Chocolatier Brugge NV', organisationVatNumber: vat.get(member.id),
        kind: 'ISSUE', copyNumber: null, member: true, amountCents: 2550, currency: 'EUR', occurredAt: expect.stringMatching(/^2026-03-1[0-9]T/),
      },
      {
        id: undefined, organisationId: member.id, certificateId: first.id, certificateNumber: first.number, organisationName: '=Chocolatier Brugge NV', organisationVatNumber: vat.get(member.id),
        kind: 'COPY', copyNumber: copied.copyNumber, member: true, amountCents: 500, currency: 'EUR', occurredAt: '2026-03-31T23:59:00.000Z',
      },
    ]);
    expect(ofCompany(other.id)).toEqual([
      {
        id: undefined, organisationId: other.id, certificateId: second.id, certificateNumber: second.number, organisationName: 'Antwerp Diamonds BV', organisationVatNumber: vat.get(other.id),
        kind: 'ISSUE', copyNumber: null, member: false, amountCents: 4000, currency: 'EUR', occurredAt: expect.stringMatching(/^2026-03-2[0-9]T/),
      },
    ]);
    // Per company: a company's lines follow each other (by name, in natural_order).
    expect(march.map((l) => l.organisationId).filter((id, i, all) => i === 0 || all[i - 1] !== id)).toHaveLength(2);
    expect(first.number).toMatch(/^BE-INV-2026-\d+$/);
    expect(copied.copyNumber).toBeGreaterThanOrEqual(1);
    expect((await linesOf('2026-04', 'admin')).map((l) => [l.certificateNumber, l.kind])).toEqual([[april.number, 'ISSUE']]);

    // One company: its lines only; the auditor reads the same.
    expect((await linesOf('2026-03', 'admin', other.id)).map((l) => l.certificateNumber)).toEqual([second.number]);
    expect(await linesOf('2026-03', 'auditor')).toEqual(march);
    // The company's record as it reads now (a renamed company is invoiced under its new name).
    await app.asOwner((db) => db.query(`UPDATE organisation SET name = 'Antwerp Diamonds Group BV' WHERE id = $1`, [other.id]));
    expect((await linesOf('2026-03', 'admin', other.id))[0]!.organisationName).toBe('Antwerp Diamonds Group BV');
  });

  it('costs the same number of statements for one line as for many (the names are joined, not read per line)', async () => {
    const { app } = started;
    app.clock.set(new Date('2026-05-04T08:00:00Z'));
    const one = await issue('exporter');
    const few = await statementsOf('2026-05');
    expect(few).toBeGreaterThan(0);
    expect((await linesOf('2026-05', 'admin')).length).toBe(1);
    for (let i = 0; i < 3; i += 1) await issue(i % 2 ? 'exporter' : 'otherExporter');
    await copy(one.id);
    await copy(one.id);
    const lines = await linesOf('2026-05', 'admin');
    expect(lines.length).toBe(6);
    expect(lines.every((l) => l.certificateNumber && l.organisationName && l.organisationVatNumber)).toBe(true);
    expect(await statementsOf('2026-05')).toBe(few);
  });

  it('is refused to the company, the clerk and the signer; another chamber sees none of it, even naming the company', async () => {
    const { app } = started;
    app.clock.set(new Date('2026-06-02T08:00:00Z'));
    await issue('exporter');
    expect((await linesOf('2026-06', 'admin')).length).toBe(1);
    for (const who of ['exporter', 'clerk', 'signer'] as const) {
      const answer = await app.graphql(LINES, { month: '2026-06' }, { token: await token(who) });
      expect({ who, code: answer.errors?.[0]?.extensions?.code, data: answer.data?.certificateBillableLines ?? null }).toEqual({ who, code: 'FORBIDDEN', data: null });
    }
    expect(await linesOf('2026-06', 'foreignAdmin')).toEqual([]);
    expect(await linesOf('2026-06', 'foreignAdmin', member.id)).toEqual([]);
    // Without a token: not logged in.
    expect((await app.graphql(LINES, { month: '2026-06' })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('reads a month of the years 0 to 99 as written, not as one of the 1900s', async () => {
    // A fee of May 1999, written as the database's owner (the API cannot log anyone in 27 years ago).
    started.app.clock.set(new Date('2026-07-01T08:00:00Z'));
    const certificate = await issue('exporter');
    await started.app.asOwner((db) => db.query(
      `INSERT INTO certificate_billable_line (tenant_id, organisation_id, certificate_id, kind, copy_number, member, amount_cents, currency, occurred_at)
       SELECT tenant_id, organisation_id, id, 'COPY', 99, true, 500, 'EUR', '1999-05-10T08:00:00Z' FROM certificate WHERE id = $1`, [certificate.id]));
    expect((await linesOf('1999-05', 'admin')).map((l) => [l.certificateNumber, l.copyNumber])).toEqual([[certificate.number, 99]]);
    // Found from outside on 6 December 2026: Date.UTC made "0099-05" May 1999.
    expect(await linesOf('0099-05', 'admin')).toEqual([]);
    expect(await linesOf('0000-01', 'admin')).toEqual([]);
  });

  it('refuses a month that is not YYYY-MM (or a company id that is not one) with BAD_USER_INPUT naming the argument', async () => {
    const admin = await token('admin');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ month: '2026-13' }, 'month'],
      [{ month: '2026-00' }, 'month'],
      [{ month: '2026-3' }, 'month'],
      [{ month: '202603' }, 'month'],
      [{ month: '' }, 'month'],
      [{ month: '2026-03\u0000' }, 'month'],
      [{ month: '2026-03-01' }, 'month'],
      [{ month: '2026-03', organisationId: 'not-a-uuid' }, 'organisationId'],
      [{ month: '2026-03', organisationId: `${member.id}\u0000` }, 'organisationId'],
    ];
    const problems: string[] = [];
    for (const [variables, field] of cases) {
      const answer = await started.app.graphql(LINES, variables, { token: admin });
      const error = answer.errors?.[0]?.extensions;
      if (answer.status >= 500 || error?.code !== 'BAD_USER_INPUT' || !(error.fields ?? []).some((f) => f.field === field)) problems.push(`${JSON.stringify(variables)}: ${answer.status} ${JSON.stringify(answer.errors)}`);
    }
    expect(problems).toEqual([]);
  });
});
