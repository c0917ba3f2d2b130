import { holdsRole, ORGANISATION_ROLES, TENANT_STAFF_ROLES } from '@chancery/access';
import { Actor } from '@chancery/core';
import type { DatasheetScope } from '../repositories/certified-product.repository';

/**
 * Whose products and datasheets the actor works on: its company's (organisation users) or its whole
 * tenant's (staff). Anyone else has no scope: every lookup then finds nothing, like a missing id.
 */
export function datasheetScopeOf(actor: Actor): DatasheetScope | null {
  if (!actor.tenantId) return null;
  if (holdsRole(actor.roles, ...TENANT_STAFF_ROLES)) return { tenantId: actor.tenantId, organisationId: null };
  if (actor.organisationId && holdsRole(actor.roles, ...ORGANISATION_ROLES)) return { tenantId: actor.tenantId, organisationId: actor.organisationId };
  return null;
}

/** The organisation user's own company scope (the datasheet is completed by the company, never by staff). */
export function companyScopeOf(actor: Actor): DatasheetScope | null {
  return actor.tenantId && actor.organisationId && holdsRole(actor.roles, ...ORGANISATION_ROLES) ? { tenantId: actor.tenantId, organisationId: actor.organisationId } : null;
}

/** Staff of the tenant: reviews and publication. */
export function staffScopeOf(actor: Actor): DatasheetScope | null {
  return actor.tenantId && holdsRole(actor.roles, ...TENANT_STAFF_ROLES) ? { tenantId: actor.tenantId, organisationId: null } : null;
}
