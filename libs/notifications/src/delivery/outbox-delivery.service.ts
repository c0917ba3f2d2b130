import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, Clock, SecretBox, TransactionRunner } from '@chancery/core';
import { ProcessingRestrictions } from '@chancery/policy';
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
  /** Claimed but held: the recipient's processing is restricted (Art. 18). */
  held: string[];
  /** Held messages due again this round: their recipient's restriction was lifted. */
  released: number;
}

/**
 * Delivers the outbox: claims due messages of every tenant (`deliveringOutbox`), opens their sealed
 * texts, sends them, and marks each sent, or due again later, or given up. Every claim is committed
 * before anything is sent, and no transaction stays open while a server is talked to. A message is
 * sent once however many workers run (the claim); a worker dying between sending and marking leaves
 * it to be sent again after the claim runs out, with the same Message-ID, so it can be recognised.
 *
 * Restriction of processing (Art. 18): a message to a restricted person is held, not sent and not
 * given up, unless its template is one the controller owes the person about their own rights
 * (`sentDuringRestriction`); each round first releases the held messages whose recipient's restriction
 * was lifted, so they go out as if just queued.
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
    private readonly restrictions: ProcessingRestrictions,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport | null,
  ) {}

  /** Where mail goes, for the start line; null: nowhere (production without SMTP_URL). */
  get destination(): string | null {
    return this.transport?.description ?? null;
  }

  /** One round: up to a batch of due messages, each sent once. */
  async deliverDue(limit = BATCH): Promise<DeliveryRound> {
    const round: DeliveryRound = { sent: [], retrying: [], givenUp: [], held: [], released: 0 };
    if (!this.transport) return round;
    round.released = await this.releaseLifted();
    const now = this.clock.now();
    const claimed = await this.transactions.deliveringOutbox(() => this.outbox.claimDue(now, new Date(now.getTime() + CLAIM_MS), limit));
    const held = await this.toHold(claimed);
    if (held.length) {
      await this.transactions.deliveringOutbox(() => this.outbox.hold(held, this.clock.now()));
      round.held.push(...held);
    }
    for (const message of claimed) {
      if (held.includes(message.id)) continue;
      const outcome = await this.deliver(message, this.transport);
      round[outcome].push(message.id);
    }
    return round;
  }

  /** The claimed messages whose recipient's processing is restricted in the message's tenant (asked tenant by tenant). */
  private async toHold(claimed: readonly ClaimedOutboxMessage[]): Promise<string[]> {
    const byTenant = new Map<string, ClaimedOutboxMessage[]>();
    for (const message of claimed) {
      // The platform's own messages (no tenant) have no controller's restriction to follow.
      if (message.sentDuringRestriction || !message.tenantId) continue;
      byTenant.set(message.tenantId, [...(byTenant.get(message.tenantId) ?? []), message]);
    }
    const held: string[] = [];
    for (const [tenantId, messages] of byTenant) {
      const restricted = await this.transactions.asSystem(tenantId, () => this.restrictions.restrictedAddressesAmong(messages.map((m) => m.recipient)));
      held.push(...messages.filter((m) => restricted.has(m.recipient)).map((m) => m.id));
    }
    return held;
  }

  /** Held messages whose recipient is no longer restricted are due again; how many. */
  private async releaseLifted(): Promise<number> {
    let released = 0;
    for (const { tenantId, recipients } of await this.transactions.deliveringOutbox(() => this.outbox.heldRecipients())) {
      const restricted = await this.transactions.asSystem(tenantId, () => this.restrictions.restrictedAddressesAmong(recipients));
      const lifted = recipients.filter((recipient) => !restricted.has(recipient));
      if (lifted.length) released += await this.transactions.deliveringOutbox(() => this.outbox.release(tenantId, lifted));
    }
    return released;
  }

  private async deliver(message: ClaimedOutboxMessage, transport: MailTransport): Promise<'sent' | 'retrying' | 'givenUp'> {
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
