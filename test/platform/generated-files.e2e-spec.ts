import { ModulesContainer } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { GraphQLObjectType, getNullableType, isNonNullType, isObjectType } from 'graphql';
import { canReadWithRelations, envelopeTypeNames, generateVisibilityMatrix, getPolicy, policedEntities } from '@chancery/policy';
import { useTestApp } from '@chancery/testing';
import { VISIBILITY_MATRIX_FILE } from '@chancery/testing/policy/policy-world';
import { printApiSchema, SCHEMA_FILE } from '@chancery/testing/generated-docs/schema-file';
import { accessRulesOf, OPERATIONS_FILE, renderOperationAccess } from '@chancery/testing/generated-docs/operation-access';
import { DATABASE_ACCESS_FILE, renderDatabaseAccess } from '@chancery/testing/generated-docs/database-access';
import { ERRORS_FILE, renderErrorCatalogue } from '@chancery/testing/generated-docs/errors-doc';
import { expectFile } from '@chancery/testing/generated-docs/expect-file';

describe('Generated files', () => {
  const world = useTestApp();
  const POLICY_ENTITIES = () => policedEntities().map((policy) => policy.cls);

  it('schema.graphql is the schema the API serves (run `npm run schema:generate` after changing it)', () => {
    expectFile(SCHEMA_FILE, printApiSchema(world.app.get(GraphQLSchemaHost).schema));
  });

  it('docs/visibility-matrix.md is generated from the declarations (run `npm run policy:matrix`)', () => {
    expectFile(VISIBILITY_MATRIX_FILE, generateVisibilityMatrix(POLICY_ENTITIES()));
  });

  it('docs/operations.md lists every operation with its access rule, and every operation declares one', () => {
    const schema = world.app.get(GraphQLSchemaHost).schema;
    const rules = accessRulesOf(world.app.get(ModulesContainer));
    const operations = [...Object.keys(schema.getQueryType()!.getFields()), ...Object.keys(schema.getMutationType()!.getFields())];
    expect(operations.filter((name) => !rules.has(name))).toEqual([]);
    expectFile(OPERATIONS_FILE, renderOperationAccess(schema, rules));
  });

  it('docs/errors.md lists every context\'s error reasons with their codes', () => {
    expectFile(ERRORS_FILE, renderErrorCatalogue());
  });

  it('docs/database-access.md is the row-level security and the grants the migrations create', async () => {
    expectFile(DATABASE_ACCESS_FILE, await world.app.asOwner((owner) => renderDatabaseAccess(owner)));
  });

  it('every object type of the schema is a declared record type or a known envelope', () => {
    const schema = world.app.get(GraphQLSchemaHost).schema;
    const recordTypes = new Set(policedEntities().map((policy) => policy.name));
    const envelopes = envelopeTypeNames();
    const undeclared = Object.values(schema.getTypeMap())
      .filter((type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith('__'))
      .map((type) => type.name)
      .filter((name) => !recordTypes.has(name) && !envelopes.has(name) && name !== 'Query' && name !== 'Mutation');
    expect(undeclared).toEqual([]);
  });

  it('a field that someone may not read is nullable in the schema, so concealing it reads as null', () => {
    const schema = world.app.get(GraphQLSchemaHost).schema;
    const anyoneOnly = new Set(['anyone'] as const);
    const problems: string[] = [];
    for (const cls of POLICY_ENTITIES()) {
      const policy = getPolicy(cls)!;
      const type = schema.getType(policy.name);
      if (!isObjectType(type)) continue;
      for (const [fieldName, field] of Object.entries(type.getFields())) {
        const public_ = canReadWithRelations({ kind: 'anonymous', roles: [] }, cls, fieldName, new Set(anyoneOnly));
        if (!public_ && isNonNullType(field.type)) problems.push(`${policy.name}.${fieldName}: ${String(getNullableType(field.type))}!`);
      }
    }
    expect(problems).toEqual([]);
  });
});
