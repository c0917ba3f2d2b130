import type { TenantSpaceKind } from '../webhook-event-types';

/**
 * The kinds of a tenant's space, as the webhooks context asks (which events can happen there at
 * all). Identity keeps the tenants and provides this port wherever the contexts are composed (API
 * and worker). Runs in the caller's unit of work.
 */
export abstract class TenantSpaces {
  abstract kindsOf(tenantId: string): Promise<readonly TenantSpaceKind[]>;
}
