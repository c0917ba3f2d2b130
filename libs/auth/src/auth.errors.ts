import { defineErrors, ErrorCode } from '@chancery/core';

/** What the auth context refuses, each reason with its category (docs/errors.md lists them). */
export const AuthErrors = defineErrors('auth', {
  LOGIN_FAILED: [ErrorCode.UNAUTHENTICATED, 'Wrong e-mail address, password or second factor (one answer for all, so it tells nothing).'],
  LOGIN_THROTTLED: [ErrorCode.TOO_MANY_REQUESTS, 'Too many failed logins for this account (from here, or in all); `details.retryAfterSeconds` says when to try again. The right password with a second-factor code is always accepted.'],
  TENANT_CHOICE_REQUIRED: [ErrorCode.BAD_USER_INPUT, 'The password matches accounts in several tenants: log in again naming one of `details.tenants` (slugs; `details.tenantNames` in the same order), given only after the password matched.'],
  STEP_UP_THROTTLED: [ErrorCode.TOO_MANY_REQUESTS, 'Too many wrong step-up codes or passwords for this session or account; `details.retryAfterSeconds` says when to try again.'],
  CURRENT_PASSWORD_WRONG: [ErrorCode.BAD_USER_INPUT, 'The current password given to change it is wrong.'],
  PASSWORD_UNCHANGED: [ErrorCode.BAD_USER_INPUT, 'The new password is the current one: a change that changes nothing would still end every other session.'],
  PASSWORD_CHANGED_MEANWHILE: [ErrorCode.CONFLICT, 'Another change of the password came first: the current password given is no longer the current one.'],
  REFRESH_TOKEN_INVALID: [ErrorCode.UNAUTHENTICATED, 'The refresh token is unknown, used, revoked or expired.'],
  RESET_LINK_INVALID: [ErrorCode.UNAUTHENTICATED, 'The password-reset link is unknown, already used or expired.'],
  SESSION_NOT_FOUND: [ErrorCode.NOT_FOUND, 'No such session among the caller’s.'],
  SECOND_FACTOR_ENROLMENT_REQUIRED: [ErrorCode.FORBIDDEN, 'The account must enrol a second factor before anything else (beginTotpEnrolment).'],
  STEP_UP_FAILED: [ErrorCode.BAD_USER_INPUT, 'The code or password given for the step-up is wrong.'],
  JSON_REQUIRED: [ErrorCode.BAD_USER_INPUT, 'The session-cookie routes take only `Content-Type: application/json` (which another site cannot send without a preflight).'],
  ONE_SECOND_FACTOR_CODE: [ErrorCode.BAD_USER_INPUT, 'A login takes the code of the authenticator app (`totpCode`) or a recovery code (`recoveryCode`), not both.'],
  RECOVERY_CODES_NEED_SECOND_FACTOR: [ErrorCode.CONFLICT, 'Recovery codes are made for an account with a second factor: set up the authenticator app first.'],
  STEP_UP_CREDENTIAL_MISSING: [ErrorCode.BAD_USER_INPUT, 'A step-up needs the second-factor code (or, without a second factor, the password).'],
});
