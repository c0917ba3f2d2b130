import { Role } from '@chancery/access';
import { ARTICLE_33_3_HEADINGS } from '@chancery/privacy';
import { expectData, IdentityFactory, reportFigure, TestApp, TestOrganisation, TestTenant, TestUser, useTestApp } from '@chancery/testing';

/**
 * VERIFY T18 — breach drill (simulated clock), SPEC §5 (000 §7, 001, 002 §5; GDPR Art. 33–34): every
 * breach is in the register, notifiable or not; awareness starts a 72-hour clock; the notification
 * draft holds the items of Art. 33(3); the people affected are derived from the data categories and
 * the records involved; those of a high-risk breach are told in their own language.
 */
const HOUR = 60 * 60 * 1000;
const BREACH_FIELDS = `id reference nature becameAwareAt occurredAt dataCategories involvedOrganisationIds involvesAllOrganisations involvesStaff
  affectedPeople affectedRecords likelyConsequences measures notifiable notNotifiableReason highRisk authorityNotifiedAt delayReason
  subjectsNotifiedAt subjectsNotified registeredAt authorityDeadline notificationDraft`;

interface BreachAnswer {
  id: string; reference: string; becameAwareAt: string; affectedPeople: number; notifiable: boolean; authorityDeadline: string; notificationDraft: string;
  authorityNotifiedAt: string | null; delayReason: string | null; subjectsNotified: number | null;
}

