import { Writable } from 'node:stream';
import { Role } from '@chancery/access';
import { expectData, IdentityFactory, queuedEmails, TestApp, TestUser, useTestApp } from '@chancery/testing';

/**
 * Second-factor recovery codes (review F11: a sole administrator who loses their phone is not locked
 * out): made at enrolment or on demand with a current code, shown once, stored hashed, each logs in
 * once instead of a code of the authenticator app, and never appear anywhere after they were shown.
 */
const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { accessToken } }';
const REGENERATE = 'mutation($c: String!) { regenerateRecoveryCodes(totpCode: $c) { codes generatedAt } }';
const REMAINING = '{ myRecoveryCodes { remaining generatedAt } }';
type Response = { errors?: Array<{ extensions?: Record<string, unknown> }> };
const reasonOf = (response: Response): string | undefined => response.errors?.[0]?.extensions?.reason as string | undefined;
const codeOf = (response: Response): string | undefined => response.errors?.[0]?.extensions?.code as string | undefined;
const fieldOf = (response: Response): string | undefined => (response.errors?.[0]?.extensions?.fields as Array<{ field: string }> | undefined)?.[0]?.field;

describe('Second-factor recovery codes', () => {
  const lines: string[] = [];
  const logs = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const started = useTestApp({ env: { TRUST_PROXY: '1', LOG_LEVEL: 'trace' }, logDestination: logs });
  let app: TestApp;
  let factory: IdentityFactory;
  /** Every code the server ever showed in this suite: none may turn up anywhere else. */
  const shown: string[] = [];
  beforeAll(() => {
    app = started.app;
    factory = started.factory;
  });

  function loginFrom(address: string, user: TestUser, second: { totpCode?: string; recoveryCode?: string }) {
    return app.graphql<{ login: { accessToken: string } }>(LOGIN, { i: { email: user.email, password: user.password, tenant: user.tenantSlug, ...second } }, { headers: { 'x-forwarded-for': address } });
  }

  async function codesOf(user: TestUser): Promise<string[]> {
    const session = await factory.login(user);
    const codes = expectData(await app.graphql<{ regenerateRecoveryCodes: { codes: string[] } }>(REGENERATE, { c: factory.totpCode(user) }, { token: session.accessToken })).regenerateRecoveryCodes.codes;
    shown.push(...codes);
    return codes;
  }

  async function remaining(token: string): Promise<{ remaining: number; generatedAt: string | null }> {
    return expectData(await app.graphql<{ myRecoveryCodes: { remaining: number; generatedAt: string | null } }>(REMAINING, {}, { token })).myRecoveryCodes;
  }

  async function storedCodes(userId: string): Promise<number> {
    return app.asOwner(async (db) => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM recovery_code WHERE user_id = $1`, [userId])).rows[0]!.n);
  }

  it('enrolment returns ten distinct codes once; an account enrolled before has none and is offered to make them', async () => {
    const tenant = await factory.tenant();
    const clerk = await factory.user({ tenant, roles: [Role.CLERK], withTotp: false });
    const session = await factory.login(clerk);
    const uri = expectData(await app.graphql<{ beginTotpEnrolment: string }>('mutation { beginTotpEnrolment }', {}, { token: session.accessToken })).beginTotpEnrolment;
    const secret = new URL(uri).searchParams.get('secret')!;
    const enrolled = { ...clerk, totpSecret: secret };
    const confirmed = expectData(
      await app.graphql<{ confirmTotpEnrolmentWithRecoveryCodes: { codes: string[] } }>(
        'mutation($c: String!) { confirmTotpEnrolmentWithRecoveryCodes(code: $c) { codes generatedAt } }',
        { c: factory.totpCode(enrolled) },
        { token: session.accessToken },
      ),
    ).confirmTotpEnrolmentWithRecoveryCodes.codes;
    shown.push(...confirmed);
    expect(confirmed).toHaveLength(10);
    expect(new Set(confirmed).size).toBe(10);
    for (const code of confirmed) expect(code).toMatch(/^[A-Z2-7]{5}-[A-Z2-7]{5}$/);
    expect(await remaining(session.accessToken)).toEqual({ remaining: 10, generatedAt: expect.any(String) });

    const before = await factory.user({ tenant, roles: [Role.SIGNER], withTotp: true });
    expect(await remaining((await factory.login(before)).accessToken)).toEqual({ remaining: 0, generatedAt: null });
  });

  it('a recovery code logs in once, never twice; it is audited with the count left and the person is told', async () => {
    const tenant = await factory.tenant();
    const admin = await factory.user({ tenant, roles: [Role.TENANT_ADMIN] });
    const [code] = await codesOf(admin);

    const first = await loginFrom('192.0.2.1', admin, { recoveryCode: code!.toLowerCase().replace('-', ' ') });
    const token = expectData(first).login.accessToken;
    const again = await loginFrom('192.0.2.1', admin, { recoveryCode: code! });
    expect(reasonOf(again)).toBe('LOGIN_FAILED');
    expect(await remaining(token)).toEqual({ remaining: 9, generatedAt: expect.any(String) });

    const audited = await app.asOwner((db) => db.query(`SELECT details FROM audit_entry WHERE action = 'auth.recoveryCode.used' AND subject_id = $1`, [admin.id]));
    expect(audited.rows).toEqual([{ details: { remaining: 9 } }]);
    const mails = await queuedEmails(app, { recipient: admin.email, template: 'identity.recovery-code-used' });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body).toContain('9 unused recovery code');
  });

  it('two logins with one code at the same moment: exactly one gets in', async () => {
    const tenant = await factory.tenant();
    const admin = await factory.user({ tenant, roles: [Role.TENANT_ADMIN] });
    const [code] = await codesOf(admin);
    const answers = await Promise.all([1, 2, 3, 4].map((i) => loginFrom(`192.0.2.${10 + i}`, admin, { recoveryCode: code! })));
    expect(answers.filter((answer) => !answer.errors)).toHaveLength(1);
    expect(answers.filter((answer) => answer.errors).map(reasonOf)).toEqual(['LOGIN_FAILED', 'LOGIN_FAILED', 'LOGIN_FAILED']);
    expect(await app.asOwner(async (db) => (await db.query(`SELECT count(*)::int AS n FROM recovery_code WHERE user_id = $1 AND used_at IS NOT NULL`, [admin.id])).rows[0])).toEqual({ n: 1 });
  });

  it('wrong recovery codes count as wrong second-factor codes: after five, even a right one from a new address waits', async () => {
    const tenant = await factory.tenant();
    const admin = await factory.user({ tenant, roles: [Role.TENANT_ADMIN] });
    const [code] = await codesOf(admin);
    for (let i = 0; i < 5; i += 1) {
      expect(reasonOf(await loginFrom(`198.51.100.${i + 1}`, admin, { recoveryCode: 'AAAAA-AAAAA' }))).toBe('LOGIN_FAILED');
    }
    expect(reasonOf(await loginFrom('198.51.100.99', admin, { recoveryCode: code! }))).toBe('LOGIN_THROTTLED');
    const audited = await app.asOwner((db) => db.query(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'auth.login.secondFactorFailures' AND subject_id = $1`, [admin.id]));
    expect(audited.rows[0]).toEqual({ n: 1 });
    // Unspent: after the window it still works.
    app.clock.advance(15 * 60_000 + 1000);
    expect((await loginFrom('198.51.100.100', admin, { recoveryCode: code! })).errors).toBeUndefined();
  });

  it('a login takes a TOTP code or a recovery code, not both; a malformed recovery code is refused by its field', async () => {
    const tenant = await factory.tenant();
    const admin = await factory.user({ tenant, roles: [Role.TENANT_ADMIN] });
    const [code] = await codesOf(admin);
    const both = await loginFrom('192.0.2.30', admin, { totpCode: factory.totpCode(admin), recoveryCode: code! });
    expect({ code: codeOf(both), reason: reasonOf(both), field: fieldOf(both) }).toEqual({ code: 'BAD_USER_INPUT', reason: 'ONE_SECOND_FACTOR_CODE', field: 'input.recoveryCode' });
    const malformed = await loginFrom('192.0.2.30', admin, { recoveryCode: 'not-a-code!' });
    expect({ code: codeOf(malformed), field: fieldOf(malformed) }).toEqual({ code: 'BAD_USER_INPUT', field: 'input.recoveryCode' });
    // Neither spent the code.
    expect((await loginFrom('192.0.2.31', admin, { recoveryCode: code! })).errors).toBeUndefined();
  });

  it('regenerating needs a current code of the app and invalidates every earlier code', async () => {
    const tenant = await factory.tenant();
    const admin = await factory.user({ tenant, roles: [Role.TENANT_ADMIN] });
    const old = await codesOf(admin);
    const session = await factory.login(admin);
    const wrong = await app.graphql(REGENERATE, { c: '000000' }, { token: session.accessToken });
    expect({ reason: reasonOf(wrong), field: fieldOf(wrong) }).toEqual({ reason: 'STEP_UP_FAILED', field: 'totpCode' });
    const fresh = expectData(await app.graphql<{ regenerateRecoveryCodes: { codes: string[] } }>(REGENERATE, { c: factory.totpCode(admin) }, { token: session.accessToken })).regenerateRecoveryCodes.codes;
    shown.push(...fresh);
    expect(fresh.filter((code) => old.includes(code))).toEqual([]);
    expect(reasonOf(await loginFrom('192.0.2.40', admin, { recoveryCode: old[0]! }))).toBe('LOGIN_FAILED');
    expect((await loginFrom('192.0.2.41', admin, { recoveryCode: fresh[0]! })).errors).toBeUndefined();
    expect(await remaining(session.accessToken)).toEqual({ remaining: 9, generatedAt: expect.any(String) });
  });

  it('an administrator’s reset of the second factor deletes the recovery codes with it', async () => {
    const tenant = await factory.tenant();
    const admin = await factory.user({ tenant, roles: [Role.TENANT_ADMIN] });
    const signer = await factory.user({ tenant, roles: [Role.SIGNER] });
    await codesOf(signer);
    expect(await storedCodes(signer.id)).toBe(10);
    const as = await factory.login(admin);
    expectData(await app.graphql('mutation($u: ID!) { resetSecondFactor(userId: $u) { id } }', { u: signer.id }, { token: as.accessToken }));
    expect(await storedCodes(signer.id)).toBe(0);
  });

  it('the person’s export lists when each code was made and used, never its hash; erasure deletes the codes', async () => {
    const tenant = await factory.tenant();
    const admin = await factory.user({ tenant, roles: [Role.TENANT_ADMIN] });
    const officer = await factory.user({ tenant, roles: [Role.PRIVACY_OFFICER] });
    const [code] = await codesOf(admin);
    const token = expectData(await loginFrom('192.0.2.70', admin, { recoveryCode: code! })).login.accessToken;
    const document = JSON.parse(expectData(await app.graphql<{ myPersonalDataExport: string }>('{ myPersonalDataExport }', {}, { token })).myPersonalDataExport) as {
      records: Array<{ entity: string; fields: Array<{ field: string; value: unknown }>; withheld: Array<{ field: string }> }>;
    };
    const codes = document.records.filter((record) => record.entity === 'RecoveryCode');
    expect(codes).toHaveLength(10);
    for (const record of codes) {
      expect(record.fields.map((f) => f.field).sort()).toEqual(['createdAt', 'usedAt', 'userId']);
      expect(record.withheld.map((w) => w.field)).toEqual(['codeHash']);
    }
    expect(codes.filter((record) => record.fields.find((f) => f.field === 'usedAt')!.value !== null)).toHaveLength(1);

    const requestId = expectData(
      await app.graphql<{ requestMyDataSubjectRight: { id: string } }>('mutation($i: MyDataSubjectRequestInput!) { requestMyDataSubjectRight(input: $i) { id } }', { i: { type: 'ERASURE' } }, { token }),
    ).requestMyDataSubjectRight.id;
    const officerToken = (await factory.login(officer)).accessToken;
    expectData(await app.graphql('mutation($id: ID!) { eraseForDataSubjectRequest(requestId: $id) { holders { holder } } }', { id: requestId }, { token: officerToken }));
    expect(await storedCodes(admin.id)).toBe(0);
  });

  it('no code shown appears in any answer, log line, audit entry, e-mail or stored row', async () => {
    const tenant = await factory.tenant();
    const admin = await factory.user({ tenant, roles: [Role.TENANT_ADMIN] });
    const codes = await codesOf(admin);
    // With the suite's earlier tests, every code they were shown too.
    expect(shown.length).toBeGreaterThanOrEqual(10);
    const token = expectData(await loginFrom('192.0.2.60', admin, { recoveryCode: codes[0]! })).login.accessToken;
    const answers = JSON.stringify([
      await app.graphql(REMAINING, {}, { token }),
      await app.graphql('{ me { id email totpEnrolledAt } }', {}, { token }),
    ]);
    const stored = await app.asOwner(async (db) => {
      const tables = (await db.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`)).rows;
      const rows: string[] = [];
      for (const { table_name } of tables) rows.push(...(await db.query<{ json: string }>(`SELECT row_to_json(t)::text AS json FROM "${table_name}" t`)).rows.map((r) => r.json));
      return rows.join('\n');
    });
    const mails = (await queuedEmails(app)).map((mail) => `${mail.subject}\n${mail.body}`).join('\n');
    await app.settled();
    const everywhere = { answers, logs: lines.join('\n'), stored, mails };
    for (const code of shown) {
      const forms = [code, code.replace('-', ''), code.toLowerCase(), code.replace('-', ' ').toLowerCase()];
      for (const [where, text] of Object.entries(everywhere)) {
        const found = forms.filter((form) => text.includes(form));
        expect({ where, code, found }).toEqual({ where, code, found: [] });
      }
    }
  });
});
