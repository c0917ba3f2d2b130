/**
 * Every permission, defined once (the habit of Vendure's DEFAULT_PERMISSIONS). Operations declare the
 * one permission they need (`@Allow`); roles and API-key scopes are granted permissions in
 * `role-permissions.ts`; `docs/operations.md` and the role × permission table are generated from these.
 *
 * `stepUp` marks the high-value acts: the session must have re-authenticated within the last five
 * minutes. `recent-login` accepts a fresh password (accounts without a second factor) or a second
 * factor; `second-factor` accepts only a second-factor code (signing, SPEC §6).
 */
export enum Permission {
  // Platform
  CreateTenant = 'CreateTenant',
  // Records read by id; the field declarations decide what each caller sees of them
  ReadUserRecords = 'ReadUserRecords',
  ReadOrganisationRecords = 'ReadOrganisationRecords',
  ListTenantOrganisations = 'ListTenantOrganisations',
  // People and access of a company or a tenant's staff
  ManageUsers = 'ManageUsers',
  InviteUsers = 'InviteUsers',
  ChangeUserRoles = 'ChangeUserRoles',
  AppointCompanyAdministrator = 'AppointCompanyAdministrator',
  DisableUsers = 'DisableUsers',
  EnableUsers = 'EnableUsers',
  ResetSecondFactor = 'ResetSecondFactor',
  ResetTenantAdministratorSecondFactor = 'ResetTenantAdministratorSecondFactor',
  ResetCompanyAdministratorSecondFactor = 'ResetCompanyAdministratorSecondFactor',
  ReadStaffSecondFactorRequirement = 'ReadStaffSecondFactorRequirement',
  RequireStaffSecondFactor = 'RequireStaffSecondFactor',
  ReadApiKeys = 'ReadApiKeys',
  ManageApiKeys = 'ManageApiKeys',
  // The company
  UpdateOrganisation = 'UpdateOrganisation',
  ChangeBankDetails = 'ChangeBankDetails',
  // Signing
  SetOwnSignatureImage = 'SetOwnSignatureImage',
  // Certificates of origin
  ApplyForCertificates = 'ApplyForCertificates',
  ReadCertificates = 'ReadCertificates',
  ReviewCertificateApplications = 'ReviewCertificateApplications',
  ReleaseCertificateApplications = 'ReleaseCertificateApplications',
  SignCertificates = 'SignCertificates',
  RevokeCertificates = 'RevokeCertificates',
  ManageCertificateSettings = 'ManageCertificateSettings',
  ReadCertificateSettings = 'ReadCertificateSettings',
  ReadCertificateBilling = 'ReadCertificateBilling',
  ReadProcessingStatistics = 'ReadProcessingStatistics',
  // Accountability
  ReadAuditLog = 'ReadAuditLog',
  ReadPlatformAuditLog = 'ReadPlatformAuditLog',
  ReadPersonalDataAccessLog = 'ReadPersonalDataAccessLog',
  ReadUserSessions = 'ReadUserSessions',
  // The privacy office (SPEC §5)
  ReadProcessingRegister = 'ReadProcessingRegister',
  ManageProcessingRegister = 'ManageProcessingRegister',
  ReadPlatformProcessingRegister = 'ReadPlatformProcessingRegister',
  AnnounceSubProcessorChange = 'AnnounceSubProcessorChange',
  ReadSubProcessorObjections = 'ReadSubProcessorObjections',
  ObjectToSubProcessorChange = 'ObjectToSubProcessorChange',
  ReadBreaches = 'ReadBreaches',
  ManageBreaches = 'ManageBreaches',
  PublishPrivacyPolicy = 'PublishPrivacyPolicy',
  ReadPrivacyPolicyResponses = 'ReadPrivacyPolicyResponses',
  // Privacy operations (SPEC §5)
  HandleDataSubjectRequests = 'HandleDataSubjectRequests',
  ManageRetention = 'ManageRetention',
  ManagePrivacySettings = 'ManagePrivacySettings',
  // Support access (SPEC §5, 002 §4)
  RequestSupportAccess = 'RequestSupportAccess',
  ReadSupportGrants = 'ReadSupportGrants',
  DecideSupportAccess = 'DecideSupportAccess',
  ReadUnderSupportGrant = 'ReadUnderSupportGrant',
  // Offboarding (SPEC §5, COVER "fate of data")
  RequestTenantOffboarding = 'RequestTenantOffboarding',
  ConfirmTenantOffboarding = 'ConfirmTenantOffboarding',
  ReadTenantOffboarding = 'ReadTenantOffboarding',
  DestroyTenant = 'DestroyTenant',
  // Technical datasheets (certification bodies)
  ManageCertifiedProducts = 'ManageCertifiedProducts',
  ManageProductFamilySchemas = 'ManageProductFamilySchemas',
  ReadDatasheets = 'ReadDatasheets',
  CompleteDatasheets = 'CompleteDatasheets',
  ReviewDatasheets = 'ReviewDatasheets',
  PublishDatasheets = 'PublishDatasheets',
  NameDatasheetContact = 'NameDatasheetContact',
  ManageDatasheetSettings = 'ManageDatasheetSettings',
  ReadDatasheetFeed = 'ReadDatasheetFeed',
  ReadProjectCertificates = 'ReadProjectCertificates',
  CompleteProjectCertificates = 'CompleteProjectCertificates',
  DistributeProjectCertificates = 'DistributeProjectCertificates',
  // Outgoing webhooks (a company's ERP, the tenant's datasheet feed)
  ReadWebhooks = 'ReadWebhooks',
  ManageWebhooks = 'ManageWebhooks',
}

