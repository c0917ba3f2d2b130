import type { LogMessages } from '../../i18n/locales/portal/logs/en';

/**
 * What the access log's codes mean to a reader: the API operation that read (`managedUsers`) as what it was
 * for, and each field read (`User.email`) as the data it holds. Plain data, no i18next: the test that keeps
 * these lists complete (test/privacy/access-log-labels.e2e-spec.ts) reads it as it is.
 */
export type AccessPurpose = keyof LogMessages['accessPurposes'];
export type PersonalDataFieldLabel = keyof LogMessages['personalDataFields'];

/** Every query and mutation that can present personal data to staff or the operator, by what it is for. */
export const OPERATION_PURPOSES: Readonly<Record<string, AccessPurpose>> = {
  me: 'userAccount',
  user: 'userAccount',
  managedUser: 'userAccount',
  managedUsers: 'userList',
  changeUserRoles: 'userAdministration',
  disableUser: 'userAdministration',
  enableUser: 'userAdministration',
  resetSecondFactor: 'userAdministration',
  appointCompanyAdministrator: 'userAdministration',
  updateUserProfile: 'userProfile',
  setMySignatureImage: 'userProfile',
  invitations: 'invitations',
  inviteUser: 'invitations',
  revokeInvitation: 'invitations',
  datasheetContactCandidates: 'contactCandidates',
  nameDatasheetContact: 'contactCandidates',
  organisation: 'companyProfile',
  organisations: 'companyProfile',
  updateOrganisation: 'companyProfile',
  registerOrganisation: 'registration',
  sessionsOfUser: 'sessions',
  mySessions: 'sessions',
  endMySession: 'sessions',
  auditEntries: 'auditLog',
  platformAuditEntries: 'auditLog',
  certificateApplication: 'certificateApplications',
  certificateApplications: 'certificateApplications',
  createCertificateApplication: 'certificateApplicationEditing',
  updateCertificateApplication: 'certificateApplicationEditing',
  removeSupportingDocument: 'certificateApplicationEditing',
  submitCertificateApplication: 'certificateApplicationEditing',
  withdrawCertificateApplication: 'certificateApplicationEditing',
  replaceCertificate: 'certificateApplicationEditing',
  claimCertificateApplication: 'certificateReview',
  releaseCertificateApplication: 'certificateReview',
  requestCertificateApplicationChanges: 'certificateReview',
  rejectCertificateApplication: 'certificateReview',
  approveCertificateApplication: 'certificateReview',
  signCertificate: 'certificateSigning',
  certificateOfOrigin: 'certificates',
  certificatesOfOrigin: 'certificates',
  revokeCertificate: 'certificateRevocation',
  requestCertificateCopy: 'certificateCopy',
  certificateBillableLines: 'invoicing',
  certificateProcessingStatistics: 'processingStatistics',
  savedConsignees: 'consignees',
  saveConsignee: 'consignees',
  dataSubjectRequests: 'dataSubjectRequests',
  myDataSubjectRequests: 'dataSubjectRequests',
  requestMyDataSubjectRight: 'dataSubjectRequests',
  checkDataSubjectIdentity: 'dataSubjectRequests',
  extendDataSubjectRequest: 'dataSubjectRequests',
  closeDataSubjectRequest: 'dataSubjectRequests',
  restrictForDataSubjectRequest: 'dataSubjectRequests',
  liftProcessingRestriction: 'dataSubjectRequests',
  upholdDataSubjectObjection: 'dataSubjectRequests',
  privacyPolicyResponses: 'privacyPolicy',
  myPrivacyPolicyNotice: 'privacyPolicy',
  acceptPrivacyPolicy: 'privacyPolicy',
  objectToPrivacyPolicy: 'privacyPolicy',
  subProcessorObjections: 'subProcessorObjections',
  lodgedSubProcessorObjections: 'subProcessorObjections',
  objectToSubProcessorChange: 'subProcessorObjections',
  datasheets: 'datasheets',
  datasheetVersions: 'datasheets',
  datasheetVersionsOf: 'datasheets',
  createDatasheet: 'datasheetEditing',
  updateDatasheetDraft: 'datasheetEditing',
  submitDatasheetVersion: 'datasheetEditing',
  startDatasheetVersion: 'datasheetEditing',
  removeDatasheetAttachment: 'datasheetEditing',
  approveDatasheetVersion: 'datasheetReview',
  requestDatasheetChanges: 'datasheetReview',
  publishDatasheetVersion: 'datasheetReview',
  unpublishDatasheet: 'datasheetReview',
  acknowledgeContactDisclosureNotice: 'contactDisclosure',
  publishedDatasheet: 'publishedDatasheets',
  searchPublishedDatasheets: 'publishedDatasheets',
  datasheetFeed: 'datasheetFeed',
  projectCertificate: 'projectCertificates',
  projectCertificates: 'projectCertificates',
  createProjectCertificate: 'projectCertificates',
  nameProjectContact: 'projectCertificates',
  issueProjectCertificate: 'projectCertificates',
  withdrawProjectCertificate: 'projectCertificates',
  distributeProjectCertificate: 'projectDistribution',
  supportAccounts: 'support',
  supportOrganisations: 'support',
  supportCertificateApplication: 'support',
  supportCertificateApplications: 'support',
  supportDatasheets: 'support',
  // Written when the request named no operation (the log's default).
  unknown: 'unknown',
};

const ADDRESS = 'address' as const;
const APPLICATION = {
  exporterName: 'exporterName', exporterAddress: 'exporterAddress', consigneeName: 'consigneeName', consigneeAddress: 'consigneeAddress',
  createdBy: 'author', claimedBy: 'handledBy', reviewedBy: 'handledBy',
} as const;

