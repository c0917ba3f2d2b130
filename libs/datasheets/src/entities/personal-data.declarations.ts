import { PersonalDataDeclaration, RetentionRuleKey } from '@chancery/policy';

/** The personal data the datasheets context holds, named once for the register of processing. */
export const PUBLISHED_CONTACT: PersonalDataDeclaration = {
  category: 'contact',
  subject: 'datasheetContact',
  purpose: 'Publish the contact person of the certificate holder on its technical datasheet, for every reader and the external central system (COPRO §5b)',
  legalBasis: 'legitimateInterest',
  retention: RetentionRuleKey.PUBLISHED_CONTACT,
};
export const COMPLETED_BY: PersonalDataDeclaration = {
  category: 'electronicIdentification',
  subject: 'user',
  purpose: 'Know who completed a datasheet version and who is its published contact',
  legalBasis: 'legitimateInterest',
  retention: RetentionRuleKey.DATASHEET_RECORD,
};
export const DISCLOSURE_ACKNOWLEDGEMENT: PersonalDataDeclaration = {
  category: 'security',
  subject: 'user',
  purpose: 'Evidence that the person acknowledged the contact-disclosure notice, or objected to it (COPRO §5b)',
  legalBasis: 'legitimateInterest',
  retention: RetentionRuleKey.DISCLOSURE_ACKNOWLEDGEMENT,
};
export const PROJECT_CONTACT: PersonalDataDeclaration = {
  category: 'contact',
  subject: 'projectContact',
  purpose: "Name the contact person of the client, contractor or intermediate storage location on a project certificate, for the parties to the project and the external system they distribute it to (COPRO §5c)",
  legalBasis: 'legitimateInterest',
  retention: RetentionRuleKey.PROJECT_CONTACT,
};
export const PROJECT_DISTRIBUTOR: PersonalDataDeclaration = {
  category: 'electronicIdentification',
  subject: 'user',
  purpose: 'Know who distributed a project certificate to an external system (the parties can see it was sent)',
  legalBasis: 'legitimateInterest',
  retention: RetentionRuleKey.CERTIFICATE_FILE,
};
export const ATTACHMENT_UPLOADER: PersonalDataDeclaration = {
  category: 'electronicIdentification',
  subject: 'user',
  purpose: 'Know who added a document to a datasheet version (the company and the certification body can ask them about it)',
  legalBasis: 'legitimateInterest',
  retention: RetentionRuleKey.DATASHEET_RECORD,
};