describe('T18 breach drill', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  let tenant: TestTenant;
  let otherTenant: TestTenant;
  let companies: TestOrganisation[];
  const people: Record<string, TestUser[]> = {};
  let privacyOfficer: TestUser;
  let tenantAdmin: TestUser;
  let clerk: TestUser;
  let otherPrivacyOfficer: TestUser;
  const figures = { breaches: 0, drafts: 0, derived: 0, notNotifiableDocumented: 0 };

  const gql = async <T>(query: string, variables: Record<string, unknown>, user: TestUser) =>
    app.graphql<T>(query, variables, { token: (await factory.login(user)).accessToken });
  const register = (input: Record<string, unknown>, user = privacyOfficer) =>
    gql<{ registerBreach: BreachAnswer }>(`mutation($input: RegisterBreachInput!) { registerBreach(input: $input) { ${BREACH_FIELDS} } }`, { input }, user);

  const started = useTestApp();
  beforeAll(async () => {
    app = started.app;
    factory = started.factory;
    app.clock.set(new Date('2026-06-15T08:00:00Z'));
    tenant = await factory.tenant();
    otherTenant = await factory.tenant();
    companies = [];
    for (const n of [0, 1, 2]) {
      const company = await factory.organisation(tenant, { name: `Company ${n}` });
      companies.push(company);
      people[company.id] = [
        await factory.user({ tenant, organisation: company, roles: [Role.ORG_ADMIN] }),
        await factory.user({ tenant, organisation: company, roles: [Role.ORG_MEMBER] }),
        await factory.user({ tenant, organisation: company, roles: [Role.ORG_MEMBER] }),
      ];
    }
    privacyOfficer = await factory.user({ tenant, roles: [Role.PRIVACY_OFFICER] });
    tenantAdmin = await factory.user({ tenant, roles: [Role.TENANT_ADMIN] });
    clerk = await factory.user({ tenant, roles: [Role.CLERK] });
    const otherCompany = await factory.organisation(otherTenant);
    await factory.user({ tenant: otherTenant, organisation: otherCompany, roles: [Role.ORG_ADMIN] });
    otherPrivacyOfficer = await factory.user({ tenant: otherTenant, roles: [Role.PRIVACY_OFFICER] });
    // Languages of the people of company 0, so the notices can be checked in each.
    await app.asOwner(async (db) => {
      const [admin, first, second] = people[companies[0]!.id]!;
      for (const [user, language] of [[admin!, 'nl'], [first!, 'fr'], [second!, 'de']] as const) {
        await db.query(`UPDATE user_account SET preferred_language = $2 WHERE id = $1`, [user.id, language]);
      }
    });
  });

  let breach: BreachAnswer;

  it('awareness starts the 72-hour clock; the draft holds the Art. 33(3) items; the people affected are derived from categories and records', async () => {
    const becameAwareAt = new Date(app.clock.now().getTime() - 2 * HOUR);
    breach = expectData(await register({
      reference: 'BR-2026-001', nature: 'A clerk’s laptop with an export of two companies’ users was stolen from a car.',
      becameAwareAt: becameAwareAt.toISOString(), dataCategories: ['contact', 'identification'],
      involvedOrganisationIds: [companies[0]!.id, companies[1]!.id], likelyConsequences: 'Phishing e-mails to the people listed.',
      measures: 'Laptop disk encrypted; remote wipe sent; passwords of the staff member reset.', notifiable: true, highRisk: true,
    })).registerBreach;
    figures.breaches += 1;
    expect(new Date(breach.authorityDeadline).getTime() - new Date(breach.becameAwareAt).getTime()).toBe(72 * HOUR);
    // Derived: the users of the two companies involved (3 each), not the third company, not the staff.
    expect(breach.affectedPeople).toBe(6);
    figures.derived += 1;
    for (const heading of ARTICLE_33_3_HEADINGS) expect(breach.notificationDraft).toContain(`## ${heading}`);
    expect(breach.notificationDraft).toContain('Approximate number of data subjects: 6');
    expect(breach.notificationDraft).toContain('data-protection contact: ');
    expect(breach.notificationDraft).toContain('(70 hours left)');
    figures.drafts += 1;
  });

  it('other categories and records derive other people: credentials of the staff reach the staff, company data reaches the companies’ administrators', async () => {
    const staff = expectData(await register({
      reference: 'BR-2026-002', nature: 'Password hashes of staff accounts exposed in a log file.', becameAwareAt: app.clock.now().toISOString(),
      dataCategories: ['credentials'], involvesStaff: true, likelyConsequences: 'Offline guessing of weak passwords.', measures: 'Passwords reset.',
      notifiable: false, notNotifiableReason: 'Hashes are argon2id with a strong policy: unlikely to result in a risk (Art. 33(1)).',
    })).registerBreach;
    expect(staff.affectedPeople).toBe(3);
    const company = expectData(await register({
      reference: 'BR-2026-003', nature: 'Bank accounts of all customer companies sent to a wrong recipient.', becameAwareAt: app.clock.now().toISOString(),
      dataCategories: ['financial'], involvesAllOrganisations: true, likelyConsequences: 'Fraudulent debit attempts.', measures: 'Recipient confirmed deletion.', notifiable: true,
    })).registerBreach;
    expect(company.affectedPeople).toBe(companies.length);
    figures.breaches += 2;
    figures.derived += 2;
  });

  it('a breach that is not notifiable is documented all the same, with the reason; the reason is required', async () => {
    const missing = await register({
      reference: 'BR-2026-004', nature: 'E-mail to a wrong colleague, deleted unread.', becameAwareAt: app.clock.now().toISOString(), dataCategories: ['contact'],
      likelyConsequences: 'None.', measures: 'Recipient confirmed deletion.', notifiable: false,
    });
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_NOTIFIABLE_REASON_REQUIRED' });
    const documented = expectData(await register({
      reference: 'BR-2026-004', nature: 'E-mail to a wrong colleague, deleted unread.', becameAwareAt: app.clock.now().toISOString(), dataCategories: ['contact'],
      likelyConsequences: 'None.', measures: 'Recipient confirmed deletion.', notifiable: false, notNotifiableReason: 'Unlikely to result in a risk: deleted unread.',
    })).registerBreach;
    expect(documented.notificationDraft).toContain('Not notifiable: Unlikely to result in a risk: deleted unread.. Documented in the register under Art. 33(5).');
    const list = expectData(await gql<{ breaches: Array<{ reference: string; notifiable: boolean }> }>(`{ breaches { reference notifiable } }`, {}, tenantAdmin)).breaches;
    expect(list.filter((b) => !b.notifiable).map((b) => b.reference).sort()).toEqual(['BR-2026-002', 'BR-2026-004']);
    const notify = await gql(`mutation($input: RecordBreachAuthorityNotificationInput!) { recordBreachAuthorityNotification(input: $input) { id } }`, { input: { breachId: documented.id } }, privacyOfficer);
    expect(notify.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'BREACH_NOT_NOTIFIABLE' });
    figures.breaches += 1;
    figures.notNotifiableDocumented = list.filter((b) => !b.notifiable).length;
  });

  it('after 72 hours the draft says overdue, and the notification is recorded only with the reasons for the delay', async () => {
    app.clock.set(new Date(new Date(breach.becameAwareAt).getTime() + 72 * HOUR + 1));
    const overdue = expectData(await gql<{ breach: BreachAnswer }>(`query($id: ID!) { breach(breachId: $id) { notificationDraft } }`, { id: breach.id }, privacyOfficer)).breach;
    expect(overdue.notificationDraft).toContain('OVERDUE since');
    const record = (input: Record<string, unknown>) => gql<{ recordBreachAuthorityNotification: BreachAnswer }>(
      `mutation($input: RecordBreachAuthorityNotificationInput!) { recordBreachAuthorityNotification(input: $input) { ${BREACH_FIELDS} } }`, { input }, privacyOfficer);
    expect((await record({ breachId: breach.id })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DELAY_REASON_REQUIRED' });
    const onTime = await record({ breachId: breach.id, notifiedAt: new Date(new Date(breach.becameAwareAt).getTime() + 71 * HOUR).toISOString() });
    expect(expectData(onTime).recordBreachAuthorityNotification).toMatchObject({ delayReason: null });
    expect((await record({ breachId: breach.id, delayReason: 'x' })).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'AUTHORITY_ALREADY_NOTIFIED' });
  });

  it('the people of a high-risk breach are told once, each in their language', async () => {
    const notify = () => gql<{ notifyBreachSubjects: BreachAnswer }>(`mutation($id: ID!) { notifyBreachSubjects(breachId: $id) { subjectsNotified subjectsNotifiedAt } }`, { id: breach.id }, privacyOfficer);
    expect(expectData(await notify()).notifyBreachSubjects.subjectsNotified).toBe(6);
    expect((await notify()).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'SUBJECTS_ALREADY_NOTIFIED' });
    const messages = await app.asOwner(async (db) => (await db.query(`SELECT recipient, subject FROM outbox_message WHERE template = 'privacy.breach-notice' AND tenant_id = $1`, [tenant.id])).rows as Array<{ recipient: string; subject: string }>);
    const expected = [...people[companies[0]!.id]!, ...people[companies[1]!.id]!].map((u) => u.email).sort();
    expect(messages.map((m) => m.recipient).sort()).toEqual(expected);
    const subjectOf = (user: TestUser) => messages.find((m) => m.recipient === user.email)!.subject;
    const [nl, fr, de] = people[companies[0]!.id]!;
    expect(subjectOf(nl!)).toContain('beveiligingsincident');
    expect(subjectOf(fr!)).toContain('incident de sécurité');
    expect(subjectOf(de!)).toContain('Sicherheitsvorfall');
  });

  it('only the privacy officer writes the register, the tenant admin reads it, no one else; another tenant sees none of it', async () => {
    const input = { reference: 'BR-X', nature: 'x', becameAwareAt: app.clock.now().toISOString(), dataCategories: ['contact'], likelyConsequences: 'x', measures: 'x', notifiable: true };
    expect((await register(input, tenantAdmin)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await register(input, clerk)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gql(`{ breaches { id } }`, {}, clerk)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(expectData(await gql<{ breaches: unknown[] }>(`{ breaches { id } }`, {}, otherPrivacyOfficer)).breaches).toEqual([]);
    const foreign = await gql(`query($id: ID!) { breach(breachId: $id) { id } }`, { id: breach.id }, otherPrivacyOfficer);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const foreignCompany = await register({ ...input, involvedOrganisationIds: [companies[0]!.id] }, otherPrivacyOfficer);
    expect(foreignCompany.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const future = await register({ ...input, reference: 'BR-F', becameAwareAt: new Date(app.clock.now().getTime() + HOUR).toISOString() });
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'AWARENESS_IN_THE_FUTURE' });
  });

  it('prints the figure', async () => {
    // Every breach of the register, read back: its draft holds the four items.
    const all = expectData(await gql<{ breaches: BreachAnswer[] }>(`{ breaches { ${BREACH_FIELDS} } }`, {}, privacyOfficer)).breaches;
    figures.drafts = all.filter((b) => ARTICLE_33_3_HEADINGS.every((h) => b.notificationDraft.includes(`## ${h}`))).length;
    expect(figures.drafts).toBe(all.length);
    reportFigure(`T18 breach drill: ${figures.breaches} breaches, 72-hour clock from awareness, ${figures.drafts}/${figures.breaches} drafts with the 4 Art. 33(3) items, affected people derived in ${figures.derived}/${figures.derived}, ${figures.notNotifiableDocumented} not notifiable documented`);
    expect(figures.breaches).toBe(4);
  });
  it('counts and tells everyone whose data is still held, a disabled or unconfirmed account too, never an erased one (attack report D6)', async () => {
    const company = await factory.organisation(tenant, { name: 'Company with leavers' });
    const active = await factory.user({ tenant, organisation: company, roles: [Role.ORG_ADMIN] });
    // Left the company: disabled, their name, address and sessions held until the ACCOUNT retention de-identifies them.
    const leaver = await factory.user({ tenant, organisation: company, roles: [Role.ORG_MEMBER] });
    await app.asOwner((db) => db.query(`UPDATE user_account SET status = 'DISABLED', disabled_at = now() WHERE id = $1`, [leaver.id]));
    const unconfirmed = await factory.user({ tenant, organisation: company, roles: [Role.ORG_MEMBER], status: 'PENDING_CONFIRMATION' });
    // Erased (or de-identified by retention): nothing of the person is held, and no address is left.
    const erased = await factory.user({ tenant, organisation: company, roles: [Role.ORG_MEMBER] });
    await app.asOwner(async (db) => {
      await db.query(
        `UPDATE user_account SET email = 'erased-' || id::text || '@erased.invalid', first_name = '', last_name = '', phone = NULL, password_hash = NULL, status = 'DISABLED', disabled_at = now() WHERE id = $1`,
        [erased.id],
      );
      await db.query(`DELETE FROM user_role WHERE user_id = $1`, [erased.id]);
    });
    const registered = expectData(await register({
      reference: 'BR-2026-HELD', nature: 'An export of one company’s users, leavers included, was sent to a wrong address.',
      becameAwareAt: app.clock.now().toISOString(), dataCategories: ['contact', 'identification'], involvedOrganisationIds: [company.id],
      likelyConsequences: 'Phishing.', measures: 'Recipient asked to delete it.', notifiable: true, highRisk: true,
    })).registerBreach;
    expect(registered.affectedPeople).toBe(3);
    expect(registered.notificationDraft).toContain('Approximate number of data subjects: 3');
    const notified = expectData(await gql<{ notifyBreachSubjects: BreachAnswer }>(`mutation($id: ID!) { notifyBreachSubjects(breachId: $id) { subjectsNotified } }`, { id: registered.id }, privacyOfficer))
      .notifyBreachSubjects;
    expect(notified.subjectsNotified).toBe(3);
    const recipients = await app.asOwner(async (db) =>
      (await db.query(`SELECT recipient FROM outbox_message WHERE template = 'privacy.breach-notice' AND tenant_id = $1 AND body <> '' AND recipient = ANY($2::text[])`, [
        tenant.id, [active.email, leaver.email, unconfirmed.email, erased.email, `erased-${erased.id}@erased.invalid`],
      ])).rows.map((r) => r.recipient as string),
    );
    expect(recipients.sort()).toEqual([active.email, leaver.email, unconfirmed.email].sort());
  });

  it('refuses times out of order: a breach known before it occurred, an authority notified before the breach was known (probe E: both stored)', async () => {
    const input = { reference: 'BR-ORDER', nature: 'x', dataCategories: ['contact'], likelyConsequences: 'x', measures: 'x', notifiable: true };
    const becameAwareAt = new Date(app.clock.now().getTime() - 48 * HOUR);
    const knownFirst = await register({ ...input, becameAwareAt: becameAwareAt.toISOString(), occurredAt: new Date(becameAwareAt.getTime() + HOUR).toISOString() });
    expect(knownFirst.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'BREACH_TIMES_OUT_OF_ORDER', fields: [expect.objectContaining({ field: 'input.occurredAt' })] });
    const registered = expectData(await register({ ...input, becameAwareAt: becameAwareAt.toISOString(), occurredAt: new Date(becameAwareAt.getTime() - HOUR).toISOString() })).registerBreach;
    const notify = (notifiedAt: Date) =>
      gql<{ recordBreachAuthorityNotification: BreachAnswer }>(
        `mutation($input: RecordBreachAuthorityNotificationInput!) { recordBreachAuthorityNotification(input: $input) { authorityNotifiedAt } }`,
        { input: { breachId: registered.id, notifiedAt: notifiedAt.toISOString() } },
        privacyOfficer,
      );
    // Backdated to before awareness, it would make the 72-hour deadline look met.
    expect((await notify(new Date('2000-01-01T00:00:00Z'))).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'BREACH_TIMES_OUT_OF_ORDER', fields: [expect.objectContaining({ field: 'input.notifiedAt' })] });
    expect(expectData(await notify(new Date(becameAwareAt.getTime() + HOUR))).recordBreachAuthorityNotification.authorityNotifiedAt).toBe(new Date(becameAwareAt.getTime() + HOUR).toISOString());
  });

  it('refuses a time that is no RFC 3339 date-time with a four-digit year, naming the variable (a six-digit year was an internal error: PostgreSQL cannot store it)', async () => {
    const input = { reference: 'BR-YEAR', nature: 'x', dataCategories: ['contact'], likelyConsequences: 'x', measures: 'x', notifiable: true };
    for (const becameAwareAt of ['-271821-04-20T00:00:00.000Z', '+002026-01-01T00:00:00.000Z', '2026-01-01', '1764000000000', 'Tue Dec 01 2026 10:00:00 GMT+0100', '2026-12-01T10:00:00']) {
      const answer = await register({ ...input, becameAwareAt });
      expect({ becameAwareAt, extensions: answer.errors?.[0]?.extensions, message: answer.errors?.[0]?.message }).toEqual({
        becameAwareAt,
        extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'input.becameAwareAt', reason: expect.stringMatching(/RFC 3339/), constraint: 'type' }] },
        message: expect.stringMatching(/"input\.becameAwareAt".*RFC 3339/),
      });
    }
    // In the document itself, too.
    const literal = await gql(`mutation { registerBreach(input: { reference: "BR-YEAR", nature: "x", dataCategories: ["contact"], likelyConsequences: "x", measures: "x", notifiable: true, becameAwareAt: "-271821-04-20T00:00:00.000Z" }) { id } }`, {}, privacyOfficer);
    expect(literal.errors?.[0]).toMatchObject({ extensions: { code: expect.stringMatching(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/) }, message: expect.stringMatching(/RFC 3339/) });
    const { rows } = await app.asOwner((db) => db.query(`SELECT count(*)::int AS n FROM breach WHERE reference = 'BR-YEAR'`));
    expect(rows[0].n).toBe(0);
    // With an offset, and with fractions: accepted.
    expectData(await register({ ...input, becameAwareAt: new Date(app.clock.now().getTime() - HOUR).toISOString().replace('Z', '+00:00') }));
  });
});
