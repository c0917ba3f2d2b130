import { Injectable } from '@nestjs/common';
import { GenerateSql, selectColumns, SignedChainHead, Sql, SQL_EXAMPLE, toEntity } from '@chancery/core';
import { LoggedChain } from './log-checkpoint';
import { LogCheckpoint } from './log-checkpoint.entity';

export type NewLogCheckpoint = Omit<LogCheckpoint, 'id' | 'payload' | 'document'>;

const CHECKPOINT = selectColumns(LogCheckpoint, 'c');
const EXAMPLE: NewLogCheckpoint = {
  tenantId: SQL_EXAMPLE.tenantId, chain: LoggedChain.AUDIT, sequence: 42, headHash: SQL_EXAMPLE.hash.toString('hex'), checkpointedAt: SQL_EXAMPLE.at, keyId: 'kid', signature: 'signature',
};

/**
 * `log_checkpoint`, the signed heads of the tamper-evident logs; every read names the chain it reads.
 * The application runs it in its units of work (row-level security applies); the verification command
 * gives it the owner's client, as it does the audit entries' repository.
 */
@Injectable()
export class LogCheckpointRepository {
  constructor(private readonly sql: Sql) {}

  /** The chain's newest checkpoint. */
  @GenerateSql({ params: [LoggedChain.AUDIT, SQL_EXAMPLE.tenantId] }, { params: [LoggedChain.AUDIT, null], tenantId: null })
  async newest(chain: LoggedChain, tenantId: string | null): Promise<LogCheckpoint | undefined> {
    const [condition, parameters] = chainCondition(chain, tenantId);
    const rows = (await this.sql.query(`SELECT ${CHECKPOINT} FROM log_checkpoint c WHERE ${condition} ORDER BY c.sequence DESC LIMIT 1`, parameters)) as LogCheckpoint[];
    return rows[0] && toCheckpoint(rows[0]);
  }

  /** Adds a checkpoint; undefined when the chain already has one at that position (a concurrent run). */
  @GenerateSql({ params: [EXAMPLE] })
  async insert(checkpoint: NewLogCheckpoint): Promise<LogCheckpoint | undefined> {
    const rows = (await this.sql.query(
      `INSERT INTO log_checkpoint AS c (tenant_id, chain, sequence, head_hash, checkpointed_at, signing_key_id, signature)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING ${CHECKPOINT}`,
      [checkpoint.tenantId, checkpoint.chain, checkpoint.sequence, checkpoint.headHash, checkpoint.checkpointedAt, checkpoint.keyId, checkpoint.signature],
    )) as LogCheckpoint[];
    return rows[0] && toCheckpoint(rows[0]);
  }

  /** Every signed head of a chain, in sequence order: what its verification checks it against. */
  @GenerateSql({ params: [LoggedChain.AUDIT, SQL_EXAMPLE.tenantId] }, { params: [LoggedChain.AUDIT, null], tenantId: null })
  async heads(chain: LoggedChain, tenantId: string | null): Promise<SignedChainHead[]> {
    const [condition, parameters] = chainCondition(chain, tenantId);
    const rows = (await this.sql.query(`SELECT c.sequence, c.head_hash FROM log_checkpoint c WHERE ${condition} ORDER BY c.sequence`, parameters)) as Array<{ sequence: string; head_hash: string }>;
    return rows.map((row) => ({ sequence: Number(row.sequence), hash: Buffer.from(row.head_hash, 'hex') }));
  }

  /**
   * One page of a tenant's checkpoints (both logs; null: the platform's, of its audit log), newest first,
   * continuing below `beforeId` when given. The cursor must be one of that owner's checkpoints: any other
   * id finds no row and the page is empty, so nothing is learnt of another tenant's ids.
   */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, 50] }, { params: [SQL_EXAMPLE.tenantId, 50, '10'] }, { params: [null, 50], tenantId: null }, { params: [null, 50, '10'], tenantId: null })
  async newestFirst(tenantId: string | null, first: number, beforeId?: string): Promise<LogCheckpoint[]> {
    const [owner, parameters]: [string, unknown[]] = tenantId === null ? ['tenant_id IS NULL', []] : ['tenant_id = $1', [tenantId]];
    const cursor = `$${parameters.length + 1}::bigint`;
    const before = beforeId === undefined ? '' : `AND c.id < (SELECT k.id FROM log_checkpoint k WHERE k.${owner} AND k.id = ${cursor})`;
    const rows = (await this.sql.query(
      `SELECT ${CHECKPOINT} FROM log_checkpoint c WHERE c.${owner} ${before} ORDER BY c.id DESC LIMIT ${Math.trunc(first)}`,
      beforeId === undefined ? parameters : [...parameters, beforeId],
    )) as LogCheckpoint[];
    return rows.map(toCheckpoint);
  }

  /** The tenants (null: the platform) with checkpoints of `chain`, as far as the reader may see: a chain emptied entirely is still verified. */
  @GenerateSql({ params: [LoggedChain.AUDIT] })
  async chainsWithCheckpoints(chain: LoggedChain): Promise<(string | null)[]> {
    const rows = (await this.sql.query(`SELECT DISTINCT tenant_id FROM log_checkpoint WHERE chain = $1 ORDER BY tenant_id NULLS FIRST`, [chain])) as Array<{ tenant_id: string | null }>;
    return rows.map((row) => row.tenant_id);
  }
}

// As audit_entry's: `tenant_id = NULL` matches nothing.
function chainCondition(chain: LoggedChain, tenantId: string | null): [string, unknown[]] {
  return tenantId === null ? ['c.chain = $1 AND c.tenant_id IS NULL', [chain]] : ['c.chain = $1 AND c.tenant_id = $2', [chain, tenantId]];
}

// \`sequence\` is a bigint, which pg returns as text; positions stay far below 2^53.
function toCheckpoint(row: LogCheckpoint): LogCheckpoint {
  const checkpoint = toEntity(LogCheckpoint, row);
  checkpoint.sequence = Number(checkpoint.sequence);
  return checkpoint;
}
