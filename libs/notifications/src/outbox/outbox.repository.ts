import { Injectable } from '@nestjs/common';
import { Sql } from '@chancery/core';

export interface NewOutboxMessage {
  tenantId: string | null;
  recipient: string;
  template: string;
  subject: string;
  body: string;
}

/** The outbox table: messages waiting for the worker. */
@Injectable()
export class OutboxRepository {
  constructor(private readonly sql: Sql) {}

  async insertEmail(message: NewOutboxMessage): Promise<void> {
    await this.sql.query(
      `INSERT INTO outbox_message (tenant_id, channel, recipient, template, subject, body) VALUES ($1, 'EMAIL', $2, $3, $4, $5)`,
      [message.tenantId, message.recipient, message.template, message.subject, message.body],
    );
  }
}
