import { Injectable } from '@nestjs/common';
import { GenerateSql, Sql, SQL_EXAMPLE } from '@chancery/core';

export interface NewOutboxMessage {
  tenantId: string | null;
  recipient: string;
  template: string;
  subject: string;
  /** Sealed by the Mailer. */
  body: string;
  /** The application clock's now: the message is due at once. */
  dueAt: Date;
  /** Delivered even while the recipient's processing is restricted (the template's say). */
  sentDuringRestriction: boolean;
}

/** A message queued only when its recipient got none of its template since `since`, in the same tenant. */
export interface NewOccasionalMessage extends NewOutboxMessage {
  tenantId: string;
  since: Date;
}

/** A message a worker holds until `claimedUntil`: no other worker takes it before then. */
export interface ClaimedOutboxMessage {
  id: string;
  tenantId: string | null;
  recipient: string;
  template: string;
  subject: string;
  body: string;
  /** Including this one. */
  attempts: number;
  createdAt: Date;
  sentDuringRestriction: boolean;
}

/** Recipients of held messages, by tenant: whose restriction the worker asks about again. */
export interface HeldRecipients {
  tenantId: string;
  recipients: string[];
}

const EXAMPLE_ID = '00000000-0000-4000-8000-00000000000e';

/** The outbox table: messages waiting for the worker, claimed, sent or given up. */
@Injectable()
export class OutboxRepository {
  constructor(private readonly sql: Sql) {}

  @GenerateSql({ params: [{ tenantId: SQL_EXAMPLE.tenantId, recipient: 'ann@example.test', template: 'identity.invitation', subject: 's', body: 'v1.b', dueAt: SQL_EXAMPLE.at, sentDuringRestriction: false }] })
  async insertEmail(message: NewOutboxMessage): Promise<void> {
    await this.sql.query(
      `INSERT INTO outbox_message (tenant_id, channel, recipient, template, subject, body, next_attempt_at, sent_during_restriction) VALUES ($1, 'EMAIL', $2, $3, $4, $5, $6, $7)`,
      [message.tenantId, message.recipient, message.template, message.subject, message.body, message.dueAt, message.sentDuringRestriction],
    );
  }

  /**
   * Queues the message unless the recipient got one of its template since `since` (one not given up
   * on): a notice repeated by switching a setting off and on goes out once. Answers whether it was
   * queued. Callers serialise on the cause (a locked row), so two such inserts do not race.
   */
  @GenerateSql({ params: [{ tenantId: SQL_EXAMPLE.tenantId, recipient: 'ann@example.test', template: 'identity.staff-second-factor-required', subject: 's', body: 'v1.b', dueAt: SQL_EXAMPLE.at, sentDuringRestriction: false, since: SQL_EXAMPLE.at }] })
  async insertEmailUnlessRecent(message: NewOccasionalMessage): Promise<boolean> {
    const rows = await this.sql.query(
      `INSERT INTO outbox_message (tenant_id, channel, recipient, template, subject, body, next_attempt_at, sent_during_restriction)
       SELECT $1::uuid, 'EMAIL', $2::text, $3::text, $4::text, $5::text, $6::timestamptz, $7::boolean
        WHERE NOT EXISTS (SELECT 1 FROM outbox_message p
                           WHERE p.tenant_id = $1::uuid AND lower(p.recipient) = lower($2::text) AND p.template = $3::text
                             AND p.created_at > $8::timestamptz AND p.failed_at IS NULL)
       RETURNING id`,
      [message.tenantId, message.recipient, message.template, message.subject, message.body, message.dueAt, message.sentDuringRestriction, message.since],
    );
    return rows.length === 1;
  }

