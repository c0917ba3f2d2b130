import { Injectable } from '@nestjs/common';
import { GenerateSql, selectColumns, Sql, SQL_EXAMPLE, toEntity } from '@chancery/core';
import { OutboxMessage } from './outbox-message.entity';

const MESSAGE = selectColumns(OutboxMessage, 'm');

/** The records a legal hold can name here, by kind (`Kind:id`): their tables. */
export const HOLDABLE_OUTBOX_RECORDS = { OutboxMessage: 'outbox_message' };

/**
 * The messages a retention statement reads: the unit's tenant's, or (`platformRows`, in the platform's
 * unit) the platform's own. Named, not left to row-level security, so the index on the tenant is sought.
 */
function ofUnit(platformRows: boolean): string {
  return platformRows ? 'tenant_id IS NULL' : 'tenant_id = app_current_tenant()';
}

/** The outbox as a holder of personal data: the messages to one address, and their retention. */
@Injectable()
export class OutboxPersonalDataRepository {
  constructor(private readonly sql: Sql) {}

  /** Whether the tenant has the record a legal hold names. */
  @GenerateSql({ params: ['OutboxMessage', SQL_EXAMPLE.id] })
  hasHoldableRecord(kind: string, id: string): Promise<boolean> {
    return this.sql.tenantHasRecord(HOLDABLE_OUTBOX_RECORDS, kind, id);
  }

  @GenerateSql({ params: ['ann@example.test'] })
  async messagesTo(recipient: string): Promise<OutboxMessage[]> {
    const rows = await this.sql.query(`SELECT ${MESSAGE} FROM outbox_message m WHERE m.tenant_id = app_current_tenant() AND lower(m.recipient) = lower($1) ORDER BY m.created_at`, [recipient]);
    return rows.map((row) => toEntity(OutboxMessage, row));
  }

  @GenerateSql({ params: ['ann@example.test'] })
  async deleteMessagesTo(recipient: string): Promise<number> {
    return (await this.sql.query(`DELETE FROM outbox_message WHERE tenant_id = app_current_tenant() AND lower(recipient) = lower($1) RETURNING id`, [recipient])).length;
  }

  /** Delivered messages older than `retention` (rule DELIVERED_MESSAGE, the tenant's period), except held ones: one batch. */
  @GenerateSql({ params: [SQL_EXAMPLE.at, '90 days', [], 500] }, { params: [SQL_EXAMPLE.at, '90 days', [], 500, true], tenantId: null })
  async deleteDeliveredBefore(now: Date, retention: string, held: readonly string[], batchSize: number, platformRows = false): Promise<number> {
    const rows = await this.sql.query(
      `DELETE FROM outbox_message WHERE id IN (
         SELECT id FROM outbox_message WHERE ${ofUnit(platformRows)} AND sent_at < $1::timestamptz - $2::interval
           AND NOT (('OutboxMessage:' || id::text) = ANY($3::text[]))
         ORDER BY sent_at LIMIT ${Math.trunc(batchSize)})
       RETURNING id`,
      [now, retention, held],
    );
    return rows.length;
  }

  @GenerateSql({ params: [SQL_EXAMPLE.at, '90 days', []] }, { params: [SQL_EXAMPLE.at, '90 days', [], true], tenantId: null })
  async countDeliveredBefore(now: Date, retention: string, held: readonly string[], platformRows = false): Promise<{ expired: number; held: number }> {
    const [row] = await this.sql.query<{ expired: string; held: string }>(
      `SELECT count(*) AS expired, count(*) FILTER (WHERE ('OutboxMessage:' || id::text) = ANY($3::text[])) AS held
       FROM outbox_message WHERE ${ofUnit(platformRows)} AND sent_at < $1::timestamptz - $2::interval`,
      [now, retention, held],
    );
    return { expired: Number(row!.expired), held: Number(row!.held) };
  }
}
