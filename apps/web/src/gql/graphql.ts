/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AcceptInvitationInput = {
  /** In a certification body's space: the version of the contact-disclosure notice (contactDisclosureNotice) the person acknowledges. */
  acknowledgedContactDisclosureNotice?: string | null | undefined;
  firstName: string;
  jobTitle?: string | null | undefined;
  lastName: string;
  password: string;
  phone?: string | null | undefined;
  preferredLanguage?: string;
  token: string;
};

export type AddProcessingActivityInput = {
  /** Of identification, contact, electronicIdentification, employment, signature, usageStatistics, companyData, credentials, security, correspondence, financial. */
  dataCategories: Array<string>;
  dataSubjects: Array<string>;
  /** One of consent, contract, legalObligation, vitalInterest, publicInterest, legitimateInterest. */
  legalBasis: string;
  name: string;
  purpose: string;
  recipients?: Array<string>;
  retention: string;
  securityMeasures: string;
  /** Transfers outside the EEA and their safeguards, or "none". */
  transfers: string;
};

export type AnnounceSubProcessorChangeInput = {
  description: string;
  /** When it takes effect: at least the objection window after now. */
  effectiveAt: string;
  kind: SubProcessorChangeKind;
  /** For an addition. */
  newSubProcessor?: NewSubProcessorInput | null | undefined;
  /** Days customers may object; 30 when absent, never fewer. */
  objectionWindowDays?: number | null | undefined;
  /** For a removal: the sub-processor that leaves. */
  subProcessorId?: string | null | undefined;
};

export type ApplicationState =
  | 'APPROVED'
  | 'CHANGES_REQUESTED'
  | 'DRAFT'
  | 'IN_REVIEW'
  | 'ISSUED'
  | 'REJECTED'
  | 'SUBMITTED'
  | 'WITHDRAWN';

export type AppointCompanyAdministratorInput = {
  /** The e-mail address of an active user of the company, as they log in. */
  email: string;
};

export type CertificateLanguage =
  | 'DE'
  | 'EN'
  | 'FR'
  | 'NL';

export type CertificateSettingsInput = {
  copyMemberFeeCents: number;
  copyNonMemberFeeCents: number;
  /** An ISO 4217 currency code in capitals, e.g. EUR. */
  currency?: string;
  memberFeeCents: number;
  nonMemberFeeCents: number;
  numberPrefix: string;
};

export type CertificateStatus =
  | 'ISSUED'
  | 'REVOKED'
  | 'SUPERSEDED';

export type CertifiedProductStatus =
  | 'ACTIVE'
  | 'EXPIRED'
  | 'SUSPENDED'
  | 'WITHDRAWN';

/** Why a tamper-evident log’s chain is broken. */
export type ChainBreakReason =
  | 'CHECKPOINT_MISMATCH'
  | 'LINK_BROKEN'
  | 'TRUNCATED';

export type ChangeUserRolesInput = {
  grant?: Array<Role>;
  userId: string;
  withdraw?: Array<Role>;
};

export type CloseDataSubjectRequestInput = {
  /** What was done (or why the request is refused), as the person is told. */
  outcome: string;
  refused?: boolean;
  requestId: string;
};

export type ConsigneeInput = {
  address: string;
  country: string;
  name: string;
};

export type CreateApiKeyInput = {
  name: string;
};

export type CreateCertificateApplicationInput = {
  consignee?: ConsigneeInput | null | undefined;
  /** ISO 3166 alpha-2. */
  countryOfOrigin?: string | null | undefined;
  /** The exporter's declaration: the goods originate in the country stated. */
  declarationAccepted?: boolean | null | undefined;
  /** Start from a previous application of the company (repeat exports). */
  fromApplicationId?: string | null | undefined;
  goods?: Array<GoodsLineInput> | null | undefined;
  invoiceReferences?: Array<string> | null | undefined;
  /** NL, FR, DE or EN. */
  language?: string | null | undefined;
  remarks?: string | null | undefined;
  transportDetails?: string | null | undefined;
};

export type CreateCertifiedProductInput = {
  certificateReference: string;
  name: string;
  organisationId: string;
  /** The product family, e.g. kerbstones (lower case, digits, dashes). */
  productFamily: string;
  productionUnit: string;
  /** e.g. BENOR, CE */
  scheme: string;
};

export type CreateDatasheetInput = {
  certifiedProductId: string;
  /** The technical characteristics, a JSON object (as JSON text). */
  characteristics: string;
  /** One text per language (NL, FR, DE, EN). */
  texts: Array<DatasheetTextInput>;
};

export type CreateProjectCertificateInput = {
  /** e.g. tar-containing asphalt for thermal cleaning */
  material: string;
  /** Exactly one CLIENT, one CONTRACTOR and one INTERMEDIATE_STORAGE; the caller’s company is one of them. */
  parties: Array<ProjectPartyInput>;
  quantityTonnes: number;
  /** The project reference, e.g. the works contract. */
  reference: string;
  /** Where the material comes from. */
  site: string;
};

export type CreateTenantInput = {
  /** Who is invited to be its first administrator: they choose their own password from the e-mailed link. */
  administrator: TenantAdministratorInput;
  city: string;
  country: string;
  email?: string | null | undefined;
  kinds: Array<TenantKind>;
  languages: Array<string>;
  legalEntityNumber: string;
  name: string;
  phone?: string | null | undefined;
  postalCode: string;
  privacyContactEmail: string;
  servedPostalCodes?: Array<PostalCodeRangeInput>;
  slug: string;
  street: string;
};

export type DataSubjectAnswerKind =
  | 'ERASURE'
  | 'EXPORT'
  | 'RESTRICTION'
  | 'STATEMENT';

export type DataSubjectRequestStatus =
  | 'AWAITING_EMAIL_VERIFICATION'
  | 'AWAITING_IDENTITY_CHECK'
  | 'COMPLETED'
  | 'IN_PROGRESS'
  | 'REFUSED';

export type DataSubjectRequestType =
  | 'ACCESS'
  | 'CONSENT_WITHDRAWAL'
  | 'ERASURE'
  | 'OBJECTION'
  | 'PORTABILITY'
  | 'RECTIFICATION'
  | 'RESTRICTION';

export type DatasheetContactKind =
  | 'COMPANY'
  | 'PERSON';

export type DatasheetState =
  | 'APPROVED'
  | 'CHANGES_REQUESTED'
  | 'DRAFT'
  | 'PUBLISHED'
  | 'SUBMITTED'
  | 'SUPERSEDED'
  | 'UNPUBLISHED';

export type DatasheetTextInput = {
  description: string;
  language: string;
  title: string;
};

/** Why a published datasheet was withdrawn. */
export type DatasheetWithdrawalReason =
  | 'DATASHEET_WITHDRAWN'
  | 'PRODUCT_EXPIRED'
  | 'PRODUCT_SUSPENDED'
  | 'PRODUCT_WITHDRAWN';

export type ExtendDataSubjectRequestInput = {
  /** Further months, 1 to 2. */
  months: number;
  /** Why more time is needed; the person is told. */
  reason: string;
  requestId: string;
};

export type GoodsLineInput = {
  description: string;
  grossWeightKg: number;
  /** Harmonized System code: 6 to 10 digits, starting with its chapter (01 to 97; 77 is reserved). */
  hsCode: string;
  marksAndNumbers?: string;
  netWeightKg: number;
  packages: number;
  quantity: number;
  unit: string;
};

export type InviteTenantAdministratorInput = {
  /** Who is invited to be its administrator: they choose their own password from the e-mailed link. */
  administrator: TenantAdministratorInput;
  /** The tenant, which has no active administrator. */
  tenantId: string;
};

export type InviteUserInput = {
  email: string;
  roles: Array<Role>;
};

/** A tamper-evident log whose head the platform signs. */
export type LoggedChain =
  | 'AUDIT'
  | 'PERSONAL_DATA_ACCESS';

export type LoginInput = {
  email: string;
  password: string;
  /** Instead of totpCode (never both): one of the account’s unused recovery codes, XXXXX-XXXXX. Works once. */
  recoveryCode?: string | null | undefined;
  /** Where the refresh token goes: the answer (default) or an HttpOnly cookie for POST /auth/session/refresh (browsers). */
  refreshTokenIn?: RefreshTokenDelivery | null | undefined;
  /** The tenant's slug. Absent: the tenant where the password matches (TENANT_CHOICE_REQUIRED when it matches in several), or the platform operator's account. */
  tenant?: string | null | undefined;
  totpCode?: string | null | undefined;
};

export type LoginMethod =
  | 'PASSWORD'
  | 'PASSWORD_AND_TOTP';

/** A logged-in person's request about their own data. */
export type MyDataSubjectRequestInput = {
  /** What to rectify, what you object to, anything that helps. */
  details?: string | null | undefined;
  type: DataSubjectRequestType;
};

export type NewSubProcessorInput = {
  dataCategories?: Array<string>;
  /** Country where the data is processed (ISO 3166-1 alpha-2). */
  location: string;
  name: string;
  /** What it does with the data. */
  service: string;
  /** For a country outside the EEA: the safeguard (Art. 46), e.g. standard contractual clauses. */
  transferSafeguard?: string | null | undefined;
};

export type ObjectToPrivacyPolicyInput = {
  reason?: string | null | undefined;
  versionId: string;
};

export type ObjectToSubProcessorChangeInput = {
  changeId: string;
  reason: string;
};

export type PersonDetailsInput = {
  email: string;
  firstName: string;
  jobTitle?: string | null | undefined;
  lastName: string;
  password: string;
  phone?: string | null | undefined;
  preferredLanguage?: string;
};

/** A legal hold: the retention sweep leaves the record alone until released. */
export type PlaceLegalHoldInput = {
  reason: string;
  /** Entity:id, e.g. Session:2f0c… */
  record: string;
};

export type PostalCodeRangeInput = {
  from: string;
  to: string;
};

export type PrivacyPolicyAnswer =
  | 'ACCEPTED'
  | 'DEEMED_ACCEPTED'
  | 'OBJECTED'
  | 'PENDING';

export type ProjectCertificateState =
  | 'DRAFT'
  | 'ISSUED'
  | 'WITHDRAWN';

export type ProjectPartyInput = {
  organisationId: string;
  role: ProjectPartyRole;
};

/** The status of a company in a project (COPRO §5c). */
export type ProjectPartyRole =
  | 'CLIENT'
  | 'CONTRACTOR'
  | 'INTERMEDIATE_STORAGE';

/** The public privacy form: anyone, with an e-mail address that is then confirmed. */
export type PublicDataSubjectRequestInput = {
  details?: string | null | undefined;
  email: string;
  language?: string;
  /** The tenant's slug; leave out to reach every tenant where your address is known. */
  tenant?: string | null | undefined;
  type: DataSubjectRequestType;
};

export type PublishPrivacyPolicyInput = {
  body: string;
  /** What changed, shown in the notice every user sees. */
  summary: string;
  title: string;
};

export type RecordBreachAuthorityNotificationInput = {
  breachId: string;
  /** Required after 72 hours (Art. 33(1)). */
  delayReason?: string | null | undefined;
  /** When the authority was notified; now when absent. */
  notifiedAt?: string | null | undefined;
};

/** Where a login puts the refresh token. */
export type RefreshTokenDelivery =
  | 'COOKIE'
  | 'RESPONSE';

export type RegisterBreachInput = {
  affectedRecords?: number | null | undefined;
  /** When the tenant became aware: the 72-hour clock starts here. */
  becameAwareAt: string;
  /** Categories of personal data involved, of identification, contact, electronicIdentification, employment, signature, usageStatistics, companyData, credentials, security, correspondence, financial. */
  dataCategories: Array<string>;
  /** High risk to the people: they are told too (Art. 34). */
  highRisk?: boolean;
  /** Companies whose records are involved. */
  involvedOrganisationIds?: Array<string>;
  involvesAllOrganisations?: boolean;
  /** The tenant's own staff's records are involved. */
  involvesStaff?: boolean;
  /** Art. 33(3)(c). */
  likelyConsequences: string;
  /** Measures taken or proposed (Art. 33(3)(d)). */
  measures: string;
  /** What happened (Art. 33(3)(a)). */
  nature: string;
  /** Why not, when not notifiable (documented under Art. 33(5)). */
  notNotifiableReason?: string | null | undefined;
  /** To be notified to the supervisory authority. */
  notifiable: boolean;
  occurredAt?: string | null | undefined;
  /** The tenant's own reference, e.g. BR-2026-003. */
  reference: string;
};

/** JSON (machine-readable) or MARKDOWN (a readable document). */
export type RegisterFormat =
  | 'JSON'
  | 'MARKDOWN';

export type RegisterOrganisationInput = {
  /** In a certification body's space: the version of the contact-disclosure notice (contactDisclosureNotice) the administrator acknowledges. */
  acknowledgedContactDisclosureNotice?: string | null | undefined;
  administrator: PersonDetailsInput;
  city: string;
  country: string;
  email: string;
  iban: string;
  legalForm: string;
  /** Chosen once; cannot be changed afterwards. */
  loginMethod: LoginMethod;
  name: string;
  phone: string;
  postalCode: string;
  street: string;
  /** The chamber to register with; proposed from the postal code when absent. */
  tenantSlug?: string | null | undefined;
  /** VAT number, e.g. BE0123.456.749; Belgian numbers are checked with their check digits. */
  vatNumber: string;
};

export type RegisterWebhookInput = {
  /** Events to receive. A company's ERP: certificate_application.state_changed, certificate.*; a tenant: datasheet.*. */
  eventTypes: Array<string>;
  /** Where events are POSTed: https (http and local addresses outside production only). */
  url: string;
};

/** How the first deadline of a data-subject request is counted. */
export type RequestDeadlineRule =
  | 'ONE_MONTH'
  | 'THIRTY_DAYS';

export type RequestSupportAccessInput = {
  /** How long the access runs once approved, in minutes (at most 480). */
  durationMinutes: number;
  /** Why: what the operator will look at and for which problem. Shown to the tenant’s administrators. */
  purpose: string;
  /** The tenant whose data the operator needs to see. */
  tenantId: string;
};

export type ResetCompanyAdministratorSecondFactorInput = {
  /** The login address of its only active administrator, who lost phone and recovery codes. */
  email: string;
  /** The company, of the caller’s tenant. */
  organisationId: string;
  /** The support case under which the person was checked out of band (a call-back to the company’s number on record): kept in the tenant’s audit log. */
  reference: string;
};

export type ResetTenantAdministratorSecondFactorInput = {
  /** The login address of its only active administrator, who lost phone and recovery codes. */
  email: string;
  /** The support case under which the person was checked out of band (e.g. a call-back to the number on record): kept in the tenant’s audit log. */
  reference: string;
  /** The tenant. */
  tenantId: string;
};

/** What a retention rule's period counts from. */
export type RetentionBasis =
  | 'ACCOUNT_CLOSED'
  | 'EVENT_DATE'
  | 'FILE_CLOSED'
  | 'LEGAL_DUTY'
  | 'UNTIL_WITHDRAWN';

/** A retention rule of the catalogue; every personal-data declaration names one. */
export type RetentionRuleKey =
  | 'ABANDONED_APPLICATION'
  | 'ACCOUNT'
  | 'ACCOUNT_CREDENTIALS'
  | 'CERTIFICATE_FILE'
  | 'CUSTOMER_RECORD'
  | 'DATASHEET_RECORD'
  | 'DATA_SUBJECT_REQUEST'
  | 'DELIVERED_MESSAGE'
  | 'DISCLOSURE_ACKNOWLEDGEMENT'
  | 'INVITATION'
  | 'INVOICING'
  | 'LOGIN_SESSION'
  | 'PERSONAL_DATA_ACCESS'
  | 'PRIVACY_ACCOUNTABILITY'
  | 'PROCESSING_STATISTICS'
  | 'PROJECT_CONTACT'
  | 'PUBLISHED_CONTACT'
  | 'SAVED_CONSIGNEE'
  | 'SUB_PROCESSOR_OBJECTION'
  | 'SUPPORT_VIEW'
  | 'UNCONFIRMED_REGISTRATION'
  | 'USAGE_EVENT';

/** The unit of a retention rule's periods. */
export type RetentionUnit =
  | 'DAYS'
  | 'MONTHS'
  | 'YEARS';

export type RevocationReason =
  | 'AT_EXPORTER_REQUEST'
  | 'FRAUDULENT_APPLICATION'
  | 'GOODS_NOT_EXPORTED'
  | 'ISSUED_IN_ERROR'
  | 'OTHER';

export type Role =
  | 'AUDITOR'
  | 'CLERK'
  | 'ORG_ADMIN'
  | 'ORG_MEMBER'
  | 'PLATFORM_ADMIN'
  | 'PRIVACY_OFFICER'
  | 'SIGNER'
  | 'TENANT_ADMIN';

export type SetProductFamilySchemaInput = {
  family: string;
  /** A JSON Schema, as JSON text. */
  jsonSchema: string;
};

/** A tenant's own period for a retention rule. */
export type SetRetentionPeriodInput = {
  /** In the rule's unit; at most the platform's default, at least a legal minimum. Null: back to the default. */
  period?: number | null | undefined;
  rule: RetentionRuleKey;
};

export type SubProcessorChangeKind =
  | 'ADDITION'
  | 'REMOVAL';

/** EXPIRED: approved and past its end time (the grant ended itself). */
export type SupportGrantStatus =
  | 'APPROVED'
  | 'ENDED'
  | 'EXPIRED'
  | 'REFUSED'
  | 'REQUESTED';

export type TenantAdministratorInput = {
  /** Where the invitation goes; the account will log in with it. */
  email: string;
  /** Addresses the invitation e-mail. */
  firstName: string;
  /** Addresses the invitation e-mail. */
  lastName: string;
  /** The language of the invitation e-mail. */
  preferredLanguage?: string;
};

export type TenantKind =
  | 'CERTIFICATION_BODY'
  | 'CHAMBER_OF_COMMERCE';

export type TenantOffboardingParty =
  | 'OPERATOR'
  | 'TENANT';

export type TenantOffboardingStatus =
  | 'CONFIRMED'
  | 'REQUESTED'
  | 'WITHDRAWN';

export type UpdateCertificateApplicationInput = {
  applicationId: string;
  consignee?: ConsigneeInput | null | undefined;
  /** ISO 3166 alpha-2. */
  countryOfOrigin?: string | null | undefined;
  /** The exporter's declaration: the goods originate in the country stated. */
  declarationAccepted?: boolean | null | undefined;
  goods?: Array<GoodsLineInput> | null | undefined;
  invoiceReferences?: Array<string> | null | undefined;
  /** NL, FR, DE or EN. */
  language?: string | null | undefined;
  remarks?: string | null | undefined;
  transportDetails?: string | null | undefined;
};

export type UpdateDatasheetDraftInput = {
  characteristics?: string | null | undefined;
  texts?: Array<DatasheetTextInput> | null | undefined;
  versionId: string;
};

export type UpdateOrganisationInput = {
  city?: string | null | undefined;
  email?: string | null | undefined;
  iban?: string | null | undefined;
  legalForm?: string | null | undefined;
  name?: string | null | undefined;
  organisationId: string;
  phone?: string | null | undefined;
  postalCode?: string | null | undefined;
  street?: string | null | undefined;
};

export type UpdateUserProfileInput = {
  firstName?: string | null | undefined;
  /** null clears it. */
  jobTitle?: string | null | undefined;
  lastName?: string | null | undefined;
  /** null clears it. */
  phone?: string | null | undefined;
  preferredLanguage?: string | null | undefined;
  userId: string;
};

/** An objection upheld: what the person publishes of them stops, as on their own objection. */
export type UpholdDataSubjectObjectionInput = {
  requestId: string;
  /** What the person is told, in their language. */
  statement: string;
};

export type UserStatus =
  | 'ACTIVE'
  | 'DISABLED'
  | 'PENDING_CONFIRMATION';

export type UpdateMyLanguageMutationVariables = Exact<{
  input: UpdateUserProfileInput;
}>;


