/**
 * The kinds of tenant space an event can happen in (identity's `TenantKind` values: identity keeps
 * the tenants and provides `TenantSpaces`, which answers with them).
 */
export type TenantSpaceKind = 'CHAMBER_OF_COMMERCE' | 'CERTIFICATION_BODY';

/**
 * The events a webhook target can subscribe to, who may subscribe to each, and in which kind of
 * tenant space the event can happen at all: a company's ERP hears of its own applications and
 * certificates in a chamber (and of the project certificates it distributes, in a certification
 * body); a tenant's targets (the external datasheet system) hear the tenant's datasheet feed, the
 * same events as the pull feed, which only a certification body publishes, and, in any space, the
 * signed heads of the tenant's tamper-evident logs (`audit.checkpoint`), which the tenant keeps.
 */
export const WEBHOOK_EVENT_TYPES = {
  'certificate_application.state_changed': { audience: 'organisation', space: 'CHAMBER_OF_COMMERCE' },
  'certificate.issued': { audience: 'organisation', space: 'CHAMBER_OF_COMMERCE' },
  'certificate.revoked': { audience: 'organisation', space: 'CHAMBER_OF_COMMERCE' },
  'certificate.superseded': { audience: 'organisation', space: 'CHAMBER_OF_COMMERCE' },
  // A party's administrator sends a project certificate to an external system: to the distributing company's targets.
  'project_certificate.distributed': { audience: 'organisation', space: 'CERTIFICATION_BODY' },
  // The certification body withdraws an issued project certificate: to every party's targets (each company may hold a copy).
  'project_certificate.withdrawn': { audience: 'organisation', space: 'CERTIFICATION_BODY' },
  'datasheet.published': { audience: 'tenant', space: 'CERTIFICATION_BODY' },
  'datasheet.superseded': { audience: 'tenant', space: 'CERTIFICATION_BODY' },
  'datasheet.unpublished': { audience: 'tenant', space: 'CERTIFICATION_BODY' },
  'datasheet.contact_changed': { audience: 'tenant', space: 'CERTIFICATION_BODY' },
  // The platform signed the head of one of the tenant's tamper-evident logs (review F2): the tenant keeps it, in any space.
  'audit.checkpoint': { audience: 'tenant', space: 'ANY' },
} as const satisfies Record<string, { audience: 'organisation' | 'tenant'; space: TenantSpaceKind | 'ANY' }>;

export type WebhookEventType = keyof typeof WEBHOOK_EVENT_TYPES;
export type WebhookAudience = (typeof WEBHOOK_EVENT_TYPES)[WebhookEventType]['audience'];

export const ALL_WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_EVENT_TYPES) as WebhookEventType[];

/** The events an audience may subscribe to in a tenant space of these kinds (a tenant can be of both). */
export function eventTypesFor(audience: WebhookAudience, kinds: readonly string[]): WebhookEventType[] {
  return ALL_WEBHOOK_EVENT_TYPES.filter((type) => {
    const { audience: heardBy, space } = WEBHOOK_EVENT_TYPES[type];
    return heardBy === audience && (space === 'ANY' || kinds.includes(space));
  });
}

/** What an event names: ids, states and numbers, never a person's data (the body is built from them when sent). */
export type WebhookSubject = Readonly<Record<string, string | number | boolean | null>>;
