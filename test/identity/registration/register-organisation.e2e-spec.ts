import { randomUUID } from 'node:crypto';
import { expectData, GraphQLResponse, IdentityFactory, queuedEmails, TestApp, TestTenant, useTestApp } from '@chancery/testing';

/**
 * Company registration over HTTP (issue 3, "What it must do" 2): a valid registration, e-mail
 * confirmation before the account works, the chamber proposed from the postal code, and the
 * refusals — each a BAD_USER_INPUT naming the field, never a 5xx, and nothing written.
 */

const REGISTER = `mutation($input: RegisterOrganisationInput!) {
  registerOrganisation(input: $input) { organisation { id } tenant { id slug } }
}`;
const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { accessToken totpEnrolmentRequired } }';
const CONFIRM = 'mutation($token: String!) { confirmEmail(token: $token) }';
const PASSWORD = 'a long enough passphrase 42';

/** A valid Belgian enterprise number (check digits = 97 − first eight digits mod 97), formatted. */
function belgianVat(n: number): string {
  const base = String(1_000_000 + n * 7919).padStart(8, '0');
  const check = String(97 - (Number(base) % 97)).padStart(2, '0');
  const digits = `${base}${check}`;
  return `BE${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`;
}

type Input = Record<string, unknown> & { administrator: Record<string, unknown> };

