import { randomBytes, randomUUID } from 'node:crypto';
import { Role } from '@chancery/access';
import { CONTACT_DISCLOSURE_NOTICE } from '@chancery/datasheets';
import { TenantKind } from '@chancery/identity';
import { expectData, GraphQLResponse, IdentityFactory, queuedEmails, TestApp, TestTenant, TestUser, useTestApp } from '@chancery/testing';

/**
 * A company's registration not confirmed yet (anyone can make one, with any address) was kept out of
 * the staff's lists (review F6), but its id still opened it: the tenant's audit log names it
 * (identity.organisation.registered), and with it a clerk read the record, made it the holder of a
 * certified product; an appointment of its registrant's address answered "not active" where an
 * unknown one is "not found"; and an invitation into it made an ACTIVE account of a company nobody
 * confirmed. Until its registrant confirms, it is nobody's company:
 *  - every operation given its id (or its registrant's address) answers exactly as for one that does
 *    not exist — the same NOT_FOUND, so nobody learns that a registration is pending;
 *  - no account of it becomes ACTIVE but through its registrant's confirmation (the database refuses
 *    any other, whatever writes it: an invitation issued before, an administrator, the provisioning).
 * Once confirmed, the same calls work. (The T3 battery, test/security/isolation/object-access, calls
 * every operation taking a company's id with a pending registration's.)
 */

const REGISTER = 'mutation($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { tenant { slug } } }';
const CONFIRM = 'mutation($token: String!) { confirmEmail(token: $token) }';
const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { accessToken } }';
const AUDIT = '{ auditEntries(first: 20) { action subjectId } }';
const ORGANISATION = 'query($id: ID!) { organisation(id: $id) { id name } }';
const CREATE_PRODUCT = 'mutation($i: CreateCertifiedProductInput!) { createCertifiedProduct(input: $i) { id organisationId } }';
const APPOINT = 'mutation($i: AppointCompanyAdministratorInput!) { appointCompanyAdministrator(input: $i) { id } }';
const RESET = 'mutation($i: ResetCompanyAdministratorSecondFactorInput!) { resetCompanyAdministratorSecondFactor(input: $i) { organisationId } }';
const ACCEPT = 'mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) }';
const PASSWORD = 'a long enough passphrase 42';

function belgianVat(n: number): string {
  const base = String(7_000_000 + n * 7919).padStart(8, '0');
  const check = String(97 - (Number(base) % 97)).padStart(2, '0');
  return `BE${base}${check}`;
}

/** The whole answer but where in the document an error points: what a caller can tell apart. */
function answerOf(response: GraphQLResponse): unknown {
  return { status: response.status, data: response.data ?? null, errors: (response.errors ?? []).map(({ locations: _l, path: _p, ...rest }: Record<string, unknown>) => rest) };
}

