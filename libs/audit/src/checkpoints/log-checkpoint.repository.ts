import { Injectable } from '@nestjs/common';
import { GenerateSql, SignedChainHead, Sql, SQL_EXAMPLE } from '@chancery/core';
import { LoggedChain } from './log-checkpoint';
import { LogCheckpoint } from './log-checkpoint.entity';

interface LogCheckpointRow {
  id: string;
  tenant_id: string | null;
  chain: LoggedChain;
  sequence: string;
  head_hash: string;
  checkpointed_at: Date;
  signing_key_id: string;
  signature: string;
}

export type NewLogCheckpoint = Omit<LogCheckpoint, 'id' | 'payload' | 'document'>;

const COLUMNS = 'id, tenant_id, chain, sequence, head_hash, checkpointed_at, signing_key_id, signature';
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
    const rows = (await this.sql.query(`SELECT ${COLUMNS} FROM log_checkpoint WHERE ${condition} ORDER BY sequence DESC LIMIT 1`, parameters)) as LogCheckpointRow[];
    return rows[0] && toCheckpoint(rows[0]);
  }

  /** Adds a checkpoint; undefined when the chain already has one at that position (a concurrent run). */
  @GenerateSql({ params: [EXAMPLE] })
  async insert(checkpoint: NewLogCheckpoint): Promise<LogCheckpoint | undefined> {
    const rows = (await this.sql.query(
      `INSERT INTO log_checkpoint (tenant_id, chain, sequence, head_hash, checkpointed_at, signing_key_id, signature)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
      [checkpoint.tenantId, checkpoint.chain, checkpoint.sequence, checkpoint.headHash, checkpoint.checkpointedAt, checkpoint.keyId, checkpoint.signature],
    )) as LogCheckpointRow[];
    return rows[0] && toCheckpoint(rows[0]);
  }

  /** Every signed head of a chain, in sequence order: what its verification checks it against. */
  @GenerateSql({ params: [LoggedChain.AUDIT, SQL_EXAMPLE.tenantId] }, { params: [LoggedChain.AUDIT, null], tenantId: null })
  async heads(chain: LoggedChain, tenantId: string | null): Promise<SignedChainHead[]> {
    const [condition, parameters] = chainCondition(chain, tenantId);
    const rows = (await this.sql.query(`SELECT sequence, head_hash FROM log_checkpoint WHERE ${condition} ORDER BY sequence`, parameters)) as Array<Pick<LogCheckpointRow, 'sequence' | 'head_hash'>>;
    return rows.map((row) => ({ sequence: Number(row.sequence), hash: Buffer.from(row.head_hash, 'hex') }));
  }

  /**
   * One page of the tenant's checkpoints (both logs), newest first, continuing below `beforeId` when
   * given. The cursor must be one of the tenant's checkpoints: any other id finds no row and the page is
   * empty, so nothing is learnt of another tenant's ids.
   */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, 50] }, { params: [SQL_EXAMPLE.tenantId, 50, '10'] })
  async newestFirst(tenantId: string, first: number, beforeId?: string): Promise<LogCheckpoint[]> {
    const before = beforeId === undefined ? '' : 'AND id < (SELECT c.id FROM log_checkpoint c WHERE c.tenant_id = $1 AND c.id = $2::bigint)';
    const rows = (await this.sql.query(
      `SELECT ${COLUMNS} FROM log_checkpoint WHERE tenant_id = $1 ${before} ORDER BY id DESC LIMIT ${Math.trunc(first)}`,
      beforeId === undefined ? [tenantId] : [tenantId, beforeId],
    )) as LogCheckpointRow[];
    return rows.map(toCheckpoint);
  }

  /** The tenants (null: the platform) with checkpoints of `chain`, as far as the reader may see: a chain emptied entirely is still verified. */
  @GenerateSql({ params: [LoggedChain.AUDIT] })
  async chainsWithCheckpoints(chain: LoggedChain): Promise<(string | null)[]> {
    const rows = (await this.sql.query(`SELECT DISTINCT tenant_id FROM log_checkpoint WHERE chain = $1 ORDER BY tenant_id NULLS FIRST`, [chain])) as Array<Pick<LogCheckpointRow, 'tenant_id'>>;
    return rows.map((row) => row.tenant_id);
  }
}

// As audit_entry's: `tenant_id = NULL` matches nothing.
function chainCondition(chain: LoggedChain, tenantId: string | null): [string, unknown[]] {
  return tenantId === null ? ['chain = $1 AND tenant_id IS NULL', [chain]] : ['chain = $1 AND tenant_id = $2', [chain, tenantId]];
}

function toCheckpoint(row: LogCheckpointRow): LogCheckpoint {
  return Object.assign(new LogCheckpoint(), {
    id: String(row.id), tenantId: row.tenant_id, chain: row.chain, sequence: Number(row.sequence), headHash: row.head_hash,
    checkpointedAt: row.checkpointed_at, keyId: row.signing_key_id, signature: row.signature,
  });
}