export type StepUpLevel = 'recent-login' | 'second-factor';

export interface PermissionDefinition {
  readonly description: string;
  readonly stepUp?: StepUpLevel;
}

export const PERMISSIONS: Readonly<Record<Permission, PermissionDefinition>> = {
  [Permission.CreateTenant]: { description: 'Create a tenant (chamber or certification body) and invite its first administrator (again, while it has no active one)' },
  [Permission.ReadUserRecords]: { description: "Read a user's record by id (what of it: the field declarations)" },
  [Permission.ReadOrganisationRecords]: { description: "Read a company's record by id (what of it: the field declarations)" },
  [Permission.ListTenantOrganisations]: { description: "List the tenant's companies by name (staff choosing a company: a certificate holder, a party)" },
  [Permission.ManageUsers]: { description: "List and read the users one administers: the company's users, or the tenant's staff" },
  [Permission.InviteUsers]: { description: 'Invite a person to the company or the staff with roles one may grant; list and revoke pending invitations' },
  [Permission.ChangeUserRoles]: { description: 'Grant and withdraw roles one may grant', stepUp: 'recent-login' },
  [Permission.AppointCompanyAdministrator]: { description: 'Make a user of a company left without an active administrator its administrator', stepUp: 'recent-login' },
  [Permission.DisableUsers]: { description: 'Disable an account one administers (its sessions, invitations and API keys end with it)' },
  [Permission.EnableUsers]: { description: 'Enable again a disabled account one administers' },
  [Permission.ResetSecondFactor]: { description: "Remove a user's second factor (a lost phone), so they enrol again", stepUp: 'recent-login' },
  [Permission.ResetTenantAdministratorSecondFactor]: {
    description: "Remove the second factor of a tenant's only active administrator, who lost phone and recovery codes (the operator, after an out-of-band check)",
    stepUp: 'second-factor',
  },
  [Permission.ResetCompanyAdministratorSecondFactor]: {
    description: "Remove the second factor of a company's only active administrator, who lost phone and recovery codes (the tenant's administrator, after an out-of-band check)",
    stepUp: 'second-factor',
  },
  [Permission.ReadStaffSecondFactorRequirement]: { description: 'Read whether the tenant requires a second factor of all its staff, and how many active staff members have none yet' },
  [Permission.RequireStaffSecondFactor]: {
    description: 'Require a second factor of every staff member of the tenant (those without one are e-mailed and may only enrol at their next request), or no longer require it',
    stepUp: 'second-factor',
  },
  [Permission.ReadApiKeys]: { description: "List the company's or the tenant's API keys" },
  [Permission.ManageApiKeys]: { description: 'Create and revoke API keys', stepUp: 'recent-login' },
  [Permission.UpdateOrganisation]: { description: "Change the company's details (the field declarations say which)" },
  [Permission.ChangeBankDetails]: { description: "Change the company's bank account", stepUp: 'recent-login' },
  [Permission.SetOwnSignatureImage]: { description: 'Set one’s own signature image, reproduced on the certificates one signs' },
  [Permission.ApplyForCertificates]: { description: "Draft, edit, submit and replace the company's certificate applications; attach documents; request copies; keep consignees" },
  [Permission.ReadCertificates]: { description: "Read certificate applications and certificates: the company's own, or the tenant's (drafts stay the company's)" },
  [Permission.ReviewCertificateApplications]: { description: 'Claim a submitted application and request changes, reject or approve it' },
  [Permission.ReleaseCertificateApplications]: { description: "Give a claimed application back to the queue: one's own claim (a clerk), or anyone's (the tenant admin, for a clerk who is away)" },
  [Permission.SignCertificates]: { description: 'Sign an approved application: issues the certificate (number, signature)', stepUp: 'second-factor' },
  [Permission.RevokeCertificates]: { description: 'Revoke an issued certificate, with a reason', stepUp: 'second-factor' },
  [Permission.ManageCertificateSettings]: { description: "Set the tenant's certificate number prefix and fees; rotate its signing key", stepUp: 'recent-login' },
  [Permission.ReadCertificateSettings]: { description: "Read the tenant's certificate number prefix and fees (changing them asks for a recent login, reading does not)" },
  [Permission.ReadCertificateBilling]: { description: 'Export the billable lines (fees) of issued certificates and copies per company and month' },
  [Permission.ReadProcessingStatistics]: { description: 'Read the applications a chamber user processed per month: one’s own, or anyone’s for the tenant admin' },
  [Permission.ReadAuditLog]: { description: "Read and verify the tenant's tamper-evident audit log" },
  [Permission.ReadPlatformAuditLog]: { description: "Read and verify the platform's own tamper-evident audit log (what happens outside any tenant) and its signed checkpoints" },
  [Permission.ReadPersonalDataAccessLog]: { description: "Read who read whose personal data in the tenant" },
  [Permission.ReadUserSessions]: { description: "Read a user's login sessions (IP address, browser)" },
  [Permission.ReadProcessingRegister]: { description: "Read and export the tenant's register of processing activities (Art. 30(1))" },
  [Permission.ManageProcessingRegister]: { description: "Add and remove the tenant's own entries of its register of processing activities" },
  [Permission.ReadPlatformProcessingRegister]: { description: "Read and export the platform's register as processor (Art. 30(2))" },
  [Permission.AnnounceSubProcessorChange]: { description: 'Announce a planned change of the sub-processor list (the tenant’s, or the platform’s for the operator)' },
  [Permission.ReadSubProcessorObjections]: { description: 'Read the customers’ objections to planned sub-processor changes' },
  [Permission.ObjectToSubProcessorChange]: { description: 'Object, as a customer, to a planned sub-processor change within its window' },
  [Permission.ReadBreaches]: { description: "Read the tenant's breach register" },
  [Permission.ManageBreaches]: { description: 'Register breaches, record the notification to the authority, notify the people affected' },
  [Permission.PublishPrivacyPolicy]: { description: "Publish a new version of the tenant's privacy policy" },
  [Permission.ReadPrivacyPolicyResponses]: { description: "Read the users' answers (accepted, objected, deemed) to a privacy-policy version" },
  [Permission.HandleDataSubjectRequests]: { description: "Handle data-subject requests: the queue, identity checks, extensions, exports, erasure, restriction" },
  [Permission.ManageRetention]: { description: "Read and shorten the tenant's retention schedule, run the retention sweep and place legal holds on records" },
  [Permission.ManagePrivacySettings]: { description: "Read and change the tenant's privacy settings (how request deadlines are counted)" },
  [Permission.RequestSupportAccess]: { description: "Ask a tenant for a time-boxed support grant to its data, with a purpose (the operator)" },
  [Permission.ReadSupportGrants]: { description: "Read the support grants asked of the tenant (or, for the operator, its own requests)" },
  [Permission.DecideSupportAccess]: { description: "Approve or refuse the operator's support grant, or end it early", stepUp: 'recent-login' },
  [Permission.RequestTenantOffboarding]: { description: "File a tenant's departure from the platform, or withdraw it before the destruction (the operator)", stepUp: 'second-factor' },
  [Permission.ConfirmTenantOffboarding]: { description: "Confirm or decline the tenant's departure (or revoke the confirmation during the wait) and take the archive of all its records", stepUp: 'recent-login' },
  [Permission.ReadTenantOffboarding]: { description: "Read the tenant's departure (the operator: every tenant's)" },
  [Permission.DestroyTenant]: { description: "Destroy a departed tenant's data after the waiting period; read the destruction certificates", stepUp: 'second-factor' },
  [Permission.ReadUnderSupportGrant]: { description: "Read a tenant's data during a support grant it approved; every read is in the tenant's access log" },
  [Permission.ManageCertifiedProducts]: { description: "Create the certificate holders' certified products and change their status" },
  [Permission.ManageProductFamilySchemas]: { description: 'Keep the JSON Schema of each product family' },
  [Permission.ReadDatasheets]: { description: "Read certified products and datasheets with every version: the company's own, or the tenant's" },
  [Permission.CompleteDatasheets]: { description: "Complete the company's datasheets: drafts, new versions, submission (publishes one's contact details)" },
  [Permission.ReviewDatasheets]: { description: 'Approve a submitted datasheet version or request changes' },
  [Permission.PublishDatasheets]: { description: 'Publish an approved datasheet version, or unpublish a datasheet' },
  [Permission.NameDatasheetContact]: { description: "Name the person published as a datasheet's contact" },
  [Permission.ManageDatasheetSettings]: { description: "Set the tenant's deadline for naming a new datasheet contact" },
  [Permission.ReadDatasheetFeed]: { description: "Read the tenant's feed of datasheet changes (the external central system)" },
  [Permission.ReadProjectCertificates]: { description: 'Read the project certificates of projects the company is a party to, or the tenant’s' },
  [Permission.CompleteProjectCertificates]: { description: 'Open a project certificate naming its parties (publishes one’s contact details to the parties)' },
  [Permission.DistributeProjectCertificates]: { description: 'Send an issued project certificate to an external system (recorded for every party)' },
  [Permission.ReadWebhooks]: { description: "List the company's (ERP) or the tenant's (datasheet feed) webhook targets, their deliveries and dead letters" },
  [Permission.ManageWebhooks]: { description: 'Register, delete and rotate the secret of webhook targets; send a dead letter again', stepUp: 'recent-login' },
};

export const ALL_PERMISSIONS: readonly Permission[] = Object.values(Permission);
