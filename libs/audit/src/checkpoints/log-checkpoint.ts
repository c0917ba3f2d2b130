import { canonicalJson, SignedChainHead } from '@chancery/core';

/** The tamper-evident logs whose heads the platform signs. */
export enum LoggedChain {
  /** The audit log (a tenant's, or the platform's own). */
  AUDIT = 'AUDIT',
  /** A tenant's personal-data access log. */
  PERSONAL_DATA_ACCESS = 'PERSONAL_DATA_ACCESS',
}

export const LOG_CHECKPOINT_FORMAT = 'chancery.log-checkpoint/1';

/** What a checkpoint states: chain `chain` of `tenantId` (null: the platform's) had reached `sequence`, whose record's hash is `headHash`. */
export interface LogCheckpointFacts {
  chain: LoggedChain;
  tenantId: string | null;
  sequence: number;
  /** SHA-256 of the record at `sequence` (its chained hash), hex. */
  headHash: string;
  checkpointedAt: Date;
}

/** The text the platform signs (RFC 8785 canonical JSON): verified byte for byte as received. */
export function logCheckpointPayload(facts: LogCheckpointFacts): string {
  return canonicalJson({
    format: LOG_CHECKPOINT_FORMAT,
    chain: facts.chain,
    tenantId: facts.tenantId,
    sequence: facts.sequence,
    headHash: facts.headHash,
    checkpointedAt: facts.checkpointedAt.toISOString(),
  });
}

/**
 * The document the tenant keeps (downloaded, or the `data` of the `audit.checkpoint` webhook): the
 * signed payload with the key's id and the signature; the facts beside it are for reading, the
 * payload is what counts (docs/verify-log-checkpoint.mjs, `verify-audit-chain --checkpoint`).
 */
export interface LogCheckpointDocument {
  format: string;
  chain: LoggedChain;
  tenantId: string | null;
  sequence: number;
  headHash: string;
  checkpointedAt: string;
  payload: string;
  keyId: string;
  signature: string;
}

export function logCheckpointDocument(facts: LogCheckpointFacts, keyId: string, signature: string): LogCheckpointDocument {
  return {
    format: LOG_CHECKPOINT_FORMAT, chain: facts.chain, tenantId: facts.tenantId, sequence: facts.sequence, headHash: facts.headHash,
    checkpointedAt: facts.checkpointedAt.toISOString(), payload: logCheckpointPayload(facts), keyId, signature,
  };
}

/** A kept document, read from its signed payload only (the readable fields beside it may say anything). */
export interface KeptLogCheckpoint {
  chain: LoggedChain;
  tenantId: string | null;
  head: SignedChainHead;
  payload: string;
  keyId: string;
  signature: string;
}

export class LogCheckpointDocumentError extends Error {
  override readonly name = 'LogCheckpointDocumentError';
}

export function readLogCheckpointDocument(json: string): KeptLogCheckpoint {
  let document: Partial<LogCheckpointDocument>;
  let facts: Record<string, unknown>;
  try {
    document = JSON.parse(json) as Partial<LogCheckpointDocument>;
    facts = JSON.parse(String(document.payload)) as Record<string, unknown>;
  } catch {
    throw new LogCheckpointDocumentError('not a log checkpoint: no JSON payload');
  }
  const { chain, tenantId, sequence, headHash } = facts;
  if (
    facts.format !== LOG_CHECKPOINT_FORMAT || !Object.values(LoggedChain).includes(chain as LoggedChain) || !(tenantId === null || typeof tenantId === 'string') ||
    !Number.isSafeInteger(sequence) || (sequence as number) < 1 || typeof headHash !== 'string' || !/^[0-9a-f]{64}$/.test(headHash) ||
    typeof document.keyId !== 'string' || typeof document.signature !== 'string'
  ) {
    throw new LogCheckpointDocumentError(`not a ${LOG_CHECKPOINT_FORMAT} document`);
  }
  return {
    chain: chain as LoggedChain, tenantId: tenantId as string | null, head: { sequence: sequence as number, hash: Buffer.from(headHash, 'hex') },
    payload: document.payload!, keyId: document.keyId, signature: document.signature,
  };
}
