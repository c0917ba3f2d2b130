import { createHash } from 'node:crypto';
import { canonicalJson } from '@chancery/core';

/** A detail of an audit entry: ids, codes and counts only, never personal-data values. */
export type AuditDetailValue = string | number | boolean | null;
export type AuditDetails = Readonly<Record<string, AuditDetailValue>>;

/** Everything an entry's hash covers. The row id is left out: it is the database's, not the chain's. */
export interface AuditEntryFields {
  /** NULL for the platform's own chain. */
  tenantId: string | null;
  sequence: number;
  occurredAt: Date;
  actorKind: string;
  actorId: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  details: AuditDetails;
  requestId: string | null;
}

export interface ChainedAuditEntry extends AuditEntryFields {
  previousHash: Buffer | null;
  hash: Buffer;
}

export interface AuditChainVerification {
  entries: number;
  valid: boolean;
  /** The first position where the stored chain differs from a recomputed one (a missing entry's own number). */
  firstBrokenSequence?: number;
}

/** The text an entry's hash is taken over. Every field is present (absent ones as null), keys sorted. */
export function canonicalAuditEntry(fields: AuditEntryFields): string {
  return canonicalJson({
    tenantId: fields.tenantId,
    sequence: fields.sequence,
    occurredAt: fields.occurredAt.toISOString(),
    actorKind: fields.actorKind,
    actorId: fields.actorId,
    action: fields.action,
    subjectType: fields.subjectType,
    subjectId: fields.subjectId,
    details: fields.details,
    requestId: fields.requestId,
  });
}

/**
 * sha256(previous hash || canonical JSON of the entry). Chaining through the previous hash is what
 * makes a changed, removed or reordered entry break every hash after it.
 */
export function auditEntryHash(previousHash: Buffer | null, fields: AuditEntryFields): Buffer {
  const hash = createHash('sha256');
  if (previousHash) hash.update(previousHash);
  return hash.update(canonicalAuditEntry(fields), 'utf8').digest();
}

/**
 * Key of the transaction-scoped advisory lock that serialises appends to one chain. Derived from a
 * hash so it needs no registry; a collision between two tenants would only make them take turns.
 */
export function auditChainLockKey(tenantId: string | null): string {
  const digest = createHash('sha256')
    .update(`audit_entry:${tenantId ?? 'platform'}`)
    .digest();
  return digest.readBigInt64BE(0).toString();
}

/**
 * Walks one chain in sequence order, one entry at a time, so arbitrarily long chains are verified
 * page by page. After the first break it only counts.
 */
export class AuditChainVerifier {
  private entries = 0;
  private expectedSequence = 1;
  private previousHash: Buffer | null = null;
  private firstBrokenSequence?: number;

  accept(entry: ChainedAuditEntry): void {
    this.entries += 1;
    if (this.firstBrokenSequence !== undefined) return;
    if (entry.sequence !== this.expectedSequence) {
      // A gap is a removed entry: name the missing position, not the one after it.
      this.firstBrokenSequence = Math.min(entry.sequence, this.expectedSequence);
      return;
    }
    const linked = sameBytes(entry.previousHash, this.previousHash);
    if (!linked || !auditEntryHash(this.previousHash, entry).equals(entry.hash)) {
      this.firstBrokenSequence = entry.sequence;
      return;
    }
    this.previousHash = entry.hash;
    this.expectedSequence += 1;
  }

  get status(): AuditChainVerification {
    return this.firstBrokenSequence === undefined
      ? { entries: this.entries, valid: true }
      : { entries: this.entries, valid: false, firstBrokenSequence: this.firstBrokenSequence };
  }
}

function sameBytes(a: Buffer | null, b: Buffer | null): boolean {
  return a === null || b === null ? a === b : a.equals(b);
}
