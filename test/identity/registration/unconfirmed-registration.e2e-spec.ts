import { randomUUID } from 'node:crypto';
import { Role } from '@chancery/access';
import { RequestContext, SYSTEM_ACTOR } from '@chancery/core';
import { CONTACT_DISCLOSURE_NOTICE } from '@chancery/datasheets';
import { TenantKind } from '@chancery/identity';
import { RetentionSweepJob } from '@chancery/privacy';
import { expectData, IdentityFactory, queuedEmails, TestApp, TestTenant, useTestApp } from '@chancery/testing';

/**
 * A registration whose address is never confirmed lapses. Before, it stayed for good: anyone could
 * register a company's VAT number with an address of their own, never confirm, and the company could
 * never register with that chamber (COMPANY_ALREADY_REGISTERED), nor could the address register again
 * (attack of 3 December 2026). Since review F3 an unconfirmed registration does not hold the company's
 * number at all (unconfirmed-rivals.e2e-spec.ts); it still holds its address until it lapses, and
 * its rows stay until then. Once the confirmation link has expired unused (48 hours):
 *  - a new registration of the same company or the same address replaces it (the lapsed company, its
 *    account, role, link and acknowledgement are deleted in the same transaction, audited);
 *  - the nightly retention sweep deletes it after the UNCONFIRMED_REGISTRATION period (7 days).
 * A confirmed registration never lapses; one the chamber has already acted on (a company record
 * something else refers to) is kept, and the company is told it is registered, never a 5xx.
 */

const REGISTER = `mutation($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { tenant { slug } } }`;
const CONFIRM = 'mutation($token: String!) { confirmEmail(token: $token) }';
const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { accessToken } }';
const PASSWORD = 'a long enough passphrase 42';
const HOUR = 3600_000;
const DAY = 24 * HOUR;

function belgianVat(n: number): string {
  const base = String(3_000_000 + n * 7919).padStart(8, '0');
  const check = String(97 - (Number(base) % 97)).padStart(2, '0');
  return `BE${base}${check}`;
}

