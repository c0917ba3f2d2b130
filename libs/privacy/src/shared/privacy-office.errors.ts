import { defineErrors, ErrorCode } from '@chancery/core';

/** What the privacy office refuses (register, sub-processors, breaches, policy versions). */
export const PrivacyOfficeErrors = defineErrors('privacyOffice', {
  PRIVACY_OFFICE_IS_PER_TENANT: [ErrorCode.FORBIDDEN, 'This is kept within a tenant; the caller acts in none.'],
  UNKNOWN_TENANT_SLUG: [ErrorCode.NOT_FOUND, 'No tenant has this slug.'],
  PROCESSING_ACTIVITY_NOT_FOUND: [ErrorCode.NOT_FOUND, 'No such entry in the register, or not one the caller may see.'],
  SUB_PROCESSOR_NOT_FOUND: [ErrorCode.NOT_FOUND, 'No such sub-processor in the caller’s list.'],
  SUB_PROCESSOR_CHANGE_NOT_FOUND: [ErrorCode.NOT_FOUND, 'No such planned sub-processor change, or not one the caller is a customer of.'],
  SUB_PROCESSOR_CHANGE_INCOMPLETE: [ErrorCode.BAD_USER_INPUT, 'An addition names the new sub-processor; a removal names the current one.'],
  OBJECTION_WINDOW_TOO_SHORT: [ErrorCode.BAD_USER_INPUT, 'The effective date must leave customers the whole objection window (at least 30 days) after the announcement.'],
  SUB_PROCESSOR_ALREADY_LEAVING: [ErrorCode.CONFLICT, 'The sub-processor is already removed or its removal is already announced.'],
  OBJECTION_WINDOW_CLOSED: [ErrorCode.CONFLICT, 'The objection window of this change has closed.'],
  ALREADY_OBJECTED: [ErrorCode.CONFLICT, 'The customer has already objected to this change.'],
  INVOLVED_COMPANY_NOT_FOUND: [ErrorCode.NOT_FOUND, 'A company named is not one of the tenant’s.'],
  BREACH_NOT_FOUND: [ErrorCode.NOT_FOUND, 'No such breach in the tenant’s register.'],
  BREACH_REFERENCE_TAKEN: [ErrorCode.CONFLICT, 'Another breach of the tenant has this reference.'],
  NOT_NOTIFIABLE_REASON_REQUIRED: [ErrorCode.BAD_USER_INPUT, 'A breach not notified to the authority is documented with the reason why (Art. 33(5)).'],
  AWARENESS_IN_THE_FUTURE: [ErrorCode.BAD_USER_INPUT, 'The time of awareness (or of the breach) cannot be in the future.'],
  DELAY_REASON_REQUIRED: [ErrorCode.BAD_USER_INPUT, 'A notification after 72 hours states the reasons for the delay (Art. 33(1)).'],
  AUTHORITY_ALREADY_NOTIFIED: [ErrorCode.CONFLICT, 'The authority’s notification is already recorded.'],
  BREACH_NOT_NOTIFIABLE: [ErrorCode.CONFLICT, 'The breach is documented as not notifiable.'],
  SUBJECTS_NOTIFICATION_NOT_DUE: [ErrorCode.CONFLICT, 'The people affected are told only of a breach of high risk to them (Art. 34).'],
  SUBJECTS_ALREADY_NOTIFIED: [ErrorCode.CONFLICT, 'The people affected have already been notified.'],
  POLICY_VERSION_NOT_FOUND: [ErrorCode.NOT_FOUND, 'No such privacy-policy version of the caller’s tenant.'],
  POLICY_VERSION_TAKEN: [ErrorCode.CONFLICT, 'Another version was published at the same moment; publish again.'],
  POLICY_ALREADY_ANSWERED: [ErrorCode.CONFLICT, 'The caller has already accepted or objected to this version.'],
  POLICY_OBJECTION_WINDOW_CLOSED: [ErrorCode.CONFLICT, 'Three working days have passed: the version is deemed accepted.'],
});
