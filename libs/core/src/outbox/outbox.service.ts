import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction-runner';

export interface OutgoingEmail {
  tenantId: string | null;
  recipient: string;
  /** Name of the message template, e.g. `identity.confirm-email`. */
  template: string;
  subject: string;
  body: string;
}

/**
 * Messages are written in the transaction of the change that causes them (transactional outbox):
 * a rolled-back registration sends no e-mail, a committed one always does. The worker delivers.
 */
@Injectable()
export class Outbox {
  constructor(private readonly transactions: TransactionRunner) {}

  queueEmail(email: OutgoingEmail): Promise<void> {
    return this.transactions.run(async (manager) => {
      await manager.query(
        `INSERT INTO outbox_message (tenant_id, channel, recipient, template, subject, body) VALUES ($1, 'EMAIL', $2, $3, $4, $5)`,
        [email.tenantId, email.recipient, email.template, email.subject, email.body],
      );
    });
  }
}
