import { canonicalJson, chainedHash, chainLockKey, HashChainVerification, HashChainVerifier } from '@chancery/core';

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

export type AuditChainVerification = HashChainVerification;

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

/** The entry's link in its chain (see `chainedHash` in libs/core, shared with the access log). */
export function auditEntryHash(previousHash: Buffer | null, fields: AuditEntryFields): Buffer {
  return chainedHash(previousHash, canonicalAuditEntry(fields));
}

/** Key of the advisory lock that serialises appends to one tenant's (or the platform's) chain. */
export function auditChainLockKey(tenantId: string | null): string {
  return chainLockKey('audit_entry', tenantId);
}

/** Walks one audit chain in sequence order (see HashChainVerifier). */
export class AuditChainVerifier extends HashChainVerifier<ChainedAuditEntry> {
  constructor() {
    super(auditEntryHash);
  }
}
