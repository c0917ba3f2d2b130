import type { Role } from '../gql/graphql';

export type { Role };

export const ORGANISATION_ROLES: readonly Role[] = ['ORG_ADMIN', 'ORG_MEMBER'];
export const TENANT_STAFF_ROLES: readonly Role[] = ['TENANT_ADMIN', 'CLERK', 'SIGNER', 'PRIVACY_OFFICER', 'AUDITOR'];

export function hasAnyRole(roles: readonly Role[] | null | undefined, wanted: readonly Role[]): boolean {
  return Boolean(roles?.some((role) => wanted.includes(role)));
}

/** The roles this user may hand out (the server decides; this only shapes the form). */
export function grantableRoles(roles: readonly Role[] | null | undefined): readonly Role[] {
  if (hasAnyRole(roles, ['TENANT_ADMIN'])) return TENANT_STAFF_ROLES;
  if (hasAnyRole(roles, ['ORG_ADMIN'])) return ORGANISATION_ROLES;
  return [];
}
