import { randomUUID } from 'node:crypto';
import { Role } from '@chancery/access';
import { PersonalDataHolders } from '@chancery/privacy/holders/personal-data-holders';
import { LEGAL_HOLD_KINDS } from '@chancery/privacy/requests/legal-hold-kinds';
import { DatasheetsFactory, expectData, useTestApp } from '@chancery/testing';

/**
 * Probe A, F7: placeLegalHold took any `Entity:uuid`, so a typo in the kind gave a hold that protects
 * nothing (the retention sweep matches exact kinds and deletes the real record). A kind no sweep
 * matches is refused, naming the kinds that are.
 */
const PLACE = 'mutation($input: PlaceLegalHoldInput!) { placeLegalHold(input: $input) }';
type Err = { errors?: Array<{ extensions?: Record<string, unknown> }> };
const ext = (r: Err) => r.errors?.[0]?.extensions;

describe('placeLegalHold: only kinds of record the retention sweep knows', () => {
  const started = useTestApp();

  it('refuses an unknown or misspelt kind with BAD_USER_INPUT naming input.record and the accepted kinds, and stores no hold', async () => {
    const { app, factory } = started;
    const tenant = await factory.tenant();
    const officer = await factory.user({ tenant, roles: [Role.PRIVACY_OFFICER] });
    const { accessToken: token } = await factory.login(officer);
    for (const record of [`Nonsense:${randomUUID()}`, `certificatapplication:${randomUUID()}`, `certificateapplication:${randomUUID()}`, `UserAccount:${officer.id}`]) {
      const refused = await app.graphql(PLACE, { input: { record, reason: 'tax audit 2027' } }, { token });
      expect(ext(refused)).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.record', reason: expect.stringContaining('CertificateApplication') })] });
    }
    const { rows } = await app.asOwner((db) => db.query('SELECT count(*)::int AS n FROM legal_hold WHERE tenant_id = $1', [tenant.id]));
    expect(rows[0].n).toBe(0);

    // A kind the sweep matches still takes a hold.
    expect(expectData(await app.graphql<{ placeLegalHold: string }>(PLACE, { input: { record: `User:${officer.id}`, reason: 'tax audit 2027' } }, { token })).placeLegalHold).toEqual(expect.any(String));
  });
});

