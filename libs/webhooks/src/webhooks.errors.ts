import { defineErrors, ErrorCode } from '@chancery/core';

/** What the webhooks context refuses, each reason with its category (docs/errors.md lists them). */
export const WebhookErrors = defineErrors('webhooks', {
  WEBHOOK_NOT_FOUND: [ErrorCode.NOT_FOUND, 'No such webhook target, or not one the caller manages.'],
  WEBHOOK_DELIVERY_NOT_FOUND: [ErrorCode.NOT_FOUND, 'No such webhook delivery, or not one of a target the caller manages.'],
  WEBHOOK_URL_REFUSED: [ErrorCode.BAD_USER_INPUT, 'The target URL is not acceptable: https only, no credentials, and (in production) no private, loopback or link-local address.'],
  WEBHOOK_EVENT_TYPE_REFUSED: [ErrorCode.BAD_USER_INPUT, 'An event type is unknown, or not one the caller may subscribe to (a company: its certificates in a chamber, its distributed project certificates in a certification body; a tenant: its datasheet feed, in a certification body).'],
  WEBHOOK_NOT_DEAD_LETTERED: [ErrorCode.CONFLICT, 'Only a dead-lettered delivery can be sent again; `details.state` names its state.'],
  WEBHOOK_NO_EVENTS_HERE: [ErrorCode.FORBIDDEN, 'No event of the tenant’s space is for the caller’s targets: a tenant’s own targets hear its datasheet feed, which only a certification body publishes.'],
  WEBHOOK_OWNER_REQUIRED: [ErrorCode.FORBIDDEN, 'Only a company administrator (its ERP) or a tenant administrator manages webhook targets.'],
});
