import { Injectable } from '@nestjs/common';
import { ChainCheckpoint, GenerateSql, HashChainVerification, SignedChainHead, Sql, SQL_EXAMPLE } from '@chancery/core';
import { ChainedPersonalDataAccess, PersonalDataAccessChainVerifier, PersonalDataAccessRecord } from './personal-data-access-chain';

export type { PersonalDataAccessRecord };

/** The chain's verification, with how many entries were pruned after their retention (checkpoints stand for them). */
export interface PersonalDataAccessChainVerification extends HashChainVerification {
  prunedEntries: number;
}

export interface StoredPersonalDataAccess extends PersonalDataAccessRecord {
  id: string;
}

export interface PersonalDataAccessQuery {
  tenantId: string;
  subjectType?: string;
  subjectId?: string;
  first: number;
  /** Continue a newest-first listing after this row. */
  before?: string;
}

interface PersonalDataAccessRow {
  id: string;
  tenant_id: string;
  occurred_at: Date;
  accessor_kind: string;
  accessor_id: string | null;
  accessor_roles: string[];
  subject_type: string;
  subject_id: string;
  categories: string[];
  fields: string[];
  operation: string;
  request_id: string | null;
  sequence?: string | null;
  previous_hash?: Buffer | null;
  hash?: Buffer | null;
}

const COLUMNS = `id, tenant_id, occurred_at, accessor_kind, accessor_id, accessor_roles, subject_type, subject_id,
  categories, fields, operation, request_id`;
const COLUMNS_PER_ROW = 14;
const VERIFY_PAGE_SIZE = 1000;

/** The `personal_data_access` table (append-only); every read names the tenant it reads. */
@Injectable()
export class PersonalDataAccessRepository {
  constructor(private readonly sql: Sql) {}

  /** Serialises appends to one tenant's chain until the transaction ends. */
  @GenerateSql({ params: ['42'] })
  async lockChain(lockKey: string): Promise<void> {
    await this.sql.query('SELECT pg_advisory_xact_lock($1)', [lockKey]);
  }

  /** The end of a tenant's chain: its last chained row, or the checkpoint of the last pruned one when none is newer. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId] })
  async lastOfChain(tenantId: string): Promise<{ sequence: number; hash: Buffer } | undefined> {
    const rows = (await this.sql.query(
      `SELECT sequence, hash FROM (
         (SELECT sequence, hash FROM personal_data_access WHERE tenant_id = $1 AND sequence IS NOT NULL ORDER BY sequence DESC LIMIT 1)
         UNION ALL
         (SELECT last_sequence, last_hash FROM personal_data_access_checkpoint WHERE tenant_id = $1 ORDER BY last_sequence DESC LIMIT 1)
       ) ends ORDER BY sequence DESC LIMIT 1`,
      [tenantId],
    )) as Array<{ sequence: string; hash: Buffer }>;
    return rows[0] && { sequence: Number(rows[0].sequence), hash: rows[0].hash };
  }

  /**
   * Retention (PERSONAL_DATA_ACCESS): the transaction's tenant's entries older than the period ($1 now,
   * $2 the period), and of those the ones about or by a spared person (a legal hold, a restriction).
   */
  @GenerateSql({ params: [SQL_EXAMPLE.at, '12 months', [SQL_EXAMPLE.userId]] })
  async countPastRetention(now: Date, retention: string, spared: readonly string[]): Promise<{ expired: number; held: number }> {
    const [row] = (await this.sql.query(
      `SELECT count(*) AS expired, count(*) FILTER (WHERE a.subject_id = ANY($3::uuid[]) OR a.accessor_id = ANY($3::uuid[])) AS held
         FROM personal_data_access a WHERE a.occurred_at < $1::timestamptz - $2::interval`,
      [now, retention, spared],
    )) as Array<{ expired: string; held: string }>;
    return { expired: Number(row!.expired), held: Number(row!.held) };
  }

  /**
   * Prunes up to `limit` of them, oldest positions first, with their checkpoints, in the database
   * (`app_prune_personal_data_access`: the application itself may not delete an entry). Returns how many.
   */
  @GenerateSql({ params: [SQL_EXAMPLE.at, '12 months', [SQL_EXAMPLE.userId], 500] })
  async prunePastRetention(now: Date, retention: string, spared: readonly string[], limit: number): Promise<number> {
    const [row] = (await this.sql.query(
      `SELECT app_prune_personal_data_access($1::timestamptz, $2::interval, $3::uuid[], $4::integer) AS pruned`,
      [now, retention, spared, limit],
    )) as Array<{ pruned: number }>;
    return Number(row!.pruned);
  }

  /** Appends chained rows, all of the transaction's tenant, in one statement. */
  @GenerateSql({ params: [[{ tenantId: SQL_EXAMPLE.tenantId, occurredAt: SQL_EXAMPLE.at, accessorKind: 'user', accessorId: SQL_EXAMPLE.userId, accessorRoles: ['CLERK'], subjectType: 'user', subjectId: SQL_EXAMPLE.userId, categories: ['contact'], fields: ['User.email'], operation: 'user', requestId: null, sequence: 1, previousHash: null, hash: SQL_EXAMPLE.hash }]] })
  async append(records: readonly ChainedPersonalDataAccess[]): Promise<void> {
    if (records.length === 0) return;
    const parameters: unknown[] = [];
    const values = records.map((r, i) => {
      parameters.push(
        r.tenantId, r.occurredAt, r.accessorKind, r.accessorId, r.accessorRoles, r.subjectType, r.subjectId,
        r.categories, r.fields, r.operation, r.requestId, r.sequence, r.previousHash, r.hash,
      );
      const at = i * COLUMNS_PER_ROW;
      return `(${Array.from({ length: COLUMNS_PER_ROW }, (_, j) => `$${at + j + 1}`).join(', ')})`;
    });
    await this.sql.query(
      `INSERT INTO personal_data_access (tenant_id, occurred_at, accessor_kind, accessor_id, accessor_roles,
         subject_type, subject_id, categories, fields, operation, request_id, sequence, previous_hash, hash)
       VALUES ${values.join(', ')}`,
      parameters,
    );
  }

