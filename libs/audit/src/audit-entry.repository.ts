import { Injectable } from '@nestjs/common';
import { GenerateSql, SignedChainHead, Sql, SQL_EXAMPLE } from '@chancery/core';
import { AuditChainVerification, AuditChainVerifier, AuditDetails, ChainedAuditEntry } from './audit-chain';

export interface StoredAuditEntry extends ChainedAuditEntry {
  id: string;
}

interface AuditEntryRow {
  id: string;
  tenant_id: string | null;
  sequence: string;
  occurred_at: Date;
  actor_kind: string;
  actor_id: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  details: AuditDetails;
  request_id: string | null;
  previous_hash: Buffer | null;
  hash: Buffer;
}

const COLUMNS = `id, tenant_id, sequence, occurred_at, actor_kind, actor_id, action, subject_type, subject_id,
  details, request_id, previous_hash, hash`;

const VERIFY_PAGE_SIZE = 1000;

/**
 * The `audit_entry` table, one statement per method; every read names the chain it reads. The
 * application runs it in its units of work (row-level security applies); the verification command
 * gives it a `pg` client of the owner, so both read the chain with the same statements.
 */
@Injectable()
export class AuditEntryRepository {
  constructor(private readonly sql: Sql) {}

  /** Serialises appends to one chain until the transaction ends. */
  @GenerateSql({ params: ['42'] })
  async lockChain(lockKey: string): Promise<void> {
    await this.sql.query('SELECT pg_advisory_xact_lock($1)', [lockKey]);
  }

  /** The tenant (and platform scope) the current transaction was opened in, as row-level security sees it. */
  @GenerateSql({ params: [] })
  async scopeOfTransaction(): Promise<{ tenant: string | null; platform: boolean }> {
    const [scope] = (await this.sql.query(`SELECT app_current_tenant()::text AS tenant, app_in_platform_scope() AS platform`)) as Array<{
      tenant: string | null;
      platform: boolean;
    }>;
    return scope!;
  }

  @GenerateSql({ params: [SQL_EXAMPLE.tenantId] }, { params: [null], tenantId: null })
  async lastOfChain(tenantId: string | null): Promise<{ sequence: number; hash: Buffer } | undefined> {
    const [chain, parameters] = chainCondition(tenantId);
    const rows = (await this.sql.query(
      `SELECT sequence, hash FROM audit_entry WHERE ${chain} ORDER BY sequence DESC LIMIT 1`,
      parameters,
    )) as Array<Pick<AuditEntryRow, 'sequence' | 'hash'>>;
    return rows[0] && { sequence: Number(rows[0].sequence), hash: rows[0].hash };
  }

  @GenerateSql({ params: [{ tenantId: SQL_EXAMPLE.tenantId, sequence: 1, occurredAt: SQL_EXAMPLE.at, actorKind: 'user', actorId: SQL_EXAMPLE.userId, action: 'identity.role.granted', subjectType: 'User', subjectId: 'u', details: {}, requestId: null, previousHash: null, hash: SQL_EXAMPLE.hash }] })
  async append(entry: ChainedAuditEntry): Promise<string> {
    const rows = (await this.sql.query(
      `INSERT INTO audit_entry (tenant_id, sequence, occurred_at, actor_kind, actor_id, action, subject_type,
         subject_id, details, request_id, previous_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12)
       RETURNING id`,
      [
        entry.tenantId,
        entry.sequence,
        entry.occurredAt,
        entry.actorKind,
        entry.actorId,
        entry.action,
        entry.subjectType,
        entry.subjectId,
        JSON.stringify(entry.details),
        entry.requestId,
        entry.previousHash,
        entry.hash,
      ],
    )) as { id: string }[];
    return String(rows[0].id);
  }

  /** One page of a chain, newest first, continuing below `beforeSequence` when given. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, 50] }, { params: [SQL_EXAMPLE.tenantId, 50, 10] }, { params: [null, 50], tenantId: null }, { params: [null, 50, 10], tenantId: null })
  async newestFirst(
    tenantId: string | null,
    first: number,
    beforeSequence?: number,
  ): Promise<StoredAuditEntry[]> {
    const [chain, parameters] = chainCondition(tenantId);
    const before = beforeSequence === undefined ? '' : `AND sequence < $${parameters.length + 1}`;
    const rows = (await this.sql.query(
      `SELECT ${COLUMNS} FROM audit_entry WHERE ${chain} ${before} ORDER BY sequence DESC LIMIT ${Math.trunc(first)}`,
      beforeSequence === undefined ? parameters : [...parameters, beforeSequence],
    )) as AuditEntryRow[];
    return rows.map(toStoredEntry);
  }

  /** A whole chain in sequence order, read a page at a time so its length does not matter. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId] })
  async *chain(tenantId: string | null, pageSize = VERIFY_PAGE_SIZE): AsyncGenerator<StoredAuditEntry> {
    const [chain, parameters] = chainCondition(tenantId);
    let after = 0;
    for (;;) {
      const rows = (await this.sql.query(
        `SELECT ${COLUMNS} FROM audit_entry WHERE ${chain} AND sequence > $${parameters.length + 1}
         ORDER BY sequence LIMIT ${Math.trunc(pageSize)}`,
        [...parameters, after],
      )) as AuditEntryRow[];
      for (const row of rows) yield toStoredEntry(row);
      if (rows.length < pageSize) return;
      after = Number(rows[rows.length - 1].sequence);
    }
  }

  /** Recomputes the chain, which must reach its signed heads (`heads`, its checkpoints) with their hashes. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId] })
  async verify(tenantId: string | null, heads: readonly SignedChainHead[] = []): Promise<AuditChainVerification> {
    const verifier = new AuditChainVerifier().expectHeads(heads);
    for await (const entry of this.chain(tenantId)) verifier.accept(entry);
    return verifier.status;
  }

  /** The entries a person acted in, in the tenant of the open unit (what the audit log holds of them). */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.userId] })
  async byActor(tenantId: string, actorId: string): Promise<StoredAuditEntry[]> {
    const rows = (await this.sql.query(
      `SELECT ${COLUMNS} FROM audit_entry WHERE tenant_id = $1 AND actor_id = $2 ORDER BY sequence`,
      [tenantId, actorId],
    )) as AuditEntryRow[];
    return rows.map(toStoredEntry);
  }

  /** Every chain that has entries (tenant ids; null for the platform's), as far as the reader may see. */
  @GenerateSql({ params: [] })
  async chains(): Promise<(string | null)[]> {
    const rows = (await this.sql.query(
      `SELECT DISTINCT tenant_id FROM audit_entry ORDER BY tenant_id NULLS FIRST`,
      [],
    )) as Pick<AuditEntryRow, 'tenant_id'>[];
    return rows.map((row) => row.tenant_id);
  }
}

// `tenant_id = NULL` matches nothing and IS NOT DISTINCT FROM cannot use the index: two forms.
function chainCondition(tenantId: string | null): [string, unknown[]] {
  return tenantId === null ? ['tenant_id IS NULL', []] : ['tenant_id = $1', [tenantId]];
}

function toStoredEntry(row: AuditEntryRow): StoredAuditEntry {
  return {
    id: String(row.id),
    tenantId: row.tenant_id,
    sequence: Number(row.sequence),
    occurredAt: row.occurred_at,
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    details: row.details,
    requestId: row.request_id,
    previousHash: row.previous_hash,
    hash: row.hash,
  };
}
