import { ModulesContainer } from '@nestjs/core';
import { GraphQLSchema } from 'graphql';
import { ACCESS_RULE, AccessRule, ALL_PERMISSIONS, ALL_ROLES, API_KEY_SCOPE_PERMISSIONS, ApiKeyScope, describeAccessRule, PERMISSIONS, ROLE_PERMISSIONS } from '@chancery/access';

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

/**
 * Every GraphQL operation with who may call it, and the permission catalogue by role and API-key
 * scope: generated from the declarations, for people to read and check against the privacy
 * documentation. Field visibility inside the answers is in docs/visibility-matrix.md.
 */
export function renderOperationAccess(schema: GraphQLSchema, rules: Map<string, AccessRule>): string {
  const section = (title: string, fields: string[]) => [
    `## ${title}`,
    '',
    '| operation | who may call it |',
    '| --- | --- |',
    ...fields.sort().map((name) => `| \`${name}\` | ${describeAccessRule(rules.get(name))} |`),
    '',
  ];
  const scopes = Object.values(ApiKeyScope) as ApiKeyScope[];
  return [
    '<!-- Generated from the resolvers and libs/access by `npm run schema:generate`; a test fails when it drifts. -->',
    '',
    '# Operations and who may call them',
    '',
    'Every operation declares exactly one rule; one without a rule is refused to everyone (deny by default).',
    'A permission is held through a role (a person) or a scope (an API key); a step-up asks the session to have',
    're-authenticated within 5 minutes (`recent-login`: password or second factor; `second-factor`: a code only).',
    'What each caller then sees of the records is decided per field: `docs/visibility-matrix.md`.',
    '',
    ...section('Queries', Object.keys(schema.getQueryType()?.getFields() ?? {})),
    ...section('Mutations', Object.keys(schema.getMutationType()?.getFields() ?? {})),
    '## Permissions by role and API-key scope',
    '',
    `| permission | step-up | ${[...ALL_ROLES, ...scopes.map((s) => `key: ${s}`)].join(' | ')} | what it allows |`,
    `| --- | --- | ${[...ALL_ROLES, ...scopes].map(() => '---').join(' | ')} | --- |`,
    ...ALL_PERMISSIONS.map((permission) =>
      [
        `| \`${permission}\``,
        PERMISSIONS[permission].stepUp ?? '—',
        ...ALL_ROLES.map((role) => (ROLE_PERMISSIONS[role].has(permission) ? '✓' : '')),
        ...scopes.map((scope) => (API_KEY_SCOPE_PERMISSIONS[scope].includes(permission) ? '✓' : '')),
        `${PERMISSIONS[permission].description} |`,
      ].join(' | '),
    ),
    '',
  ].join('\n');
}
