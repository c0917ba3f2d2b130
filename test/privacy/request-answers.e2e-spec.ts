import { Role } from '@chancery/access';
import { expectData, IdentityFactory, linkTokenOf, queuedEmails, TestApp, TestTenant, TestUser, useTestApp } from '@chancery/testing';

/**
 * An answered data-subject request reaches the person who asked (GDPR Art. 12(3), 15(3), 20): every
 * answer (export, erasure, restriction, closed by hand, refused) is an e-mail in the person's
 * language with the outcome as a sentence, never their data; an access or portability answer carries
 * a link to the export (single purpose, unguessable, 7 days, 3 downloads), served by a plain GET that
 * answers 404 alike for an unknown, expired or spent link, and is audited.
 */

const ANSWER_FIELDS = 'id type status outcome answerKind';

interface AnswerView {
  id: string;
  type: string;
  status: string;
  outcome: string | null;
  answerKind: string | null;
}

describe('answers to data-subject requests reach the person', () => {
  const started = useTestApp();
  let app: TestApp;
  let factory: IdentityFactory;
  let tenant: TestTenant;
  let member: TestUser;
  let officer: TestUser;

  const tokenOf = async (user: TestUser) => (await factory.login(user)).accessToken;

  async function askAsMember(type: string): Promise<string> {
    return expectData(
      await app.graphql<{ requestMyDataSubjectRight: { id: string } }>(
        `mutation($input: MyDataSubjectRequestInput!) { requestMyDataSubjectRight(input: $input) { id } }`,
        { input: { type } },
        { token: await tokenOf(member) },
      ),
    ).requestMyDataSubjectRight.id;
  }

  /** A request through the public form, its address confirmed and the identity checked by the officer. */
  async function askPublicly(email: string, type: string, language: string): Promise<string> {
    expectData(await app.graphql(`mutation($input: PublicDataSubjectRequestInput!) { submitDataSubjectRequest(input: $input) }`, { input: { email, type, language, tenant: tenant.slug } }));
    // The form's work runs after its answer.
    await app.settled();
    const confirm = (await queuedEmails(app, { recipient: email, template: 'privacy.request-confirm-address' })).at(-1);
    expectData(await app.graphql(`mutation($t: String!) { confirmDataSubjectRequest(token: $t) }`, { t: linkTokenOf(confirm!.body) }));
    const id = await app.asOwner(async (db) => (await db.query(`SELECT id FROM data_subject_request WHERE requester_email = $1 AND type = $2`, [email, type])).rows[0].id as string);
    expectData(await app.graphql(`mutation($id: ID!) { checkDataSubjectIdentity(requestId: $id) { id } }`, { id }, { token: await tokenOf(officer) }));
    return id;
  }

  const officerCall = async <T>(query: string, variables: Record<string, unknown>) => app.graphql<T>(query, variables, { token: await tokenOf(officer) });
  const download = (token: string) => app.http().get('/data-subject-export').query({ token });
  const downloadAudits = (requestId: string) =>
    app.asOwner(async (db) => (await db.query(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'privacy.request.exportDownloaded' AND subject_id = $1`, [requestId])).rows[0].n as number);

  beforeAll(async () => {
    app = started.app;
    factory = started.factory;
    tenant = await factory.tenant();
    const company = await factory.organisation(tenant);
    member = await factory.user({ tenant, organisation: company, roles: [Role.ORG_MEMBER] });
    officer = await factory.user({ tenant, roles: [Role.PRIVACY_OFFICER] });
  });

  it('a public access request: the answer is an e-mail in Dutch with a link; the link gives the export three times, then 404 like any unknown link', async () => {
    app.clock.set(new Date('2031-03-03T09:00:00Z'));
    const email = `public-${Date.now()}@example.test`;
    const requestId = await askPublicly(email, 'ACCESS', 'nl');
    expectData(await officerCall(`mutation($id: ID!) { exportForDataSubjectRequest(requestId: $id) { id } }`, { id: requestId }));

    const [answer, ...more] = await queuedEmails(app, { recipient: email, template: 'privacy.request-answered' });
    expect(more).toHaveLength(0);
    expect(answer!.tenantId).toBe(tenant.id);
    expect(answer!.subject).toMatch(/privacyverzoek/i);
    expect(answer!.body).toContain('tot en met 10 maart 2031'); // the last day as a Dutch reader writes it, not 2031-03-10
    // The outcome as a sentence, never the data nor internal JSON.
    expect(answer!.body).not.toMatch(/exportedRecords|[{}]|"records"/);
    expect(answer!.body).toMatch(/\/privacy\/export#token=dse_/);
    const token = linkTokenOf(answer!.body)!;

    const first = await download(token);
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    expect(first.headers['content-disposition']).toMatch(/^attachment; filename="[a-z0-9-]+\.json"$/);
    expect(first.headers['cache-control']).toBe('no-store');
    expect(first.headers['x-content-type-options']).toBe('nosniff');
    const document = JSON.parse(first.text) as { format: string; controllerTenantId: string; subject: { email: string }; portability: boolean; records: Array<{ entity: string }> };
    expect(document).toMatchObject({ format: 'chancery.data-subject-export/1', controllerTenantId: tenant.id, subject: { email }, portability: false });
    // Someone without an account: what the tenant holds of the address (the messages sent to it, the answer among them),
    // without the secret of any link, this one's included.
    expect(document.records.map((r) => r.entity)).toContain('OutboxMessage');
    expect(first.text).toContain('#token=(removed');
    // The random part is everything after `<kind>_<tenant>_` (base64url, '_' included: the third '_'-part
    // alone was once the single letter "e", which any export contains).
    const secretPart = token.split('_').slice(2).join('_');
    expect(secretPart).toHaveLength(43);
    expect(first.text).not.toContain(secretPart);
    // Only the hash of the link is kept.
    const stored = await app.asOwner(async (db) => (await db.query(`SELECT row_to_json(r)::text AS json FROM data_subject_request r WHERE id = $1`, [requestId])).rows[0].json as string);
    expect(stored).not.toContain(secretPart);
    expect(await downloadAudits(requestId)).toBe(1);

    expect((await download(token)).status).toBe(200);
    expect((await download(token)).status).toBe(200);
    const spent = await download(token);
    const unknown = await download(`dse_${tenant.id.replace(/-/g, '')}_${'A'.repeat(43)}`);
    const garbage = await download('not-a-token');
    const missing = await app.http().get('/data-subject-export');
    for (const refused of [spent, unknown, garbage, missing]) {
      expect(refused.status).toBe(404);
      expect(refused.body).toEqual(spent.body);
    }
    expect(await downloadAudits(requestId)).toBe(3);
  });

  it('an export link expires after 7 days, answering 404 as an unknown one', async () => {
    app.clock.set(new Date('2031-04-01T09:00:00Z'));
    const email = `expiring-${Date.now()}@example.test`;
    const requestId = await askPublicly(email, 'PORTABILITY', 'fr');
    expectData(await officerCall(`mutation($id: ID!) { exportForDataSubjectRequest(requestId: $id) { id } }`, { id: requestId }));
    const [answer] = await queuedEmails(app, { recipient: email, template: 'privacy.request-answered' });
    expect(answer!.subject).toMatch(/demande/i);
    const token = linkTokenOf(answer!.body)!;
    app.clock.set(new Date('2031-04-08T09:00:01Z'));
    const late = await download(token);
    expect(late.status).toBe(404);
    expect(await downloadAudits(requestId)).toBe(0);
    app.clock.set(new Date('2031-04-08T08:59:00Z'));
    const inTime = await download(token);
    expect(inTime.status).toBe(200);
    expect((JSON.parse(inTime.text) as { portability: boolean }).portability).toBe(true);
  });

  it('closed by hand: the officer’s words reach the person; refused: the reason; the portal reads the kind of answer', async () => {
    const rectification = await askAsMember('RECTIFICATION');
    const closed = expectData(
      await officerCall<{ closeDataSubjectRequest: AnswerView }>(`mutation($input: CloseDataSubjectRequestInput!) { closeDataSubjectRequest(input: $input) { ${ANSWER_FIELDS} } }`, {
        input: { requestId: rectification, outcome: 'Corrected your phone number.' },
      }),
    ).closeDataSubjectRequest;
    expect(closed).toMatchObject({ status: 'COMPLETED', answerKind: 'STATEMENT', outcome: 'Corrected your phone number.' });
    const [answered] = await queuedEmails(app, { recipient: member.email, template: 'privacy.request-answered' });
    expect(answered!.body).toContain('Corrected your phone number.');
    expect(answered!.body).not.toContain('#token=');

    const objection = await askAsMember('OBJECTION');
    expectData(
      await officerCall(`mutation($input: CloseDataSubjectRequestInput!) { closeDataSubjectRequest(input: $input) { id } }`, {
        input: { requestId: objection, outcome: 'Your data is needed to keep the certificates you signed.', refused: true },
      }),
    );
    const [refused] = await queuedEmails(app, { recipient: member.email, template: 'privacy.request-refused' });
    expect(refused!.body).toContain('Your data is needed to keep the certificates you signed.');

    const access = await askAsMember('ACCESS');
    expectData(await officerCall(`mutation($id: ID!) { exportForDataSubjectRequest(requestId: $id) { id } }`, { id: access }));
    const mine = expectData(await app.graphql<{ myDataSubjectRequests: AnswerView[] }>(`{ myDataSubjectRequests { ${ANSWER_FIELDS} } }`, {}, { token: await tokenOf(member) })).myDataSubjectRequests;
    expect(mine.find((r) => r.id === access)).toMatchObject({ status: 'COMPLETED', answerKind: 'EXPORT' });
    expect(mine.find((r) => r.id === objection)).toMatchObject({ status: 'REFUSED', answerKind: 'STATEMENT' });
    expect(await queuedEmails(app, { recipient: member.email, template: 'privacy.request-answered' })).toHaveLength(2);
  });

  it('a public request finds the person’s account whatever its state: a disabled account is erased and exported, a pending one restricted (attack report D1)', async () => {
    app.clock.set(new Date('2031-05-05T09:00:00Z'));
    const company = await factory.organisation(tenant);
    // Someone who left the company: logged in once (a session with their address and browser), then disabled.
    const leaver = await factory.user({ tenant, organisation: company, roles: [Role.ORG_MEMBER] });
    await factory.login(leaver);
    await app.asOwner((db) => db.query(`UPDATE user_account SET status = 'DISABLED', disabled_at = now() WHERE id = $1`, [leaver.id]));
    const pending = await factory.user({ tenant, organisation: company, roles: [Role.ORG_MEMBER], status: 'PENDING_CONFIRMATION' });
    const subjectOf = (id: string) =>
      app.asOwner(async (db) => (await db.query(`SELECT subject_user_id, status FROM data_subject_request WHERE id = $1`, [id])).rows[0] as { subject_user_id: string | null; status: string });

    const access = await askPublicly(leaver.email, 'ACCESS', 'en');
    expect((await subjectOf(access)).subject_user_id).toBe(leaver.id);
    const exported = expectData(await officerCall<{ exportForDataSubjectRequest: { document: string } }>(`mutation($id: ID!) { exportForDataSubjectRequest(requestId: $id) { document } }`, { id: access }))
      .exportForDataSubjectRequest;
    const entities = (JSON.parse(exported.document) as { records: Array<{ entity: string }> }).records.map((r) => r.entity);
    expect(entities).toEqual(expect.arrayContaining(['User', 'UserRole', 'Session']));

    const erasure = await askPublicly(leaver.email, 'ERASURE', 'fr');
    expect((await subjectOf(erasure)).subject_user_id).toBe(leaver.id);
    expectData(await officerCall(`mutation($id: ID!) { eraseForDataSubjectRequest(requestId: $id) { id } }`, { id: erasure }));
    const left = await app.asOwner(async (db) => ({
      account: (await db.query(`SELECT email, first_name, password_hash FROM user_account WHERE id = $1`, [leaver.id])).rows[0],
      sessions: (await db.query(`SELECT count(*)::int AS n FROM auth_session WHERE user_id = $1`, [leaver.id])).rows[0].n as number,
    }));
    expect(left.account).toEqual({ email: `erased-${leaver.id}@erased.invalid`, first_name: '', password_hash: null });
    expect(left.sessions).toBe(0);
    // What remains of the address: the erasure's answer, and only because the erasure was done.
    const told = await queuedEmails(app, { recipient: leaver.email, template: 'privacy.request-answered' });
    expect(told).toHaveLength(1);
    // In the person's language (French), what was kept, in what form, for which duty and how long (SPEC §5; review-2 F9).
    expect(told[0]!.body).toMatch(/ont été effacées/);
    expect(told[0]!.body).toContain('- L’identifiant de votre compte, sans votre nom, vos coordonnées ni votre mot de passe');
    expect(told[0]!.body).toContain('- Le registre des consultations de vos données personnelles (1 entrée), avec des identifiants seulement : responsabilité au sens du RGPD (art. 5, § 2), conservé 12 mois après chaque consultation.');
    expect(told[0]!.body).toMatch(/Vos demandes relatives à vos données \(2\), .* conservées 3 ans après la réponse\./);
    expect(told[0]!.body).not.toMatch(/[A-Z]{4,}_[A-Z]+|kept|evidence/);

    const restriction = await askPublicly(pending.email, 'RESTRICTION', 'en');
    expect((await subjectOf(restriction)).subject_user_id).toBe(pending.id);
    expectData(await officerCall(`mutation($id: ID!) { restrictForDataSubjectRequest(requestId: $id) { id } }`, { id: restriction }));
    expect((await subjectOf(restriction)).status).toBe('COMPLETED');
  });

  it('answers sent at the same moment answer once: one e-mail, one link, the others CONFLICT REQUEST_CLOSED (attack report D2)', async () => {
    app.clock.set(new Date('2031-06-02T09:00:00Z'));
    const company = await factory.organisation(tenant);
    const asker = await factory.user({ tenant, organisation: company, roles: [Role.ORG_MEMBER] });
    const askerToken = await tokenOf(asker);
    const officerToken = await tokenOf(officer);
    const ask = async (type: string) =>
      expectData(await app.graphql<{ requestMyDataSubjectRight: { id: string } }>(`mutation($input: MyDataSubjectRequestInput!) { requestMyDataSubjectRight(input: $input) { id } }`, { input: { type } }, { token: askerToken }))
        .requestMyDataSubjectRight.id;
    type Answer = { errors?: Array<{ extensions?: Record<string, unknown> }> };
    // The calls all arrive while another transaction holds the request's row, and go on together once it ends.
    const together = (requestId: string, n: number, call: (i: number) => Promise<Answer>) =>
      app.asOwner(async (db) => {
        await db.query('BEGIN');
        await db.query(`SELECT 1 FROM data_subject_request WHERE id = $1 FOR UPDATE`, [requestId]);
        const calls = Array.from({ length: n }, (_, i) => call(i));
        await new Promise((resolve) => setTimeout(resolve, 500));
        await db.query('COMMIT');
        return Promise.all(calls);
      });
    const answersTo = async (template: string) => (await queuedEmails(app, { recipient: asker.email, template })).length;

    // An access export, 10 at once: one answer, one link, and that link works.
    const access = await ask('ACCESS');
    const exports = await together(access, 10, () => app.graphql(`mutation($id: ID!) { exportForDataSubjectRequest(requestId: $id) { id } }`, { id: access }, { token: officerToken }));
    expect(exports.filter((r) => !r.errors).length).toBe(1);
    expect(exports.filter((r) => r.errors).map((r) => r.errors![0]!.extensions)).toEqual(Array(9).fill(expect.objectContaining({ code: 'CONFLICT', reason: 'REQUEST_CLOSED' })));
    const links = await queuedEmails(app, { recipient: asker.email, template: 'privacy.request-answered' });
    expect(links).toHaveLength(1);
    expect((await download(linkTokenOf(links[0]!.body)!)).status).toBe(200);

    // An objection closed and refused at once: one answer, and it says what the record says.
    const objection = await ask('OBJECTION');
    const closings = await together(objection, 10, (i) =>
      app.graphql(`mutation($input: CloseDataSubjectRequestInput!) { closeDataSubjectRequest(input: $input) { id } }`, {
        input: { requestId: objection, outcome: i % 2 ? 'Refused: the contact is needed for the certificates.' : 'Upheld: you are no longer published.', refused: i % 2 === 1 },
      }, { token: officerToken }));
    expect(closings.filter((r) => !r.errors).length).toBe(1);
    expect(closings.filter((r) => r.errors).every((r) => r.errors![0]!.extensions?.reason === 'REQUEST_CLOSED')).toBe(true);
    const stored = await app.asOwner(async (db) => (await db.query(`SELECT status FROM data_subject_request WHERE id = $1`, [objection])).rows[0].status as string);
    expect({ answered: await answersTo('privacy.request-answered'), refused: await answersTo('privacy.request-refused') }).toEqual(
      stored === 'REFUSED' ? { answered: 1, refused: 1 } : { answered: 2, refused: 0 },
    );

    // An erasure, 10 at once: erased once, told once (running it again changes nothing, as documented).
    const erasure = await ask('ERASURE');
    const erasures = await together(erasure, 10, () => app.graphql(`mutation($id: ID!) { eraseForDataSubjectRequest(requestId: $id) { holders { holder } } }`, { id: erasure }, { token: officerToken }));
    expect(erasures.filter((r) => r.errors)).toEqual([]);
    const erasedAnswers = await app.asOwner(async (db) =>
      (await db.query(`SELECT count(*)::int AS n FROM outbox_message WHERE template = 'privacy.request-answered' AND recipient = $1`, [asker.email])).rows[0].n as number);
    expect(erasedAnswers).toBe(1);
  });

  it('an erasure request under a legal hold is refused with the reason (Art. 17(3)): the person is told why and of their right to complain; erasing it later is CONFLICT (attack report D3)', async () => {
    app.clock.set(new Date('2031-07-01T09:00:00Z'));
    const company = await factory.organisation(tenant);
    const disputed = await factory.user({ tenant, organisation: company, roles: [Role.ORG_MEMBER] });
    const erasure = expectData(await app.graphql<{ requestMyDataSubjectRight: { id: string } }>(
      `mutation($input: MyDataSubjectRequestInput!) { requestMyDataSubjectRight(input: $input) { id } }`, { input: { type: 'ERASURE' } }, { token: await tokenOf(disputed) },
    )).requestMyDataSubjectRight.id;
    expectData(await officerCall(`mutation($input: PlaceLegalHoldInput!) { placeLegalHold(input: $input) }`, { input: { record: `User:${disputed.id}`, reason: 'Pending dispute about a certificate' } }));
    const held = await officerCall(`mutation($id: ID!) { eraseForDataSubjectRequest(requestId: $id) { id } }`, { id: erasure });
    expect(held.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'LEGAL_HOLD_IN_FORCE' });

    // Closed as if done, without erasing: refused (only the erasure itself completes an erasure request).
    const close = (outcome: string, refused: boolean) =>
      officerCall<{ closeDataSubjectRequest: AnswerView }>(`mutation($input: CloseDataSubjectRequestInput!) { closeDataSubjectRequest(input: $input) { ${ANSWER_FIELDS} } }`, { input: { requestId: erasure, outcome, refused } });
    expect((await close('Done.', false)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'WRONG_REQUEST_TYPE' });
    const reason = 'Your data is needed to defend a legal claim about a certificate (GDPR Art. 17(3)(e)); we will erase it once the dispute ends.';
    expect(expectData(await close(reason, true)).closeDataSubjectRequest).toMatchObject({ status: 'REFUSED', answerKind: 'STATEMENT', outcome: reason });
    const [refusal, ...more] = await queuedEmails(app, { recipient: disputed.email, template: 'privacy.request-refused' });
    expect(more).toHaveLength(0);
    expect(refusal!.body).toContain(reason);
    expect(refusal!.body).toMatch(/complaint/);
    expect(await queuedEmails(app, { recipient: disputed.email, template: 'privacy.request-answered' })).toHaveLength(0);

    // Refused is answered: neither erased afterwards nor answered again; the account is as it was.
    expect((await officerCall(`mutation($id: ID!) { eraseForDataSubjectRequest(requestId: $id) { id } }`, { id: erasure })).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'REQUEST_CLOSED' });
    expect((await close(reason, true)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'REQUEST_CLOSED' });
    const account = await app.asOwner(async (db) => (await db.query(`SELECT email, status FROM user_account WHERE id = $1`, [disputed.id])).rows[0]);
    expect(account).toEqual({ email: disputed.email, status: 'ACTIVE' });
  });

  it('restriction and erasure answers are told too, in the person’s language', async () => {
    const restriction = await askAsMember('RESTRICTION');
    expectData(await officerCall(`mutation($id: ID!) { restrictForDataSubjectRequest(requestId: $id) { id } }`, { id: restriction }));
    const told = await queuedEmails(app, { recipient: member.email, template: 'privacy.request-answered' });
    expect(told.at(-1)!.body).toMatch(/restrict/i);

    const email = `erased-${Date.now()}@example.test`;
    const erasure = await askPublicly(email, 'ERASURE', 'de');
    const first = await officerCall<{ eraseForDataSubjectRequest: { id: string } }>(`mutation($id: ID!) { eraseForDataSubjectRequest(requestId: $id) { id } }`, { id: erasure });
    expectData(first);
    expectData(await officerCall(`mutation($id: ID!) { eraseForDataSubjectRequest(requestId: $id) { id } }`, { id: erasure }));
    const erased = await queuedEmails(app, { recipient: email, template: 'privacy.request-answered' });
    expect(erased).toHaveLength(1);
    expect(erased[0]!.subject).toMatch(/anfrage/i);
    expect(erased[0]!.body).toMatch(/gelöscht/);
  });
});
