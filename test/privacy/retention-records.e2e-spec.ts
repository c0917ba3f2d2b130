import { Client } from 'pg';
import { Role } from '@chancery/access';
import { CertificationBody, DatasheetsFactory, expectData, IdentityFactory, reportFigure, TestApp, TestOrganisation, TestUser, useTestApp } from '@chancery/testing';

/**
 * VERIFY T15 (records): the retention sweep over four more rules, on a simulated clock, each in the
 * holder of the context that owns the table (platform defaults):
 *  - PERSONAL_DATA_ACCESS, 12 months after the access: the access log's old entries are pruned, each
 *    run leaving a checkpoint, and the chain of what remains still verifies;
 *  - ACCOUNT, 12 months after the account is closed (disabled): the account keeps its id, nothing else;
 *  - DISCLOSURE_ACKNOWLEDGEMENT, 12 months after the role ends (objection, roles withdrawn, account
 *    disabled): the acknowledgement is deleted;
 *  - SUB_PROCESSOR_OBJECTION, 5 years after the sub-processor is removed: the objection stays, naming
 *    and quoting no one (also one to a change of the platform's list).
 * Each seeds records past and not past the period, one under a legal hold and one of a restricted
 * person; the sweep runs in batches of 2; exactly the due records change, the rest stay byte for byte.
 */

interface Outcome {
  holder: string;
  expired: number;
  deleted: number;
  deidentified: number;
  held: number;
}

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date('2030-01-10T09:00:00Z');
/** Five years and three months on: past every period for what happened at T0. */
const LATER = new Date('2035-04-10T09:00:00Z');
const monthsBefore = (at: Date, months: number) => {
  const d = new Date(at);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
};

type Rows = Map<string, string>;

