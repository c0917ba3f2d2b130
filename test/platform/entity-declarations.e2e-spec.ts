import { DataSource } from 'typeorm';
import { EntityClass, getFieldPolicy, getPolicy, policedEntities } from '@chancery/policy';
import { useTestApp } from '@chancery/testing';

/**
 * The build fails when a declaration is missing: every table's entity (as the application's data
 * source knows them) is a declared record type, every column says who may read it (or that no one
 * may: @Internal) and whether it is personal data, with category, purpose, legal basis and retention
 * when it is (VERIFY T16, first part). Read from the running application, so it does not depend on
 * which files Jest happened to load before.
 */
describe('Every field of every entity is declared', () => {
  const world = useTestApp();
  const entities = () => world.app.get(DataSource).entityMetadatas;

  it('finds the entities (so the checks below are not vacuous)', () => {
    expect(entities().map((e) => e.name).sort()).toEqual(
      expect.arrayContaining(['ApiKey', 'AuthSession', 'Invitation', 'Organisation', 'OutboxMessage', 'Tenant', 'UserAccount', 'UserRole']),
    );
  });

  it('every table entity is a declared record type in the policy registry', () => {
    const registered = new Set(policedEntities().map((p) => p.cls));
    const missing = entities().filter((e) => !registered.has(e.target as EntityClass)).map((e) => e.name);
    expect(missing).toEqual([]);
  });

  it('every column declares who may read it and whether it is personal data', () => {
    const problems: string[] = [];
    for (const entity of entities()) {
      for (const column of entity.columns) {
        const field = getFieldPolicy(entity.target as EntityClass, column.propertyName);
        const where = `${entity.name}.${column.propertyName}`;
        if (!field || (!field.internal && field.read.length === 0)) problems.push(`${where}: no @Readable or @Internal`);
        if (!field?.personalData && !field?.notPersonalData) problems.push(`${where}: neither @PersonalData nor @NotPersonalData`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every personal-data declaration names category, subject, purpose, legal basis and retention', () => {
    const incomplete: string[] = [];
    for (const policy of policedEntities()) {
      for (const field of policy.fields.values()) {
        const pd = field.personalData;
        if (pd && !(pd.category && pd.subject && pd.purpose.trim() && pd.legalBasis && pd.retention.trim())) incomplete.push(`${policy.name}.${field.name}`);
      }
    }
    expect(incomplete).toEqual([]);
  });

  it('no field is readable by someone its record is hidden from (record rules cover field rules)', () => {
    const uncovered: string[] = [];
    for (const policy of policedEntities()) {
      for (const field of policy.fields.values()) {
        for (const grant of field.read) {
          const covered = policy.visibleTo.some(
            (v) => v.relation === grant.relation && (v.roles === undefined || (grant.roles !== undefined && grant.roles.every((r) => v.roles!.includes(r)))),
          ) || policy.visibleTo.some((v) => v.relation === 'anyone' && v.roles === undefined);
          if (!covered) uncovered.push(`${policy.name}.${field.name}: ${JSON.stringify(grant)}`);
        }
      }
    }
    expect(uncovered).toEqual([]);
  });

  it('every policed class is what it claims (getPolicy finds it by its class)', () => {
    for (const policy of policedEntities()) expect(getPolicy(policy.cls)?.name).toBe(policy.name);
  });
});
