import { Role } from '@chancery/access';
import { emailDay } from '@chancery/notifications';
import { expectData, IdentityFactory, linkTokenOf, queuedEmails, reportFigure, TestApp, TestTenant, TestUser, useTestApp } from '@chancery/testing';

/**
 * VERIFY T11: the legal clock of data-subject requests, on a simulated clock. Acknowledged in the
 * intake's own transaction; due one calendar month after receipt (31 January → 28/29 February);
 * one extension, only with a reason, only before the first deadline, at most two months; a request
 * sent to the platform reaches every controlling tenant where the person appears.
 */

const REQUEST_FIELDS = 'id type status receivedAt acknowledgedAt firstDueOn dueOn extensionMonths extensionReason identityVerifiedBy overdue';

interface RequestView {
  id: string;
  type: string;
  status: string;
  receivedAt: string;
  acknowledgedAt: string | null;
  firstDueOn: string;
  dueOn: string;
  extensionMonths: number | null;
  extensionReason: string | null;
  identityVerifiedBy: string | null;
  overdue: boolean;
}

describe('T11 data-subject request clock', () => {
  const started = useTestApp({ env: { EXPOSE_STATEMENT_COUNT: 'true' } });
  let app: TestApp;
  let factory: IdentityFactory;
  let tenant: TestTenant;
  let otherTenant: TestTenant;
  let member: TestUser;
  let officer: TestUser;
  const refusedExtensions: string[] = [];
  const dueDates: string[] = [];
  let acknowledgedInIntake = 0;

  const at = (iso: string) => app.clock.set(new Date(iso));
  const tokenOf = async (user: TestUser) => (await factory.login(user)).accessToken;

  async function askAsMember(type: string): Promise<RequestView> {
    const token = await tokenOf(member);
    return expectData(
      await app.graphql<{ requestMyDataSubjectRight: RequestView }>(
        `mutation($input: MyDataSubjectRequestInput!) { requestMyDataSubjectRight(input: $input) { ${REQUEST_FIELDS} } }`,
        { input: { type } },
        { token },
      ),
    ).requestMyDataSubjectRight;
  }

  async function extend(requestId: string, months: number, reason: string) {
    return app.graphql<{ extendDataSubjectRequest: RequestView }>(
      `mutation($input: ExtendDataSubjectRequestInput!) { extendDataSubjectRequest(input: $input) { ${REQUEST_FIELDS} } }`,
      { input: { requestId, months, reason } },
      { token: await tokenOf(officer) },
    );
  }

  /** The request and its acknowledgement e-mail were written by one transaction (same xmin), at the same instant. */
  async function acknowledgedInSameTransaction(requestId: string, email: string): Promise<boolean> {
    return app.asOwner(async (db) => {
      const [request] = (await db.query(`SELECT xmin::text AS tx, received_at, acknowledged_at FROM data_subject_request WHERE id = $1`, [requestId])).rows as Array<{ tx: string; received_at: Date; acknowledged_at: Date }>;
      const messages = (await db.query(`SELECT xmin::text AS tx FROM outbox_message WHERE recipient = $1 AND template = 'privacy.request-acknowledged'`, [email])).rows as Array<{ tx: string }>;
      return !!request && request.acknowledged_at?.getTime() === request.received_at.getTime() && messages.some((m) => m.tx === request.tx);
    });
  }

  beforeAll(async () => {
    app = started.app;
    factory = started.factory;
    tenant = await factory.tenant();
    otherTenant = await factory.tenant();
    const company = await factory.organisation(tenant);
    member = await factory.user({ tenant, organisation: company, roles: [Role.ORG_MEMBER] });
    officer = await factory.user({ tenant, roles: [Role.PRIVACY_OFFICER] });
  });

  it('a request received on Saturday 31 January 2032 (leap year) is acknowledged in its intake transaction and due on 29 February', async () => {
    at('2032-01-31T10:00:00Z');
    const request = await askAsMember('ACCESS');
    expect(request).toMatchObject({ type: 'ACCESS', status: 'IN_PROGRESS', firstDueOn: '2032-02-29', dueOn: '2032-02-29', identityVerifiedBy: 'LOGIN', overdue: false });
    expect(request.acknowledgedAt).toBe(request.receivedAt);
    expect(await acknowledgedInSameTransaction(request.id, member.email)).toBe(true);
    // The person reads the kind of request and the days in their words, not ACCESS and 2032-02-29.
    const [acknowledgement] = await queuedEmails(app, { recipient: member.email, template: 'privacy.request-acknowledged' });
    expect(acknowledgement!.body).toBe('We received your request (access to your data) on 31 January 2032. We will answer by 29 February 2032 at the latest.');
    acknowledgedInIntake += 1;
    dueDates.push(request.dueOn);
  });

  it('on Sunday 31 January 2027 (common year) it is due on 28 February', async () => {
    at('2027-01-31T18:30:00Z');
    const request = await askAsMember('ERASURE');
    expect(request.firstDueOn).toBe('2027-02-28');
    if (await acknowledgedInSameTransaction(request.id, member.email)) acknowledgedInIntake += 1;
    dueDates.push(request.dueOn);
  });

  it('extends once, with a reason, by at most two months, before the first deadline; the person is told', async () => {
    at('2032-01-31T10:00:00Z');
    const request = await askAsMember('PORTABILITY');
    if (await acknowledgedInSameTransaction(request.id, member.email)) acknowledgedInIntake += 1;
    at('2032-02-20T09:00:00Z');

    const withoutReason = await extend(request.id, 2, '');
    expect(withoutReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.reason' })] });
    refusedExtensions.push('no reason');
    const threeMonths = await extend(request.id, 3, 'Records held in archives need retrieval');
    expect(threeMonths.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.months' })] });
    refusedExtensions.push('a third month');

    const extended = expectData(await extend(request.id, 2, 'Records held in archives need retrieval')).extendDataSubjectRequest;
    expect(extended).toMatchObject({ firstDueOn: '2032-02-29', dueOn: '2032-04-29', extensionMonths: 2, extensionReason: 'Records held in archives need retrieval' });
    const told = await app.asOwner(async (db) => (await db.query(`SELECT count(*)::int AS n FROM outbox_message WHERE recipient = $1 AND template = 'privacy.request-extended'`, [member.email])).rows[0].n as number);
    expect(told).toBe(1);

    const again = await extend(request.id, 1, 'Still more archives to search');
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    refusedExtensions.push('a second extension');
  });

  it('extensions sent at the same moment extend once: one e-mail, with the due date stored (attack report D2)', async () => {
    at('2032-06-01T10:00:00Z');
    const request = await askAsMember('ACCESS');
    const officerToken = await tokenOf(officer);
    // The calls all arrive while another transaction holds the request's row, and go on together once it ends.
    const answers = await app.asOwner(async (db) => {
      await db.query('BEGIN');
      await db.query(`SELECT 1 FROM data_subject_request WHERE id = $1 FOR UPDATE`, [request.id]);
      const calls = Array.from({ length: 10 }, (_, i) =>
        app.graphql<{ extendDataSubjectRequest: RequestView }>(
          `mutation($input: ExtendDataSubjectRequestInput!) { extendDataSubjectRequest(input: $input) { ${REQUEST_FIELDS} } }`,
          { input: { requestId: request.id, months: 1 + (i % 2), reason: `Archives to search (${i})` } },
          { token: officerToken },
        ));
      await new Promise((resolve) => setTimeout(resolve, 500));
      await db.query('COMMIT');
      return Promise.all(calls);
    });
    expect(answers.filter((a) => !a.errors).length).toBe(1);
    expect(answers.filter((a) => a.errors).every((a) => a.errors![0]!.extensions?.reason === 'EXTENSION_NOT_ALLOWED')).toBe(true);
    const stored = await app.asOwner(async (db) => (await db.query(`SELECT due_on::text AS due_on, extension_reason FROM data_subject_request WHERE id = $1`, [request.id])).rows[0] as { due_on: string; extension_reason: string });
    const told = await queuedEmails(app, { recipient: member.email, template: 'privacy.request-extended' });
    const toldNow = told.filter((m) => m.body.includes('Archives to search ('));
    expect(toldNow).toHaveLength(1);
    // The new due day as the person reads it ("29 April 2032"), not as stored.
    expect(toldNow[0]!.body).toContain(emailDay(stored.due_on, 'en'));
    expect(toldNow[0]!.body).not.toContain(stored.due_on);
    expect(toldNow[0]!.body).toContain(stored.extension_reason);
  });

  it('refuses an extension after the first deadline, and the queue raises the overdue alarm', async () => {
    at('2032-01-31T10:00:00Z');
    const request = await askAsMember('RECTIFICATION');
    at('2032-03-01T00:00:01Z');
    const late = await extend(request.id, 1, 'We forgot to look at it in time');
    expect(late.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    refusedExtensions.push('after the first deadline');

    const queue = expectData(
      await app.graphql<{ dataSubjectRequests: RequestView[] }>(`{ dataSubjectRequests { ${REQUEST_FIELDS} } }`, {}, { token: await tokenOf(officer) }),
    ).dataSubjectRequests;
    expect(queue.find((r) => r.id === request.id)).toMatchObject({ dueOn: '2032-02-29', overdue: true });
    expect(queue.find((r) => r.extensionMonths === 2)).toMatchObject({ dueOn: '2032-04-29', overdue: false });
    // Sorted by due date: the oldest deadline first.
    expect(queue.map((r) => r.dueOn)).toEqual([...queue.map((r) => r.dueOn)].sort());
    const forbidden = await app.graphql(`{ dataSubjectRequests { id } }`, {}, { token: await tokenOf(member) });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('the public form cannot flood an address: at most 3 unconfirmed requests per address and tenant a day, one per document (probe E: 15 aliases sent 30 e-mails)', async () => {
    at('2032-03-10T12:00:00Z');
    const email = `flooded-${Date.now()}@example.test`;
    const other = `other-${Date.now()}@example.test`;
    // Each request's work runs after its answer: settled before the next, as people send them.
    const submit = async (address: string) => {
      const answer = await app.graphql<{ submitDataSubjectRequest: boolean }>(`mutation($input: PublicDataSubjectRequestInput!) { submitDataSubjectRequest(input: $input) }`, { input: { email: address, type: 'ACCESS', language: 'en', tenant: tenant.slug } });
      await app.settled();
      return answer;
    };
    const aliased = await app.graphql(
      `mutation($input: PublicDataSubjectRequestInput!) { a: submitDataSubjectRequest(input: $input) b: submitDataSubjectRequest(input: $input) }`,
      { input: { email, type: 'ACCESS', language: 'en', tenant: tenant.slug } },
    );
    expect(aliased.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    // Every answer is the same true: nothing tells a caller whether the address was sent anything.
    for (let i = 0; i < 8; i += 1) expect(expectData(await submit(email)).submitDataSubjectRequest).toBe(true);
    expect(expectData(await submit(other)).submitDataSubjectRequest).toBe(true);
    const count = (address: string) =>
      app.asOwner(async (db) => ({
        requests: (await db.query(`SELECT count(*)::int AS n FROM data_subject_request WHERE requester_email = $1`, [address])).rows[0].n as number,
        mails: (await db.query(`SELECT count(*)::int AS n FROM outbox_message WHERE recipient = $1`, [address])).rows[0].n as number,
      }));
    expect(await count(email)).toEqual({ requests: 3, mails: 6 });
    expect(await count(other)).toEqual({ requests: 1, mails: 2 });
    // A day later the address may be sent a request again.
    at('2032-03-11T12:00:01Z');
    expect(expectData(await submit(email)).submitDataSubjectRequest).toBe(true);
    expect(await count(email)).toEqual({ requests: 4, mails: 8 });
  });

  it('a public request whose address is not confirmed within 7 days: the link no longer works, and the sweep closes it without the address or the words', async () => {
    at('2032-05-03T09:00:00Z');
    const stamp = Date.now();
    const [late, never, prompt] = [`late-${stamp}@example.test`, `never-${stamp}@example.test`, `prompt-${stamp}@example.test`];
    for (const address of [late, never, prompt]) {
      const submitted = await app.graphql<{ submitDataSubjectRequest: boolean }>(`mutation($input: PublicDataSubjectRequestInput!) { submitDataSubjectRequest(input: $input) }`, {
        input: { email: address, type: 'ERASURE', language: 'en', tenant: tenant.slug, details: `Erase everything about ${address}` },
      });
      expect(expectData(submitted).submitDataSubjectRequest).toBe(true);
    }
    await app.settled();
    const ids = await app.asOwner(async (db) =>
      Object.fromEntries((await db.query(`SELECT requester_email, id::text AS id FROM data_subject_request WHERE requester_email = ANY($1::text[])`, [[late, never, prompt]])).rows.map((r) => [r.requester_email, r.id])) as Record<string, string>,
    );
    const linkOf = async (address: string) => linkTokenOf((await queuedEmails(app, { recipient: address, template: 'privacy.request-confirm-address' }))[0]!.body)!;
    expect((await queuedEmails(app, { recipient: late, template: 'privacy.request-confirm-address' }))[0]!.body).toContain('valid for 7 days');
    const confirm = async (address: string) => app.graphql(`mutation($t: String!) { confirmDataSubjectRequest(token: $t) }`, { t: await linkOf(address) });

    at('2032-05-10T08:59:59Z');
    expectData(await confirm(prompt));
    at('2032-05-10T09:00:01Z');
    expect((await confirm(late)).errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'REQUEST_LINK_INVALID' });

    const officerToken = await tokenOf(officer);
    expectData(await app.graphql(`mutation { runRetentionSweep { holder } }`, {}, { token: officerToken }));
    const after = await app.asOwner(async (db) =>
      Object.fromEntries((await db.query(
        `SELECT id::text AS id, type, status, received_at, requester_email, details, subject_user_id, outcome, verification_token_hash IS NULL AS link_gone FROM data_subject_request WHERE id = ANY($1::uuid[])`,
        [Object.values(ids)],
      )).rows.map((r) => [r.id, r])),
    );
    for (const address of [late, never]) {
      expect(after[ids[address]!]).toMatchObject({
        type: 'ERASURE', status: 'REFUSED', received_at: new Date('2032-05-03T09:00:00Z'), requester_email: null, details: null, subject_user_id: null, link_gone: true,
        outcome: expect.stringContaining('never confirmed within 7 days'),
      });
    }
    expect(after[ids[prompt]!]).toMatchObject({ status: 'AWAITING_IDENTITY_CHECK', requester_email: prompt });
    // The officers' queue no longer holds them: nothing was there for them to do.
    const queue = expectData(await app.graphql<{ dataSubjectRequests: RequestView[] }>(`{ dataSubjectRequests { ${REQUEST_FIELDS} } }`, {}, { token: officerToken })).dataSubjectRequests;
    expect(queue.map((r) => r.id)).toContain(ids[prompt]);
    expect(queue.map((r) => r.id)).not.toContain(ids[late]);
    expect(queue.map((r) => r.id)).not.toContain(ids[never]);
  });

  it('a request sent to the platform reaches every tenant where the address appears, and answers the same for an unknown one', async () => {
    at('2032-01-31T12:00:00Z');
    const email = `routed-${Date.now()}@example.test`;
    await factory.user({ tenant, roles: [Role.CLERK], email });
    await factory.user({ tenant: otherTenant, organisation: await factory.organisation(otherTenant), roles: [Role.ORG_ADMIN], email });
    // The answer does the same database work for an address with accounts as for one without (attack of
    // 3 December 2026: 11.5 against 5.9 ms told which addresses have an account, in every tenant): the
    // routing runs after the response, as a password reset's look-up does.
    const statementsOf = async (address: string) => {
      const response = await app.http().post('/graphql').set('content-type', 'application/json')
        .send({ query: 'mutation($input: PublicDataSubjectRequestInput!) { submitDataSubjectRequest(input: $input) }', variables: { input: { email: address, type: 'ACCESS', language: 'nl' } } });
      expect(response.body.errors).toBeUndefined();
      return response.headers['x-sql-statements'];
    };
    const known = await statementsOf(email);
    const unknownAddress = await statementsOf(`nobody-${Date.now()}@example.test`);
    expect(known).toBeDefined();
    expect(known).toBe(unknownAddress);
    await app.settled();

    const rows = await app.asOwner(async (db) =>
      (await db.query(`SELECT tenant_id, status, due_on::text AS due_on, acknowledged_at IS NOT NULL AS acknowledged FROM data_subject_request WHERE requester_email = $1 ORDER BY tenant_id`, [email])).rows as Array<{ tenant_id: string; status: string; due_on: string; acknowledged: boolean }>,
    );
    expect(rows.map((r) => r.tenant_id).sort()).toEqual([tenant.id, otherTenant.id].sort());
    expect(rows.every((r) => r.status === 'AWAITING_EMAIL_VERIFICATION' && r.due_on === '2032-02-29' && r.acknowledged)).toBe(true);
    const unknown = await app.asOwner(async (db) => (await db.query(`SELECT count(*)::int AS n FROM data_subject_request WHERE requester_email LIKE 'nobody-%'`)).rows[0].n as number);
    expect(unknown).toBe(0);

    // Nothing is released before the identity is checked: the confirmation link, then the officer's check.
    const [link] = (await queuedEmails(app, { recipient: email, template: 'privacy.request-confirm-address' })).filter((m) => m.tenantId === tenant.id);
    const token = linkTokenOf(link!.body)!;
    const [request] = expectData(await app.graphql<{ dataSubjectRequests: RequestView[] }>(`{ dataSubjectRequests { ${REQUEST_FIELDS} } }`, {}, { token: await tokenOf(officer) }))
      .dataSubjectRequests.filter((r) => r.status === 'AWAITING_EMAIL_VERIFICATION');
    const early = await app.graphql(`mutation($id: ID!) { exportForDataSubjectRequest(requestId: $id) { id } }`, { id: request!.id }, { token: await tokenOf(officer) });
    expect(early.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(expectData(await app.graphql<{ confirmDataSubjectRequest: boolean }>(`mutation($t: String!) { confirmDataSubjectRequest(token: $t) }`, { t: token })).confirmDataSubjectRequest).toBe(true);
    const reused = await app.graphql(`mutation($t: String!) { confirmDataSubjectRequest(token: $t) }`, { t: token });
    expect(reused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const checked = expectData(
      await app.graphql<{ checkDataSubjectIdentity: RequestView }>(`mutation($id: ID!) { checkDataSubjectIdentity(requestId: $id) { ${REQUEST_FIELDS} } }`, { id: request!.id }, { token: await tokenOf(officer) }),
    ).checkDataSubjectIdentity;
    expect(checked).toMatchObject({ status: 'IN_PROGRESS', identityVerifiedBy: 'EMAIL_AND_MANUAL_CHECK' });

    reportFigure(
      `T11 request clock: ${acknowledgedInIntake} requests received on 31 January acknowledged in their intake transaction, due ${[...new Set(dueDates)].sort().join(' and ')}, ` +
        `1 extension with a reason accepted, ${refusedExtensions.length} refused (${refusedExtensions.join(', ')}), routed to ${rows.length} controlling tenants`,
    );
  });
});
