import { policedEntities, getPolicy } from './policy.registry';
import { EntityClass, EntityPolicy, PersonalDataDeclaration } from './policy.types';
import { RetentionRuleKey } from './retention/retention-rules';

/** One field of one entity that holds personal data, with what is declared about it. */
export interface PersonalDataField {
  readonly entity: string;
  readonly cls: EntityClass;
  readonly field: string;
  readonly declaration: PersonalDataDeclaration;
}

/**
 * Log keys that must never carry a value: every property name declared personal data on any of
 * the classes, redacted at any depth of a logged object.
 */
export function personalDataLogRedactions(classes: readonly EntityClass[]): string[] {
  return [...new Set(classes.flatMap((cls) => personalDataFields(cls).map((f) => f.field)))].sort();
}

/** The retention rules a declaration names: its rule, and the rule for records in one state where it names one. */
export function retentionRulesOf(declaration: PersonalDataDeclaration): RetentionRuleKey[] {
  return declaration.retentionInState ? [declaration.retention, declaration.retentionInState] : [declaration.retention];
}

/** The fields of an entity declared @PersonalData, in declaration order. */
export function personalDataFields(cls: EntityClass): PersonalDataField[] {
  const policy = getPolicy(cls);
  return policy ? fieldsOf(policy) : [];
}

/**
 * Every field, across entities, that holds personal data of one kind of subject (`user`,
 * `organisationContact`, …): what a data-subject export or erasure has to visit.
 */
export function personalDataOfSubject(
  subject: string,
  entities: readonly EntityPolicy[] = policedEntities(),
): PersonalDataField[] {
  return entities.flatMap(fieldsOf).filter((f) => f.declaration.subject === subject);
}

/**
 * The fields (of `fieldNames`, e.g. an entity's TypeORM columns) that are neither @PersonalData nor
 * @NotPersonalData. Applies to entities that declare at least one @PersonalData: once an entity is
 * known to hold personal data, every field must be classified (VERIFY T16). With `strict`, applies to
 * every entity. Returns the unclassified fields; empty means the entity passes.
 */
export function assertEveryFieldClassified(
  cls: EntityClass,
  fieldNames: readonly string[],
  options: { strict?: boolean } = {},
): string[] {
  const fields = getPolicy(cls)?.fields;
  const holdsPersonalData = fields !== undefined && [...fields.values()].some((f) => f.personalData);
  if (!holdsPersonalData && !options.strict) return [];
  return fieldNames.filter((name) => {
    const f = fields?.get(name);
    return !f?.personalData && !f?.notPersonalData;
  });
}

function fieldsOf(policy: EntityPolicy): PersonalDataField[] {
  const found: PersonalDataField[] = [];
  for (const f of policy.fields.values()) {
    if (f.personalData) {
      found.push({ entity: policy.name, cls: policy.cls, field: f.name, declaration: f.personalData });
    }
  }
  return found;
}
