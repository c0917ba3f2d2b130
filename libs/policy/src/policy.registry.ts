import { PolicyDeclarationError } from './policy.errors';
import {
  EntityClass,
  EntityPolicy,
  FieldPolicy,
  Grant,
  PersonalDataDeclaration,
  PolicyEntityOptions,
  RelationResolvers,
} from './policy.types';

/** What one class itself says about one field; aspects left undefined are inherited. */
interface OwnFieldDeclaration {
  read?: readonly Grant[];
  write?: readonly Grant[];
  internal?: boolean;
  personalData?: PersonalDataDeclaration;
  notPersonalData?: { reason?: string };
}

interface OwnEntityDeclaration {
  name: string;
  visibleTo: readonly Grant[];
  subject?: string;
  relations: RelationResolvers<unknown>;
}

/** A class, as decorators receive it (its constructor). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- decorators hand us the constructor as ClassRef
type ClassRef = Function;

// Keyed by constructor. Map, not WeakMap: entity classes live as long as the process and the matrix
// needs to list them.
const ownFields = new Map<ClassRef, Map<string, OwnFieldDeclaration>>();
const ownEntities = new Map<ClassRef, OwnEntityDeclaration>();
const entityNames = new Map<string, ClassRef>();
// Resolved policies; cleared whenever a declaration is added, which only happens while classes load.
const resolved = new Map<ClassRef, EntityPolicy | null>();

/** Records one aspect of a field's declaration, refusing a second declaration of the same aspect. */
export function declareField(
  cls: ClassRef,
  field: string,
  aspect: keyof OwnFieldDeclaration,
  declaration: OwnFieldDeclaration,
): void {
  let fields = ownFields.get(cls);
  if (!fields) {
    fields = new Map();
    ownFields.set(cls, fields);
  }
  const existing = fields.get(field) ?? {};
  const where = `${cls.name}.${field}`;
  if (existing[aspect] !== undefined) {
    throw new PolicyDeclarationError(
      `${where} declares ${aspectLabel(aspect)} twice; combine the grants in one`,
    );
  }
  const merged: OwnFieldDeclaration = { ...existing, ...declaration };
  if (merged.internal && merged.read) {
    throw new PolicyDeclarationError(`${where} is both @Internal and @Readable`);
  }
  if (merged.personalData && merged.notPersonalData) {
    throw new PolicyDeclarationError(`${where} is both @PersonalData and @NotPersonalData`);
  }
  fields.set(field, merged);
  resolved.clear();
}

export function declareEntity<T>(cls: ClassRef, options: PolicyEntityOptions<T>): void {
  if (!options.name) {
    throw new PolicyDeclarationError(`@PolicyEntity on ${cls.name} needs a name`);
  }
  const sameName = entityNames.get(options.name);
  if (sameName && sameName !== cls) {
    throw new PolicyDeclarationError(
      `@PolicyEntity name "${options.name}" is used by both ${sameName.name} and ${cls.name}`,
    );
  }
  if (ownEntities.has(cls)) {
    throw new PolicyDeclarationError(`${cls.name} has @PolicyEntity twice`);
  }
  if (!Array.isArray(options.visibleTo)) {
    throw new PolicyDeclarationError(`@PolicyEntity on ${cls.name} must say who may see its records (visibleTo)`);
  }
  entityNames.set(options.name, cls);
  ownEntities.set(cls, {
    name: options.name,
    visibleTo: Object.freeze(options.visibleTo.map((g) => Object.freeze({ ...g }))),
    subject: options.subject,
    // Resolvers are only ever called with records of this class; erase the type for storage.
    relations: Object.freeze({ ...options.relations }) as RelationResolvers<unknown>,
  });
  resolved.clear();
}

/**
 * The policy of a class: the nearest @PolicyEntity up the prototype chain, with field declarations
 * merged from the base class down (a subclass overrides an aspect it redeclares). `undefined` for a
 * class with no @PolicyEntity anywhere in its chain: its records are readable by no one.
 */
