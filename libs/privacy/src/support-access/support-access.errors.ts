import { defineErrors, ErrorCode } from '@chancery/core';

/** What support access refuses. */
export const SupportAccessErrors = defineErrors('supportAccess', {
  SUPPORT_TENANT_NOT_FOUND: [ErrorCode.NOT_FOUND, 'No tenant has this id.'],
  SUPPORT_GRANT_NOT_FOUND: [ErrorCode.NOT_FOUND, 'No such support grant of the caller’s tenant.'],
  SUPPORT_GRANT_NOT_PENDING: [ErrorCode.CONFLICT, 'The support grant has already been approved or refused.'],
  SUPPORT_GRANT_NOT_RUNNING: [ErrorCode.CONFLICT, 'The support grant is not running: never approved, refused, ended or expired.'],
  NO_ACTIVE_SUPPORT_GRANT: [ErrorCode.FORBIDDEN, 'No approved support grant of the caller runs now for this id: nothing of the tenant is shown.'],
});
