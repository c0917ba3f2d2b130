import { mkdtempSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '@chancery/access';
import { RequestContext, SYSTEM_ACTOR } from '@chancery/core';
import { CONTACT_REPLACEMENT_DEADLINE_JOB } from '@chancery/datasheets';
import { OutboxDelivery } from '@chancery/notifications';
import { WebhookDispatcher } from '@chancery/webhooks';
import {
  CertificateFactory, CertificateHolder, CertificationBody, DatasheetsFactory, expectData, pdfContent, reportFigure, TestCertificate, TestTenant, TestUser, useTestApp,
  useTestWorker,
} from '@chancery/testing';
import { CertificatePdfRenderingLoop } from '../../apps/worker/src/jobs/certificates/certificate-pdf-rendering.loop';
import { JobQueue } from '../../apps/worker/src/jobs/job-queue';

/**
 * VERIFY T14 (restriction; #18 item 3): a restricted person's data is stored and processed by no job
 * (docs/privacy.md says what that means job by job). Two people stand in each job's path with the
 * same kind of data: two datasheet contacts (their published datasheets, the feed's webhook
 * deliveries, an e-mail to each waiting in the outbox) and two signers (a certificate each, awaiting
 * its PDF, with their signature image). One of each pair is restricted; a round of every job of the
 * real worker runs; the restricted person's items are held or withheld and they are in no public
 * output, while the other's are processed (so the counts can fail). Lifting the restriction lets the
 * held e-mail go and the next PDF carry the signer again. Prints
 *   T14 objection and restriction: 0 appearances in <n> public outputs, 0 jobs touched restricted subjects (<k> jobs run, <m> items of unrestricted people processed)
 */
jest.setTimeout(300_000);

const PUBLIC_FIELDS = 'id versionNumber publicCode productName holderName contactKind contactName contactEmail contactPhone contactPosition contactReplacementRequired';
const DATASHEET_EVENTS = ['datasheet.published', 'datasheet.superseded', 'datasheet.unpublished', 'datasheet.contact_changed'];
const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const DAY = 24 * 3600_000;

/** A feed target: records every body it is sent. */
class Receiver {
  readonly bodies: string[] = [];
  private server?: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        this.bodies.push(Buffer.concat(chunks).toString('utf8'));
        res.statusCode = 204;
        res.end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/feed`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

interface Person {
  user: TestUser;
  token: string;
  /** Name, e-mail, telephone: what would show the person anywhere. */
  details: string[];
}

describe('T14 restriction of processing: no job processes a restricted person', () => {
  const started = useTestApp();
  const running = useTestWorker({ sharesDatabaseWith: () => started.app, env: { DATA_DIR: mkdtempSync(join(tmpdir(), 'restriction-')) }, outboxPollingMs: 0, webhookPollingMs: 0 });
  const receiver = new Receiver();
  beforeAll(() => receiver.start());
  afterAll(() => receiver.stop());

  let sheets: DatasheetsFactory;
  let body: CertificationBody;
  let holder: CertificateHolder;
  let contacts: { restricted: Person; other: Person; objector: Person };
  let datasheets: Map<Person, { datasheetId: string; publicCode: string }>;
  let feedKey: string;
  let chamber: TestTenant;
  let signers: { restricted: Person; other: Person };
  let certificatesBy: Map<Person, TestCertificate>;
  let exporter: TestUser;
  let exporterToken: string;

  const app = () => started.app;
  const worker = () => running.worker;
  const asWorker = <T>(work: () => Promise<T>): Promise<T> => worker().get(RequestContext).runAs(SYSTEM_ACTOR, work);
  const appearancesOf = (person: Person, texts: string[]) => texts.reduce((n, text) => n + person.details.filter((detail) => text.includes(detail)).length, 0);

  /** A person with distinctive details (so any appearance anywhere is found). */
  async function distinctive(user: TestUser, token: string, first: string, last: string): Promise<Person> {
    const phone = `+3247${Math.floor(1e6 + Math.random() * 8e6)}`;
    await app().asOwner((db) => db.query(`UPDATE user_account SET first_name = $2, last_name = $3, phone = $4 WHERE id = $1`, [user.id, first, last, phone]));
    return { user, token, details: [`${first} ${last}`, last, user.email, phone] };
  }

  async function restrict(person: Person, tenant: TestTenant): Promise<string> {
    const { factory } = started;
    const request = expectData(
      await app().graphql<{ requestMyDataSubjectRight: { id: string } }>('mutation { requestMyDataSubjectRight(input: { type: RESTRICTION }) { id } }', {}, { token: (await factory.login(person.user)).accessToken }),
    ).requestMyDataSubjectRight;
    const officer = await factory.user({ tenant, roles: [Role.PRIVACY_OFFICER] });
    expectData(await app().graphql('mutation($id: ID!) { restrictForDataSubjectRequest(requestId: $id) { status } }', { id: request.id }, { token: (await factory.login(officer)).accessToken }));
    return request.id;
  }

  async function lift(requestId: string, tenant: TestTenant): Promise<void> {
    const { factory } = started;
    const officer = await factory.user({ tenant, roles: [Role.PRIVACY_OFFICER] });
    expectData(await app().graphql('mutation($id: ID!) { liftProcessingRestriction(requestId: $id) { id } }', { id: requestId }, { token: (await factory.login(officer)).accessToken }));
  }

  /** Every public output of the tenant's datasheets: GraphQL by id and by code, the searches and GET endpoints, cache revalidations, the feed from 0. */
  async function publicOutputs(etags: Map<string, string>): Promise<{ texts: string[]; count: number; etags: Map<string, string> }> {
    const texts: string[] = [];
    let count = 0;
    for (const sheet of datasheets.values()) {
      texts.push((await app().graphql(`query($id: ID) { publishedDatasheet(id: $id) { ${PUBLIC_FIELDS} } }`, { id: sheet.datasheetId })).text);
      texts.push((await app().graphql(`query($c: String) { publishedDatasheet(code: $c) { ${PUBLIC_FIELDS} } }`, { c: sheet.publicCode })).text);
      count += 2;
    }
    for (const [filter, value] of [['tenant', body.tenant.slug], ['holderName', 'Restricta'], ['productName', 'Kerb']]) {
      texts.push((await app().graphql(`query($v: String) { searchPublishedDatasheets(${filter}: $v) { items { ${PUBLIC_FIELDS} } nextCursor } }`, { v: value })).text);
      texts.push((await app().http().get(`/public/datasheets?${filter}=${encodeURIComponent(value)}`)).text);
      count += 2;
    }
    const fresh = new Map<string, string>();
    for (const path of [...[...datasheets.values()].map((d) => `/public/datasheets/${d.publicCode}`), `/public/datasheets?tenant=${body.tenant.slug}`]) {
      const answer = await app().http().get(path);
      texts.push(answer.text);
      count += 1;
      if (answer.headers.etag) fresh.set(path, answer.headers.etag as string);
      const cached = etags.get(path);
      if (cached) {
        // A cache holding the earlier answer revalidates: a 304 would keep the old copy.
        const revalidated = await app().http().get(path).set('if-none-match', cached);
        texts.push(revalidated.status === 304 ? `304 kept ${etags.get(`${path} text`)}` : revalidated.text);
        count += 1;
      }
      fresh.set(`${path} text`, answer.text);
    }
    let after = '0';
    for (;;) {
      const response = await app().graphql<{ datasheetFeed: { events: unknown[]; nextCursor: string } }>(
        `query($a: String) { datasheetFeed(after: $a) { events { seq kind datasheetId datasheet { ${PUBLIC_FIELDS} } } nextCursor } }`, { a: after }, { headers: { 'x-api-key': feedKey } },
      );
      const page = expectData(response).datasheetFeed;
      texts.push(response.text);
      count += page.events.length;
      if (page.nextCursor === after) break;
      after = page.nextCursor;
    }
    return { texts, count, etags: fresh };
  }

  /** Outbox rounds until one does nothing; what they sent, held and released. */
  async function outboxRounds(): Promise<{ sent: string[]; held: string[]; released: number }> {
    const total = { sent: [] as string[], held: [] as string[], released: 0 };
    for (let i = 0; i < 20; i += 1) {
      const round = await asWorker(() => worker().get(OutboxDelivery).deliverDue(100));
      total.sent.push(...round.sent);
      total.held.push(...round.held);
      total.released += round.released;
      if (!round.sent.length && !round.held.length && !round.retrying.length && !round.givenUp.length && !round.released) break;
    }
    return total;
  }

  async function webhookRounds(): Promise<number> {
    let delivered = 0;
    for (let i = 0; i < 20; i += 1) {
      const round = await asWorker(() => worker().get(WebhookDispatcher).deliverDue(100));
      delivered += round.delivered.length;
      if (!round.delivered.length && !round.retrying.length) break;
    }
    return delivered;
  }

  const messagesTo = async (person: Person, ids: string[]): Promise<Array<{ template: string }>> =>
    (await app().asOwner((db) => db.query(`SELECT template FROM outbox_message WHERE id = ANY($1) AND recipient = lower($2) ORDER BY created_at`, [ids, person.user.email]))).rows;

  /** The stored PDF of a certificate (or its copy) as the exporter downloads it. */
  async function pdfOf(certificate: TestCertificate, copy?: number): Promise<{ text: string; images: number }> {
    const response = await app().http().get(`/certificates/${certificate.id}/pdf${copy ? `?copy=${copy}` : ''}`).set('authorization', `Bearer ${exporterToken}`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(response.status).toBe(200);
    return pdfContent(response.body as Buffer);
  }

  beforeAll(async () => {
    const { factory } = started;
    // A certification body: three contacts of one company each publish a datasheet; the feed has a push target.
    sheets = new DatasheetsFactory(app(), factory);
    body = await sheets.certificationBody();
    holder = await sheets.holder(body, `Restricta Beton ${Date.now()}`);
    await app().graphql('mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { secret } }', { input: { url: receiver.url, eventTypes: DATASHEET_EVENTS } }, { token: body.adminToken });
    feedKey = (await factory.apiKey({ tenant: body.tenant, createdBy: body.admin })).secret;
    const contact = async (first: string, last: string) => {
      const { user, token } = await sheets.orgUser(body, holder.organisation, Role.ORG_ADMIN);
      return distinctive(user, token, first, last);
    };
    contacts = { restricted: await contact('Rhea', 'Restrictova'), other: await contact('Udo', 'Unbound'), objector: await contact('Olaf', 'Objectson') };
    datasheets = new Map();
    for (const [index, person] of Object.values(contacts).entries()) {
      datasheets.set(person, await sheets.published(body, { ...holder, admin: person.user, adminToken: person.token }, { name: `Kerb ${index} ${Date.now()}` }));
    }
    // The third objects: each remaining administrator (the other two among them) is mailed, and its datasheet's deadline runs.
    expectData(await app().graphql('mutation { objectToContactDisclosure { datasheetsAffected } }', {}, { token: contacts.objector.token }));

    // A chamber: two signers with a signature image each sign a certificate, which awaits its PDF.
    chamber = await factory.tenant();
    const company = await factory.organisation(chamber);
    exporter = await factory.user({ tenant: chamber, organisation: company, roles: [Role.ORG_ADMIN] });
    exporterToken = (await factory.login(exporter)).accessToken;
    const clerkToken = (await factory.login(await factory.user({ tenant: chamber, roles: [Role.CLERK] }))).accessToken;
    const signer = async (first: string, last: string) => {
      const user = await factory.user({ tenant: chamber, roles: [Role.SIGNER] });
      const token = (await factory.login(user)).accessToken;
      expectData(await app().graphql('mutation($image: String!) { setMySignatureImage(image: $image) { id } }', { image: SIGNATURE }, { token }));
      return distinctive(user, token, first, last);
    };
    signers = { restricted: await signer('Sira', 'Stillhold'), other: await signer('Sven', 'Signsfree') };
    const certificates = new CertificateFactory(app());
    certificatesBy = new Map();
    for (const person of Object.values(signers)) certificatesBy.set(person, await certificates.issued(exporterToken, clerkToken, person.token));
  });

  it('holds, withholds or leaves alone every item of the restricted people, processes the others’, and lets the held ones go when lifted', async () => {
    const before = await publicOutputs(new Map());
    // The detectors find both contacts before (so 0 afterwards means something).
    expect(appearancesOf(contacts.restricted, before.texts)).toBeGreaterThan(5);
    expect(appearancesOf(contacts.other, before.texts)).toBeGreaterThan(5);
    const waiting = await app().asOwner((db) => db.query(`SELECT recipient FROM outbox_message WHERE template = 'datasheets.contact-objection' AND sent_at IS NULL`));
    expect(waiting.rows.map((r) => r.recipient).sort()).toEqual([contacts.restricted.user.email, contacts.other.user.email, holder.admin.email].sort());
    const sentBefore = (await app().asOwner((db) => db.query(`SELECT id FROM outbox_message WHERE sent_at IS NOT NULL`))).rows.length;
    expect(sentBefore).toBe(0);

    // Restricted: one contact, one signer (each asks; the tenant's privacy officer answers).
    const contactRequest = await restrict(contacts.restricted, body.tenant);
    const signerRequest = await restrict(signers.restricted, chamber);
    const restricted = [contacts.restricted, signers.restricted];
    // At once, before any job runs: the contact is in no public output, cached answers included; the other still is.
    const after = await publicOutputs(before.etags);
    const appearances = appearancesOf(contacts.restricted, after.texts);
    expect({ restrictedAppearances: appearances, otherAppears: appearancesOf(contacts.other, after.texts) > 5 }).toEqual({ restrictedAppearances: 0, otherAppears: true });
    // Suspended, not released (review F12): the company reads that its contact waits, with no deadline and nothing to do,
    // and its administrators get no call to name a new contact (the three calls are the objector's, from before).
    let adminToken = (await started.factory.login(holder.admin)).accessToken;
    const restrictedSheet = datasheets.get(contacts.restricted)!;
    const contactOf = async (datasheetId: string) => {
      const list = expectData(await app().graphql<{ datasheets: Array<{ id: string }> }>(
        '{ datasheets(first: 200) { id contactUserId contactSuspended contactReplacementRequired contactReplacementDeadline } }', {}, { token: adminToken },
      )).datasheets;
      const { id, ...contact } = list.find((d) => d.id === datasheetId)!;
      return contact;
    };
    expect(await contactOf(restrictedSheet.datasheetId)).toEqual({
      contactUserId: null, contactSuspended: true, contactReplacementRequired: false, contactReplacementDeadline: null,
    });
    const objectionCalls = async () => Number((await app().asOwner((db) => db.query(`SELECT count(*) AS n FROM outbox_message WHERE template = 'datasheets.contact-objection'`))).rows[0].n);
    expect(await objectionCalls()).toBe(3);

    // The restricted contact has forgotten the password and asks for a link: processing the person asks for (Art. 18(2)).
    expectData(await app().graphql('mutation($e: String!, $t: String) { requestPasswordReset(email: $e, tenant: $t) }', { e: contacts.restricted.user.email, t: body.tenant.slug }));
    await app().settled();

    // A round of every job of the worker.
    const jobs: Array<{ job: string; touchedRestricted: number; processedOthers: number }> = [];
    const outbox = await outboxRounds();
    const heldFor = async (person: Person) => (await messagesTo(person, outbox.held)).length;
    /** What the person asked for themself: the answers to their request, the reset link they asked for. */
    const askedFor = (template: string) => template.startsWith('privacy.request-') || template === 'auth.password-reset';
    const sentTo = async (person: Person) => (await messagesTo(person, outbox.sent)).filter((m) => !askedFor(m.template)).length;
    // The acknowledgement of and the answer to the person's own request (Art. 12(3)) and the reset link they asked for go out; everything else to them is held.
    expect((await messagesTo(contacts.restricted, outbox.sent)).map((m) => m.template).sort()).toEqual(['auth.password-reset', 'privacy.request-acknowledged', 'privacy.request-answered']);
    expect(await heldFor(contacts.restricted)).toBe(1);
    jobs.push({ job: 'outbox delivery', touchedRestricted: (await sentTo(contacts.restricted)) + (await sentTo(signers.restricted)), processedOthers: await sentTo(contacts.other) });

    const delivered = await webhookRounds();
    expect(delivered).toBeGreaterThanOrEqual(4);
    jobs.push({ job: 'webhook delivery', touchedRestricted: appearancesOf(contacts.restricted, receiver.bodies), processedOthers: receiver.bodies.filter((b) => appearancesOf(contacts.other, [b]) > 0).length });

    expect(await worker().get(CertificatePdfRenderingLoop).runOnce()).toBe(2);
    const restrictedPdf = await pdfOf(certificatesBy.get(signers.restricted)!);
    const otherPdf = await pdfOf(certificatesBy.get(signers.other)!);
    // The QR code is one image (and its mask); a signature image would add another pair.
    expect(restrictedPdf.text).toContain('Authorised signatory');
    /** The signer's name and signature image on the PDF: 0, 1 or 2 of them. */
    const signatureShown = (pdf: { text: string; images: number }, person: Person) => (pdf.text.includes(person.details[0]!) ? 1 : 0) + (pdf.images > 2 ? 1 : 0);
    expect(signatureShown(otherPdf, signers.other)).toBe(2);
    jobs.push({ job: 'certificate PDF rendering', touchedRestricted: signatureShown(restrictedPdf, signers.restricted), processedOthers: signatureShown(otherPdf, signers.other) === 2 ? 1 : 0 });

    // The contact-replacement deadline passes: the job unpublishes what has no new contact (the objector's datasheet), leaves the
    // restricted contact's waiting datasheet published (no deadline runs for a restriction), and writes nothing about a restricted person.
    const rowsAbout = async (person: Person) =>
      (await app().asOwner((db) => db.query(
        `SELECT (SELECT count(*) FROM audit_entry WHERE subject_id = $1::text) + (SELECT count(*) FROM outbox_message WHERE recipient = lower($2)) + (SELECT count(*) FROM published_datasheet p WHERE p::text LIKE '%' || $2 || '%') AS n`,
        [person.user.id, person.user.email],
      ))).rows[0].n as string;
    const aboutBefore = await Promise.all(restricted.map(rowsAbout));
    app().clock.advance(31 * DAY);
    const queue = worker().get(JobQueue);
    const published = async () => Number((await app().asOwner((db) => db.query(`SELECT count(*) AS n FROM published_datasheet WHERE tenant_id = $1`, [body.tenant.id]))).rows[0].n);
    expect(await published()).toBe(3);
    await queue.send(CONTACT_REPLACEMENT_DEADLINE_JOB);
    for (let waited = 0; (await published()) !== 2 && waited < 30_000; waited += 200) await new Promise((resolve) => setTimeout(resolve, 200));
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // a second datasheet unpublished would show by now
    const unpublished = 3 - (await published());
    expect(unpublished).toBe(1);
    const stillPublished = await app().asOwner((db) => db.query(`SELECT datasheet_id AS id FROM published_datasheet WHERE tenant_id = $1`, [body.tenant.id]));
    expect(stillPublished.rows.map((r) => r.id)).toContain(restrictedSheet.datasheetId);
    const aboutAfter = await Promise.all(restricted.map(rowsAbout));
    jobs.push({ job: 'contact-replacement deadline', touchedRestricted: aboutAfter.reduce((n, v, i) => n + Number(v) - Number(aboutBefore[i]), 0), processedOthers: unpublished });
    // After the jobs, still nowhere public; the other contact's datasheet stays published with them.
    const afterJobs = await publicOutputs(new Map());
    expect({ restricted: appearancesOf(contacts.restricted, afterJobs.texts), other: appearancesOf(contacts.other, afterJobs.texts) > 0 }).toEqual({ restricted: 0, other: true });

    // While restricted the person cannot be named a contact again (publishing them is processing).
    adminToken = (await started.factory.login(holder.admin)).accessToken; // a month later: a new login
    const objectorSheet = datasheets.get(contacts.objector)!;
    const naming = await app().graphql('mutation($d: ID!, $u: ID!) { nameDatasheetContact(datasheetId: $d, userId: $u) { id } }', { d: objectorSheet.datasheetId, u: contacts.restricted.user.id }, { token: adminToken });
    expect(naming.errors?.[0]?.extensions?.reason).toBe('CONTACT_NOT_ELIGIBLE');

    const touching = jobs.filter((j) => j.touchedRestricted > 0);
    const processed = jobs.reduce((n, j) => n + j.processedOthers, 0);
    for (const job of jobs) expect({ job: job.job, processedOthers: job.processedOthers > 0 }).toEqual({ job: job.job, processedOthers: true });
    reportFigure(
      `T14 objection and restriction: ${appearances} appearances in ${after.count} public outputs, ${touching.length} jobs touched restricted subjects (${jobs.length} jobs run, ${processed} items of unrestricted people processed)`,
    );
    expect({ appearances, touching }).toEqual({ appearances: 0, touching: [] });

    // Lifted: the person is told first; the held e-mail goes out; the next PDF of the signer's certificate carries them again.
    await lift(contactRequest, body.tenant);
    await lift(signerRequest, chamber);
    const released = await outboxRounds();
    expect(released.released).toBe(1);
    expect((await messagesTo(contacts.restricted, released.sent)).map((m) => m.template).sort()).toEqual(['datasheets.contact-objection', 'privacy.restriction-lifted']);
    expect((await messagesTo(signers.restricted, released.sent)).map((m) => m.template)).toEqual(['privacy.restriction-lifted']);
    exporterToken = (await started.factory.login(exporter)).accessToken; // a month later: a new login
    const certificate = certificatesBy.get(signers.restricted)!;
    expectData(await app().graphql('mutation($id: ID!) { requestCertificateCopy(certificateId: $id) { copyNumber } }', { id: certificate.id }, { token: exporterToken }));
    expect(await worker().get(CertificatePdfRenderingLoop).runOnce()).toBe(1);
    expect(signatureShown(await pdfOf(certificate, 1), signers.restricted)).toBe(2);
    // Their datasheet shows them again, at once and in every public output (the external system told), with nothing to name;
    // and they may be named a contact again.
    expect(await contactOf(restrictedSheet.datasheetId)).toEqual({
      contactUserId: contacts.restricted.user.id, contactSuspended: false, contactReplacementRequired: false, contactReplacementDeadline: null,
    });
    const lifted = await publicOutputs(new Map());
    expect(appearancesOf(contacts.restricted, lifted.texts)).toBeGreaterThan(5);
    expect(await objectionCalls()).toBe(3);
    expectData(await app().graphql('mutation($d: ID!, $u: ID!) { nameDatasheetContact(datasheetId: $d, userId: $u) { id } }', { d: objectorSheet.datasheetId, u: contacts.restricted.user.id }, { token: adminToken }));
  });

  it('placing and lifting a restriction are in the audit log with the officer as actor, and the request says it was lifted (review of 6 December, F7)', async () => {
    const { factory } = started;
    const person = await factory.user({ tenant: chamber, roles: [Role.CLERK] });
    const personToken = (await factory.login(person)).accessToken;
    const requestId = expectData(await app().graphql<{ requestMyDataSubjectRight: { id: string } }>('mutation { requestMyDataSubjectRight(input: { type: RESTRICTION }) { id } }', {}, { token: personToken })).requestMyDataSubjectRight.id;
    const officer = await factory.user({ tenant: chamber, roles: [Role.PRIVACY_OFFICER] });
    const officerToken = (await factory.login(officer)).accessToken;
    expectData(await app().graphql('mutation($id: ID!) { restrictForDataSubjectRequest(requestId: $id) { status } }', { id: requestId }, { token: officerToken }));
    expectData(await app().graphql('mutation($id: ID!) { liftProcessingRestriction(requestId: $id) { id } }', { id: requestId }, { token: officerToken }));

    const entries = await app().asOwner(async (db) => (await db.query(`SELECT action, actor_id, details FROM audit_entry WHERE subject_id = $1 ORDER BY sequence`, [requestId])).rows as Array<{ action: string; actor_id: string; details: Record<string, unknown> }>);
    expect(entries.map((e) => [e.action, e.actor_id])).toEqual([
      ['privacy.request.answered', officer.id],
      ['privacy.request.restrictionLifted', officer.id],
    ]);
    expect(entries[0]!.details).toMatchObject({ kind: 'RESTRICTION', refused: false });
    // The person's own view, and the officer's, no longer say the processing is restricted.
    const mine = expectData(await app().graphql<{ myDataSubjectRequests: Array<{ id: string; outcome: string }> }>('{ myDataSubjectRequests { id outcome } }', {}, { token: personToken })).myDataSubjectRequests;
    expect(JSON.parse(mine.find((r) => r.id === requestId)!.outcome)).toMatchObject({ restricted: false, liftedAt: expect.any(String) });
    const lifted = app().graphql('mutation($id: ID!) { liftProcessingRestriction(requestId: $id) { id } }', { id: requestId }, { token: officerToken });
    expect((await lifted).errors?.[0]?.extensions?.reason).toBe('RESTRICTION_NOT_IN_FORCE');
  });
});
