import { ALL_ROLES, Role } from '@chancery/access';
import { Actor, DomainError } from '@chancery/core';
import { isPresented, onPersonalDataPresented, originalOf, present, presentToDataSubject, UnpresentableOutputError } from './gate/output-gate';
import {
  assertWritable,
  canFilterOrSort,
  canRead,
  canReadWithRelations,
  canWrite,
  readableFields,
  relationsOf,
} from './policy.engine';
import { PolicyWriteDeniedError } from './policy.errors';
import {
  ACME,
  ALICE,
  BOB,
  CHAMBER,
  GLOBEX,
  OTHER_TENANT,
  TestDatasheet,
  TestOrganisation,
  TestPerson,
  TestTenant,
  UnregisteredRecord,
  aDatasheet,
  aPerson,
  aTenant,
  aUser,
  anOrganisation,
  anonymousViewer,
  platformAdmin,
  staff,
} from '@chancery/testing/policy/policy-test-entities';

/** The record as the output gate lets `viewer` see it (all readable fields, as an export would). */
const shown = (viewer: Actor, record: object): any => present(viewer, record, 'export');

/** A viewer with every role and every relation to Alice's record: the most any viewer could have. */
const everything: Actor = {
  kind: 'user',
  id: ALICE,
  tenantId: CHAMBER,
  organisationId: ACME,
  roles: ALL_ROLES,
};
const everyViewer: Actor[] = [
  everything,
  anonymousViewer(),
  platformAdmin(),
  ...ALL_ROLES.map((role) => aUser({ roles: [role] })),
  ...ALL_ROLES.map((role) => staff(role)),
];

describe('default deny', () => {
  it.each(everyViewer.map((v) => [v.roles.join(',') || v.kind, v]))(
    'a field with no declaration reads as null for %s',
    (_label, viewer) => {
      const person = aPerson();
      expect(canRead(viewer, TestPerson, 'canary', person)).toBe(false);
      expect(shown(viewer, person).canary).toBeUndefined();
    },
  );

  it.each(everyViewer.map((v) => [v.roles.join(',') || v.kind, v]))(
    'a class without @PolicyEntity is readable by no one, not even %s',
    (_label, viewer) => {
      const record = Object.assign(new UnregisteredRecord(), { title: 'visible?', secret: 's3cret' });
      expect(canRead(viewer, UnregisteredRecord, 'title', record)).toBe(false);
      expect(() => shown(viewer, record)).toThrow(UnpresentableOutputError);
      expect(readableFields(viewer, UnregisteredRecord, record).size).toBe(0);
    },
  );

  it('an @Internal field is readable by no one, not even the person themself', () => {
    const concealed = shown(everything, aPerson());
    expect(concealed.passwordHash).toBeUndefined();
    expect(concealed.email).toBe('alice@acme.example'); // the same viewer does see declared fields
  });

  it('a declared field without @Readable is not readable', () => {
    expect(canRead(everything, TestTenant, 'nonexistent', aTenant())).toBe(false);
    expect(
      canRead({ ...everything, tenantId: OTHER_TENANT }, TestTenant, 'billingReference', aTenant()),
    ).toBe(false);
  });

  it('an undeclared field is not writable', () => {
    expect(canWrite(everything, TestPerson, 'canary', aPerson())).toBe(false);
  });
});

