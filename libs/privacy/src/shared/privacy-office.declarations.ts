import { PersonalDataDeclaration } from '@chancery/policy';

/**
 * Personal data the privacy office itself keeps: who in the staff registered or published what, who
 * objected and why, who answered a policy version. Named once so the register reads them alike.
 */
const ACCOUNTABILITY_RETENTION = 'as long as the record it belongs to (evidence of compliance, Art. 5(2))';

export const STAFF_ACTING: PersonalDataDeclaration = {
  category: 'electronicIdentification', subject: 'user', purpose: 'Demonstrate compliance: who in the staff did what in the privacy office',
  legalBasis: 'legalObligation', retention: ACCOUNTABILITY_RETENTION,
};
export const OBJECTOR: PersonalDataDeclaration = {
  category: 'electronicIdentification', subject: 'user', purpose: "Record a customer's objection to a planned sub-processor change",
  legalBasis: 'legalObligation', retention: 'until the sub-processor is removed + 5 years',
};
export const OBJECTION_REASON: PersonalDataDeclaration = {
  category: 'correspondence', subject: 'user', purpose: "Record a customer's objection to a planned sub-processor change",
  legalBasis: 'legalObligation', retention: 'until the sub-processor is removed + 5 years',
};
export const POLICY_ANSWER: PersonalDataDeclaration = {
  category: 'usageStatistics', subject: 'user', purpose: 'Record acceptance of or objection to a privacy-policy version (DigiChambers §1.2)',
  legalBasis: 'legitimateInterest', retention: 'account lifetime + 1 year (evidence of access, DigiChambers §4.3)',
};
export const POLICY_ANSWER_REASON: PersonalDataDeclaration = {
  category: 'correspondence', subject: 'user', purpose: 'Record acceptance of or objection to a privacy-policy version (DigiChambers §1.2)',
  legalBasis: 'legitimateInterest', retention: 'account lifetime + 1 year (evidence of access, DigiChambers §4.3)',
};
