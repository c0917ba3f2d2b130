import { Injectable } from '@nestjs/common';
import { Clock, defineErrors, ErrorCode, RequestContext, TransactionRunner } from '@chancery/core';
import { AuditChainVerification, auditChainLockKey, auditEntryHash, AuditEntryFields } from './audit-chain';
import { AuditEntryRepository, StoredAuditEntry } from './audit-entry.repository';
import { LoggedChain } from './checkpoints/log-checkpoint';
import { LogCheckpointRepository } from './checkpoints/log-checkpoint.repository';
import {
  AuditEntryInput,
  checkAuditEntryInput,
  checkUuid,
  InvalidAuditEntryError,
} from './audit-entry.input';

export interface RecordedAuditEntry {
  id: string;
  tenantId: string | null;
  sequence: number;
}

export interface AuditEntriesPage {
  first: number;
  /** Continue a newest-first listing below this sequence. */
  afterSequence?: number;
}

/**
 * The tamper-evident audit log. Entries of one tenant form a hash chain; the application role may
 * only read and append (see the migration), so a changed, removed or reordered entry shows up in
 * `verifyChain`. Security-relevant changes call `record` inside their own unit of work, so the
 * entry commits or rolls back with the change it describes.
 */
export const AuditErrors = defineErrors('audit', {
  AUDIT_LOG_IS_PER_TENANT: [ErrorCode.FORBIDDEN, 'The audit log is read within a tenant; the caller acts in none.'],
  PLATFORM_AUDIT_LOG_OUTSIDE_TENANTS: [ErrorCode.FORBIDDEN, "The platform's audit log is read in platform scope; the caller acts in a tenant."],
});

@Injectable()
export class AuditLog {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly entries: AuditEntryRepository,
    private readonly checkpoints: LogCheckpointRepository,
    private readonly context: RequestContext,
    private readonly clock: Clock,
  ) {}

  /**
   * Appends an entry to its tenant's chain, in the caller's open unit of work when there is one.
   * Holds the chain's lock until that unit of work ends: record late in a transaction, not first.
   */
  async record(entry: AuditEntryInput): Promise<RecordedAuditEntry> {
    checkAuditEntryInput(entry);
    return this.transactions.run(() => this.append(entry));
  }

  /**
   * Recomputes one chain (null: the platform's) from its first entry, as the system (integrity checks),
   * against its signed heads: a chain ending before its newest checkpoint was truncated.
   */
  async verifyChain(tenantId: string | null): Promise<AuditChainVerification> {
    if (tenantId !== null) checkUuid('tenantId', tenantId);
    return this.transactions.asSystem(tenantId, () => this.verifyAgainstCheckpoints(tenantId));
  }

  /** The chain of the actor's tenant, verified against its signed heads. */
  async verifyCurrentTenantChain(): Promise<AuditChainVerification> {
    const tenantId = this.currentTenant();
    return this.transactions.run(() => this.verifyAgainstCheckpoints(tenantId));
  }

  /**
   * The platform's own chain (tenant_id NULL), verified against its signed heads, in the operator's
   * ordinary unit of work: platform scope, where row-level security shows the platform's rows only.
   */
  async verifyPlatformChain(): Promise<AuditChainVerification> {
    this.assertPlatformScope();
    return this.transactions.run(() => this.verifyAgainstCheckpoints(null));
  }

  // The heads first: a checkpoint committed during the walk signs entries the walk reads after it.
  private async verifyAgainstCheckpoints(tenantId: string | null): Promise<AuditChainVerification> {
    const heads = await this.checkpoints.heads(LoggedChain.AUDIT, tenantId);
    return this.entries.verify(tenantId, heads);
  }

  /** The actor's tenant's entries, newest first. */
  async listEntries(page: AuditEntriesPage): Promise<StoredAuditEntry[]> {
    const tenantId = this.currentTenant();
    // Scoped here and by row-level security: two locks.
    return this.transactions.run(() => this.entries.newestFirst(tenantId, page.first, page.afterSequence));
  }

  /** The platform's own entries, newest first (the operator's unit of work: platform scope). */
  async listPlatformEntries(page: AuditEntriesPage): Promise<StoredAuditEntry[]> {
    this.assertPlatformScope();
    // Scoped here (tenant_id IS NULL) and by row-level security (platform scope): two locks.
    return this.transactions.run(() => this.entries.newestFirst(null, page.first, page.afterSequence));
  }

  private currentTenant(): string {
    const tenantId = this.context.actor.tenantId;
    if (!tenantId) throw AuditErrors.AUDIT_LOG_IS_PER_TENANT('The audit log is read within a tenant');
    return tenantId;
  }

  /**
   * The platform's chain is read by a person acting in no tenant (the operator): in a tenant's unit the
   * rows are out of sight, and an empty chain would read as a valid one.
   */
  private assertPlatformScope(): void {
    if (this.context.actor.tenantId) throw AuditErrors.PLATFORM_AUDIT_LOG_OUTSIDE_TENANTS("The platform's audit log is read outside any tenant");
  }

  private async append(entry: AuditEntryInput): Promise<RecordedAuditEntry> {
    const tenantId = await this.chainOf(entry.tenantId);
    // Serialises appends to this chain until the transaction ends; the unique (tenant_id, sequence)
    // index refuses a duplicate position should anything get past it.
    await this.entries.lockChain(auditChainLockKey(tenantId));
    const previous = await this.entries.lastOfChain(tenantId);
    const actor = this.context.actor;
    const fields: AuditEntryFields = {
      tenantId,
      sequence: previous ? previous.sequence + 1 : 1,
      // Read after the lock, so time and sequence agree within a chain.
      occurredAt: this.clock.now(),
      actorKind: actor.kind,
      actorId: actor.id ? lowerCaseUuid('actor id', actor.id) : null,
      action: entry.action,
      subjectType: entry.subjectType ?? null,
      subjectId: entry.subjectId ?? null,
      details: { ...entry.details },
      requestId: this.context.requestId ?? null,
    };
    const previousHash = previous?.hash ?? null;
    const id = await this.entries.append({ ...fields, previousHash, hash: auditEntryHash(previousHash, fields) });
    return { id, tenantId, sequence: fields.sequence };
  }

  /**
   * The chain an entry goes to, checked against the unit of work it is written in: row-level
   * security would refuse a foreign one anyway, this says why.
   */
  private async chainOf(requested: string | null | undefined): Promise<string | null> {
    const scope = await this.entries.scopeOfTransaction();
    const tenantId =
      requested === undefined ? scope.tenant : requested && lowerCaseUuid('tenantId', requested);
    if (tenantId === null && !scope.platform) {
      throw new InvalidAuditEntryError(
        'Audit entry refused: a platform-level entry needs a unit of work in platform scope',
      );
    }
    if (tenantId !== null && tenantId !== scope.tenant) {
      throw new InvalidAuditEntryError("Audit entry refused: tenantId is not the open unit of work's tenant");
    }
    return tenantId;
  }
}

// PostgreSQL prints uuids in lower case; hash what it will read back.
function lowerCaseUuid(field: string, value: string): string {
  checkUuid(field, value);
  return value.toLowerCase();
}