describe('relations', () => {
  it('self holds only for the user the record is about', () => {
    expect(relationsOf(aUser(), TestPerson, aPerson()).has('self')).toBe(true);
    expect(relationsOf(aUser({ id: BOB }), TestPerson, aPerson()).has('self')).toBe(false);
    // An API key whose id happens to equal a user id is not that user.
    expect(relationsOf(aUser({ kind: 'apiKey' }), TestPerson, aPerson()).has('self')).toBe(false);
    expect(relationsOf(aUser({ id: undefined }), TestPerson, aPerson({ id: undefined })).has('self')).toBe(
      false,
    );
  });

  it('ownOrganisation holds for the same company in the same tenant only', () => {
    expect(relationsOf(aUser(), TestPerson, aPerson()).has('ownOrganisation')).toBe(true);
    expect(relationsOf(aUser({ organisationId: GLOBEX }), TestPerson, aPerson()).has('ownOrganisation')).toBe(
      false,
    );
    expect(relationsOf(aUser({ tenantId: OTHER_TENANT }), TestPerson, aPerson()).has('ownOrganisation')).toBe(
      false,
    );
    expect(relationsOf(staff(Role.CLERK), TestPerson, aPerson()).has('ownOrganisation')).toBe(false);
  });

  it('ownTenant holds for the same tenant only', () => {
    expect(relationsOf(staff(Role.CLERK), TestPerson, aPerson()).has('ownTenant')).toBe(true);
    expect(relationsOf(staff(Role.CLERK, OTHER_TENANT), TestPerson, aPerson()).has('ownTenant')).toBe(false);
    expect(relationsOf(platformAdmin(), TestPerson, aPerson()).has('ownTenant')).toBe(false);
  });

  it('ownPlatform holds for a person acting in no tenant (the operator) on a record of no tenant, and for no one else', () => {
    const platformRecord = aPerson({ tenantId: null as unknown as string });
    expect(relationsOf(platformAdmin(), TestPerson, platformRecord).has('ownPlatform')).toBe(true);
    // A tenant's record, a tenant's staff, an anonymous caller, the system: never.
    expect(relationsOf(platformAdmin(), TestPerson, aPerson()).has('ownPlatform')).toBe(false);
    expect(relationsOf(staff(Role.TENANT_ADMIN), TestPerson, platformRecord).has('ownPlatform')).toBe(false);
    expect(relationsOf(anonymousViewer(), TestPerson, platformRecord).has('ownPlatform')).toBe(false);
    expect(relationsOf({ kind: 'system', roles: [] }, TestPerson, platformRecord).has('ownPlatform')).toBe(false);
    // An entity that says nothing of tenants has no platform records either.
    expect(relationsOf(platformAdmin(), UnregisteredRecord, new UnregisteredRecord()).has('ownPlatform')).toBe(false);
  });

  it('published holds for every viewer once the record is published, and for none before', () => {
    expect(
      relationsOf(anonymousViewer(), TestDatasheet, aDatasheet({ state: 'published' })).has('published'),
    ).toBe(true);
    expect(
      relationsOf(anonymousViewer(), TestDatasheet, aDatasheet({ state: 'draft' })).has('published'),
    ).toBe(false);
  });

  it('projectParty holds when the viewer’s company is a party to the project', () => {
    const shared = aDatasheet({ partyOrganisationIds: [GLOBEX] });
    const globexUser = aUser({ id: BOB, organisationId: GLOBEX });
    expect(relationsOf(globexUser, TestDatasheet, shared).has('projectParty')).toBe(true);
    expect(relationsOf(globexUser, TestDatasheet, aDatasheet()).has('projectParty')).toBe(false);
    expect(relationsOf(anonymousViewer(), TestDatasheet, shared).has('projectParty')).toBe(false);
  });

  it('anyone always holds, and nothing else for an anonymous viewer of an unpublished record', () => {
    expect(relationsOf(anonymousViewer(), TestPerson, aPerson())).toEqual(new Set(['anyone']));
    expect(relationsOf(aUser(), UnregisteredRecord, new UnregisteredRecord())).toEqual(new Set(['anyone']));
  });
});

describe('reading a person’s e-mail: self, ORG_ADMIN of the company, staff of the tenant', () => {
  const alice = aPerson();
  const cases: [string, boolean, Actor][] = [
    ['Alice herself', true, aUser()],
    ['another member of Acme', false, aUser({ id: BOB })],
    ['the ORG_ADMIN of Acme', true, aUser({ id: BOB, roles: [Role.ORG_ADMIN] })],
    [
      'the ORG_ADMIN of Globex, same chamber',
      false,
      aUser({ id: BOB, organisationId: GLOBEX, roles: [Role.ORG_ADMIN] }),
    ],
    [
      'an ORG_ADMIN claiming Acme in another tenant',
      false,
      aUser({ id: BOB, tenantId: OTHER_TENANT, roles: [Role.ORG_ADMIN] }),
    ],
    ['a CLERK of the chamber', true, staff(Role.CLERK)],
    ['an AUDITOR of the chamber', true, staff(Role.AUDITOR)],
    ['a CLERK of another tenant', false, staff(Role.CLERK, OTHER_TENANT)],
    ['a member of another company in the same chamber', false, aUser({ id: BOB, organisationId: GLOBEX })],
    ['the platform operator', false, platformAdmin()],
    ['an anonymous visitor', false, anonymousViewer()],
  ];

  it.each(cases)('%s → %s', (_who, allowed, viewer) => {
    expect(canRead(viewer, TestPerson, 'email', alice)).toBe(allowed);
    expect(shown(viewer, alice).email).toBe(allowed ? alice.email : undefined);
  });

  it('the role restriction applies only to its grant: an ORG_MEMBER of Acme reads the display name', () => {
    expect(canRead(aUser({ id: BOB }), TestPerson, 'displayName', alice)).toBe(true);
    expect(canRead(aUser({ id: BOB }), TestPerson, 'email', alice)).toBe(false);
  });
});