/** Every personal-data field a read can record (`Entity.field`, as docs/visibility-matrix.md lists them), by the data it holds. */
export const FIELD_LABELS: Readonly<Record<string, PersonalDataFieldLabel>> = {
  ...prefixed('User', {
    id: 'userId', organisationId: 'company', email: 'email', firstName: 'firstName', lastName: 'lastName', phone: 'phone', jobTitle: 'jobTitle',
    preferredLanguage: 'language', status: 'accountStatus', totpEnrolledAt: 'secondFactor', signatureImage: 'signature', lastLoginAt: 'lastLogin', roles: 'roles',
  }),
  ...prefixed('UserRole', { userId: 'userId', role: 'roles', grantedAt: 'roleGrantedAt', grantedBy: 'roleGrantedBy' }),
  ...prefixed('Invitation', { email: 'email' }),
  ...prefixed('Session', { userId: 'userId', createdAt: 'sessionTimes', lastRefreshedAt: 'sessionTimes', revokedAt: 'sessionTimes', ipAddress: 'ipAddress', userAgent: 'browser' }),
  ...prefixed('AuditEntry', { actorId: 'auditActor' }),
  ...prefixed('Organisation', {
    companyNumber: 'companyNumber', vatNumber: 'vatNumber', name: 'companyName', legalForm: 'legalForm', street: ADDRESS, postalCode: ADDRESS, city: ADDRESS,
    country: ADDRESS, phone: 'phone', email: 'email', iban: 'iban',
  }),
  ...prefixed('CertificateApplication', { ...APPLICATION, reviewComment: 'reviewComment', companyReply: 'companyReply', rejectionReason: 'rejectionReason' }),
  ...prefixed('SupportCertificateApplication', { consigneeName: 'consigneeName', consigneeAddress: 'consigneeAddress', createdBy: 'author', claimedBy: 'handledBy', reviewedBy: 'handledBy' }),
  ...prefixed('CertificateBillableLine', { member: 'membership', amountCents: 'amountInvoiced', organisationName: 'companyName', organisationVatNumber: 'vatNumber' }),
  ...prefixed('CertificateCopy', { requestedBy: 'author' }),
  ...prefixed('CertificateOfOrigin', { signedBy: 'handledBy' }),
  ...prefixed('CertificateProcessingStatistic', { userId: 'userId', month: 'processingStatistics', reviewed: 'processingStatistics', signed: 'processingStatistics' }),
  ...prefixed('CertificateSignatory', { name: 'name', signatureImage: 'signature' }),
  ...prefixed('SavedConsignee', { name: 'consigneeName', address: 'consigneeAddress' }),
  ...prefixed('StoredDocument', { uploadedBy: 'author' }),
  ...prefixed('ContactDisclosureAcknowledgement', { userId: 'userId', acknowledgedAt: 'disclosureAnswer', objectedAt: 'disclosureAnswer' }),
  ...prefixed('DataSubjectRequest', { subjectUserId: 'userId', requesterEmail: 'email', language: 'language', details: 'requestContent' }),
  ...prefixed('PrivacyPolicyResponse', { userId: 'userId', reason: 'objectionReason', respondedAt: 'policyAnswer', answer: 'policyAnswer' }),
  ...prefixed('SubProcessorObjection', { objectorUserId: 'userId', reason: 'objectionReason' }),
  ...prefixed('Datasheet', { contactUserId: 'contactRole' }),
  ...prefixed('DatasheetAttachment', { uploadedBy: 'author' }),
  ...prefixed('DatasheetVersion', { completedBy: 'author' }),
  ...prefixed('SupportDatasheet', { contactUserId: 'contactRole', completedBy: 'author' }),
  ...prefixed('PublishedDatasheet', { contactName: 'name', contactEmail: 'email', contactPhone: 'phone', contactPosition: 'jobTitle' }),
  ...prefixed('ProjectParty', { contactUserId: 'contactRole', contactName: 'name', contactEmail: 'email', contactPhone: 'phone', contactPosition: 'jobTitle' }),
  ...prefixed('ProjectDistribution', { distributedBy: 'author' }),
  ...prefixed('SupportAccount', { id: 'userId', email: 'email', roles: 'roles', createdAt: 'accountCreatedAt' }),
  ...prefixed('SupportOrganisation', {
    name: 'companyName', companyNumber: 'companyNumber', vatNumber: 'vatNumber', street: ADDRESS, postalCode: ADDRESS, city: ADDRESS, email: 'email', phone: 'phone',
  }),
};

function prefixed(entity: string, fields: Record<string, PersonalDataFieldLabel>): Record<string, PersonalDataFieldLabel> {
  return Object.fromEntries(Object.entries(fields).map(([field, label]) => [`${entity}.${field}`, label]));
}

/** What the log's `operation` holds: the root fields read (`me,user`), and the grant when the operator read under one. */
export interface RecordedOperation {
  operations: string[];
  supportGrant: { id: string; purpose: string } | null;
}

const UNDER_GRANT = /^(.*?) under support grant (\S+) \(purpose: (.*)\)$/s;

/** Splits the recorded operation (libs/privacy/src/access-log: `flush`) into its parts. */
export function parseRecordedOperation(recorded: string): RecordedOperation {
  const grant = UNDER_GRANT.exec(recorded);
  const operations = (grant ? grant[1]! : recorded).split(',').map((name) => name.trim()).filter(Boolean);
  return { operations, supportGrant: grant ? { id: grant[2]!, purpose: grant[3]! } : null };
}
