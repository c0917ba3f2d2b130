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

  async queue<V extends object>(template: EmailTemplate<V>, message: EmailMessage<V>): Promise<void> {
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
    await this.transactions.run(() =>
      this.outbox.insertEmail({
        tenantId: message.tenantId, recipient: message.to, template: template.name, subject: content.subject, body, dueAt: this.clock.now(),
        sentDuringRestriction: template.sentDuringRestriction,
      }),
    );
  }
}

function isRecord(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && !Array.isArray(value);
}
