import { defineErrors, ErrorCode } from '@chancery/core';

/** What offboarding refuses. */
export const TenantOffboardingErrors = defineErrors('offboarding', {
  OFFBOARDING_TENANT_NOT_FOUND: [ErrorCode.NOT_FOUND, 'No tenant has this id.'],
  OFFBOARDING_ALREADY_FILED: [ErrorCode.CONFLICT, 'The tenant’s departure is already filed.'],
  OFFBOARDING_NOT_FOUND: [ErrorCode.NOT_FOUND, 'No such offboarding, or not one the caller may see.'],
  OFFBOARDING_NOT_PENDING: [ErrorCode.CONFLICT, 'The departure is already confirmed.'],
  OFFBOARDING_NOT_CONFIRMED: [ErrorCode.CONFLICT, 'The tenant’s administrator has not confirmed the departure yet.'],
  OFFBOARDING_WITHDRAWN: [ErrorCode.CONFLICT, 'The departure was withdrawn: nothing more is done with it; a new one may be filed.'],
  OFFBOARDING_WAIT_OVER: [ErrorCode.CONFLICT, 'The waiting period is over: the administrator can no longer revoke the confirmation (the operator can still withdraw it).'],
  ARCHIVE_STALE: [ErrorCode.CONFLICT, 'The tenant changed after its archive was taken (`details.changes`, `details.lastChange`): its administrator takes the archive again before the destruction.'],
  DESTRUCTION_NOT_DUE: [ErrorCode.CONFLICT, 'A tenant is destroyed only once its administrator confirmed, its archive was taken and the waiting period passed.'],
});