describe('reading a datasheet: published to everyone, drafts to the company, staff and parties', () => {
  const globexAdmin = aUser({ id: BOB, organisationId: GLOBEX, roles: [Role.ORG_ADMIN] });
  const globexMember = aUser({ id: BOB, organisationId: GLOBEX, roles: [Role.ORG_MEMBER] });

  it('anonymous visitors read the product name of a published datasheet, not of a draft', () => {
    expect(shown(anonymousViewer(), aDatasheet({ state: 'published' })).productName).toBe('Steel bolts M8');
    expect(shown(anonymousViewer(), aDatasheet()).productName).toBeUndefined();
  });

  it('publishing does not reveal fields granted to others only', () => {
    expect(shown(anonymousViewer(), aDatasheet({ state: 'published' })).draftNotes).toBeUndefined();
  });

  it('a party to the project reads what parties are granted, with the roles the grant names', () => {
    const shared = aDatasheet({ partyOrganisationIds: [GLOBEX] });
    expect(canRead(globexMember, TestDatasheet, 'state', shared)).toBe(true);
    expect(canRead(globexMember, TestDatasheet, 'draftNotes', shared)).toBe(false);
    expect(canRead(globexAdmin, TestDatasheet, 'draftNotes', shared)).toBe(true);
    expect(canRead(globexAdmin, TestDatasheet, 'draftNotes', aDatasheet())).toBe(false);
  });

  it('anyone means anonymous too, for genuinely public fields only', () => {
    const seen = shown(anonymousViewer(), aTenant());
    expect({ ...seen }).toStrictEqual({ id: CHAMBER, name: 'Chamber of Example' });
    expect(canRead(staff(Role.TENANT_ADMIN), TestTenant, 'billingReference', aTenant())).toBe(true);
  });

  it('lists the readable fields, computed once per record', () => {
    expect(readableFields(anonymousViewer(), TestDatasheet, aDatasheet({ state: 'published' }))).toEqual(
      new Set(['productName', 'author']),
    );
  });
});

