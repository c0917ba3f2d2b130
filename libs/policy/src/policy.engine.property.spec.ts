import fc from 'fast-check';
import { ALL_ROLES, Role, TENANT_STAFF_ROLES } from '@chancery/access';
import { Actor, ActorKind } from '@chancery/core';
import { present } from './gate/output-gate';
import { canRead, canSee } from './policy.engine';
import { getPolicy } from './policy.registry';
import { EntityClass } from './policy.types';
import {
  ACME,
  ALICE,
  BOB,
  CHAMBER,
  GLOBEX,
  OTHER_TENANT,
  TestDatasheet,
  TestPerson,
  aDatasheet,
  aPerson,
} from '@chancery/testing/policy/policy-test-entities';

// Small pools so that viewers and records collide often: every relation gets switched on and off.
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const tenantIds = fc.constantFrom(CHAMBER, OTHER_TENANT);
const organisationIds = fc.constantFrom(ACME, GLOBEX);
const userIds = fc.constantFrom(ALICE, BOB);

const viewers: fc.Arbitrary<Actor> = fc.record({
  kind: fc.constantFrom<ActorKind>('anonymous', 'user', 'apiKey', 'system'),
  id: maybe(userIds),
  tenantId: maybe(tenantIds),
  organisationId: maybe(organisationIds),
  roles: fc.subarray([...ALL_ROLES]),
});

const people = fc
  .record({ id: maybe(userIds), tenantId: maybe(tenantIds), organisationId: maybe(organisationIds) })
  .map((fields) => aPerson(fields as Partial<TestPerson>));

const datasheets = fc
  .record({
    tenantId: tenantIds,
    organisationId: organisationIds,
    state: fc.constantFrom<'draft' | 'published'>('draft', 'published'),
    partyOrganisationIds: fc.subarray([ACME, GLOBEX]),
    author: maybe(people),
  })
  .map((fields) => aDatasheet(fields));

/**
 * The gate's output agrees with the engine: an invisible record is null; otherwise every key of the
 * input is either the input's value (readable) or absent (concealed), recursively.
 */
function expectConcealedConsistently(viewer: Actor, cls: EntityClass, record: object, out: object | null): void {
  if (!canSee(viewer, cls, record)) {
    expect(out).toBeNull();
    return;
  }
  const source = record as Record<string, unknown>;
  const result = out as Record<string, unknown>;
  for (const key of Object.keys(result)) expect(key in source).toBe(true);
  for (const key of Object.keys(source)) {
    if (!canRead(viewer, cls, key, record) || source[key] === undefined) {
      expect(key in result).toBe(false);
      continue;
    }
    const value = source[key];
    const nestedPolicy =
      value !== null && typeof value === 'object' ? getPolicy(value.constructor) : undefined;
    if (nestedPolicy)
      expectConcealedConsistently(viewer, nestedPolicy.cls, value as object, result[key] as object);
    else expect(result[key]).toEqual(value);
  }
}

describe('the output gate agrees with canSee and canRead for any viewer and record', () => {
  it('for people', () => {
    fc.assert(
      fc.property(viewers, people, (viewer, person) => {
        expectConcealedConsistently(viewer, TestPerson, person, present(viewer, person, 'export'));
      }),
      { numRuns: 500 },
    );
  });

  it('for datasheets with nested authors', () => {
    fc.assert(
      fc.property(viewers, datasheets, (viewer, sheet) => {
        expectConcealedConsistently(viewer, TestDatasheet, sheet, present(viewer, sheet, 'export'));
      }),
      { numRuns: 500 },
    );
  });
});

describe('canRead agrees with the rule written out by hand', () => {
  const holds = (viewer: Actor, ...roles: readonly Role[]) => roles.some((r) => viewer.roles.includes(r));

  it('a person’s e-mail: self, ORG_ADMIN of the same company in the same tenant, staff of the same tenant', () => {
    fc.assert(
      fc.property(viewers, people, (viewer, person) => {
        const isSelf = viewer.kind === 'user' && viewer.id !== undefined && viewer.id === person.id;
        const sameTenant = viewer.tenantId !== undefined && viewer.tenantId === person.tenantId;
        const tenantAgrees = !viewer.tenantId || !person.tenantId || sameTenant;
        const sameCompany =
          viewer.organisationId !== undefined &&
          viewer.organisationId === person.organisationId &&
          tenantAgrees;
        const expected =
          isSelf ||
          (sameCompany && holds(viewer, Role.ORG_ADMIN)) ||
          (sameTenant && holds(viewer, ...TENANT_STAFF_ROLES));
        expect(canRead(viewer, TestPerson, 'email', person)).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('draft notes: the company, staff of the tenant, ORG_ADMIN of a party; never because it is published', () => {
    fc.assert(
      fc.property(viewers, datasheets, (viewer, sheet) => {
        const sameTenant = viewer.tenantId !== undefined && viewer.tenantId === sheet.tenantId;
        const tenantAgrees = !viewer.tenantId || sameTenant;
        const sameCompany =
          viewer.organisationId !== undefined &&
          viewer.organisationId === sheet.organisationId &&
          tenantAgrees;
        const isParty =
          viewer.organisationId !== undefined &&
          (sheet.partyOrganisationIds ?? []).includes(viewer.organisationId);
        const expected =
          sameCompany ||
          (sameTenant && holds(viewer, ...TENANT_STAFF_ROLES)) ||
          (isParty && holds(viewer, Role.ORG_ADMIN));
        expect(canRead(viewer, TestDatasheet, 'draftNotes', sheet)).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('product name: also anyone once published', () => {
    fc.assert(
      fc.property(viewers, datasheets, (viewer, sheet) => {
        if (sheet.state === 'published')
          expect(canRead(viewer, TestDatasheet, 'productName', sheet)).toBe(true);
        if (viewer.kind === 'anonymous' && !viewer.tenantId && !viewer.organisationId) {
          expect(canRead(viewer, TestDatasheet, 'productName', sheet)).toBe(sheet.state === 'published');
        }
      }),
      { numRuns: 500 },
    );
  });
});
