/**
 * The events a webhook target can subscribe to, and who may subscribe to each: a company's ERP hears
 * of its own applications and certificates (and of the project certificates it distributes); a tenant's targets (the external datasheet system) hear
 * the tenant's datasheet feed, the same events as the pull feed.
 */
export const WEBHOOK_EVENT_TYPES = {
  'certificate_application.state_changed': 'organisation',
  'certificate.issued': 'organisation',
  'certificate.revoked': 'organisation',
  'certificate.superseded': 'organisation',
  // A party's administrator sends a project certificate to an external system: to the distributing company's targets.
  'project_certificate.distributed': 'organisation',
  'datasheet.published': 'tenant',
  'datasheet.superseded': 'tenant',
  'datasheet.unpublished': 'tenant',
  'datasheet.contact_changed': 'tenant',
} as const;

export type WebhookEventType = keyof typeof WEBHOOK_EVENT_TYPES;
export type WebhookAudience = (typeof WEBHOOK_EVENT_TYPES)[WebhookEventType];

export const ALL_WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_EVENT_TYPES) as WebhookEventType[];

export function eventTypesFor(audience: WebhookAudience): WebhookEventType[] {
  return ALL_WEBHOOK_EVENT_TYPES.filter((type) => WEBHOOK_EVENT_TYPES[type] === audience);
}

/** What an event names: ids, states and numbers, never a person's data (the body is built from them when sent). */
export type WebhookSubject = Readonly<Record<string, string | number | boolean | null>>;
