import { Injectable } from '@nestjs/common';
import { Envelope } from '@chancery/policy';
import { WebhookSubject } from '../webhook-event-types';

/** What a source is told of the event whose body it builds. */
export interface WebhookEventRef {
  tenantId: string;
  organisationId: string | null;
  eventType: string;
  subject: WebhookSubject;
}

/**
 * A context that builds the `data` of its events when they are sent (the record as it is now, an
 * entity or an envelope the gate presents to the target's viewer). Runs in the event's tenant.
 */
export interface WebhookPayloadSource {
  readonly eventTypes: readonly string[];
  dataOf(event: WebhookEventRef): Promise<object>;
}

/** The event's ids, states and numbers as they were recorded: the data of events no source expands. */
@Envelope('WebhookEventSubject')
export class WebhookEventSubject {
  [field: string]: string | number | boolean | null;
}

/** The body a target receives (Standard Webhooks: `type`, `timestamp`, `data`). */
@Envelope('WebhookEventBody')
export class WebhookEventBody {
  /** The event's id: the same for every target it goes to. */
  eventId: string;
  type: string;
  timestamp: string;
  tenantId: string;
  organisationId: string | null;
  data: object;
}

/** Sources by event type (registered by the contexts that publish events, when their module starts). */
@Injectable()
export class WebhookPayloads {
  private readonly sources = new Map<string, WebhookPayloadSource>();

  register(source: WebhookPayloadSource): void {
    for (const type of source.eventTypes) this.sources.set(type, source);
  }

  async dataOf(event: WebhookEventRef): Promise<object> {
    const source = this.sources.get(event.eventType);
    if (source) return source.dataOf(event);
    return Object.assign(new WebhookEventSubject(), event.subject);
  }
}
