import { randomUUID } from 'node:crypto';
import { Role } from '@chancery/access';
import { expectData, IdentityFactory, queuedEmails, TestApp, TestTenant, useTestApp } from '@chancery/testing';

/**
 * Review F3: registration told whether an address had an account. A known address creates nothing
 * (its owner is e-mailed), a new one creates the company, and the company's VAT number then blocked
 * a second registration: register the address to test with a fresh VAT number, then a throw-away
 * address with the same number — "ok" meant the address had an account, COMPANY_ALREADY_REGISTERED
 * that it had none. The same rule let anyone hold a company's VAT number with a throw-away address
 * until the link expired (squatting). Now only a confirmed company holds its number in a chamber:
 *  - an unconfirmed registration never blocks another registration of the same number;
 *  - of two unconfirmed registrations of one number, the first confirmed wins; the later
 *    confirmation is refused (CONFLICT, COMPANY_REGISTERED_MEANWHILE) and writes nothing;
 *  - the database holds one confirmed company per number and tenant (a partial unique index).
 */

const REGISTER = `mutation($input: RegisterOrganisationInput!) {
  registerOrganisation(input: $input) { organisation { id name vatNumber } tenant { slug } company { name vatNumber city country confirmationSentTo status } }
}`;
const CONFIRM = 'mutation($token: String!) { confirmEmail(token: $token) }';
const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { accessToken } }';
const PASSWORD = 'a long enough passphrase 42';

function belgianVat(n: number): string {
  const base = String(5_000_000 + n * 7919).padStart(8, '0');
  const check = String(97 - (Number(base) % 97)).padStart(2, '0');
  return `BE${base}${check}`;
}

