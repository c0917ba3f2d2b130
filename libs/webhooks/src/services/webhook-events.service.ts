import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock, TransactionRunner } from '@chancery/core';
import { WebhookDeliveryRepository } from '../repositories/webhook-delivery.repository';
import { WEBHOOK_EVENT_TYPES, WebhookEventType, WebhookSubject } from '../webhook-event-types';

export interface WebhookEvent {
  tenantId: string;
  /** The company an ERP event is about; absent for the tenant's datasheet feed. */
  organisationId?: string | null;
  type: WebhookEventType;
  /** Ids, states and numbers; the body is built from them through the output gate when it is sent. */
  subject: WebhookSubject;
}

/**
 * What other contexts call when something happens that targets hear of: one delivery per listening
 * target, written in the caller's unit of work (the transaction of the change itself, so an event is
 * sent if and only if its change commits).
 */
@Injectable()
export class WebhookEvents {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly clock: Clock,
  ) {}

  publish(event: WebhookEvent): Promise<number> {
    // A company's event never reaches the tenant's feed targets, nor a tenant event a company's ERP.
    const forCompany = WEBHOOK_EVENT_TYPES[event.type].audience === 'organisation';
    const organisationId = forCompany ? (event.organisationId ?? null) : null;
    if (forCompany && !organisationId) throw new Error(`${event.type} needs the company it is about`);
    return this.transactions.run(() =>
      this.deliveries.enqueue({ tenantId: event.tenantId, organisationId, eventId: randomUUID(), eventType: event.type, subject: event.subject, occurredAt: this.clock.now() }),
    );
  }
}
