import { Role } from '@chancery/access';
import { totpCodeAt } from '@chancery/identity';
import { expectData, IdentityFactory, queuedEmails, samplePng, signatureImage, TestApp, TestSession, useTestApp } from '@chancery/testing';

/** Reads the last e-mail queued for a recipient and the token in its link. */
async function lastEmailToken(app: TestApp, recipient: string, kind: string): Promise<string | null> {
  const body = (await queuedEmails(app, { recipient })).at(-1)?.body ?? '';
  return new RegExp(`(${kind}_[a-z0-9]+_[A-Za-z0-9_-]{43})`).exec(body)?.[1] ?? null;
}

describe('Account lifecycle', () => {
  const world = useTestApp();
  let app: TestApp;
  let factory: IdentityFactory;
  beforeAll(() => ({ app, factory } = world));

  describe('invitations', () => {
    it('an organisation admin invites a colleague, who accepts once and logs in with the roles given', async () => {
      const tenant = await factory.tenant();
      const company = await factory.organisation(tenant);
      const admin = await factory.user({ tenant, organisation: company, roles: [Role.ORG_ADMIN] });
      const { accessToken } = await factory.login(admin);
      const invited = expectData(await app.graphql<{ inviteUser: { email: string; roles: string[] } }>(
        'mutation($i: InviteUserInput!) { inviteUser(input: $i) { email roles } }',
        { i: { email: 'New.Colleague@Example.test', roles: ['ORG_MEMBER'] } }, { token: accessToken }));
      expect(invited.inviteUser).toEqual({ email: 'new.colleague@example.test', roles: ['ORG_MEMBER'] });

      const token = await lastEmailToken(app, 'new.colleague@example.test', 'inv');
      expect(token).not.toBeNull();
      const accept = { token, firstName: 'Nina', lastName: 'New', password: 'a sufficiently long secret' };
      expectData(await app.graphql('mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) }', { i: accept }));
      const again = await app.graphql('mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) }', { i: accept });
      expect(again.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);

      const session = expectData(await app.graphql<{ login: TestSession }>('mutation($i: LoginInput!) { login(input: $i) { accessToken refreshToken } }',
        { i: { email: 'new.colleague@example.test', password: 'a sufficiently long secret', tenant: tenant.slug } }));
      const me = expectData(await app.graphql<{ me: unknown }>('{ me { email roles organisationId } }', {}, { token: session.login.accessToken }));
      expect(me.me).toEqual({ email: 'new.colleague@example.test', roles: ['ORG_MEMBER'], organisationId: company.id });
    });

    it('no one grants a role outside their own kind: an organisation admin cannot invite staff, a member cannot invite at all', async () => {
      const tenant = await factory.tenant();
      const company = await factory.organisation(tenant);
      const admin = await factory.login(await factory.user({ tenant, organisation: company, roles: [Role.ORG_ADMIN] }));
      const member = await factory.login(await factory.user({ tenant, organisation: company, roles: [Role.ORG_MEMBER] }));
      const invite = 'mutation($i: InviteUserInput!) { inviteUser(input: $i) { id } }';
      for (const role of ['SIGNER', 'TENANT_ADMIN', 'PLATFORM_ADMIN']) {
        const refused = await app.graphql(invite, { i: { email: 'x@example.test', roles: [role] } }, { token: admin.accessToken });
        expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      }
      const byMember = await app.graphql(invite, { i: { email: 'x@example.test', roles: ['ORG_MEMBER'] } }, { token: member.accessToken });
      expect(byMember.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      const { rows } = await app.asOwner((db) => db.query(`SELECT count(*)::int AS n FROM invitation WHERE email = 'x@example.test'`));
      expect(rows[0]).toEqual({ n: 0 });
    });
  });

  describe('password reset', () => {
    it('sends a single-use link, sets the new password and ends every session', async () => {
      const tenant = await factory.tenant();
      const user = await factory.user({ tenant, roles: [Role.CLERK] });
      const before = await factory.login(user);
      expectData(await app.graphql('mutation($e: String!, $t: String) { requestPasswordReset(email: $e, tenant: $t) }', { e: user.email, t: tenant.slug }));
      const token = await lastEmailToken(app, user.email, 'prt');
      expect(token).not.toBeNull();

      const weak = await app.graphql('mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }', { t: token, p: 'short' });
      expect(weak.errors?.[0]?.extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'newPassword' })] }));
      expectData(await app.graphql('mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }', { t: token, p: 'my brand new passphrase' }));
      const reused = await app.graphql('mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }', { t: token, p: 'yet another passphrase' });
      expect(reused.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);

      const oldSession = await app.graphql('{ me { id } }', {}, { token: before.accessToken });
      expect(oldSession.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
      const oldPassword = await app.graphql('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { email: user.email, password: user.password, tenant: tenant.slug } });
      expect(oldPassword.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
      expectData(await app.graphql('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { email: user.email, password: 'my brand new passphrase', tenant: tenant.slug } }));
    });

    it('answers the same for an unknown address and sends nothing', async () => {
      const tenant = await factory.tenant();
      const response = await app.graphql('mutation($e: String!, $t: String) { requestPasswordReset(email: $e, tenant: $t) }', { e: 'nobody@example.test', t: tenant.slug });
      expect(response.data).toEqual({ requestPasswordReset: true });
      expect(await lastEmailToken(app, 'nobody@example.test', 'prt')).toBeNull();
    });
  });

  describe('second factor', () => {
    it('enrols TOTP, then requires the code at login, and step-up marks the session for high-value acts', async () => {
      const tenant = await factory.tenant();
      const signer = await factory.user({ tenant, roles: [Role.SIGNER], withTotp: false });
      const first = expectData(await app.graphql<{ login: TestSession & { totpEnrolmentRequired: boolean } }>(
        'mutation($i: LoginInput!) { login(input: $i) { accessToken refreshToken totpEnrolmentRequired } }',
        { i: { email: signer.email, password: signer.password, tenant: tenant.slug } }));
      expect(first.login.totpEnrolmentRequired).toBe(true);
      const uri = expectData(await app.graphql<{ beginTotpEnrolment: string }>('mutation { beginTotpEnrolment }', {}, { token: first.login.accessToken })).beginTotpEnrolment;
      const secret = new URL(uri).searchParams.get('secret')!;
      const wrong = await app.graphql('mutation($c: String!) { confirmTotpEnrolment(code: $c) }', { c: '000000' }, { token: first.login.accessToken });
      expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expectData(await app.graphql('mutation($c: String!) { confirmTotpEnrolment(code: $c) }', { c: totpCodeAt(secret, app.clock.now()) }, { token: first.login.accessToken }));
      // Stored sealed (AES-GCM): a copy of the database alone does not give the second factor away.
      const stored = (await app.asOwner((db) => db.query(`SELECT totp_secret FROM user_account WHERE id = $1`, [signer.id]))).rows[0] as { totp_secret: string };
      expect(stored.totp_secret.startsWith('v1.')).toBe(true);
      expect(stored.totp_secret).not.toContain(secret);

      // A code works once: the login and the step-up each wait for the next one.
      app.clock.advance(30_000);
      const withoutCode = await app.graphql('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { email: signer.email, password: signer.password, tenant: tenant.slug } });
      expect(withoutCode.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
      const withCode = expectData(await app.graphql<{ login: TestSession }>('mutation($i: LoginInput!) { login(input: $i) { accessToken } }',
        { i: { email: signer.email, password: signer.password, tenant: tenant.slug, totpCode: totpCodeAt(secret, app.clock.now()) } }));
      app.clock.advance(30_000);
      const steppedUp = await app.graphql<{ stepUp: string }>('mutation($c: String!) { stepUp(code: $c) }', { c: totpCodeAt(secret, app.clock.now()) }, { token: withCode.login.accessToken });
      expect(new Date(expectData(steppedUp).stepUp).getTime()).toBe(app.clock.now().getTime());
      const { rows } = await app.asOwner((db) => db.query(`SELECT action FROM audit_entry WHERE subject_id = $1 AND action LIKE 'auth.%' ORDER BY sequence`, [signer.id]));
      expect(rows.map((r: { action: string }) => r.action)).toEqual(expect.arrayContaining(['auth.totp.enrolled', 'auth.stepup.succeeded']));
    });
  });

  it('a tenant admin without an enrolled second factor can enrol, but role-gated operations stay closed until then', async () => {
    const tenant = await factory.tenant();
    const admin = await factory.user({ tenant, roles: [Role.TENANT_ADMIN], withTotp: false });
    const session = expectData(await app.graphql<{ login: TestSession & { totpEnrolmentRequired: boolean } }>(
      'mutation($i: LoginInput!) { login(input: $i) { accessToken totpEnrolmentRequired } }',
      { i: { email: admin.email, password: admin.password, tenant: tenant.slug } })).login;
    expect(session.totpEnrolmentRequired).toBe(true);
    const closed = await app.graphql('{ managedUsers { id } }', {}, { token: session.accessToken });
    expect(closed.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([['FORBIDDEN', 'Enrol a second factor first (beginTotpEnrolment)']]);
    const uri = expectData(await app.graphql<{ beginTotpEnrolment: string }>('mutation { beginTotpEnrolment }', {}, { token: session.accessToken })).beginTotpEnrolment;
    const secret = new URL(uri).searchParams.get('secret')!;
    expectData(await app.graphql('mutation($c: String!) { confirmTotpEnrolment(code: $c) }', { c: totpCodeAt(secret, app.clock.now()) }, { token: session.accessToken }));
    const open = await app.graphql<{ managedUsers: Array<{ id: string }> }>('{ managedUsers { id } }', {}, { token: session.accessToken });
    expect(expectData(open).managedUsers).toEqual([{ id: admin.id }]);
  });

  describe('API keys', () => {
    it('an organisation admin creates a key, shown once and stored hashed; it authenticates until revoked', async () => {
      const tenant = await factory.tenant();
      const company = await factory.organisation(tenant);
      const admin = await factory.login(await factory.user({ tenant, organisation: company, roles: [Role.ORG_ADMIN] }));
      const created = expectData(await app.graphql<{ createApiKey: { secret: string; apiKey: { id: string; scopes: string[] } } }>(
        'mutation { createApiKey(input: { name: "ERP" }) { secret apiKey { id scopes } } }', {}, { token: admin.accessToken })).createApiKey;
      expect(created.apiKey.scopes).toEqual(['ORGANISATION_ERP']);
      const { rows } = await app.asOwner((db) => db.query(`SELECT encode(key_hash, 'hex') AS hash FROM api_key WHERE id = $1`, [created.apiKey.id]));
      expect(JSON.stringify(rows)).not.toContain(created.secret);

      const used = await app.graphql('{ apiInfo { version } }', {}, { headers: { 'x-api-key': created.secret } });
      expect(used.errors).toBeUndefined();
      const forged = await app.graphql('{ apiInfo { version } }', {}, { headers: { 'x-api-key': `${created.secret.slice(0, -2)}xx` } });
      expect(forged.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
      const lastUsed = await app.asOwner((db) => db.query(`SELECT last_used_at FROM api_key WHERE id = $1`, [created.apiKey.id]));
      expect(lastUsed.rows[0].last_used_at).not.toBeNull();

      expectData(await app.graphql('mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }', { id: created.apiKey.id }, { token: admin.accessToken }));
      const revoked = await app.graphql('{ apiInfo { version } }', {}, { headers: { 'x-api-key': created.secret } });
      expect(revoked.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    });
  });
});

describe('Signature images', () => {
  const world = useTestApp();
  let app: TestApp;
  let factory: IdentityFactory;
  beforeAll(() => ({ app, factory } = world));

  const PNG = signatureImage();
  const SET = 'mutation($image: String!) { setMySignatureImage(image: $image) { signatureImage } }';

  it('a signer sets their own; the tenant admin sees it, a clerk and the company do not', async () => {
    const tenant = await factory.tenant();
    const company = await factory.organisation(tenant);
    const signer = await factory.user({ tenant, roles: [Role.SIGNER] });
    const signerSession = await factory.login(signer);
    expect(expectData(await app.graphql(SET, { image: PNG }, { token: signerSession.accessToken }))).toEqual({ setMySignatureImage: { signatureImage: PNG } });

    const read = 'query($id: ID!) { user(id: $id) { signatureImage } }';
    const admin = await factory.login(await factory.user({ tenant, roles: [Role.TENANT_ADMIN] }));
    const clerk = await factory.login(await factory.user({ tenant, roles: [Role.CLERK] }));
    const orgAdmin = await factory.login(await factory.user({ tenant, organisation: company, roles: [Role.ORG_ADMIN] }));
    expect(expectData(await app.graphql(read, { id: signer.id }, { token: admin.accessToken }))).toEqual({ user: { signatureImage: PNG } });
    expect(expectData(await app.graphql(read, { id: signer.id }, { token: clerk.accessToken }))).toEqual({ user: { signatureImage: null } });
    expect((await app.graphql(read, { id: signer.id }, { token: orgAdmin.accessToken })).errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
  });

  it('refuses anything but a PNG or JPEG data URL, and anyone but a signer', async () => {
    const tenant = await factory.tenant();
    const signer = await factory.login(await factory.user({ tenant, roles: [Role.SIGNER] }));
    const notImage = await app.graphql(SET, { image: 'data:text/html;base64,PHNjcmlwdD4=' }, { token: signer.accessToken });
    expect(notImage.errors?.[0]?.extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'image' })] }));
    const clerk = await factory.login(await factory.user({ tenant, roles: [Role.CLERK] }));
    expect((await app.graphql(SET, { image: PNG }, { token: clerk.accessToken })).errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('refuses what is not a whole PNG or JPEG of the type it says: such an image would stop every PDF the signer signs', async () => {
    const tenant = await factory.tenant();
    const signer = await factory.login(await factory.user({ tenant, roles: [Role.SIGNER] }));
    const png = samplePng();
    const truncated = png.subarray(0, png.length - 20);
    const badCrc = Buffer.from(png);
    badCrc[30] ^= 0xff;
    const cases: Array<[string, string]> = [
      ['four bytes', 'data:image/png;base64,AAAA'],
      ['the PNG signature only', 'data:image/png;base64,iVBORw0KGgo='],
      ['a truncated PNG', `data:image/png;base64,${truncated.toString('base64')}`],
      ['a PNG with a damaged chunk', `data:image/png;base64,${badCrc.toString('base64')}`],
      ['a PNG labelled as JPEG', `data:image/jpeg;base64,${png.toString('base64')}`],
      ['a JPEG start and nothing else', `data:image/jpeg;base64,${Buffer.from([0xff, 0xd8, 0xff, 0xd9]).toString('base64')}`],
    ];
    const answers: unknown[] = [];
    for (const [what, image] of cases) {
      const error = (await app.graphql(SET, { image }, { token: signer.accessToken })).errors?.[0]?.extensions;
      answers.push({ what, code: error?.code, fields: error?.fields?.map((f) => f.field) });
    }
    expect(answers).toEqual(cases.map(([what]) => ({ what, code: 'BAD_USER_INPUT', fields: ['image'] })));
    // The refused images left the signer without one; a whole PNG is taken.
    expect(expectData(await app.graphql(SET, { image: PNG }, { token: signer.accessToken }))).toEqual({ setMySignatureImage: { signatureImage: PNG } });
  });
});

describe('Login sessions', () => {
  const world = useTestApp();
  let app: TestApp;
  let factory: IdentityFactory;
  beforeAll(() => ({ app, factory } = world));

  it('a person sees their sessions with address and browser and ends one; the privacy officer sees them, a clerk cannot', async () => {
    const tenant = await factory.tenant();
    const company = await factory.organisation(tenant);
    const user = await factory.user({ tenant, organisation: company, roles: [Role.ORG_MEMBER] });
    const laptop = await factory.login(user);
    const phone = await factory.login(user);
    const mine = expectData(await app.graphql<{ mySessions: Array<{ id: string; ipAddress: string; userAgent: string | null; revokedAt: string | null }> }>(
      '{ mySessions { id ipAddress userAgent revokedAt } }', {}, { token: laptop.accessToken })).mySessions;
    expect(mine).toHaveLength(2);
    expect(mine.every((s) => typeof s.ipAddress === 'string' && s.revokedAt === null)).toBe(true);

    const [other] = mine;
    expectData(await app.graphql('mutation($s: ID!) { endMySession(sessionId: $s) { revokedAt } }', { s: other!.id }, { token: laptop.accessToken }));
    const stillWorking = [laptop, phone].map(async (s) => (await app.graphql('{ me { id } }', {}, { token: s.accessToken })).errors?.[0]?.extensions?.code ?? 'ok');
    expect((await Promise.all(stillWorking)).sort()).toEqual(['UNAUTHENTICATED', 'ok']);

    const officer = await factory.login(await factory.user({ tenant, roles: [Role.PRIVACY_OFFICER] }));
    const seen = expectData(await app.graphql<{ sessionsOfUser: Array<{ ipAddress: string | null }> }>('query($u: ID!) { sessionsOfUser(userId: $u) { ipAddress } }', { u: user.id }, { token: officer.accessToken })).sessionsOfUser;
    expect(seen).toHaveLength(2);
    expect(seen.every((s) => typeof s.ipAddress === 'string')).toBe(true);
    const clerk = await factory.login(await factory.user({ tenant, roles: [Role.CLERK] }));
    expect((await app.graphql('query($u: ID!) { sessionsOfUser(userId: $u) { ipAddress } }', { u: user.id }, { token: clerk.accessToken })).errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});
