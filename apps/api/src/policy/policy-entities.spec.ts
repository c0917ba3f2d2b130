import { getMetadataArgsStorage } from 'typeorm';
import { EntityClass, getFieldPolicy, getPolicy } from '@chancery/policy';
import { POLICY_ENTITIES } from './policy-entities';

/**
 * The build fails when a declaration is missing: every database entity is a declared record type,
 * every column says who may read it (or that no one may: @Internal) and whether it is personal data,
 * with category, purpose, legal basis and retention when it is (VERIFY T16, first part).
 */
describe('Every field of every entity is declared', () => {
  // TypeORM keeps its metadata on the process's global object, so in a Jest worker it also holds the
  // classes earlier test files loaded: keep the last class registered under each name (this file's).
  const lastByName = new Map<string, EntityClass>();
  for (const { target } of getMetadataArgsStorage().tables) {
    if (typeof target === 'function') lastByName.set(target.name, target as EntityClass);
  }
  const entityClasses = [...lastByName.values()];

  it('finds the entities (so the checks below are not vacuous)', () => {
    expect(entityClasses.map((cls) => cls.name).sort()).toEqual(
      expect.arrayContaining(['ApiKey', 'AuthSession', 'Invitation', 'Organisation', 'Tenant', 'UserAccount', 'UserRole']),
    );
  });

  it('every database entity is a declared record type in POLICY_ENTITIES', () => {
    const missing = entityClasses.filter((cls) => !getPolicy(cls) || !POLICY_ENTITIES.includes(cls)).map((cls) => cls.name);
    expect(missing).toEqual([]);
  });

  it('every column declares who may read it and whether it is personal data', () => {
    const problems: string[] = [];
    for (const column of getMetadataArgsStorage().columns) {
      if (typeof column.target !== 'function' || !entityClasses.includes(column.target as EntityClass)) continue;
      const field = getFieldPolicy(column.target as EntityClass, column.propertyName);
      const where = `${column.target.name}.${column.propertyName}`;
      if (!field || (!field.internal && field.read.length === 0)) problems.push(`${where}: no @Readable or @Internal`);
      if (!field?.personalData && !field?.notPersonalData) problems.push(`${where}: neither @PersonalData nor @NotPersonalData`);
    }
    expect(problems).toEqual([]);
  });

  it('every personal-data declaration names category, subject, purpose, legal basis and retention', () => {
    const incomplete: string[] = [];
    for (const cls of POLICY_ENTITIES) {
      for (const field of getPolicy(cls)!.fields.values()) {
        const pd = field.personalData;
        if (pd && !(pd.category && pd.subject && pd.purpose.trim() && pd.legalBasis && pd.retention.trim())) incomplete.push(`${getPolicy(cls)!.name}.${field.name}`);
      }
    }
    expect(incomplete).toEqual([]);
  });
});
