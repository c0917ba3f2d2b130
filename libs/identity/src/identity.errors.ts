import { defineErrors, ErrorCode } from '@chancery/core';

/** What the identity context refuses, each reason with its category (docs/errors.md lists them). */
export const IdentityErrors = defineErrors('identity', {
  TENANT_SLUG_TAKEN: [ErrorCode.BAD_USER_INPUT, 'Another tenant already uses this slug.'],
  UNKNOWN_CHAMBER: [ErrorCode.BAD_USER_INPUT, 'No chamber has this slug.'],
  NO_CHAMBER_FOR_POSTAL_CODE: [ErrorCode.BAD_USER_INPUT, 'No chamber serves this postal code: the registrant must choose one.'],
  INVALID_POSTAL_CODE: [ErrorCode.BAD_USER_INPUT, 'The postal code does not exist in the country given.'],
  COMPANY_ALREADY_REGISTERED: [ErrorCode.BAD_USER_INPUT, 'The company (VAT number) is already registered with this chamber.'],
  PASSWORD_TOO_WEAK: [ErrorCode.BAD_USER_INPUT, 'The password is too short, too long, too easy to guess or contains the e-mail address.'],
  ACCOUNT_ALREADY_EXISTS: [ErrorCode.BAD_USER_INPUT, 'An account with this e-mail address already exists in this tenant.'],
  INVITATION_INVALID: [ErrorCode.UNAUTHENTICATED, 'The invitation link is unknown, already used, revoked or expired.'],
  CONFIRMATION_LINK_INVALID: [ErrorCode.UNAUTHENTICATED, 'The e-mail confirmation link is unknown, already used or expired.'],
  ROLE_NOT_GRANTABLE: [ErrorCode.FORBIDDEN, 'The caller cannot grant or withdraw this role (no one grants outside their own kind).'],
  CANNOT_DISABLE_SELF: [ErrorCode.BAD_USER_INPUT, 'An administrator cannot disable their own account.'],
  NOTHING_TO_CHANGE: [ErrorCode.BAD_USER_INPUT, 'The input names no field to change.'],
  USER_NOT_FOUND: [ErrorCode.NOT_FOUND, 'No such user, or not one the caller may see.'],
  ORGANISATION_NOT_FOUND: [ErrorCode.NOT_FOUND, 'No such company, or not one the caller may see.'],
  API_KEY_NOT_FOUND: [ErrorCode.NOT_FOUND, 'No such API key among the caller’s.'],
  SECOND_FACTOR_ALREADY_ENROLLED: [ErrorCode.CONFLICT, 'A second factor is already enrolled.'],
  NO_ENROLMENT_IN_PROGRESS: [ErrorCode.CONFLICT, 'Second-factor enrolment was not started (beginTotpEnrolment).'],
  SECOND_FACTOR_CODE_WRONG: [ErrorCode.BAD_USER_INPUT, 'The code is not the current code of the authenticator app.'],
  SECOND_FACTOR_NOT_ENROLLED: [ErrorCode.FORBIDDEN, 'The account has no second factor to check.'],
});
