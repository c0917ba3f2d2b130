import { createHash } from 'node:crypto';
import {
  AuditChainVerifier,
  auditChainLockKey,
  auditEntryHash,
  AuditEntryFields,
  canonicalAuditEntry,
  ChainedAuditEntry,
} from './audit-chain';

const TENANT = '6f1d1c9e-8a43-4c2b-9d7e-2b0c1a6f4e11';

function fields(sequence: number, overrides: Partial<AuditEntryFields> = {}): AuditEntryFields {
  return {
    tenantId: TENANT,
    sequence,
    occurredAt: new Date(Date.UTC(2025, 10, 26, 10, 0, sequence)),
    actorKind: 'user',
    actorId: '0b6e1f0c-3c1e-4a57-8f43-8d1f0f3f7a21',
    action: 'auth.login.succeeded',
    subjectType: 'User',
    subjectId: '0b6e1f0c-3c1e-4a57-8f43-8d1f0f3f7a21',
    details: { method: 'password', attempts: 1, secondFactor: false },
    requestId: `req-${sequence}`,
    ...overrides,
  };
}

function chainOf(count: number): ChainedAuditEntry[] {
  const chain: ChainedAuditEntry[] = [];
  for (let sequence = 1; sequence <= count; sequence += 1) {
    const previousHash = chain.at(-1)?.hash ?? null;
    const entry = fields(sequence);
    chain.push({ ...entry, previousHash, hash: auditEntryHash(previousHash, entry) });
  }
  return chain;
}

function verify(entries: ChainedAuditEntry[]) {
  const verifier = new AuditChainVerifier();
  entries.forEach((entry) => verifier.accept(entry));
  return verifier.status;
}

describe('The audit hash chain', () => {
  it('hashes every field, absent ones as null, in canonical form', () => {
    expect(
      canonicalAuditEntry(fields(3, { subjectType: null, subjectId: null, details: { b: 2, a: 'x' } })),
    ).toBe(
      '{"action":"auth.login.succeeded","actorId":"0b6e1f0c-3c1e-4a57-8f43-8d1f0f3f7a21","actorKind":"user",' +
        '"details":{"a":"x","b":2},"occurredAt":"2025-11-26T10:00:03.000Z","requestId":"req-3","sequence":3,' +
        `"subjectId":null,"subjectType":null,"tenantId":"${TENANT}"}`,
    );
  });

  it('is sha256 of the previous hash followed by the canonical entry (none before the first)', () => {
    const first = fields(1);
    expect(auditEntryHash(null, first).toString('hex')).toBe(
      createHash('sha256').update(canonicalAuditEntry(first)).digest('hex'),
    );
    const previous = Buffer.alloc(32, 7);
    expect(auditEntryHash(previous, fields(2)).toString('hex')).toBe(
      createHash('sha256')
        .update(previous)
        .update(canonicalAuditEntry(fields(2)))
        .digest('hex'),
    );
  });

  it('changes when any single field changes', () => {
    const base = auditEntryHash(null, fields(1));
    const changes: Partial<AuditEntryFields>[] = [
      { tenantId: null },
      { sequence: 2 },
      { occurredAt: new Date(Date.UTC(2025, 10, 26, 10, 0, 1, 1)) },
      { actorKind: 'system' },
      { actorId: null },
      { action: 'auth.login.failed' },
      { subjectType: 'ApiKey' },
      { subjectId: 'other' },
      { details: { method: 'password', attempts: 2, secondFactor: false } },
      { details: { method: 'password', attempts: '1', secondFactor: false } },
      { requestId: null },
    ];
    for (const change of changes) expect(auditEntryHash(null, fields(1, change)).equals(base)).toBe(false);
  });

  it('verifies an intact chain, and an empty one', () => {
    expect(verify(chainOf(5))).toEqual({ entries: 5, valid: true });
    expect(verify([])).toEqual({ entries: 0, valid: true });
  });

  it('reports a changed entry at its own sequence', () => {
    const chain = chainOf(5);
    chain[2] = { ...chain[2], details: { method: 'totp', attempts: 1, secondFactor: true } };
    expect(verify(chain)).toEqual({ entries: 5, valid: false, firstBrokenSequence: 3, reason: 'LINK_BROKEN' });
  });

  it('reports a changed entry even when its own hash was recomputed (the next link breaks)', () => {
    const chain = chainOf(5);
    const forged = fields(3, { action: 'auth.login.failed' });
    chain[2] = { ...forged, previousHash: chain[1].hash, hash: auditEntryHash(chain[1].hash, forged) };
    expect(verify(chain)).toEqual({ entries: 5, valid: false, firstBrokenSequence: 4, reason: 'LINK_BROKEN' });
  });

  it('reports a removed entry at the missing sequence', () => {
    const chain = chainOf(5);
    chain.splice(2, 1);
    expect(verify(chain)).toEqual({ entries: 4, valid: false, firstBrokenSequence: 3, reason: 'LINK_BROKEN' });
    expect(verify(chainOf(3).slice(1))).toEqual({ entries: 2, valid: false, firstBrokenSequence: 1, reason: 'LINK_BROKEN' });
  });

  it('reports two entries that swapped positions', () => {
    const chain = chainOf(5);
    const [second, third] = [chain[1], chain[2]];
    chain[1] = { ...third, sequence: 2 };
    chain[2] = { ...second, sequence: 3 };
    expect(verify(chain)).toEqual({ entries: 5, valid: false, firstBrokenSequence: 2, reason: 'LINK_BROKEN' });
  });

  it('reports a stored previous hash that does not match the entry before', () => {
    const chain = chainOf(3);
    chain[1] = { ...chain[1], previousHash: Buffer.alloc(32) };
    expect(verify(chain)).toEqual({ entries: 3, valid: false, firstBrokenSequence: 2, reason: 'LINK_BROKEN' });
  });

  it('locks each chain under its own key, the same in every process', () => {
    expect(auditChainLockKey(TENANT)).toBe(auditChainLockKey(TENANT));
    expect(auditChainLockKey(TENANT)).not.toBe(auditChainLockKey(null));
    expect(BigInt(auditChainLockKey(TENANT))).toBeGreaterThanOrEqual(-(2n ** 63n));
    expect(BigInt(auditChainLockKey(TENANT))).toBeLessThan(2n ** 63n);
  });
});