describe('unconfirmed registrations of one company', () => {
  const started = useTestApp({ env: { LOG_LEVEL: 'silent' } });
  let app: TestApp;
  let factory: IdentityFactory;
  let chamber: TestTenant;
  let serial = 0;

  const address = (who = 'anna') => `${who}-${randomUUID().slice(0, 8)}@brouwerij.test`;
  function input(overrides: { vatNumber?: string; email?: string; name?: string } = {}) {
    serial += 1;
    return {
      tenantSlug: chamber.slug,
      vatNumber: overrides.vatNumber ?? belgianVat(serial),
      name: overrides.name ?? 'Brouwerij Het Anker NV', legalForm: 'NV', street: 'Kaai 1', postalCode: '2000', city: 'Antwerpen', country: 'BE',
      phone: '+3232322219', email: 'info@brouwerij.test', iban: 'BE71096123456769', loginMethod: 'PASSWORD',
      administrator: { firstName: 'Anna', lastName: 'Peeters', email: overrides.email ?? address(), password: PASSWORD, preferredLanguage: 'nl' },
    };
  }
  const register = (value: ReturnType<typeof input>) => app.graphql<{ registerOrganisation: Record<string, unknown> }>(REGISTER, { input: value });
  /** What an outsider sees of an answer: status, data and errors, with the echoed address and VAT number set aside. */
  const seen = (response: Awaited<ReturnType<typeof register>>, address: string, vatNumber: string) =>
    JSON.parse(JSON.stringify({ status: response.status, data: response.data ?? null, errors: response.errors ?? null })
      .split(address).join('<address>').split(vatNumber).join('<vat>')) as unknown;

  async function confirmationToken(email: string): Promise<string> {
    const [latest] = (await queuedEmails(app, { recipient: email })).filter((m) => m.template === 'identity.confirm-email').reverse();
    const token = /(ect_[A-Za-z0-9_-]+)/.exec(latest?.body ?? '')?.[1];
    expect(token).toBeDefined();
    return token!;
  }
  const login = (email: string) => app.graphql<{ login: { accessToken: string } }>(LOGIN, { i: { email, password: PASSWORD, tenant: chamber.slug } });

  /** The registration's rows, as the owner: the company's confirmation, the account's state, its unused links. */
  const stateOf = (email: string) =>
    app.asOwner(async (db) => (await db.query(
      `SELECT o.confirmed_at IS NOT NULL AS "companyConfirmed", u.status, u.email_confirmed_at IS NOT NULL AS "addressConfirmed",
              (SELECT count(*)::int FROM one_time_token t WHERE t.user_id = u.id AND t.used_at IS NULL) AS "unusedLinks"
         FROM user_account u JOIN organisation o ON o.id = u.organisation_id WHERE u.email = $1`, [email])).rows[0] as Record<string, unknown> | undefined);

  beforeAll(async () => {
    app = started.app;
    factory = started.factory;
    chamber = await factory.tenant({ name: 'Voka Antwerpen-Waasland' });
  });

  it('the review’s probe answers the same whether the address has an account or not', async () => {
    const known = (await factory.user({ tenant: chamber, organisation: await factory.organisation(chamber), roles: [Role.ORG_ADMIN] })).email;
    const unknown = address('nobody');
    const outcomes: unknown[] = [];
    for (const probed of [known, unknown]) {
      const vatNumber = belgianVat(1000 + outcomes.length);
      const first = await register(input({ vatNumber, email: probed }));
      const throwAway = address('probe');
      const second = await register(input({ vatNumber, email: throwAway }));
      outcomes.push({ first: seen(first, probed, vatNumber), second: seen(second, throwAway, vatNumber) });
    }
    expect(outcomes[0]).toEqual(outcomes[1]);
    expect(outcomes[0]).toMatchObject({ first: { errors: null }, second: { errors: null } });
    // The e-mails stay as they were: the known address's owner is told, the new one gets a link.
    expect((await queuedEmails(app, { recipient: known })).map((m) => m.template)).toEqual(['identity.registration-address-in-use']);
    expect((await queuedEmails(app, { recipient: unknown })).map((m) => m.template)).toEqual(['identity.confirm-email']);
  });

  it('a squatter’s unconfirmed registration does not block the company; the company confirms first and the squatter’s link is refused, writing nothing', async () => {
    const squatter = input({ email: address('squatter') });
    expectData(await register(squatter));
    const company = input({ vatNumber: squatter.vatNumber });
    expectData(await register(company));
    expectData(await app.graphql(CONFIRM, { token: await confirmationToken(company.administrator.email) }));
    expectData(await login(company.administrator.email));

    const before = await stateOf(squatter.administrator.email);
    const refused = await app.graphql(CONFIRM, { token: await confirmationToken(squatter.administrator.email) });
    expect(refused.status).toBeLessThan(500);
    expect(refused.data?.confirmEmail ?? null).toBeNull();
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'COMPANY_REGISTERED_MEANWHILE' });
    expect(before).toEqual({ companyConfirmed: false, status: 'PENDING_CONFIRMATION', addressConfirmed: false, unusedLinks: 1 });
    expect(await stateOf(squatter.administrator.email)).toEqual(before);
    expect((await login(squatter.administrator.email)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // Once confirmed, the company holds its number: a new registration is told so.
    const late = await register(input({ vatNumber: squatter.vatNumber }));
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'COMPANY_ALREADY_REGISTERED' });
  });

  it('two confirmations of rival registrations at once: exactly one wins, the other is a CONFLICT, never a 5xx', async () => {
    const vatNumber = belgianVat(1100);
    const rivals = [input({ vatNumber }), input({ vatNumber }), input({ vatNumber })];
    for (const rival of rivals) expectData(await register(rival));
    const tokens = await Promise.all(rivals.map((r) => confirmationToken(r.administrator.email)));
    const answers = await Promise.all(tokens.map((token) => app.graphql(CONFIRM, { token })));
    expect(answers.map((a) => a.status).every((s) => s < 500)).toBe(true);
    expect(answers.filter((a) => a.data?.confirmEmail === true)).toHaveLength(1);
    expect(answers.filter((a) => a.errors?.[0]?.extensions?.reason === 'COMPANY_REGISTERED_MEANWHILE').map((a) => a.errors?.[0]?.extensions?.code)).toEqual(['CONFLICT', 'CONFLICT']);
    const confirmed = await app.asOwner(async (db) => (await db.query(
      `SELECT count(*)::int AS n FROM organisation WHERE tenant_id = $1 AND company_number = $2 AND confirmed_at IS NOT NULL`, [chamber.id, vatNumber])).rows[0] as { n: number });
    expect(confirmed.n).toBe(1);
  });

  it('the database holds one confirmed company per number and chamber, however it is written', async () => {
    const vatNumber = belgianVat(1200);
    const one = input({ vatNumber });
    const two = input({ vatNumber });
    expectData(await register(one));
    expectData(await register(two));
    const refused = await app.asOwner(async (db) => {
      await db.query(`UPDATE organisation SET confirmed_at = now() WHERE tenant_id = $1 AND company_number = $2 AND name = $3 AND confirmed_at IS NULL
                       AND id = (SELECT organisation_id FROM user_account WHERE email = $4)`, [chamber.id, vatNumber, one.name, one.administrator.email]);
      try {
        await db.query(`UPDATE organisation SET confirmed_at = now() WHERE tenant_id = $1 AND company_number = $2 AND confirmed_at IS NULL`, [chamber.id, vatNumber]);
        return null;
      } catch (error) {
        return (error as { constraint?: string }).constraint;
      }
    });
    expect(refused).toBe('organisation_confirmed_company_number');
  });
});
