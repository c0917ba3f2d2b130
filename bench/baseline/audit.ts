import type { Actor } from '@chancery/core';
import { auditChainLockKey, auditEntryHash, AuditEntryFields } from '@chancery/audit/audit-chain';
import { AuditEntryInput, checkAuditEntryInput } from '@chancery/audit/audit-entry.input';
import { AuditEntryRepository } from '@chancery/audit/audit-entry.repository';
import { BaselineUnit } from './unit';

/**
 * Appends an audit entry in the unit as AuditLog.record does: the transaction's scope, the chain's
 * advisory lock, its last entry, the hashed insert — the audit context's own statements and hash.
 */
export async function recordAudit(
  unit: BaselineUnit,
  actor: Actor,
  requestId: string,
  entry: AuditEntryInput,
): Promise<void> {
  checkAuditEntryInput(entry);
  const entries = new AuditEntryRepository(unit.sql);
  const scope = await entries.scopeOfTransaction();
  const tenantId =
    entry.tenantId === undefined ? scope.tenant : entry.tenantId && entry.tenantId.toLowerCase();
  if (tenantId !== scope.tenant) throw new Error('audit entry for another tenant than the unit of work');
  await entries.lockChain(auditChainLockKey(tenantId));
  const previous = await entries.lastOfChain(tenantId);
  const fields: AuditEntryFields = {
    tenantId,
    sequence: previous ? previous.sequence + 1 : 1,
    occurredAt: new Date(),
    actorKind: actor.kind,
    actorId: actor.id ? actor.id.toLowerCase() : null,
    action: entry.action,
    subjectType: entry.subjectType ?? null,
    subjectId: entry.subjectId ?? null,
    details: { ...entry.details },
    requestId,
  };
  const previousHash = previous?.hash ?? null;
  await entries.append({ ...fields, previousHash, hash: auditEntryHash(previousHash, fields) });
}