describe('a registration not confirmed yet is nobody’s company', () => {
  const started = useTestApp({ env: { LOG_LEVEL: 'silent' } });
  let app: TestApp;
  let factory: IdentityFactory;
  let body: TestTenant;
  let tenantAdmin: TestUser;
  let adminToken: string;
  let clerkToken: string;
  let serial = 0;

  function registration() {
    serial += 1;
    return {
      tenantSlug: body.slug, vatNumber: belgianVat(serial), name: `Betonfabriek ${serial} NV`, legalForm: 'NV', street: 'Kaai 1', postalCode: '2000', city: 'Antwerpen',
      country: 'BE', phone: '+3232322219', email: `info-${serial}@beton.test`, iban: 'BE71096123456769', loginMethod: 'PASSWORD',
      acknowledgedContactDisclosureNotice: CONTACT_DISCLOSURE_NOTICE.version,
      administrator: { firstName: 'Anna', lastName: 'Peeters', email: `anna-${randomUUID().slice(0, 8)}@beton.test`, password: PASSWORD, preferredLanguage: 'nl' },
    };
  }
  /** Registers a company (not confirmed) and finds its id as the tenant's administrator can: in the audit log. */
  async function pending(): Promise<{ id: string; registrant: string }> {
    const input = registration();
    expectData(await app.graphql(REGISTER, { input }));
    const entries = expectData(await app.graphql<{ auditEntries: Array<{ action: string; subjectId: string }> }>(AUDIT, {}, { token: adminToken })).auditEntries;
    return { id: entries.find((e) => e.action === 'identity.organisation.registered')!.subjectId, registrant: input.administrator.email };
  }
  async function confirm(email: string): Promise<void> {
    const [mail] = await queuedEmails(app, { recipient: email, template: 'identity.confirm-email' });
    expectData(await app.graphql(CONFIRM, { token: /(ect_[A-Za-z0-9_-]+)/.exec(mail!.body)![1] }));
  }
  const login = (email: string) => app.graphql<{ login: { accessToken: string } }>(LOGIN, { i: { email, password: PASSWORD, tenant: body.slug } });
  const accountOf = (email: string) =>
    app.asOwner(async (db) => (await db.query(`SELECT status FROM user_account WHERE email = $1`, [email])).rows[0] as { status: string } | undefined);

  beforeAll(async () => {
    ({ app, factory } = started);
    body = await factory.tenant({ name: 'COPRO', kinds: [TenantKind.CHAMBER_OF_COMMERCE, TenantKind.CERTIFICATION_BODY] });
    tenantAdmin = await factory.user({ tenant: body, roles: [Role.TENANT_ADMIN] });
    // A login with the second factor counts as the step-up the appointment and the reset ask for.
    adminToken = (await factory.login(tenantAdmin)).accessToken;
    clerkToken = (await factory.login(await factory.user({ tenant: body, roles: [Role.CLERK] }))).accessToken;
  });

  it('staff reach it by no id or address, though the audit log names it: each answers as for one that does not exist; once confirmed, the same calls find it', async () => {
    const company = await pending();
    const product = (organisationId: string) => ({
      i: { organisationId, name: 'Kerbstone', productFamily: 'kerbstones', certificateReference: `BENOR-${randomUUID()}`, scheme: 'BENOR', productionUnit: 'Gent' },
    });
    const calls: Record<string, (id: string, email: string) => Promise<GraphQLResponse>> = {
      organisation: (id) => app.graphql(ORGANISATION, { id }, { token: clerkToken }),
      createCertifiedProduct: (id) => app.graphql(CREATE_PRODUCT, product(id), { token: clerkToken }),
      appointCompanyAdministrator: (_id, email) => app.graphql(APPOINT, { i: { email } }, { token: adminToken }),
    };
    for (const [operation, call] of Object.entries(calls)) {
      const asked = answerOf(await call(company.id, company.registrant));
      const unknown = answerOf(await call(randomUUID(), `nobody-${randomUUID().slice(0, 8)}@beton.test`));
      expect({ operation, answer: asked }).toEqual({ operation, answer: unknown });
      expect({ operation, code: (asked as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code }).toEqual({ operation, code: 'NOT_FOUND' });
    }
    expect(await app.asOwner(async (db) => (await db.query(`SELECT count(*)::int AS n FROM certified_product WHERE organisation_id = $1`, [company.id])).rows[0])).toEqual({ n: 0 });

    // Its registrant confirms: now it is a customer, and the same calls reach it.
    await confirm(company.registrant);
    expect(expectData(await calls.organisation!(company.id, company.registrant)).organisation).toMatchObject({ id: company.id });
    expect(expectData(await calls.createCertifiedProduct!(company.id, company.registrant)).createCertifiedProduct).toMatchObject({ organisationId: company.id });
    expect((await calls.appointCompanyAdministrator!(company.id, company.registrant)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'COMPANY_HAS_ADMINISTRATOR' });
  });

  it('no account of it becomes active but by its registrant’s confirmation: an invitation issued before is refused like an unknown link, nothing is written, and the chamber has no administrator of it to reset', async () => {
    const company = await pending();
    const organisation = { id: company.id, tenantId: body.id, name: 'pending' };
    const invitation = await factory.invitation({ tenant: body, organisation, invitedBy: tenantAdmin, roles: [Role.ORG_ADMIN] });
    const accept = (token: string) => app.graphql<{ acceptInvitation: boolean }>(ACCEPT, {
      i: { token, firstName: 'Jan', lastName: 'Claes', password: PASSWORD, acknowledgedContactDisclosureNotice: CONTACT_DISCLOSURE_NOTICE.version },
    });
    const forged = `${invitation.token.slice(0, -43)}${randomBytes(32).toString('base64url')}`;
    const refused = answerOf(await accept(invitation.token));
    expect(refused).toEqual(answerOf(await accept(forged)));
    expect(refused).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED', reason: 'INVITATION_INVALID' } }] });
    expect(await accountOf(invitation.email)).toBeUndefined();
    expect((await login(invitation.email)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // Nobody of it is an active administrator: the chamber's reset answers as for a company that does not exist.
    const reset = (organisationId: string, email: string) => app.graphql(RESET, { i: { organisationId, email, reference: 'SUP-2026/1208' } }, { token: adminToken });
    for (const email of [invitation.email, company.registrant]) {
      expect(answerOf(await reset(company.id, email))).toEqual(answerOf(await reset(randomUUID(), email)));
    }

    // Whatever writes it: the provisioning (demo data, factories) and a plain UPDATE are refused by the database.
    await expect(factory.user({ tenant: body, organisation, roles: [Role.ORG_MEMBER] })).rejects.toMatchObject({ code: 'CTI01' });
    const activated = await app.asOwner((db) => db.query(`UPDATE user_account SET status = 'ACTIVE' WHERE email = $1`, [company.registrant]).then(() => null, (error: { code?: string }) => error.code));
    expect(activated).toBe('CTI01');
    expect(await accountOf(company.registrant)).toEqual({ status: 'PENDING_CONFIRMATION' });

    // The registrant's confirmation activates them and confirms the company; the invitation then works.
    await confirm(company.registrant);
    expectData(await login(company.registrant));
    expect(expectData(await accept(invitation.token)).acceptInvitation).toBe(true);
    expectData(await login(invitation.email));
  });
});