describe('an unconfirmed registration lapses', () => {
  const started = useTestApp({ env: { LOG_LEVEL: 'silent' } });
  let app: TestApp;
  let factory: IdentityFactory;
  let chamber: TestTenant;
  let body: TestTenant;
  let serial = 0;
  /** The company number of the registration the chamber acted on (kept, by registration and sweep alike). */
  let actedOn = '';

  const address = () => `anna-${randomUUID().slice(0, 8)}@brouwerij.test`;
  function input(overrides: { tenant?: TestTenant; vatNumber?: string; email?: string } = {}) {
    serial += 1;
    return {
      tenantSlug: (overrides.tenant ?? chamber).slug,
      vatNumber: overrides.vatNumber ?? belgianVat(serial),
      name: `Brouwerij ${serial} NV`, legalForm: 'NV', street: 'Kaai 1', postalCode: '2000', city: 'Antwerpen', country: 'BE',
      phone: '+3232322219', email: `info-${serial}@brouwerij.test`, iban: 'BE71096123456769', loginMethod: 'PASSWORD',
      ...(overrides.tenant === body ? { acknowledgedContactDisclosureNotice: CONTACT_DISCLOSURE_NOTICE.version } : {}),
      administrator: { firstName: 'Anna', lastName: 'Peeters', email: overrides.email ?? address(), password: PASSWORD, preferredLanguage: 'nl' },
    };
  }
  const register = (value: ReturnType<typeof input>) => app.graphql<{ registerOrganisation: { tenant: { slug: string } } }>(REGISTER, { input: value });

  async function confirmationToken(email: string): Promise<string> {
    const [latest] = (await queuedEmails(app, { recipient: email })).filter((m) => m.template === 'identity.confirm-email').reverse();
    const token = /(ect_[A-Za-z0-9_-]+)/.exec(latest?.body ?? '')?.[1];
    expect(token).toBeDefined();
    return token!;
  }

  /** What a registration left in the database, read as the owner. */
  const rowsOf = (tenantId: string, vatNumber: string) =>
    app.asOwner(async (db) => {
      const one = async (sql: string) => ((await db.query(sql, [tenantId, vatNumber])).rows[0] as { n: number }).n;
      const scope = `FROM organisation o WHERE o.tenant_id = $1 AND o.company_number = $2`;
      return {
        organisations: await one(`SELECT count(*)::int AS n ${scope}`),
        accounts: await one(`SELECT count(*)::int AS n FROM user_account u WHERE u.organisation_id IN (SELECT o.id ${scope})`),
      };
    });

  /** Everything identity and datasheets keep of one account, by table, as the owner. */
  const traceOf = (userId: string) =>
    app.asOwner(async (db) => {
      const count = async (sql: string) => ((await db.query(sql, [userId])).rows[0] as { n: number }).n;
      return {
        account: await count(`SELECT count(*)::int AS n FROM user_account WHERE id = $1`),
        roles: await count(`SELECT count(*)::int AS n FROM user_role WHERE user_id = $1`),
        links: await count(`SELECT count(*)::int AS n FROM one_time_token WHERE user_id = $1`),
        acknowledgements: await count(`SELECT count(*)::int AS n FROM contact_disclosure_acknowledgement WHERE user_id = $1`),
      };
    });

  const accountIdOf = (email: string) =>
    app.asOwner(async (db) => ((await db.query(`SELECT id FROM user_account WHERE email = $1`, [email])).rows[0] as { id: string } | undefined)?.id ?? null);

  const login = (email: string, tenant: TestTenant) => app.graphql<{ login: { accessToken: string } }>(LOGIN, { i: { email, password: PASSWORD, tenant: tenant.slug } });

  beforeAll(async () => {
    app = started.app;
    factory = started.factory;
    chamber = await factory.tenant({ name: 'Voka Antwerpen-Waasland' });
    body = await factory.tenant({ name: 'COPRO', kinds: [TenantKind.CERTIFICATION_BODY] });
  });

  it('once lapsed, the squatter’s registration is gone when the company registers (it never blocked it: see unconfirmed-rivals)', async () => {
    const squatter = input();
    expectData(await register(squatter));
    const squatterId = (await accountIdOf(squatter.administrator.email))!;
    const squatterLink = await confirmationToken(squatter.administrator.email);

    app.clock.advance(49 * HOUR);
    const company = input({ vatNumber: squatter.vatNumber });
    expectData(await register(company));
    expect(await rowsOf(chamber.id, squatter.vatNumber)).toEqual({ organisations: 1, accounts: 1 });
    expect(await traceOf(squatterId)).toEqual({ account: 0, roles: 0, links: 0, acknowledgements: 0 });
    // The squatter's link no longer confirms anything; the company's does, and its administrator logs in.
    expect((await app.graphql(CONFIRM, { token: squatterLink })).errors?.[0]?.extensions?.reason).toBe('CONFIRMATION_LINK_INVALID');
    expectData(await app.graphql(CONFIRM, { token: await confirmationToken(company.administrator.email) }));
    expectData(await login(company.administrator.email, chamber));
    const lapses = await app.asOwner(async (db) => (await db.query(
      `SELECT subject_type, details FROM audit_entry WHERE tenant_id = $1 AND action = 'identity.registration.lapsed' AND details->>'accounts' = $2`, [chamber.id, squatterId])).rows);
    expect(lapses).toEqual([{ subject_type: 'Organisation', details: { accounts: squatterId, reason: 'registered again' } }]);
  });

  it('the same address registers again once its registration lapsed (a lost link): a new link, not the “address in use” notice', async () => {
    const email = address();
    const first = input({ email });
    expectData(await register(first));
    const firstId = (await accountIdOf(email))!;
    app.clock.advance(49 * HOUR);
    const second = input({ email });
    expectData(await register(second));
    expect(await rowsOf(chamber.id, first.vatNumber)).toEqual({ organisations: 0, accounts: 0 });
    expect(await rowsOf(chamber.id, second.vatNumber)).toEqual({ organisations: 1, accounts: 1 });
    expect(await traceOf(firstId)).toEqual({ account: 0, roles: 0, links: 0, acknowledgements: 0 });
    const templates = (await queuedEmails(app, { recipient: email })).map((m) => m.template);
    expect(templates.filter((t) => t === 'identity.registration-address-in-use')).toEqual([]);
    expectData(await app.graphql(CONFIRM, { token: await confirmationToken(email) }));
    expectData(await login(email, chamber));
  });

  it('in a certification body the lapsed registrant’s acknowledgement of the disclosure notice goes with it', async () => {
    const first = input({ tenant: body });
    expectData(await register(first));
    const firstId = (await accountIdOf(first.administrator.email))!;
    expect((await traceOf(firstId)).acknowledgements).toBe(1);
    app.clock.advance(49 * HOUR);
    expectData(await register(input({ tenant: body, vatNumber: first.vatNumber })));
    expect(await traceOf(firstId)).toEqual({ account: 0, roles: 0, links: 0, acknowledgements: 0 });
  });

  it('a confirmed registration never lapses, and holds its number', async () => {
    const first = input();
    expectData(await register(first));
    expectData(await app.graphql(CONFIRM, { token: await confirmationToken(first.administrator.email) }));
    app.clock.advance(60 * DAY);
    const again = await register(input({ vatNumber: first.vatNumber }));
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'COMPANY_ALREADY_REGISTERED' });
    expect(await rowsOf(chamber.id, first.vatNumber)).toEqual({ organisations: 1, accounts: 1 });
    expectData(await login(first.administrator.email, chamber));
  });

  it('one the chamber already acted on (an invitation to the company) is kept beside the company’s new registration, nothing is lost', async () => {
    const first = input();
    actedOn = first.vatNumber;
    expectData(await register(first));
    const firstId = (await accountIdOf(first.administrator.email))!;
    await app.asOwner((db) =>
      db.query(
        `INSERT INTO invitation (tenant_id, organisation_id, email, roles, token_hash, invited_by, expires_at)
         SELECT u.tenant_id, u.organisation_id, 'colleague@brouwerij.test', ARRAY['ORG_MEMBER'], decode(md5(random()::text), 'hex'), u.id, now() + interval '10 years'
           FROM user_account u WHERE u.id = $1`,
        [firstId],
      ),
    );
    // (An invitation that stays pending throughout: one the INVITATION rule deleted would no longer refer to it.)
    app.clock.advance(49 * HOUR);
    expectData(await register(input({ vatNumber: first.vatNumber })));
    expect(await traceOf(firstId)).toMatchObject({ account: 1, roles: 1 });
    expect(await rowsOf(chamber.id, first.vatNumber)).toEqual({ organisations: 2, accounts: 2 });
  });

  it('one under a legal hold, or of a restricted person, is kept beside the company’s new registration (the privacy office answers for it)', async () => {
    const officer = (await factory.login(await factory.user({ tenant: chamber, roles: [Role.PRIVACY_OFFICER] }))).accessToken;
    const held = input();
    expectData(await register(held));
    const heldId = (await accountIdOf(held.administrator.email))!;
    expectData(await app.graphql(`mutation($input: PlaceLegalHoldInput!) { placeLegalHold(input: $input) }`,
      { input: { record: `User:${heldId}`, reason: 'VAT number registered by a stranger: inquiry' } }, { token: officer }));
    const restricted = input();
    expectData(await register(restricted));
    const restrictedId = (await accountIdOf(restricted.administrator.email))!;
    await app.asOwner((db) => db.query(`INSERT INTO processing_restriction (tenant_id, user_id, restricted_at) VALUES ($1, $2, now())`, [chamber.id, restrictedId]));
    app.clock.advance(49 * HOUR);
    for (const kept of [held, restricted]) {
      expectData(await register(input({ vatNumber: kept.vatNumber })));
      expect(await rowsOf(chamber.id, kept.vatNumber)).toEqual({ organisations: 2, accounts: 2 });
    }
  });

  it('the nightly sweep deletes registrations unconfirmed 7 days after their link expired, and only those (one referred to is kept)', async () => {
    const stale = input();
    expectData(await register(stale));
    const staleId = (await accountIdOf(stale.administrator.email))!;
    app.clock.advance(2 * DAY + 6 * DAY);
    const recent = input();
    expectData(await register(recent));
    const confirmed = input();
    expectData(await register(confirmed));
    expectData(await app.graphql(CONFIRM, { token: await confirmationToken(confirmed.administrator.email) }));
    app.clock.advance(1 * DAY + HOUR);

    await app.get(RequestContext).runAs(SYSTEM_ACTOR, () => app.get(RetentionSweepJob).handle());

    expect(await rowsOf(chamber.id, stale.vatNumber)).toEqual({ organisations: 0, accounts: 0 });
    expect(await traceOf(staleId)).toEqual({ account: 0, roles: 0, links: 0, acknowledgements: 0 });
    expect(await rowsOf(chamber.id, recent.vatNumber)).toEqual({ organisations: 1, accounts: 1 });
    expect(await rowsOf(chamber.id, confirmed.vatNumber)).toEqual({ organisations: 1, accounts: 1 });
    // Past its period too, but referred to: the sweep keeps it and goes on.
    expect(await rowsOf(chamber.id, actedOn)).toEqual({ organisations: 1, accounts: 1 });
  });
});