describe('Registering a company', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  let chamber: TestTenant;
  let otherChamber: TestTenant;
  /** Serves postal codes 9000–9999 (and nothing else in this database serves any). */
  let ghent: TestTenant;
  let serial = 0;

  function validInput(overrides: Partial<Input> = {}): Input {
    serial += 1;
    const base: Input = {
      tenantSlug: chamber.slug,
      vatNumber: belgianVat(serial),
      name: `Brouwerij ${serial} NV`,
      legalForm: 'NV',
      street: 'Kaai 1',
      postalCode: '2000',
      city: 'Antwerpen',
      country: 'BE',
      phone: '+3232322219',
      email: `info-${serial}@brouwerij.test`,
      iban: 'BE71096123456769',
      loginMethod: 'PASSWORD',
      administrator: { firstName: 'Anna', lastName: 'Peeters', email: `anna-${serial}-${randomUUID().slice(0, 6)}@brouwerij.test`, password: PASSWORD, preferredLanguage: 'nl' },
    };
    return { ...base, ...overrides, administrator: { ...base.administrator, ...(overrides.administrator ?? {}) } };
  }

  const register = (input: unknown) =>
    app.graphql<{ registerOrganisation: { organisation: { id: string | null }; tenant: { id: string; slug: string } } }>(REGISTER, { input });

  /** The company an administrator registered, as stored (read as the owner). */
  const organisationOf = (administratorEmail: string) =>
    app.asOwner(async (db) => {
      const rows = (await db.query(
        `SELECT o.id, o.tenant_id, o.company_number, o.vat_number, o.name, o.iban, o.login_method, o.is_member
           FROM organisation o JOIN user_account u ON u.organisation_id = o.id AND u.tenant_id = o.tenant_id WHERE u.email = $1`,
        [administratorEmail.toLowerCase()],
      )).rows as Array<Record<string, unknown> & { id: string; tenant_id: string }>;
      expect(rows).toHaveLength(1);
      return rows[0]!;
    });

  const login = (email: string, tenant: TestTenant, password = PASSWORD) => app.graphql<{ login: { accessToken: string; totpEnrolmentRequired: boolean } }>(LOGIN, { i: { email, password, tenant: tenant.slug } });

  /** Rows registration writes, counted as the owner. */
  const counts = () =>
    app.asOwner(async (db) => {
      const [row] = (
        await db.query(`SELECT (SELECT count(*) FROM organisation)::int AS organisations, (SELECT count(*) FROM user_account)::int AS users,
                               (SELECT count(*) FROM user_role)::int AS roles, (SELECT count(*) FROM one_time_token)::int AS tokens,
                               (SELECT count(*) FROM outbox_message)::int AS messages`)
      ).rows;
      return row as Record<string, number>;
    });

  /** The confirmation token e-mailed to the address (read from the outbox as the owner). */
  async function confirmationTokenFor(email: string): Promise<string> {
    const rows = (await queuedEmails(app, { recipient: email })).reverse();
    expect(rows.map((r) => r.template)).toEqual(['identity.confirm-email']);
    const token = /(ect_[A-Za-z0-9_-]+)/.exec(rows[0]!.body)?.[1];
    expect(token).toBeDefined();
    return token!;
  }

  async function registerAndReadToken(overrides: Partial<Input> = {}): Promise<{ input: Input; token: string }> {
    const input = validInput(overrides);
    expectData(await register(input));
    return { input, token: await confirmationTokenFor(input.administrator.email as string) };
  }

  /** A refusal: BAD_USER_INPUT naming the field, HTTP < 500, nothing written. */
  async function expectRefused(input: unknown, field: string): Promise<GraphQLResponse> {
    const before = await counts();
    const response = await register(input);
    expect(response.status).toBeLessThan(500);
    expect(response.data?.registerOrganisation ?? null).toBeNull();
    expect({ code: response.errors?.[0]?.extensions?.code, field: response.errors?.[0]?.extensions?.fields?.[0]?.field }).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(await counts()).toEqual(before);
    return response;
  }

  const started = useTestApp({ env: { LOG_LEVEL: 'silent' } });
  beforeAll(async () => {
    app = started.app;
    factory = started.factory;
    chamber = await factory.tenant({ name: 'Voka Antwerpen-Waasland' });
    otherChamber = await factory.tenant({ name: 'Voka Limburg' });
    ghent = await factory.tenant({ name: 'Voka Oost-Vlaanderen', servedPostalCodes: [{ from: '9000', to: '9999' }] });
  });


  describe('a valid registration', () => {
    it('registers the company (BE0123.456.749) and its administrator, who cannot log in before confirming', async () => {
      const before = await counts();
      const input = validInput({ vatNumber: 'BE0123.456.749' });
      const { registerOrganisation: result } = expectData(await register(input));
      expect(result.tenant).toEqual({ id: chamber.id, slug: chamber.slug });
      // The anonymous registrant sees the company through the field declarations (no relation yet): concealed.
      const stored = await organisationOf(input.administrator.email as string);
      expect(stored).toEqual({ id: expect.any(String), tenant_id: chamber.id, company_number: 'BE0123456749', vat_number: 'BE0123456749', name: input.name, iban: 'BE71096123456769', login_method: 'PASSWORD', is_member: false });
      // The anonymous registrant is not shown the company record (it is its people's and the staff's).
      expect(result.organisation).toBeNull();
      expect(await counts()).toEqual({ ...before, organisations: before.organisations! + 1, users: before.users! + 1, roles: before.roles! + 1, tokens: before.tokens! + 1, messages: before.messages! + 1 });
      const rows = await app.asOwner(async (db) => (await db.query(
        `SELECT u.status, u.email_confirmed_at, u.tenant_id, u.organisation_id, array_agg(r.role) AS roles
           FROM user_account u JOIN user_role r ON r.user_id = u.id WHERE u.email = $1 GROUP BY u.id`, [input.administrator.email])).rows);
      expect(rows).toEqual([{ status: 'PENDING_CONFIRMATION', email_confirmed_at: null, tenant_id: chamber.id, organisation_id: stored.id, roles: ['ORG_ADMIN'] }]);

      // Not before confirming, and the refusal says no more than a wrong password would.
      const pending = await login(input.administrator.email as string, chamber);
      const wrongPassword = await login(input.administrator.email as string, chamber, 'not the password at all');
      expect(pending.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(pending.data?.login ?? null).toBeNull();
      expect(pending.errors).toEqual(wrongPassword.errors);
    });

    it('the e-mailed link confirms the address once; then the administrator logs in', async () => {
      const { input, token } = await registerAndReadToken();
      const email = input.administrator.email as string;
      expect((await login(email, chamber)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

      expect(expectData(await app.graphql<{ confirmEmail: boolean }>(CONFIRM, { token })).confirmEmail).toBe(true);
      const session = expectData(await login(email, chamber)).login;
      const me = expectData(await app.graphql<{ me: { email: string; status: string; roles: string[]; organisationId: string } }>('{ me { email status roles organisationId } }', {}, { token: session.accessToken }));
      expect(me.me).toEqual({ email, status: 'ACTIVE', roles: ['ORG_ADMIN'], organisationId: (await organisationOf(email)).id });

      // The token works once.
      const again = await app.graphql(CONFIRM, { token });
      expect(again.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(again.data?.confirmEmail ?? null).toBeNull();
    });

    it('every confirmation link issued works (12 registrations, 12 confirmed)', async () => {
      // Regression, found while writing this suite: issueSecret's random part is base64url, whose
      // alphabet holds '_', the separator parseSecret split on (libs/auth/src/secret-token.ts at
      // 2366d9f), so about half of all secrets (1 − (63/64)^43 ≈ 49%) — confirmation links, refresh
      // tokens, invitations, API keys — were refused as invalid. 12 in a row pass by luck 1 time in 3,000.
      const outcomes: string[] = [];
      for (let i = 0; i < 12; i += 1) {
        const input = validInput();
        expectData(await register(input));
        const token = await confirmationTokenFor(input.administrator.email as string);
        const confirmed = await app.graphql(CONFIRM, { token });
        outcomes.push(confirmed.errors?.length ? `refused (${token.split('_').length - 1} underscores): ${confirmed.errors[0]!.message}` : 'confirmed');
      }
      expect(outcomes).toEqual(Array(12).fill('confirmed'));
    });

    it('a company that chose password + TOTP can get its administrator in (to enrol the second factor)', async () => {
      // Regression, found while writing this suite: with login_method PASSWORD_AND_TOTP, login demanded a
      // TOTP code from an administrator who could not have enrolled yet (enrolment needs a session), so
      // the company's administrator could never log in (libs/auth/src/auth.service.ts at 2366d9f). Any
      // way in that ends with an enrolled second factor would do; this checks the one the code uses for
      // everyone who must enrol: a session that says so (totpEnrolmentRequired) and opens nothing else.
      const { input, token } = await registerAndReadToken({ loginMethod: 'PASSWORD_AND_TOTP' });
      expectData(await app.graphql(CONFIRM, { token }));
      const response = await login(input.administrator.email as string, chamber);
      expect(response.errors ?? []).toEqual([]);
      expect(response.data?.login.totpEnrolmentRequired).toBe(true);
      // Until enrolled, the administrator's role opens nothing.
      const gated = await app.graphql('{ managedUsers { id } }', {}, { token: response.data!.login.accessToken });
      expect(gated.data?.managedUsers ?? null).toBeNull();
      expect(gated.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('the chamber', () => {
    it('is proposed from the postal code when no tenantSlug is given', async () => {
      const proposed = expectData(await app.graphql<{ proposeChamber: { slug: string } | null }>('{ proposeChamber(postalCode: "9000") { slug } }'));
      expect(proposed.proposeChamber).toEqual({ slug: ghent.slug });
      const { tenantSlug: _omitted, ...input } = validInput({ postalCode: '9000', city: 'Gent' });
      const result = expectData(await register(input)).registerOrganisation;
      expect(result.tenant).toEqual({ id: ghent.id, slug: ghent.slug });
      expect((await organisationOf(input.administrator.email as string)).tenant_id).toBe(ghent.id);
    });

    it('can be changed: an explicit tenantSlug wins over the proposal', async () => {
      const result = expectData(await register(validInput({ postalCode: '9000', city: 'Gent', tenantSlug: otherChamber.slug }))).registerOrganisation;
      expect(result.tenant.slug).toBe(otherChamber.slug);
    });

    it('is refused with BAD_USER_INPUT naming input.tenantSlug when no chamber serves the postal code', async () => {
      const { tenantSlug: _omitted, ...input } = validInput({ postalCode: '3500', city: 'Hasselt' });
      expect(expectData(await app.graphql<{ proposeChamber: unknown }>('{ proposeChamber(postalCode: "3500") { slug } }')).proposeChamber).toBeNull();
      await expectRefused(input, 'input.tenantSlug');
    });

    it('an unknown tenantSlug is refused naming input.tenantSlug', async () => {
      await expectRefused(validInput({ tenantSlug: 'no-such-chamber' }), 'input.tenantSlug');
    });
  });

  describe('refusals: BAD_USER_INPUT naming the field, HTTP < 500, nothing written', () => {
    it('invalid VAT check digits → input.vatNumber', async () => {
      await expectRefused(validInput({ vatNumber: 'BE0123.456.748' }), 'input.vatNumber');
      await expectRefused(validInput({ vatNumber: 'BE0123456750' }), 'input.vatNumber');
    });

    it('malformed VAT numbers → input.vatNumber', async () => {
      for (const vatNumber of ['BE123', 'BE2123.456.749', '0123456749', 'XX123456789', 'NL12345678901', 'BE0123.456.749; DROP TABLE organisation', '']) {
        await expectRefused(validInput({ vatNumber }), 'input.vatNumber');
      }
    });

    it('invalid IBAN → input.iban', async () => {
      for (const iban of ['BE71096123456760', 'BE7109612345676', 'not an iban', 'XX71096123456769']) {
        await expectRefused(validInput({ iban }), 'input.iban');
      }
    });

    it('invalid Belgian postal code → input.postalCode', async () => {
      for (const postalCode of ['20000', '0999', 'ABCD']) {
        await expectRefused(validInput({ postalCode }), 'input.postalCode');
      }
    });

    it('the same company twice with the same chamber, once confirmed → input.vatNumber (however the number is written)', async () => {
      // (Before confirmation a registration holds nothing: see unconfirmed-rivals.e2e-spec.ts.)
      const { input: first, token } = await registerAndReadToken();
      expectData(await app.graphql(CONFIRM, { token }));
      const digits = String(first.vatNumber).replace(/\D/g, '');
      for (const vatNumber of [first.vatNumber, `BE ${digits.slice(0, 4)} ${digits.slice(4, 7)} ${digits.slice(7)}`, `be${digits}`]) {
        const response = await expectRefused(validInput({ vatNumber }), 'input.vatNumber');
        expect(response.errors?.[0]?.extensions?.reason).toBe('COMPANY_ALREADY_REGISTERED');
      }
      // Registered with one chamber, the company may still register with another.
      const elsewhere = expectData(await register(validInput({ vatNumber: first.vatNumber, tenantSlug: otherChamber.slug }))).registerOrganisation;
      expect(elsewhere.tenant.slug).toBe(otherChamber.slug);
    });

    it('weak password → input.administrator.password', async () => {
      for (const password of ['abcdefgh', 'aaaaaaaaaaaaaaaa']) {
        await expectRefused(validInput({ administrator: { password } }), 'input.administrator.password');
      }
    });

    it('invalid e-mail address → input.administrator.email', async () => {
      for (const email of ['not-an-email', 'anna@', '@brouwerij.test']) {
        await expectRefused(validInput({ administrator: { email } }), 'input.administrator.email');
      }
    });

    it('fields the caller may not set are refused by the schema (variables and inline)', async () => {
      const seen: string[] = [];
      for (const extra of ['tenantId', 'status', 'role', 'roles', 'organisationId', 'isMember']) {
        const before = await counts();
        const viaVariables = await register({ ...validInput(), [extra]: extra === 'isMember' ? true : extra === 'tenantId' ? otherChamber.id : 'ACTIVE' });
        const viaDocument = await app.graphql(`mutation { registerOrganisation(input: { vatNumber: "${belgianVat(9000 + seen.length)}", ${extra}: "x" }) { organisation { id } } }`);
        for (const [path, response] of [['variables', viaVariables], ['document', viaDocument]] as const) {
          expect(response.status).toBeGreaterThanOrEqual(400);
          expect(response.status).toBeLessThan(500);
          expect(response.data?.registerOrganisation ?? null).toBeNull();
          expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(response.errors?.[0]?.extensions?.code);
          expect(response.errors?.map((e) => e.message).join(' ')).toContain(extra);
          seen.push(`${extra} via ${path}: HTTP ${response.status} ${String(response.errors?.[0]?.extensions?.code)}`);
        }
        expect(await counts()).toEqual(before);
      }
      process.stdout.write(`\nregistration, unknown input fields: ${seen.join('; ')}\n`);
    });

    it('a missing required field is refused by the schema, naming it', async () => {
      for (const [path, strip] of [
        ['vatNumber', (input: Input) => { delete input.vatNumber; }],
        ['iban', (input: Input) => { delete input.iban; }],
        ['loginMethod', (input: Input) => { delete input.loginMethod; }],
        ['administrator.password', (input: Input) => { delete input.administrator.password; }],
      ] as const) {
        const before = await counts();
        const input = validInput();
        strip(input);
        const response = await register(input);
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(response.errors?.[0]?.message).toContain(path.split('.').pop()!);
        expect(await counts()).toEqual(before);
      }
    });
  });

  it('the login method is chosen once: nothing in the schema can change it afterwards', async () => {
    const schema = expectData(
      await app.graphql<{ __schema: { mutationType: { fields: Array<{ name: string; args: Array<{ name: string }> }> }; types: Array<{ name: string; kind: string; inputFields: Array<{ name: string }> | null }> } }>(
        '{ __schema { mutationType { fields { name args { name } } } types { name kind inputFields { name } } } }',
      ),
    ).__schema;
    const places = [
      ...schema.mutationType.fields.filter((f) => /loginmethod/i.test(f.name)).map((f) => `mutation ${f.name}`),
      ...schema.mutationType.fields.flatMap((f) => f.args.filter((a) => /loginmethod/i.test(a.name)).map((a) => `${f.name}(${a.name})`)),
      ...schema.types.filter((t) => t.kind === 'INPUT_OBJECT').flatMap((t) => (t.inputFields ?? []).filter((f) => /loginmethod/i.test(f.name)).map((f) => `${t.name}.${f.name}`)),
    ];
    expect(places).toEqual(['RegisterOrganisationInput.loginMethod']);
  });

  describe('an administrator address that already has an account with the chamber', () => {
    it('answers exactly as a registration does, creates nothing, and tells the address owner by e-mail', async () => {
      const first = validInput();
      expectData(await register(first));
      const before = await counts();
      const again = validInput({ administrator: { ...first.administrator } as Input['administrator'] });
      const reused = await register(again);
      const fresh = await register(validInput());
      expect(reused.status).toBe(fresh.status);
      expect(reused.data).toEqual(fresh.data);
      expect(reused.errors).toBeUndefined();
      const after = await counts();
      // The fresh registration added one company, one user, one role, one token and one e-mail; the
      // reused address added nothing but its notice e-mail.
      expect({ ...after }).toEqual({ ...before, organisations: before.organisations! + 1, users: before.users! + 1, roles: before.roles! + 1, tokens: before.tokens! + 1, messages: before.messages! + 2 });
      const notices = await app.asOwner(async (db) => (await db.query(`SELECT template FROM outbox_message WHERE recipient = $1 ORDER BY created_at`, [(first.administrator as { email: string }).email.toLowerCase()])).rows);
      expect(notices.map((n: { template: string }) => n.template)).toEqual(['identity.confirm-email', 'identity.registration-address-in-use']);
    });
  });
});
