import type { Actor } from '@chancery/core';
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
  ownPlatform: 64,
};

/** Which relations the viewer has to the record. `anyone` always; the rest only when proven. */
export function relationsOf<T extends object>(viewer: Actor, cls: EntityClass<T>, record: T): Set<Relation> {
  const policy = getPolicy(cls);
  return toSet(policy ? relationMask(viewer, policy, record) : BIT.anyone);
}

/** Record-level access: whether the viewer may see the record at all (its entity's `visibleTo`). */
export function canSee<T extends object>(viewer: Actor, cls: EntityClass<T>, record: T): boolean {
  const policy = getPolicy(cls);
  return policy !== undefined && anyGrantApplies(policy.visibleTo, viewer.roles, relationMask(viewer, policy, record));
}

/** Whether the viewer may read the field of the record: the record is visible to them and a field grant applies. */
export function canRead<T extends object>(viewer: Actor, cls: EntityClass<T>, field: string, record: T): boolean {
  return isGranted('read', viewer, cls, field, record);
}

export function canWrite<T extends object>(viewer: Actor, cls: EntityClass<T>, field: string, record: T): boolean {
  return isGranted('write', viewer, cls, field, record);
}

/** Default deny: no policy for the class, an invisible record, or no declaration of the field grants nothing. */
function isGranted<T extends object>(access: 'read' | 'write', viewer: Actor, cls: EntityClass<T>, field: string, record: T): boolean {
  const policy = getPolicy(cls);
  const fieldPolicy = policy?.fields.get(field);
  if (!policy || !fieldPolicy) return false;
  const mask = relationMask(viewer, policy, record);
  return anyGrantApplies(policy.visibleTo, viewer.roles, mask) && anyGrantApplies(fieldPolicy[access], viewer.roles, mask);
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
  const policy = getPolicy(cls);
  const fieldPolicy = policy?.fields.get(field);
  if (!policy || !fieldPolicy) return false;
  let mask = BIT.anyone;
  for (const relation of relations) mask |= BIT[relation] ?? 0;
  return anyGrantApplies(policy.visibleTo, viewer.roles, mask) && anyGrantApplies(fieldPolicy.read, viewer.roles, mask);
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
  if (!anyGrantApplies(policy.visibleTo, viewer.roles, mask)) return readable;
  for (const [name, fieldPolicy] of policy.fields) {
    if (anyGrantApplies(fieldPolicy.read, viewer.roles, mask)) readable.add(name);
  }
  return readable;
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
  const visible = policy !== undefined && anyGrantApplies(policy.visibleTo, viewer.roles, mask);
  let denied: string[] | undefined;
  for (const field of Object.keys(input)) {
    if (input[field] === undefined) continue;
    const fieldPolicy = policy?.fields.get(field);
    if (!visible || !fieldPolicy || !anyGrantApplies(fieldPolicy.write, viewer.roles, mask)) (denied ??= []).push(field);
  }
  if (denied) throw new PolicyWriteDeniedError(policy?.name ?? cls.name, denied);
}

/** Whether one grant applies to a viewer holding `roles` with the given relations; for generated test cases. */
export function grantApplies(
  grant: Grant,
  roles: readonly string[],
  relations: ReadonlySet<Relation>,
): boolean {
  let mask = BIT.anyone;
  for (const relation of relations) mask |= BIT[relation] ?? 0;
  return anyGrantApplies([grant], roles, mask);
}

/** Whether any of the grants applies to a viewer holding `roles` whose relations to the record are `mask`. */
export function anyGrantApplies(grants: readonly Grant[], roles: readonly string[], mask: number): boolean {
  for (const g of grants) {
    if ((mask & BIT[g.relation]) === 0) continue;
    if (g.roles === undefined) return true;
    for (const role of g.roles) if (roles.includes(role)) return true;
  }
  return false;
}

/** The viewer's relations to the record as bits (see BIT). */
export function relationMask(viewer: Actor, policy: EntityPolicy, record: object): number {
  const r = policy.relations;
  let mask = BIT.anyone;
  if (viewer.kind === 'user' && viewer.id && r.selfUserId?.(record) === viewer.id) mask |= BIT.self;

  const recordTenant = r.tenantId?.(record);
  if (viewer.tenantId && recordTenant === viewer.tenantId) mask |= BIT.ownTenant;
  // Null, not absent: the entity says whose a record is, and this one is no tenant's.
  if (viewer.kind === 'user' && viewer.id && !viewer.tenantId && r.tenantId && recordTenant === null) mask |= BIT.ownPlatform;

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
