import { PersonalDataDeclaration, RetentionRuleKey } from '@chancery/policy';

export const DOCUMENT_UPLOADER: PersonalDataDeclaration = {
  category: 'electronicIdentification', subject: 'user', purpose: 'Know who supplied a supporting document (evidence of the application)', legalBasis: 'legalObligation',
  retention: RetentionRuleKey.CERTIFICATE_FILE,
};
