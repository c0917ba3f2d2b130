import { SecretBox } from '@chancery/core';
import type { Client } from 'pg';
import type { TestApp } from './test-app';

export interface QueuedEmail {
  id: string;
  tenantId: string | null;
  recipient: string;
  template: string;
  subject: string;
  /**
   * The text as the recipient will read it: opened with the app's key (bodies are sealed at rest);
   * empty once delivered or given up (the text is erased then).
   */
  body: string;
  createdAt: Date;
  sentAt: Date | null;
}

/**
 * The e-mails the app queued, oldest first, read as the owner and opened with the app's own key, as
 * the worker opens them to deliver. A body that does not open (not sealed, another key) fails the
 * test: a body in clear is a live link token at rest (#14 defect 14).
 */
export async function queuedEmails(app: TestApp, filter: { recipient?: string; template?: string } = {}, owner?: Client): Promise<QueuedEmail[]> {
  await app.settled();
  const read = (db: Client) =>
    db.query<{ id: string; tenant_id: string | null; recipient: string; template: string; subject: string; body: string; created_at: Date; sent_at: Date | null }>(
      `SELECT id, tenant_id, recipient, template, subject, body, created_at, sent_at FROM outbox_message
        WHERE ($1::text IS NULL OR recipient = $1) AND ($2::text IS NULL OR template = $2) ORDER BY created_at, id`,
      [filter.recipient?.toLowerCase() ?? null, filter.template ?? null],
    );
  const { rows } = owner ? await read(owner) : await app.asOwner(read);
  const box = app.get(SecretBox);
  return rows.map((row) => {
    const body = row.body === '' ? '' : box.open(row.body);
    if (body === null) throw new Error(`outbox message ${row.id} (${row.template}) is not sealed with the app's key`);
    return { id: row.id, tenantId: row.tenant_id, recipient: row.recipient, template: row.template, subject: row.subject, body, createdAt: row.created_at, sentAt: row.sent_at };
  });
}

/** The token of an e-mail's link (`…#token=<token>`); null when the text has no link with a token. */
export function linkTokenOf(text: string): string | null {
  const match = /[#?&]token=([A-Za-z0-9_.~%-]+)/.exec(text);
  return match ? decodeURIComponent(match[1]!) : null;
}

/** The link token of the newest e-mail to `recipient` (with this template, when given). */
export async function lastLinkToken(app: TestApp, recipient: string, template?: string, owner?: Client): Promise<string | null> {
  const messages = await queuedEmails(app, { recipient, template }, owner);
  const last = messages[messages.length - 1];
  return last ? linkTokenOf(last.body) : null;
}

/**
 * How many rows of the whole database (every table of every schema but the catalogue's, pg-boss's
 * included) contain one of `needles` in their text form: 0 means the secret is nowhere at rest.
 */
export async function rowsContaining(app: TestApp, needles: string[]): Promise<Array<{ table: string; rows: number }>> {
  if (needles.length === 0) return [];
  return app.asOwner(async (db) => {
    const { rows: tables } = await db.query<{ name: string }>(
      `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    const patterns = needles.map((needle) => `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const found: Array<{ table: string; rows: number }> = [];
    for (const { name } of tables) {
      const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${name} t WHERE t::text LIKE ANY($1)`, [patterns]);
      if (rows[0]!.n > 0) found.push({ table: name, rows: rows[0]!.n });
    }
    return found;
  });
}
