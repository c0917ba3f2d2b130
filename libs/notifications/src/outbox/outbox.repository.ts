import { Injectable } from '@nestjs/common';
import { GenerateSql, Sql, SQL_EXAMPLE } from '@chancery/core';

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

  @GenerateSql({ params: [{ tenantId: SQL_EXAMPLE.tenantId, recipient: 'ann@example.test', template: 'identity.invitation', subject: 's', body: 'b' }] })
  async insertEmail(message: NewOutboxMessage): Promise<void> {
    await this.sql.query(
      `INSERT INTO outbox_message (tenant_id, channel, recipient, template, subject, body) VALUES ($1, 'EMAIL', $2, $3, $4, $5)`,
      [message.tenantId, message.recipient, message.template, message.subject, message.body],
    );
  }
}