describe('T15 retention sweep: access log, accounts, acknowledgements, objections', () => {
  const started = useTestApp();
  let app: TestApp;
  let factory: IdentityFactory;
  let sheets: DatasheetsFactory;
  let body: CertificationBody;
  let operator: TestUser;
  let officer: TestUser;
  let companyA: TestOrganisation;
  let adminA: TestUser;
  let adminB: TestUser;
  let adminC: TestUser;
  /** Disabled at T0: due. */
  let closed: TestUser;
  /** Disabled at T0, under a legal hold (`User:<id>`). */
  let heldClosed: TestUser;
  /** Disabled six months before LATER: not due. */
  let recentlyClosed: TestUser;
  /** Role withdrawn at T0: their acknowledgement is due. */
  let leaver: TestUser;
  /** Role withdrawn at T0, their acknowledgement under a legal hold. */
  let heldLeaver: TestUser;
  /** Objected to the disclosure at T0: their acknowledgement is due. */
  let objector: TestUser;
  /** Company B's administrator, restricted (Art. 18) and then disabled at T0: nothing of theirs is touched. */
  let restricted: TestUser;
  let active: TestUser;
  /** Disabled at T0 and enabled again, and one whose role was withdrawn and granted again: their roles hold, nothing of theirs is due. */
  let reEnabled: TestUser;
  let regranted: TestUser;
  let heldAcknowledgement: string;
  let heldObjection: string;

  const token = async (user: TestUser) => (await factory.login(user)).accessToken;
  const gql = async <T>(query: string, variables: Record<string, unknown>, user: TestUser) =>
    expectData(await app.graphql<T>(query, variables, { token: await token(user) }));
  const announce = (user: TestUser, input: Record<string, unknown>) =>
    gql<{ announceSubProcessorChange: { id: string; subProcessorId: string } }>(
      `mutation($input: AnnounceSubProcessorChangeInput!) { announceSubProcessorChange(input: $input) { id subProcessorId } }`, { input }, user,
    ).then((d) => d.announceSubProcessorChange);
  const object = (user: TestUser, changeId: string, reason: string) =>
    gql<{ objectToSubProcessorChange: { id: string } }>(
      `mutation($input: ObjectToSubProcessorChangeInput!) { objectToSubProcessorChange(input: $input) { id } }`, { input: { changeId, reason } }, user,
    ).then((d) => d.objectToSubProcessorChange.id);
  // The clock moves on with each call: a day beyond the 30-day window.
  const addition = (name: string) => ({
    kind: 'ADDITION', description: `${name} joins`, effectiveAt: new Date(app.clock.now().getTime() + 31 * DAY).toISOString(),
    newSubProcessor: { name, service: 'hosting', location: 'BE', dataCategories: ['contact'] },
  });
  const removal = (subProcessorId: string) => ({ kind: 'REMOVAL', description: 'leaves', effectiveAt: new Date(app.clock.now().getTime() + 32 * DAY).toISOString(), subProcessorId });
  /** The staff read a person's contact details (the access log records it). */
  const staffReads = async (person: TestUser) => gql(`query($id: ID!) { user(id: $id) { email phone firstName } }`, { id: person.id }, body.clerk);

  /** The tenant's rows of a table by id, as their exact text, as the owner. */
  async function rows(db: Client, table: string, except: string[] = []): Promise<Rows> {
    const { rows: found } = await db.query(`SELECT id::text AS key, (to_jsonb(x) - $2::text[])::text AS text FROM ${table} x WHERE x.tenant_id = $1`, [body.tenant.id, except]);
    return new Map(found.map((r: { key: string; text: string }) => [r.key, r.text]));
  }

  async function snapshot(): Promise<Record<'accesses' | 'accounts' | 'acknowledgements' | 'objections' | 'checkpoints', Rows>> {
    return app.asOwner(async (db) => ({
      accesses: await rows(db, 'personal_data_access'),
      // When someone last logged in is USAGE_EVENT's, swept by its own rule on every account.
      accounts: await rows(db, 'user_account', ['last_login_at']),
      acknowledgements: await rows(db, 'contact_disclosure_acknowledgement'),
      objections: await rows(db, 'sub_processor_objection'),
      checkpoints: await rows(db, 'personal_data_access_checkpoint'),
    }));
  }

  /**
   * The records past their retention at `at` under each rule as the declarations state it (platform
   * defaults), ids by rule, as the owner: the sweep's own statements are not used here.
   */
  async function pastRetention(at: Date): Promise<Record<'accesses' | 'accounts' | 'acknowledgements' | 'objections', string[]>> {
    return app.asOwner(async (db) => {
      const ids = async (sql: string) => (await db.query(sql, [body.tenant.id, at])).rows.map((r: { id: string }) => r.id).sort();
      return {
        accesses: await ids(`SELECT id::text FROM personal_data_access WHERE tenant_id = $1 AND occurred_at < $2::timestamptz - interval '12 months'`),
        accounts: await ids(`SELECT id::text FROM user_account WHERE tenant_id = $1 AND status = 'DISABLED' AND disabled_at < $2::timestamptz - interval '12 months'
                                AND (first_name <> '' OR last_name <> '' OR phone IS NOT NULL OR email NOT LIKE 'erased-%@erased.invalid')`),
        acknowledgements: await ids(`SELECT id::text FROM contact_disclosure_acknowledgement WHERE tenant_id = $1 AND role_ended_at < $2::timestamptz - interval '12 months'`),
        objections: await ids(`SELECT o.id::text FROM sub_processor_objection o JOIN sub_processor_change c ON c.id = o.change_id JOIN sub_processor s ON s.id = c.sub_processor_id
                                WHERE o.tenant_id = $1 AND s.effective_until < $2::timestamptz - interval '5 years' AND (o.objector_user_id IS NOT NULL OR o.reason IS NOT NULL)`),
      };
    });
  }

  /** The ids of records a legal hold or a restriction keeps, by rule. */
  async function untouchable(): Promise<Record<'accesses' | 'accounts' | 'acknowledgements' | 'objections', string[]>> {
    const people = [restricted.id, heldClosed.id];
    return app.asOwner(async (db) => {
      const ids = async (sql: string, params: unknown[]) => (await db.query(sql, params)).rows.map((r: { id: string }) => r.id).sort();
      return {
        accesses: await ids(`SELECT id::text FROM personal_data_access WHERE tenant_id = $1 AND (subject_id = ANY($2::uuid[]) OR accessor_id = ANY($2::uuid[]))`, [body.tenant.id, people]),
        accounts: [restricted.id, heldClosed.id].sort(),
        acknowledgements: await ids(`SELECT id::text FROM contact_disclosure_acknowledgement WHERE tenant_id = $1 AND (user_id = $2 OR id = $3)`, [body.tenant.id, restricted.id, heldAcknowledgement]),
        objections: await ids(`SELECT id::text FROM sub_processor_objection WHERE tenant_id = $1 AND (objector_user_id = $2 OR id = $3)`, [body.tenant.id, restricted.id, heldObjection]),
      };
    });
  }

  const verifyChain = async () =>
    (await gql<{ verifyPersonalDataAccessChain: { entries: number; valid: boolean; firstBrokenSequence: number | null; prunedEntries: number } }>(
      `{ verifyPersonalDataAccessChain { entries valid firstBrokenSequence prunedEntries } }`, {}, officer,
    )).verifyPersonalDataAccessChain;

  beforeAll(async () => {
    app = started.app;
    factory = started.factory;
    sheets = new DatasheetsFactory(app, factory);
    app.clock.set(T0);
    body = await sheets.certificationBody();
    officer = await factory.user({ tenant: body.tenant, roles: [Role.PRIVACY_OFFICER] });
    operator = await factory.user({ roles: [Role.PLATFORM_ADMIN] });
    const holderA = await sheets.holder(body, 'Company A');
    const holderB = await sheets.holder(body, 'Company B');
    const holderC = await sheets.holder(body, 'Company C');
    companyA = holderA.organisation;
    [adminA, adminB, adminC] = [holderA.admin, holderB.admin, holderC.admin];
    const member = async (role = Role.ORG_MEMBER, organisation = companyA) => (await sheets.orgUser(body, organisation, role)).user;
    [closed, heldClosed, recentlyClosed, leaver, heldLeaver, objector, active, reEnabled, regranted] = [
      await member(), await member(), await member(), await member(), await member(), await member(), await member(), await member(), await member(),
    ];
    restricted = await member(Role.ORG_ADMIN, holderB.organisation);

    // The restricted person asks for restriction and the officer grants it (Art. 18).
    const requestId = expectData(await app.graphql<{ requestMyDataSubjectRight: { id: string } }>(
      `mutation { requestMyDataSubjectRight(input: { type: RESTRICTION }) { id } }`, {}, { token: await token(restricted) },
    )).requestMyDataSubjectRight.id;
    await gql(`mutation($id: ID!) { restrictForDataSubjectRequest(requestId: $id) { status } }`, { id: requestId }, officer);

    // Everyone answers the tenant's privacy policy at T0: a closed account's answers go with rule ACCOUNT.
    const policy = (await gql<{ publishPrivacyPolicy: { id: string } }>(`mutation { publishPrivacyPolicy(input: { title: "Privacy policy", summary: "Retention", body: "Our retention rules" }) { id } }`, {}, officer)).publishPrivacyPolicy;
    for (const person of [closed, heldClosed, recentlyClosed, restricted, active]) {
      await gql(`mutation($input: ObjectToPrivacyPolicyInput!) { objectToPrivacyPolicy(input: $input) { reason } }`, { input: { versionId: policy.id, reason: `Objection of ${person.email}` } }, person);
    }

    // Sub-processors: the tenant adds two and the platform one; customers object within the window.
    const subA = await announce(body.admin, addition('Host A BV'));
    const subB = await announce(body.admin, addition('Host B BV'));
    const subC = await announce(body.admin, addition('Host C BV'));
    const platformSub = await announce(operator, addition('Platform Host NV'));
    await object(adminA, subA.id, 'We do not want our data at Host A');
    heldObjection = await object(adminC, subA.id, 'Company C objects to Host A');
    await object(restricted, subA.id, 'Company B objects to Host A');
    await object(adminA, subB.id, 'We do not want our data at Host B');
    await object(adminA, subC.id, 'We do not want our data at Host C');
    await object(body.admin, platformSub.id, 'The chamber objects to Platform Host');
    // Host A and the platform's host leave a month on (more than 5 years before LATER); Host C stays.
    await announce(body.admin, removal(subA.subProcessorId));
    await announce(operator, removal(platformSub.subProcessorId));

    // Roles end at T0: withdrawn, objected, account disabled.
    for (const person of [leaver, heldLeaver]) {
      await gql(`mutation($input: ChangeUserRolesInput!) { changeUserRoles(input: $input) { id } }`, { input: { userId: person.id, withdraw: ['ORG_MEMBER'] } }, adminA);
    }
    await gql(`mutation { objectToContactDisclosure { withdrawnRoles } }`, {}, objector);
    for (const person of [closed, heldClosed]) await gql(`mutation($id: ID!) { disableUser(userId: $id) { id } }`, { id: person.id }, adminA);
    await gql(`mutation($id: ID!) { disableUser(userId: $id) { id } }`, { id: restricted.id }, adminB);
    await gql(`mutation($id: ID!) { disableUser(userId: $id) { id } }`, { id: reEnabled.id }, adminA);
    await gql(`mutation($id: ID!) { enableUser(userId: $id) { id } }`, { id: reEnabled.id }, adminA);
    await gql(`mutation($input: ChangeUserRolesInput!) { changeUserRoles(input: $input) { id } }`, { input: { userId: regranted.id, withdraw: ['ORG_MEMBER'] } }, adminA);
    await gql(`mutation($input: ChangeUserRolesInput!) { changeUserRoles(input: $input) { id } }`, { input: { userId: regranted.id, grant: ['ORG_MEMBER'] } }, adminA);
    // The staff read everyone's contact details at T0.
    for (const person of [closed, heldClosed, recentlyClosed, leaver, objector, restricted, active]) await staffReads(person);

    // A year before LATER: Host B leaves (not yet five years); a month before, the staff read again.
    app.clock.set(monthsBefore(LATER, 13));
    await announce(body.admin, removal(subB.subProcessorId));
    app.clock.set(monthsBefore(LATER, 6));
    await gql(`mutation($id: ID!) { disableUser(userId: $id) { id } }`, { id: recentlyClosed.id }, adminA);
    app.clock.set(monthsBefore(LATER, 1));
    for (const person of [active, restricted, leaver]) await staffReads(person);

    heldAcknowledgement = await app.asOwner(async (db) =>
      (await db.query(`SELECT id::text FROM contact_disclosure_acknowledgement WHERE user_id = $1`, [heldLeaver.id])).rows[0].id as string);
  });

  let expired = 0;
  let pastAfterwards = -1;

  it('prunes, de-identifies and deletes exactly what is due, in batches; holds and restrictions stop it; a second sweep finds nothing', async () => {
    app.clock.set(LATER);
    for (const record of [`User:${heldClosed.id}`, `ContactDisclosureAcknowledgement:${heldAcknowledgement}`, `SubProcessorObjection:${heldObjection}`]) {
      await gql(`mutation($input: PlaceLegalHoldInput!) { placeLegalHold(input: $input) }`, { input: { record, reason: 'Litigation' } }, officer);
    }
    expect(await verifyChain()).toEqual({ entries: expect.any(Number), valid: true, firstBrokenSequence: null, prunedEntries: 0 });
    const due = await pastRetention(LATER);
    const kept = await untouchable();
    // Every rule has records due, held or restricted among them, and records not yet due.
    expect(due.accounts.sort()).toEqual([closed.id, heldClosed.id, restricted.id].sort());
    // closed, heldClosed, leaver, heldLeaver (its own hold), objector, restricted; not reEnabled's nor regranted's (their roles hold again).
    expect(due.acknowledgements).toHaveLength(6);
    const resumed = await app.asOwner(async (db) => (await db.query(
      `SELECT count(*)::int AS n FROM contact_disclosure_acknowledgement WHERE user_id = ANY($1::uuid[]) AND role_ended_at IS NULL`, [[reEnabled.id, regranted.id]])).rows[0].n);
    expect(resumed).toBe(2);
    // Host A: company A's, company C's (held), company B's (restricted); the platform's host: the chamber's.
    expect(due.objections).toHaveLength(4);
    expect(due.accesses.length).toBeGreaterThanOrEqual(7);
    const before = await snapshot();
    const goes = (rule: keyof typeof due) => due[rule].filter((id) => !kept[rule].includes(id));
    for (const rule of ['accesses', 'accounts', 'acknowledgements', 'objections'] as const) {
      expect({ rule, kept: due[rule].filter((id) => kept[rule].includes(id)).length }).toEqual({ rule, kept: expect.any(Number) });
      expect(goes(rule).length).toBeGreaterThan(0);
      expect(goes(rule).length).toBeLessThan(due[rule].length);
    }
    expect(before.accounts.size - due.accounts.length).toBeGreaterThan(0);
    expect(before.acknowledgements.size - due.acknowledgements.length).toBeGreaterThan(0);
    expect(before.objections.size - due.objections.length).toBeGreaterThan(0);
    expect(before.accesses.size - due.accesses.length).toBeGreaterThan(0);

    // Privacy-policy answers, by account (the table has no id of its own).
    const answers = async () => app.asOwner(async (db) => new Map((await db.query(
      `SELECT user_id::text AS key, to_jsonb(x)::text AS text FROM privacy_policy_response x WHERE x.tenant_id = $1`, [body.tenant.id])).rows.map((r: { key: string; text: string }) => [r.key, r.text])));
    const answersBefore = await answers();
    expect([...answersBefore.keys()].sort()).toEqual([closed, heldClosed, recentlyClosed, restricted, active].map((p) => p.id).sort());

    const sweep = async () =>
      (await gql<{ runRetentionSweep: Outcome[] }>(`mutation { runRetentionSweep(batchSize: 2) { holder expired deleted deidentified held } }`, {}, officer)).runRetentionSweep;
    const outcomes = await sweep();
    const after = await snapshot();

    // A closed account's answers a year on: deleted; the held account's, the restricted person's, the
    // recently closed and the active account's unchanged.
    const answersAfter = await answers();
    expect([...answersAfter.keys()].sort()).toEqual([heldClosed, recentlyClosed, restricted, active].map((p) => p.id).sort());
    for (const [id, text] of answersAfter) expect({ id, text }).toEqual({ id, text: answersBefore.get(id) });

    // The access log: the due entries are gone, each run vouched for by a checkpoint; the rest unchanged.
    const pruned = goes('accesses');
    expect(pruned.filter((id) => after.accesses.has(id))).toEqual([]);
    for (const [id, text] of before.accesses) if (!pruned.includes(id)) expect({ id, text: after.accesses.get(id) }).toEqual({ id, text });
    // The privacy holder deletes the pruned entries and the closed account's policy answer.
    expect(outcomes.find((o) => o.holder === 'privacy.requests-and-access-log')!.deleted).toBe(pruned.length + answersBefore.size - answersAfter.size);
    const checkpoints = [...after.checkpoints.values()].map((text) => JSON.parse(text) as { entries: number; retention: string; pruned_at: string });
    expect(checkpoints.reduce((n, c) => n + c.entries, 0)).toBe(pruned.length);
    expect(checkpoints.every((c) => c.retention === '1 year' && new Date(c.pruned_at).getTime() === LATER.getTime())).toBe(true);
    const chain = await verifyChain();
    expect(chain).toEqual({ entries: expect.any(Number), valid: true, firstBrokenSequence: null, prunedEntries: pruned.length });

    // Accounts closed a year ago: id kept, no name, address, telephone or credentials; roles gone.
    const deidentifiedAccounts = goes('accounts');
    expect(deidentifiedAccounts).toEqual([closed.id]);
    const account = await app.asOwner(async (db) => (await db.query(
      `SELECT email, first_name, last_name, phone, job_title, password_hash, status, disabled_at IS NOT NULL AS dated,
              (SELECT count(*)::int FROM user_role r WHERE r.user_id = u.id) AS roles FROM user_account u WHERE id = $1`, [closed.id])).rows[0]);
    expect(account).toEqual({ email: `erased-${closed.id}@erased.invalid`, first_name: '', last_name: '', phone: null, job_title: null, password_hash: null, status: 'DISABLED', dated: true, roles: 0 });
    for (const [id, text] of before.accounts) if (!deidentifiedAccounts.includes(id)) expect({ id, text: after.accounts.get(id) }).toEqual({ id, text });

    // Acknowledgements a year after the role ended: deleted; the rest unchanged.
    const deletedAcknowledgements = goes('acknowledgements');
    expect(deletedAcknowledgements).toHaveLength(4); // closed, heldClosed (the hold names the account), leaver, objector
    expect(deletedAcknowledgements.filter((id) => after.acknowledgements.has(id))).toEqual([]);
    for (const [id, text] of before.acknowledgements) if (!deletedAcknowledgements.includes(id)) expect({ id, text: after.acknowledgements.get(id) }).toEqual({ id, text });
    expect(after.acknowledgements.size).toBe(before.acknowledgements.size - deletedAcknowledgements.length);

    // Objections five years after their sub-processor left (the platform's too): the objection stays, naming and quoting no one.
    const deidentifiedObjections = goes('objections');
    expect(deidentifiedObjections).toHaveLength(2); // company A's to Host A, the chamber's to the platform's host
    for (const id of deidentifiedObjections) {
      const [was, is] = [JSON.parse(before.objections.get(id)!), JSON.parse(after.objections.get(id)!)];
      expect(is).toEqual({ ...was, objector_user_id: null, reason: null });
    }
    for (const [id, text] of before.objections) if (!deidentifiedObjections.includes(id)) expect({ id, text: after.objections.get(id) }).toEqual({ id, text });

    // What is past retention afterwards: only what a hold or a restriction keeps.
    const left = await pastRetention(LATER);
    const keptNow = await untouchable();
    pastAfterwards = (['accesses', 'accounts', 'acknowledgements', 'objections'] as const)
      .reduce((n, rule) => n + left[rule].filter((id) => !keptNow[rule].includes(id)).length, 0);
    expect(pastAfterwards).toBe(0);
    // Answers of accounts closed a year ago: closed's, heldClosed's and restricted's were due.
    expired = (['accesses', 'accounts', 'acknowledgements', 'objections'] as const).reduce((n, rule) => n + due[rule].length, 0) + 3;
    const changed = pruned.length + deidentifiedAccounts.length + deletedAcknowledgements.length + deidentifiedObjections.length + (answersBefore.size - answersAfter.size);
    expect(outcomes.reduce((n, o) => n + o.expired, 0)).toBeGreaterThanOrEqual(expired);
    expect(outcomes.reduce((n, o) => n + o.held, 0)).toBeGreaterThanOrEqual(expired - changed);

    const again = await sweep();
    expect(again.filter((o) => o.deleted + o.deidentified > 0)).toEqual([]);
    expect(await snapshot()).toEqual({ ...after, accesses: expect.any(Map) });
    expect(await answers()).toEqual(answersAfter);
    const accessesAgain = (await snapshot()).accesses;
    for (const [id, text] of after.accesses) expect({ id, text: accessesAgain.get(id) }).toEqual({ id, text });
  });

  it('the pruned chain still verifies, and says broken when a kept entry is changed, an entry is removed without a checkpoint, or a checkpoint goes', async () => {
    const entry = async (where: string) =>
      app.asOwner(async (db) => (await db.query(`SELECT * FROM personal_data_access WHERE tenant_id = $1 AND ${where} ORDER BY sequence LIMIT 1`, [body.tenant.id])).rows[0]);
    // The restricted person's entry at T0 is kept amid pruned ones.
    const keptOld = await entry(`subject_id = '${restricted.id}' AND occurred_at < '2031-01-01'`);
    expect(keptOld).toBeDefined();
    const intact = await verifyChain();
    expect(intact.valid).toBe(true);

    // A kept entry changed.
    await app.asOwner((db) => db.query(`UPDATE personal_data_access SET fields = '{User.phone}' WHERE id = $1`, [keptOld.id]));
    expect(await verifyChain()).toMatchObject({ valid: false, firstBrokenSequence: Number(keptOld.sequence) });
    await app.asOwner((db) => db.query(`UPDATE personal_data_access SET fields = $2 WHERE id = $1`, [keptOld.id, keptOld.fields]));
    expect(await verifyChain()).toEqual(intact);

    // An old entry removed without a checkpoint (not through the pruning function).
    await app.asOwner((db) => db.query(`DELETE FROM personal_data_access WHERE id = $1`, [keptOld.id]));
    expect(await verifyChain()).toMatchObject({ valid: false, firstBrokenSequence: Number(keptOld.sequence) });
    await app.asOwner((db) => db.query(
      `INSERT INTO personal_data_access SELECT * FROM jsonb_populate_record(NULL::personal_data_access, $1::jsonb)`,
      [JSON.stringify({ ...keptOld, previous_hash: `\\x${keptOld.previous_hash.toString('hex')}`, hash: `\\x${keptOld.hash.toString('hex')}` })],
    ));
    expect(await verifyChain()).toEqual(intact);

    // A checkpoint removed: the entries it stood for are a gap.
    const checkpoint = await app.asOwner(async (db) => (await db.query(`SELECT * FROM personal_data_access_checkpoint WHERE tenant_id = $1 ORDER BY first_sequence LIMIT 1`, [body.tenant.id])).rows[0]);
    await app.asOwner((db) => db.query(`DELETE FROM personal_data_access_checkpoint WHERE id = $1`, [checkpoint.id]));
    expect(await verifyChain()).toMatchObject({ valid: false, firstBrokenSequence: Number(checkpoint.first_sequence) });
    await app.asOwner((db) => db.query(
      `INSERT INTO personal_data_access_checkpoint SELECT * FROM jsonb_populate_record(NULL::personal_data_access_checkpoint, $1::jsonb)`,
      [JSON.stringify({ ...checkpoint, previous_hash: checkpoint.previous_hash && `\\x${checkpoint.previous_hash.toString('hex')}`, last_hash: `\\x${checkpoint.last_hash.toString('hex')}`, retention: '1 year' })],
    ));
    expect(await verifyChain()).toEqual(intact);

    // New entries still chain on after the pruned ones.
    await staffReads(active);
    const extended = await verifyChain();
    expect(extended).toMatchObject({ valid: true, prunedEntries: intact.prunedEntries });
    expect(extended.entries).toBeGreaterThan(intact.entries);

    // The application itself still may neither delete nor change an entry, nor write a checkpoint.
    const asApplication = new Client({ connectionString: app.database.appUrl });
    await asApplication.connect();
    try {
      await asApplication.query(`SELECT set_config('app.tenant_id', $1, false)`, [body.tenant.id]);
      for (const statement of [`DELETE FROM personal_data_access`, `UPDATE personal_data_access SET operation = 'x'`, `DELETE FROM personal_data_access_checkpoint`]) {
        await expect(asApplication.query(statement)).rejects.toThrow(/permission denied/);
      }
      await expect(asApplication.query(`INSERT INTO personal_data_access_checkpoint (tenant_id, first_sequence, last_sequence, last_hash, entries, occurred_until, retention, pruned_at)
        VALUES ($1, 1, 1, sha256('x'), 1, now(), '1 year', now())`, [body.tenant.id])).rejects.toThrow(/permission denied/);
      // An objection may only lose who objected and why, never be rewritten.
      await expect(asApplication.query(`UPDATE sub_processor_objection SET reason = 'rewritten'`)).rejects.toThrow(/row-level security/);
    } finally {
      await asApplication.end();
    }

    reportFigure(`T15 retention (records): ${expired} expired records (access log, accounts, policy answers, acknowledgements, objections), ${pastAfterwards} records past retention after the sweep, access log chain ${intact.valid && extended.valid ? 'intact' : 'BROKEN'} after pruning`);
  });
});