describe('placeLegalHold: only a record the tenant has (a hold on a mistyped id protected nothing while the sweep deleted the real record)', () => {
  const started = useTestApp();

  it('refuses, for every kind, an id the tenant has no record of, and another tenant’s records, with NOT_FOUND HELD_RECORD_NOT_FOUND on input.record naming the kind; stores no hold', async () => {
    const { app, factory } = started;
    const tenant = await factory.tenant();
    const { accessToken: token } = await factory.login(await factory.user({ tenant, roles: [Role.PRIVACY_OFFICER] }));
    const other = await factory.tenant();
    const stranger = await factory.user({ tenant: other, roles: [Role.TENANT_ADMIN] });
    const strangersInvitation = await factory.invitation({ tenant: other, invitedBy: stranger, roles: [Role.CLERK] });
    const records = [
      ...LEGAL_HOLD_KINDS.map((kind) => `${kind}:${randomUUID()}`),
      `User:${stranger.id}`,
      `Invitation:${strangersInvitation.id}`,
    ];
    for (const record of records) {
      const refused = await app.graphql(PLACE, { input: { record, reason: 'tax audit 2027' } }, { token });
      expect({ record, refusal: ext(refused) }).toEqual({ record, refusal: expect.objectContaining({
        code: 'NOT_FOUND', reason: 'HELD_RECORD_NOT_FOUND', fields: [expect.objectContaining({ field: 'input.record', reason: expect.stringContaining(record.split(':')[0]!) })],
      }) });
    }
    const { rows } = await app.asOwner((db) => db.query('SELECT count(*)::int AS n FROM legal_hold WHERE tenant_id = $1', [tenant.id]));
    expect(rows[0].n).toBe(0);
  });

  it('holds the tenant’s own records of the kinds the retention tests do not place holds on', async () => {
    const { app, factory } = started;
    const datasheets = new DatasheetsFactory(app, factory);
    const body = await datasheets.certificationBody();
    const holder = await datasheets.holder(body);
    const version = await datasheets.draft(holder.adminToken, (await datasheets.product(body, holder)).id);
    const invitation = await factory.invitation({ tenant: body.tenant, invitedBy: body.admin, roles: [Role.CLERK] });
    const request = expectData(await app.graphql<{ requestMyDataSubjectRight: { id: string } }>(
      'mutation { requestMyDataSubjectRight(input: { type: ACCESS }) { id } }', {}, { token: holder.adminToken })).requestMyDataSubjectRight;
    const message = await app.asOwner(async (db) =>
      (await db.query('SELECT id::text FROM outbox_message WHERE tenant_id = $1 LIMIT 1', [body.tenant.id])).rows[0].id as string);
    const { accessToken: token } = await factory.login(await factory.user({ tenant: body.tenant, roles: [Role.PRIVACY_OFFICER] }));
    for (const record of [`DatasheetVersion:${version.id}`, `Invitation:${invitation.id}`, `DataSubjectRequest:${request.id}`, `OutboxMessage:${message}`, `User:${holder.admin.id}`]) {
      expect(expectData(await app.graphql<{ placeLegalHold: string }>(PLACE, { input: { record, reason: 'customs dispute' } }, { token })).placeLegalHold).toEqual(expect.any(String));
    }
    // An id in capitals names the same record, and is kept as the sweeps' SQL writes ids (lower case), or the hold would match nothing.
    const upper = expectData(await app.graphql<{ placeLegalHold: string }>(PLACE, { input: { record: `Datasheet:${version.datasheetId.toUpperCase()}`, reason: 'customs dispute' } }, { token })).placeLegalHold;
    const { rows } = await app.asOwner((db) => db.query('SELECT record FROM legal_hold WHERE id = $1', [upper]));
    expect(rows[0].record).toBe(`Datasheet:${version.datasheetId}`);
  });

  it('every kind a hold can name is checked by exactly one context’s holder, and every kind a holder checks can be named', () => {
    const checked = started.app.get(PersonalDataHolders).all().flatMap((holder) => holder.legalHoldKinds ?? []);
    expect([...checked].sort()).toEqual([...LEGAL_HOLD_KINDS].sort());
  });
});

