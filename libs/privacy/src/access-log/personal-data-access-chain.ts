import { canonicalJson, chainedHash, chainLockKey, HashChainVerifier } from '@chancery/core';

/** One row as written: names of categories and fields, never their values. */
export interface PersonalDataAccessRecord {
  tenantId: string;
  occurredAt: Date;
  accessorKind: string;
  accessorId: string | null;
  accessorRoles: string[];
  subjectType: string;
  subjectId: string;
  categories: string[];
  fields: string[];
  operation: string;
  requestId: string | null;
}

/** A row of the access log with its place in the tenant's chain (the chain of libs/core, as the audit log's). */
export interface ChainedPersonalDataAccess extends PersonalDataAccessRecord {
  sequence: number;
  previousHash: Buffer | null;
  hash: Buffer;
}

/** The text a row's hash is taken over: every field but the database's id, keys sorted. */
export function canonicalPersonalDataAccess(record: PersonalDataAccessRecord & { sequence: number }): string {
  return canonicalJson({
    tenantId: record.tenantId,
    sequence: record.sequence,
    occurredAt: record.occurredAt.toISOString(),
    accessorKind: record.accessorKind,
    accessorId: record.accessorId,
    accessorRoles: record.accessorRoles,
    subjectType: record.subjectType,
    subjectId: record.subjectId,
    categories: record.categories,
    fields: record.fields,
    operation: record.operation,
    requestId: record.requestId,
  });
}

export function personalDataAccessHash(previousHash: Buffer | null, record: PersonalDataAccessRecord & { sequence: number }): Buffer {
  return chainedHash(previousHash, canonicalPersonalDataAccess(record));
}

export function personalDataAccessLockKey(tenantId: string): string {
  return chainLockKey('personal_data_access', tenantId);
}

/** Links records after `last` (the chain's current end), in order. */
export function chainAfter(
  last: { sequence: number; hash: Buffer } | undefined,
  records: readonly PersonalDataAccessRecord[],
): ChainedPersonalDataAccess[] {
  let sequence = last?.sequence ?? 0;
  let previousHash = last?.hash ?? null;
  return records.map((record) => {
    sequence += 1;
    const linked = { ...record, sequence, previousHash, hash: personalDataAccessHash(previousHash, { ...record, sequence }) };
    previousHash = linked.hash;
    return linked;
  });
}

export class PersonalDataAccessChainVerifier extends HashChainVerifier<ChainedPersonalDataAccess> {
  constructor() {
    super(personalDataAccessHash);
  }
}
