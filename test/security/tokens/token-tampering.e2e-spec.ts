/**
 * VERIFY T8 — JWT tampering (RFC 8725). Every case goes as `Authorization: Bearer <token>` to `me`
 * (any logged-in user may call it) and must be refused with UNAUTHENTICATED, HTTP < 500, no data, and
 * the same answer as a request without a session. Positive controls show the table is not vacuous:
 * the genuine token works, and so does a token re-signed by this test's signer with the app's key and
 * untouched claims, so each real-key case below is refused for the one thing it changes.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Role } from '@chancery/access';
import { AccessTokenService } from '@chancery/auth';
import {
  expectData,
  GraphQLResponse,
  IdentityFactory,
  reportFigure,
  TestApp,
  TestSession,
  TestUser,
  useTestApp,
} from '@chancery/testing';
import {
  appSigningKey,
  decodeAccessToken,
  Json,
  ME,
  me,
  newKey,
  outcome,
  parts,
  REFUSED,
  signers,
  signJws,
} from './token-kit';

interface Case {
  name: string;
  /** The Authorization header value; most cases are `Bearer <token>`. */
  authorization: string;
}

describe('T8 token tampering', () => {
  const signingKey = appSigningKey();
  let app: TestApp;
  let factory: IdentityFactory;
  let user: TestUser;
  let colleague: TestUser;
  let session: TestSession;
  let colleagueSession: TestSession;
  let otherTenantId: string;
  let apiKeySecret: string;
  let table:
    | Promise<{ cases: Case[]; results: Array<{ name: string; response: GraphQLResponse<unknown> }> }>
    | undefined;

  const started = useTestApp({ env: { JWT_PRIVATE_KEY: signingKey.pem } });
  beforeAll(async () => {
    app = started.app;
    factory = started.factory;
    const tenant = await factory.tenant();
    const organisation = await factory.organisation(tenant);
    user = await factory.user({ tenant, organisation, roles: [Role.ORG_MEMBER] });
    colleague = await factory.user({ tenant, organisation, roles: [Role.ORG_ADMIN] });
    const otherTenant = await factory.tenant();
    otherTenantId = otherTenant.id;
    session = await factory.login(user);
    colleagueSession = await factory.login(colleague);
    apiKeySecret = expectData(
      await app.graphql<{ createApiKey: { secret: string } }>(
        'mutation { createApiKey(input: { name: "ERP" }) { secret } }',
        {},
        { token: colleagueSession.accessToken },
      ),
    ).createApiKey.secret;
  });

  /** The genuine token's header and claims; real-key cases start from these and change one thing. */
  function genuine(): { header: Json; payload: Json } {
    const { header, payload } = parts(session.accessToken);
    return { header: { ...header }, payload: { ...payload, jti: randomUUID() } };
  }
  const now = () => Math.floor(app.clock.now().getTime() / 1000);
  const withKey = (header: Json, payload: Json) =>
    signJws(header, payload, signers.es256(signingKey.privateKey));
  const bearer = (token: string) => `Bearer ${token}`;

  /**
   * The same bytes in another base64url spelling: a 64-byte signature ends in a character that carries
   * 2 bits, and its 4 low bits are unused, so flipping the lowest decodes to the same signature.
   */
  function respelled(part: string): string {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const other = `${part.slice(0, -1)}${alphabet[alphabet.indexOf(part.at(-1)!) ^ 1]}`;
    if (other === part || !Buffer.from(other, 'base64url').equals(Buffer.from(part, 'base64url'))) throw new Error('not a respelling of the same bytes');
    return other;
  }

  function buildCases(): Case[] {
    const tokens = app.get(AccessTokenService);
    const { header, payload } = genuine();
    const [h, p, s] = session.accessToken.split('.') as [string, string, string];
    const publicPem = tokens.publicKey.export({ type: 'spki', format: 'pem' }) as string;
    const other256 = newKey('p256');
    const rsa = newKey('rsa');
    const p384 = newKey('p384');
    const ed = newKey('ed25519');
    const t = now();
    const colleagueClaims = decodeAccessToken(colleagueSession.accessToken);
    const userClaims = decodeAccessToken(session.accessToken);
    const base = {
      sub: user.id,
      sid: userClaims.sid,
      tid: userClaims.tid,
      oid: userClaims.oid,
      roles: userClaims.roles,
      tv: userClaims.tv,
    };

    // Expired: issued by the app itself with its clock 11 minutes back.
    app.clock.set(new Date((t - 11 * 60) * 1000));
    const expired = tokens.issue(base).token;
    // Not yet valid: issued with the clock 5 minutes ahead (nbf = iat = now + 300).
    app.clock.set(new Date((t + 5 * 60) * 1000));
    const notYetValid = tokens.issue(base).token;
    app.clock.set(new Date(t * 1000));

    const changedPayload = (changes: Json) =>
      `${h}.${Buffer.from(JSON.stringify({ ...payload, ...changes })).toString('base64url')}.${s}`;
    const padding = 'x'.repeat(4200);

    const table: Array<[string, string]> = [
      ['alg none, unsigned', signJws({ ...header, alg: 'none' }, payload, null)],
      ['alg none, original signature kept', `${signJws({ ...header, alg: 'none' }, payload, null)}${s}`],
      ['alg NONE (case variant), unsigned', signJws({ ...header, alg: 'NONE' }, payload, null)],
      ['stripped signature (header.payload.)', `${h}.${p}.`],
      ['the genuine signature spelled differently (an unused bit of its last character set)', `${h}.${p}.${respelled(s)}`],
      ['no signature part at all (header.payload)', `${h}.${p}`],
      [
        'HS256 with the public key PEM as HMAC secret (key confusion)',
        signJws({ ...header, alg: 'HS256' }, payload, signers.hs256(publicPem)),
      ],
      [
        'HS256 with the public key DER as HMAC secret',
        signJws(
          { ...header, alg: 'HS256' },
          payload,
          signers.hs256(tokens.publicKey.export({ type: 'spki', format: 'der' })),
        ),
      ],
      [
        'RS256 signed with another key',
        signJws({ ...header, alg: 'RS256' }, payload, signers.rs256(rsa.privateKey)),
      ],
      [
        'ES384 signed with another key',
        signJws({ ...header, alg: 'ES384' }, payload, signers.es384(p384.privateKey)),
      ],
      [
        'EdDSA signed with another key',
        signJws({ ...header, alg: 'EdDSA' }, payload, signers.eddsa(ed.privateKey)),
      ],
      [
        'ES256 signed with another key, same kid',
        signJws(header, payload, signers.es256(other256.privateKey)),
      ],
      [
        'ES256 signed with another key, that key embedded as jwk',
        signJws(
          { ...header, jwk: other256.publicKey.export({ format: 'jwk' }) },
          payload,
          signers.es256(other256.privateKey),
        ),
      ],
      [
        'ES256 signed with another key, jku/x5u pointing elsewhere',
        signJws(
          { ...header, jku: 'https://attacker.test/jwks.json', x5u: 'https://attacker.test/cert.pem' },
          payload,
          signers.es256(other256.privateKey),
        ),
      ],
      [
        'payload changed after signing: roles raised',
        changedPayload({ roles: [Role.ORG_ADMIN, Role.PLATFORM_ADMIN] }),
      ],
      [
        'payload changed after signing: sub swapped to a colleague',
        changedPayload({ sub: colleague.id, sid: colleagueClaims.sid }),
      ],
      ['payload changed after signing: exp pushed a day ahead', changedPayload({ exp: t + 86_400 })],
      ['expired (issued by the app 11 minutes ago)', expired],
      [
        'expired (exp in the past, genuine signature)',
        withKey(header, { ...payload, iat: t - 700, nbf: t - 700, exp: t - 100 }),
      ],
      ['nbf in the future (issued by the app 5 minutes ahead)', notYetValid],
      ['nbf in the future, genuine signature', withKey(header, { ...payload, nbf: t + 300 })],
      // BUG: accepted today. The app bounds a token's age with maxAge (10 min after iat); an iat in
      // the future (another instance's clock running ahead, or any token minted with one) escapes that
      // bound, and such a token lives exp − now, here 70 minutes (> the 15 the promise allows).
      [
        'iat an hour in the future (beyond any clock tolerance), genuine signature',
        withKey(header, { ...payload, iat: t + 3600, nbf: t, exp: t + 3600 + 600 }),
      ],
      [
        'exp a day ahead but iat 11 minutes ago (older than the 10-minute maximum age), genuine signature',
        withKey(header, { ...payload, iat: t - 660, nbf: t - 660, exp: t + 86_400 }),
      ],
      ['wrong iss, genuine signature', withKey(header, { ...payload, iss: 'https://attacker.test' })],
      ['missing iss, genuine signature', withKey(header, { ...payload, iss: undefined })],
      ['wrong aud, genuine signature', withKey(header, { ...payload, aud: 'another-api' })],
      ['missing aud, genuine signature', withKey(header, { ...payload, aud: undefined })],
      ['typ JWT, genuine signature', withKey({ ...header, typ: 'JWT' }, payload)],
      ['missing typ, genuine signature', withKey({ alg: header.alg, kid: header.kid }, payload)],
      [
        'typ of an ID token-like JWT (id+jwt), genuine signature',
        withKey({ ...header, typ: 'id+jwt' }, payload),
      ],
      [
        'kid path traversal ../../dev/null, genuine signature',
        withKey({ ...header, kid: '../../dev/null' }, payload),
      ],
      [
        "kid SQL injection ' OR 1=1 --, genuine signature",
        withKey({ ...header, kid: "' OR 1=1 --" }, payload),
      ],
      ['missing kid, genuine signature', withKey({ alg: header.alg, typ: header.typ }, payload)],
      [
        'kid path traversal with HS256 over empty secret',
        signJws({ ...header, alg: 'HS256', kid: '../../dev/null' }, payload, signers.hs256('')),
      ],
      ['refresh token (opaque rt_…) used as an access token', session.refreshToken],
      ['API key used as a bearer token', apiKeySecret],
      [
        'API-key-looking string',
        `key_${otherTenantId.replace(/-/g, '')}_${randomBytes(32).toString('base64url')}`,
      ],
      ['oversized garbage (5000 chars)', 'a'.repeat(5000)],
      [
        'oversized legit-looking token (claims padded past 4096, genuine signature)',
        withKey(header, { ...payload, pad: padding }),
      ],
      ['garbage', 'not-a-token'],
      ['three garbage segments', 'abc.def.ghi'],
      ['non-JSON header', `${Buffer.from('{not json').toString('base64url')}.${p}.${s}`],
      ['user id that does not exist, genuine signature', tokens.issue({ ...base, sub: randomUUID() }).token],
      ['sub that is not a UUID, genuine signature', tokens.issue({ ...base, sub: "x' OR '1'='1" }).token],
      [
        "sid of another user's session, genuine signature",
        tokens.issue({ ...base, sid: colleagueClaims.sid }).token,
      ],
      ['sid that is not a UUID, genuine signature', tokens.issue({ ...base, sid: 'not-a-session' }).token],
      ['tid of another tenant, genuine signature', tokens.issue({ ...base, tid: otherTenantId }).token],
      [
        'tid absent (platform scope) for a tenant user, genuine signature',
        tokens.issue({ ...base, tid: undefined }).token,
      ],
      ['tid that is not a UUID, genuine signature', tokens.issue({ ...base, tid: 'not-a-tenant' }).token],
      [
        'token version other than the account’s, genuine signature',
        tokens.issue({ ...base, tv: base.tv + 1 }).token,
      ],
      [
        'tv of the wrong type (string), genuine signature',
        withKey(header, { ...payload, tv: String(payload.tv) }),
      ],
    ];
    const raw: Case[] = [
      { name: 'empty bearer ("Bearer ")', authorization: 'Bearer ' },
      { name: 'scheme only ("Bearer")', authorization: 'Bearer' },
      { name: 'token without the Bearer scheme', authorization: session.accessToken },
      {
        name: 'Basic scheme',
        authorization: `Basic ${Buffer.from(`${user.email}:${user.password}`).toString('base64')}`,
      },
      { name: 'empty Authorization header', authorization: '' },
    ];
    return [...table.map(([name, token]) => ({ name, authorization: bearer(token) })), ...raw];
  }

  /** Sends every case once (sequentially, so the clock-based cases see the clock they were built for). */
  function runTable() {
    table ??= (async () => {
      const cases = buildCases();
      const results: Array<{ name: string; response: GraphQLResponse<unknown> }> = [];
      for (const c of cases) {
        results.push({
          name: c.name,
          response: await app.graphql(ME, {}, { headers: { authorization: c.authorization } }),
        });
      }
      return { cases, results };
    })();
    return table;
  }

  it('runs the positive controls, so the table is not vacuous', async () => {
    const tokens = app.get(AccessTokenService);
    expect(tokens.keyId).toBe(signingKey.keyId);
    const expectedMe = { me: { id: user.id, email: user.email, roles: ['ORG_MEMBER'] } };
    // The token login gave.
    expect(expectData(await me(app, session.accessToken))).toEqual(expectedMe);
    // The same header and claims re-signed by this test's signer with the app's key.
    const { header, payload } = genuine();
    expect(expectData(await me(app, signJws(header, payload, signers.es256(signingKey.privateKey))))).toEqual(
      expectedMe,
    );
    // A token issued by the app's own service for the same session.
    const claims = decodeAccessToken(session.accessToken);
    const issued = tokens.issue({
      sub: user.id,
      sid: claims.sid,
      tid: claims.tid,
      oid: claims.oid,
      roles: claims.roles,
      tv: claims.tv,
    }).token;
    expect(expectData(await me(app, issued))).toEqual(expectedMe);
    // A genuine token just under the size limit is still accepted (the limit, not padding, refuses the oversized case).
    const room = 4096 - signJws(header, { ...payload, pad: '' }, signers.es256(signingKey.privateKey)).length;
    const nearLimit = signJws(
      header,
      { ...payload, pad: 'x'.repeat(Math.floor((room * 3) / 4) - 2) },
      signers.es256(signingKey.privateKey),
    );
    expect(nearLimit.length).toBeLessThanOrEqual(4096);
    expect(nearLimit.length).toBeGreaterThan(4000);
    expect(expectData(await me(app, nearLimit))).toEqual(expectedMe);
  });

  it('refuses every tampered token with UNAUTHENTICATED, no data, status < 500', async () => {
    const { cases, results } = await runTable();
    const observed = results.map(({ name, response }) => ({ name, ...outcome(response) }));
    const refused = observed.filter(
      (o) =>
        o.status === REFUSED.status &&
        o.data === null &&
        JSON.stringify(o.codes) === JSON.stringify(REFUSED.codes),
    ).length;
    reportFigure(`T8 token tampering: ${cases.length} cases, ${refused} refused`);
    // FAILS TODAY on one row only, "iat an hour in the future" (see the BUG note in the table and the
    // report): the 10-minute token-age bound is defeated by a future iat. Every other row is refused.
    expect(observed).toEqual(cases.map((c) => ({ name: c.name, ...REFUSED })));
    expect(refused).toBe(cases.length);
  });

  it('answers every tampered token exactly like a request without a session (no reason given)', async () => {
    const { results } = await runTable();
    const missing = await app.graphql(ME);
    expect(outcome(missing)).toEqual(REFUSED);
    const loggedOut = await factory.login(user);
    expectData(await app.graphql('mutation { logout }', {}, { token: loggedOut.accessToken }));
    const ended = await me(app, loggedOut.accessToken);
    // Answers grouped by their exact error list: there must be one group, the missing session's.
    const groups: Record<string, string[]> = {};
    for (const { name, response } of [...results, { name: 'session ended by logout', response: ended }]) {
      (groups[JSON.stringify(response.errors)] ??= []).push(name);
    }
    // BUG (fails today): the message tells why a token was refused — "Invalid or expired access
    // token" (signature/claims), "Invalid access token" (genuine signature, wrong typ/kid/shape),
    // "Session ended" (genuine token, session or account refused) — while a missing session says
    // "Authentication required". Distinguishing them is a signature oracle; see the report.
    expect(groups).toEqual({
      [JSON.stringify(missing.errors)]: [...results.map((r) => r.name), 'session ended by logout'],
    });
  });
});
