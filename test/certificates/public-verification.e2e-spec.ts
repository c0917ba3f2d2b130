import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '@chancery/access';
import { CertificatePublicKey, CertificateVerification } from '@chancery/certificates';
import { getFieldPolicy, policedEntities } from '@chancery/policy';
import { CertificateFactory, expectData, reportFigure, TestCertificate, TestTenant, useTestApp, VERIFICATION_FIELDS } from '@chancery/testing';

const VERIFY_SCRIPT = join(__dirname, '..', '..', 'docs', 'verify-certificate.mjs');
const KEY_FIELDS = 'kid kty crv x use alg createdAt retiredAt';

/**
 * The public verification (#16, SPEC §2): no login; authenticity from the chamber's public key,
 * status (valid, revoked with reason, superseded by which number); a tampered signed JSON fails, on
 * the server and offline (docs/verify-certificate.mjs, node:crypto only); an unknown number and a
 * wrong code answer alike; guessing is throttled per client address, and no number can be locked
 * against the holder of its code; the answers hold
 * no personal data (checked against the policy declarations and against every personal value stored).
 */
describe('Public verification of certificates', () => {
  // Client addresses come from X-Forwarded-For, as behind the production proxy.
  const started = useTestApp({ env: { TRUST_PROXY: '127.0.0.1' } });
  let certificates: CertificateFactory;
  let chamber: TestTenant;
  let tokens: { exporter: string; clerk: string; signer: string; admin: string };
  let issued: TestCertificate;
  /** Every public answer this suite received, for the personal-data scan. */
  const publicAnswers: string[] = [];
  let addressSerial = 0;
  const freshAddress = () => `203.0.113.${(addressSerial += 1)}`;

  beforeAll(async () => {
    const { app, factory } = started;
    certificates = new CertificateFactory(app);
    chamber = await factory.tenant();
    const company = await factory.organisation(chamber);
    tokens = {
      exporter: (await factory.login(await factory.user({ tenant: chamber, organisation: company, roles: [Role.ORG_ADMIN] }))).accessToken,
      clerk: (await factory.login(await factory.user({ tenant: chamber, roles: [Role.CLERK] }))).accessToken,
      signer: (await factory.login(await factory.user({ tenant: chamber, roles: [Role.SIGNER] }))).accessToken,
      admin: (await factory.login(await factory.user({ tenant: chamber, roles: [Role.TENANT_ADMIN] }))).accessToken,
    };
    issued = await certificates.issued(tokens.exporter, tokens.clerk, tokens.signer);
  });

  const verify = async (number: string, code: string, address = freshAddress()) => {
    const response = await certificates.verify(number, code, { 'x-forwarded-for': address });
    publicAnswers.push(response.text);
    return response;
  };
  const verifySigned = async (payload: string, signature: string, keyId: string) => {
    const response = await started.app.graphql<{ verifySignedCertificate: Record<string, unknown> }>(
      `query($p: String!, $s: String!, $k: String!) { verifySignedCertificate(payload: $p, signature: $s, kid: $k) { ${VERIFICATION_FIELDS} } }`,
      { p: payload, s: signature, k: keyId },
    );
    publicAnswers.push(response.text);
    return expectData(response).verifySignedCertificate;
  };
  const keySet = async () => {
    const response = await started.app.http().get(`/certificates/keys/${chamber.slug}`);
    publicAnswers.push(response.text);
    return response.body as { keys: Array<Record<string, unknown>> };
  };
  const offline = (certificate: { payload: string; signature: string; keyId: string }, keys: unknown): { ok: boolean; output: string } => {
    const dir = mkdtempSync(join(tmpdir(), 'verify-'));
    writeFileSync(join(dir, 'certificate.json'), JSON.stringify(certificate));
    writeFileSync(join(dir, 'keys.json'), JSON.stringify(keys));
    try {
      return { ok: true, output: execFileSync(process.execPath, [VERIFY_SCRIPT, join(dir, 'certificate.json'), join(dir, 'keys.json')], { encoding: 'utf8', stdio: 'pipe' }) };
    } catch (error) {
      return { ok: false, output: String((error as { stderr?: string }).stderr ?? error) };
    }
  };

  it('an issued certificate verifies by number and code, with its status and no login', async () => {
    const answer = expectData(await verify(issued.number, issued.verificationCode)).verifyCertificate;
    expect(answer).toEqual({
      authentic: true, number: issued.number, status: 'ISSUED', revocationReason: null, supersededByNumber: null, issuingChamber: chamber.name,
      issuedAt: expect.any(String), countryOfOrigin: 'BE', goodsHash: expect.stringMatching(/^[0-9a-f]{64}$/), keyId: issued.keyId, recordDestroyedAt: null,
    });
    // The code is not case- or dash-sensitive as typed from paper.
    expect(expectData(await verify(issued.number, issued.verificationCode.replace(/-/g, '').toLowerCase())).verifyCertificate.authentic).toBe(true);
  });

  it('an authentic answer lists the goods certified, from the signed content, to compare with the paper; a wrong code shows none (attack of 3 December 2026: the portal said to compare a fingerprint the certificate does not print)', async () => {
    const GOODS = 'goods { description hsCode quantity unit grossWeightKg netWeightKg packages marksAndNumbers }';
    const ask = async (code: string) => {
      const response = await started.app.graphql<{ verifyCertificate: { authentic: boolean; goods: unknown } }>(
        `query($n: String!, $c: String!) { verifyCertificate(number: $n, code: $c) { authentic ${GOODS} } }`, { n: issued.number, c: code }, { headers: { 'x-forwarded-for': freshAddress() } });
      publicAnswers.push(response.text);
      return expectData(response).verifyCertificate;
    };
    const certified = (JSON.parse(issued.signedPayload) as { goods: Array<Record<string, unknown>> }).goods;
    const expected = certified.map((g) => ({
      description: g.description, hsCode: g.hsCode, quantity: g.quantity, unit: g.unit, grossWeightKg: g.grossWeightKg, netWeightKg: g.netWeightKg, packages: g.packages, marksAndNumbers: g.marksAndNumbers,
    }));
    expect(expected.map((g) => g.description)).toEqual(['Belgian chocolate pralines', 'Waffle irons, electric']);
    expect(await ask(issued.verificationCode)).toEqual({ authentic: true, goods: expected });
    expect(await ask('AAAA-AAAA-AAAA')).toEqual({ authentic: false, goods: null });
    // The plain GET's JSON and the QR code's page carry them too.
    const json = await started.app.http().get(`/verify/${issued.number}?code=${issued.verificationCode}`).set('accept', 'application/json').set('x-forwarded-for', freshAddress());
    publicAnswers.push(json.text);
    expect((json.body as { goods: unknown }).goods).toEqual(expected.map((g) => ({ description: g.description, hsCode: g.hsCode, quantity: g.quantity, unit: g.unit, grossWeightKg: g.grossWeightKg, netWeightKg: g.netWeightKg, marksAndNumbers: g.marksAndNumbers, packages: g.packages })));
    const page = await started.app.http().get(`/verify/${issued.number}?code=${issued.verificationCode}`).set('accept', 'text/html').set('x-forwarded-for', freshAddress());
    expect(page.text).toContain('<h2>Goods certified</h2>');
    expect(page.text).toContain('<td>Waffle irons, electric</td>');
    expect(page.text).toContain('<td>HI-2026/41-60</td>');
    expect(page.text).toContain('<th scope="row">Country of origin</th><td>Belgium (BE)</td>');
  });

  it("the QR code's page speaks the reader's language: the phone's, or the one chosen on the page; never refused for it (a French customs officer read it in English)", async () => {
    const open = async (query: string, acceptLanguage?: string) => {
      const request = started.app.http().get(`/verify/${issued.number}?code=${issued.verificationCode}${query}`).set('accept', 'text/html').set('x-forwarded-for', freshAddress());
      const page = await (acceptLanguage === undefined ? request : request.set('accept-language', acceptLanguage));
      publicAnswers.push(page.text);
      return { status: page.status, text: page.text, lang: /<html lang="([a-z]+)">/.exec(page.text)?.[1], contentLanguage: page.headers['content-language'], vary: page.headers.vary };
    };
    const french = await open('', 'fr-BE,fr;q=0.9,en;q=0.8');
    expect({ ...french, text: undefined }).toEqual({ status: 200, text: undefined, lang: 'fr', contentLanguage: 'fr', vary: 'Accept, Accept-Language' });
    for (const shown of ['<strong>Authentique et valide</strong>', '<th scope="row">Pays d&#39;origine</th><td>Belgique (BE)</td>', '<h2>Marchandises certifiées</h2>', '<td>Waffle irons, electric</td>']) expect(french.text).toContain(shown);
    // Its numbers with the reader's decimal mark, as the printed certificate in French has them.
    const goods = (JSON.parse(issued.signedPayload) as { goods: Array<{ grossWeightKg: number }> }).goods;
    expect(goods.some((g) => !Number.isInteger(g.grossWeightKg))).toBe(true);
    for (const g of goods) expect(french.text).toContain(`<td class="numeric">${String(g.grossWeightKg).replace('.', ',')}</td>`);
    // Links to the same page in the other languages, keeping number and code.
    expect(french.text).toContain(`href="/verify/${issued.number}?code=${issued.verificationCode}&amp;lang=nl" hreflang="nl" lang="nl">Nederlands</a>`);
    expect(french.text).not.toContain('hreflang="fr"');

    expect((await open('', 'de-DE')).text).toContain('<strong>Echt und gültig</strong>');
    expect((await open('', 'nl-NL,nl;q=0.9')).text).toContain('<th scope="row">Land van oorsprong</th><td>België (BE)</td>');
    // Chosen on the page: it wins over the phone's language.
    expect((await open('&lang=de', 'fr-BE')).lang).toBe('de');
    expect((await open('&lang=NL', 'fr-BE')).lang).toBe('nl');
    // A language we do not speak, a malformed header or a forged choice: English or the phone's language, never an error.
    for (const [query, header, lang] of [['', 'es-ES,es;q=0.9', 'en'], ['', ';;q=abc,,*-;q=2', 'en'], ['&lang=xx', 'fr', 'fr'], ['&lang=%3Cscript%3E', undefined, 'en']] as const) {
      const answer = await open(query, header);
      expect({ query, header, status: answer.status, lang: answer.lang }).toEqual({ query, header, status: 200, lang });
      expect(answer.text).not.toContain('<script>');
    }
    // The refusal pages too.
    const malformed = await started.app.http().get('/verify/ab?code=AAAA-AAAA-AAAA').set('accept', 'text/html').set('accept-language', 'nl-BE').set('x-forwarded-for', freshAddress());
    expect([malformed.status, malformed.headers['content-language']]).toEqual([400, 'nl']);
    expect(malformed.text).toContain('Deze controlelink is onvolledig of ongeldig');
    // A machine's JSON does not change with the language.
    const json = (language: string) => started.app.http().get(`/verify/${issued.number}?code=${issued.verificationCode}`).set('accept', 'application/json').set('accept-language', language).set('x-forwarded-for', freshAddress());
    expect((await json('fr')).text).toBe((await json('de')).text);
  });

  it('a tampered signed JSON fails, on the server and offline with node:crypto alone', async () => {
    const original = { payload: issued.signedPayload, signature: issued.signature, keyId: issued.keyId };
    expect((await verifySigned(original.payload, original.signature, original.keyId)).authentic).toBe(true);
    const content = JSON.parse(issued.signedPayload);
    content.goods[0].quantity += 1;
    const tampered = { ...original, payload: JSON.stringify(content) };
    expect(await verifySigned(tampered.payload, tampered.signature, tampered.keyId)).toMatchObject({ authentic: false, number: null, status: null });
    // A signature moved onto other content, or presented with another key, fails too.
    expect((await verifySigned(original.payload.replace(issued.number, 'BE-XXX-2026-999999'), original.signature, original.keyId)).authentic).toBe(false);

    const keys = await keySet();
    expect(offline(original, keys)).toMatchObject({ ok: true, output: expect.stringContaining(`VERIFIED: ${issued.number}`) });
    expect(offline(tampered, keys)).toMatchObject({ ok: false, output: expect.stringContaining('NOT VERIFIED') });
  });

  it('publishes the keys as a JWKS-like document (OKP/Ed25519); a rotated key still verifies what it signed', async () => {
    const before = await keySet();
    expect(before.keys).toEqual([{ kid: issued.keyId, kty: 'OKP', crv: 'Ed25519', x: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), use: 'sig', alg: 'EdDSA', createdAt: expect.any(String), retiredAt: null }]);
    const rotated = expectData(await started.app.graphql<{ rotateCertificateSigningKey: { kid: string } }>(`mutation { rotateCertificateSigningKey { ${KEY_FIELDS} } }`, {}, { token: tokens.admin }));
    expect(rotated.rotateCertificateSigningKey.kid).not.toBe(issued.keyId);
    const after = await keySet();
    expect(after.keys.map((k) => [k.kid, k.retiredAt === null])).toEqual([[issued.keyId, false], [rotated.rotateCertificateSigningKey.kid, true]]);
    const viaGraphql = await started.app.graphql<{ certificateSigningKeys: unknown[] }>(`query($s: String!) { certificateSigningKeys(tenantSlug: $s) { ${KEY_FIELDS} } }`, { s: chamber.slug });
    publicAnswers.push(viaGraphql.text);
    expect(expectData(viaGraphql).certificateSigningKeys).toEqual(after.keys);

    // The old certificate still verifies; a new one is signed with the new key.
    expect(expectData(await verify(issued.number, issued.verificationCode)).verifyCertificate.authentic).toBe(true);
    expect(offline({ payload: issued.signedPayload, signature: issued.signature, keyId: issued.keyId }, after).ok).toBe(true);
    const next = await certificates.issued(tokens.exporter, tokens.clerk, tokens.signer);
    expect(next.keyId).toBe(rotated.rotateCertificateSigningKey.kid);
    expect(expectData(await verify(next.number, next.verificationCode)).verifyCertificate).toMatchObject({ authentic: true, keyId: next.keyId });
  });

  it('a revoked certificate verifies as revoked, with its reason code', async () => {
    const certificate = await certificates.issued(tokens.exporter, tokens.clerk, tokens.signer);
    expectData(await started.app.graphql(`mutation($id: ID!) { revokeCertificate(certificateId: $id, reason: "GOODS_NOT_EXPORTED") { id } }`, { id: certificate.id }, { token: tokens.signer }));
    expect(expectData(await verify(certificate.number, certificate.verificationCode)).verifyCertificate).toMatchObject({
      authentic: true, status: 'REVOKED', revocationReason: 'GOODS_NOT_EXPORTED', number: certificate.number,
    });
    const page = await started.app.http().get(`/verify/${certificate.number}?code=${certificate.verificationCode}`).set('x-forwarded-for', freshAddress());
    publicAnswers.push(page.text);
    expect(page.text).toContain('Authentic, but revoked');
    expect(page.text).toContain('<th scope="row">Reason for the revocation</th><td>Goods not exported</td>');
  });

  it('an unknown number and a wrong code get the same answer, over GraphQL and the plain GET', async () => {
    const unknownNumber = issued.number.replace(/\d{6}$/, '999999');
    const wrongCode = await verify(issued.number, 'AAAA-AAAA-AAAA');
    const unknown = await verify(unknownNumber, issued.verificationCode);
    expect(wrongCode.data?.verifyCertificate).toMatchObject({ authentic: false });
    expect(wrongCode.text.replaceAll(issued.number, 'N')).toBe(unknown.text.replaceAll(unknownNumber, 'N'));
    expect(wrongCode.text).not.toContain(issued.number);
    const getWrong = await started.app.http().get(`/verify/${issued.number}?code=AAAA-AAAA-AAAA`).set('accept', 'application/json').set('x-forwarded-for', freshAddress());
    const getUnknown = await started.app.http().get(`/verify/${unknownNumber}?code=${issued.verificationCode}`).set('accept', 'application/json').set('x-forwarded-for', freshAddress());
    publicAnswers.push(getWrong.text, getUnknown.text);
    expect([getWrong.status, getWrong.text]).toEqual([getUnknown.status, getUnknown.text]);
  });

  it('wrong codes for one number never lock out the holder of its right code (probe B, F2)', async () => {
    // Numbers are sequential: a per-number lock let anyone keep a chamber's certificates unverifiable
    // with ten wrong codes each. Here from one address, then from many.
    const target = await certificates.issued(tokens.exporter, tokens.clerk, tokens.signer);
    const attacker = freshAddress();
    for (let i = 0; i < 12; i += 1) expect(expectData(await verify(target.number, `ZZZZ-BBBB-CC${10 + i}`, attacker)).verifyCertificate.authentic).toBe(false);
    for (let i = 0; i < 12; i += 1) await verify(target.number, `WRONG-${i}`);
    expect(expectData(await verify(target.number, target.verificationCode)).verifyCertificate).toMatchObject({ authentic: true, number: target.number });
    const page = await started.app.http().get(`/verify/${target.number}?code=${target.verificationCode}`).set('accept', 'application/json').set('x-forwarded-for', freshAddress());
    publicAnswers.push(page.text);
    expect([page.status, page.body.authentic]).toEqual([200, true]);
    // A wrong code is still just not authentic, and says nothing more than for a number that does not exist.
    const ghost = 'BE-GHOST-2026-000001';
    for (let i = 0; i < 12; i += 1) await verify(ghost, `WRONG-${i}`);
    const wrong = await verify(target.number, 'AAAA-AAAA-AAAA');
    const unknown = await verify(ghost, 'AAAA-AAAA-AAAA');
    expect(wrong.text.replaceAll(target.number, 'N')).toBe(unknown.text.replaceAll(ghost, 'N'));
    expect(wrong.data?.verifyCertificate).toMatchObject({ authentic: false });
  });

  it('a malformed link opened in a browser gets a page that says so and links to the form; a machine still gets the JSON error', async () => {
    for (const path of ['/verify/ab?code=AAAA-AAAA-AAAA', `/verify/${issued.number}?code=x`, `/verify/${issued.number}`]) {
      const page = await started.app.http().get(path).set('accept', 'text/html,application/xhtml+xml').set('x-forwarded-for', freshAddress());
      expect([path, page.status, page.headers['content-type']]).toEqual([path, 400, expect.stringContaining('text/html')]);
      expect(page.text).toContain('This verification link is not complete or not valid');
      expect(page.text).toContain('href="/verification"');
      expect(page.text).not.toContain(issued.number);
      expect(page.headers['content-security-policy']).toContain("default-src 'none'");
      const json = await started.app.http().get(path).set('accept', 'application/json').set('x-forwarded-for', freshAddress());
      expect([json.status, json.body.errors?.[0]?.extensions?.code]).toEqual([400, 'BAD_USER_INPUT']);
    }
  });

  it('guessing is throttled per client address, whatever the number', async () => {
    // One address: 20 failures (unknown numbers and wrong codes alike), then even a right code is refused.
    const guesser = freshAddress();
    for (let i = 0; i < 20; i += 1) expect(expectData(await verify(`BE-GUESS-2026-${String(i).padStart(6, '0')}`, 'AAAA-AAAA-AAAA', guesser)).verifyCertificate.authentic).toBe(false);
    const refused = await verify(issued.number, issued.verificationCode, guesser);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'VERIFICATION_THROTTLED' });
    // The plain GET is throttled alike.
    const refusedGet = await started.app.http().get(`/verify/${issued.number}?code=${issued.verificationCode}`).set('accept', 'application/json').set('x-forwarded-for', guesser);
    expect([refusedGet.status, refusedGet.body.errors?.[0]?.extensions?.reason]).toEqual([429, 'VERIFICATION_THROTTLED']);
    // Found from outside: a client was not told when to try again, and a phone's browser got this JSON.
    expect(refusedGet.headers['retry-after']).toBe(String(15 * 60));
    const refusedPage = await started.app.http().get(`/verify/${issued.number}?code=${issued.verificationCode}`).set('accept', 'text/html').set('x-forwarded-for', guesser);
    expect([refusedPage.status, refusedPage.headers['content-type'], refusedPage.headers['retry-after'], refusedPage.headers['cache-control']]).toEqual([429, expect.stringContaining('text/html'), String(15 * 60), 'no-store']);
    expect(refusedPage.text).toContain('Too many verifications from your connection');
    expect(refusedPage.text).toContain('href="/verification"');
    expect(expectData(await verify(issued.number, issued.verificationCode)).verifyCertificate.authentic).toBe(true);
    // Fifteen minutes later the window is over.
    started.app.clock.advance(16 * 60_000);
    expect(expectData(await verify(issued.number, issued.verificationCode, guesser)).verifyCertificate.authentic).toBe(true);
  });

  it('guesses sent at the same moment are counted before they are judged: no more than the limit get an answer (attack of 3 December 2026: 33 to 46 of 60)', async () => {
    const guesser = freshAddress();
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => verify(`BE-RACE-2026-${String(i).padStart(6, '0')}`, 'AAAA-AAAA-AAAA', guesser)));
    const judged = answers.filter((a) => a.data?.verifyCertificate).length;
    const throttled = answers.filter((a) => a.errors?.[0]?.extensions?.reason === 'VERIFICATION_THROTTLED').length;
    expect({ judged, throttled }).toEqual({ judged: 20, throttled: 40 });
    // A right code within the limit is not counted against the address.
    const holder = freshAddress();
    for (let i = 0; i < 25; i += 1) expect(expectData(await verify(issued.number, issued.verificationCode, holder)).verifyCertificate.authentic).toBe(true);
  });

  it('the number as people type it: in lower case, with spaces around it, over GraphQL as over the plain GET', async () => {
    const typed = `  ${issued.number.toLowerCase()} `;
    expect(expectData(await verify(typed, issued.verificationCode)).verifyCertificate).toMatchObject({ authentic: true, number: issued.number });
  });

  it('prints the figure: no personal-data field in any public answer (declarations and stored values)', async () => {
    // 1. Every field a public answer can carry is declared, and none is declared personal data.
    const publicTypes = [CertificateVerification, CertificatePublicKey];
    const declaredPersonal: string[] = [];
    for (const answer of publicAnswers.filter((a) => a.startsWith('{'))) {
      const body = JSON.parse(answer) as Record<string, unknown>;
      const records = collectRecords(body);
      for (const record of records) {
        for (const field of Object.keys(record)) {
          const declared = publicTypes.map((cls) => getFieldPolicy(cls, field)).find(Boolean);
          if (!declared || declared.personalData || !declared.notPersonalData) declaredPersonal.push(field);
        }
      }
    }
    // 2. No value declared personal data anywhere in the database appears in any public answer.
    const personalColumns = policedEntities().flatMap((p) => [...p.fields.values()].filter((f) => f.personalData).map((f) => `${p.name}.${f.name}`));
    expect(personalColumns.length).toBeGreaterThan(10);
    const values = await started.app.asOwner(async (db) => {
      const rows = [];
      for (const statement of [
        `SELECT id::text, email, first_name, last_name, phone, job_title FROM user_account WHERE tenant_id = $1`,
        `SELECT name, street, email, phone, vat_number, company_number, iban FROM organisation WHERE tenant_id = $1`,
        `SELECT consignee_name, consignee_address, created_by::text, claimed_by::text, reviewed_by::text, review_comment, rejection_reason FROM certificate_application WHERE tenant_id = $1`,
        `SELECT signed_by::text FROM certificate WHERE tenant_id = $1`,
      ]) rows.push(await db.query(statement, [chamber.id]));
      return rows.flatMap((r) => r.rows.flatMap((row: Record<string, unknown>) => Object.values(row))).filter((v): v is string => typeof v === 'string' && v.length >= 4);
    });
    expect(values.length).toBeGreaterThan(20);
    const leakedValues = [...new Set(values)].filter((value) => publicAnswers.some((answer) => answer.includes(value)));
    const personalFields = new Set(declaredPersonal).size + leakedValues.length;
    expect(publicAnswers.length).toBeGreaterThan(40);
    reportFigure(`verification: ${personalFields} personal-data fields in public answers`);
    expect({ declaredPersonal: [...new Set(declaredPersonal)], leakedValues }).toEqual({ declaredPersonal: [], leakedValues: [] });
  });
});

/** The objects of a GraphQL or JSON answer that are records (skips `data`, `errors` and envelopes like `keys`). */
function collectRecords(body: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(body)) return body.flatMap(collectRecords);
  if (!body || typeof body !== 'object') return [];
  const object = body as Record<string, unknown>;
  if ('errors' in object || 'data' in object) return collectRecords(object.data ?? null);
  if ('keys' in object && Array.isArray(object.keys)) return collectRecords(object.keys);
  if ('verifyCertificate' in object || 'verifySignedCertificate' in object || 'certificateSigningKeys' in object) return Object.values(object).flatMap(collectRecords);
  return [object];
}
