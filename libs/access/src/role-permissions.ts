import { Permission } from './permissions';
import { ALL_ROLES, Role } from './roles';

/**
 * The kinds of API key (SPEC §1 integrations), each scoped to a set of permissions: a key can do
 * what its scope lists and nothing else, whatever its creator may do.
 */
export enum ApiKeyScope {
  /** An organisation's ERP: its own company record, drafting and submitting its applications, reading its applications and certificates. */
  ORGANISATION_ERP = 'ORGANISATION_ERP',
  /** A tenant's feed consumer: the external system that republishes datasheets. */
  DATASHEET_FEED = 'DATASHEET_FEED',
}

const EVERY_ROLE: readonly Role[] = ALL_ROLES;

/** Who holds each permission. The one place where roles meet permissions. */
const HOLDERS: Readonly<Record<Permission, readonly Role[]>> = {
  [Permission.CreateTenant]: [Role.PLATFORM_ADMIN],
  [Permission.ResetTenantAdministratorSecondFactor]: [Role.PLATFORM_ADMIN],
  [Permission.ReadUserRecords]: EVERY_ROLE,
  [Permission.ReadOrganisationRecords]: EVERY_ROLE,
  [Permission.ListTenantOrganisations]: [Role.TENANT_ADMIN, Role.CLERK, Role.SIGNER, Role.AUDITOR],
  [Permission.ManageUsers]: [Role.ORG_ADMIN, Role.TENANT_ADMIN],
  [Permission.InviteUsers]: [Role.ORG_ADMIN, Role.TENANT_ADMIN],
  [Permission.ChangeUserRoles]: [Role.ORG_ADMIN, Role.TENANT_ADMIN],
  [Permission.AppointCompanyAdministrator]: [Role.TENANT_ADMIN],
  [Permission.DisableUsers]: [Role.ORG_ADMIN, Role.TENANT_ADMIN],
  [Permission.EnableUsers]: [Role.ORG_ADMIN, Role.TENANT_ADMIN],
  [Permission.ResetSecondFactor]: [Role.ORG_ADMIN, Role.TENANT_ADMIN],
  [Permission.ResetCompanyAdministratorSecondFactor]: [Role.TENANT_ADMIN],
  [Permission.ReadStaffSecondFactorRequirement]: [Role.TENANT_ADMIN],
  [Permission.RequireStaffSecondFactor]: [Role.TENANT_ADMIN],
  [Permission.ReadApiKeys]: [Role.ORG_ADMIN, Role.TENANT_ADMIN],
  [Permission.ManageApiKeys]: [Role.ORG_ADMIN, Role.TENANT_ADMIN],
  [Permission.UpdateOrganisation]: [Role.ORG_ADMIN],
  [Permission.ChangeBankDetails]: [Role.ORG_ADMIN],
  [Permission.SetOwnSignatureImage]: [Role.SIGNER],
  [Permission.ApplyForCertificates]: [Role.ORG_ADMIN, Role.ORG_MEMBER],
  [Permission.ReadCertificates]: [Role.ORG_ADMIN, Role.ORG_MEMBER, Role.TENANT_ADMIN, Role.CLERK, Role.SIGNER, Role.AUDITOR],
  [Permission.ReviewCertificateApplications]: [Role.CLERK],
  [Permission.ReleaseCertificateApplications]: [Role.CLERK, Role.TENANT_ADMIN],
  [Permission.SignCertificates]: [Role.SIGNER],
  [Permission.RevokeCertificates]: [Role.SIGNER],
  [Permission.ManageCertificateSettings]: [Role.TENANT_ADMIN],
  [Permission.ReadCertificateSettings]: [Role.TENANT_ADMIN],
  [Permission.ReadCertificateBilling]: [Role.TENANT_ADMIN, Role.AUDITOR],
  [Permission.ReadProcessingStatistics]: [Role.TENANT_ADMIN, Role.CLERK, Role.SIGNER],
  [Permission.ReadAuditLog]: [Role.TENANT_ADMIN, Role.AUDITOR],
  [Permission.ReadPlatformAuditLog]: [Role.PLATFORM_ADMIN],
  [Permission.ReadPersonalDataAccessLog]: [Role.PRIVACY_OFFICER],
  [Permission.ReadUserSessions]: [Role.PRIVACY_OFFICER],
  [Permission.ReadProcessingRegister]: [Role.PRIVACY_OFFICER, Role.TENANT_ADMIN, Role.AUDITOR],
  [Permission.ManageProcessingRegister]: [Role.PRIVACY_OFFICER],
  [Permission.ReadPlatformProcessingRegister]: [Role.PLATFORM_ADMIN],
  [Permission.AnnounceSubProcessorChange]: [Role.PRIVACY_OFFICER, Role.TENANT_ADMIN, Role.PLATFORM_ADMIN],
  [Permission.ReadSubProcessorObjections]: [Role.PRIVACY_OFFICER, Role.TENANT_ADMIN, Role.PLATFORM_ADMIN],
  // A tenant's customer is a company (its administrator); the platform's customer is a tenant (its administrator).
  [Permission.ObjectToSubProcessorChange]: [Role.ORG_ADMIN, Role.TENANT_ADMIN],
  [Permission.ReadBreaches]: [Role.PRIVACY_OFFICER, Role.TENANT_ADMIN],
  [Permission.ManageBreaches]: [Role.PRIVACY_OFFICER],
  [Permission.PublishPrivacyPolicy]: [Role.PRIVACY_OFFICER],
  [Permission.ReadPrivacyPolicyResponses]: [Role.PRIVACY_OFFICER, Role.TENANT_ADMIN],
  [Permission.HandleDataSubjectRequests]: [Role.PRIVACY_OFFICER],
  [Permission.ManageRetention]: [Role.PRIVACY_OFFICER, Role.TENANT_ADMIN],
  [Permission.ManagePrivacySettings]: [Role.PRIVACY_OFFICER, Role.TENANT_ADMIN],
  [Permission.RequestSupportAccess]: [Role.PLATFORM_ADMIN],
  [Permission.ReadSupportGrants]: [Role.TENANT_ADMIN, Role.PRIVACY_OFFICER, Role.PLATFORM_ADMIN],
  [Permission.DecideSupportAccess]: [Role.TENANT_ADMIN],
  [Permission.ReadUnderSupportGrant]: [Role.PLATFORM_ADMIN],
  [Permission.RequestTenantOffboarding]: [Role.PLATFORM_ADMIN],
  [Permission.ConfirmTenantOffboarding]: [Role.TENANT_ADMIN],
  [Permission.ReadTenantOffboarding]: [Role.TENANT_ADMIN, Role.PLATFORM_ADMIN],
  [Permission.DestroyTenant]: [Role.PLATFORM_ADMIN],
  [Permission.ManageCertifiedProducts]: [Role.TENANT_ADMIN, Role.CLERK],
  [Permission.ManageProductFamilySchemas]: [Role.TENANT_ADMIN],
  [Permission.ReadDatasheets]: [Role.ORG_ADMIN, Role.ORG_MEMBER, Role.TENANT_ADMIN, Role.CLERK, Role.SIGNER, Role.PRIVACY_OFFICER, Role.AUDITOR],
  [Permission.CompleteDatasheets]: [Role.ORG_ADMIN, Role.ORG_MEMBER],
  [Permission.ReviewDatasheets]: [Role.TENANT_ADMIN, Role.CLERK],
  [Permission.PublishDatasheets]: [Role.TENANT_ADMIN, Role.CLERK],
  [Permission.NameDatasheetContact]: [Role.ORG_ADMIN],
  [Permission.ReadProjectCertificates]: [Role.ORG_ADMIN, Role.ORG_MEMBER, Role.TENANT_ADMIN, Role.CLERK, Role.SIGNER, Role.PRIVACY_OFFICER, Role.AUDITOR],
  [Permission.CompleteProjectCertificates]: [Role.ORG_ADMIN, Role.ORG_MEMBER],
  [Permission.DistributeProjectCertificates]: [Role.ORG_ADMIN],
  [Permission.ManageDatasheetSettings]: [Role.TENANT_ADMIN],
  [Permission.ReadDatasheetFeed]: [Role.TENANT_ADMIN],
  [Permission.ReadWebhooks]: [Role.ORG_ADMIN, Role.TENANT_ADMIN],
  [Permission.ManageWebhooks]: [Role.ORG_ADMIN, Role.TENANT_ADMIN],
};

/** What each kind of API key may do. */
export const API_KEY_SCOPE_PERMISSIONS: Readonly<Record<ApiKeyScope, readonly Permission[]>> = {
  [ApiKeyScope.ORGANISATION_ERP]: [Permission.ReadOrganisationRecords, Permission.ApplyForCertificates, Permission.ReadCertificates],
  [ApiKeyScope.DATASHEET_FEED]: [Permission.ReadDatasheetFeed],
};

export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlySet<Permission>>> = Object.fromEntries(
  ALL_ROLES.map((role) => [
    role,
    new Set((Object.keys(HOLDERS) as Permission[]).filter((permission) => HOLDERS[permission].includes(role))),
  ]),
) as unknown as Record<Role, ReadonlySet<Permission>>;

/** The roles that hold a permission, in the order of `Role`. */
export function holdersOf(permission: Permission): readonly Role[] {
  return ALL_ROLES.filter((role) => HOLDERS[permission].includes(role));
}

/** The API-key scopes that carry a permission. */
export function scopesWith(permission: Permission): readonly ApiKeyScope[] {
  return (Object.values(ApiKeyScope) as ApiKeyScope[]).filter((scope) => API_KEY_SCOPE_PERMISSIONS[scope].includes(permission));
}
