import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, Clock, SecretBox, TransactionRunner } from '@chancery/core';
import { ClaimedOutboxMessage, OutboxRepository } from '../outbox/outbox.repository';
import { deliveryErrorCode, MailTransport, PermanentDeliveryError } from './mail-transport';

export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

/** How long a worker holds a message it took: longer than any send may take (SMTP waits are bounded). */
export const CLAIM_MS = 5 * 60_000;
/** Tries before a message is given up: the last about 16 hours after the first. */
export const MAX_ATTEMPTS = 8;
/** Messages one round takes. */
const BATCH = 20;

/** The wait before the next try after `attempts` tries: 30 s, 1, 2, 4… minutes, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

export interface DeliveryRound {
  sent: string[];
  retrying: string[];
  givenUp: string[];
}

/**
 * Delivers the outbox: claims due messages of every tenant (`deliveringOutbox`), opens their sealed
 * texts, sends them, and marks each sent, or due again later, or given up. Every claim is committed
 * before anything is sent, and no transaction stays open while a server is talked to. A message is
 * sent once however many workers run (the claim); a worker dying between sending and marking leaves
 * it to be sent again after the claim runs out, with the same Message-ID, so it can be recognised.
 */
@Injectable()
export class OutboxDelivery implements OnApplicationShutdown {
  private readonly logger = new Logger(OutboxDelivery.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly outbox: OutboxRepository,
    private readonly secrets: SecretBox,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport | null,
  ) {}

  /** Where mail goes, for the start line; null: nowhere (production without SMTP_URL). */
  get destination(): string | null {
    return this.transport?.description ?? null;
  }

  /** One round: up to a batch of due messages, each sent once. */
  async deliverDue(limit = BATCH): Promise<DeliveryRound> {
    const round: DeliveryRound = { sent: [], retrying: [], givenUp: [] };
    if (!this.transport) return round;
    const now = this.clock.now();
    const claimed = await this.transactions.deliveringOutbox(() => this.outbox.claimDue(now, new Date(now.getTime() + CLAIM_MS), limit));
    for (const message of claimed) {
      const outcome = await this.deliver(message, this.transport);
      round[outcome].push(message.id);
    }
    return round;
  }

  private async deliver(message: ClaimedOutboxMessage, transport: MailTransport): Promise<keyof DeliveryRound> {
    const text = this.secrets.open(message.body);
    try {
      // A text that does not open (another SECRETS_KEY, tampered) will never open: give it up.
      if (text === null) throw new PermanentDeliveryError('UNREADABLE');
      await transport.send({ id: message.id, from: this.config.MAIL_FROM, to: message.recipient, subject: message.subject, text, template: message.template, createdAt: message.createdAt });
    } catch (error) {
      const code = deliveryErrorCode(error);
      const giveUp = error instanceof PermanentDeliveryError || message.attempts >= MAX_ATTEMPTS;
      const at = this.clock.now();
      const retryAt = giveUp ? null : new Date(at.getTime() + retryDelayMs(message.attempts));
      await this.transactions.deliveringOutbox(() => this.outbox.markNotSent(message.id, code, retryAt, at));
      // The id and a code only: the address and the text are personal data.
      this.logger.warn(`e-mail ${message.id} (${message.template}) not sent, attempt ${message.attempts}: ${code}; ${giveUp ? 'given up' : `next try at ${retryAt!.toISOString()}`}`);
      return giveUp ? 'givenUp' : 'retrying';
    }
    await this.transactions.deliveringOutbox(() => this.outbox.markSent(message.id, this.clock.now()));
    return 'sent';
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
