import { PersonalDataDeclaration, RetentionRuleKey } from '@chancery/policy';

/**
 * Personal data the certificates context holds. Certificates are evidence kept for disputes
 * (DigiChambers §3.2c, §4.3): what is on an issued certificate is kept with it, and de-identified
 * rather than deleted on erasure.
 */
const CERTIFICATE_FILE = RetentionRuleKey.CERTIFICATE_FILE;
/**
 * What an application holds goes sooner when its company abandoned it (a draft never submitted, or
 * sent back for changes and never resubmitted): no certificate was issued, so nothing is evidence.
 */
const ON_APPLICATION = { retention: CERTIFICATE_FILE, retentionInState: RetentionRuleKey.ABANDONED_APPLICATION } as const;

export const CONSIGNEE_DETAILS: PersonalDataDeclaration = {
  category: 'identification', subject: 'consignee', purpose: 'Name the consignee on the certificate of origin, as the form requires', legalBasis: 'legalObligation', ...ON_APPLICATION,
};
export const CONSIGNEE_ADDRESS: PersonalDataDeclaration = {
  category: 'contact', subject: 'consignee', purpose: 'Address the consignee on the certificate of origin, as the form requires', legalBasis: 'legalObligation', ...ON_APPLICATION,
};
/** The exporter's name and address as the company submitted them (a sole trader's name is a person's). */
export const EXPORTER_AS_SUBMITTED: PersonalDataDeclaration = {
  category: 'companyData', subject: 'organisation', purpose: 'Name the exporter on the certificate of origin as the chamber reviewed it', legalBasis: 'legalObligation', ...ON_APPLICATION,
};
export const SAVED_CONSIGNEE: PersonalDataDeclaration = {
  category: 'contact', subject: 'consignee', purpose: "Fill in a repeat exporter's usual consignees", legalBasis: 'legitimateInterest', retention: RetentionRuleKey.SAVED_CONSIGNEE,
};
export const APPLICANT: PersonalDataDeclaration = {
  category: 'electronicIdentification', subject: 'user', purpose: 'Know who applied for a certificate (evidence of the application)', legalBasis: 'legalObligation', ...ON_APPLICATION,
};
export const STAFF_HANDLING: PersonalDataDeclaration = {
  category: 'usageStatistics', subject: 'user', purpose: 'Know which chamber user reviewed or signed a certificate (evidence; their processing statistics)', legalBasis: 'legalObligation', retention: CERTIFICATE_FILE,
};
/** The clerks on an application (as STAFF_HANDLING): abandoned applications go sooner. */
export const STAFF_HANDLING_APPLICATION: PersonalDataDeclaration = { ...STAFF_HANDLING, ...ON_APPLICATION };
export const STAFF_NOTE: PersonalDataDeclaration = {
  category: 'correspondence', subject: 'user', purpose: 'Explain a review decision or a revocation to the company', legalBasis: 'legalObligation', ...ON_APPLICATION,
};
/**
 * The company's reply to a change request, in its user's words (free text, which may name people): the
 * clerk's review comment's other half, held and destroyed with it. Never printed on the certificate.
 */
export const COMPANY_REPLY: PersonalDataDeclaration = {
  category: 'correspondence', subject: 'user', purpose: "Answer the chamber's request for changes to an application", legalBasis: 'legalObligation', ...ON_APPLICATION,
};
export const STAFF_STATISTICS: PersonalDataDeclaration = {
  category: 'usageStatistics', subject: 'user', purpose: 'The number of requests each chamber user processed (DigiChambers §2.2)', legalBasis: 'legitimateInterest', retention: RetentionRuleKey.PROCESSING_STATISTICS,
};
export const COMPANY_BILLING: PersonalDataDeclaration = {
  category: 'financial', subject: 'organisation', purpose: 'Invoice the fees of issued certificates and copies', legalBasis: 'legalObligation', retention: RetentionRuleKey.INVOICING,
};
/**
 * The company an invoice is addressed to (a sole trader's name is a person's), as the invoicing export
 * names it beside each fee, read from the company's record: the same activity as the fees.
 */
export const INVOICED_COMPANY: PersonalDataDeclaration = { ...COMPANY_BILLING, category: 'companyData' };
export const SIGNATORY_NAME: PersonalDataDeclaration = {
  category: 'identification', subject: 'user', purpose: 'Print the name of the authorised official on the certificate they signed, as the form requires', legalBasis: 'legalObligation', retention: CERTIFICATE_FILE,
};
export const SIGNATORY_SIGNATURE: PersonalDataDeclaration = {
  category: 'signature', subject: 'user', purpose: "Reproduce the authorised official's signature on the certificate they signed", legalBasis: 'legalObligation', retention: CERTIFICATE_FILE,
};