export type UpdateMyLanguageMutation = { updateUserProfile: { id: string | null, preferredLanguage: string | null } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string | null, email: string | null, firstName: string | null, lastName: string | null, preferredLanguage: string | null, roles: Array<Role> | null, status: UserStatus | null, totpEnrolledAt: string | null, organisationId: string | null } };

export type SessionTenantQueryVariables = Exact<{
  slug: string;
}>;


export type SessionTenantQuery = { tenant: { slug: string, name: string, kinds: Array<TenantKind> } | null };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type RequestPasswordResetMutationVariables = Exact<{
  email: string;
  tenant?: string | null | undefined;
}>;


export type RequestPasswordResetMutation = { requestPasswordReset: boolean };

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { login: { accessToken: string, accessTokenExpiresAt: string, totpEnrolmentRequired: boolean } };

export type MyPersonalDataAccessesQueryVariables = Exact<{
  first: number;
  before?: string | null | undefined;
}>;


export type MyPersonalDataAccessesQuery = { myPersonalDataAccesses: Array<{ id: string | null, occurredAt: string | null, accessorKind: string | null, accessorId: string | null, accessorRoles: Array<string> | null, subjectType: string | null, subjectId: string | null, categories: Array<string> | null, fields: Array<string> | null, operation: string | null }> };

export type MyPersonalDataExportQueryVariables = Exact<{
  portability: boolean;
}>;


export type MyPersonalDataExportQuery = { myPersonalDataExport: string };

export type MyDataSubjectRequestsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyDataSubjectRequestsQuery = { myDataSubjectRequests: Array<{ id: string | null, type: DataSubjectRequestType | null, status: DataSubjectRequestStatus | null, receivedAt: string | null, dueOn: string | null, completedAt: string | null, outcome: string | null, answerKind: DataSubjectAnswerKind | null }> };

export type RequestMyDataSubjectRightMutationVariables = Exact<{
  input: MyDataSubjectRequestInput;
}>;


export type RequestMyDataSubjectRightMutation = { requestMyDataSubjectRight: { id: string | null, dueOn: string | null } };

export type ChangeMyPasswordMutationVariables = Exact<{
  currentPassword: string;
  newPassword: string;
}>;


export type ChangeMyPasswordMutation = { changeMyPassword: { accessToken: string, accessTokenExpiresAt: string, totpEnrolmentRequired: boolean } };

export type ProcessingStatisticsQueryVariables = Exact<{
  userId?: string | null | undefined;
}>;


export type ProcessingStatisticsQuery = { certificateProcessingStatistics: Array<{ userId: string | null, month: string | null, reviewed: number | null, signed: number | null }> };

export type ProcessingStatisticsStaffMemberQueryVariables = Exact<{ [key: string]: never; }>;


export type ProcessingStatisticsStaffMemberQuery = { managedUsers: Array<{ id: string | null, email: string | null, firstName: string | null, lastName: string | null }> };

export type MyProfileQueryVariables = Exact<{ [key: string]: never; }>;


export type MyProfileQuery = { me: { id: string | null, email: string | null, firstName: string | null, lastName: string | null, phone: string | null, jobTitle: string | null, preferredLanguage: string | null, roles: Array<Role> | null, status: UserStatus | null, lastLoginAt: string | null, totpEnrolledAt: string | null } };

export type UpdateMyProfileMutationVariables = Exact<{
  input: UpdateUserProfileInput;
}>;


export type UpdateMyProfileMutation = { updateUserProfile: { id: string | null, firstName: string | null, lastName: string | null, phone: string | null, jobTitle: string | null, preferredLanguage: string | null } };

export type MyRecoveryCodesQueryVariables = Exact<{ [key: string]: never; }>;


export type MyRecoveryCodesQuery = { myRecoveryCodes: { remaining: number, generatedAt: string | null } };

export type RegenerateRecoveryCodesMutationVariables = Exact<{
  totpCode: string;
}>;


export type RegenerateRecoveryCodesMutation = { regenerateRecoveryCodes: { codes: Array<string>, generatedAt: string } };

export type ResetPasswordMutationVariables = Exact<{
  token: string;
  newPassword: string;
}>;


export type ResetPasswordMutation = { resetPassword: boolean };

export type BeginTotpEnrolmentMutationVariables = Exact<{ [key: string]: never; }>;


export type BeginTotpEnrolmentMutation = { beginTotpEnrolment: string };

export type ConfirmTotpEnrolmentWithRecoveryCodesMutationVariables = Exact<{
  code: string;
}>;


export type ConfirmTotpEnrolmentWithRecoveryCodesMutation = { confirmTotpEnrolmentWithRecoveryCodes: { codes: Array<string>, generatedAt: string } };

export type MySessionsQueryVariables = Exact<{ [key: string]: never; }>;


export type MySessionsQuery = { mySessions: Array<{ id: string | null, createdAt: string | null, lastRefreshedAt: string | null, absoluteExpiresAt: string | null, revokedAt: string | null, revokedReason: string | null, ipAddress: string | null, userAgent: string | null }> };

export type EndMySessionMutationVariables = Exact<{
  sessionId: string;
}>;


export type EndMySessionMutation = { endMySession: { id: string | null, revokedAt: string | null } };

export type LogoutEverywhereMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutEverywhereMutation = { logoutEverywhere: boolean };

export type MySignatureQueryVariables = Exact<{ [key: string]: never; }>;


export type MySignatureQuery = { me: { id: string | null, signatureImage: string | null } };

export type SetMySignatureImageMutationVariables = Exact<{
  image: string;
}>;


export type SetMySignatureImageMutation = { setMySignatureImage: { id: string | null } };

export type StepUpMutationVariables = Exact<{
  code?: string | null | undefined;
  password?: string | null | undefined;
}>;


export type StepUpMutation = { stepUp: string };

export type VerifyCertificateQueryVariables = Exact<{
  number: string;
  code: string;
}>;


export type VerifyCertificateQuery = { verifyCertificate: { authentic: boolean, number: string | null, status: CertificateStatus | null, revocationReason: RevocationReason | null, supersededByNumber: string | null, issuingChamber: string | null, issuedAt: string | null, countryOfOrigin: string | null, goodsHash: string | null, keyId: string | null, recordDestroyedAt: string | null, goods: Array<{ description: string, hsCode: string, quantity: number, unit: string, grossWeightKg: number, netWeightKg: number, packages: number, marksAndNumbers: string }> | null } };

export type ApplicationFieldsFragment = { id: string | null, state: ApplicationState | null, language: CertificateLanguage | null, exporterName: string | null, exporterAddress: string | null, exporterCountry: string | null, consigneeName: string | null, consigneeAddress: string | null, consigneeCountry: string | null, countryOfOrigin: string | null, transportDetails: string | null, invoiceReferences: Array<string> | null, remarks: string | null, declarationAccepted: boolean | null, claimedBy: string | null, reviewComment: string | null, companyReply: string | null, companyRepliedAt: string | null, rejectionReason: string | null, replacesCertificateId: string | null, startedFromApplicationId: string | null, certificateId: string | null, createdAt: string | null, updatedAt: string | null, submittedAt: string | null, destroyedAt: string | null, goods: Array<{ description: string, hsCode: string, quantity: number, unit: string, grossWeightKg: number, netWeightKg: number, marksAndNumbers: string, packages: number }> | null, supportingDocuments: Array<{ id: string | null, fileName: string | null, mediaType: string | null, sizeBytes: number | null, createdAt: string | null }> | null };

export type CertificateFieldsFragment = { id: string | null, applicationId: string | null, number: string | null, status: CertificateStatus | null, language: CertificateLanguage | null, countryOfOrigin: string | null, issuedAt: string | null, revokedAt: string | null, revocationReason: RevocationReason | null, supersededByNumber: string | null, verificationCode: string | null, pdfReady: boolean | null, destroyedAt: string | null, copies: Array<{ id: string | null, copyNumber: number | null, createdAt: string | null, pdfReady: boolean | null }> | null };

export type CertificateApplicationsQueryVariables = Exact<{
  state?: string | null | undefined;
  first: number;
  after?: string | null | undefined;
  organisationId?: string | null | undefined;
}>;


export type CertificateApplicationsQuery = { certificateApplications: Array<{ id: string | null, state: ApplicationState | null, exporterName: string | null, consigneeName: string | null, consigneeCountry: string | null, countryOfOrigin: string | null, createdAt: string | null, submittedAt: string | null, updatedAt: string | null, claimedBy: string | null, certificateId: string | null, destroyedAt: string | null, goods: Array<{ hsCode: string }> | null }> };

export type CertificateByNumberQueryVariables = Exact<{
  number: string;
}>;


export type CertificateByNumberQuery = { certificatesOfOrigin: Array<{ id: string | null, applicationId: string | null, number: string | null }> };

export type CertificateApplicationQueryVariables = Exact<{
  applicationId: string;
}>;


export type CertificateApplicationQuery = { certificateApplication: { id: string | null, state: ApplicationState | null, language: CertificateLanguage | null, exporterName: string | null, exporterAddress: string | null, exporterCountry: string | null, consigneeName: string | null, consigneeAddress: string | null, consigneeCountry: string | null, countryOfOrigin: string | null, transportDetails: string | null, invoiceReferences: Array<string> | null, remarks: string | null, declarationAccepted: boolean | null, claimedBy: string | null, reviewComment: string | null, companyReply: string | null, companyRepliedAt: string | null, rejectionReason: string | null, replacesCertificateId: string | null, startedFromApplicationId: string | null, certificateId: string | null, createdAt: string | null, updatedAt: string | null, submittedAt: string | null, destroyedAt: string | null, goods: Array<{ description: string, hsCode: string, quantity: number, unit: string, grossWeightKg: number, netWeightKg: number, marksAndNumbers: string, packages: number }> | null, supportingDocuments: Array<{ id: string | null, fileName: string | null, mediaType: string | null, sizeBytes: number | null, createdAt: string | null }> | null } };

export type CertificateOfOriginQueryVariables = Exact<{
  certificateId: string;
}>;


export type CertificateOfOriginQuery = { certificateOfOrigin: { id: string | null, applicationId: string | null, number: string | null, status: CertificateStatus | null, language: CertificateLanguage | null, countryOfOrigin: string | null, issuedAt: string | null, revokedAt: string | null, revocationReason: RevocationReason | null, supersededByNumber: string | null, verificationCode: string | null, pdfReady: boolean | null, destroyedAt: string | null, copies: Array<{ id: string | null, copyNumber: number | null, createdAt: string | null, pdfReady: boolean | null }> | null } };

export type SavedConsigneesQueryVariables = Exact<{ [key: string]: never; }>;


export type SavedConsigneesQuery = { savedConsignees: Array<{ id: string | null, name: string | null, address: string | null, country: string | null }> };

export type SaveConsigneeMutationVariables = Exact<{
  input: ConsigneeInput;
}>;


export type SaveConsigneeMutation = { saveConsignee: { id: string | null } };

export type RemoveSavedConsigneeMutationVariables = Exact<{
  consigneeId: string;
}>;


export type RemoveSavedConsigneeMutation = { removeSavedConsignee: string };

export type RemoveSupportingDocumentMutationVariables = Exact<{
  applicationId: string;
  documentId: string;
}>;


export type RemoveSupportingDocumentMutation = { removeSupportingDocument: { id: string | null } };

export type DeleteCertificateApplicationDraftMutationVariables = Exact<{
  applicationId: string;
}>;


export type DeleteCertificateApplicationDraftMutation = { deleteCertificateApplicationDraft: string };

export type WithdrawCertificateApplicationMutationVariables = Exact<{
  applicationId: string;
}>;


export type WithdrawCertificateApplicationMutation = { withdrawCertificateApplication: { id: string | null, state: ApplicationState | null } };

export type CreateCertificateApplicationMutationVariables = Exact<{
  input: CreateCertificateApplicationInput;
}>;


export type CreateCertificateApplicationMutation = { createCertificateApplication: { id: string | null } };

export type UpdateCertificateApplicationMutationVariables = Exact<{
  input: UpdateCertificateApplicationInput;
}>;


export type UpdateCertificateApplicationMutation = { updateCertificateApplication: { id: string | null, state: ApplicationState | null, language: CertificateLanguage | null, exporterName: string | null, exporterAddress: string | null, exporterCountry: string | null, consigneeName: string | null, consigneeAddress: string | null, consigneeCountry: string | null, countryOfOrigin: string | null, transportDetails: string | null, invoiceReferences: Array<string> | null, remarks: string | null, declarationAccepted: boolean | null, claimedBy: string | null, reviewComment: string | null, companyReply: string | null, companyRepliedAt: string | null, rejectionReason: string | null, replacesCertificateId: string | null, startedFromApplicationId: string | null, certificateId: string | null, createdAt: string | null, updatedAt: string | null, submittedAt: string | null, destroyedAt: string | null, goods: Array<{ description: string, hsCode: string, quantity: number, unit: string, grossWeightKg: number, netWeightKg: number, marksAndNumbers: string, packages: number }> | null, supportingDocuments: Array<{ id: string | null, fileName: string | null, mediaType: string | null, sizeBytes: number | null, createdAt: string | null }> | null } };

export type SubmitCertificateApplicationMutationVariables = Exact<{
  applicationId: string;
  reply?: string | null | undefined;
}>;


export type SubmitCertificateApplicationMutation = { submitCertificateApplication: { id: string | null, state: ApplicationState | null } };

export type ReplaceCertificateMutationVariables = Exact<{
  certificateId: string;
}>;


export type ReplaceCertificateMutation = { replaceCertificate: { id: string | null } };

export type RequestCertificateCopyMutationVariables = Exact<{
  certificateId: string;
}>;


export type RequestCertificateCopyMutation = { requestCertificateCopy: { id: string | null, copyNumber: number | null } };

export type ClaimCertificateApplicationMutationVariables = Exact<{
  applicationId: string;
}>;


export type ClaimCertificateApplicationMutation = { claimCertificateApplication: { id: string | null, state: ApplicationState | null } };

export type ReleaseCertificateApplicationMutationVariables = Exact<{
  applicationId: string;
}>;


export type ReleaseCertificateApplicationMutation = { releaseCertificateApplication: { id: string | null, state: ApplicationState | null } };

export type RequestCertificateApplicationChangesMutationVariables = Exact<{
  applicationId: string;
  comment: string;
}>;


export type RequestCertificateApplicationChangesMutation = { requestCertificateApplicationChanges: { id: string | null, state: ApplicationState | null } };

export type RejectCertificateApplicationMutationVariables = Exact<{
  applicationId: string;
  reason: string;
}>;


export type RejectCertificateApplicationMutation = { rejectCertificateApplication: { id: string | null, state: ApplicationState | null } };

export type ApproveCertificateApplicationMutationVariables = Exact<{
  applicationId: string;
}>;


export type ApproveCertificateApplicationMutation = { approveCertificateApplication: { id: string | null, state: ApplicationState | null } };

export type SignCertificateMutationVariables = Exact<{
  applicationId: string;
  idempotencyKey: string;
}>;


export type SignCertificateMutation = { signCertificate: { id: string | null, number: string | null } };

export type RevokeCertificateMutationVariables = Exact<{
  certificateId: string;
  reason: string;
}>;


export type RevokeCertificateMutation = { revokeCertificate: { id: string | null, status: CertificateStatus | null } };

export type RemoveDatasheetAttachmentMutationVariables = Exact<{
  attachmentId: string;
}>;


export type RemoveDatasheetAttachmentMutation = { removeDatasheetAttachment: { id: string | null } };

export type CreateCertifiedProductMutationVariables = Exact<{
  input: CreateCertifiedProductInput;
}>;


export type CreateCertifiedProductMutation = { createCertifiedProduct: { id: string | null, name: string | null } };

export type ChangeCertifiedProductStatusMutationVariables = Exact<{
  id: string;
  status: CertifiedProductStatus;
}>;


export type ChangeCertifiedProductStatusMutation = { changeCertifiedProductStatus: { id: string | null, status: CertifiedProductStatus | null, statusChangedAt: string | null } };

export type SetProductFamilySchemaMutationVariables = Exact<{
  input: SetProductFamilySchemaInput;
}>;


export type SetProductFamilySchemaMutation = { setProductFamilySchema: { id: string | null, family: string | null, version: number | null } };

export type ObjectToContactDisclosureMutationVariables = Exact<{ [key: string]: never; }>;


export type ObjectToContactDisclosureMutation = { objectToContactDisclosure: { withdrawnRoles: Array<Role>, datasheetsAffected: number, replacementDeadline: string | null } };

export type CreateDatasheetMutationVariables = Exact<{
  input: CreateDatasheetInput;
}>;


export type CreateDatasheetMutation = { createDatasheet: { id: string | null, datasheetId: string | null, state: DatasheetState | null } };

export type UpdateDatasheetDraftMutationVariables = Exact<{
  input: UpdateDatasheetDraftInput;
}>;


export type UpdateDatasheetDraftMutation = { updateDatasheetDraft: { id: string | null, state: DatasheetState | null, updatedAt: string | null } };

export type SubmitDatasheetVersionMutationVariables = Exact<{
  versionId: string;
}>;


export type SubmitDatasheetVersionMutation = { submitDatasheetVersion: { id: string | null, state: DatasheetState | null, submittedAt: string | null } };

export type StartDatasheetVersionMutationVariables = Exact<{
  datasheetId: string;
}>;


export type StartDatasheetVersionMutation = { startDatasheetVersion: { id: string | null, state: DatasheetState | null } };

export type ContactCandidatesQueryVariables = Exact<{ [key: string]: never; }>;


export type ContactCandidatesQuery = { datasheetContactCandidates: Array<{ id: string | null, firstName: string | null, lastName: string | null, email: string | null }> };

export type NameDatasheetContactMutationVariables = Exact<{
  datasheetId: string;
  userId: string;
}>;


export type NameDatasheetContactMutation = { nameDatasheetContact: { id: string | null, contactUserId: string | null, contactReplacementRequired: boolean | null } };

export type ApproveDatasheetVersionMutationVariables = Exact<{
  versionId: string;
}>;


export type ApproveDatasheetVersionMutation = { approveDatasheetVersion: { id: string | null, state: DatasheetState | null } };

export type RequestDatasheetChangesMutationVariables = Exact<{
  versionId: string;
  comment: string;
}>;


export type RequestDatasheetChangesMutation = { requestDatasheetChanges: { id: string | null, state: DatasheetState | null } };

export type PublishDatasheetVersionMutationVariables = Exact<{
  versionId: string;
}>;


export type PublishDatasheetVersionMutation = { publishDatasheetVersion: { id: string | null, state: DatasheetState | null, publishedAt: string | null } };

export type UnpublishDatasheetMutationVariables = Exact<{
  datasheetId: string;
}>;


export type UnpublishDatasheetMutation = { unpublishDatasheet: { id: string | null } };

export type ContactDisclosureNoticeQueryVariables = Exact<{
  language: string;
}>;


export type ContactDisclosureNoticeQuery = { contactDisclosureNotice: { version: string, language: string, text: string } };

export type AcknowledgeContactDisclosureNoticeMutationVariables = Exact<{
  version: string;
}>;


export type AcknowledgeContactDisclosureNoticeMutation = { acknowledgeContactDisclosureNotice: { acknowledgedAt: string | null, noticeVersion: string | null } };

export type PublishedDatasheetQueryVariables = Exact<{
  code?: string | null | undefined;
  id?: string | null | undefined;
}>;


export type PublishedDatasheetQuery = { publishedDatasheet: { id: string | null, tenantId: string | null, publicCode: string | null, versionNumber: number | null, publishedAt: string | null, productName: string | null, productFamily: string | null, productionUnit: string | null, scheme: string | null, certificateReference: string | null, holderName: string | null, characteristics: string | null, contactKind: DatasheetContactKind | null, contactName: string | null, contactPosition: string | null, contactEmail: string | null, contactPhone: string | null, contactReplacementRequired: boolean | null, texts: Array<{ language: string, title: string, description: string }> | null, attachments: Array<{ id: string | null, title: string | null, language: string | null, fileName: string | null, mediaType: string | null, sizeBytes: number | null }> | null } };

