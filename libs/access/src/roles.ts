/**
 * The roles a person can hold (SPEC §1). Organisation roles act within one company, tenant roles
 * within one tenant (a chamber or a certification body), PLATFORM_ADMIN for the operator. What each
 * role may do is in `role-permissions.ts`; what each may read, in the field declarations.
 */
export enum Role {
  ORG_ADMIN = 'ORG_ADMIN',
  ORG_MEMBER = 'ORG_MEMBER',
  TENANT_ADMIN = 'TENANT_ADMIN',
  CLERK = 'CLERK',
  SIGNER = 'SIGNER',
  PRIVACY_OFFICER = 'PRIVACY_OFFICER',
  AUDITOR = 'AUDITOR',
  PLATFORM_ADMIN = 'PLATFORM_ADMIN',
}

export const ORGANISATION_ROLES: readonly Role[] = [Role.ORG_ADMIN, Role.ORG_MEMBER];
export const TENANT_STAFF_ROLES: readonly Role[] = [
  Role.TENANT_ADMIN,
  Role.CLERK,
  Role.SIGNER,
  Role.PRIVACY_OFFICER,
  Role.AUDITOR,
];
export const ALL_ROLES: readonly Role[] = Object.values(Role);

export function isRole(value: string): value is Role {
  return (ALL_ROLES as readonly string[]).includes(value);
}

export function isOrganisationRole(role: Role): boolean {
  return ORGANISATION_ROLES.includes(role);
}

export function isTenantStaffRole(role: Role): boolean {
  return TENANT_STAFF_ROLES.includes(role);
}

/** Whether someone holding `roles` holds at least one of `wanted`. */
export function holdsRole(roles: readonly string[], ...wanted: Role[]): boolean {
  return wanted.some((role) => roles.includes(role));
}
