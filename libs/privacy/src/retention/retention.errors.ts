import { defineErrors, ErrorCode } from '@chancery/core';

/** What a tenant's retention schedule refuses (issue 18 item 4). */
export const RetentionErrors = defineErrors('retention', {
  RETENTION_RULE_HAS_NO_PERIOD: [ErrorCode.BAD_USER_INPUT, 'The rule keeps data until it is withdrawn (unsubscribed, objected, removed): it has no period to shorten.'],
  RETENTION_PERIOD_TOO_LONG: [ErrorCode.BAD_USER_INPUT, "A tenant may shorten a rule's period, never lengthen it past the platform's default or a legal maximum."],
  RETENTION_PERIOD_BELOW_LEGAL_MINIMUM: [ErrorCode.BAD_USER_INPUT, 'A law requires the data to be kept at least this long (e.g. issued certificates, invoicing).'],
});