export type PublishedDatasheetHistoryQueryVariables = Exact<{
  code: string;
}>;


export type PublishedDatasheetHistoryQuery = { publishedDatasheetHistory: Array<{ versionId: string | null, versionNumber: number | null, publishedAt: string | null, supersededAt: string | null, withdrawnAt: string | null, characteristics: string | null }> };

export type PublishedFamilySchemaQueryVariables = Exact<{
  tenant: string;
  family: string;
}>;


export type PublishedFamilySchemaQuery = { publishedProductFamilySchema: { jsonSchema: string | null } };

export type WithdrawnDatasheetQueryVariables = Exact<{
  code?: string | null | undefined;
  id?: string | null | undefined;
}>;


export type WithdrawnDatasheetQuery = { withdrawnDatasheet: { id: string | null, tenantId: string | null, publicCode: string | null, versionNumber: number | null, productName: string | null, productFamily: string | null, certificateReference: string | null, scheme: string | null, holderName: string | null, publishedAt: string | null, withdrawnAt: string | null, reason: DatasheetWithdrawalReason | null } };

export type SearchPublishedDatasheetsQueryVariables = Exact<{
  tenant?: string | null | undefined;
  productFamily?: string | null | undefined;
  productName?: string | null | undefined;
  holderName?: string | null | undefined;
  certificateReference?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SearchPublishedDatasheetsQuery = { searchPublishedDatasheets: { nextCursor: string | null, items: Array<{ id: string | null, tenantId: string | null, publicCode: string | null, productName: string | null, productFamily: string | null, holderName: string | null, scheme: string | null, certificateReference: string | null, publishedAt: string | null, versionNumber: number | null }> } };

export type PublishedFamilySchemasQueryVariables = Exact<{ [key: string]: never; }>;


export type PublishedFamilySchemasQuery = { publishedProductFamilySchemas: Array<{ tenantId: string | null, family: string | null, jsonSchema: string | null }> };

export type WithdrawnDatasheetsQueryVariables = Exact<{
  tenant?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type WithdrawnDatasheetsQuery = { withdrawnDatasheets: { nextCursor: string | null, items: Array<{ id: string | null, tenantId: string | null, publicCode: string | null, productName: string | null, holderName: string | null, scheme: string | null, certificateReference: string | null, withdrawnAt: string | null, reason: DatasheetWithdrawalReason | null }> } };

export type CertifiedProductsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  search?: string | null | undefined;
  ids?: Array<string> | string | null | undefined;
}>;


export type CertifiedProductsQuery = { certifiedProducts: Array<{ id: string | null, organisationId: string | null, name: string | null, productFamily: string | null, certificateReference: string | null, scheme: string | null, productionUnit: string | null, status: CertifiedProductStatus | null, statusChangedAt: string | null, createdAt: string | null }> };

export type CompaniesQueryVariables = Exact<{
  ids?: Array<string> | string | null | undefined;
  nameContains?: string | null | undefined;
  first?: number | null | undefined;
}>;


export type CompaniesQuery = { organisations: Array<{ id: string | null, name: string | null, city: string | null }> };

export type DatasheetsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  state?: DatasheetState | null | undefined;
  certifiedProductIds?: Array<string> | string | null | undefined;
  contactReplacementRequired?: boolean | null | undefined;
}>;


export type DatasheetsQuery = { datasheets: Array<{ id: string | null, certifiedProductId: string | null, organisationId: string | null, publicCode: string | null, contactUserId: string | null, contactReplacementRequired: boolean | null, contactReplacementDeadline: string | null, contactSuspended: boolean | null, createdAt: string | null }> };

export type ProductFamilySchemasQueryVariables = Exact<{ [key: string]: never; }>;


export type ProductFamilySchemasQuery = { productFamilySchemas: Array<{ id: string | null, family: string | null, version: number | null, jsonSchema: string | null, updatedAt: string | null }> };

export type DatasheetVersionFieldsFragment = { id: string | null, datasheetId: string | null, number: number | null, state: DatasheetState | null, characteristics: string | null, completedBy: string | null, reviewComment: string | null, createdAt: string | null, updatedAt: string | null, submittedAt: string | null, approvedAt: string | null, publishedAt: string | null, supersededAt: string | null, unpublishedAt: string | null, texts: Array<{ language: string, title: string, description: string }> | null, attachments: Array<{ id: string | null, title: string | null, language: string | null, fileName: string | null, mediaType: string | null, sizeBytes: number | null, sha256: string | null }> | null };

export type DatasheetVersionsQueryVariables = Exact<{
  datasheetId: string;
}>;


export type DatasheetVersionsQuery = { datasheetVersions: Array<{ id: string | null, datasheetId: string | null, number: number | null, state: DatasheetState | null, characteristics: string | null, completedBy: string | null, reviewComment: string | null, createdAt: string | null, updatedAt: string | null, submittedAt: string | null, approvedAt: string | null, publishedAt: string | null, supersededAt: string | null, unpublishedAt: string | null, texts: Array<{ language: string, title: string, description: string }> | null, attachments: Array<{ id: string | null, title: string | null, language: string | null, fileName: string | null, mediaType: string | null, sizeBytes: number | null, sha256: string | null }> | null }> };

export type DatasheetVersionsOfQueryVariables = Exact<{
  datasheetIds: Array<string> | string;
}>;


export type DatasheetVersionsOfQuery = { datasheetVersionsOf: Array<{ id: string | null, datasheetId: string | null, number: number | null, state: DatasheetState | null, characteristics: string | null, completedBy: string | null, reviewComment: string | null, createdAt: string | null, updatedAt: string | null, submittedAt: string | null, approvedAt: string | null, publishedAt: string | null, supersededAt: string | null, unpublishedAt: string | null, texts: Array<{ language: string, title: string, description: string }> | null, attachments: Array<{ id: string | null, title: string | null, language: string | null, fileName: string | null, mediaType: string | null, sizeBytes: number | null, sha256: string | null }> | null }> };

export type TenantDirectoryQueryVariables = Exact<{ [key: string]: never; }>;


export type TenantDirectoryQuery = { tenants: Array<{ id: string, slug: string, name: string, kinds: Array<TenantKind>, legalEntityNumber: string, street: string, postalCode: string, city: string, country: string, phone: string | null, email: string | null, website: string | null, languages: Array<string>, privacyContactEmail: string }> };

export type TenantDepartureListQueryVariables = Exact<{ [key: string]: never; }>;


export type TenantDepartureListQuery = { tenantOffboardings: Array<{ id: string | null, tenantId: string | null, status: TenantOffboardingStatus | null, requestedAt: string | null, confirmedAt: string | null, destroyNotBefore: string | null, exportedAt: string | null, exportedRecords: number | null, withdrawnAt: string | null, withdrawnByParty: TenantOffboardingParty | null, withdrawalReason: string | null }> };

export type WithdrawTenantDepartureMutationVariables = Exact<{
  offboardingId: string;
  reason: string;
}>;


export type WithdrawTenantDepartureMutation = { withdrawTenantOffboarding: { id: string | null, tenantId: string | null, status: TenantOffboardingStatus | null, withdrawnAt: string | null } };

export type FileTenantDepartureMutationVariables = Exact<{
  tenantId: string;
}>;


export type FileTenantDepartureMutation = { requestTenantOffboarding: { id: string | null, tenantId: string | null, status: TenantOffboardingStatus | null } };

export type DestroyDepartedTenantMutationVariables = Exact<{
  offboardingId: string;
}>;


export type DestroyDepartedTenantMutation = { destroyTenant: { id: string | null, tenantName: string | null, totalRowsDeleted: number | null } };

export type DestructionCertificatesQueryVariables = Exact<{ [key: string]: never; }>;


export type DestructionCertificatesQuery = { tenantDestructionCertificates: Array<{ id: string | null, departedTenantId: string | null, tenantSlug: string | null, tenantName: string | null, requestedAt: string | null, confirmedAt: string | null, exportedAt: string | null, exportedRecords: number | null, destroyedAt: string | null, exportHash: string | null, certificateHash: string | null, totalRowsDeleted: number | null, signingKeyId: string | null, signature: string | null, signedContent: string | null, intact: boolean | null, rowsDeleted: Array<{ table: string, rows: number }> | null }> };

export type OwnTenantOffboardingQueryVariables = Exact<{ [key: string]: never; }>;


export type OwnTenantOffboardingQuery = { tenantOffboardings: Array<{ id: string | null, status: TenantOffboardingStatus | null, requestedAt: string | null, confirmedAt: string | null, destroyNotBefore: string | null, exportedAt: string | null, exportedRecords: number | null, exportHash: string | null, withdrawnAt: string | null, withdrawnByParty: TenantOffboardingParty | null, withdrawalReason: string | null }> };

export type DeclineOwnTenantOffboardingMutationVariables = Exact<{
  offboardingId: string;
  reason: string;
}>;


export type DeclineOwnTenantOffboardingMutation = { declineTenantOffboarding: { id: string | null, status: TenantOffboardingStatus | null, withdrawnAt: string | null } };

export type ConfirmOwnTenantOffboardingMutationVariables = Exact<{
  offboardingId: string;
}>;


export type ConfirmOwnTenantOffboardingMutation = { confirmTenantOffboarding: { id: string | null, status: TenantOffboardingStatus | null, confirmedAt: string | null, destroyNotBefore: string | null } };

export type ExportOwnTenantArchiveMutationVariables = Exact<{
  offboardingId: string;
}>;


export type ExportOwnTenantArchiveMutation = { exportTenantArchive: { offboardingId: string, records: number, withheld: number, sha256: string, json: string } };

export type ApiKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiKeysQuery = { apiKeys: Array<{ id: string | null, name: string | null, scopes: Array<string> | null, createdAt: string | null, lastUsedAt: string | null, revokedAt: string | null }> };

export type CreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type CreateApiKeyMutation = { createApiKey: { secret: string, apiKey: { id: string | null, name: string | null } } };

export type RevokeApiKeyMutationVariables = Exact<{
  id: string;
}>;


export type RevokeApiKeyMutation = { revokeApiKey: { id: string | null, revokedAt: string | null } };

export type CompanyForAdminQueryVariables = Exact<{
  id: string;
}>;


export type CompanyForAdminQuery = { organisation: { id: string | null, name: string | null, legalForm: string | null, vatNumber: string | null, companyNumber: string | null, street: string | null, postalCode: string | null, city: string | null, country: string | null, phone: string | null, email: string | null, iban: string | null, loginMethod: LoginMethod | null, isMember: boolean | null } };

export type CompanyForMemberQueryVariables = Exact<{
  id: string;
}>;


export type CompanyForMemberQuery = { organisation: { id: string | null, name: string | null, legalForm: string | null, vatNumber: string | null, companyNumber: string | null, street: string | null, postalCode: string | null, city: string | null, country: string | null, phone: string | null, email: string | null } };

export type UpdateCompanyMutationVariables = Exact<{
  input: UpdateOrganisationInput;
}>;


export type UpdateCompanyMutation = { updateOrganisation: { id: string | null } };

export type CompanyToResetQueryVariables = Exact<{
  id: string;
}>;


export type CompanyToResetQuery = { organisation: { id: string | null, name: string | null, phone: string | null, loginMethod: LoginMethod | null } };

export type ResetCompanyAdministratorSecondFactorMutationVariables = Exact<{
  input: ResetCompanyAdministratorSecondFactorInput;
}>;


export type ResetCompanyAdministratorSecondFactorMutation = { resetCompanyAdministratorSecondFactor: { organisationId: string, administratorId: string, resetAt: string } };

export type ManagedUsersQueryVariables = Exact<{ [key: string]: never; }>;


export type ManagedUsersQuery = { managedUsers: Array<{ id: string | null, email: string | null, firstName: string | null, lastName: string | null, jobTitle: string | null, status: UserStatus | null, totpEnrolledAt: string | null, roles: Array<Role> | null }> };

export type InviteUserMutationVariables = Exact<{
  input: InviteUserInput;
}>;


export type InviteUserMutation = { inviteUser: { id: string | null, email: string | null, roles: Array<Role> | null, expiresAt: string | null } };

export type ChangeUserRolesMutationVariables = Exact<{
  input: ChangeUserRolesInput;
}>;


export type ChangeUserRolesMutation = { changeUserRoles: { id: string | null, roles: Array<Role> | null } };

export type DisableUserMutationVariables = Exact<{
  userId: string;
}>;


export type DisableUserMutation = { disableUser: { id: string | null, status: UserStatus | null } };

export type AppointCompanyAdministratorMutationVariables = Exact<{
  input: AppointCompanyAdministratorInput;
}>;


export type AppointCompanyAdministratorMutation = { appointCompanyAdministrator: { id: string | null, email: string | null } };

export type EnableUserMutationVariables = Exact<{
  userId: string;
}>;


export type EnableUserMutation = { enableUser: { id: string | null, status: UserStatus | null } };

export type ResetSecondFactorMutationVariables = Exact<{
  userId: string;
}>;


export type ResetSecondFactorMutation = { resetSecondFactor: { id: string | null, totpEnrolledAt: string | null } };

export type PendingInvitationsQueryVariables = Exact<{ [key: string]: never; }>;


export type PendingInvitationsQuery = { invitations: Array<{ id: string | null, email: string | null, roles: Array<Role> | null, expiresAt: string | null }> };

export type RevokeInvitationMutationVariables = Exact<{
  id: string;
}>;


export type RevokeInvitationMutation = { revokeInvitation: { id: string | null, revokedAt: string | null } };

export type WebhooksQueryVariables = Exact<{ [key: string]: never; }>;


export type WebhooksQuery = { webhookEventTypes: Array<string>, webhooks: Array<{ id: string | null, url: string | null, eventTypes: Array<string> | null, createdAt: string | null, secretRotatedAt: string | null }> };

export type WebhookDeliveriesQueryVariables = Exact<{
  webhookId: string;
  deadLettersOnly?: boolean | null | undefined;
}>;


export type WebhookDeliveriesQuery = { webhookDeliveries: Array<{ id: string | null, eventType: string | null, occurredAt: string | null, attempts: number | null, lastStatus: number | null, lastError: string | null, nextAttemptAt: string | null, deliveredAt: string | null, deadLetteredAt: string | null }> };

export type RegisterWebhookMutationVariables = Exact<{
  input: RegisterWebhookInput;
}>;


export type RegisterWebhookMutation = { registerWebhook: { secret: string, webhook: { id: string | null, url: string | null } } };

export type RotateWebhookSecretMutationVariables = Exact<{
  webhookId: string;
}>;


export type RotateWebhookSecretMutation = { rotateWebhookSecret: { secret: string, webhook: { id: string | null, url: string | null } } };

export type DeleteWebhookMutationVariables = Exact<{
  webhookId: string;
}>;


export type DeleteWebhookMutation = { deleteWebhook: { id: string | null } };

export type RedeliverWebhookMutationVariables = Exact<{
  deliveryId: string;
}>;


export type RedeliverWebhookMutation = { redeliverWebhook: { id: string | null, attempts: number | null, nextAttemptAt: string | null, deadLetteredAt: string | null } };

export type CreateTenantMutationVariables = Exact<{
  input: CreateTenantInput;
}>;


export type CreateTenantMutation = { createTenant: { invitationSentTo: string, tenant: { id: string, slug: string, name: string } } };

export type InviteTenantAdministratorMutationVariables = Exact<{
  input: InviteTenantAdministratorInput;
}>;


export type InviteTenantAdministratorMutation = { inviteTenantAdministrator: { invitationSentTo: string, earlierInvitationsRevoked: number, tenant: { name: string } } };

export type PlatformAuditEntriesQueryVariables = Exact<{
  first: number;
  afterSequence?: number | null | undefined;
}>;


export type PlatformAuditEntriesQuery = { platformAuditEntries: Array<{ id: string | null, sequence: number | null, occurredAt: string | null, action: string | null, actorKind: string | null, actorId: string | null, subjectType: string | null, subjectId: string | null, details: Array<{ key: string, value: string | null }> | null }> };

export type VerifyPlatformAuditChainQueryVariables = Exact<{ [key: string]: never; }>;


export type VerifyPlatformAuditChainQuery = { verifyPlatformAuditChain: { valid: boolean, entries: number, firstBrokenSequence: number | null, reason: ChainBreakReason | null, checkpointSequence: number | null } };

export type PlatformLogCheckpointsQueryVariables = Exact<{
  first: number;
}>;


export type PlatformLogCheckpointsQuery = { platformLogCheckpoints: Array<{ id: string | null, chain: LoggedChain | null, sequence: number | null, checkpointedAt: string | null, keyId: string | null, document: string | null }> };

export type ResetTenantAdministratorSecondFactorMutationVariables = Exact<{
  input: ResetTenantAdministratorSecondFactorInput;
}>;


export type ResetTenantAdministratorSecondFactorMutation = { resetTenantAdministratorSecondFactor: { administratorId: string, resetAt: string, tenant: { name: string } } };

export type OwnSupportGrantsQueryVariables = Exact<{ [key: string]: never; }>;


export type OwnSupportGrantsQuery = { supportGrants: Array<{ id: string | null, tenantId: string | null, purpose: string | null, durationMinutes: number | null, requestedAt: string | null, status: SupportGrantStatus | null, decidedAt: string | null, refusalReason: string | null, endsAt: string | null, endedAt: string | null }> };

export type UnderSupportGrantQueryVariables = Exact<{
  grantId: string;
}>;


export type UnderSupportGrantQuery = { supportAccounts: Array<{ id: string | null, organisationId: string | null, email: string | null, roles: Array<string> | null, createdAt: string | null }>, supportOrganisations: Array<{ id: string | null, name: string | null, companyNumber: string | null, vatNumber: string | null, street: string | null, postalCode: string | null, city: string | null, country: string | null, email: string | null, phone: string | null }>, supportCertificateApplications: Array<{ id: string | null, organisationId: string | null, state: ApplicationState | null, consigneeName: string | null, consigneeCountry: string | null, countryOfOrigin: string | null, submittedAt: string | null, updatedAt: string | null }>, supportDatasheets: Array<{ id: string | null, organisationId: string | null, publicCode: string | null, latestVersion: number | null, latestState: DatasheetState | null, createdAt: string | null }> };

export type OperatorSupportGrantsQueryVariables = Exact<{ [key: string]: never; }>;


export type OperatorSupportGrantsQuery = { supportGrants: Array<{ id: string | null, tenantId: string | null, purpose: string | null, durationMinutes: number | null, requestedAt: string | null, status: SupportGrantStatus | null, decidedAt: string | null, refusalReason: string | null, startsAt: string | null, endsAt: string | null, endedAt: string | null }> };

export type RequestSupportAccessMutationVariables = Exact<{
  input: RequestSupportAccessInput;
}>;


export type RequestSupportAccessMutation = { requestSupportAccess: { id: string | null, tenantId: string | null, status: SupportGrantStatus | null } };

export type PersonalDataAccessesQueryVariables = Exact<{
  first: number;
  before?: string | null | undefined;
  subjectId?: string | null | undefined;
}>;


export type PersonalDataAccessesQuery = { personalDataAccesses: Array<{ id: string | null, occurredAt: string | null, accessorKind: string | null, accessorId: string | null, accessorRoles: Array<string> | null, subjectType: string | null, subjectId: string | null, categories: Array<string> | null, fields: Array<string> | null, operation: string | null, requestId: string | null }> };

export type VerifyPersonalDataAccessChainQueryVariables = Exact<{ [key: string]: never; }>;


export type VerifyPersonalDataAccessChainQuery = { verifyPersonalDataAccessChain: { valid: boolean, entries: number, firstBrokenSequence: number | null, reason: ChainBreakReason | null, checkpointSequence: number | null, prunedEntries: number } };

export type BreachesQueryVariables = Exact<{ [key: string]: never; }>;


