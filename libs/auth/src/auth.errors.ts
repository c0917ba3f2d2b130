import { defineErrors, ErrorCode } from '@chancery/core';

/** What the auth context refuses, each reason with its category (docs/errors.md lists them). */
export const AuthErrors = defineErrors('auth', {
  LOGIN_FAILED: [ErrorCode.UNAUTHENTICATED, 'Wrong e-mail address, password or second factor (one answer for all, so it tells nothing).'],
  LOGIN_THROTTLED: [ErrorCode.TOO_MANY_REQUESTS, 'Too many failed logins for this account from here; wait and try again.'],
  REFRESH_TOKEN_INVALID: [ErrorCode.UNAUTHENTICATED, 'The refresh token is unknown, used, revoked or expired.'],
  RESET_LINK_INVALID: [ErrorCode.UNAUTHENTICATED, 'The password-reset link is unknown, already used or expired.'],
  SESSION_NOT_FOUND: [ErrorCode.NOT_FOUND, 'No such session among the caller’s.'],
  SECOND_FACTOR_ENROLMENT_REQUIRED: [ErrorCode.FORBIDDEN, 'The account must enrol a second factor before anything else (beginTotpEnrolment).'],
  STEP_UP_FAILED: [ErrorCode.BAD_USER_INPUT, 'The code or password given for the step-up is wrong.'],
  STEP_UP_CREDENTIAL_MISSING: [ErrorCode.BAD_USER_INPUT, 'A step-up needs the second-factor code (or, without a second factor, the password).'],
});
