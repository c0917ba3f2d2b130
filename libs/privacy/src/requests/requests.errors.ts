import { defineErrors, ErrorCode } from '@chancery/core';

/** What the data-subject request desk refuses (docs/errors.md lists them). */
export const DataSubjectRequestErrors = defineErrors('privacy.requests', {
  REQUEST_NOT_FOUND: [ErrorCode.NOT_FOUND, 'No such data-subject request in the tenant, or not one the caller may see.'],
  REQUEST_LINK_INVALID: [ErrorCode.UNAUTHENTICATED, 'The confirmation link of the request is unknown, already used or expired (it is valid for 7 days).'],
  EXTENSION_NOT_ALLOWED: [ErrorCode.CONFLICT, 'A request is extended once, before its first deadline, while open.'],
  IDENTITY_NOT_VERIFIED: [ErrorCode.CONFLICT, "Nothing is released or changed before the person's identity is verified."],
  IDENTITY_CHECK_NOT_DUE: [ErrorCode.CONFLICT, 'The request is not waiting for an identity check (address not confirmed, or already checked).'],
  REQUEST_CLOSED: [ErrorCode.CONFLICT, 'The request is already answered.'],
  WRONG_REQUEST_TYPE: [ErrorCode.CONFLICT, 'The operation does not answer this type of request (an erasure request is completed only by erasing; closing by hand may only refuse it).'],
  RESTRICTION_NOT_IN_FORCE: [ErrorCode.CONFLICT, "The person's processing is not restricted (never was, or already lifted)."],
  LEGAL_HOLD_IN_FORCE: [ErrorCode.CONFLICT, 'A legal hold is in force on the person’s account: erase it once the hold is released, or refuse the request with the reason (closeDataSubjectRequest, refused; GDPR Art. 17(3)(e)).'],
  HELD_RECORD_NOT_FOUND: [ErrorCode.NOT_FOUND, 'A legal hold names a record the tenant has: no record of that kind with that id is in the tenant.'],
  NO_ACCOUNT_FOR_REQUEST: [ErrorCode.CONFLICT, 'The person has no account in the tenant: there is nothing of theirs to act on by account.'],
});