export type BreachesQuery = { breaches: Array<{ id: string | null, reference: string | null, becameAwareAt: string | null, occurredAt: string | null, authorityDeadline: string | null, authorityNotifiedAt: string | null, notifiable: boolean | null, notNotifiableReason: string | null, highRisk: boolean | null, affectedPeople: number | null, subjectsNotified: number | null, subjectsNotifiedAt: string | null, nature: string | null, dataCategories: Array<string> | null, notificationDraft: string | null }> };

export type RegisterBreachMutationVariables = Exact<{
  input: RegisterBreachInput;
}>;


export type RegisterBreachMutation = { registerBreach: { id: string | null, reference: string | null } };

export type RecordBreachAuthorityNotificationMutationVariables = Exact<{
  input: RecordBreachAuthorityNotificationInput;
}>;


export type RecordBreachAuthorityNotificationMutation = { recordBreachAuthorityNotification: { id: string | null } };

export type NotifyBreachSubjectsMutationVariables = Exact<{
  breachId: string;
}>;


export type NotifyBreachSubjectsMutation = { notifyBreachSubjects: { id: string | null } };

export type ConfirmDataSubjectRequestMutationVariables = Exact<{
  token: string;
}>;


export type ConfirmDataSubjectRequestMutation = { confirmDataSubjectRequest: boolean };

export type LegalHoldsQueryVariables = Exact<{ [key: string]: never; }>;


export type LegalHoldsQuery = { legalHolds: Array<{ id: string | null, record: string | null, reason: string | null, placedAt: string | null }> };

export type PlaceLegalHoldMutationVariables = Exact<{
  input: PlaceLegalHoldInput;
}>;


export type PlaceLegalHoldMutation = { placeLegalHold: string };

export type ReleaseLegalHoldMutationVariables = Exact<{
  holdId: string;
}>;


export type ReleaseLegalHoldMutation = { releaseLegalHold: string };

export type MyPolicyNoticeQueryVariables = Exact<{
  slug: string;
}>;


export type MyPolicyNoticeQuery = { myPrivacyPolicyNotice: { versionId: string | null, answer: PrivacyPolicyAnswer | null, objectionDeadline: string | null } | null, privacyPolicyVersions: Array<{ id: string | null, version: number | null, title: string | null, summary: string | null, publishedAt: string | null }> };

export type AcceptPolicyMutationVariables = Exact<{
  versionId: string;
}>;


export type AcceptPolicyMutation = { acceptPrivacyPolicy: { versionId: string | null, answer: PrivacyPolicyAnswer | null } };

export type ObjectToPolicyMutationVariables = Exact<{
  input: ObjectToPrivacyPolicyInput;
}>;


export type ObjectToPolicyMutation = { objectToPrivacyPolicy: { versionId: string | null, answer: PrivacyPolicyAnswer | null } };

export type TenantPrivacyQueryVariables = Exact<{
  slug: string;
}>;


export type TenantPrivacyQuery = { tenant: { slug: string, name: string, privacyContactEmail: string } | null, privacyPolicyVersions: Array<{ id: string | null, version: number | null, title: string | null, summary: string | null, body: string | null, publishedAt: string | null }>, subProcessors: Array<{ id: string | null, name: string | null, service: string | null, location: string | null, dataCategories: Array<string> | null, effectiveFrom: string | null, transferSafeguard: string | null }> };

export type TenantPolicyVersionsQueryVariables = Exact<{
  slug: string;
}>;


export type TenantPolicyVersionsQuery = { privacyPolicyVersions: Array<{ id: string | null, version: number | null, title: string | null, summary: string | null, body: string | null, publishedAt: string | null, objectionDeadline: string | null }> };

export type PolicyResponsesQueryVariables = Exact<{
  versionId: string;
}>;


export type PolicyResponsesQuery = { privacyPolicyResponses: Array<{ userId: string | null, answer: PrivacyPolicyAnswer | null, reason: string | null, respondedAt: string | null }> };

export type PublishPolicyMutationVariables = Exact<{
  input: PublishPrivacyPolicyInput;
}>;


export type PublishPolicyMutation = { publishPrivacyPolicy: { id: string | null, version: number | null, objectionDeadline: string | null } };

export type PolicyObjectorQueryVariables = Exact<{
  userId: string;
}>;


export type PolicyObjectorQuery = { user: { firstName: string | null, lastName: string | null, email: string | null } };

export type PrivacyUserQueryVariables = Exact<{
  userId: string;
}>;


export type PrivacyUserQuery = { user: { id: string | null, firstName: string | null, lastName: string | null, email: string | null, jobTitle: string | null, organisationId: string | null, status: UserStatus | null, roles: Array<Role> | null, lastLoginAt: string | null }, sessionsOfUser: Array<{ id: string | null, createdAt: string | null, lastRefreshedAt: string | null, absoluteExpiresAt: string | null, revokedAt: string | null, revokedReason: string | null, ipAddress: string | null, userAgent: string | null }> };

export type PrivacyTenantsQueryVariables = Exact<{ [key: string]: never; }>;


export type PrivacyTenantsQuery = { tenants: Array<{ slug: string, name: string }> };

export type SubmitDataSubjectRequestMutationVariables = Exact<{
  input: PublicDataSubjectRequestInput;
}>;


export type SubmitDataSubjectRequestMutation = { submitDataSubjectRequest: boolean };

export type ProcessingActivitiesQueryVariables = Exact<{ [key: string]: never; }>;


export type ProcessingActivitiesQuery = { processingActivities: Array<{ id: string | null, name: string | null, purpose: string | null, legalBasis: string | null, dataSubjects: Array<string> | null, dataCategories: Array<string> | null, recipients: Array<string> | null, transfers: string | null, retention: string | null, securityMeasures: string | null, createdAt: string | null }> };

export type AddProcessingActivityMutationVariables = Exact<{
  input: AddProcessingActivityInput;
}>;


export type AddProcessingActivityMutation = { addProcessingActivity: { id: string | null, name: string | null } };

export type RemoveProcessingActivityMutationVariables = Exact<{
  id: string;
}>;


export type RemoveProcessingActivityMutation = { removeProcessingActivity: { id: string | null, name: string | null } };

export type ProcessingRegisterQueryVariables = Exact<{
  format: RegisterFormat;
}>;


export type ProcessingRegisterQuery = { processingRegister: string };

export type PlatformProcessingRegisterQueryVariables = Exact<{
  format: RegisterFormat;
}>;


export type PlatformProcessingRegisterQuery = { platformProcessingRegister: string };

export type CheckDataSubjectIdentityMutationVariables = Exact<{
  requestId: string;
}>;


export type CheckDataSubjectIdentityMutation = { checkDataSubjectIdentity: { id: string | null } };

export type ExtendDataSubjectRequestMutationVariables = Exact<{
  input: ExtendDataSubjectRequestInput;
}>;


export type ExtendDataSubjectRequestMutation = { extendDataSubjectRequest: { id: string | null } };

export type ExportForDataSubjectRequestMutationVariables = Exact<{
  requestId: string;
}>;


export type ExportForDataSubjectRequestMutation = { exportForDataSubjectRequest: { id: string, document: string } };

export type EraseForDataSubjectRequestMutationVariables = Exact<{
  requestId: string;
}>;


export type EraseForDataSubjectRequestMutation = { eraseForDataSubjectRequest: { id: string, holders: Array<{ holder: string, deleted: number, deidentified: number, keptAsReference: number, reason: string | null }> } };

export type RestrictForDataSubjectRequestMutationVariables = Exact<{
  requestId: string;
}>;


export type RestrictForDataSubjectRequestMutation = { restrictForDataSubjectRequest: { id: string | null } };

export type UpholdDataSubjectObjectionMutationVariables = Exact<{
  input: UpholdDataSubjectObjectionInput;
}>;


export type UpholdDataSubjectObjectionMutation = { upholdDataSubjectObjection: { id: string | null } };

export type CloseDataSubjectRequestMutationVariables = Exact<{
  input: CloseDataSubjectRequestInput;
}>;


export type CloseDataSubjectRequestMutation = { closeDataSubjectRequest: { id: string | null } };

export type LiftProcessingRestrictionMutationVariables = Exact<{
  requestId: string;
}>;


export type LiftProcessingRestrictionMutation = { liftProcessingRestriction: { id: string | null } };

export type DataSubjectRequestQueueQueryVariables = Exact<{
  open: boolean;
  first: number;
}>;


export type DataSubjectRequestQueueQuery = { dataSubjectRequests: Array<{ id: string | null, type: DataSubjectRequestType | null, status: DataSubjectRequestStatus | null, receivedAt: string | null, acknowledgedAt: string | null, completedAt: string | null, firstDueOn: string | null, dueOn: string | null, overdue: boolean | null, extensionMonths: number | null, extensionReason: string | null, identityVerifiedBy: string | null, language: string | null, requesterEmail: string | null, subjectUserId: string | null, details: string | null, outcome: string | null }> };

export type RetentionScheduleQueryVariables = Exact<{ [key: string]: never; }>;


export type RetentionScheduleQuery = { retentionSchedule: Array<{ rule: RetentionRuleKey | null, basis: RetentionBasis | null, unit: RetentionUnit | null, defaultPeriod: number | null, legalMinimum: number | null, legalMaximum: number | null, period: number | null, updatedAt: string | null }> };

export type SetRetentionPeriodMutationVariables = Exact<{
  input: SetRetentionPeriodInput;
}>;


export type SetRetentionPeriodMutation = { setRetentionPeriod: { rule: RetentionRuleKey | null, period: number | null, unit: RetentionUnit | null } };

export type RunRetentionSweepMutationVariables = Exact<{ [key: string]: never; }>;


export type RunRetentionSweepMutation = { runRetentionSweep: Array<{ holder: string, deleted: number, deidentified: number, expired: number, held: number }> };

export type AnnouncedSubProcessorChangesQueryVariables = Exact<{
  slug: string;
}>;


export type AnnouncedSubProcessorChangesQuery = { subProcessorChanges: Array<{ id: string | null, kind: SubProcessorChangeKind | null, description: string | null, announcedAt: string | null, objectionDeadline: string | null, effectiveAt: string | null }>, lodgedSubProcessorObjections: Array<{ id: string | null, changeId: string | null, reason: string | null, objectedAt: string | null }> };

export type ObjectToSubProcessorChangeMutationVariables = Exact<{
  input: ObjectToSubProcessorChangeInput;
}>;


export type ObjectToSubProcessorChangeMutation = { objectToSubProcessorChange: { id: string | null, objectedAt: string | null } };

export type TenantSubProcessorsQueryVariables = Exact<{
  slug: string;
}>;


export type TenantSubProcessorsQuery = { subProcessors: Array<{ id: string | null, name: string | null, service: string | null, location: string | null, dataCategories: Array<string> | null, transferSafeguard: string | null, effectiveFrom: string | null, effectiveUntil: string | null }>, subProcessorChanges: Array<{ id: string | null, kind: SubProcessorChangeKind | null, description: string | null, announcedAt: string | null, objectionDeadline: string | null, effectiveAt: string | null, customersNotified: number | null }>, subProcessorObjections: Array<{ id: string | null, changeId: string | null, organisationId: string | null, reason: string | null, objectedAt: string | null }> };

export type ObjectingCompanyQueryVariables = Exact<{
  id: string;
}>;


export type ObjectingCompanyQuery = { organisation: { id: string | null, name: string | null } };

export type AnnounceSubProcessorChangeMutationVariables = Exact<{
  input: AnnounceSubProcessorChangeInput;
}>;


export type AnnounceSubProcessorChangeMutation = { announceSubProcessorChange: { id: string | null, customersNotified: number | null, objectionDeadline: string | null } };

export type TenantSupportGrantsQueryVariables = Exact<{ [key: string]: never; }>;


export type TenantSupportGrantsQuery = { supportGrants: Array<{ id: string | null, purpose: string | null, durationMinutes: number | null, requestedAt: string | null, status: SupportGrantStatus | null, decidedAt: string | null, refusalReason: string | null, startsAt: string | null, endsAt: string | null, endedAt: string | null }> };

export type ApproveSupportAccessMutationVariables = Exact<{
  grantId: string;
}>;


export type ApproveSupportAccessMutation = { approveSupportAccess: { id: string | null, status: SupportGrantStatus | null, endsAt: string | null } };

export type RefuseSupportAccessMutationVariables = Exact<{
  grantId: string;
  reason?: string | null | undefined;
}>;


export type RefuseSupportAccessMutation = { refuseSupportAccess: { id: string | null, status: SupportGrantStatus | null } };

export type EndSupportAccessMutationVariables = Exact<{
  grantId: string;
}>;


export type EndSupportAccessMutation = { endSupportAccess: { id: string | null, status: SupportGrantStatus | null, endedAt: string | null } };

export type ProjectCertificatesQueryVariables = Exact<{ [key: string]: never; }>;


export type ProjectCertificatesQuery = { projectCertificates: Array<{ id: string | null, reference: string | null, site: string | null, material: string | null, quantityTonnes: number | null, state: ProjectCertificateState | null, createdAt: string | null, issuedAt: string | null, parties: Array<{ role: ProjectPartyRole | null, organisationName: string | null, contactReplacementRequired: boolean | null }> | null }> };

export type ProjectCertificateDetailsQueryVariables = Exact<{
  projectId: string;
}>;


export type ProjectCertificateDetailsQuery = { projectCertificate: { id: string | null, reference: string | null, site: string | null, material: string | null, quantityTonnes: number | null, state: ProjectCertificateState | null, createdByOrganisationId: string | null, createdAt: string | null, issuedAt: string | null, withdrawnAt: string | null, withdrawalReason: string | null, parties: Array<{ role: ProjectPartyRole | null, organisationId: string | null, organisationName: string | null, contactKind: DatasheetContactKind | null, contactUserId: string | null, contactName: string | null, contactEmail: string | null, contactPhone: string | null, contactPosition: string | null, contactReplacementRequired: boolean | null }> | null, distributions: Array<{ id: string | null, target: string | null, distributedBy: string | null, distributedAt: string | null }> | null } };

export type ProjectPartyCandidateQueryVariables = Exact<{
  vatNumber: string;
}>;


export type ProjectPartyCandidateQuery = { projectPartyCandidate: { organisationId: string | null, name: string | null, city: string | null } };

export type CreateProjectCertificateMutationVariables = Exact<{
  input: CreateProjectCertificateInput;
}>;


export type CreateProjectCertificateMutation = { createProjectCertificate: { id: string | null } };

export type IssueProjectCertificateMutationVariables = Exact<{
  projectId: string;
}>;


export type IssueProjectCertificateMutation = { issueProjectCertificate: { id: string | null, state: ProjectCertificateState | null, issuedAt: string | null } };

export type DistributeProjectCertificateMutationVariables = Exact<{
  projectId: string;
  target: string;
}>;


export type DistributeProjectCertificateMutation = { distributeProjectCertificate: { id: string | null, target: string | null, distributedAt: string | null } };

export type WithdrawProjectCertificateMutationVariables = Exact<{
  projectId: string;
  reason: string;
}>;


export type WithdrawProjectCertificateMutation = { withdrawProjectCertificate: { id: string | null, state: ProjectCertificateState | null, withdrawnAt: string | null, withdrawalReason: string | null } };

export type DeleteProjectCertificateDraftMutationVariables = Exact<{
  projectId: string;
}>;


export type DeleteProjectCertificateDraftMutation = { deleteProjectCertificateDraft: string };

export type NameProjectContactMutationVariables = Exact<{
  projectId: string;
  role: ProjectPartyRole;
  userId: string;
}>;


export type NameProjectContactMutation = { nameProjectContact: { id: string | null } };

export type ProjectColleaguesQueryVariables = Exact<{ [key: string]: never; }>;


export type ProjectColleaguesQuery = { managedUsers: Array<{ id: string | null, firstName: string | null, lastName: string | null, status: UserStatus | null }> };

export type AcceptInvitationMutationVariables = Exact<{
  input: AcceptInvitationInput;
}>;


export type AcceptInvitationMutation = { acceptInvitation: boolean };

export type ConfirmEmailMutationVariables = Exact<{
  token: string;
}>;


export type ConfirmEmailMutation = { confirmEmail: boolean };

export type ProposeChamberQueryVariables = Exact<{
  postalCode: string;
}>;


export type ProposeChamberQuery = { proposeChamber: { slug: string, name: string, city: string } | null };

export type RegisterOrganisationMutationVariables = Exact<{
  input: RegisterOrganisationInput;
}>;


export type RegisterOrganisationMutation = { registerOrganisation: { tenant: { slug: string, name: string } } };

export type AuditEntriesQueryVariables = Exact<{
  first: number;
  afterSequence?: number | null | undefined;
}>;


export type AuditEntriesQuery = { auditEntries: Array<{ id: string | null, sequence: number | null, occurredAt: string | null, action: string | null, actorKind: string | null, actorId: string | null, subjectType: string | null, subjectId: string | null, details: Array<{ key: string, value: string | null }> | null }> };

export type VerifyAuditChainQueryVariables = Exact<{ [key: string]: never; }>;


export type VerifyAuditChainQuery = { verifyAuditChain: { valid: boolean, entries: number, firstBrokenSequence: number | null, reason: ChainBreakReason | null, checkpointSequence: number | null } };

export type LogCheckpointsQueryVariables = Exact<{
  first: number;
}>;


export type LogCheckpointsQuery = { logCheckpoints: Array<{ id: string | null, chain: LoggedChain | null, sequence: number | null, checkpointedAt: string | null, keyId: string | null, document: string | null }> };

export type StaffCompaniesQueryVariables = Exact<{
  nameContains?: string | null | undefined;
  first?: number | null | undefined;
}>;


export type StaffCompaniesQuery = { organisations: Array<{ id: string | null, name: string | null, city: string | null }> };

export type InvoicingLinesQueryVariables = Exact<{
  month: string;
  organisationId?: string | null | undefined;
}>;


export type InvoicingLinesQuery = { certificateBillableLines: Array<{ id: string | null, organisationId: string | null, organisationName: string | null, organisationVatNumber: string | null, certificateNumber: string | null, kind: string | null, copyNumber: number | null, member: boolean | null, amountCents: number | null, currency: string | null, occurredAt: string | null }> };

export type CertificateSettingsOfTenantQueryVariables = Exact<{ [key: string]: never; }>;


export type CertificateSettingsOfTenantQuery = { certificateSettings: { numberPrefix: string | null, memberFeeCents: number | null, nonMemberFeeCents: number | null, copyMemberFeeCents: number | null, copyNonMemberFeeCents: number | null, currency: string | null } | null };

export type SaveCertificateSettingsMutationVariables = Exact<{
  input: CertificateSettingsInput;
}>;


export type SaveCertificateSettingsMutation = { setCertificateSettings: { numberPrefix: string | null } };

export type DatasheetSettingsOfTenantQueryVariables = Exact<{ [key: string]: never; }>;


export type DatasheetSettingsOfTenantQuery = { datasheetSettings: { contactReplacementDays: number } };

export type SaveDatasheetSettingsMutationVariables = Exact<{
  days: number;
}>;


export type SaveDatasheetSettingsMutation = { setDatasheetSettings: { contactReplacementDays: number } };

export type PrivacySettingsOfTenantQueryVariables = Exact<{ [key: string]: never; }>;


export type PrivacySettingsOfTenantQuery = { privacySettings: { requestDeadlineRule: RequestDeadlineRule | null } };

export type SaveRequestDeadlineRuleMutationVariables = Exact<{
  rule: RequestDeadlineRule;
}>;


export type SaveRequestDeadlineRuleMutation = { setRequestDeadlineRule: { requestDeadlineRule: RequestDeadlineRule | null } };

export type SigningKeysOfChamberQueryVariables = Exact<{
  slug: string;
}>;


export type SigningKeysOfChamberQuery = { certificateSigningKeys: Array<{ kid: string, createdAt: string, retiredAt: string | null }> };

export type RotateSigningKeyMutationVariables = Exact<{ [key: string]: never; }>;


export type RotateSigningKeyMutation = { rotateCertificateSigningKey: { kid: string } };

export type StaffSecondFactorRequirementOfTenantQueryVariables = Exact<{ [key: string]: never; }>;


