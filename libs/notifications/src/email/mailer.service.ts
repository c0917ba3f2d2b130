import { Injectable } from '@nestjs/common';
import { Actor, ANONYMOUS_ACTOR, Clock, SecretBox, TransactionRunner } from '@chancery/core';
import { present, registerOutputChannel } from '@chancery/policy';
import { OutboxRepository } from '../outbox/outbox.repository';
import { EmailTemplate, languageOf } from './email-template';

registerOutputChannel({ name: 'email', purpose: 'email', where: 'libs/notifications/src/email/mailer.service.ts (every e-mail queued)' });

export interface EmailMessage<V> {
  /** The tenant whose space the message is about (null: the platform's). */
  tenantId: string | null;
  to: string;
  /** The recipient's language; unknown languages fall back to English. */
  language: string | null | undefined;
  /** The recipient as a viewer: records among the values are presented as this viewer may see them. */
  viewer?: Actor;
  values: V;
  /**
   * Not queued when the recipient got a message of this template (in this tenant) within this many
   * milliseconds: for notices a person may cause again and again, such as a setting switched off and on.
   * Tenants' messages only.
   */
  notAgainWithinMs?: number;
}

/**
 * The e-mail channel. Messages are written to the outbox in the transaction of the change that
 * causes them (a rolled-back registration sends nothing, a committed one always does), their text
 * sealed; the worker opens and delivers them. Every record among the values passes the output gate as the recipient would see it.
 */
@Injectable()
export class Mailer {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly outbox: OutboxRepository,
    private readonly secrets: SecretBox,
    private readonly clock: Clock,
  ) {}

  /** Queues the message; answers false only when `notAgainWithinMs` held it back. */
  async queue<V extends object>(template: EmailTemplate<V>, message: EmailMessage<V>): Promise<boolean> {
    const viewer = message.viewer ?? ANONYMOUS_ACTOR;
    const values = Object.fromEntries(
      Object.entries(message.values).map(([key, value]) => [key, isRecord(value) ? present(viewer, value, 'email') : value]),
    ) as V;
    const content = template.render(values, languageOf(message.language));
    // Sealed, not a token reference: the links carry one-time secrets (reset, invitation, e-mail
    // confirmation) of which the database keeps only hashes, so the text cannot be rebuilt at delivery;
    // sealing the whole text under SECRETS_KEY (AES-256-GCM, as second-factor secrets) keeps every
    // template's secrets and personal data unreadable in a copy of the database, with one rule for all.
    const body = this.secrets.seal(content.text);
    const now = this.clock.now();
    const outgoing = {
      tenantId: message.tenantId, recipient: message.to, template: template.name, subject: content.subject, body, dueAt: now,
      sentDuringRestriction: template.sentDuringRestriction,
    };
    return this.transactions.run(async () => {
      if (message.notAgainWithinMs === undefined) {
        await this.outbox.insertEmail(outgoing);
        return true;
      }
      // Per tenant: the statement seeks the tenant's messages of one address (outbox_message_recipient).
      if (message.tenantId === null) throw new Error('A notice sent at most once in a while belongs to a tenant');
      return this.outbox.insertEmailUnlessRecent({ ...outgoing, tenantId: message.tenantId, since: new Date(now.getTime() - message.notAgainWithinMs) });
    });
  }
}

function isRecord(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && !Array.isArray(value);
}
