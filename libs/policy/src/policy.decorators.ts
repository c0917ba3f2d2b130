import { ALL_ROLES } from '@chancery/access';
import { PolicyDeclarationError } from './policy.errors';
import { isRetentionRuleKey } from './retention/retention-rules';
import { declareEntity, declareEnvelope, declareField } from './policy.registry';
import {
  EntityClass,
  Grant,
  LEGAL_BASES,
  PERSONAL_DATA_CATEGORIES,
  PersonalDataDeclaration,
  PolicyEntityOptions,
  RELATIONS,
} from './policy.types';

/**
 * Marks a class as an entity whose fields the policy governs and says how its records relate to a
 * viewer. Give the record type explicitly so resolvers are checked: `@PolicyEntity<User>({ … })`.
 */
export function PolicyEntity<T extends object>(
  options: PolicyEntityOptions<T>,
): (cls: EntityClass<T>) => void {
  return (cls) => declareEntity(cls, options);
}

/**
 * Marks a GraphQL object type as an envelope around records (a login's tokens, a registration's
 * result): the output gate copies its fields and presents the records inside them. `typeName` is
 * the GraphQL type's name.
 */
export function Envelope(typeName: string): ClassDecorator {
  return (cls) => declareEnvelope(cls, typeName);
}

/** Who may read the field. Not readable by anyone a grant does not name (default deny). */
export function Readable(...grants: Grant[]): PropertyDecorator {
  return fieldDecorator('read', (where) => ({ read: checkedGrants(where, '@Readable', grants) }));
}

/** Who may set the field through any input. */
export function Writable(...grants: Grant[]): PropertyDecorator {
  return fieldDecorator('write', (where) => ({ write: checkedGrants(where, '@Writable', grants) }));
}

/**
 * Never readable through any output, e.g. a password hash. Leaving out @Readable has the same
 * effect; this says it was meant, and the matrix shows the field as `internal`.
 */
export function Internal(): PropertyDecorator {
  return fieldDecorator('internal', () => ({ internal: true }));
}

/** The field holds personal data; feeds the register of processing activities (VERIFY T16). */
export function PersonalData(declaration: PersonalDataDeclaration): PropertyDecorator {
  return fieldDecorator('personalData', (where) => ({
    personalData: checkedPersonalData(where, declaration),
  }));
}

/** The field was looked at and holds no personal data. */
export function NotPersonalData(reason?: string): PropertyDecorator {
  return fieldDecorator('notPersonalData', () => ({ notPersonalData: Object.freeze({ reason }) }));
}

function fieldDecorator(
  aspect: Parameters<typeof declareField>[2],
  build: (where: string) => Parameters<typeof declareField>[3],
): PropertyDecorator {
  return (target: object, key: string | symbol) => {
    if (typeof target === 'function') {
      throw new PolicyDeclarationError(
        `${target.name}.${String(key)}: policy decorators apply to instance fields only`,
      );
    }
    if (typeof key !== 'string') {
      throw new PolicyDeclarationError(
        `${target.constructor.name}: policy decorators need a string field name`,
      );
    }
    const where = `${target.constructor.name}.${key}`;
    declareField(target.constructor, key, aspect, build(where));
  };
}

// Declarations are plain data and may come from untyped code; check them once, when classes load.
function checkedGrants(where: string, decorator: string, grants: Grant[]): readonly Grant[] {
  if (grants.length === 0) {
    throw new PolicyDeclarationError(
      `${where}: ${decorator}() without grants; leave it out or use @Internal()`,
    );
  }
  for (const g of grants) {
    if (!RELATIONS.includes(g.relation)) {
      throw new PolicyDeclarationError(`${where}: unknown relation "${String(g.relation)}"`);
    }
    const unknownRole = g.roles?.find((role) => !ALL_ROLES.includes(role));
    if (unknownRole !== undefined) {
      throw new PolicyDeclarationError(`${where}: unknown role "${String(unknownRole)}"`);
    }
  }
  return Object.freeze(grants.map((g) => Object.freeze({ ...g })));
}

function checkedPersonalData(where: string, d: PersonalDataDeclaration): PersonalDataDeclaration {
  if (!PERSONAL_DATA_CATEGORIES.includes(d.category)) {
    throw new PolicyDeclarationError(`${where}: unknown personal data category "${String(d.category)}"`);
  }
  if (!LEGAL_BASES.includes(d.legalBasis)) {
    throw new PolicyDeclarationError(`${where}: unknown legal basis "${String(d.legalBasis)}"`);
  }
  if (!isRetentionRuleKey(d.retention)) {
    throw new PolicyDeclarationError(`${where}: @PersonalData needs a retention rule of the catalogue, not "${String(d.retention)}"`);
  }
  if (d.retentionInState !== undefined && (!isRetentionRuleKey(d.retentionInState) || d.retentionInState === d.retention)) {
    throw new PolicyDeclarationError(`${where}: @PersonalData's retentionInState must be another rule of the catalogue, not "${String(d.retentionInState)}"`);
  }
  for (const item of ['subject', 'purpose'] as const) {
    if (typeof d[item] !== 'string' || d[item].trim() === '') {
      throw new PolicyDeclarationError(`${where}: @PersonalData needs a ${item}`);
    }
  }
  return Object.freeze({ ...d });
}
