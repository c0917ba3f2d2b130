import { SetMetadata } from '@nestjs/common';
import type { Actor } from '@chancery/core';
import { Permission, PERMISSIONS, StepUpLevel } from './permissions';
import { API_KEY_SCOPE_PERMISSIONS, ApiKeyScope, ROLE_PERMISSIONS } from './role-permissions';
import { isRole } from './roles';

export const ACCESS_RULE = 'chancery:access-rule';

/**
 * Who may call an operation. Every resolver method and controller route carries exactly one rule;
 * the access guard refuses anything without one (deny by default) and `docs/operations.md` lists
 * every operation with its rule.
 *
 * - `public`: anyone, anonymous included (public reads, registration, login, verification);
 * - `person`: a logged-in person acting on their own account, whatever their roles; never an API key;
 * - `permission`: a person whose roles grant the permission, or an API key whose scope does.
 */
export type AccessRule = { kind: 'public' } | { kind: 'person'; beforeSecondFactor?: boolean } | { kind: 'permission'; permission: Permission };

/** Anyone, including anonymous callers. */
export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

/**
 * A logged-in person on their own account (profile, sessions, second factor, logout). An account
 * that must have a second factor and has not enrolled yet may call only the operations marked
 * `beforeSecondFactor` (enrolling and logging out): until then its password alone proves little.
 */
export const AuthenticatedPerson = (options: { beforeSecondFactor?: boolean } = {}) =>
  SetMetadata(ACCESS_RULE, (options.beforeSecondFactor ? { kind: 'person', beforeSecondFactor: true } : { kind: 'person' }) satisfies AccessRule);

/** Callers granted the permission (`role-permissions.ts`); its step-up, if any, comes with it. */
export const Allow = (permission: Permission) => SetMetadata(ACCESS_RULE, { kind: 'permission', permission } satisfies AccessRule);

/** Every permission the actor holds: through its roles (a person) or its scopes (an API key). */
export function permissionsOf(actor: Actor): ReadonlySet<Permission> {
  const granted = new Set<Permission>();
  if (actor.kind === 'user') {
    for (const role of actor.roles) if (isRole(role)) for (const p of ROLE_PERMISSIONS[role]) granted.add(p);
  } else if (actor.kind === 'apiKey') {
    for (const scope of actor.scopes ?? []) for (const p of API_KEY_SCOPE_PERMISSIONS[scope as ApiKeyScope] ?? []) granted.add(p);
  }
  return granted;
}

export function holdsPermission(actor: Actor, permission: Permission): boolean {
  return permissionsOf(actor).has(permission);
}

export function stepUpOf(permission: Permission): StepUpLevel | undefined {
  return PERMISSIONS[permission].stepUp;
}

/** How the operations list and the role tables describe a rule. */
export function describeAccessRule(rule: AccessRule | undefined): string {
  if (!rule) return '**none: refused to everyone**';
  switch (rule.kind) {
    case 'public':
      return 'anyone, anonymous included';
    case 'person':
      return rule.beforeSecondFactor ? 'a logged-in person (own account), also before a required second factor is enrolled' : 'a logged-in person (own account)';
    case 'permission': {
      const stepUp = stepUpOf(rule.permission);
      return `\`${rule.permission}\`${stepUp ? ` + step-up (${stepUp})` : ''}`;
    }
  }
}
