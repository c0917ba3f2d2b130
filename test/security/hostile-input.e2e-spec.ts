import { Writable } from 'node:stream';
import { Client } from 'pg';
import { getIntrospectionQuery } from 'graphql';
import { Role } from '@chancery/access';
import { expectData, reportFigure, TestOrganisation, TestSession, TestTenant, TestUser, useTestApp } from '@chancery/testing';

/**
 * Issue "Accounts and sessions, hardened", defects 1, 11, 16 and 17: hostile text and nulls are
 * refused as BAD_USER_INPUT naming the field (never a 500), no log line carries a query's parameters
 * or a row's values, transport refusals answer as GraphQL errors with a stable code (and a standard
 * Retry-After), the standard introspection query works where introspection is on, and a bearer header
 * holds exactly one token. Prints
 *   hardening: 0 log lines with parameters in <n> failing requests, 0 500s in <m> hostile inputs
 */
const lines: string[] = [];
const destination = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  },
});

const NUL = 'Ann\u0000Admin';
const LONE_SURROGATE = 'Ann\uD800Admin';
const BIDI_OVERRIDE = 'Ann\u202EnimdA';
const BLANK = '   \t ';
const SECRET_PHONE = '+32470998877';

describe('Hostile input and transport refusals', () => {
  const started = useTestApp({ env: { LOG_LEVEL: 'trace', AUTH_RATE_LIMIT_PER_MINUTE: '1000' }, logDestination: destination });
  let tenant: TestTenant;
  let company: TestOrganisation;
  let admin: TestUser;
  let session: TestSession;
  let hostile = 0;
  let serverErrors = 0;
  let failing = 0;

  beforeAll(async () => {
    const { factory } = started;
    tenant = await factory.tenant({ servedPostalCodes: [{ from: '2000', to: '2999' }] });
    company = await factory.organisation(tenant);
    admin = await factory.user({ tenant, organisation: company, roles: [Role.ORG_ADMIN] });
    session = await factory.login(admin);
  });

  /** Sends a hostile request; it must be refused as BAD_USER_INPUT naming `field`, below 500. */
  async function refused(query: string, variables: Record<string, unknown>, field: string, token?: string) {
    hostile += 1;
    failing += 1;
    const response = await started.app.graphql(query, variables, { token });
    if (response.status >= 500 || response.errors?.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')) serverErrors += 1;
    expect({ status: response.status < 500, code: response.errors?.[0]?.extensions?.code, fields: response.errors?.[0]?.extensions?.fields?.map((f) => f.field) }).toEqual({
      status: true,
      code: 'BAD_USER_INPUT',
      fields: expect.arrayContaining([field]),
    });
    return response;
  }

  const PROFILE = 'mutation($i: UpdateUserProfileInput!) { updateUserProfile(input: $i) { id } }';
  const COMPANY = 'mutation($i: UpdateOrganisationInput!) { updateOrganisation(input: $i) { id } }';
  const API_KEY = 'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }';

  describe('defect 1: text and nulls a database would choke on', () => {
    it.each([
      ['a NUL character', NUL],
      ['an unpaired surrogate', LONE_SURROGATE],
      ['a bidirectional override', BIDI_OVERRIDE],
      ['only whitespace', BLANK],
    ])('a first name with %s is BAD_USER_INPUT naming input.firstName', async (_label, value) => {
      await refused(PROFILE, { i: { userId: admin.id, firstName: value, phone: SECRET_PHONE } }, 'input.firstName', session.accessToken);
    });

    it.each([
      ['jobTitle', { jobTitle: NUL }, PROFILE, 'input.jobTitle'],
      ['street', { street: NUL }, COMPANY, 'input.street'],
      ['API key name', { name: NUL }, API_KEY, 'input.name'],
    ])('a NUL in the %s is BAD_USER_INPUT naming the field', async (_label, input, query, field) => {
      const variables = query === PROFILE ? { i: { userId: admin.id, ...input } } : query === COMPANY ? { i: { organisationId: company.id, ...input } } : { i: input };
      await refused(query, variables, field, session.accessToken);
    });

    it('a NUL in the registering administrator’s name is BAD_USER_INPUT naming it', async () => {
      await refused(
        'mutation($i: RegisterOrganisationInput!) { registerOrganisation(input: $i) { tenant { slug } } }',
        {
          i: {
            tenantSlug: tenant.slug, vatNumber: 'BE0123.456.749', name: 'Hostile NV', legalForm: 'NV', street: 'Kaai 1', postalCode: '2000', city: 'Antwerpen', country: 'BE',
            phone: '+3232322219', email: 'office@hostile.test', iban: 'BE71096123456769', loginMethod: 'PASSWORD',
            administrator: { firstName: NUL, lastName: 'Admin', email: 'hostile@hostile.test', phone: SECRET_PHONE, password: 'a long enough passphrase 42' },
          },
        },
        'input.administrator.firstName',
      );
    });

    it.each([['firstName'], ['lastName'], ['preferredLanguage']])('null for the required %s is BAD_USER_INPUT naming it (an absent field is fine)', async (field) => {
      await refused(PROFILE, { i: { userId: admin.id, [field]: null, phone: SECRET_PHONE } }, `input.${field}`, session.accessToken);
    });

    it('null for a company field that must have a value is BAD_USER_INPUT naming it', async () => {
      await refused(COMPANY, { i: { organisationId: company.id, name: null, city: 'Gent' } }, 'input.name', session.accessToken);
    });

    it('accepting an invitation for an address that already has an account is a coded refusal, and writes nothing', async () => {
      const invitation = await started.factory.invitation({ tenant, organisation: company, invitedBy: admin, roles: [Role.ORG_MEMBER], email: admin.email });
      hostile += 1;
      failing += 1;
      const response = await started.app.graphql('mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) }', {
        i: { token: invitation.token, firstName: 'Twin', lastName: 'Account', phone: SECRET_PHONE, password: 'a long enough passphrase 42' },
      });
      if (response.status >= 500 || response.errors?.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')) serverErrors += 1;
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: expect.stringMatching(/^(BAD_USER_INPUT|CONFLICT)$/) });
      const { rows } = await started.app.asOwner((db) => db.query(`SELECT count(*)::int AS n FROM user_account WHERE email = $1`, [admin.email]));
      expect(rows[0]).toEqual({ n: 1 });
    });

    it('no log line carries a query parameter, a row value, a password hash or a submitted value', () => {
      const offending = lines.filter((line) => /PARAMETERS|\$argon2|parameters"|"detail"|Failing row|Key \(/.test(line) || line.includes(SECRET_PHONE) || line.includes('hostile@hostile.test'));
      expect(offending).toEqual([]);
      // No ordinary refusal is logged as an error of the server.
      const errorLines = lines.map((line) => JSON.parse(line) as { level: number; msg?: string }).filter((entry) => entry.level >= 50);
      expect(errorLines.map((entry) => entry.msg)).toEqual([]);
    });
  });

  describe('defect 16: transport refusals are GraphQL errors with a stable code', () => {
    const post = () => started.app.http().post('/graphql');

    it('malformed JSON: 400, BAD_USER_INPUT', async () => {
      const response = await post().set('content-type', 'application/json').send('{"query": ');
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ errors: [expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', reason: 'MALFORMED_REQUEST' } })] });
    });

    it('a path that is not valid percent-encoding: 400 naming the path, not the body (probe B, F5)', async () => {
      for (const path of ['/public/datasheets/%', '/public/datasheets/%zz', '/verify/%ED%A0%80?code=%FF', '/public/datasheets/%25%E0%A4%A/attachments/x']) {
        const response = await started.app.http().get(path).set('accept', 'application/json');
        expect([path, response.status, response.body]).toEqual([path, 400, { errors: [{ message: 'The request path is not valid percent-encoded UTF-8', extensions: { code: 'BAD_USER_INPUT', reason: 'MALFORMED_REQUEST' } }] }]);
      }
    });

    it('a path the router refuses still gets its access line and nosniff (no route, hook or middleware runs for it)', async () => {
      const response = await started.app.http().get('/public/datasheets/%zz/refused-by-the-router').set('accept', 'application/json');
      expect([response.status, response.headers['x-content-type-options']]).toEqual([400, 'nosniff']);
      const accessLine = async () => {
        for (let tries = 0; tries < 50; tries += 1) {
          const found = lines.map((line) => JSON.parse(line) as { msg?: string; req?: { path?: string }; res?: { statusCode?: number } })
            .find((entry) => entry.msg === 'request completed' && entry.req?.path === '/public/datasheets/%zz/refused-by-the-router');
          if (found) return found;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        return undefined;
      };
      expect((await accessLine())?.res).toEqual({ statusCode: 400 });
    });

    it('every answer names its request id (X-Request-Id): the id of its access line and of the audit entries it wrote; a forged one is not kept', async () => {
      const accessLineOf = async (id: string) => {
        for (let tries = 0; tries < 50; tries += 1) {
          const found = lines.map((line) => JSON.parse(line) as { requestId?: string; msg?: string }).find((entry) => entry.requestId === id && entry.msg === 'request completed');
          if (found) return found;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        return undefined;
      };
      const auditedUnder = async (id: string) => {
        const client = new Client({ connectionString: started.app.database.ownerUrl });
        await client.connect();
        try {
          return (await client.query<{ action: string }>('SELECT action FROM audit_entry WHERE request_id = $1', [id])).rows.map((row) => row.action);
        } finally {
          await client.end();
        }
      };
      // A change of the administrator's own profile: audited, in the request's context.
      let jobTitles = 0;
      const changeProfile = (id?: string) => {
        const request = post().set('content-type', 'application/json').set('authorization', `Bearer ${session.accessToken}`);
        if (id !== undefined) request.set('x-request-id', id);
        return request.send({ query: PROFILE, variables: { i: { userId: admin.id, jobTitle: `Buyer ${(jobTitles += 1)}` } } });
      };

      const answered = await changeProfile();
      expect(answered.body.errors).toBeUndefined();
      const id = answered.headers['x-request-id'] as string;
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(await accessLineOf(id)).toBeDefined();
      expect((await auditedUnder(id)).length).toBeGreaterThanOrEqual(1);

      // A caller's own id (a proxy's) is kept when it is a plain token; anything else gets one of ours.
      const given = `support-ticket-${Date.now()}`;
      expect((await changeProfile(given)).headers['x-request-id']).toBe(given);
      expect(await accessLineOf(given)).toBeDefined();
      expect((await auditedUnder(given)).length).toBeGreaterThanOrEqual(1);
      for (const forged of ['short', 'x'.repeat(65), 'two words here', 'a;b=c,d"e<f>']) {
        const own = (await changeProfile(forged)).headers['x-request-id'] as string;
        expect([forged, own]).toEqual([forged, expect.stringMatching(/^[0-9a-f-]{36}$/)]);
        expect(await auditedUnder(forged)).toEqual([]);
      }
      // Refusals before any route carry it too.
      const refused = await started.app.http().get('/public/datasheets/%zz/refused-by-the-router');
      expect(refused.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('a body over the limit: 413, BAD_USER_INPUT', async () => {
      const response = await post().set('content-type', 'application/json').send(JSON.stringify({ query: `{ apiInfo { version } } #${'x'.repeat(300_000)}` }));
      expect(response.status).toBe(413);
      expect(response.body).toEqual({ errors: [expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', reason: 'REQUEST_TOO_LARGE' } })] });
    });

    it('JSON in a charset other than UTF-8: 415, BAD_USER_INPUT (never read as something else)', async () => {
      const response = await post().set('content-type', 'application/json; charset=latin1').send('{"query":"{ apiInfo { version } }"}');
      expect([response.status, response.body]).toEqual([415, { errors: [expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', reason: 'UNSUPPORTED_MEDIA_TYPE' } })] }]);
    });

    it('an upload route reads raw bytes past the JSON limit, whatever their type, up to its own limit (51 MiB), then 413', async () => {
      const upload = (bytes: Buffer, type: string) =>
        started.app.http().post('/certificate-applications/00000000-0000-4000-8000-000000000001/documents').set('content-type', type).set('x-file-name', 'a.pdf').send(bytes);
      // Read, then refused by the access guard (no login): the body itself was accepted.
      for (const type of ['application/pdf', 'application/json']) {
        const accepted = await upload(Buffer.alloc(300_000, 0x20), type);
        expect([type, accepted.status, accepted.body.errors?.[0]?.extensions?.code]).toEqual([type, 401, 'UNAUTHENTICATED']);
      }
      const tooLarge = await upload(Buffer.alloc(51 * 1024 * 1024 + 1), 'application/pdf');
      expect([tooLarge.status, tooLarge.body]).toEqual([413, { errors: [expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', reason: 'REQUEST_TOO_LARGE' } })] }]);
    });

    it('a content type a browser sends cross-site (text/plain), and a GET without a preflight header: CSRF refusals with a code', async () => {
      const plain = await post().set('content-type', 'text/plain').send('{"query":"{ apiInfo { version } }"}');
      const get = await started.app.http().get('/graphql').query({ query: '{ apiInfo { version } }' });
      for (const response of [plain, get]) {
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expect(response.body).toEqual({ errors: [expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', reason: 'CSRF_PREVENTED' } })] });
      }
    });

    it('no refusal answers in Nest’s own { statusCode, message } shape', async () => {
      const responses = await Promise.all([
        post().set('content-type', 'application/json').send('{'),
        post().set('content-type', 'application/json').send(JSON.stringify({ query: 'x'.repeat(300_000) })),
        started.app.http().get('/no-such-route'),
      ]);
      for (const response of responses) expect(Object.keys(response.body as object)).toEqual(['errors']);
    });
  });

  describe('defect 16: the rate limit answers 429 with a standard Retry-After', () => {
    const limited = useTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '3' } });

    it('once the limit is passed', async () => {
      const reset = () => limited.app.graphql('mutation { requestPasswordReset(email: "nobody@example.test") }');
      for (let i = 0; i < 3; i += 1) expect((await reset()).errors).toBeUndefined();
      const refusedCall = await limited.app.http().post('/graphql').set('content-type', 'application/json').send({ query: 'mutation { requestPasswordReset(email: "nobody@example.test") }' });
      expect(refusedCall.status).toBe(429);
      expect(refusedCall.headers['retry-after']).toMatch(/^\d+$/);
      expect(Object.keys(refusedCall.headers).filter((h) => h.startsWith('retry-after-'))).toEqual([]);
      expect(refusedCall.text).not.toContain('ThrottlerException');
      expect(refusedCall.body.errors[0].extensions).toEqual({ code: 'TOO_MANY_REQUESTS', reason: 'RATE_LIMITED', details: { retryAfterSeconds: Number(refusedCall.headers['retry-after']) } });
    });
  });

  describe('defect 17: introspection works where it is on', () => {
    it('the standard introspection query (GraphiQL, Apollo Sandbox, Postman, codegen) answers', async () => {
      const response = await started.app.graphql<{ __schema: { types: unknown[] } }>(getIntrospectionQuery());
      expect(response.errors).toBeUndefined();
      expect(expectData(response).__schema.types.length).toBeGreaterThan(20);
    });

    it('a document over the limits is refused with a message that is not a syntax error', async () => {
      const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: apiInfo { version }`).join(' ');
      const response = await started.app.graphql(`{ ${aliases} }`);
      expect(response.errors?.length).toBeGreaterThan(0);
      for (const error of response.errors ?? []) expect(error.message).not.toMatch(/^Syntax Error/);
    });
  });

  describe('defect 11: a bearer header holds exactly one token', () => {
    it.each([
      ['a word after the token', (token: string) => `Bearer ${token} anything`],
      ['two tokens', (token: string) => `Bearer ${token} ${token}`],
      ['a second scheme', (token: string) => `Bearer ${token}, Basic Zm9vOmJhcg==`],
    ])('%s is UNAUTHENTICATED', async (_label, header) => {
      const response = await started.app.http().post('/graphql').set('content-type', 'application/json').set('authorization', header(session.accessToken)).send({ query: '{ me { id } }' });
      expect(response.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    });
  });

  afterAll(() => {
    const withParameters = lines.filter((line) => /PARAMETERS|parameters"/.test(line)).length;
    reportFigure(`hardening: ${withParameters} log lines with parameters in ${failing} failing requests, ${serverErrors} 500s in ${hostile} hostile inputs`);
  });
});
