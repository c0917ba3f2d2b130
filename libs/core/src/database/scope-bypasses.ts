/**
 * The named ways a unit of work may be scoped other than by the actor of the request. Each says why
 * it exists; `docs/database-access.md` lists them, each has its own test, and
 * `grep -rn 'transactions\.\(forSecretHolder\|beforeSession\|…\)'` finds every use.
 */
export const SCOPE_BYPASSES = {
  forSecretHolder:
    'Acting for the holder of an unguessable secret (invitation, e-mail confirmation, password reset, refresh token, API key) before any session exists, in the tenant the secret names; a forged tenant part finds no hash.',
  beforeSession:
    "An anonymous caller naming a tenant or the platform (login by slug, registration with a chamber, a password-reset request): the flow looks up only what the caller's own input names.",
  lookingUpLoginAddress:
    'A login without a tenant: the accounts with exactly the typed address, in whichever tenant (or the platform), read only; the password then decides, tenant by tenant, through beforeSession.',
  forAccessToken:
    "Checking a signed access token's session in the tenant the token names, before the actor is known; for a query, the check and the reads share one transaction.",
  creatingTenant:
    "The platform operator creating a tenant and the invitation of its first administrator atomically: platform scope, then the new tenant's.",
  invitingTenantAdministrator:
    "The platform operator inviting the administrator of an existing tenant that has no active one (the first one's invitation expired or went to a wrong address): that tenant's scope, where the service first checks that no active administrator exists and only then writes the invitation.",
  resettingAdministratorSecondFactor:
    "The platform operator resetting the second factor of a tenant's only active administrator, who lost both phone and recovery codes (after an out-of-band check, with a support reference): that tenant's scope, where the service first checks that no other active administrator exists (who would reset it) and only then removes the factor.",
  asSystem:
    'The system acting on its own in one tenant or the platform (scheduled jobs, demo data, test factories); no person is the actor.',
  deliveringOutbox:
    "The worker claiming and marking the outbox's messages of every tenant at once (one query per batch, not one per tenant); row-level security shows the outbox table only, no other table, and no row can be added or removed.",
  deliveringWebhooks:
    "The worker claiming and marking the webhook deliveries of every tenant at once (one query per batch, not one per tenant), with their subscription's target and sealed secret; row-level security shows those two tables only, reading deliveries and marking them, nothing added or removed. Payloads are built afterwards in the delivery's own tenant (asSystem).",
  findingAwaitingPdfs:
    "The worker finding the certificates and copies of every tenant still waiting for their PDF (one query per round, not one per tenant); row-level security shows only those rows, read only, no other table. Each PDF is then claimed and rendered in its certificate's own tenant (asSystem).",
  publicReading:
    'Anonymous reads of what is published (certificate verification, published datasheets) across tenants, read only; row-level security shows only published rows.',
  duringSupportGrant:
    "The platform operator reading one tenant's data under a support grant its administrator approved: read only; the database itself checks, in the transaction, that the grant is approved, the operator's own and running at the clock's time, and only then opens that tenant's rows.",
} as const;

export type ScopeBypass = keyof typeof SCOPE_BYPASSES;