  /**
   * Recomputes a tenant's chain from its first row, a page at a time so its length does not matter,
   * with the checkpoints of pruned runs in their place. Each page's checkpoints are read after its rows:
   * a row missing from the page was pruned in a transaction that wrote its checkpoint, so it is there.
   * The chain must reach its signed heads (`heads`, the log's checkpoints) with their hashes.
   */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId] })
  async verify(tenantId: string, heads: readonly SignedChainHead[] = [], pageSize = VERIFY_PAGE_SIZE): Promise<PersonalDataAccessChainVerification> {
    const verifier = new PersonalDataAccessChainVerifier().expectHeads(heads);
    let after = 0;
    for (;;) {
      const rows = (await this.sql.query(
        `SELECT ${COLUMNS}, sequence, previous_hash, hash FROM personal_data_access
         WHERE tenant_id = $1 AND sequence > $2 ORDER BY sequence LIMIT ${Math.trunc(pageSize)}`,
        [tenantId, after],
      )) as PersonalDataAccessRow[];
      const full = rows.length === pageSize;
      const through = full ? Number(rows[rows.length - 1]!.sequence) : null;
      const checkpoints = await this.checkpoints(tenantId, after, through);
      const entries = rows.map((row) => ({ ...toStored(row), sequence: Number(row.sequence), previousHash: row.previous_hash ?? null, hash: row.hash! }));
      // In sequence order, a checkpoint before the row at its first position.
      let next = 0;
      for (const entry of entries) {
        while (next < checkpoints.length && checkpoints[next]!.firstSequence <= entry.sequence) verifier.acceptCheckpoint(checkpoints[next++]!);
        verifier.accept(entry);
      }
      while (next < checkpoints.length) verifier.acceptCheckpoint(checkpoints[next++]!);
      if (!full) return { ...verifier.status, prunedEntries: verifier.prunedEntries };
      after = through!;
    }
  }

  /** The checkpoints reaching past `after` and starting at or before `through` (null: any). */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, 0, 1000] })
  async checkpoints(tenantId: string, after: number, through: number | null): Promise<ChainCheckpoint[]> {
    const rows = (await this.sql.query(
      `SELECT first_sequence, last_sequence, previous_hash, last_hash FROM personal_data_access_checkpoint
        WHERE tenant_id = $1 AND last_sequence > $2 AND ($3::bigint IS NULL OR first_sequence <= $3::bigint)
        ORDER BY first_sequence`,
      [tenantId, after, through],
    )) as Array<{ first_sequence: string; last_sequence: string; previous_hash: Buffer | null; last_hash: Buffer }>;
    return rows.map((row) => ({
      firstSequence: Number(row.first_sequence), lastSequence: Number(row.last_sequence), previousHash: row.previous_hash, lastHash: row.last_hash,
    }));
  }

  /** One page, newest first; ties in time broken by id so the cursor never skips or repeats a row. */
  @GenerateSql({ params: [{ tenantId: SQL_EXAMPLE.tenantId, first: 50 }] }, { params: [{ tenantId: SQL_EXAMPLE.tenantId, subjectType: 'user', subjectId: SQL_EXAMPLE.userId, first: 50, before: '10' }] })
  async newestFirst(query: PersonalDataAccessQuery): Promise<StoredPersonalDataAccess[]> {
    const parameters: unknown[] = [query.tenantId];
    const conditions = ['tenant_id = $1'];
    if (query.subjectType !== undefined) {
      parameters.push(query.subjectType);
      conditions.push(`subject_type = $${parameters.length}`);
    }
    if (query.subjectId !== undefined) {
      parameters.push(query.subjectId);
      conditions.push(`subject_id = $${parameters.length}::uuid`);
    }
    if (query.before !== undefined) {
      // The cursor row must pass the same filters as the page (tenant, subject): a cursor from
      // elsewhere finds no row, the page is empty, and nothing is learnt about another person's entries.
      const cursorConditions = [...conditions];
      parameters.push(query.before);
      conditions.push(
        `(occurred_at, id) < (SELECT occurred_at, id FROM personal_data_access
                               WHERE ${cursorConditions.join(' AND ')} AND id = $${parameters.length}::bigint)`,
      );
    }
    const rows = (await this.sql.query(
      `SELECT ${COLUMNS} FROM personal_data_access WHERE ${conditions.join(' AND ')}
       ORDER BY occurred_at DESC, id DESC LIMIT ${Math.trunc(query.first)}`,
      parameters,
    )) as PersonalDataAccessRow[];
    return rows.map(toStored);
  }
}

function toStored(row: PersonalDataAccessRow): StoredPersonalDataAccess {
  return {
    id: String(row.id),
    tenantId: row.tenant_id,
    occurredAt: row.occurred_at,
    accessorKind: row.accessor_kind,
    accessorId: row.accessor_id,
    accessorRoles: row.accessor_roles,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    categories: row.categories,
    fields: row.fields,
    operation: row.operation,
    requestId: row.request_id,
  };
}