describe('a legal hold on a person’s account stops their erasure until it is released (probe E: the account was de-identified under the hold)', () => {
  const started = useTestApp();

  it('erasure answers CONFLICT LEGAL_HOLD_IN_FORCE and changes nothing; released, the hold no longer stops it; a hold is released once, in its own tenant only', async () => {
    const { app, factory } = started;
    const tenant = await factory.tenant();
    const company = await factory.organisation(tenant);
    const member = await factory.user({ tenant, organisation: company, roles: [Role.ORG_MEMBER] });
    const { accessToken: officerToken } = await factory.login(await factory.user({ tenant, roles: [Role.PRIVACY_OFFICER] }));
    const { accessToken: otherOfficer } = await factory.login(await factory.user({ tenant: await factory.tenant(), roles: [Role.PRIVACY_OFFICER] }));
    const holdId = expectData(await app.graphql<{ placeLegalHold: string }>(PLACE, { input: { record: `User:${member.id}`, reason: 'litigation pending' } }, { token: officerToken })).placeLegalHold;

    const { accessToken: memberToken } = await factory.login(member);
    const requestId = expectData(
      await app.graphql<{ requestMyDataSubjectRight: { id: string } }>('mutation { requestMyDataSubjectRight(input: { type: ERASURE }) { id } }', {}, { token: memberToken }),
    ).requestMyDataSubjectRight.id;
    const erase = () => app.graphql('mutation($id: ID!) { eraseForDataSubjectRequest(requestId: $id) { holders { holder } } }', { id: requestId }, { token: officerToken });
    expect(ext(await erase())).toMatchObject({ code: 'CONFLICT', reason: 'LEGAL_HOLD_IN_FORCE' });
    const account = async () => (await app.asOwner((db) => db.query('SELECT email FROM user_account WHERE id = $1', [member.id]))).rows[0].email as string;
    expect(await account()).toBe(member.email);

    const RELEASE = 'mutation($id: ID!) { releaseLegalHold(holdId: $id) }';
    expect(ext(await app.graphql(RELEASE, { id: holdId }, { token: otherOfficer }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(expectData(await app.graphql<{ releaseLegalHold: string }>(RELEASE, { id: holdId }, { token: officerToken })).releaseLegalHold).toBe(holdId);
    expect(ext(await app.graphql(RELEASE, { id: holdId }, { token: officerToken }))).toMatchObject({ code: 'NOT_FOUND' });

    expect((await erase()).errors).toBeUndefined();
    expect(await account()).not.toBe(member.email);
  });
});

describe('legalHolds: the privacy office sees the holds it placed, and finds the id to release one (they could only be placed, blind)', () => {
  const started = useTestApp();

  it('lists its own tenant’s holds newest first, in force by default or all with their release; nobody else’s; each placement is audited', async () => {
    const { app, factory } = started;
    const tenant = await factory.tenant();
    const officer = await factory.user({ tenant, roles: [Role.PRIVACY_OFFICER] });
    const { accessToken: officerToken } = await factory.login(officer);
    const { accessToken: adminToken } = await factory.login(await factory.user({ tenant, roles: [Role.TENANT_ADMIN] }));
    const { accessToken: clerkToken } = await factory.login(await factory.user({ tenant, roles: [Role.CLERK] }));
    const other = await factory.tenant();
    const otherOfficerUser = await factory.user({ tenant: other, roles: [Role.PRIVACY_OFFICER] });
    const { accessToken: otherOfficer } = await factory.login(otherOfficerUser);
    const invitation = await factory.invitation({ tenant, invitedBy: officer, roles: [Role.CLERK] });
    const place = async (token: string, record: string, reason: string) =>
      expectData(await app.graphql<{ placeLegalHold: string }>(PLACE, { input: { record, reason } }, { token })).placeLegalHold;
    const first = await place(officerToken, `User:${officer.id}`, 'tax audit 2027');
    app.clock.advance(60_000);
    const second = await place(officerToken, `Invitation:${invitation.id}`, 'customs dispute, case 12/345');
    const foreign = await place(otherOfficer, `User:${otherOfficerUser.id}`, 'another tenant’s matter');
    expect(expectData(await app.graphql<{ releaseLegalHold: string }>('mutation($id: ID!) { releaseLegalHold(holdId: $id) }', { id: first }, { token: officerToken })).releaseLegalHold).toBe(first);

    const LIST = 'query($inForce: Boolean) { legalHolds(inForce: $inForce) { id record reason placedAt releasedAt } }';
    type Holds = { legalHolds: Array<{ id: string; record: string; reason: string; placedAt: string; releasedAt: string | null }> };
    const inForce = expectData(await app.graphql<Holds>(LIST, {}, { token: officerToken })).legalHolds;
    expect(inForce).toEqual([expect.objectContaining({ id: second, reason: 'customs dispute, case 12/345', releasedAt: null })]);
    const all = expectData(await app.graphql<Holds>(LIST, { inForce: false }, { token: adminToken })).legalHolds;
    expect(all.map((hold) => hold.id)).toEqual([second, first]);
    expect(all[1]).toMatchObject({ record: `User:${officer.id}`, releasedAt: expect.any(String) });
    expect(JSON.stringify(all)).not.toContain(foreign);
    expect(expectData(await app.graphql<Holds>(LIST, { inForce: false }, { token: otherOfficer })).legalHolds.map((hold) => hold.id)).toEqual([foreign]);
    // Placing and releasing holds is the privacy office's; a clerk neither lists them.
    expect(ext(await app.graphql(LIST, {}, { token: clerkToken }))).toMatchObject({ code: 'FORBIDDEN' });

    const { rows } = await app.asOwner((db) =>
      db.query(`SELECT action, subject_id FROM audit_entry WHERE tenant_id = $1 AND subject_type = 'LegalHold' ORDER BY id`, [tenant.id]),
    );
    expect(rows).toEqual([
      { action: 'privacy.legalHold.placed', subject_id: first },
      { action: 'privacy.legalHold.placed', subject_id: second },
      { action: 'privacy.legalHold.released', subject_id: first },
    ]);
  });
});
