import { PersonalDataDeclaration, RetentionRuleKey } from '@chancery/policy';

/**
 * Personal data the privacy office itself keeps: who in the staff registered or published what, who
 * objected and why, who answered a policy version. Named once so the register reads them alike.
 */
const ACCOUNTABILITY_RETENTION = RetentionRuleKey.PRIVACY_ACCOUNTABILITY;

export const STAFF_ACTING: PersonalDataDeclaration = {
  category: 'electronicIdentification', subject: 'user', purpose: 'Demonstrate compliance: who in the staff did what in the privacy office',
  legalBasis: 'legalObligation', retention: ACCOUNTABILITY_RETENTION,
};
export const OBJECTOR: PersonalDataDeclaration = {
  category: 'electronicIdentification', subject: 'user', purpose: "Record a customer's objection to a planned sub-processor change",
  legalBasis: 'legalObligation', retention: RetentionRuleKey.SUB_PROCESSOR_OBJECTION,
};
export const OBJECTION_REASON: PersonalDataDeclaration = {
  category: 'correspondence', subject: 'user', purpose: "Record a customer's objection to a planned sub-processor change",
  legalBasis: 'legalObligation', retention: RetentionRuleKey.SUB_PROCESSOR_OBJECTION,
};
export const POLICY_ANSWER: PersonalDataDeclaration = {
  category: 'usageStatistics', subject: 'user', purpose: 'Record acceptance of or objection to a privacy-policy version (DigiChambers §1.2)',
  legalBasis: 'legitimateInterest', retention: RetentionRuleKey.ACCOUNT,
};
export const POLICY_ANSWER_REASON: PersonalDataDeclaration = {
  category: 'correspondence', subject: 'user', purpose: 'Record acceptance of or objection to a privacy-policy version (DigiChambers §1.2)',
  legalBasis: 'legitimateInterest', retention: RetentionRuleKey.ACCOUNT,
};
