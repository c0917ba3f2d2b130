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
/** What a person does who lost the phone with their second factor (review F11), in the words of the operations they call. */
const LOST_SECOND_FACTOR = [
  '## A lost second factor (phone)',
  '',
  'Whoever sets up a second factor gets ten single-use recovery codes (`confirmTotpEnrolmentWithRecoveryCodes`), shown once',
  'and stored only as keyed hashes; `myRecoveryCodes` says how many are left, `regenerateRecoveryCodes` (with a current code of',
  'the app) replaces them all. Accounts enrolled before recovery codes existed have none until they make them on the',
  'second-factor screen. A lost phone then goes as follows:',
  '',
  '- **Phone lost, codes at hand.** Log in with a recovery code (`login` with `recoveryCode` instead of `totpCode`; the',
  '  person is e-mailed, the audit trail has `auth.recoveryCode.used`). Then get a new second factor: another administrator',
  '  of the company or chamber resets it (`resetSecondFactor`, which deletes the codes too), and the next login enrols the',
  '  new phone and makes new codes. A *sole* tenant administrator first invites a second administrator (`inviteUser`),',
  '  who then resets the first one\'s second factor.',
  '- **Phone and codes lost, another active administrator exists.** That administrator resets the second factor',
  '  (`resetSecondFactor`). The platform operator does not: it holds no role in a tenant and never acts as one of its',
  '  accounts; it never logs in as the administrator either.',
  '- **Phone and codes lost, a company\'s only active administrator.** The company asks its chamber (or certification',
  '  body). The tenant\'s administrator calls the person back on the company\'s number on record (never on one given in the',
  '  request) and removes the second factor under the support case\'s reference (`resetCompanyAdministratorSecondFactor`,',
  '  with a second-factor step-up; refused with `COMPANY_HAS_OTHER_ADMINISTRATOR` while the company has another active',
  '  administrator, who does it from the company\'s users page, and with `NOT_COMPANY_ADMINISTRATOR` for anyone who is not an',
  '  active administrator of that company of the tenant). The reference and the tenant\'s administrator stand in the',
  '  tenant\'s audit log (`identity.secondFactor.resetByTenant`), the administrator is e-mailed, their sessions end, and',
  '  their password stays: the next login opens only the enrolment of a new phone where the company\'s login method',
  '  requires a second factor. With no active company administrator at all, the tenant appoints one instead',
  '  (`appointCompanyAdministrator`). In the portal, the tenant\'s administrator does it at',
  '  `/app/companies/administrator-second-factor` (in the menu, and linked from the staff users page beside "A company',
  '  without an administrator"): the company found by part of its name, with its phone number on record shown as the',
  '  number to call back, the administrator\'s login address, the support reference and a tick that the person was called',
  '  back on that number, never on one given in the request; each refusal says what to do instead, and once done the',
  '  screen says what happened and what the next login asks (`test/web/company-administrator.web.ts`).',
  '- **Phone and codes lost, a tenant\'s only active administrator.** The tenant asks the platform operator\'s',
  '  support. The operator checks the person out of band (a call-back to the number on record, the tenant\'s written',
  '  request) and, for a tenant\'s only active administrator, removes the second factor under the support case\'s',
  '  reference (`resetTenantAdministratorSecondFactor`, refused with `TENANT_HAS_OTHER_ADMINISTRATOR` while another',
  '  active administrator exists, who does it). The reference and the operator stand in the tenant\'s own audit log',
  '  (`identity.secondFactor.resetByOperator`), the administrator is e-mailed, their sessions end, and their password',
  '  alone opens only the enrolment of a new phone. With no active tenant administrator at all, the operator invites',
  '  one instead (`inviteTenantAdministrator`). In the portal, the operator does it at `/app/platform/tenants/second-factor`',
  '  ("Reset an administrator\'s second factor", next to inviting a tenant administrator): the tenant, the administrator\'s',
  '  login address, the support reference and a tick that the person was called back on the number on record, never on one',
  '  given in the request; each refusal says what to do instead (`test/web/administrator-second-factor-reset.web.ts`).',
  '',
];

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
    ...LOST_SECOND_FACTOR,
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
