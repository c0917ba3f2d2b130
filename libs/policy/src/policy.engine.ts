import { Actor } from '@chancery/core/context/actor';
import { Role } from '@chancery/core/context/roles';
import { PolicyWriteDeniedError } from './policy.errors';
import { getPolicy } from './policy.registry';
import { EntityClass, EntityPolicy, Grant, Relation, RELATIONS } from './policy.types';

/*
 * The single enforcement path for field visibility (SPEC §4). GraphQL output, exports, feeds, PDFs,
 * data-subject exports and log serializers all call these functions; none of them decides on its own.
 * Pure and synchronous: the answer depends only on the viewer, the declarations and the record.
 */

// Relations as bits, so checking a field allocates nothing.
const BIT: Readonly<Record<Relation, number>> = {
  self: 1,
  ownOrganisation: 2,
  ownTenant: 4,
  projectParty: 8,
  published: 16,
  anyone: 32,
};

/** Which relations the viewer has to the record. `anyone` always; the rest only when proven. */
export function relationsOf<T extends object>(viewer: Actor, cls: EntityClass<T>, record: T): Set<Relation> {
  const policy = getPolicy(cls);
  return toSet(policy ? relationMask(viewer, policy, record) : BIT.anyone);
}

export function canRead<T extends object>(viewer: Actor, cls: EntityClass<T>, field: string, record: T): boolean {
  return isGranted('read', viewer, cls, field, record);
}

export function canWrite<T extends object>(viewer: Actor, cls: EntityClass<T>, field: string, record: T): boolean {
  return isGranted('write', viewer, cls, field, record);
}

/** Default deny: no policy for the class, or no declaration of the field, grants nothing. */
function isGranted<T extends object>(access: 'read' | 'write', viewer: Actor, cls: EntityClass<T>, field: string, record: T): boolean {
  const policy = getPolicy(cls);
  const fieldPolicy = policy?.fields.get(field);
  if (!policy || !fieldPolicy) return false;
  return anyGrantApplies(fieldPolicy[access], viewer.roles, relationMask(viewer, policy, record));
}

/**
 * Whether the viewer may read the field of records to which they have the given relations; for
 * list queries where the data layer has already scoped the rows (e.g. to the viewer's tenant) but
 * there is no single record. `anyone` is always added.
 */
export function canReadWithRelations(
  viewer: Actor,
  cls: EntityClass,
  field: string,
  relations: ReadonlySet<Relation>,
): boolean {
  const fieldPolicy = getPolicy(cls)?.fields.get(field);
  if (!fieldPolicy) return false;
  let mask = BIT.anyone;
  for (const relation of relations) mask |= BIT[relation] ?? 0;
  return anyGrantApplies(fieldPolicy.read, viewer.roles, mask);
}

/**
 * Filtering, sorting and counting by a field reveal its values, so they are allowed only to viewers
 * who may read it. Pass the record, or the relations every row in scope is known to have; with
 * neither, only relations that hold for every record (`anyone`) count.
 */
export function canFilterOrSort<T extends object>(
  viewer: Actor,
  cls: EntityClass<T>,
  field: string,
  recordOrRelations?: T | ReadonlySet<Relation>,
): boolean {
  if (recordOrRelations === undefined) return canReadWithRelations(viewer, cls, field, new Set());
  if (recordOrRelations instanceof Set) return canReadWithRelations(viewer, cls, field, recordOrRelations);
  return canRead(viewer, cls, field, recordOrRelations as T);
}

/** The declared fields the viewer may read on this record. */
export function readableFields<T extends object>(viewer: Actor, cls: EntityClass<T>, record: T): Set<string> {
  const readable = new Set<string>();
  const policy = getPolicy(cls);
  if (!policy) return readable;
  const mask = relationMask(viewer, policy, record);
  for (const [name, fieldPolicy] of policy.fields) {
    if (anyGrantApplies(fieldPolicy.read, viewer.roles, mask)) readable.add(name);
  }
  return readable;
}

/**
 * A shallow copy of the record (same prototype) in which every field the viewer may not read is
 * `null`, undeclared fields included. Readable fields holding records of other policy entities are
 * concealed with those entities' policies.
 */
export function conceal<T extends object>(viewer: Actor, cls: EntityClass<T>, record: T): T {
  return concealRecord(viewer, getPolicy(cls), record, new Map());
}

