import type { Actor } from '@chancery/core';
import { Role } from '@chancery/access';
import {
  anyone,
  Internal,
  NotPersonalData,
  ownOrganisation,
  ownTenant,
  PersonalData,
  PolicyEntity,
  projectParty,
  published,
  Readable,
  self,
  staffOfOwnTenant,
  RetentionRuleKey,
  Writable,
} from '@chancery/policy';

/*
 * Small entities and factories for the policy specs. Shaped like the real ones (a tenant, a company,
 * a person, a datasheet) but defined here so the specs do not depend on other libraries. Records are
 * visible to anyone: these fixtures exercise field rules; record-level rules have their own cases.
 */

export const CHAMBER = 'tenant-chamber';
export const OTHER_TENANT = 'tenant-other';
export const ACME = 'org-acme';
export const GLOBEX = 'org-globex';
export const ALICE = 'user-alice';
export const BOB = 'user-bob';

const account = { subject: 'user', legalBasis: 'contract', retention: RetentionRuleKey.ACCOUNT } as const;

@PolicyEntity<TestTenant>({ name: 'TestTenant', visibleTo: [anyone()], relations: { tenantId: (t) => t.id } })
export class TestTenant {
  @Readable(anyone())
  @NotPersonalData()
  id: string;

  @Readable(anyone())
  @Writable(ownTenant(Role.TENANT_ADMIN))
  @NotPersonalData('name of a chamber of commerce')
  name: string;

  @Readable(ownTenant(Role.TENANT_ADMIN))
  billingReference: string;
}

@PolicyEntity<TestOrganisation>({
  name: 'TestOrganisation',
  visibleTo: [anyone()],
  subject: 'organisation',
  relations: { tenantId: (o) => o.tenantId, organisationId: (o) => o.id },
})
export class TestOrganisation {
  @Readable(anyone())
  id: string;

  @Readable(ownOrganisation(), staffOfOwnTenant())
  tenantId: string;

  @Readable(anyone())
  @Writable(ownOrganisation(Role.ORG_ADMIN))
  name: string;

  @Readable(ownOrganisation(), staffOfOwnTenant())
  members?: TestPerson[];
}

@PolicyEntity<TestPerson>({
  name: 'TestPerson',
  visibleTo: [anyone()],
  subject: 'user',
  relations: {
    tenantId: (p) => p.tenantId,
    organisationId: (p) => p.organisationId,
    selfUserId: (p) => p.id,
  },
})
export class TestPerson {
  @Readable(self(), ownOrganisation(), staffOfOwnTenant())
  @PersonalData({ ...account, category: 'electronicIdentification', purpose: 'identify the account' })
  id: string;

  @Readable(self(), ownOrganisation(), staffOfOwnTenant())
  @NotPersonalData()
  tenantId: string;

  @Readable(self(), ownOrganisation(), staffOfOwnTenant())
  @NotPersonalData()
  organisationId: string;

  @Readable(self(), ownOrganisation(), staffOfOwnTenant())
  @Writable(self(), ownOrganisation(Role.ORG_ADMIN))
  @PersonalData({ ...account, category: 'identification', purpose: 'address the user' })
  displayName: string;

  @Readable(self(), ownOrganisation(Role.ORG_ADMIN), staffOfOwnTenant())
  @Writable(self())
  @PersonalData({ ...account, category: 'contact', purpose: 'sign-in and notifications' })
  email: string;

  @Internal()
  @Writable(self())
  @PersonalData({ ...account, category: 'credentials', purpose: 'authenticate the user' })
  passwordHash: string;

  @Readable(self(), ownOrganisation(), staffOfOwnTenant())
  @NotPersonalData('a reference to the company')
  organisation?: TestOrganisation;

  /** No declaration at all: must read as null for everyone. */
  canary?: string;
}

@PolicyEntity<TestDatasheet>({
  name: 'TestDatasheet',
  visibleTo: [anyone()],
  relations: {
    tenantId: (d) => d.tenantId,
    organisationId: (d) => d.organisationId,
    isPublished: (d) => d.state === 'published',
    projectPartyOrganisationIds: (d) => d.partyOrganisationIds ?? [],
  },
})
export class TestDatasheet {
  @Readable(published(), ownOrganisation(), staffOfOwnTenant(), projectParty())
  @Writable(ownOrganisation(Role.ORG_ADMIN, Role.ORG_MEMBER))
  productName: string;

  @Readable(ownOrganisation(), staffOfOwnTenant(), projectParty())
  state: 'draft' | 'published';

  @Readable(ownOrganisation(), staffOfOwnTenant(), projectParty(Role.ORG_ADMIN))
  @Writable(ownOrganisation())
  draftNotes: string;

  @Readable(ownOrganisation(), staffOfOwnTenant())
  partyOrganisationIds?: string[];

  @Readable(published(), ownOrganisation(), staffOfOwnTenant())
  author?: TestPerson;

  @Readable(ownOrganisation())
  tenantId: string;

  @Readable(ownOrganisation())
  organisationId: string;

  canary?: string;
}

/** Declares readable fields but carries no @PolicyEntity: nothing of it may be read. */
export class UnregisteredRecord {
  @Readable(anyone())
  title: string;

  secret?: string;
}

// Factories: sensible defaults, overridden per example.

export function aPerson(overrides: Partial<TestPerson> = {}): TestPerson {
  return Object.assign(new TestPerson(), {
    id: ALICE,
    tenantId: CHAMBER,
    organisationId: ACME,
    displayName: 'Alice Example',
    email: 'alice@acme.example',
    passwordHash: '$argon2id$secret',
    canary: 'canary-value',
    ...overrides,
  });
}

export function anOrganisation(overrides: Partial<TestOrganisation> = {}): TestOrganisation {
  return Object.assign(new TestOrganisation(), {
    id: ACME,
    tenantId: CHAMBER,
    name: 'Acme Ltd',
    ...overrides,
  });
}

export function aDatasheet(overrides: Partial<TestDatasheet> = {}): TestDatasheet {
  return Object.assign(new TestDatasheet(), {
    tenantId: CHAMBER,
    organisationId: ACME,
    productName: 'Steel bolts M8',
    state: 'draft',
    draftNotes: 'supplier change pending',
    partyOrganisationIds: [],
    canary: 'canary-value',
    ...overrides,
  });
}

export function aTenant(overrides: Partial<TestTenant> = {}): TestTenant {
  return Object.assign(new TestTenant(), {
    id: CHAMBER,
    name: 'Chamber of Example',
    billingReference: 'INV-1',
    ...overrides,
  });
}

/** A signed-in user; by default Alice, ORG_MEMBER of Acme in the chamber. */
export function aUser(overrides: Partial<Actor> = {}): Actor {
  return {
    kind: 'user',
    id: ALICE,
    tenantId: CHAMBER,
    organisationId: ACME,
    roles: [Role.ORG_MEMBER],
    ...overrides,
  };
}

/** Tenant staff of the chamber (no company). */
export function staff(role: Role, tenantId = CHAMBER): Actor {
  return { kind: 'user', id: `user-${role.toLowerCase()}`, tenantId, roles: [role] };
}

export function anonymousViewer(): Actor {
  return { kind: 'anonymous', roles: [] };
}

export function platformAdmin(): Actor {
  return { kind: 'user', id: 'user-operator', roles: [Role.PLATFORM_ADMIN] };
}