export function getPolicy(cls: ClassRef | EntityClass): EntityPolicy | undefined {
  const cached = resolved.get(cls);
  if (cached !== undefined) return cached ?? undefined;
  const policy = resolvePolicy(cls);
  resolved.set(cls, policy);
  return policy ?? undefined;
}

/** The declaration of one field, or `undefined` when the field (or the class) is not declared. */
export function getFieldPolicy(cls: ClassRef | EntityClass, field: string): FieldPolicy | undefined {
  return getPolicy(cls)?.fields.get(field);
}

/**
 * The entity registry: every class that carries its own @PolicyEntity, by name. The application's
 * entities are declared where they live (each context) and loaded with it; the visibility matrix,
 * log redactions and the register of processing are generated from this list.
 */
export function policedEntities(): EntityPolicy[] {
  const policies: EntityPolicy[] = [];
  for (const cls of ownEntities.keys()) {
    const policy = getPolicy(cls);
    if (policy) policies.push(policy);
  }
  return policies.sort((a, b) => a.name.localeCompare(b.name));
}

/** The policy of the entity with this name (the GraphQL type name of record types). */
export function policyNamed(name: string): EntityPolicy | undefined {
  const cls = entityNames.get(name);
  return cls ? getPolicy(cls) : undefined;
}

// ---- Envelopes: GraphQL object types that carry records without being records ------------------

const envelopes = new Map<ClassRef, string>();

/** Declares a class an envelope: its own fields carry no data beyond the records inside them. */
export function declareEnvelope(cls: ClassRef, typeName: string): void {
  envelopes.set(cls, typeName);
}

export function isEnvelope(cls: ClassRef): boolean {
  return envelopes.has(cls);
}

/** The GraphQL type names of every declared envelope. */
export function envelopeTypeNames(): ReadonlySet<string> {
  return new Set(envelopes.values());
}

function resolvePolicy(cls: ClassRef): EntityPolicy | null {
  const chain: ClassRef[] = [];
  for (
    let c: unknown = cls;
    typeof c === 'function' && c !== Function.prototype;
    c = Object.getPrototypeOf(c)
  ) {
    chain.unshift(c as ClassRef);
  }
  let entity: OwnEntityDeclaration | undefined;
  const merged = new Map<string, OwnFieldDeclaration>();
  for (const c of chain) {
    entity = ownEntities.get(c) ?? entity;
    for (const [field, own] of ownFields.get(c) ?? []) {
      merged.set(field, overrideAspects(merged.get(field), own));
    }
  }
  if (!entity) return null;

  const fields = new Map<string, FieldPolicy>();
  for (const [name, d] of merged) {
    fields.set(
      name,
      Object.freeze({
        name,
        read: d.internal ? [] : (d.read ?? []),
        write: d.write ?? [],
        internal: d.internal === true,
        personalData: d.personalData,
        notPersonalData: d.notPersonalData,
      }),
    );
  }
  return Object.freeze({
    cls: cls as EntityClass,
    name: entity.name,
    visibleTo: entity.visibleTo,
    subject: entity.subject,
    relations: entity.relations,
    fields,
  });
}

function overrideAspects(
  base: OwnFieldDeclaration | undefined,
  own: OwnFieldDeclaration,
): OwnFieldDeclaration {
  if (!base) return own;
  const next: OwnFieldDeclaration = { ...base, ...own };
  // Opposite aspects exclude each other: a subclass that makes a field readable un-internals it, and so on.
  if (own.read) next.internal = own.internal;
  if (own.internal) next.read = undefined;
  if (own.personalData) next.notPersonalData = own.notPersonalData;
  if (own.notPersonalData) next.personalData = own.personalData;
  return next;
}

function aspectLabel(aspect: keyof OwnFieldDeclaration): string {
  const labels: Record<keyof OwnFieldDeclaration, string> = {
    read: '@Readable',
    write: '@Writable',
    internal: '@Internal',
    personalData: '@PersonalData',
    notPersonalData: '@NotPersonalData',
  };
  return labels[aspect];
}