describe('the output gate', () => {
  it('returns a copy with the same prototype holding only what the viewer may read, and leaves the record untouched', () => {
    const alice = aPerson();
    const concealed = shown(anonymousViewer(), alice);
    expect(concealed).not.toBe(alice);
    expect(concealed).toBeInstanceOf(TestPerson);
    expect(alice.email).toBe('alice@acme.example');
    expect(Object.keys(concealed).every((key) => canRead(anonymousViewer(), TestPerson, key, alice))).toBe(true);
  });

  it('presents a nested record with its own class’s policy', () => {
    const sheet = aDatasheet({ state: 'published', author: aPerson() });
    const forAnonymous = shown(anonymousViewer(), sheet);
    expect(forAnonymous.author).toBeInstanceOf(TestPerson);
    expect(forAnonymous.author?.displayName).toBeUndefined(); // published sheet, but the author is no one's business
    const forClerk = shown(staff(Role.CLERK), sheet);
    expect(forClerk.author?.email).toBe('alice@acme.example');
    expect(forClerk.author?.passwordHash).toBeUndefined();
    expect(forClerk.author?.canary).toBeUndefined();
  });

  it('presents every record in an array, and leaves arrays of plain values as they are', () => {
    const acme = anOrganisation({ members: [aPerson(), aPerson({ id: BOB, email: 'bob@acme.example' })] });
    const concealed = shown(aUser(), acme);
    expect(concealed.members?.map((m: TestPerson) => m.email)).toEqual(['alice@acme.example', undefined]);
    const sheet = aDatasheet({ partyOrganisationIds: [GLOBEX] });
    expect(shown(aUser(), sheet).partyOrganisationIds).toEqual(sheet.partyOrganisationIds);
  });

  it('does not reveal a nested record through a field the viewer may not read', () => {
    const sheet = aDatasheet({ state: 'draft', author: aPerson() });
    expect(shown(anonymousViewer(), sheet).author).toBeUndefined();
  });

  it('terminates on cycles and keeps shared references shared', () => {
    const alice = aPerson();
    const acme = anOrganisation({ members: [alice] });
    alice.organisation = acme;
    const concealed = shown(aUser(), alice);
    expect(concealed.organisation?.members?.[0]).toBe(concealed);
  });

  it('asks for only the selected fields when given a selection', () => {
    const alice = aPerson();
    const selected = present(aUser(), alice, 'graphql', new Map([['email', null], ['canary', null]]));
    expect({ ...selected }).toStrictEqual({ email: 'alice@acme.example' });
  });

  it('decides per record, in one call: records of one class in different relations to the viewer get different fields', () => {
    // The gate decides what a relation shows once per call and reuses it: each record must still get its own.
    const alice = aPerson();
    const bob = aPerson({ id: BOB, email: 'bob@acme.example' });
    const outsider = aPerson({ id: 'carol', tenantId: OTHER_TENANT, organisationId: GLOBEX, email: 'carol@globex.example' });
    const seen = present(aUser(), [alice, bob, outsider, alice], 'export') as TestPerson[];
    expect(seen.map((person) => person.email)).toEqual(['alice@acme.example', undefined, undefined, 'alice@acme.example']);
    expect(seen[0]).toBe(seen[3]);
    expect(seen.map((person) => person.id)).toEqual([ALICE, BOB, undefined, ALICE]);
    const forStaff = present(staff(Role.CLERK), [alice, outsider, bob], 'export') as TestPerson[];
    expect(forStaff.map((person) => person.email)).toEqual(['alice@acme.example', undefined, 'bob@acme.example']);
  });

  it('presents one record under two selections in one call as two copies, each with its own fields', () => {
    const alice = aPerson();
    alice.organisation = anOrganisation({ members: [alice] });
    const selection = new Map<string, any>([
      ['email', null],
      ['organisation', new Map([['members', new Map([['displayName', null]])]])],
    ]);
    const seen = present(aUser(), alice, 'graphql', selection) as any;
    const member = seen.organisation.members[0];
    expect(member).not.toBe(seen);
    expect({ ...member }).toStrictEqual({ displayName: 'Alice Example' });
    expect(Object.keys(seen).sort()).toEqual(['email', 'organisation']);
  });

  it('leaves a field the record does not hold out of the copy, and keeps the class of a copy holding every field', () => {
    const full = shown(staff(Role.CLERK), aPerson());
    const partial = shown(staff(Role.CLERK), Object.assign(new TestPerson(), { id: ALICE, tenantId: CHAMBER, organisationId: ACME }));
    expect(full).toBeInstanceOf(TestPerson);
    expect(partial).toBeInstanceOf(TestPerson);
    expect(Object.keys(partial).sort()).toEqual(['id', 'organisationId', 'tenantId']);
    expect('email' in partial).toBe(false);
    expect(Object.keys(full)).toEqual(expect.arrayContaining(['id', 'email', 'displayName']));
  });

  it('keeps the original of a copy out of sight: not in its keys, its JSON or a spread of it', () => {
    const alice = aPerson();
    const copy = shown(aUser(), alice);
    expect(originalOf(copy)).toBe(alice);
    expect(isPresented(copy)).toBe(true);
    expect(isPresented(alice)).toBe(false);
    expect(isPresented({ ...copy })).toBe(false);
    expect(originalOf({ ...copy })).toBeUndefined();
    expect(Reflect.ownKeys(copy).every((key) => typeof key === 'string' && canRead(aUser(), TestPerson, key, alice))).toBe(true);
    expect(JSON.stringify(copy)).not.toContain('argon2');
    expect(JSON.stringify(copy)).not.toContain('canary');
  });
});

