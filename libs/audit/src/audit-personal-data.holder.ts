import { Injectable } from '@nestjs/common';
import { DataSubject, ErasureOutcome, HeldRecord, HoldsPersonalData, KeptOnErasure, PersonalDataHolder } from '@chancery/policy';
import type { AuditDetails } from './audit-chain';
import { AuditEntryRepository, StoredAuditEntry } from './audit-entry.repository';
import { toAuditEntryType } from './entities/audit-entry.type';

/**
 * The audit log holds of a person only their account id as the actor of entries. It is evidence
 * (disputes, 004 §4.3) and append-only: erasure keeps the entries, which name nobody once the account
 * is de-identified.
 */
@HoldsPersonalData()
@Injectable()
export class AuditPersonalDataHolder implements PersonalDataHolder {
  readonly holder = 'audit.entries';

  constructor(private readonly entries: AuditEntryRepository) {}

  /** The whole chain goes with a departing tenant: the entries are its evidence for disputes (004 §4.3). */
  readonly archivedTables = {
    audit_entry: (row: Record<string, unknown>) =>
      toAuditEntryType({
        id: String(row.id),
        tenantId: (row.tenant_id as string | null) ?? null,
        sequence: Number(row.sequence),
        occurredAt: new Date(String(row.occurred_at)),
        actorKind: String(row.actor_kind),
        actorId: (row.actor_id as string | null) ?? null,
        action: String(row.action),
        subjectType: (row.subject_type as string | null) ?? null,
        subjectId: (row.subject_id as string | null) ?? null,
        details: (row.details as AuditDetails | null) ?? {},
      } as StoredAuditEntry),
  };

  async recordsOf(subject: DataSubject): Promise<HeldRecord[]> {
    if (!subject.userId) return [];
    return (await this.entries.byActor(subject.tenantId, subject.userId.toLowerCase())).map((entry) => ({ record: toAuditEntryType(entry) }));
  }

  async erase(subject: DataSubject): Promise<ErasureOutcome> {
    const kept = subject.userId ? (await this.entries.byActor(subject.tenantId, subject.userId.toLowerCase())).length : 0;
    return {
      deleted: 0,
      deidentified: 0,
      keptAsReference: kept,
      reason: kept > 0 ? 'The tamper-evident audit trail is kept as evidence of who did what (disputes, DigiChambers §4.3); it holds only the de-identified account id.' : undefined,
      kept: kept > 0 ? [{ what: KeptOnErasure.AUDIT_TRAIL, records: kept }] : [],
    };
  }
}