export type StaffSecondFactorRequirementOfTenantQuery = { staffSecondFactorRequirement: { required: boolean, staffWithoutSecondFactor: number } };

export type SetStaffSecondFactorRequirementMutationVariables = Exact<{
  required: boolean;
}>;


export type SetStaffSecondFactorRequirementMutation = { setStaffSecondFactorRequirement: { required: boolean, staffWithoutSecondFactor: number } };

export type AuditEntryFieldsFragment = { id: string | null, sequence: number | null, occurredAt: string | null, action: string | null, actorKind: string | null, actorId: string | null, subjectType: string | null, subjectId: string | null, details: Array<{ key: string, value: string | null }> | null };

export type ChainStatusFieldsFragment = { valid: boolean, entries: number, firstBrokenSequence: number | null, reason: ChainBreakReason | null, checkpointSequence: number | null };

export type LogCheckpointFieldsFragment = { id: string | null, chain: LoggedChain | null, sequence: number | null, checkpointedAt: string | null, keyId: string | null, document: string | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ApplicationFieldsFragmentDoc = new TypedDocumentString(`
    fragment ApplicationFields on CertificateApplication {
  id
  state
  language
  exporterName
  exporterAddress
  exporterCountry
  consigneeName
  consigneeAddress
  consigneeCountry
  countryOfOrigin
  transportDetails
  goods {
    description
    hsCode
    quantity
    unit
    grossWeightKg
    netWeightKg
    marksAndNumbers
    packages
  }
  invoiceReferences
  remarks
  declarationAccepted
  supportingDocuments {
    id
    fileName
    mediaType
    sizeBytes
    createdAt
  }
  claimedBy
  reviewComment
  companyReply
  companyRepliedAt
  rejectionReason
  replacesCertificateId
  startedFromApplicationId
  certificateId
  createdAt
  updatedAt
  submittedAt
  destroyedAt
}
    `, {"fragmentName":"ApplicationFields"}) as unknown as TypedDocumentString<ApplicationFieldsFragment, unknown>;
export const CertificateFieldsFragmentDoc = new TypedDocumentString(`
    fragment CertificateFields on CertificateOfOrigin {
  id
  applicationId
  number
  status
  language
  countryOfOrigin
  issuedAt
  revokedAt
  revocationReason
  supersededByNumber
  verificationCode
  pdfReady
  destroyedAt
  copies {
    id
    copyNumber
    createdAt
    pdfReady
  }
}
    `, {"fragmentName":"CertificateFields"}) as unknown as TypedDocumentString<CertificateFieldsFragment, unknown>;
export const DatasheetVersionFieldsFragmentDoc = new TypedDocumentString(`
    fragment DatasheetVersionFields on DatasheetVersion {
  id
  datasheetId
  number
  state
  characteristics
  texts {
    language
    title
    description
  }
  attachments {
    id
    title
    language
    fileName
    mediaType
    sizeBytes
    sha256
  }
  completedBy
  reviewComment
  createdAt
  updatedAt
  submittedAt
  approvedAt
  publishedAt
  supersededAt
  unpublishedAt
}
    `, {"fragmentName":"DatasheetVersionFields"}) as unknown as TypedDocumentString<DatasheetVersionFieldsFragment, unknown>;
export const AuditEntryFieldsFragmentDoc = new TypedDocumentString(`
    fragment AuditEntryFields on AuditEntry {
  id
  sequence
  occurredAt
  action
  actorKind
  actorId
  subjectType
  subjectId
  details {
    key
    value
  }
}
    `, {"fragmentName":"AuditEntryFields"}) as unknown as TypedDocumentString<AuditEntryFieldsFragment, unknown>;
export const ChainStatusFieldsFragmentDoc = new TypedDocumentString(`
    fragment ChainStatusFields on AuditChainStatus {
  valid
  entries
  firstBrokenSequence
  reason
  checkpointSequence
}
    `, {"fragmentName":"ChainStatusFields"}) as unknown as TypedDocumentString<ChainStatusFieldsFragment, unknown>;
export const LogCheckpointFieldsFragmentDoc = new TypedDocumentString(`
    fragment LogCheckpointFields on LogCheckpoint {
  id
  chain
  sequence
  checkpointedAt
  keyId
  document
}
    `, {"fragmentName":"LogCheckpointFields"}) as unknown as TypedDocumentString<LogCheckpointFieldsFragment, unknown>;
export const UpdateMyLanguageDocument = new TypedDocumentString(`
    mutation UpdateMyLanguage($input: UpdateUserProfileInput!) {
  updateUserProfile(input: $input) {
    id
    preferredLanguage
  }
}
    `) as unknown as TypedDocumentString<UpdateMyLanguageMutation, UpdateMyLanguageMutationVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    id
    email
    firstName
    lastName
    preferredLanguage
    roles
    status
    totpEnrolledAt
    organisationId
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const SessionTenantDocument = new TypedDocumentString(`
    query SessionTenant($slug: String!) {
  tenant(slug: $slug) {
    slug
    name
    kinds
  }
}
    `) as unknown as TypedDocumentString<SessionTenantQuery, SessionTenantQueryVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout {
  logout
}
    `) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const RequestPasswordResetDocument = new TypedDocumentString(`
    mutation RequestPasswordReset($email: String!, $tenant: String) {
  requestPasswordReset(email: $email, tenant: $tenant)
}
    `) as unknown as TypedDocumentString<RequestPasswordResetMutation, RequestPasswordResetMutationVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($input: LoginInput!) {
  login(input: $input) {
    accessToken
    accessTokenExpiresAt
    totpEnrolmentRequired
  }
}
    `) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const MyPersonalDataAccessesDocument = new TypedDocumentString(`
    query MyPersonalDataAccesses($first: Int!, $before: ID) {
  myPersonalDataAccesses(first: $first, before: $before) {
    id
    occurredAt
    accessorKind
    accessorId
    accessorRoles
    subjectType
    subjectId
    categories
    fields
    operation
  }
}
    `) as unknown as TypedDocumentString<MyPersonalDataAccessesQuery, MyPersonalDataAccessesQueryVariables>;
export const MyPersonalDataExportDocument = new TypedDocumentString(`
    query MyPersonalDataExport($portability: Boolean!) {
  myPersonalDataExport(portability: $portability)
}
    `) as unknown as TypedDocumentString<MyPersonalDataExportQuery, MyPersonalDataExportQueryVariables>;
export const MyDataSubjectRequestsDocument = new TypedDocumentString(`
    query MyDataSubjectRequests {
  myDataSubjectRequests {
    id
    type
    status
    receivedAt
    dueOn
    completedAt
    outcome
    answerKind
  }
}
    `) as unknown as TypedDocumentString<MyDataSubjectRequestsQuery, MyDataSubjectRequestsQueryVariables>;
export const RequestMyDataSubjectRightDocument = new TypedDocumentString(`
    mutation RequestMyDataSubjectRight($input: MyDataSubjectRequestInput!) {
  requestMyDataSubjectRight(input: $input) {
    id
    dueOn
  }
}
    `) as unknown as TypedDocumentString<RequestMyDataSubjectRightMutation, RequestMyDataSubjectRightMutationVariables>;
export const ChangeMyPasswordDocument = new TypedDocumentString(`
    mutation ChangeMyPassword($currentPassword: String!, $newPassword: String!) {
  changeMyPassword(
    currentPassword: $currentPassword
    newPassword: $newPassword
    refreshTokenIn: COOKIE
  ) {
    accessToken
    accessTokenExpiresAt
    totpEnrolmentRequired
  }
}
    `) as unknown as TypedDocumentString<ChangeMyPasswordMutation, ChangeMyPasswordMutationVariables>;
export const ProcessingStatisticsDocument = new TypedDocumentString(`
    query ProcessingStatistics($userId: ID) {
  certificateProcessingStatistics(userId: $userId) {
    userId
    month
    reviewed
    signed
  }
}
    `) as unknown as TypedDocumentString<ProcessingStatisticsQuery, ProcessingStatisticsQueryVariables>;
export const ProcessingStatisticsStaffMemberDocument = new TypedDocumentString(`
    query ProcessingStatisticsStaffMember {
  managedUsers {
    id
    email
    firstName
    lastName
  }
}
    `) as unknown as TypedDocumentString<ProcessingStatisticsStaffMemberQuery, ProcessingStatisticsStaffMemberQueryVariables>;
export const MyProfileDocument = new TypedDocumentString(`
    query MyProfile {
  me {
    id
    email
    firstName
    lastName
    phone
    jobTitle
    preferredLanguage
    roles
    status
    lastLoginAt
    totpEnrolledAt
  }
}
    `) as unknown as TypedDocumentString<MyProfileQuery, MyProfileQueryVariables>;
export const UpdateMyProfileDocument = new TypedDocumentString(`
    mutation UpdateMyProfile($input: UpdateUserProfileInput!) {
  updateUserProfile(input: $input) {
    id
    firstName
    lastName
    phone
    jobTitle
    preferredLanguage
  }
}
    `) as unknown as TypedDocumentString<UpdateMyProfileMutation, UpdateMyProfileMutationVariables>;
export const MyRecoveryCodesDocument = new TypedDocumentString(`
    query MyRecoveryCodes {
  myRecoveryCodes {
    remaining
    generatedAt
  }
}
    `) as unknown as TypedDocumentString<MyRecoveryCodesQuery, MyRecoveryCodesQueryVariables>;
export const RegenerateRecoveryCodesDocument = new TypedDocumentString(`
    mutation RegenerateRecoveryCodes($totpCode: String!) {
  regenerateRecoveryCodes(totpCode: $totpCode) {
    codes
    generatedAt
  }
}
    `) as unknown as TypedDocumentString<RegenerateRecoveryCodesMutation, RegenerateRecoveryCodesMutationVariables>;
export const ResetPasswordDocument = new TypedDocumentString(`
    mutation ResetPassword($token: String!, $newPassword: String!) {
  resetPassword(token: $token, newPassword: $newPassword)
}
    `) as unknown as TypedDocumentString<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const BeginTotpEnrolmentDocument = new TypedDocumentString(`
    mutation BeginTotpEnrolment {
  beginTotpEnrolment
}
    `) as unknown as TypedDocumentString<BeginTotpEnrolmentMutation, BeginTotpEnrolmentMutationVariables>;
export const ConfirmTotpEnrolmentWithRecoveryCodesDocument = new TypedDocumentString(`
    mutation ConfirmTotpEnrolmentWithRecoveryCodes($code: String!) {
  confirmTotpEnrolmentWithRecoveryCodes(code: $code) {
    codes
    generatedAt
  }
}
    `) as unknown as TypedDocumentString<ConfirmTotpEnrolmentWithRecoveryCodesMutation, ConfirmTotpEnrolmentWithRecoveryCodesMutationVariables>;
export const MySessionsDocument = new TypedDocumentString(`
    query MySessions {
  mySessions {
    id
    createdAt
    lastRefreshedAt
    absoluteExpiresAt
    revokedAt
    revokedReason
    ipAddress
    userAgent
  }
}
    `) as unknown as TypedDocumentString<MySessionsQuery, MySessionsQueryVariables>;
export const EndMySessionDocument = new TypedDocumentString(`
    mutation EndMySession($sessionId: ID!) {
  endMySession(sessionId: $sessionId) {
    id
    revokedAt
  }
}
    `) as unknown as TypedDocumentString<EndMySessionMutation, EndMySessionMutationVariables>;
export const LogoutEverywhereDocument = new TypedDocumentString(`
    mutation LogoutEverywhere {
  logoutEverywhere
}
    `) as unknown as TypedDocumentString<LogoutEverywhereMutation, LogoutEverywhereMutationVariables>;
export const MySignatureDocument = new TypedDocumentString(`
    query MySignature {
  me {
    id
    signatureImage
  }
}
    `) as unknown as TypedDocumentString<MySignatureQuery, MySignatureQueryVariables>;
export const SetMySignatureImageDocument = new TypedDocumentString(`
    mutation SetMySignatureImage($image: String!) {
  setMySignatureImage(image: $image) {
    id
  }
}
    `) as unknown as TypedDocumentString<SetMySignatureImageMutation, SetMySignatureImageMutationVariables>;
export const StepUpDocument = new TypedDocumentString(`
    mutation StepUp($code: String, $password: String) {
  stepUp(code: $code, password: $password)
}
    `) as unknown as TypedDocumentString<StepUpMutation, StepUpMutationVariables>;
export const VerifyCertificateDocument = new TypedDocumentString(`
    query VerifyCertificate($number: String!, $code: String!) {
  verifyCertificate(number: $number, code: $code) {
    authentic
    number
    status
    revocationReason
    supersededByNumber
    issuingChamber
    issuedAt
    countryOfOrigin
    goodsHash
    keyId
    recordDestroyedAt
    goods {
      description
      hsCode
      quantity
      unit
      grossWeightKg
      netWeightKg
      packages
      marksAndNumbers
    }
  }
}
    `) as unknown as TypedDocumentString<VerifyCertificateQuery, VerifyCertificateQueryVariables>;
export const CertificateApplicationsDocument = new TypedDocumentString(`
    query CertificateApplications($state: String, $first: Int!, $after: ID, $organisationId: ID) {
  certificateApplications(
    state: $state
    first: $first
    after: $after
    organisationId: $organisationId
  ) {
    id
    state
    exporterName
    consigneeName
    consigneeCountry
    countryOfOrigin
    createdAt
    submittedAt
    updatedAt
    claimedBy
    certificateId
    destroyedAt
    goods {
      hsCode
    }
  }
}
    `) as unknown as TypedDocumentString<CertificateApplicationsQuery, CertificateApplicationsQueryVariables>;
export const CertificateByNumberDocument = new TypedDocumentString(`
    query CertificateByNumber($number: String!) {
  certificatesOfOrigin(number: $number, first: 1) {
    id
    applicationId
    number
  }
}
    `) as unknown as TypedDocumentString<CertificateByNumberQuery, CertificateByNumberQueryVariables>;
export const CertificateApplicationDocument = new TypedDocumentString(`
    query CertificateApplication($applicationId: ID!) {
  certificateApplication(applicationId: $applicationId) {
    ...ApplicationFields
  }
}
    fragment ApplicationFields on CertificateApplication {
  id
  state
  language
  exporterName
  exporterAddress
  exporterCountry
  consigneeName
  consigneeAddress
  consigneeCountry
  countryOfOrigin
  transportDetails
  goods {
    description
    hsCode
    quantity
    unit
    grossWeightKg
    netWeightKg
    marksAndNumbers
    packages
  }
  invoiceReferences
  remarks
  declarationAccepted
  supportingDocuments {
    id
    fileName
    mediaType
    sizeBytes
    createdAt
  }
  claimedBy
  reviewComment
  companyReply
  companyRepliedAt
  rejectionReason
  replacesCertificateId
  startedFromApplicationId
  certificateId
  createdAt
  updatedAt
  submittedAt
  destroyedAt
}`) as unknown as TypedDocumentString<CertificateApplicationQuery, CertificateApplicationQueryVariables>;
export const CertificateOfOriginDocument = new TypedDocumentString(`
    query CertificateOfOrigin($certificateId: ID!) {
  certificateOfOrigin(certificateId: $certificateId) {
    ...CertificateFields
  }
}
    fragment CertificateFields on CertificateOfOrigin {
  id
  applicationId
  number
  status
  language
  countryOfOrigin
  issuedAt
  revokedAt
  revocationReason
  supersededByNumber
  verificationCode
  pdfReady
  destroyedAt
  copies {
    id
    copyNumber
    createdAt
    pdfReady
  }
}`) as unknown as TypedDocumentString<CertificateOfOriginQuery, CertificateOfOriginQueryVariables>;
export const SavedConsigneesDocument = new TypedDocumentString(`
    query SavedConsignees {
  savedConsignees {
    id
    name
    address
    country
  }
}
    `) as unknown as TypedDocumentString<SavedConsigneesQuery, SavedConsigneesQueryVariables>;