/** Throws PolicyWriteDeniedError naming the first field of `input` the viewer may not set; `undefined` values are not writes. */
export function assertWritable<T extends object>(
  viewer: Actor,
  cls: EntityClass<T>,
  record: T,
  input: Readonly<Record<string, unknown>>,
): void {
  const policy = getPolicy(cls);
  const mask = policy ? relationMask(viewer, policy, record) : 0;
  let denied: string[] | undefined;
  for (const field of Object.keys(input)) {
    if (input[field] === undefined) continue;
    const fieldPolicy = policy?.fields.get(field);
    if (!fieldPolicy || !anyGrantApplies(fieldPolicy.write, viewer.roles, mask)) (denied ??= []).push(field);
  }
  if (denied) throw new PolicyWriteDeniedError(policy?.name ?? cls.name, denied[0], denied);
}

/** Whether one grant applies to a viewer holding `roles` with the given relations; for generated test cases. */
export function grantApplies(
  grant: Grant,
  roles: readonly Role[],
  relations: ReadonlySet<Relation>,
): boolean {
  let mask = BIT.anyone;
  for (const relation of relations) mask |= BIT[relation] ?? 0;
  return anyGrantApplies([grant], roles, mask);
}

function anyGrantApplies(grants: readonly Grant[], roles: readonly Role[], mask: number): boolean {
  for (const g of grants) {
    if ((mask & BIT[g.relation]) === 0) continue;
    if (g.roles === undefined) return true;
    for (const role of g.roles) if (roles.includes(role)) return true;
  }
  return false;
}

function relationMask(viewer: Actor, policy: EntityPolicy, record: object): number {
  const r = policy.relations;
  let mask = BIT.anyone;
  if (viewer.kind === 'user' && viewer.id && r.selfUserId?.(record) === viewer.id) mask |= BIT.self;

  const recordTenant = r.tenantId?.(record);
  if (viewer.tenantId && recordTenant === viewer.tenantId) mask |= BIT.ownTenant;

  if (viewer.organisationId) {
    // An organisation id from another tenant must not count, even if ids were ever to collide.
    const tenantAgrees = !viewer.tenantId || recordTenant == null || recordTenant === viewer.tenantId;
    if (tenantAgrees && r.organisationId?.(record) === viewer.organisationId) mask |= BIT.ownOrganisation;
    if (r.projectPartyOrganisationIds?.(record)?.includes(viewer.organisationId)) mask |= BIT.projectParty;
  }
  if (r.isPublished?.(record) === true) mask |= BIT.published;
  return mask;
}

function toSet(mask: number): Set<Relation> {
  const set = new Set<Relation>();
  for (const relation of RELATIONS) if (mask & BIT[relation]) set.add(relation);
  return set;
}

// `seen` maps originals to their concealed copies so shared and cyclic references stay consistent.
function concealRecord<T extends object>(
  viewer: Actor,
  policy: EntityPolicy | undefined,
  record: T,
  seen: Map<object, object>,
): T {
  if (record === null || typeof record !== 'object') return record;
  const done = seen.get(record);
  if (done) return done as T;

  const copy = Object.create(Object.getPrototypeOf(record) as object | null) as Record<string, unknown>;
  seen.set(record, copy);
  const source = record as unknown as Record<string, unknown>;
  const mask = policy ? relationMask(viewer, policy, record) : 0;
  for (const key of Object.keys(source)) {
    const fieldPolicy = policy?.fields.get(key);
    copy[key] =
      fieldPolicy && anyGrantApplies(fieldPolicy.read, viewer.roles, mask)
        ? concealNested(viewer, source[key], seen)
        : null;
  }
  return copy as T;
}

function concealNested(viewer: Actor, value: unknown, seen: Map<object, object>): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    // Copy the array only when an element is a record to conceal.
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const element: unknown = value[i];
      const concealed = concealNested(viewer, element, seen);
      if (concealed !== element) (out ??= value.slice())[i] = concealed;
    }
    return out ?? value;
  }
  const policy = entityPolicyOf(value);
  return policy ? concealRecord(viewer, policy, value, seen) : value;
}

function entityPolicyOf(value: object): EntityPolicy | undefined {
  const ctor: unknown = Object.getPrototypeOf(value)?.constructor;
  return typeof ctor === 'function' && ctor !== Object ? getPolicy(ctor) : undefined;
}
