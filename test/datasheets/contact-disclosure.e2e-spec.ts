import { Role } from '@chancery/access';
import { CONTACT_DISCLOSURE_NOTICE, CONTACT_REPLACEMENT_DEADLINE_JOB } from '@chancery/datasheets';
import { CertificateHolder, CertificationBody, DatasheetsFactory, expectData, reportFigure, TestUser, useTestApp, useTestWorker } from '@chancery/testing';
import { JobQueue } from '../../apps/worker/src/jobs/job-queue';

/**
 * The contact-disclosure rule (COPRO §5b, SPEC §3, VERIFY T14). Taking ORG_ADMIN or ORG_MEMBER in a
 * certification body's space requires acknowledging the notice; after `objectToContactDisclosure`
 * the person's name, e-mail and phone appear in no public answer, feed event or cached answer; their
 * role stops at their next request; the datasheets show the company's general contact, flagged; the
 * remaining administrators are told; the deadline job unpublishes what got no new contact.
 */
const PUBLIC_FIELDS = 'id versionNumber publicCode productName holderName contactKind contactName contactEmail contactPhone contactPosition contactReplacementRequired';
const codeOf = (r: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => r.errors?.[0]?.extensions?.code;
const reasonOf = (r: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => r.errors?.[0]?.extensions?.reason;
const DAY = 24 * 3600_000;

jest.setTimeout(120_000);

async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms; last read: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('contact disclosure: acknowledgement when taking an organisation role', () => {
  const started = useTestApp();
  let sheets: DatasheetsFactory;
  let body: CertificationBody;
  let holder: CertificateHolder;
  const ACCEPT = 'mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) }';

  beforeAll(async () => {
    sheets = new DatasheetsFactory(started.app, started.factory);
    body = await sheets.certificationBody();
    holder = await sheets.holder(body);
  });

  it('an invitation to a certificate holder is accepted only with the current notice acknowledged, which is recorded with its text and time', async () => {
    const { app, factory } = started;
    const invitation = await factory.invitation({ tenant: body.tenant, organisation: holder.organisation, invitedBy: holder.admin, roles: [Role.ORG_MEMBER] });
    const input = { token: invitation.token, firstName: 'Ines', lastName: 'Invited', password: 'a long enough passphrase 42' };
    const refused = await app.graphql(ACCEPT, { i: input });
    expect({ code: codeOf(refused), reason: reasonOf(refused), field: refused.errors?.[0]?.extensions?.fields?.[0]?.field }).toEqual({
      code: 'BAD_USER_INPUT', reason: 'DISCLOSURE_NOTICE_NOT_ACKNOWLEDGED', field: 'input.acknowledgedContactDisclosureNotice',
    });
    // Nothing half-written: no account, and the invitation still works.
    expect((await app.asOwner((db) => db.query('SELECT 1 FROM user_account WHERE email = $1', [invitation.email]))).rowCount).toBe(0);
    const outdated = await app.graphql(ACCEPT, { i: { ...input, acknowledgedContactDisclosureNotice: '2019-01' } });
    expect(reasonOf(outdated)).toBe('DISCLOSURE_NOTICE_NOT_ACKNOWLEDGED');
    const before = new Date(app.clock.now().getTime());
    expectData(await app.graphql(ACCEPT, { i: { ...input, acknowledgedContactDisclosureNotice: CONTACT_DISCLOSURE_NOTICE.version } }));
    const { rows } = await app.asOwner((db) =>
      db.query(`SELECT a.notice_version, a.notice_text, a.acknowledged_at, a.objected_at FROM contact_disclosure_acknowledgement a JOIN user_account u ON u.id = a.user_id WHERE u.email = $1`, [invitation.email]),
    );
    expect(rows).toEqual([{ notice_version: CONTACT_DISCLOSURE_NOTICE.version, notice_text: CONTACT_DISCLOSURE_NOTICE.text.en, acknowledged_at: before, objected_at: null }]);
  });

  it('a chamber of commerce asks no acknowledgement; a role granted by an administrator needs the person’s own', async () => {
    const { app, factory } = started;
    const chamber = await factory.tenant();
    const company = await factory.organisation(chamber);
    const admin = await factory.user({ tenant: chamber, organisation: company, roles: [Role.ORG_ADMIN] });
    const invitation = await factory.invitation({ tenant: chamber, organisation: company, invitedBy: admin, roles: [Role.ORG_MEMBER] });
    expectData(await app.graphql(ACCEPT, { i: { token: invitation.token, firstName: 'C', lastName: 'Chamber', password: 'a long enough passphrase 42' } }));

    const { user: member, token: memberToken } = await sheets.orgUser(body, holder.organisation, Role.ORG_MEMBER, false);
    const grant = 'mutation($i: ChangeUserRolesInput!) { changeUserRoles(input: $i) { roles } }';
    const refused = await app.graphql(grant, { i: { userId: member.id, grant: [Role.ORG_ADMIN] } }, { token: holder.adminToken });
    expect({ reason: reasonOf(refused), field: refused.errors?.[0]?.extensions?.fields?.[0]?.field }).toEqual({ reason: 'DISCLOSURE_NOTICE_NOT_ACKNOWLEDGED', field: 'input.grant' });
    // Completing a datasheet without the acknowledgement is refused as well.
    const product = await sheets.product(body, holder);
    const draft = await app.graphql('mutation($input: CreateDatasheetInput!) { createDatasheet(input: $input) { id } }', { input: { certifiedProductId: product.id, characteristics: '{}', texts: [] } }, { token: memberToken });
    expect(reasonOf(draft)).toBe('DISCLOSURE_NOTICE_NOT_ACKNOWLEDGED');
    await sheets.acknowledge(memberToken);
    expect(expectData(await app.graphql<{ changeUserRoles: { roles: string[] } }>(grant, { i: { userId: member.id, grant: [Role.ORG_ADMIN] } }, { token: holder.adminToken })).changeUserRoles.roles).toEqual([Role.ORG_ADMIN, Role.ORG_MEMBER]);
  });
});

describe('contact disclosure: an objection by someone without an organisation role', () => {
  const started = useTestApp();

  it('withdraws nothing, changes no datasheet, and answers (no 5xx)', async () => {
    const sheets = new DatasheetsFactory(started.app, started.factory);
    const body = await sheets.certificationBody();
    const answer = await started.app.graphql('mutation { objectToContactDisclosure { withdrawnRoles datasheetsAffected replacementDeadline } }', {}, { token: body.clerkToken });
    expect(answer.data).toEqual({ objectToContactDisclosure: { withdrawnRoles: [], datasheetsAffected: 0, replacementDeadline: null } });
  });
});

describe('contact disclosure: objection', () => {
  const started = useTestApp();
  const running = useTestWorker({ sharesDatabaseWith: () => started.app });
  let sheets: DatasheetsFactory;
  let body: CertificationBody;
  let holder: CertificateHolder;
  let objector: { user: TestUser; token: string };
  let objectorDetails: string[];
  let datasheets: Array<{ datasheetId: string; versionId: string; publicCode: string }>;
  let feedKey: string;

  beforeAll(async () => {
    const { app, factory } = started;
    sheets = new DatasheetsFactory(app, factory);
    body = await sheets.certificationBody();
    holder = await sheets.holder(body, 'Prefab Oost BV');
    objector = await sheets.orgUser(body, holder.organisation, Role.ORG_ADMIN);
    // Distinctive details, so any appearance anywhere is found.
    await app.asOwner((db) => db.query(`UPDATE user_account SET first_name = 'Oona', last_name = 'Objectova', phone = '+32479123456', job_title = 'Quality manager' WHERE id = $1`, [objector.user.id]));
    objectorDetails = ['Oona', 'Objectova', objector.user.email, '+32479123456'];
    datasheets = [];
    for (const name of ['Kerb A', 'Kerb B', 'Kerb C']) {
      datasheets.push(await sheets.published(body, { ...holder, adminToken: objector.token, admin: objector.user }, { name: `${name} ${Date.now()}` }));
    }
    feedKey = (await factory.apiKey({ tenant: body.tenant, createdBy: body.admin })).secret;
  });

  /** Every public output of the tenant's datasheets: GraphQL, plain GET, the feed replayed from 0, and the cache revalidations. */
  async function publicOutputs(etags: Map<string, string>): Promise<{ texts: string[]; answers: number; feedEvents: number; cacheEntries: number; newEtags: Map<string, string> }> {
    const { app } = started;
    const texts: string[] = [];
    let answers = 0;
    for (const sheet of datasheets) {
      texts.push((await app.graphql(`query($id: ID) { publishedDatasheet(id: $id) { ${PUBLIC_FIELDS} } }`, { id: sheet.datasheetId })).text);
      texts.push((await app.graphql(`query($c: String) { publishedDatasheet(code: $c) { ${PUBLIC_FIELDS} } }`, { c: sheet.publicCode })).text);
      answers += 2;
    }
    for (const [filter, value] of [['tenant', body.tenant.slug], ['holderName', 'Prefab Oost'], ['productName', 'Kerb']]) {
      texts.push((await app.graphql(`query($v: String) { searchPublishedDatasheets(${filter}: $v) { items { ${PUBLIC_FIELDS} } nextCursor } }`, { v: value })).text);
      texts.push((await app.http().get(`/public/datasheets?${filter}=${encodeURIComponent(value)}`)).text);
      answers += 2;
    }
    const newEtags = new Map<string, string>();
    let cacheEntries = 0;
    for (const path of [...datasheets.map((d) => `/public/datasheets/${d.publicCode}`), `/public/datasheets?tenant=${body.tenant.slug}`]) {
      const fresh = await app.http().get(path);
      texts.push(fresh.text);
      answers += 1;
      if (fresh.headers.etag) newEtags.set(path, fresh.headers.etag as string);
      const cached = etags.get(path);
      if (cached) {
        // A cache holding the earlier answer revalidates: it must get the new answer, never a 304 that keeps the old one.
        const revalidated = await app.http().get(path).set('if-none-match', cached);
        texts.push(`${revalidated.status} ${revalidated.text}`);
        if (revalidated.status === 304) texts.push(`304 kept the cached copy of ${path}`);
        cacheEntries += 1;
      }
    }
    let feedEvents = 0;
    let after = '0';
    for (;;) {
      const response = await app.graphql<{ datasheetFeed: { events: unknown[]; nextCursor: string } }>(
        `query($a: String) { datasheetFeed(after: $a) { events { seq kind datasheetId datasheet { ${PUBLIC_FIELDS} } } nextCursor } }`, { a: after }, { headers: { 'x-api-key': feedKey } },
      );
      const page = expectData(response).datasheetFeed;
      texts.push(response.text);
      feedEvents += page.events.length;
      if (page.nextCursor === after) break;
      after = page.nextCursor;
    }
    return { texts, answers, feedEvents, cacheEntries, newEtags };
  }

  const appearances = (texts: string[]) => texts.reduce((n, text) => n + objectorDetails.filter((detail) => text.includes(detail)).length, 0);

  it('after the objection: 0 appearances in public answers, feed events and cache entries; the role stops at the next request; the datasheets are flagged; the admins are told; the deadline job unpublishes', async () => {
    const { app } = started;
    const before = await publicOutputs(new Map());
    // The detector finds the details before the objection (so 0 afterwards means something).
    expect(appearances(before.texts)).toBeGreaterThan(10);
    expect(expectData(await app.graphql<{ datasheets: unknown[] }>('{ datasheets { id } }', {}, { token: objector.token })).datasheets).toHaveLength(3);

    const objection = expectData(
      await app.graphql<{ objectToContactDisclosure: Record<string, unknown> }>('mutation { objectToContactDisclosure { withdrawnRoles datasheetsAffected replacementDeadline } }', {}, { token: objector.token }),
    ).objectToContactDisclosure;
    expect(objection).toEqual({ withdrawnRoles: [Role.ORG_ADMIN], datasheetsAffected: 3, replacementDeadline: new Date(app.clock.now().getTime() + 30 * DAY).toISOString() });

    // Their role no longer works on their next request (same token).
    const next = await app.graphql('{ datasheets { id } }', {}, { token: objector.token });
    expect(codeOf(next)).toBe('FORBIDDEN');
    expect(codeOf(await app.graphql('mutation($d: ID!) { startDatasheetVersion(datasheetId: $d) { id } }', { d: datasheets[0]!.datasheetId }, { token: objector.token }))).toBe('FORBIDDEN');

    const after = await publicOutputs(before.newEtags);
    const total = after.answers + after.feedEvents + after.cacheEntries;
    const found = appearances(after.texts);
    reportFigure(`disclosure objection: ${found} appearances in ${total} public answers, feed events and cache entries`);
    expect(found).toBe(0);
    expect(after.feedEvents).toBeGreaterThan(datasheets.length);
    expect(after.cacheEntries).toBe(datasheets.length + 1);

    // The datasheets show the company's general contact, flagged CONTACT_REPLACEMENT_REQUIRED.
    const shown = expectData(await app.graphql<{ publishedDatasheet: Record<string, unknown> }>(`query($id: ID) { publishedDatasheet(id: $id) { ${PUBLIC_FIELDS} } }`, { id: datasheets[0]!.datasheetId })).publishedDatasheet;
    const company = (await app.asOwner((db) => db.query('SELECT name, email, phone FROM organisation WHERE id = $1', [holder.organisation.id]))).rows[0];
    expect(shown).toMatchObject({ contactKind: 'COMPANY', contactName: company.name, contactEmail: company.email, contactPhone: company.phone, contactPosition: null, contactReplacementRequired: true });
    const flagged = expectData(await app.graphql<{ datasheets: Array<{ contactUserId: string | null; contactReplacementRequired: boolean }> }>('{ datasheets { contactUserId contactReplacementRequired } }', {}, { token: body.clerkToken })).datasheets;
    expect(flagged).toEqual(datasheets.map(() => ({ contactUserId: null, contactReplacementRequired: true })));
    // The external system got an update per datasheet; the remaining administrator was told, without the objector's details.
    const changes = (await app.asOwner((db) => db.query(`SELECT kind, count(*)::int AS n FROM datasheet_change WHERE tenant_id = $1 GROUP BY kind ORDER BY kind`, [body.tenant.id]))).rows;
    expect(changes).toEqual([{ kind: 'CONTACT_CHANGED', n: 3 }, { kind: 'PUBLISHED', n: 3 }]);
    const mails = (await app.asOwner((db) => db.query(`SELECT recipient, body FROM outbox_message WHERE template = 'datasheets.contact-objection'`))).rows as Array<{ recipient: string; body: string }>;
    expect(mails.map((m) => m.recipient)).toEqual([holder.admin.email]);
    expect(appearances(mails.map((m) => m.body))).toBe(0);

    // The company names a new contact for one datasheet: a colleague who acknowledged the notice.
    const { user: colleague } = await sheets.orgUser(body, holder.organisation, Role.ORG_MEMBER);
    const notEligible = await app.graphql('mutation($d: ID!, $u: ID!) { nameDatasheetContact(datasheetId: $d, userId: $u) { id } }', { d: datasheets[0]!.datasheetId, u: objector.user.id }, { token: holder.adminToken });
    expect(reasonOf(notEligible)).toBe('CONTACT_NOT_ELIGIBLE');
    const { user: stranger } = await sheets.orgUser(body, (await sheets.holder(body)).organisation, Role.ORG_MEMBER);
    const otherCompany = await app.graphql('mutation($d: ID!, $u: ID!) { nameDatasheetContact(datasheetId: $d, userId: $u) { id } }', { d: datasheets[0]!.datasheetId, u: stranger.id }, { token: holder.adminToken });
    expect({ code: codeOf(otherCompany), reason: reasonOf(otherCompany) }).toEqual({ code: 'NOT_FOUND', reason: 'CONTACT_PERSON_NOT_FOUND' });
    const named = expectData(await app.graphql<{ nameDatasheetContact: Record<string, unknown> }>('mutation($d: ID!, $u: ID!) { nameDatasheetContact(datasheetId: $d, userId: $u) { contactUserId contactReplacementRequired contactReplacementDeadline } }', { d: datasheets[0]!.datasheetId, u: colleague.id }, { token: holder.adminToken })).nameDatasheetContact;
    expect(named).toEqual({ contactUserId: colleague.id, contactReplacementRequired: false, contactReplacementDeadline: null });
    expect(expectData(await app.graphql<{ publishedDatasheet: Record<string, unknown> }>(`query($id: ID) { publishedDatasheet(id: $id) { contactKind contactEmail contactReplacementRequired } }`, { id: datasheets[0]!.datasheetId })).publishedDatasheet).toEqual({
      contactKind: 'PERSON', contactEmail: colleague.email, contactReplacementRequired: false,
    });

    // Before the deadline the job changes nothing; after it, the two datasheets without a new contact are unpublished.
    const queue = running.worker.get(JobQueue);
    app.clock.advance(29 * DAY);
    await queue.send(CONTACT_REPLACEMENT_DEADLINE_JOB);
    const published = async () => (await app.asOwner((db) => db.query(`SELECT datasheet_id FROM published_datasheet WHERE tenant_id = $1 ORDER BY datasheet_id`, [body.tenant.id]))).rows.length;
    const runs = async () => (await app.asOwner((db) => db.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state = 'completed'`, [CONTACT_REPLACEMENT_DEADLINE_JOB]))).rows[0].n as number;
    await eventually(runs, (n) => n >= 1);
    expect(await published()).toBe(3);
    app.clock.advance(2 * DAY);
    await queue.send(CONTACT_REPLACEMENT_DEADLINE_JOB);
    await eventually(published, (n) => n === 1);
    const clerkToken = (await started.factory.login(body.clerk)).accessToken; // a month later: a new login
    for (const sheet of datasheets.slice(1)) {
      expect(codeOf(await app.graphql('query($id: ID) { publishedDatasheet(id: $id) { id } }', { id: sheet.datasheetId }))).toBe('NOT_FOUND');
      const states = expectData(await app.graphql<{ datasheetVersions: Array<{ state: string }> }>('query($d: ID!) { datasheetVersions(datasheetId: $d) { state } }', { d: sheet.datasheetId }, { token: clerkToken })).datasheetVersions;
      expect(states).toEqual([{ state: 'UNPUBLISHED' }]);
    }
    // Their withdrawal notices are public too: what the datasheet was and why it went, never its contact.
    const notices: string[] = [];
    for (const sheet of datasheets.slice(1)) {
      notices.push((await app.graphql(`query($c: String) { withdrawnDatasheet(code: $c) { id publicCode productName holderName withdrawnAt reason } }`, { c: sheet.publicCode })).text);
      notices.push((await app.http().get(`/public/datasheets/${sheet.publicCode}/withdrawal`)).text);
    }
    expect(notices.map((text) => JSON.parse(text).data?.withdrawnDatasheet?.reason ?? JSON.parse(text).reason)).toEqual(Array(4).fill('DATASHEET_WITHDRAWN'));
    expect(appearances(notices)).toBe(0);
    // And their history stays readable (SPEC §3): the version withdrawn, as published, without the objector.
    const histories: string[] = [];
    for (const sheet of datasheets.slice(1)) {
      histories.push((await app.graphql(`query($c: String) { publishedDatasheetHistory(code: $c) { versionNumber holderName productName characteristics texts { title description } withdrawnAt withdrawalReason } }`, { c: sheet.publicCode })).text);
      histories.push((await app.http().get(`/public/datasheets/${sheet.publicCode}/versions`)).text);
    }
    expect(histories.map((text) => (JSON.parse(text).data?.publishedDatasheetHistory ?? JSON.parse(text)).map((v: { withdrawalReason: string }) => v.withdrawalReason))).toEqual(Array(4).fill(['DATASHEET_WITHDRAWN']));
    expect(appearances(histories)).toBe(0);
    expect((await app.graphql<{ publishedDatasheet: { id: string } }>('query($id: ID) { publishedDatasheet(id: $id) { id } }', { id: datasheets[0]!.datasheetId })).data).toEqual({ publishedDatasheet: { id: datasheets[0]!.datasheetId } });
  });
});

describe('contact disclosure: a contact who can no longer answer for the datasheet', () => {
  const started = useTestApp();
  let sheets: DatasheetsFactory;
  let body: CertificationBody;
  let holder: CertificateHolder;

  beforeAll(async () => {
    sheets = new DatasheetsFactory(started.app, started.factory);
    body = await sheets.certificationBody();
    holder = await sheets.holder(body, 'Beton West NV');
  });

  /** A colleague with distinctive details who publishes a datasheet, so they are its public contact. */
  async function contactOfADatasheet(role: Role, name: string): Promise<{ user: TestUser; token: string; datasheetId: string; details: string[] }> {
    const person = await sheets.orgUser(body, holder.organisation, role);
    await started.app.asOwner((db) => db.query(`UPDATE user_account SET first_name = $2, last_name = 'Leaving', phone = $3 WHERE id = $1`, [person.user.id, name, `+3247${Math.floor(Math.random() * 1e7)}`]));
    const phone = (await started.app.asOwner((db) => db.query('SELECT phone FROM user_account WHERE id = $1', [person.user.id]))).rows[0].phone as string;
    const sheet = await sheets.published(body, { ...holder, adminToken: person.token, admin: person.user }, { name: `Paver ${Math.random().toString(36).slice(2, 8)}` });
    return { ...person, datasheetId: sheet.datasheetId, details: [name, person.user.email, phone] };
  }

  async function publicContact(datasheetId: string): Promise<{ text: string; contactKind: string; contactReplacementRequired: boolean }> {
    const response = await started.app.graphql<{ publishedDatasheet: { contactKind: string; contactReplacementRequired: boolean } }>(`query($id: ID) { publishedDatasheet(id: $id) { ${PUBLIC_FIELDS} } }`, { id: datasheetId });
    return { text: response.text, ...expectData(response).publishedDatasheet };
  }

  it('a disabled account, a withdrawn organisation role and an erasure take the person off the public datasheet, as an objection does', async () => {
    const { app, factory } = started;
    const disabled = await contactOfADatasheet(Role.ORG_MEMBER, 'Dirk');
    const demoted = await contactOfADatasheet(Role.ORG_MEMBER, 'Rita');
    const erased = await contactOfADatasheet(Role.ORG_MEMBER, 'Erik');
    const stays = await contactOfADatasheet(Role.ORG_ADMIN, 'Stan');
    for (const person of [disabled, demoted, erased, stays]) {
      const shown = await publicContact(person.datasheetId);
      expect(shown.contactKind).toBe('PERSON');
      expect(person.details.every((detail) => shown.text.includes(detail))).toBe(true);
    }

    expectData(await app.graphql('mutation($u: ID!) { disableUser(userId: $u) { id } }', { u: disabled.user.id }, { token: holder.adminToken }));
    expectData(await app.graphql('mutation($input: ChangeUserRolesInput!) { changeUserRoles(input: $input) { id } }', { input: { userId: demoted.user.id, grant: [], withdraw: [Role.ORG_MEMBER] } }, { token: holder.adminToken }));
    // Giving up one organisation role while keeping another leaves the person eligible: nothing changes.
    expectData(await app.graphql('mutation($input: ChangeUserRolesInput!) { changeUserRoles(input: $input) { id } }', { input: { userId: stays.user.id, grant: [Role.ORG_MEMBER], withdraw: [Role.ORG_ADMIN] } }, { token: holder.adminToken }));
    const officer = await factory.user({ tenant: body.tenant, roles: [Role.PRIVACY_OFFICER] });
    const request = expectData(await app.graphql<{ requestMyDataSubjectRight: { id: string } }>('mutation($input: MyDataSubjectRequestInput!) { requestMyDataSubjectRight(input: $input) { id } }', { input: { type: 'ERASURE' } }, { token: erased.token })).requestMyDataSubjectRight;
    const erasure = expectData(await app.graphql<{ eraseForDataSubjectRequest: { holders: Array<{ holder: string; deidentified: number; keptAsReference: number; reason: string | null }> } }>(
      'mutation($id: ID!) { eraseForDataSubjectRequest(requestId: $id) { holders { holder deidentified keptAsReference reason } } }', { id: request.id }, { token: (await factory.login(officer)).accessToken },
    )).eraseForDataSubjectRequest.holders;
    expect(erasure.find((h) => h.holder === 'datasheets.contacts')).toMatchObject({ deidentified: 1, keptAsReference: 1, reason: expect.stringContaining('identifier') });

    for (const person of [disabled, demoted, erased]) {
      const shown = await publicContact(person.datasheetId);
      expect({ kind: shown.contactKind, flagged: shown.contactReplacementRequired, details: person.details.filter((detail) => shown.text.includes(detail)) }).toEqual({ kind: 'COMPANY', flagged: true, details: [] });
    }
    expect((await publicContact(stays.datasheetId)).contactKind).toBe('PERSON');
    // The external system is told of each change, and the company's administrator is asked to name new contacts.
    const changes = (await app.asOwner((db) => db.query(`SELECT datasheet_id FROM datasheet_change WHERE tenant_id = $1 AND kind = 'CONTACT_CHANGED' ORDER BY seq`, [body.tenant.id]))).rows.map((r) => r.datasheet_id);
    expect(changes).toEqual([disabled.datasheetId, demoted.datasheetId, erased.datasheetId]);
    const told = (await app.asOwner((db) => db.query(`SELECT recipient FROM outbox_message WHERE template = 'datasheets.contact-objection' AND tenant_id = $1`, [body.tenant.id]))).rows.map((r) => r.recipient);
    // (Stan was still an administrator when the first two left, so he was told too.)
    expect(told.filter((to) => to === holder.admin.email)).toHaveLength(3);
    expect(told.filter((to) => to === stays.user.email)).toHaveLength(2);
    expect(told).toHaveLength(5);
  });
});

/**
 * Attack report D4: after an objection (role withdrawn), acknowledging the notice again rewrote the
 * acknowledgement as "never objected, role not ended": the record of the objection was gone and the
 * retention clock (DISCLOSURE_ACKNOWLEDGEMENT counts from role_ended_at) stopped, while the person held
 * no role. A person who objected may still want the role back: they acknowledge anew (a new record,
 * the objected one kept as it was), and the role ends no clock until it is actually granted again.
 */
describe('contact disclosure: acknowledging again after an objection', () => {
  const started = useTestApp();

  it('keeps the objected acknowledgement as it was, runs the retention clock while no role is held, and lets the role be granted again', async () => {
    const { app, factory } = started;
    const sheets = new DatasheetsFactory(app, factory);
    const body = await sheets.certificationBody();
    const holder = await sheets.holder(body);
    const person = await sheets.orgUser(body, holder.organisation, Role.ORG_MEMBER);
    const records = async () => (await app.asOwner((db) => db.query(
      `SELECT acknowledged_at, objected_at, role_ended_at FROM contact_disclosure_acknowledgement WHERE user_id = $1 ORDER BY acknowledged_at, objected_at NULLS LAST`, [person.user.id],
    ))).rows as Array<{ acknowledged_at: Date; objected_at: Date | null; role_ended_at: Date | null }>;
    const firstAcknowledged = (await records())[0]!.acknowledged_at;

    app.clock.advance(60_000);
    const objectedAt = new Date(app.clock.now().getTime());
    expect(expectData(await app.graphql<{ objectToContactDisclosure: { withdrawnRoles: string[] } }>('mutation { objectToContactDisclosure { withdrawnRoles } }', {}, { token: person.token })).objectToContactDisclosure.withdrawnRoles).toEqual([Role.ORG_MEMBER]);
    const objected = { acknowledged_at: firstAcknowledged, objected_at: objectedAt, role_ended_at: objectedAt };
    expect(await records()).toEqual([objected]);

    // The person acknowledges again while holding no role: the objection stays recorded, and so does the end of the role.
    app.clock.advance(60_000);
    const againAt = new Date(app.clock.now().getTime());
    const token = (await factory.login(person.user)).accessToken;
    expect(expectData(await app.graphql<{ me: { roles: string[] } }>('{ me { roles } }', {}, { token })).me.roles).toEqual([]);
    const again = expectData(await app.graphql<{ acknowledgeContactDisclosureNotice: Record<string, unknown> }>('mutation($v: String!) { acknowledgeContactDisclosureNotice(version: $v) { acknowledgedAt objectedAt } }', { v: CONTACT_DISCLOSURE_NOTICE.version }, { token })).acknowledgeContactDisclosureNotice;
    expect(again).toEqual({ acknowledgedAt: againAt.toISOString(), objectedAt: null });
    expect(await records()).toEqual([objected, { acknowledged_at: againAt, objected_at: null, role_ended_at: againAt }]);
    // Acknowledging once more changes neither record's objection nor clock.
    expectData(await app.graphql('mutation($v: String!) { acknowledgeContactDisclosureNotice(version: $v) { id } }', { v: CONTACT_DISCLOSURE_NOTICE.version }, { token }));
    expect((await records()).map((r) => [r.objected_at, r.role_ended_at])).toEqual([[objectedAt, objectedAt], [null, againAt]]);

    // The administrator grants the role again: the new acknowledgement is in force (no clock); the objected one stays history.
    app.clock.advance(60_000);
    const grant = 'mutation($i: ChangeUserRolesInput!) { changeUserRoles(input: $i) { roles } }';
    expect(expectData(await app.graphql<{ changeUserRoles: { roles: string[] } }>(grant, { i: { userId: person.user.id, grant: [Role.ORG_MEMBER] } }, { token: holder.adminToken })).changeUserRoles.roles).toEqual([Role.ORG_MEMBER]);
    expect((await records()).map((r) => [r.objected_at, r.role_ended_at])).toEqual([[objectedAt, objectedAt], [null, null]]);
    // The person can complete datasheets again, and be their contact.
    const relogged = (await factory.login(person.user)).accessToken;
    const product = await sheets.product(body, holder);
    expectData(await app.graphql('mutation($input: CreateDatasheetInput!) { createDatasheet(input: $input) { id } }', { input: { certifiedProductId: product.id, characteristics: '{}', texts: [] } }, { token: relogged }));

    // A second objection marks the record in force; the first one's date is not rewritten.
    app.clock.advance(60_000);
    const secondObjection = new Date(app.clock.now().getTime());
    expectData(await app.graphql('mutation { objectToContactDisclosure { withdrawnRoles } }', {}, { token: relogged }));
    expect((await records()).map((r) => [r.objected_at, r.role_ended_at])).toEqual([[objectedAt, objectedAt], [secondObjection, secondObjection]]);
  });
});

/**
 * Attack report D5: anyone logged in could acknowledge the notice, a chamber's staff and the
 * certification body's own staff included, and the records (personal data without a purpose) were
 * never pruned. Only a company's people in a certification body's space hold, or take, the roles
 * that publish them.
 */
describe('contact disclosure: who may acknowledge the notice', () => {
  const started = useTestApp();

  it('a chamber’s people are refused NOT_A_CERTIFICATION_BODY, the certification body’s staff FORBIDDEN; nothing is stored for them', async () => {
    const { app, factory } = started;
    const sheets = new DatasheetsFactory(app, factory);
    const body = await sheets.certificationBody();
    const chamber = await factory.tenant();
    const chamberCompany = await factory.organisation(chamber);
    const chamberClerk = await factory.user({ tenant: chamber, roles: [Role.CLERK] });
    const chamberAdmin = await factory.user({ tenant: chamber, organisation: chamberCompany, roles: [Role.ORG_ADMIN] });
    const acknowledge = async (user: TestUser) => {
      const response = await app.graphql('mutation($v: String!) { acknowledgeContactDisclosureNotice(version: $v) { id } }', { v: CONTACT_DISCLOSURE_NOTICE.version }, { token: (await factory.login(user)).accessToken });
      return { code: codeOf(response), reason: reasonOf(response) };
    };
    expect(await acknowledge(chamberClerk)).toEqual({ code: 'FORBIDDEN', reason: 'NOT_A_CERTIFICATION_BODY' });
    expect(await acknowledge(chamberAdmin)).toEqual({ code: 'FORBIDDEN', reason: 'NOT_A_CERTIFICATION_BODY' });
    expect(await acknowledge(body.clerk)).toEqual({ code: 'FORBIDDEN', reason: 'DISCLOSURE_NOTICE_NOT_FOR_STAFF' });
    expect(await acknowledge(body.admin)).toEqual({ code: 'FORBIDDEN', reason: 'DISCLOSURE_NOTICE_NOT_FOR_STAFF' });
    const stored = await app.asOwner((db) => db.query(`SELECT user_id FROM contact_disclosure_acknowledgement WHERE user_id = ANY($1::uuid[])`, [[chamberClerk.id, chamberAdmin.id, body.clerk.id, body.admin.id]]));
    expect(stored.rows).toEqual([]);
    // A company's person in the certification body's space acknowledges, as before.
    const holder = await sheets.holder(body);
    expect(await app.asOwner((db) => db.query(`SELECT count(*)::int AS n FROM contact_disclosure_acknowledgement WHERE user_id = $1`, [holder.admin.id]))).toMatchObject({ rows: [{ n: 1 }] });
  });
});

/** The deadline a company has to name a new contact is the body's own setting, read where it is changed. */
describe('contact disclosure: the body’s deadline for naming a new contact', () => {
  const started = useTestApp();
  const READ = 'query { datasheetSettings { contactReplacementDays } }';

  it('reads the default until the body sets one, then its own; no other body’s, no chamber’s, no clerk’s', async () => {
    const { app, factory } = started;
    const sheets = new DatasheetsFactory(app, factory);
    const body = await sheets.certificationBody();
    const other = await sheets.certificationBody();
    expect(expectData(await app.graphql(READ, {}, { token: body.adminToken }))).toEqual({ datasheetSettings: { contactReplacementDays: 30 } });
    expectData(await app.graphql('mutation { setDatasheetSettings(contactReplacementDays: 12) { contactReplacementDays } }', {}, { token: body.adminToken }));
    expect(expectData(await app.graphql(READ, {}, { token: body.adminToken }))).toEqual({ datasheetSettings: { contactReplacementDays: 12 } });
    expect(expectData(await app.graphql(READ, {}, { token: other.adminToken }))).toEqual({ datasheetSettings: { contactReplacementDays: 30 } });

    const clerk = await app.graphql(READ, {}, { token: body.clerkToken });
    expect({ code: codeOf(clerk), data: clerk.data ?? null }).toEqual({ code: 'FORBIDDEN', data: null });
    // A chamber has no datasheets: its administrator neither reads nor sets the deadline, and nothing is stored.
    const chamber = await factory.tenant();
    const chamberAdmin = await factory.user({ tenant: chamber, roles: [Role.TENANT_ADMIN] });
    const chamberToken = (await factory.login(chamberAdmin)).accessToken;
    for (const operation of [READ, 'mutation { setDatasheetSettings(contactReplacementDays: 5) { contactReplacementDays } }']) {
      const refused = await app.graphql(operation, {}, { token: chamberToken });
      expect({ code: codeOf(refused), reason: reasonOf(refused) }).toEqual({ code: 'FORBIDDEN', reason: 'NOT_A_CERTIFICATION_BODY' });
    }
    const stored = await app.asOwner((db) => db.query(`SELECT tenant_id FROM datasheet_settings WHERE tenant_id = $1`, [chamber.id]));
    expect(stored.rows).toEqual([]);
  });
});

/**
 * Review M7: the portal's contact picker listed every active colleague, and naming one who had not
 * acknowledged the notice (or was restricted) was refused only afterwards. The picker now reads
 * `datasheetContactCandidates`, which answers by the rule `nameDatasheetContact` applies.
 */
describe('contact disclosure: whom the company may name as a contact', () => {
  const started = useTestApp();
  const CANDIDATES = '{ datasheetContactCandidates { id email firstName lastName } }';

  it('only colleagues the naming accepts: active, with an organisation role, the notice acknowledged and not objected, not restricted; the company’s administrator only', async () => {
    const { app, factory } = started;
    const sheets = new DatasheetsFactory(app, factory);
    const body = await sheets.certificationBody();
    const holder = await sheets.holder(body);
    const { user: acknowledged } = await sheets.orgUser(body, holder.organisation, Role.ORG_MEMBER);
    const { user: notAcknowledged } = await sheets.orgUser(body, holder.organisation, Role.ORG_MEMBER, false);
    const { user: disabled } = await sheets.orgUser(body, holder.organisation, Role.ORG_MEMBER);
    const { user: restricted } = await sheets.orgUser(body, holder.organisation, Role.ORG_MEMBER);
    const { user: objector, token: objectorToken } = await sheets.orgUser(body, holder.organisation, Role.ORG_MEMBER);
    expectData(await app.graphql('mutation { objectToContactDisclosure { withdrawnRoles } }', {}, { token: objectorToken }));
    await app.asOwner(async (db) => {
      await db.query(`UPDATE user_account SET status = 'DISABLED', disabled_at = now() WHERE id = $1`, [disabled.id]);
      await db.query(`INSERT INTO processing_restriction (tenant_id, user_id, restricted_at) VALUES ($1, $2, now())`, [body.tenant.id, restricted.id]);
    });
    const other = await sheets.holder(body);

    const candidates = expectData(await app.graphql<{ datasheetContactCandidates: Array<{ id: string; email: string }> }>(CANDIDATES, {}, { token: holder.adminToken })).datasheetContactCandidates;
    expect(candidates.map((c) => c.id).sort()).toEqual([holder.admin.id, acknowledged.id].sort());
    for (const excluded of [notAcknowledged, disabled, restricted, objector, other.admin]) expect(candidates.map((c) => c.id)).not.toContain(excluded.id);
    // Each is read as the company's administrator reads a colleague (the same fields as managedUser).
    const asManaged = expectData(await app.graphql<{ managedUser: Record<string, unknown> }>('query($id: ID!) { managedUser(userId: $id) { id email firstName lastName } }', { id: acknowledged.id }, { token: holder.adminToken })).managedUser;
    expect(candidates.find((c) => c.id === acknowledged.id)).toEqual(asManaged);
    // The list and the rule agree: one offered is accepted, one left out is refused.
    const sheet = await sheets.published(body, holder);
    const name = (userId: string) => app.graphql('mutation($d: ID!, $u: ID!) { nameDatasheetContact(datasheetId: $d, userId: $u) { id } }', { d: sheet.datasheetId, u: userId }, { token: holder.adminToken });
    expectData(await name(acknowledged.id));
    expect(reasonOf(await name(notAcknowledged.id))).toBe('CONTACT_NOT_ELIGIBLE');
    expect(reasonOf(await name(restricted.id))).toBe('CONTACT_NOT_ELIGIBLE');

    // Another company's administrator gets its own people only; a member, the body's staff and anonymous callers are refused.
    expect(expectData(await app.graphql<{ datasheetContactCandidates: Array<{ id: string }> }>(CANDIDATES, {}, { token: other.adminToken })).datasheetContactCandidates.map((c) => c.id)).toEqual([other.admin.id]);
    const { token: memberToken } = await sheets.orgUser(body, holder.organisation, Role.ORG_MEMBER);
    expect(codeOf(await app.graphql(CANDIDATES, {}, { token: memberToken }))).toBe('FORBIDDEN');
    expect(codeOf(await app.graphql(CANDIDATES, {}, { token: body.clerkToken }))).toBe('FORBIDDEN');
    expect(codeOf(await app.graphql(CANDIDATES))).toBe('UNAUTHENTICATED');
    // A chamber's company administrator is told the chamber has no datasheet contacts, as the other datasheet operations tell them.
    const chamber = await factory.tenant();
    const chamberAdmin = await factory.user({ tenant: chamber, organisation: await factory.organisation(chamber), roles: [Role.ORG_ADMIN] });
    const refused = await app.graphql(CANDIDATES, {}, { token: (await factory.login(chamberAdmin)).accessToken });
    expect({ code: codeOf(refused), reason: reasonOf(refused) }).toEqual({ code: 'FORBIDDEN', reason: 'NOT_A_CERTIFICATION_BODY' });
  });
});
