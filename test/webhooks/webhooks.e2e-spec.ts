import { createHmac, timingSafeEqual } from 'node:crypto';
import { Role } from '@chancery/access';
import { RequestContext, SYSTEM_ACTOR } from '@chancery/core';
import { TenantKind } from '@chancery/identity';
import { WEBHOOK_MAX_ATTEMPTS, WebhookDispatcher, webhookRetryDelayMs, WebhookRound } from '@chancery/webhooks';
import { CertificateFactory, DatasheetsFactory, expectData, ReceivedWebhook, reportFigure, TestApp, TestWorker, useTestApp, useTestWorker, WebhookReceiver } from '@chancery/testing';

/**
 * Outgoing webhooks (#16 item 8, #17 item 5, #18 item 3), against a real HTTP receiver in this
 * process and the real worker's dispatcher, rounds driven by the test with the shared simulated clock:
 * signatures verify with the documented algorithm (docs/webhooks.md), a failing target gets the event
 * once after it recovers, dead letters are listed and sent again, nobody sees another's targets, a
 * company's ERP hears of its own certificates only, and a contact's objection reaches the push target
 * without the person in it. Prints
 *   webhooks: target failed <n> times, event delivered once after recovery, <d> duplicates
 */
jest.setTimeout(180_000);

/** The receiver's check, written from docs/webhooks.md with nothing but node:crypto. */
function verifiedByDocumentedAlgorithm(secret: string, request: ReceivedWebhook): boolean {
  const id = String(request.headers['webhook-id']);
  const timestamp = String(request.headers['webhook-timestamp']);
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = Buffer.from(`v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${request.body}`).digest('base64')}`);
  return String(request.headers['webhook-signature']).split(' ').some((s) => Buffer.from(s).length === expected.length && timingSafeEqual(Buffer.from(s), expected));
}

const WEBHOOK = 'id organisationId url eventTypes createdAt secretRotatedAt';
const DELIVERY = 'id subscriptionId eventId eventType attempts lastStatus lastError deliveredAt deadLetteredAt';

describe('outgoing webhooks', () => {
  const started = useTestApp();
  const running = useTestWorker({ sharesDatabaseWith: () => started.app, webhookPollingMs: 0, outboxPollingMs: 0 });
  const receiver = new WebhookReceiver();
  beforeAll(() => receiver.start());
  afterAll(() => receiver.stop());

  const app = (): TestApp => started.app;
  const worker = (): TestWorker => running.worker;
  const round = (): Promise<WebhookRound> => worker().get(RequestContext).runAs(SYSTEM_ACTOR, () => worker().get(WebhookDispatcher).deliverDue());

  /** Rounds until nothing is due now, moving the clock past each wait; returns the rounds' outcomes. */
  async function deliverAll(maxRounds = 30): Promise<WebhookRound> {
    const total: WebhookRound = { delivered: [], retrying: [], deadLettered: [] };
    for (let i = 0; i < maxRounds; i += 1) {
      const done = await round();
      total.delivered.push(...done.delivered);
      total.retrying.push(...done.retrying);
      total.deadLettered.push(...done.deadLettered);
      if (!done.retrying.length && !done.delivered.length && !done.deadLettered.length) return total;
      if (done.retrying.length) app().clock.advance(webhookRetryDelayMs(WEBHOOK_MAX_ATTEMPTS) + 1_000);
    }
    return total;
  }

  async function register(token: string, path: string, eventTypes: string[]): Promise<{ id: string; secret: string }> {
    const data = expectData(
      await app().graphql<{ registerWebhook: { webhook: { id: string }; secret: string } }>(
        `mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { webhook { ${WEBHOOK} } secret } }`,
        { input: { url: `${receiver.base}${path}`, eventTypes } },
        { token },
      ),
    ).registerWebhook;
    return { id: data.webhook.id, secret: data.secret };
  }

  const deliveries = async (token: string, webhookId: string, deadLettersOnly = false) =>
    expectData(await app().graphql<{ webhookDeliveries: Array<Record<string, unknown>> }>(`query($w: ID!, $d: Boolean) { webhookDeliveries(webhookId: $w, deadLettersOnly: $d) { ${DELIVERY} } }`, { w: webhookId, d: deadLettersOnly }, { token })).webhookDeliveries;

  const DATASHEET_EVENTS = ['datasheet.published', 'datasheet.superseded', 'datasheet.unpublished', 'datasheet.contact_changed'];

  it('a target that fails 3 times receives the event once after it recovers, signed; the objection reaches it without the person', async () => {
    const { factory } = started;
    const sheets = new DatasheetsFactory(app(), factory);
    const body = await sheets.certificationBody();
    const holder = await sheets.holder(body);
    const contact = await sheets.orgUser(body, holder.organisation, Role.ORG_MEMBER);
    const person = (await app().asOwner((db) => db.query(`SELECT first_name, last_name, email FROM user_account WHERE id = $1`, [contact.user.id]))).rows[0] as { first_name: string; last_name: string; email: string };
    const target = await register(body.adminToken, '/feed', DATASHEET_EVENTS);
    expect(target.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
    // Sealed at rest: the secret itself is nowhere in the table.
    const stored = (await app().asOwner((db) => db.query(`SELECT secret FROM webhook_subscription WHERE id = $1`, [target.id]))).rows[0] as { secret: string };
    expect(stored.secret).not.toContain(target.secret.slice(6));

    receiver.fail('/feed', 3);
    const sheet = await sheets.published(body, { ...holder, admin: contact.user, adminToken: contact.token });
    const outcome = await deliverAll();
    const requests = receiver.at('/feed');
    expect(requests.map((r) => r.answered)).toEqual([500, 500, 500, 204]);
    expect(outcome.delivered).toHaveLength(1);
    expect(new Set(requests.map((r) => r.headers['webhook-id'])).size).toBe(1);
    const [published] = receiver.bodiesAt('/feed');
    expect(published).toEqual(expect.objectContaining({ type: 'datasheet.published', data: expect.objectContaining({ kind: 'PUBLISHED', datasheetId: sheet.datasheetId }) }));
    // The published contact is published data, so the feed target gets it while it is published.
    expect((published!.data.datasheet as Record<string, unknown>).contactEmail).toBe(person.email);
    for (const request of requests) expect(verifiedByDocumentedAlgorithm(target.secret, request)).toBe(true);
    expect(verifiedByDocumentedAlgorithm(target.secret, { ...requests[3]!, body: requests[3]!.body.replace('PUBLISHED', 'UNPUBLISHED') })).toBe(false);
    // The clock moved past the tokens' lifetime: log in again, as people would.
    const adminToken = (await factory.login(body.admin)).accessToken;
    const contactToken = (await factory.login(contact.user)).accessToken;
    const clerkToken = (await factory.login(body.clerk)).accessToken;
    const [record] = await deliveries(adminToken, target.id);
    expect(record).toEqual(expect.objectContaining({ attempts: 4, lastStatus: 204, lastError: null, deadLetteredAt: null }));
    expect(record!.deliveredAt).not.toBeNull();

    // The objection: the push target is told, and from now on no body carries the person.
    const before = receiver.received.length;
    expectData(await app().graphql('mutation { objectToContactDisclosure { datasheetsAffected } }', {}, { token: contactToken }));
    await deliverAll();
    const after = receiver.at('/feed').slice(requests.length);
    const changed = after.map((r) => JSON.parse(r.body)).find((b) => b.type === 'datasheet.contact_changed');
    expect(changed?.data.datasheet).toEqual(expect.objectContaining({ id: sheet.datasheetId, contactKind: 'COMPANY', contactReplacementRequired: true }));
    const leaks = receiver.received.slice(before).filter((r) => [person.email, person.first_name, person.last_name].some((value) => r.body.includes(value)));
    expect(leaks).toEqual([]);
    // Unpublishing is pushed too, with no datasheet left to copy.
    expectData(await app().graphql('mutation($d: ID!) { unpublishDatasheet(datasheetId: $d) { id } }', { d: sheet.datasheetId }, { token: clerkToken }));
    await deliverAll();
    const unpublished = receiver.bodiesAt('/feed').find((b) => b.type === 'datasheet.unpublished');
    expect(unpublished?.data).toEqual(expect.objectContaining({ datasheetId: sheet.datasheetId, datasheet: null, withdrawal: expect.objectContaining({ id: sheet.datasheetId, reason: 'DATASHEET_WITHDRAWN' }) }));

    const delivered = receiver.at('/feed').filter((r) => r.answered < 300).map((r) => String(r.headers['webhook-id']));
    const duplicates = delivered.length - new Set(delivered).size;
    expect(duplicates).toBe(0);
    reportFigure(`webhooks: target failed 3 times, event delivered once after recovery, ${duplicates} duplicates`);
  });

  it('two dispatchers at once send each event once (claims with SKIP LOCKED)', async () => {
    const { factory } = started;
    const sheets = new DatasheetsFactory(app(), factory);
    const body = await sheets.certificationBody();
    const holder = await sheets.holder(body);
    await register(body.adminToken, '/parallel', ['datasheet.published']);
    for (let i = 0; i < 6; i += 1) await sheets.published(body, holder);
    const [a, b] = await Promise.all([round(), round()]);
    const ids = [...a!.delivered, ...b!.delivered];
    expect(new Set(ids).size).toBe(ids.length);
    const received = receiver.at('/parallel').map((r) => String(r.headers['webhook-id']));
    expect(received).toHaveLength(6);
    expect(new Set(received).size).toBe(6);
  });

  it('dead-letters after the last attempt; the owner lists dead letters and sends one again', async () => {
    const { factory } = started;
    const sheets = new DatasheetsFactory(app(), factory);
    const body = await sheets.certificationBody();
    const holder = await sheets.holder(body);
    const target = await register(body.adminToken, '/dead', ['datasheet.published']);
    receiver.fail('/dead', 1_000);
    await sheets.published(body, holder);
    const outcome = await deliverAll();
    expect(outcome.deadLettered).toHaveLength(1);
    expect(receiver.at('/dead')).toHaveLength(WEBHOOK_MAX_ATTEMPTS);
    const token = (await factory.login(body.admin)).accessToken;
    const [dead] = await deliveries(token, target.id, true);
    expect(dead).toEqual(expect.objectContaining({ attempts: WEBHOOK_MAX_ATTEMPTS, lastStatus: 500, lastError: 'HTTP_500', deliveredAt: null }));
    expect(dead!.deadLetteredAt).not.toBeNull();

    receiver.fail('/dead', 0);
    const again = expectData(await app().graphql<{ redeliverWebhook: Record<string, unknown> }>(`mutation($d: ID!) { redeliverWebhook(deliveryId: $d) { ${DELIVERY} } }`, { d: dead!.id }, { token })).redeliverWebhook;
    expect(again).toEqual(expect.objectContaining({ attempts: 0, deadLetteredAt: null }));
    expect((await deliverAll()).delivered).toEqual([dead!.id]);
    expect(receiver.at('/dead').filter((r) => r.answered === 204)).toHaveLength(1);
    expect(await deliveries(token, target.id, true)).toEqual([]);
    // Only a dead letter is sent again.
    const refused = await app().graphql(`mutation($d: ID!) { redeliverWebhook(deliveryId: $d) { id } }`, { d: dead!.id }, { token });
    expect(refused.errors?.[0]?.extensions).toEqual(expect.objectContaining({ code: 'CONFLICT', reason: 'WEBHOOK_NOT_DEAD_LETTERED' }));
  });

  it("another tenant's or company's targets and deliveries are NOT_FOUND; rotation and deletion", async () => {
    const { factory } = started;
    const sheets = new DatasheetsFactory(app(), factory);
    const body = await sheets.certificationBody();
    const other = await sheets.certificationBody();
    const holder = await sheets.holder(body);
    const target = await register(body.adminToken, '/isolation', ['datasheet.published']);
    await sheets.published(body, holder);
    await deliverAll();
    const [delivery] = await deliveries(body.adminToken, target.id);
    expect(delivery).toBeDefined();

    for (const token of [other.adminToken, holder.adminToken]) {
      const list = expectData(await app().graphql<{ webhooks: Array<{ id: string }> }>(`{ webhooks { id } }`, {}, { token })).webhooks;
      expect(list.map((w) => w.id)).not.toContain(target.id);
      const attempts = [
        app().graphql(`query($w: ID!) { webhookDeliveries(webhookId: $w) { id } }`, { w: target.id }, { token }),
        app().graphql(`mutation($w: ID!) { rotateWebhookSecret(webhookId: $w) { secret } }`, { w: target.id }, { token }),
        app().graphql(`mutation($w: ID!) { deleteWebhook(webhookId: $w) { id } }`, { w: target.id }, { token }),
        app().graphql(`mutation($d: ID!) { redeliverWebhook(deliveryId: $d) { id } }`, { d: delivery!.id }, { token }),
      ];
      for (const response of await Promise.all(attempts)) expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    // A clerk manages none.
    expect((await app().graphql(`{ webhooks { id } }`, {}, { token: body.clerkToken })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // Rotation: a new secret, shown once; the next delivery is signed with it only.
    const rotated = expectData(await app().graphql<{ rotateWebhookSecret: { secret: string; webhook: { secretRotatedAt: string | null } } }>(`mutation($w: ID!) { rotateWebhookSecret(webhookId: $w) { secret webhook { secretRotatedAt } } }`, { w: target.id }, { token: body.adminToken })).rotateWebhookSecret;
    expect(rotated.secret).not.toBe(target.secret);
    expect(rotated.webhook.secretRotatedAt).not.toBeNull();
    await sheets.published(body, holder);
    await deliverAll();
    const last = receiver.at('/isolation').at(-1)!;
    expect(verifiedByDocumentedAlgorithm(rotated.secret, last)).toBe(true);
    expect(verifiedByDocumentedAlgorithm(target.secret, last)).toBe(false);

    expectData(await app().graphql(`mutation($w: ID!) { deleteWebhook(webhookId: $w) { id } }`, { w: target.id }, { token: body.adminToken }));
    const count = receiver.at('/isolation').length;
    await sheets.published(body, holder);
    await deliverAll();
    expect(receiver.at('/isolation')).toHaveLength(count);
  });

  it("a company's ERP hears of its own applications and certificates only", async () => {
    const { factory } = started;
    const certificates = new CertificateFactory(app());
    const chamber = await factory.tenant();
    const companyA = await factory.organisation(chamber);
    const companyB = await factory.organisation(chamber);
    const adminA = (await factory.login(await factory.user({ tenant: chamber, organisation: companyA, roles: [Role.ORG_ADMIN] }))).accessToken;
    const adminB = (await factory.login(await factory.user({ tenant: chamber, organisation: companyB, roles: [Role.ORG_ADMIN] }))).accessToken;
    const clerk = (await factory.login(await factory.user({ tenant: chamber, roles: [Role.CLERK] }))).accessToken;
    const signer = (await factory.login(await factory.user({ tenant: chamber, roles: [Role.SIGNER] }))).accessToken;
    const erpTypes = ['certificate_application.state_changed', 'certificate.issued', 'certificate.revoked'];
    const erpA = await register(adminA, '/erp-a', erpTypes);
    await register(adminB, '/erp-b', erpTypes);

    const issued = await certificates.issued(adminA, clerk, signer);
    const applicationB = await certificates.create(adminB);
    await certificates.step('submitCertificateApplication', applicationB.id, adminB);
    await deliverAll();

    const toA = receiver.bodiesAt('/erp-a');
    const toB = receiver.bodiesAt('/erp-b');
    // Events of one transaction carry one time; targets get them in no promised order (docs/webhooks.md).
    expect(toA.map((b) => b.type).sort()).toEqual(['certificate.issued', 'certificate_application.state_changed', 'certificate_application.state_changed', 'certificate_application.state_changed', 'certificate_application.state_changed']);
    expect(toA.filter((b) => b.type === 'certificate_application.state_changed').map((b) => b.data.state).sort()).toEqual(['APPROVED', 'IN_REVIEW', 'ISSUED', 'SUBMITTED']);
    expect(toA.every((b) => b.organisationId === companyA.id)).toBe(true);
    expect(toA.find((b) => b.type === 'certificate.issued')?.data).toEqual(expect.objectContaining({ certificateId: issued.id, number: issued.number, status: 'ISSUED' }));
    expect(toB.map((b) => b.type)).toEqual(['certificate_application.state_changed']);
    expect(toB[0]!.data).toEqual(expect.objectContaining({ applicationId: applicationB.id, state: 'SUBMITTED' }));
    expect(JSON.stringify(toB)).not.toContain(issued.id);
    for (const request of receiver.at('/erp-a')) expect(verifiedByDocumentedAlgorithm(erpA.secret, request)).toBe(true);

    // A company subscribes to its own events only; the URL and the event types are checked by name.
    const wrongType = await app().graphql(`mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { secret } }`, { input: { url: `${receiver.base}/x`, eventTypes: ['datasheet.published'] } }, { token: adminA });
    expect(wrongType.errors?.[0]?.extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', reason: 'WEBHOOK_EVENT_TYPE_REFUSED' }));
    expect(JSON.stringify(wrongType.errors?.[0]?.extensions)).toContain('eventTypes');
    for (const url of ['ftp://erp.example.test/x', 'not a url', 'https://user:pw@erp.example.test/x']) {
      const refused = await app().graphql(`mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { secret } }`, { input: { url, eventTypes: ['certificate.issued'] } }, { token: adminA });
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(refused.errors?.[0]?.extensions)).toContain('url');
    }
    const unknown = await app().graphql(`mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { secret } }`, { input: { url: `${receiver.base}/x`, eventTypes: ['everything'] } }, { token: adminA });
    expect(JSON.stringify(unknown.errors?.[0]?.extensions)).toContain('eventTypes');
  });

  it("what a target can hear, and a tenant's feed key, follow the kinds of the tenant's space", async () => {
    const { factory } = started;
    const offered = async (token: string) => expectData(await app().graphql<{ webhookEventTypes: string[] }>('{ webhookEventTypes }', {}, { token })).webhookEventTypes;
    const registering = (token: string, eventTypes: string[]) =>
      app().graphql<{ registerWebhook: { secret: string } }>(`mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { secret } }`, { input: { url: `${receiver.base}/kinds`, eventTypes } }, { token });
    const feedKey = (token: string) => app().graphql<{ createApiKey: { apiKey: { scopes: string[] } } }>('mutation { createApiKey(input: { name: "Feed" }) { secret apiKey { scopes } } }', {}, { token });
    const space = async (kinds: TenantKind[]) => {
      const tenant = await factory.tenant({ kinds });
      const company = await factory.organisation(tenant);
      return {
        staff: (await factory.login(await factory.user({ tenant, roles: [Role.TENANT_ADMIN] }))).accessToken,
        company: (await factory.login(await factory.user({ tenant, organisation: company, roles: [Role.ORG_ADMIN] }))).accessToken,
      };
    };
    const CERTIFICATE_EVENTS = ['certificate.issued', 'certificate.revoked', 'certificate.superseded', 'certificate_application.state_changed'];

    // A chamber publishes no datasheet feed: its staff hear only the signed heads of its logs (in any space), and get no feed key.
    const chamber = await space([TenantKind.CHAMBER_OF_COMMERCE]);
    expect(await offered(chamber.staff)).toEqual(['audit.checkpoint']);
    expect((await registering(chamber.staff, ['datasheet.published'])).errors?.[0]?.extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', reason: 'WEBHOOK_EVENT_TYPE_REFUSED' }));
    expect((await feedKey(chamber.staff)).errors?.[0]?.extensions).toEqual(expect.objectContaining({ code: 'FORBIDDEN', reason: 'NO_DATASHEET_FEED' }));
    expect((await app().asOwner((db) => db.query(`SELECT count(*)::int AS n FROM api_key k JOIN tenant t ON t.id = k.tenant_id WHERE 'CERTIFICATION_BODY' <> ALL (t.kinds) AND k.organisation_id IS NULL`))).rows[0].n).toBe(0);
    // Its companies hear of their certificates, and of no project certificate (a certification body's).
    expect([...(await offered(chamber.company))].sort()).toEqual(CERTIFICATE_EVENTS);
    expect((await registering(chamber.company, ['project_certificate.distributed'])).errors?.[0]?.extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', reason: 'WEBHOOK_EVENT_TYPE_REFUSED' }));

    // A certification body: its staff hear the datasheet feed and get a feed key; its companies their distributed project certificates.
    const body = await space([TenantKind.CERTIFICATION_BODY]);
    expect([...(await offered(body.staff))].sort()).toEqual([...DATASHEET_EVENTS, 'audit.checkpoint'].sort());
    expect(expectData(await feedKey(body.staff)).createApiKey.apiKey.scopes).toEqual(['DATASHEET_FEED']);
    expect([...(await offered(body.company))].sort()).toEqual(['project_certificate.distributed', 'project_certificate.withdrawn']);
    expect((await registering(body.company, ['certificate.issued'])).errors?.[0]?.extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', reason: 'WEBHOOK_EVENT_TYPE_REFUSED' }));

    // A tenant of both kinds offers both.
    const both = await space([TenantKind.CHAMBER_OF_COMMERCE, TenantKind.CERTIFICATION_BODY]);
    expect([...(await offered(both.company))].sort()).toEqual([...CERTIFICATE_EVENTS, 'project_certificate.distributed', 'project_certificate.withdrawn'].sort());
    expect(expectData(await registering(both.staff, DATASHEET_EVENTS)).registerWebhook.secret).toMatch(/^whsec_/);
  });
});