export const SaveConsigneeDocument = new TypedDocumentString(`
    mutation SaveConsignee($input: ConsigneeInput!) {
  saveConsignee(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<SaveConsigneeMutation, SaveConsigneeMutationVariables>;
export const RemoveSavedConsigneeDocument = new TypedDocumentString(`
    mutation RemoveSavedConsignee($consigneeId: ID!) {
  removeSavedConsignee(consigneeId: $consigneeId)
}
    `) as unknown as TypedDocumentString<RemoveSavedConsigneeMutation, RemoveSavedConsigneeMutationVariables>;
export const RemoveSupportingDocumentDocument = new TypedDocumentString(`
    mutation RemoveSupportingDocument($applicationId: ID!, $documentId: ID!) {
  removeSupportingDocument(applicationId: $applicationId, documentId: $documentId) {
    id
  }
}
    `) as unknown as TypedDocumentString<RemoveSupportingDocumentMutation, RemoveSupportingDocumentMutationVariables>;
export const DeleteCertificateApplicationDraftDocument = new TypedDocumentString(`
    mutation DeleteCertificateApplicationDraft($applicationId: ID!) {
  deleteCertificateApplicationDraft(applicationId: $applicationId)
}
    `) as unknown as TypedDocumentString<DeleteCertificateApplicationDraftMutation, DeleteCertificateApplicationDraftMutationVariables>;
export const WithdrawCertificateApplicationDocument = new TypedDocumentString(`
    mutation WithdrawCertificateApplication($applicationId: ID!) {
  withdrawCertificateApplication(applicationId: $applicationId) {
    id
    state
  }
}
    `) as unknown as TypedDocumentString<WithdrawCertificateApplicationMutation, WithdrawCertificateApplicationMutationVariables>;
export const CreateCertificateApplicationDocument = new TypedDocumentString(`
    mutation CreateCertificateApplication($input: CreateCertificateApplicationInput!) {
  createCertificateApplication(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateCertificateApplicationMutation, CreateCertificateApplicationMutationVariables>;
export const UpdateCertificateApplicationDocument = new TypedDocumentString(`
    mutation UpdateCertificateApplication($input: UpdateCertificateApplicationInput!) {
  updateCertificateApplication(input: $input) {
    ...ApplicationFields
  }
}
    fragment ApplicationFields on CertificateApplication {
  id
  state
  language
  exporterName
  exporterAddress
  exporterCountry
  consigneeName
  consigneeAddress
  consigneeCountry
  countryOfOrigin
  transportDetails
  goods {
    description
    hsCode
    quantity
    unit
    grossWeightKg
    netWeightKg
    marksAndNumbers
    packages
  }
  invoiceReferences
  remarks
  declarationAccepted
  supportingDocuments {
    id
    fileName
    mediaType
    sizeBytes
    createdAt
  }
  claimedBy
  reviewComment
  companyReply
  companyRepliedAt
  rejectionReason
  replacesCertificateId
  startedFromApplicationId
  certificateId
  createdAt
  updatedAt
  submittedAt
  destroyedAt
}`) as unknown as TypedDocumentString<UpdateCertificateApplicationMutation, UpdateCertificateApplicationMutationVariables>;
export const SubmitCertificateApplicationDocument = new TypedDocumentString(`
    mutation SubmitCertificateApplication($applicationId: ID!, $reply: String) {
  submitCertificateApplication(applicationId: $applicationId, reply: $reply) {
    id
    state
  }
}
    `) as unknown as TypedDocumentString<SubmitCertificateApplicationMutation, SubmitCertificateApplicationMutationVariables>;
export const ReplaceCertificateDocument = new TypedDocumentString(`
    mutation ReplaceCertificate($certificateId: ID!) {
  replaceCertificate(certificateId: $certificateId) {
    id
  }
}
    `) as unknown as TypedDocumentString<ReplaceCertificateMutation, ReplaceCertificateMutationVariables>;
export const RequestCertificateCopyDocument = new TypedDocumentString(`
    mutation RequestCertificateCopy($certificateId: ID!) {
  requestCertificateCopy(certificateId: $certificateId) {
    id
    copyNumber
  }
}
    `) as unknown as TypedDocumentString<RequestCertificateCopyMutation, RequestCertificateCopyMutationVariables>;
export const ClaimCertificateApplicationDocument = new TypedDocumentString(`
    mutation ClaimCertificateApplication($applicationId: ID!) {
  claimCertificateApplication(applicationId: $applicationId) {
    id
    state
  }
}
    `) as unknown as TypedDocumentString<ClaimCertificateApplicationMutation, ClaimCertificateApplicationMutationVariables>;
export const ReleaseCertificateApplicationDocument = new TypedDocumentString(`
    mutation ReleaseCertificateApplication($applicationId: ID!) {
  releaseCertificateApplication(applicationId: $applicationId) {
    id
    state
  }
}
    `) as unknown as TypedDocumentString<ReleaseCertificateApplicationMutation, ReleaseCertificateApplicationMutationVariables>;
export const RequestCertificateApplicationChangesDocument = new TypedDocumentString(`
    mutation RequestCertificateApplicationChanges($applicationId: ID!, $comment: String!) {
  requestCertificateApplicationChanges(
    applicationId: $applicationId
    comment: $comment
  ) {
    id
    state
  }
}
    `) as unknown as TypedDocumentString<RequestCertificateApplicationChangesMutation, RequestCertificateApplicationChangesMutationVariables>;
export const RejectCertificateApplicationDocument = new TypedDocumentString(`
    mutation RejectCertificateApplication($applicationId: ID!, $reason: String!) {
  rejectCertificateApplication(applicationId: $applicationId, reason: $reason) {
    id
    state
  }
}
    `) as unknown as TypedDocumentString<RejectCertificateApplicationMutation, RejectCertificateApplicationMutationVariables>;
export const ApproveCertificateApplicationDocument = new TypedDocumentString(`
    mutation ApproveCertificateApplication($applicationId: ID!) {
  approveCertificateApplication(applicationId: $applicationId) {
    id
    state
  }
}
    `) as unknown as TypedDocumentString<ApproveCertificateApplicationMutation, ApproveCertificateApplicationMutationVariables>;
export const SignCertificateDocument = new TypedDocumentString(`
    mutation SignCertificate($applicationId: ID!, $idempotencyKey: String!) {
  signCertificate(applicationId: $applicationId, idempotencyKey: $idempotencyKey) {
    id
    number
  }
}
    `) as unknown as TypedDocumentString<SignCertificateMutation, SignCertificateMutationVariables>;
export const RevokeCertificateDocument = new TypedDocumentString(`
    mutation RevokeCertificate($certificateId: ID!, $reason: String!) {
  revokeCertificate(certificateId: $certificateId, reason: $reason) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RevokeCertificateMutation, RevokeCertificateMutationVariables>;
export const RemoveDatasheetAttachmentDocument = new TypedDocumentString(`
    mutation RemoveDatasheetAttachment($attachmentId: ID!) {
  removeDatasheetAttachment(attachmentId: $attachmentId) {
    id
  }
}
    `) as unknown as TypedDocumentString<RemoveDatasheetAttachmentMutation, RemoveDatasheetAttachmentMutationVariables>;
export const CreateCertifiedProductDocument = new TypedDocumentString(`
    mutation CreateCertifiedProduct($input: CreateCertifiedProductInput!) {
  createCertifiedProduct(input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<CreateCertifiedProductMutation, CreateCertifiedProductMutationVariables>;
export const ChangeCertifiedProductStatusDocument = new TypedDocumentString(`
    mutation ChangeCertifiedProductStatus($id: ID!, $status: CertifiedProductStatus!) {
  changeCertifiedProductStatus(id: $id, status: $status) {
    id
    status
    statusChangedAt
  }
}
    `) as unknown as TypedDocumentString<ChangeCertifiedProductStatusMutation, ChangeCertifiedProductStatusMutationVariables>;
export const SetProductFamilySchemaDocument = new TypedDocumentString(`
    mutation SetProductFamilySchema($input: SetProductFamilySchemaInput!) {
  setProductFamilySchema(input: $input) {
    id
    family
    version
  }
}
    `) as unknown as TypedDocumentString<SetProductFamilySchemaMutation, SetProductFamilySchemaMutationVariables>;
export const ObjectToContactDisclosureDocument = new TypedDocumentString(`
    mutation ObjectToContactDisclosure {
  objectToContactDisclosure {
    withdrawnRoles
    datasheetsAffected
    replacementDeadline
  }
}
    `) as unknown as TypedDocumentString<ObjectToContactDisclosureMutation, ObjectToContactDisclosureMutationVariables>;
export const CreateDatasheetDocument = new TypedDocumentString(`
    mutation CreateDatasheet($input: CreateDatasheetInput!) {
  createDatasheet(input: $input) {
    id
    datasheetId
    state
  }
}
    `) as unknown as TypedDocumentString<CreateDatasheetMutation, CreateDatasheetMutationVariables>;
export const UpdateDatasheetDraftDocument = new TypedDocumentString(`
    mutation UpdateDatasheetDraft($input: UpdateDatasheetDraftInput!) {
  updateDatasheetDraft(input: $input) {
    id
    state
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<UpdateDatasheetDraftMutation, UpdateDatasheetDraftMutationVariables>;
export const SubmitDatasheetVersionDocument = new TypedDocumentString(`
    mutation SubmitDatasheetVersion($versionId: ID!) {
  submitDatasheetVersion(versionId: $versionId) {
    id
    state
    submittedAt
  }
}
    `) as unknown as TypedDocumentString<SubmitDatasheetVersionMutation, SubmitDatasheetVersionMutationVariables>;
export const StartDatasheetVersionDocument = new TypedDocumentString(`
    mutation StartDatasheetVersion($datasheetId: ID!) {
  startDatasheetVersion(datasheetId: $datasheetId) {
    id
    state
  }
}
    `) as unknown as TypedDocumentString<StartDatasheetVersionMutation, StartDatasheetVersionMutationVariables>;
export const ContactCandidatesDocument = new TypedDocumentString(`
    query ContactCandidates {
  datasheetContactCandidates {
    id
    firstName
    lastName
    email
  }
}
    `) as unknown as TypedDocumentString<ContactCandidatesQuery, ContactCandidatesQueryVariables>;
export const NameDatasheetContactDocument = new TypedDocumentString(`
    mutation NameDatasheetContact($datasheetId: ID!, $userId: ID!) {
  nameDatasheetContact(datasheetId: $datasheetId, userId: $userId) {
    id
    contactUserId
    contactReplacementRequired
  }
}
    `) as unknown as TypedDocumentString<NameDatasheetContactMutation, NameDatasheetContactMutationVariables>;
export const ApproveDatasheetVersionDocument = new TypedDocumentString(`
    mutation ApproveDatasheetVersion($versionId: ID!) {
  approveDatasheetVersion(versionId: $versionId) {
    id
    state
  }
}
    `) as unknown as TypedDocumentString<ApproveDatasheetVersionMutation, ApproveDatasheetVersionMutationVariables>;
export const RequestDatasheetChangesDocument = new TypedDocumentString(`
    mutation RequestDatasheetChanges($versionId: ID!, $comment: String!) {
  requestDatasheetChanges(versionId: $versionId, comment: $comment) {
    id
    state
  }
}
    `) as unknown as TypedDocumentString<RequestDatasheetChangesMutation, RequestDatasheetChangesMutationVariables>;
export const PublishDatasheetVersionDocument = new TypedDocumentString(`
    mutation PublishDatasheetVersion($versionId: ID!) {
  publishDatasheetVersion(versionId: $versionId) {
    id
    state
    publishedAt
  }
}
    `) as unknown as TypedDocumentString<PublishDatasheetVersionMutation, PublishDatasheetVersionMutationVariables>;
export const UnpublishDatasheetDocument = new TypedDocumentString(`
    mutation UnpublishDatasheet($datasheetId: ID!) {
  unpublishDatasheet(datasheetId: $datasheetId) {
    id
  }
}
    `) as unknown as TypedDocumentString<UnpublishDatasheetMutation, UnpublishDatasheetMutationVariables>;
export const ContactDisclosureNoticeDocument = new TypedDocumentString(`
    query ContactDisclosureNotice($language: String!) {
  contactDisclosureNotice(language: $language) {
    version
    language
    text
  }
}
    `) as unknown as TypedDocumentString<ContactDisclosureNoticeQuery, ContactDisclosureNoticeQueryVariables>;
export const AcknowledgeContactDisclosureNoticeDocument = new TypedDocumentString(`
    mutation AcknowledgeContactDisclosureNotice($version: String!) {
  acknowledgeContactDisclosureNotice(version: $version) {
    acknowledgedAt
    noticeVersion
  }
}
    `) as unknown as TypedDocumentString<AcknowledgeContactDisclosureNoticeMutation, AcknowledgeContactDisclosureNoticeMutationVariables>;
export const PublishedDatasheetDocument = new TypedDocumentString(`
    query PublishedDatasheet($code: String, $id: ID) {
  publishedDatasheet(code: $code, id: $id) {
    id
    tenantId
    publicCode
    versionNumber
    publishedAt
    productName
    productFamily
    productionUnit
    scheme
    certificateReference
    holderName
    characteristics
    texts {
      language
      title
      description
    }
    contactKind
    contactName
    contactPosition
    contactEmail
    contactPhone
    contactReplacementRequired
    attachments {
      id
      title
      language
      fileName
      mediaType
      sizeBytes
    }
  }
}
    `) as unknown as TypedDocumentString<PublishedDatasheetQuery, PublishedDatasheetQueryVariables>;
export const PublishedDatasheetHistoryDocument = new TypedDocumentString(`
    query PublishedDatasheetHistory($code: String!) {
  publishedDatasheetHistory(code: $code) {
    versionId
    versionNumber
    publishedAt
    supersededAt
    withdrawnAt
    characteristics
  }
}
    `) as unknown as TypedDocumentString<PublishedDatasheetHistoryQuery, PublishedDatasheetHistoryQueryVariables>;
export const PublishedFamilySchemaDocument = new TypedDocumentString(`
    query PublishedFamilySchema($tenant: String!, $family: String!) {
  publishedProductFamilySchema(tenant: $tenant, family: $family) {
    jsonSchema
  }
}
    `) as unknown as TypedDocumentString<PublishedFamilySchemaQuery, PublishedFamilySchemaQueryVariables>;
export const WithdrawnDatasheetDocument = new TypedDocumentString(`
    query WithdrawnDatasheet($code: String, $id: ID) {
  withdrawnDatasheet(code: $code, id: $id) {
    id
    tenantId
    publicCode
    versionNumber
    productName
    productFamily
    certificateReference
    scheme
    holderName
    publishedAt
    withdrawnAt
    reason
  }
}
    `) as unknown as TypedDocumentString<WithdrawnDatasheetQuery, WithdrawnDatasheetQueryVariables>;
export const SearchPublishedDatasheetsDocument = new TypedDocumentString(`
    query SearchPublishedDatasheets($tenant: String, $productFamily: String, $productName: String, $holderName: String, $certificateReference: String, $first: Int, $after: String) {
  searchPublishedDatasheets(
    tenant: $tenant
    productFamily: $productFamily
    productName: $productName
    holderName: $holderName
    certificateReference: $certificateReference
    first: $first
    after: $after
  ) {
    items {
      id
      tenantId
      publicCode
      productName
      productFamily
      holderName
      scheme
      certificateReference
      publishedAt
      versionNumber
    }
    nextCursor
  }
}
    `) as unknown as TypedDocumentString<SearchPublishedDatasheetsQuery, SearchPublishedDatasheetsQueryVariables>;
export const PublishedFamilySchemasDocument = new TypedDocumentString(`
    query PublishedFamilySchemas {
  publishedProductFamilySchemas {
    tenantId
    family
    jsonSchema
  }
}
    `) as unknown as TypedDocumentString<PublishedFamilySchemasQuery, PublishedFamilySchemasQueryVariables>;
export const WithdrawnDatasheetsDocument = new TypedDocumentString(`
    query WithdrawnDatasheets($tenant: String, $first: Int, $after: String) {
  withdrawnDatasheets(tenant: $tenant, first: $first, after: $after) {
    items {
      id
      tenantId
      publicCode
      productName
      holderName
      scheme
      certificateReference
      withdrawnAt
      reason
    }
    nextCursor
  }
}
    `) as unknown as TypedDocumentString<WithdrawnDatasheetsQuery, WithdrawnDatasheetsQueryVariables>;
export const CertifiedProductsDocument = new TypedDocumentString(`
    query CertifiedProducts($first: Int, $after: ID, $search: String, $ids: [ID!]) {
  certifiedProducts(first: $first, after: $after, search: $search, ids: $ids) {
    id
    organisationId
    name
    productFamily
    certificateReference
    scheme
    productionUnit
    status
    statusChangedAt
    createdAt
  }
}
    `) as unknown as TypedDocumentString<CertifiedProductsQuery, CertifiedProductsQueryVariables>;
export const CompaniesDocument = new TypedDocumentString(`
    query Companies($ids: [ID!], $nameContains: String, $first: Int) {
  organisations(ids: $ids, nameContains: $nameContains, first: $first) {
    id
    name
    city
  }
}
    `) as unknown as TypedDocumentString<CompaniesQuery, CompaniesQueryVariables>;
export const DatasheetsDocument = new TypedDocumentString(`
    query Datasheets($first: Int, $after: ID, $state: DatasheetState, $certifiedProductIds: [ID!], $contactReplacementRequired: Boolean) {
  datasheets(
    first: $first
    after: $after
    state: $state
    certifiedProductIds: $certifiedProductIds
    contactReplacementRequired: $contactReplacementRequired
  ) {
    id
    certifiedProductId
    organisationId
    publicCode
    contactUserId
    contactReplacementRequired
    contactReplacementDeadline
    contactSuspended
    createdAt
  }
}
    `) as unknown as TypedDocumentString<DatasheetsQuery, DatasheetsQueryVariables>;
export const ProductFamilySchemasDocument = new TypedDocumentString(`
    query ProductFamilySchemas {
  productFamilySchemas {
    id
    family
    version
    jsonSchema
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<ProductFamilySchemasQuery, ProductFamilySchemasQueryVariables>;
export const DatasheetVersionsDocument = new TypedDocumentString(`
    query DatasheetVersions($datasheetId: ID!) {
  datasheetVersions(datasheetId: $datasheetId) {
    ...DatasheetVersionFields
  }
}
    fragment DatasheetVersionFields on DatasheetVersion {
  id
  datasheetId
  number
  state
  characteristics
  texts {
    language
    title
    description
  }
  attachments {
    id
    title
    language
    fileName
    mediaType
    sizeBytes
    sha256
  }
  completedBy
  reviewComment
  createdAt
  updatedAt
  submittedAt
  approvedAt
  publishedAt
  supersededAt
  unpublishedAt
}`) as unknown as TypedDocumentString<DatasheetVersionsQuery, DatasheetVersionsQueryVariables>;
export const DatasheetVersionsOfDocument = new TypedDocumentString(`
    query DatasheetVersionsOf($datasheetIds: [ID!]!) {
  datasheetVersionsOf(datasheetIds: $datasheetIds) {
    ...DatasheetVersionFields
  }
}
    fragment DatasheetVersionFields on DatasheetVersion {
  id
  datasheetId
  number
  state
  characteristics
  texts {
    language
    title
    description
  }
  attachments {
    id
    title
    language
    fileName
    mediaType
    sizeBytes
    sha256
  }
  completedBy
  reviewComment
  createdAt
  updatedAt
  submittedAt
  approvedAt
  publishedAt
  supersededAt
  unpublishedAt
}`) as unknown as TypedDocumentString<DatasheetVersionsOfQuery, DatasheetVersionsOfQueryVariables>;
export const TenantDirectoryDocument = new TypedDocumentString(`
    query TenantDirectory {
  tenants {
    id
    slug
    name
    kinds
    legalEntityNumber
    street
    postalCode
    city
    country
    phone
    email
    website
    languages
    privacyContactEmail
  }
}
    `) as unknown as TypedDocumentString<TenantDirectoryQuery, TenantDirectoryQueryVariables>;
export const TenantDepartureListDocument = new TypedDocumentString(`
    query TenantDepartureList {
  tenantOffboardings {
    id
    tenantId
    status
    requestedAt
    confirmedAt
    destroyNotBefore
    exportedAt
    exportedRecords
    withdrawnAt
    withdrawnByParty
    withdrawalReason
  }
}
    `) as unknown as TypedDocumentString<TenantDepartureListQuery, TenantDepartureListQueryVariables>;
export const WithdrawTenantDepartureDocument = new TypedDocumentString(`
    mutation WithdrawTenantDeparture($offboardingId: ID!, $reason: String!) {
  withdrawTenantOffboarding(offboardingId: $offboardingId, reason: $reason) {
    id
    tenantId
    status
    withdrawnAt
  }
}
    `) as unknown as TypedDocumentString<WithdrawTenantDepartureMutation, WithdrawTenantDepartureMutationVariables>;
export const FileTenantDepartureDocument = new TypedDocumentString(`
    mutation FileTenantDeparture($tenantId: ID!) {
  requestTenantOffboarding(tenantId: $tenantId) {
    id
    tenantId
    status
  }
}
    `) as unknown as TypedDocumentString<FileTenantDepartureMutation, FileTenantDepartureMutationVariables>;
export const DestroyDepartedTenantDocument = new TypedDocumentString(`
    mutation DestroyDepartedTenant($offboardingId: ID!) {
  destroyTenant(offboardingId: $offboardingId) {
    id
    tenantName
    totalRowsDeleted
  }
}
    `) as unknown as TypedDocumentString<DestroyDepartedTenantMutation, DestroyDepartedTenantMutationVariables>;
export const DestructionCertificatesDocument = new TypedDocumentString(`
    query DestructionCertificates {
  tenantDestructionCertificates {
    id
    departedTenantId
    tenantSlug
    tenantName
    requestedAt
    confirmedAt
    exportedAt
    exportedRecords
    destroyedAt
    exportHash
    certificateHash
    rowsDeleted {
      table
      rows
    }
    totalRowsDeleted
    signingKeyId
    signature
    signedContent
    intact
  }
}
    `) as unknown as TypedDocumentString<DestructionCertificatesQuery, DestructionCertificatesQueryVariables>;
export const OwnTenantOffboardingDocument = new TypedDocumentString(`
    query OwnTenantOffboarding {
  tenantOffboardings {
    id
    status
    requestedAt
    confirmedAt
    destroyNotBefore
    exportedAt
    exportedRecords
    exportHash
    withdrawnAt
    withdrawnByParty
    withdrawalReason
  }
}
    `) as unknown as TypedDocumentString<OwnTenantOffboardingQuery, OwnTenantOffboardingQueryVariables>;
export const DeclineOwnTenantOffboardingDocument = new TypedDocumentString(`
    mutation DeclineOwnTenantOffboarding($offboardingId: ID!, $reason: String!) {
  declineTenantOffboarding(offboardingId: $offboardingId, reason: $reason) {
    id
    status
    withdrawnAt
  }
}
    `) as unknown as TypedDocumentString<DeclineOwnTenantOffboardingMutation, DeclineOwnTenantOffboardingMutationVariables>;
export const ConfirmOwnTenantOffboardingDocument = new TypedDocumentString(`
    mutation ConfirmOwnTenantOffboarding($offboardingId: ID!) {
  confirmTenantOffboarding(offboardingId: $offboardingId) {
    id
    status
    confirmedAt
    destroyNotBefore
  }
}
    `) as unknown as TypedDocumentString<ConfirmOwnTenantOffboardingMutation, ConfirmOwnTenantOffboardingMutationVariables>;
export const ExportOwnTenantArchiveDocument = new TypedDocumentString(`
    mutation ExportOwnTenantArchive($offboardingId: ID!) {
  exportTenantArchive(offboardingId: $offboardingId) {
    offboardingId
    records
    withheld
    sha256
    json
  }
}
    `) as unknown as TypedDocumentString<ExportOwnTenantArchiveMutation, ExportOwnTenantArchiveMutationVariables>;
export const ApiKeysDocument = new TypedDocumentString(`
    query ApiKeys {
  apiKeys {
    id
    name
    scopes
    createdAt
    lastUsedAt
    revokedAt
  }
}
    `) as unknown as TypedDocumentString<ApiKeysQuery, ApiKeysQueryVariables>;
export const CreateApiKeyDocument = new TypedDocumentString(`
    mutation CreateApiKey($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    secret
    apiKey {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const RevokeApiKeyDocument = new TypedDocumentString(`
    mutation RevokeApiKey($id: ID!) {
  revokeApiKey(id: $id) {
    id
    revokedAt
  }
}
    `) as unknown as TypedDocumentString<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const CompanyForAdminDocument = new TypedDocumentString(`
    query CompanyForAdmin($id: ID!) {
  organisation(id: $id) {
    id
    name
    legalForm
    vatNumber
    companyNumber
    street
    postalCode
    city
    country
    phone
    email
    iban
    loginMethod
    isMember
  }
}
    `) as unknown as TypedDocumentString<CompanyForAdminQuery, CompanyForAdminQueryVariables>;
export const CompanyForMemberDocument = new TypedDocumentString(`
    query CompanyForMember($id: ID!) {
  organisation(id: $id) {
    id
    name
    legalForm
    vatNumber
    companyNumber
    street
    postalCode
    city
    country
    phone
    email
  }
}
    `) as unknown as TypedDocumentString<CompanyForMemberQuery, CompanyForMemberQueryVariables>;
export const UpdateCompanyDocument = new TypedDocumentString(`
    mutation UpdateCompany($input: UpdateOrganisationInput!) {
  updateOrganisation(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<UpdateCompanyMutation, UpdateCompanyMutationVariables>;
export const CompanyToResetDocument = new TypedDocumentString(`
    query CompanyToReset($id: ID!) {
  organisation(id: $id) {
    id
    name
    phone
    loginMethod
  }
}
    `) as unknown as TypedDocumentString<CompanyToResetQuery, CompanyToResetQueryVariables>;
export const ResetCompanyAdministratorSecondFactorDocument = new TypedDocumentString(`
    mutation ResetCompanyAdministratorSecondFactor($input: ResetCompanyAdministratorSecondFactorInput!) {
  resetCompanyAdministratorSecondFactor(input: $input) {
    organisationId
    administratorId
    resetAt
  }
}
    `) as unknown as TypedDocumentString<ResetCompanyAdministratorSecondFactorMutation, ResetCompanyAdministratorSecondFactorMutationVariables>;
export const ManagedUsersDocument = new TypedDocumentString(`
    query ManagedUsers {
  managedUsers {
    id
    email
    firstName
    lastName
    jobTitle
    status
    totpEnrolledAt
    roles
  }
}
    `) as unknown as TypedDocumentString<ManagedUsersQuery, ManagedUsersQueryVariables>;
export const InviteUserDocument = new TypedDocumentString(`
    mutation InviteUser($input: InviteUserInput!) {
  inviteUser(input: $input) {
    id
    email
    roles
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<InviteUserMutation, InviteUserMutationVariables>;
export const ChangeUserRolesDocument = new TypedDocumentString(`
    mutation ChangeUserRoles($input: ChangeUserRolesInput!) {
  changeUserRoles(input: $input) {
    id
    roles
  }
}
    `) as unknown as TypedDocumentString<ChangeUserRolesMutation, ChangeUserRolesMutationVariables>;
export const DisableUserDocument = new TypedDocumentString(`
    mutation DisableUser($userId: ID!) {
  disableUser(userId: $userId) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<DisableUserMutation, DisableUserMutationVariables>;
export const AppointCompanyAdministratorDocument = new TypedDocumentString(`
    mutation AppointCompanyAdministrator($input: AppointCompanyAdministratorInput!) {
  appointCompanyAdministrator(input: $input) {
    id
    email
  }
}
    `) as unknown as TypedDocumentString<AppointCompanyAdministratorMutation, AppointCompanyAdministratorMutationVariables>;
export const EnableUserDocument = new TypedDocumentString(`
    mutation EnableUser($userId: ID!) {
  enableUser(userId: $userId) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<EnableUserMutation, EnableUserMutationVariables>;
export const ResetSecondFactorDocument = new TypedDocumentString(`
    mutation ResetSecondFactor($userId: ID!) {
  resetSecondFactor(userId: $userId) {
    id
    totpEnrolledAt
  }
}
    `) as unknown as TypedDocumentString<ResetSecondFactorMutation, ResetSecondFactorMutationVariables>;
export const PendingInvitationsDocument = new TypedDocumentString(`
    query PendingInvitations {
  invitations {
    id
    email
    roles
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<PendingInvitationsQuery, PendingInvitationsQueryVariables>;
export const RevokeInvitationDocument = new TypedDocumentString(`
    mutation RevokeInvitation($id: ID!) {
  revokeInvitation(id: $id) {
    id
    revokedAt
  }
}
    `) as unknown as TypedDocumentString<RevokeInvitationMutation, RevokeInvitationMutationVariables>;
export const WebhooksDocument = new TypedDocumentString(`
    query Webhooks {
  webhooks {
    id
    url
    eventTypes
    createdAt
    secretRotatedAt
  }
  webhookEventTypes
}
    `) as unknown as TypedDocumentString<WebhooksQuery, WebhooksQueryVariables>;
export const WebhookDeliveriesDocument = new TypedDocumentString(`
    query WebhookDeliveries($webhookId: ID!, $deadLettersOnly: Boolean) {
  webhookDeliveries(webhookId: $webhookId, deadLettersOnly: $deadLettersOnly) {
    id
    eventType
    occurredAt
    attempts
    lastStatus
    lastError
    nextAttemptAt
    deliveredAt
    deadLetteredAt
  }
}
    `) as unknown as TypedDocumentString<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>;
export const RegisterWebhookDocument = new TypedDocumentString(`
    mutation RegisterWebhook($input: RegisterWebhookInput!) {
  registerWebhook(input: $input) {
    secret
    webhook {
      id
      url
    }
  }
}
    `) as unknown as TypedDocumentString<RegisterWebhookMutation, RegisterWebhookMutationVariables>;
export const RotateWebhookSecretDocument = new TypedDocumentString(`
    mutation RotateWebhookSecret($webhookId: ID!) {
  rotateWebhookSecret(webhookId: $webhookId) {
    secret
    webhook {
      id
      url
    }
  }
}
    `) as unknown as TypedDocumentString<RotateWebhookSecretMutation, RotateWebhookSecretMutationVariables>;
export const DeleteWebhookDocument = new TypedDocumentString(`
    mutation DeleteWebhook($webhookId: ID!) {
  deleteWebhook(webhookId: $webhookId) {
    id
  }
}
    `) as unknown as TypedDocumentString<DeleteWebhookMutation, DeleteWebhookMutationVariables>;
export const RedeliverWebhookDocument = new TypedDocumentString(`
    mutation RedeliverWebhook($deliveryId: ID!) {
  redeliverWebhook(deliveryId: $deliveryId) {
    id
    attempts
    nextAttemptAt
    deadLetteredAt
  }
}
    `) as unknown as TypedDocumentString<RedeliverWebhookMutation, RedeliverWebhookMutationVariables>;
export const CreateTenantDocument = new TypedDocumentString(`
    mutation CreateTenant($input: CreateTenantInput!) {
  createTenant(input: $input) {
    tenant {
      id
      slug
      name
    }
    invitationSentTo
  }
}
    `) as unknown as TypedDocumentString<CreateTenantMutation, CreateTenantMutationVariables>;
export const InviteTenantAdministratorDocument = new TypedDocumentString(`
    mutation InviteTenantAdministrator($input: InviteTenantAdministratorInput!) {
  inviteTenantAdministrator(input: $input) {
    tenant {
      name
    }
    invitationSentTo
    earlierInvitationsRevoked
  }
}
    `) as unknown as TypedDocumentString<InviteTenantAdministratorMutation, InviteTenantAdministratorMutationVariables>;
export const PlatformAuditEntriesDocument = new TypedDocumentString(`
    query PlatformAuditEntries($first: Int!, $afterSequence: Int) {
  platformAuditEntries(first: $first, afterSequence: $afterSequence) {
    ...AuditEntryFields
  }
}
    fragment AuditEntryFields on AuditEntry {
  id
  sequence
  occurredAt
  action
  actorKind
  actorId
  subjectType
  subjectId
  details {
    key
    value
  }
}`) as unknown as TypedDocumentString<PlatformAuditEntriesQuery, PlatformAuditEntriesQueryVariables>;
export const VerifyPlatformAuditChainDocument = new TypedDocumentString(`
    query VerifyPlatformAuditChain {
  verifyPlatformAuditChain {
    ...ChainStatusFields
  }
}
    fragment ChainStatusFields on AuditChainStatus {
  valid
  entries
  firstBrokenSequence
  reason
  checkpointSequence
}`) as unknown as TypedDocumentString<VerifyPlatformAuditChainQuery, VerifyPlatformAuditChainQueryVariables>;
export const PlatformLogCheckpointsDocument = new TypedDocumentString(`
    query PlatformLogCheckpoints($first: Int!) {
  platformLogCheckpoints(first: $first) {
    ...LogCheckpointFields
  }
}
    fragment LogCheckpointFields on LogCheckpoint {
  id
  chain
  sequence
  checkpointedAt
  keyId
  document
}`) as unknown as TypedDocumentString<PlatformLogCheckpointsQuery, PlatformLogCheckpointsQueryVariables>;
export const ResetTenantAdministratorSecondFactorDocument = new TypedDocumentString(`
    mutation ResetTenantAdministratorSecondFactor($input: ResetTenantAdministratorSecondFactorInput!) {
  resetTenantAdministratorSecondFactor(input: $input) {
    administratorId
    resetAt
    tenant {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<ResetTenantAdministratorSecondFactorMutation, ResetTenantAdministratorSecondFactorMutationVariables>;
export const OwnSupportGrantsDocument = new TypedDocumentString(`
    query OwnSupportGrants {
  supportGrants {
    id
    tenantId
    purpose
    durationMinutes
    requestedAt
    status
    decidedAt
    refusalReason
    endsAt
    endedAt
  }
}
    `) as unknown as TypedDocumentString<OwnSupportGrantsQuery, OwnSupportGrantsQueryVariables>;
export const UnderSupportGrantDocument = new TypedDocumentString(`
    query UnderSupportGrant($grantId: ID!) {
  supportAccounts(grantId: $grantId) {
    id
    organisationId
    email
    roles
    createdAt
  }
  supportOrganisations(grantId: $grantId) {
    id
    name
    companyNumber
    vatNumber
    street
    postalCode
    city
    country
    email
    phone
  }
  supportCertificateApplications(grantId: $grantId, first: 50) {
    id
    organisationId
    state
    consigneeName
    consigneeCountry
    countryOfOrigin
    submittedAt
    updatedAt
  }
  supportDatasheets(grantId: $grantId) {
    id
    organisationId
    publicCode
    latestVersion
    latestState
    createdAt
  }
}
    `) as unknown as TypedDocumentString<UnderSupportGrantQuery, UnderSupportGrantQueryVariables>;
export const OperatorSupportGrantsDocument = new TypedDocumentString(`
    query OperatorSupportGrants {
  supportGrants {
    id
    tenantId
    purpose
    durationMinutes
    requestedAt
    status
    decidedAt
    refusalReason
    startsAt
    endsAt
    endedAt
  }
}
    `) as unknown as TypedDocumentString<OperatorSupportGrantsQuery, OperatorSupportGrantsQueryVariables>;
export const RequestSupportAccessDocument = new TypedDocumentString(`
    mutation RequestSupportAccess($input: RequestSupportAccessInput!) {
  requestSupportAccess(input: $input) {
    id
    tenantId
    status
  }
}
    `) as unknown as TypedDocumentString<RequestSupportAccessMutation, RequestSupportAccessMutationVariables>;
export const PersonalDataAccessesDocument = new TypedDocumentString(`
    query PersonalDataAccesses($first: Int!, $before: ID, $subjectId: ID) {
  personalDataAccesses(first: $first, before: $before, subjectId: $subjectId) {
    id
    occurredAt
    accessorKind
    accessorId
    accessorRoles
    subjectType
    subjectId
    categories
    fields
    operation
    requestId
  }
}
    `) as unknown as TypedDocumentString<PersonalDataAccessesQuery, PersonalDataAccessesQueryVariables>;
export const VerifyPersonalDataAccessChainDocument = new TypedDocumentString(`
    query VerifyPersonalDataAccessChain {
  verifyPersonalDataAccessChain {
    valid
    entries
    firstBrokenSequence
    reason
    checkpointSequence
    prunedEntries
  }
}
    `) as unknown as TypedDocumentString<VerifyPersonalDataAccessChainQuery, VerifyPersonalDataAccessChainQueryVariables>;
export const BreachesDocument = new TypedDocumentString(`
    query Breaches {
  breaches {
    id
    reference
    becameAwareAt
    occurredAt
    authorityDeadline
    authorityNotifiedAt
    notifiable
    notNotifiableReason
    highRisk
    affectedPeople
    subjectsNotified
    subjectsNotifiedAt
    nature
    dataCategories
    notificationDraft
  }
}
    `) as unknown as TypedDocumentString<BreachesQuery, BreachesQueryVariables>;
export const RegisterBreachDocument = new TypedDocumentString(`
    mutation RegisterBreach($input: RegisterBreachInput!) {
  registerBreach(input: $input) {
    id
    reference
  }
}
    `) as unknown as TypedDocumentString<RegisterBreachMutation, RegisterBreachMutationVariables>;
export const RecordBreachAuthorityNotificationDocument = new TypedDocumentString(`
    mutation RecordBreachAuthorityNotification($input: RecordBreachAuthorityNotificationInput!) {
  recordBreachAuthorityNotification(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<RecordBreachAuthorityNotificationMutation, RecordBreachAuthorityNotificationMutationVariables>;
export const NotifyBreachSubjectsDocument = new TypedDocumentString(`
    mutation NotifyBreachSubjects($breachId: ID!) {
  notifyBreachSubjects(breachId: $breachId) {
    id
  }
}
    `) as unknown as TypedDocumentString<NotifyBreachSubjectsMutation, NotifyBreachSubjectsMutationVariables>;
export const ConfirmDataSubjectRequestDocument = new TypedDocumentString(`
    mutation ConfirmDataSubjectRequest($token: String!) {
  confirmDataSubjectRequest(token: $token)
}
    `) as unknown as TypedDocumentString<ConfirmDataSubjectRequestMutation, ConfirmDataSubjectRequestMutationVariables>;
export const LegalHoldsDocument = new TypedDocumentString(`
    query LegalHolds {
  legalHolds {
    id
    record
    reason
    placedAt
  }
}
    `) as unknown as TypedDocumentString<LegalHoldsQuery, LegalHoldsQueryVariables>;
export const PlaceLegalHoldDocument = new TypedDocumentString(`
    mutation PlaceLegalHold($input: PlaceLegalHoldInput!) {
  placeLegalHold(input: $input)
}
    `) as unknown as TypedDocumentString<PlaceLegalHoldMutation, PlaceLegalHoldMutationVariables>;
export const ReleaseLegalHoldDocument = new TypedDocumentString(`
    mutation ReleaseLegalHold($holdId: ID!) {
  releaseLegalHold(holdId: $holdId)
}
    `) as unknown as TypedDocumentString<ReleaseLegalHoldMutation, ReleaseLegalHoldMutationVariables>;
export const MyPolicyNoticeDocument = new TypedDocumentString(`
    query MyPolicyNotice($slug: String!) {
  myPrivacyPolicyNotice {
    versionId
    answer
    objectionDeadline
  }
  privacyPolicyVersions(tenantSlug: $slug) {
    id
    version
    title
    summary
    publishedAt
  }
}
    `) as unknown as TypedDocumentString<MyPolicyNoticeQuery, MyPolicyNoticeQueryVariables>;
export const AcceptPolicyDocument = new TypedDocumentString(`
    mutation AcceptPolicy($versionId: ID!) {
  acceptPrivacyPolicy(versionId: $versionId) {
    versionId
    answer
  }
}
    `) as unknown as TypedDocumentString<AcceptPolicyMutation, AcceptPolicyMutationVariables>;
export const ObjectToPolicyDocument = new TypedDocumentString(`
    mutation ObjectToPolicy($input: ObjectToPrivacyPolicyInput!) {
  objectToPrivacyPolicy(input: $input) {
    versionId
    answer
  }
}
    `) as unknown as TypedDocumentString<ObjectToPolicyMutation, ObjectToPolicyMutationVariables>;
export const TenantPrivacyDocument = new TypedDocumentString(`
    query TenantPrivacy($slug: String!) {
  tenant(slug: $slug) {
    slug
    name
    privacyContactEmail
  }
  privacyPolicyVersions(tenantSlug: $slug) {
    id
    version
    title
    summary
    body
    publishedAt
  }
  subProcessors(tenantSlug: $slug) {
    id
    name
    service
    location
    dataCategories
    effectiveFrom
    transferSafeguard
  }
}
    `) as unknown as TypedDocumentString<TenantPrivacyQuery, TenantPrivacyQueryVariables>;
export const TenantPolicyVersionsDocument = new TypedDocumentString(`
    query TenantPolicyVersions($slug: String!) {
  privacyPolicyVersions(tenantSlug: $slug) {
    id
    version
    title
    summary
    body
    publishedAt
    objectionDeadline
  }
}
    `) as unknown as TypedDocumentString<TenantPolicyVersionsQuery, TenantPolicyVersionsQueryVariables>;
export const PolicyResponsesDocument = new TypedDocumentString(`
    query PolicyResponses($versionId: ID!) {
  privacyPolicyResponses(versionId: $versionId) {
    userId
    answer
    reason
    respondedAt
  }
}
    `) as unknown as TypedDocumentString<PolicyResponsesQuery, PolicyResponsesQueryVariables>;
export const PublishPolicyDocument = new TypedDocumentString(`
    mutation PublishPolicy($input: PublishPrivacyPolicyInput!) {
  publishPrivacyPolicy(input: $input) {
    id
    version
    objectionDeadline
  }
}
    `) as unknown as TypedDocumentString<PublishPolicyMutation, PublishPolicyMutationVariables>;
export const PolicyObjectorDocument = new TypedDocumentString(`
    query PolicyObjector($userId: ID!) {
  user(id: $userId) {
    firstName
    lastName
    email
  }
}
    `) as unknown as TypedDocumentString<PolicyObjectorQuery, PolicyObjectorQueryVariables>;
export const PrivacyUserDocument = new TypedDocumentString(`
    query PrivacyUser($userId: ID!) {
  user(id: $userId) {
    id
    firstName
    lastName
    email
    jobTitle
    organisationId
    status
    roles
    lastLoginAt
  }
  sessionsOfUser(userId: $userId) {
    id
    createdAt
    lastRefreshedAt
    absoluteExpiresAt
    revokedAt
    revokedReason
    ipAddress
    userAgent
  }
}
    `) as unknown as TypedDocumentString<PrivacyUserQuery, PrivacyUserQueryVariables>;
export const PrivacyTenantsDocument = new TypedDocumentString(`
    query PrivacyTenants {
  tenants {
    slug
    name
  }
}
    `) as unknown as TypedDocumentString<PrivacyTenantsQuery, PrivacyTenantsQueryVariables>;
export const SubmitDataSubjectRequestDocument = new TypedDocumentString(`
    mutation SubmitDataSubjectRequest($input: PublicDataSubjectRequestInput!) {
  submitDataSubjectRequest(input: $input)
}
    `) as unknown as TypedDocumentString<SubmitDataSubjectRequestMutation, SubmitDataSubjectRequestMutationVariables>;
export const ProcessingActivitiesDocument = new TypedDocumentString(`
    query ProcessingActivities {
  processingActivities {
    id
    name
    purpose
    legalBasis
    dataSubjects
    dataCategories
    recipients
    transfers
    retention
    securityMeasures
    createdAt
  }
}
    `) as unknown as TypedDocumentString<ProcessingActivitiesQuery, ProcessingActivitiesQueryVariables>;
export const AddProcessingActivityDocument = new TypedDocumentString(`
    mutation AddProcessingActivity($input: AddProcessingActivityInput!) {
  addProcessingActivity(input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<AddProcessingActivityMutation, AddProcessingActivityMutationVariables>;
export const RemoveProcessingActivityDocument = new TypedDocumentString(`
    mutation RemoveProcessingActivity($id: ID!) {
  removeProcessingActivity(id: $id) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<RemoveProcessingActivityMutation, RemoveProcessingActivityMutationVariables>;
export const ProcessingRegisterDocument = new TypedDocumentString(`
    query ProcessingRegister($format: RegisterFormat!) {
  processingRegister(format: $format)
}
    `) as unknown as TypedDocumentString<ProcessingRegisterQuery, ProcessingRegisterQueryVariables>;
export const PlatformProcessingRegisterDocument = new TypedDocumentString(`
    query PlatformProcessingRegister($format: RegisterFormat!) {
  platformProcessingRegister(format: $format)
}
    `) as unknown as TypedDocumentString<PlatformProcessingRegisterQuery, PlatformProcessingRegisterQueryVariables>;
export const CheckDataSubjectIdentityDocument = new TypedDocumentString(`
    mutation CheckDataSubjectIdentity($requestId: ID!) {
  checkDataSubjectIdentity(requestId: $requestId) {
    id
  }
}
    `) as unknown as TypedDocumentString<CheckDataSubjectIdentityMutation, CheckDataSubjectIdentityMutationVariables>;
export const ExtendDataSubjectRequestDocument = new TypedDocumentString(`
    mutation ExtendDataSubjectRequest($input: ExtendDataSubjectRequestInput!) {
  extendDataSubjectRequest(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<ExtendDataSubjectRequestMutation, ExtendDataSubjectRequestMutationVariables>;
export const ExportForDataSubjectRequestDocument = new TypedDocumentString(`
    mutation ExportForDataSubjectRequest($requestId: ID!) {
  exportForDataSubjectRequest(requestId: $requestId) {
    id
    document
  }
}
    `) as unknown as TypedDocumentString<ExportForDataSubjectRequestMutation, ExportForDataSubjectRequestMutationVariables>;
export const EraseForDataSubjectRequestDocument = new TypedDocumentString(`
    mutation EraseForDataSubjectRequest($requestId: ID!) {
  eraseForDataSubjectRequest(requestId: $requestId) {
    id
    holders {
      holder
      deleted
      deidentified
      keptAsReference
      reason
    }
  }
}
    `) as unknown as TypedDocumentString<EraseForDataSubjectRequestMutation, EraseForDataSubjectRequestMutationVariables>;
export const RestrictForDataSubjectRequestDocument = new TypedDocumentString(`
    mutation RestrictForDataSubjectRequest($requestId: ID!) {
  restrictForDataSubjectRequest(requestId: $requestId) {
    id
  }
}
    `) as unknown as TypedDocumentString<RestrictForDataSubjectRequestMutation, RestrictForDataSubjectRequestMutationVariables>;
export const UpholdDataSubjectObjectionDocument = new TypedDocumentString(`
    mutation UpholdDataSubjectObjection($input: UpholdDataSubjectObjectionInput!) {
  upholdDataSubjectObjection(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<UpholdDataSubjectObjectionMutation, UpholdDataSubjectObjectionMutationVariables>;
export const CloseDataSubjectRequestDocument = new TypedDocumentString(`
    mutation CloseDataSubjectRequest($input: CloseDataSubjectRequestInput!) {
  closeDataSubjectRequest(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CloseDataSubjectRequestMutation, CloseDataSubjectRequestMutationVariables>;
export const LiftProcessingRestrictionDocument = new TypedDocumentString(`
    mutation LiftProcessingRestriction($requestId: ID!) {
  liftProcessingRestriction(requestId: $requestId) {
    id
  }
}
    `) as unknown as TypedDocumentString<LiftProcessingRestrictionMutation, LiftProcessingRestrictionMutationVariables>;
export const DataSubjectRequestQueueDocument = new TypedDocumentString(`
    query DataSubjectRequestQueue($open: Boolean!, $first: Int!) {
  dataSubjectRequests(open: $open, first: $first) {
    id
    type
    status
    receivedAt
    acknowledgedAt
    completedAt
    firstDueOn
    dueOn
    overdue
    extensionMonths
    extensionReason
    identityVerifiedBy
    language
    requesterEmail
    subjectUserId
    details
    outcome
  }
}
    `) as unknown as TypedDocumentString<DataSubjectRequestQueueQuery, DataSubjectRequestQueueQueryVariables>;
export const RetentionScheduleDocument = new TypedDocumentString(`
    query RetentionSchedule {
  retentionSchedule {
    rule
    basis
    unit
    defaultPeriod
    legalMinimum
    legalMaximum
    period
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<RetentionScheduleQuery, RetentionScheduleQueryVariables>;
export const SetRetentionPeriodDocument = new TypedDocumentString(`
    mutation SetRetentionPeriod($input: SetRetentionPeriodInput!) {
  setRetentionPeriod(input: $input) {
    rule
    period
    unit
  }
}
    `) as unknown as TypedDocumentString<SetRetentionPeriodMutation, SetRetentionPeriodMutationVariables>;
export const RunRetentionSweepDocument = new TypedDocumentString(`
    mutation RunRetentionSweep {
  runRetentionSweep {
    holder
    deleted
    deidentified
    expired
    held
  }
}
    `) as unknown as TypedDocumentString<RunRetentionSweepMutation, RunRetentionSweepMutationVariables>;
export const AnnouncedSubProcessorChangesDocument = new TypedDocumentString(`
    query AnnouncedSubProcessorChanges($slug: String!) {
  subProcessorChanges(tenantSlug: $slug) {
    id
    kind
    description
    announcedAt
    objectionDeadline
    effectiveAt
  }
  lodgedSubProcessorObjections {
    id
    changeId
    reason
    objectedAt
  }
}
    `) as unknown as TypedDocumentString<AnnouncedSubProcessorChangesQuery, AnnouncedSubProcessorChangesQueryVariables>;
export const ObjectToSubProcessorChangeDocument = new TypedDocumentString(`
    mutation ObjectToSubProcessorChange($input: ObjectToSubProcessorChangeInput!) {
  objectToSubProcessorChange(input: $input) {
    id
    objectedAt
  }
}
    `) as unknown as TypedDocumentString<ObjectToSubProcessorChangeMutation, ObjectToSubProcessorChangeMutationVariables>;
export const TenantSubProcessorsDocument = new TypedDocumentString(`
    query TenantSubProcessors($slug: String!) {
  subProcessors(tenantSlug: $slug) {
    id
    name
    service
    location
    dataCategories
    transferSafeguard
    effectiveFrom
    effectiveUntil
  }
  subProcessorChanges(tenantSlug: $slug) {
    id
    kind
    description
    announcedAt
    objectionDeadline
    effectiveAt
    customersNotified
  }
  subProcessorObjections {
    id
    changeId
    organisationId
    reason
    objectedAt
  }
}
    `) as unknown as TypedDocumentString<TenantSubProcessorsQuery, TenantSubProcessorsQueryVariables>;
export const ObjectingCompanyDocument = new TypedDocumentString(`
    query ObjectingCompany($id: ID!) {
  organisation(id: $id) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<ObjectingCompanyQuery, ObjectingCompanyQueryVariables>;
export const AnnounceSubProcessorChangeDocument = new TypedDocumentString(`
    mutation AnnounceSubProcessorChange($input: AnnounceSubProcessorChangeInput!) {
  announceSubProcessorChange(input: $input) {
    id
    customersNotified
    objectionDeadline
  }
}
    `) as unknown as TypedDocumentString<AnnounceSubProcessorChangeMutation, AnnounceSubProcessorChangeMutationVariables>;
export const TenantSupportGrantsDocument = new TypedDocumentString(`
    query TenantSupportGrants {
  supportGrants {
    id
    purpose
    durationMinutes
    requestedAt
    status
    decidedAt
    refusalReason
    startsAt
    endsAt
    endedAt
  }
}
    `) as unknown as TypedDocumentString<TenantSupportGrantsQuery, TenantSupportGrantsQueryVariables>;
export const ApproveSupportAccessDocument = new TypedDocumentString(`
    mutation ApproveSupportAccess($grantId: ID!) {
  approveSupportAccess(grantId: $grantId) {
    id
    status
    endsAt
  }
}
    `) as unknown as TypedDocumentString<ApproveSupportAccessMutation, ApproveSupportAccessMutationVariables>;
export const RefuseSupportAccessDocument = new TypedDocumentString(`
    mutation RefuseSupportAccess($grantId: ID!, $reason: String) {
  refuseSupportAccess(grantId: $grantId, reason: $reason) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RefuseSupportAccessMutation, RefuseSupportAccessMutationVariables>;
export const EndSupportAccessDocument = new TypedDocumentString(`
    mutation EndSupportAccess($grantId: ID!) {
  endSupportAccess(grantId: $grantId) {
    id
    status
    endedAt
  }
}
    `) as unknown as TypedDocumentString<EndSupportAccessMutation, EndSupportAccessMutationVariables>;
export const ProjectCertificatesDocument = new TypedDocumentString(`
    query ProjectCertificates {
  projectCertificates {
    id
    reference
    site
    material
    quantityTonnes
    state
    createdAt
    issuedAt
    parties {
      role
      organisationName
      contactReplacementRequired
    }
  }
}
    `) as unknown as TypedDocumentString<ProjectCertificatesQuery, ProjectCertificatesQueryVariables>;
export const ProjectCertificateDetailsDocument = new TypedDocumentString(`
    query ProjectCertificateDetails($projectId: ID!) {
  projectCertificate(projectId: $projectId) {
    id
    reference
    site
    material
    quantityTonnes
    state
    createdByOrganisationId
    createdAt
    issuedAt
    withdrawnAt
    withdrawalReason
    parties {
      role
      organisationId
      organisationName
      contactKind
      contactUserId
      contactName
      contactEmail
      contactPhone
      contactPosition
      contactReplacementRequired
    }
    distributions {
      id
      target
      distributedBy
      distributedAt
    }
  }
}
    `) as unknown as TypedDocumentString<ProjectCertificateDetailsQuery, ProjectCertificateDetailsQueryVariables>;
export const ProjectPartyCandidateDocument = new TypedDocumentString(`
    query ProjectPartyCandidate($vatNumber: String!) {
  projectPartyCandidate(vatNumber: $vatNumber) {
    organisationId
    name
    city
  }
}
    `) as unknown as TypedDocumentString<ProjectPartyCandidateQuery, ProjectPartyCandidateQueryVariables>;
export const CreateProjectCertificateDocument = new TypedDocumentString(`
    mutation CreateProjectCertificate($input: CreateProjectCertificateInput!) {
  createProjectCertificate(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateProjectCertificateMutation, CreateProjectCertificateMutationVariables>;
export const IssueProjectCertificateDocument = new TypedDocumentString(`
    mutation IssueProjectCertificate($projectId: ID!) {
  issueProjectCertificate(projectId: $projectId) {
    id
    state
    issuedAt
  }
}
    `) as unknown as TypedDocumentString<IssueProjectCertificateMutation, IssueProjectCertificateMutationVariables>;
export const DistributeProjectCertificateDocument = new TypedDocumentString(`
    mutation DistributeProjectCertificate($projectId: ID!, $target: String!) {
  distributeProjectCertificate(projectId: $projectId, target: $target) {
    id
    target
    distributedAt
  }
}
    `) as unknown as TypedDocumentString<DistributeProjectCertificateMutation, DistributeProjectCertificateMutationVariables>;
export const WithdrawProjectCertificateDocument = new TypedDocumentString(`
    mutation WithdrawProjectCertificate($projectId: ID!, $reason: String!) {
  withdrawProjectCertificate(projectId: $projectId, reason: $reason) {
    id
    state
    withdrawnAt
    withdrawalReason
  }
}
    `) as unknown as TypedDocumentString<WithdrawProjectCertificateMutation, WithdrawProjectCertificateMutationVariables>;
export const DeleteProjectCertificateDraftDocument = new TypedDocumentString(`
    mutation DeleteProjectCertificateDraft($projectId: ID!) {
  deleteProjectCertificateDraft(projectId: $projectId)
}
    `) as unknown as TypedDocumentString<DeleteProjectCertificateDraftMutation, DeleteProjectCertificateDraftMutationVariables>;
export const NameProjectContactDocument = new TypedDocumentString(`
    mutation NameProjectContact($projectId: ID!, $role: ProjectPartyRole!, $userId: ID!) {
  nameProjectContact(projectId: $projectId, role: $role, userId: $userId) {
    id
  }
}
    `) as unknown as TypedDocumentString<NameProjectContactMutation, NameProjectContactMutationVariables>;
export const ProjectColleaguesDocument = new TypedDocumentString(`
    query ProjectColleagues {
  managedUsers {
    id
    firstName
    lastName
    status
  }
}
    `) as unknown as TypedDocumentString<ProjectColleaguesQuery, ProjectColleaguesQueryVariables>;
export const AcceptInvitationDocument = new TypedDocumentString(`
    mutation AcceptInvitation($input: AcceptInvitationInput!) {
  acceptInvitation(input: $input)
}
    `) as unknown as TypedDocumentString<AcceptInvitationMutation, AcceptInvitationMutationVariables>;
export const ConfirmEmailDocument = new TypedDocumentString(`
    mutation ConfirmEmail($token: String!) {
  confirmEmail(token: $token)
}
    `) as unknown as TypedDocumentString<ConfirmEmailMutation, ConfirmEmailMutationVariables>;
export const ProposeChamberDocument = new TypedDocumentString(`
    query ProposeChamber($postalCode: String!) {
  proposeChamber(postalCode: $postalCode) {
    slug
    name
    city
  }
}
    `) as unknown as TypedDocumentString<ProposeChamberQuery, ProposeChamberQueryVariables>;
export const RegisterOrganisationDocument = new TypedDocumentString(`
    mutation RegisterOrganisation($input: RegisterOrganisationInput!) {
  registerOrganisation(input: $input) {
    tenant {
      slug
      name
    }
  }
}
    `) as unknown as TypedDocumentString<RegisterOrganisationMutation, RegisterOrganisationMutationVariables>;
export const AuditEntriesDocument = new TypedDocumentString(`
    query AuditEntries($first: Int!, $afterSequence: Int) {
  auditEntries(first: $first, afterSequence: $afterSequence) {
    ...AuditEntryFields
  }
}
    fragment AuditEntryFields on AuditEntry {
  id
  sequence
  occurredAt
  action
  actorKind
  actorId
  subjectType
  subjectId
  details {
    key
    value
  }
}`) as unknown as TypedDocumentString<AuditEntriesQuery, AuditEntriesQueryVariables>;
export const VerifyAuditChainDocument = new TypedDocumentString(`
    query VerifyAuditChain {
  verifyAuditChain {
    ...ChainStatusFields
  }
}
    fragment ChainStatusFields on AuditChainStatus {
  valid
  entries
  firstBrokenSequence
  reason
  checkpointSequence
}`) as unknown as TypedDocumentString<VerifyAuditChainQuery, VerifyAuditChainQueryVariables>;
export const LogCheckpointsDocument = new TypedDocumentString(`
    query LogCheckpoints($first: Int!) {
  logCheckpoints(first: $first) {
    ...LogCheckpointFields
  }
}
    fragment LogCheckpointFields on LogCheckpoint {
  id
  chain
  sequence
  checkpointedAt
  keyId
  document
}`) as unknown as TypedDocumentString<LogCheckpointsQuery, LogCheckpointsQueryVariables>;
export const StaffCompaniesDocument = new TypedDocumentString(`
    query StaffCompanies($nameContains: String, $first: Int) {
  organisations(nameContains: $nameContains, first: $first) {
    id
    name
    city
  }
}
    `) as unknown as TypedDocumentString<StaffCompaniesQuery, StaffCompaniesQueryVariables>;
export const InvoicingLinesDocument = new TypedDocumentString(`
    query InvoicingLines($month: String!, $organisationId: ID) {
  certificateBillableLines(month: $month, organisationId: $organisationId) {
    id
    organisationId
    organisationName
    organisationVatNumber
    certificateNumber
    kind
    copyNumber
    member
    amountCents
    currency
    occurredAt
  }
}
    `) as unknown as TypedDocumentString<InvoicingLinesQuery, InvoicingLinesQueryVariables>;
export const CertificateSettingsOfTenantDocument = new TypedDocumentString(`
    query CertificateSettingsOfTenant {
  certificateSettings {
    numberPrefix
    memberFeeCents
    nonMemberFeeCents
    copyMemberFeeCents
    copyNonMemberFeeCents
    currency
  }
}
    `) as unknown as TypedDocumentString<CertificateSettingsOfTenantQuery, CertificateSettingsOfTenantQueryVariables>;
export const SaveCertificateSettingsDocument = new TypedDocumentString(`
    mutation SaveCertificateSettings($input: CertificateSettingsInput!) {
  setCertificateSettings(input: $input) {
    numberPrefix
  }
}
    `) as unknown as TypedDocumentString<SaveCertificateSettingsMutation, SaveCertificateSettingsMutationVariables>;
export const DatasheetSettingsOfTenantDocument = new TypedDocumentString(`
    query DatasheetSettingsOfTenant {
  datasheetSettings {
    contactReplacementDays
  }
}
    `) as unknown as TypedDocumentString<DatasheetSettingsOfTenantQuery, DatasheetSettingsOfTenantQueryVariables>;
export const SaveDatasheetSettingsDocument = new TypedDocumentString(`
    mutation SaveDatasheetSettings($days: Int!) {
  setDatasheetSettings(contactReplacementDays: $days) {
    contactReplacementDays
  }
}
    `) as unknown as TypedDocumentString<SaveDatasheetSettingsMutation, SaveDatasheetSettingsMutationVariables>;
export const PrivacySettingsOfTenantDocument = new TypedDocumentString(`
    query PrivacySettingsOfTenant {
  privacySettings {
    requestDeadlineRule
  }
}
    `) as unknown as TypedDocumentString<PrivacySettingsOfTenantQuery, PrivacySettingsOfTenantQueryVariables>;
export const SaveRequestDeadlineRuleDocument = new TypedDocumentString(`
    mutation SaveRequestDeadlineRule($rule: RequestDeadlineRule!) {
  setRequestDeadlineRule(rule: $rule) {
    requestDeadlineRule
  }
}
    `) as unknown as TypedDocumentString<SaveRequestDeadlineRuleMutation, SaveRequestDeadlineRuleMutationVariables>;
export const SigningKeysOfChamberDocument = new TypedDocumentString(`
    query SigningKeysOfChamber($slug: String!) {
  certificateSigningKeys(tenantSlug: $slug) {
    kid
    createdAt
    retiredAt
  }
}
    `) as unknown as TypedDocumentString<SigningKeysOfChamberQuery, SigningKeysOfChamberQueryVariables>;
export const RotateSigningKeyDocument = new TypedDocumentString(`
    mutation RotateSigningKey {
  rotateCertificateSigningKey {
    kid
  }
}
    `) as unknown as TypedDocumentString<RotateSigningKeyMutation, RotateSigningKeyMutationVariables>;
export const StaffSecondFactorRequirementOfTenantDocument = new TypedDocumentString(`
    query StaffSecondFactorRequirementOfTenant {
  staffSecondFactorRequirement {
    required
    staffWithoutSecondFactor
  }
}
    `) as unknown as TypedDocumentString<StaffSecondFactorRequirementOfTenantQuery, StaffSecondFactorRequirementOfTenantQueryVariables>;
export const SetStaffSecondFactorRequirementDocument = new TypedDocumentString(`
    mutation SetStaffSecondFactorRequirement($required: Boolean!) {
  setStaffSecondFactorRequirement(required: $required) {
    required
    staffWithoutSecondFactor
  }
}
    `) as unknown as TypedDocumentString<SetStaffSecondFactorRequirementMutation, SetStaffSecondFactorRequirementMutationVariables>;