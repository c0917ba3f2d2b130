import { PersonalDataDeclaration, RetentionRuleKey } from '@chancery/policy';

export const DOCUMENT_UPLOADER: PersonalDataDeclaration = {
  category: 'electronicIdentification', subject: 'user', purpose: 'Know who supplied a supporting document (evidence of the application)', legalBasis: 'legalObligation',
  // A supporting document of an application its company abandoned goes with the application (certificates' sweep).
  retention: RetentionRuleKey.CERTIFICATE_FILE, retentionInState: RetentionRuleKey.ABANDONED_APPLICATION,
};
