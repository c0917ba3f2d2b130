import { Actor, CoreErrors, defineErrors, ErrorCode } from '@chancery/core';
import { Permission, PERMISSIONS } from './permissions';
import { permissionsOf } from './access-rule';

/** A step-up (re-authentication) counts for high-value acts during 5 minutes. */
export const STEP_UP_WINDOW_MS = 5 * 60_000;

export const AccessErrors = defineErrors('access', {
  STEP_UP_REQUIRED: [ErrorCode.FORBIDDEN, 'The act needs a re-authentication within the last 5 minutes (stepUp).'],
  SECOND_FACTOR_STEP_UP_REQUIRED: [ErrorCode.FORBIDDEN, 'The act needs a second-factor check within the last 5 minutes (stepUp with a code).'],
});

/**
 * The caller may use the permission now: it holds it (roles or key scopes) and, for a high-value
 * act, its session re-authenticated recently enough, and strongly enough. The access guard checks an
 * operation's permission with it; a service checks a permission an input implies (a bank account in
 * a company update) with it too.
 */
export function demandPermission(actor: Actor, permission: Permission, now: Date): void {
  if (!permissionsOf(actor).has(permission)) throw CoreErrors.PERMISSION_REQUIRED(`Not allowed: ${PERMISSIONS[permission].description}`);
  const level = PERMISSIONS[permission].stepUp;
  if (!level) return;
  if (level === 'second-factor' && !(steppedUpLately(actor, now) && actor.steppedUpWith === 'secondFactor')) {
    throw AccessErrors.SECOND_FACTOR_STEP_UP_REQUIRED('A second-factor check within the last 5 minutes is required (stepUp)');
  }
  demandRecentAuthentication(actor, now);
}

/** The session logged in or re-authenticated (stepUp) in the last five minutes, by any means. */
export function demandRecentAuthentication(actor: Actor, now: Date): void {
  if (!steppedUpLately(actor, now)) throw AccessErrors.STEP_UP_REQUIRED('A re-authentication within the last 5 minutes is required (stepUp)');
}

function steppedUpLately(actor: Actor, now: Date): boolean {
  return actor.steppedUpAt !== undefined && now.getTime() - actor.steppedUpAt.getTime() <= STEP_UP_WINDOW_MS;
}
