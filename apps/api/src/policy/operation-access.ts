import { ModulesContainer } from '@nestjs/core';
import { GraphQLSchema } from 'graphql';
import { ACCESS_RULE, AccessRule } from '@chancery/core';

export const OPERATIONS_FILE = 'docs/operations.md';

/** Every resolver method's access rule, by method name (GraphQL operations are named after them). */
export function accessRulesOf(modules: ModulesContainer): Map<string, AccessRule> {
  const rules = new Map<string, AccessRule>();
  for (const module of modules.values()) {
    for (const wrapper of module.providers.values()) {
      const prototype = (wrapper.metatype as { prototype?: object } | null)?.prototype;
      if (!prototype || typeof wrapper.metatype !== 'function') continue;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const method: unknown = Object.getOwnPropertyDescriptor(prototype, name)?.value;
        if (name === 'constructor' || typeof method !== 'function') continue;
        const rule = Reflect.getMetadata(ACCESS_RULE, method) as AccessRule | undefined;
        if (rule) rules.set(name, rule);
      }
    }
  }
  return rules;
}

function describeRule(rule: AccessRule | undefined): string {
  if (!rule) return '**none: refused to everyone**';
  switch (rule.kind) {
    case 'public':
      return 'anyone, anonymous included';
    case 'authenticated':
      return 'a logged-in person or an API key';
    case 'person':
      return 'a logged-in person';
    case 'roles':
      return `${rule.roles.join(', ')}${rule.stepUp ? ' with a recent second-factor step-up' : ''}`;
  }
}

/**
 * The list of every GraphQL operation with who may call it, for people to read and check against
 * the privacy documentation. Field visibility inside the answers is in docs/visibility-matrix.md.
 */
export function renderOperationAccess(schema: GraphQLSchema, rules: Map<string, AccessRule>): string {
  const section = (title: string, fields: string[]) => [
    `## ${title}`,
    '',
    '| operation | who may call it |',
    '| --- | --- |',
    ...fields.sort().map((name) => `| \`${name}\` | ${describeRule(rules.get(name))} |`),
    '',
  ];
  return [
    '<!-- Generated from the resolvers by `npm run schema:generate`; a test fails when it drifts. -->',
    '',
    '# Operations and who may call them',
    '',
    'Every operation declares exactly one rule; one without a rule is refused to everyone (deny by default).',
    'What each caller then sees of the records is decided per field: `docs/visibility-matrix.md`.',
    '',
    ...section('Queries', Object.keys(schema.getQueryType()?.getFields() ?? {})),
    ...section('Mutations', Object.keys(schema.getMutationType()?.getFields() ?? {})),
  ].join('\n');
}
