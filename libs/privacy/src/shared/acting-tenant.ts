import { Actor } from '@chancery/core';
import { PrivacyOfficeErrors } from './privacy-office.errors';

/** The tenant the actor keeps its privacy office in; refused for callers in none. */
export function tenantOfActor(actor: Actor): string {
  if (!actor.tenantId) throw PrivacyOfficeErrors.PRIVACY_OFFICE_IS_PER_TENANT('The privacy office is kept within a tenant');
  return actor.tenantId;
}

/** Whose list the actor keeps: its tenant's, or (the operator, in no tenant) the platform's. */
export function listOwnerOf(actor: Actor): string | null {
  return actor.tenantId ?? null;
}

