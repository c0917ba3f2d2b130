import { PersonalDataDeclaration, RetentionRuleKey } from '@chancery/policy';

/**
 * The personal-data declarations the identity entities share, named once so the register of
 * processing reads the same purpose and retention wherever the same data is held.
 */
const ACCOUNT_RETENTION = RetentionRuleKey.ACCOUNT;
/** A registration never confirmed lapses: the company and its administrator are deleted (OrganisationRegistrationService). */
const UNCONFIRMED = { retentionInState: RetentionRuleKey.UNCONFIRMED_REGISTRATION } as const;

export const USER_IDENTIFICATION: PersonalDataDeclaration = {
  category: 'identification', subject: 'user', purpose: 'Identify the user of the application', legalBasis: 'contract', retention: ACCOUNT_RETENTION, ...UNCONFIRMED,
};
export const USER_ACCOUNT_ID: PersonalDataDeclaration = {
  category: 'electronicIdentification', subject: 'user', purpose: 'Identify the account in the application and its audit trail', legalBasis: 'contract', retention: ACCOUNT_RETENTION, ...UNCONFIRMED,
};
export const USER_CONTACT: PersonalDataDeclaration = {
  category: 'contact', subject: 'user', purpose: 'Contact the user about requests, certificates and the account', legalBasis: 'contract', retention: ACCOUNT_RETENTION, ...UNCONFIRMED,
};
export const USER_EMPLOYMENT: PersonalDataDeclaration = {
  category: 'employment', subject: 'user', purpose: 'Know which company the user acts for and in which position', legalBasis: 'contract', retention: ACCOUNT_RETENTION, ...UNCONFIRMED,
};
export const USER_ACCOUNT_STATE: PersonalDataDeclaration = {
  category: 'security', subject: 'user', purpose: 'Secure access to the application (roles, status, second factor)', legalBasis: 'legitimateInterest', retention: ACCOUNT_RETENTION, ...UNCONFIRMED,
};
export const USER_USAGE: PersonalDataDeclaration = {
  category: 'usageStatistics', subject: 'user', purpose: 'Secure the application and answer questions about its use', legalBasis: 'legitimateInterest', retention: RetentionRuleKey.USAGE_EVENT,
};
export const USER_CREDENTIALS: PersonalDataDeclaration = {
  category: 'credentials', subject: 'user', purpose: 'Authenticate the user', legalBasis: 'contract', retention: RetentionRuleKey.ACCOUNT_CREDENTIALS, ...UNCONFIRMED,
};
export const SIGNER_SIGNATURE: PersonalDataDeclaration = {
  category: 'signature', subject: 'user', purpose: "Reproduce the authorised official's signature on issued certificates", legalBasis: 'legalObligation', retention: RetentionRuleKey.CERTIFICATE_FILE,
};
export const COMPANY_DATA: PersonalDataDeclaration = {
  category: 'companyData', subject: 'organisation', purpose: 'Serve the company as a customer (certificates, datasheets, invoicing)', legalBasis: 'contract', retention: RetentionRuleKey.CUSTOMER_RECORD, ...UNCONFIRMED,
};
export const COMPANY_BANK_ACCOUNT: PersonalDataDeclaration = {
  category: 'financial', subject: 'organisation', purpose: 'Invoice fees and process payments', legalBasis: 'legalObligation', retention: RetentionRuleKey.INVOICING, ...UNCONFIRMED,
};
export const INVITEE_CONTACT: PersonalDataDeclaration = {
  category: 'contact', subject: 'invitee', purpose: 'Invite a person to join a company or the staff', legalBasis: 'legitimateInterest', retention: RetentionRuleKey.INVITATION,
};
