import { Injectable, Logger } from '@nestjs/common';
import { Clock, RequestContext, SignedChainHead, TransactionRunner } from '@chancery/core';
import { AuditEntryRepository } from '../audit-entry.repository';
import { AuditErrors } from '../audit-log.service';
import { LoggedChain, logCheckpointDocument, logCheckpointPayload } from './log-checkpoint';
import { LogCheckpoint } from './log-checkpoint.entity';
import { LogCheckpointRepository } from './log-checkpoint.repository';

/**
 * What signs a checkpoint: the platform attestation key, held by the privacy context (it signs the
 * destruction certificates too, and publishes its public halves at GET /platform/attestation-keys).
 */
export interface CheckpointSigner {
  keyId: string;
  /** base64url Ed25519 signature of `content` (UTF-8). */
  sign(content: string): string;
}

/** Where a chain ends: its newest record's position and hash. */
export interface ChainEnd {
  sequence: number;
  hash: Buffer;
}

/**
 * The signed heads of the tamper-evident logs (review F2). A hash chain proves its records intact and
 * contiguous, but not complete: without its newest records it is a shorter chain that verifies. So,
 * from time to time, the head of each chain that grew is signed with the platform attestation key,
 * kept here and handed to the tenant (LogCheckpointJob, in privacy, which holds the key and the access log), who holds proof of how far its logs had reached; each chain's
 * verification then checks the chain against its checkpoints (and the CLI against copies the tenant kept).
 */
@Injectable()
export class LogCheckpoints {
  private readonly logger = new Logger(LogCheckpoints.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly checkpoints: LogCheckpointRepository,
    private readonly entries: AuditEntryRepository,
    private readonly context: RequestContext,
    private readonly clock: Clock,
  ) {}

  /** Signs the audit chain's head (null: the platform's) when it grew since its last checkpoint; in the caller's unit of that tenant (or platform scope). */
  async checkpointAuditChain(tenantId: string | null, signer: CheckpointSigner): Promise<LogCheckpoint | undefined> {
    return this.checkpoint(LoggedChain.AUDIT, tenantId, await this.entries.lastOfChain(tenantId), signer);
  }

  /**
   * Signs `end`, the head of `chain` of `tenantId`, when the chain grew since its last checkpoint;
   * undefined when it did not (or is empty). In the caller's unit of that tenant (or platform scope).
   */
  async checkpoint(chain: LoggedChain, tenantId: string | null, end: ChainEnd | undefined, signer: CheckpointSigner): Promise<LogCheckpoint | undefined> {
    if (!end) return undefined;
    const newest = await this.checkpoints.newest(chain, tenantId);
    if (newest && end.sequence <= newest.sequence) {
      // Shorter than what was signed: its verification says TRUNCATED; nothing is signed over it.
      if (end.sequence < newest.sequence) this.logger.warn({ chain, tenantId, sequence: end.sequence, checkpoint: newest.sequence }, 'log chain ends before its newest checkpoint');
      return undefined;
    }
    const facts = { chain, tenantId, sequence: end.sequence, headHash: end.hash.toString('hex'), checkpointedAt: this.clock.now() };
    const made = await this.checkpoints.insert({ ...facts, keyId: signer.keyId, signature: signer.sign(logCheckpointPayload(facts)) });
    return made && withDocument(made);
  }

  /** The signed heads of a chain, in the caller's unit (its tenant's): what the chain's verification checks it against. */
  signedHeads(chain: LoggedChain, tenantId: string | null): Promise<SignedChainHead[]> {
    return this.transactions.run(() => this.checkpoints.heads(chain, tenantId));
  }

  /** The actor's tenant's checkpoints of both logs, newest first, each with the signed document to keep. */
  async listForCurrentTenant(first: number, beforeId?: string): Promise<LogCheckpoint[]> {
    const tenantId = this.context.actor.tenantId;
    if (!tenantId) throw AuditErrors.AUDIT_LOG_IS_PER_TENANT('The audit log is read within a tenant');
    // Scoped here and by row-level security: two locks.
    return (await this.transactions.run(() => this.checkpoints.newestFirst(tenantId, first, beforeId))).map(withDocument);
  }

  /** The platform's own checkpoints (its audit log), newest first, each with the signed document to keep; for the operator, in platform scope. */
  async listForPlatform(first: number, beforeId?: string): Promise<LogCheckpoint[]> {
    if (this.context.actor.tenantId) throw AuditErrors.PLATFORM_AUDIT_LOG_OUTSIDE_TENANTS("The platform's audit log is read outside any tenant");
    // Scoped here (tenant_id IS NULL) and by row-level security (platform scope): two locks.
    return (await this.transactions.run(() => this.checkpoints.newestFirst(null, first, beforeId))).map(withDocument);
  }
}

/** The checkpoint with what is signed and the document to keep, rebuilt from its stored facts. */
export function withDocument(checkpoint: LogCheckpoint): LogCheckpoint {
  const document = logCheckpointDocument(checkpoint, checkpoint.keyId, checkpoint.signature);
  checkpoint.payload = document.payload;
  checkpoint.document = JSON.stringify(document);
  return checkpoint;
}