describe('the output gate for a data-subject request (Art. 15)', () => {
  const officer = staff(Role.PRIVACY_OFFICER);

  it('releases every personal-data field of the person, and nothing undeclared, not personal or a credential', () => {
    const exported = presentToDataSubject(aPerson(), { requestedBy: officer }) as any;
    expect(isPresented(exported)).toBe(true);
    expect(Object.keys(exported).sort()).toEqual(['displayName', 'email', 'id']);
    expect(exported.passwordHash).toBeUndefined();
    expect(exported.canary).toBeUndefined();
    expect(exported.tenantId).toBeUndefined();
  });

  it('leaves out the fields that are about someone else', () => {
    const exported = presentToDataSubject(aPerson(), { requestedBy: officer, aboutOthers: ['email'] }) as any;
    expect(exported.email).toBeUndefined();
    expect(exported.displayName).toBe('Alice Example');
  });

  it('tells the access log that the requester read the released fields, for the export', () => {
    const seen: Array<[string | undefined, string[], string]> = [];
    onPersonalDataPresented((viewer, _policy, _record, fields, purpose) => seen.push([viewer.id, fields.map((f) => f.name), purpose]));
    try {
      presentToDataSubject(aPerson(), { requestedBy: officer });
    } finally {
      onPersonalDataPresented(undefined);
    }
    expect(seen).toEqual([[officer.id, ['id', 'displayName', 'email'], 'export']]);
  });

  it('refuses a record without a declaration', () => {
    expect(() => presentToDataSubject(new UnregisteredRecord(), { requestedBy: officer })).toThrow(UnpresentableOutputError);
  });
});

describe('writing', () => {
  it('lets a viewer write what a grant allows', () => {
    expect(() => assertWritable(aUser(), TestPerson, aPerson(), { email: 'new@acme.example' })).not.toThrow();
    expect(canWrite(aUser({ id: BOB, roles: [Role.ORG_ADMIN] }), TestPerson, 'displayName', aPerson())).toBe(
      true,
    );
  });

  it('refuses a field the viewer may not write, naming the field and not the value', () => {
    const attempt = () =>
      assertWritable(aUser({ id: BOB }), TestPerson, aPerson(), { email: 'attacker@evil.example' });
    expect(attempt).toThrow(PolicyWriteDeniedError);
    try {
      attempt();
    } catch (error) {
      const denied = error as PolicyWriteDeniedError;
      expect(denied).toBeInstanceOf(DomainError);
      expect(denied.code).toBe('FORBIDDEN');
      expect(denied.reason).toBe('FIELD_NOT_WRITABLE');
      expect(denied.deniedFields).toEqual(['email']);
      expect(denied.message).toContain('email');
      expect(denied.message).not.toContain('attacker');
      expect(JSON.stringify(denied.fields)).not.toContain('attacker');
    }
  });

  it('refuses undeclared fields, lists every refused field, and ignores undefined values', () => {
    const acmeAdmin = aUser({ id: BOB, roles: [Role.ORG_ADMIN] });
    const attempt = () =>
      assertWritable(acmeAdmin, TestPerson, aPerson(), {
        displayName: 'ok',
        canary: 'x',
        email: 'y',
        tenantId: undefined,
      });
    expect(attempt).toThrow(expect.objectContaining({ deniedFields: ['canary', 'email'] }));
  });

  it('refuses writes to other tenants’ records', () => {
    const outsider = aUser({ tenantId: OTHER_TENANT, organisationId: ACME, roles: [Role.ORG_ADMIN] });
    expect(canWrite(outsider, TestOrganisation, 'name', anOrganisation())).toBe(false);
  });
});

describe('filtering and sorting follow reading', () => {
  it('without a record only fields readable by anyone may be used', () => {
    expect(canFilterOrSort(anonymousViewer(), TestTenant, 'name')).toBe(true);
    expect(canFilterOrSort(staff(Role.CLERK), TestPerson, 'email')).toBe(false);
  });

  it('with the relations every row in scope has', () => {
    expect(canFilterOrSort(staff(Role.CLERK), TestPerson, 'email', new Set(['ownTenant']))).toBe(true);
    expect(
      canReadWithRelations(aUser(), TestPerson, 'email', new Set(['ownTenant', 'ownOrganisation'])),
    ).toBe(false);
    expect(
      canReadWithRelations(
        aUser({ roles: [Role.ORG_ADMIN] }),
        TestPerson,
        'email',
        new Set(['ownOrganisation']),
      ),
    ).toBe(true);
    expect(canReadWithRelations(everything, TestPerson, 'canary', new Set(['self', 'ownTenant']))).toBe(
      false,
    );
  });

  it('with a record, exactly as reading it', () => {
    expect(canFilterOrSort(aUser(), TestPerson, 'email', aPerson())).toBe(true);
    expect(canFilterOrSort(aUser(), TestPerson, 'email', aPerson({ id: BOB }))).toBe(false);
  });
});