  /**
   * Takes up to `limit` due messages nobody holds, counts the attempt and holds them until
   * `claimedUntil`. `SKIP LOCKED`: two workers claiming at once take different messages, never wait
   * for each other, and never both take one; a worker that dies loses its claim when it runs out.
   */
  @GenerateSql({ params: [SQL_EXAMPLE.at, SQL_EXAMPLE.at, 10] })
  claimDue(now: Date, claimedUntil: Date, limit: number): Promise<ClaimedOutboxMessage[]> {
    return this.sql.query<ClaimedOutboxMessage>(
      `UPDATE outbox_message m SET attempts = m.attempts + 1, claimed_until = $2
        WHERE m.id IN (SELECT id FROM outbox_message
                        WHERE sent_at IS NULL AND failed_at IS NULL AND held_at IS NULL AND next_attempt_at <= $1 AND (claimed_until IS NULL OR claimed_until <= $1)
                        ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
        RETURNING m.id, m.tenant_id AS "tenantId", m.recipient, m.template, m.subject, m.body, m.attempts, m.created_at AS "createdAt",
                  m.sent_during_restriction AS "sentDuringRestriction"`,
      [now, claimedUntil, limit],
    );
  }

  /**
   * Held: the recipient's processing is restricted (Art. 18). Neither sent nor given up, and the
   * attempt it was claimed for is not counted; no round claims it until `release`.
   */
  @GenerateSql({ params: [[EXAMPLE_ID], SQL_EXAMPLE.at] })
  async hold(ids: readonly string[], at: Date): Promise<void> {
    await this.sql.query(
      `UPDATE outbox_message SET held_at = $2, claimed_until = NULL, attempts = attempts - 1 WHERE id = ANY($1::uuid[]) AND sent_at IS NULL`,
      [ids, at],
    );
  }

  /** The recipients of held messages, by tenant (one small indexed read per round). */
  @GenerateSql({ params: [] })
  heldRecipients(): Promise<HeldRecipients[]> {
    return this.sql.query<HeldRecipients>(
      `SELECT tenant_id AS "tenantId", array_agg(DISTINCT recipient ORDER BY recipient) AS recipients
         FROM outbox_message WHERE held_at IS NOT NULL AND tenant_id IS NOT NULL GROUP BY tenant_id ORDER BY tenant_id`,
    );
  }

  /** The restriction was lifted: the held messages to these recipients of the tenant are due again; how many. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, ['ann@example.test']] })
  async release(tenantId: string, recipients: readonly string[]): Promise<number> {
    const rows = await this.sql.query(
      `UPDATE outbox_message SET held_at = NULL WHERE held_at IS NOT NULL AND tenant_id = $1 AND recipient = ANY($2::text[]) RETURNING id`,
      [tenantId, recipients],
    );
    return rows.length;
  }

  /** Sent: the text is erased (its links carry one-time tokens; the recipient has it now). */
  @GenerateSql({ params: [EXAMPLE_ID, SQL_EXAMPLE.at] })
  async markSent(id: string, at: Date): Promise<void> {
    await this.sql.query(
      `UPDATE outbox_message SET sent_at = $2, body = '', claimed_until = NULL, last_error = NULL WHERE id = $1 AND sent_at IS NULL`,
      [id, at],
    );
  }

  /** Not sent this time: tried again from `retryAt`, or given up (`retryAt` null) with its text erased. */
  @GenerateSql({ params: [EXAMPLE_ID, 'ECONNREFUSED', SQL_EXAMPLE.at, SQL_EXAMPLE.at] })
  async markNotSent(id: string, error: string, retryAt: Date | null, at: Date): Promise<void> {
    await this.sql.query(
      `UPDATE outbox_message
          SET claimed_until = NULL, last_error = $2,
              next_attempt_at = coalesce($3, next_attempt_at),
              failed_at = CASE WHEN $3::timestamptz IS NULL THEN $4::timestamptz END,
              body = CASE WHEN $3::timestamptz IS NULL THEN '' ELSE body END
        WHERE id = $1 AND sent_at IS NULL`,
      [id, error, retryAt, at],
    );
  }
}
