import { createHash } from 'node:crypto';

/**
 * A hash chain of append-only records (the audit log, the personal-data access log): each record's
 * hash is sha256(previous hash || canonical text of the record), so a changed, removed or reordered
 * record breaks every hash after it. One implementation for every log that must be tamper-evident.
 */
export interface ChainLink {
  sequence: number;
  previousHash: Buffer | null;
  hash: Buffer;
}

export interface HashChainVerification {
  entries: number;
  valid: boolean;
  /** The first position where the stored chain differs from a recomputed one (a missing entry's own number). */
  firstBrokenSequence?: number;
}

/** sha256(previous hash || canonical text). */
export function chainedHash(previousHash: Buffer | null, canonicalText: string): Buffer {
  const hash = createHash('sha256');
  if (previousHash) hash.update(previousHash);
  return hash.update(canonicalText, 'utf8').digest();
}

/**
 * Key of the transaction-scoped advisory lock that serialises appends to one chain (`chain` names
 * the log, e.g. `audit_entry`; `tenantId` null is the platform's). Derived from a hash so it needs no
 * registry; a collision would only make two chains take turns.
 */
export function chainLockKey(chain: string, tenantId: string | null): string {
  return createHash('sha256').update(`${chain}:${tenantId ?? 'platform'}`).digest().readBigInt64BE(0).toString();
}

/**
 * Walks one chain in sequence order, one record at a time, so arbitrarily long chains are verified
 * page by page. After the first break it only counts.
 */
export class HashChainVerifier<E extends ChainLink> {
  private entries = 0;
  private expectedSequence = 1;
  private previousHash: Buffer | null = null;
  private firstBrokenSequence?: number;

  /** `hashOf` recomputes a record's hash from its predecessor's (see `chainedHash`). */
  constructor(private readonly hashOf: (previousHash: Buffer | null, entry: E) => Buffer) {}

  accept(entry: E): void {
    this.entries += 1;
    if (this.firstBrokenSequence !== undefined) return;
    if (entry.sequence !== this.expectedSequence) {
      // A gap is a removed entry: name the missing position, not the one after it.
      this.firstBrokenSequence = Math.min(entry.sequence, this.expectedSequence);
      return;
    }
    const linked = sameBytes(entry.previousHash, this.previousHash);
    if (!linked || !this.hashOf(this.previousHash, entry).equals(entry.hash)) {
      this.firstBrokenSequence = entry.sequence;
      return;
    }
    this.previousHash = entry.hash;
    this.expectedSequence += 1;
  }

  get status(): HashChainVerification {
    return this.firstBrokenSequence === undefined
      ? { entries: this.entries, valid: true }
      : { entries: this.entries, valid: false, firstBrokenSequence: this.firstBrokenSequence };
  }
}

function sameBytes(a: Buffer | null, b: Buffer | null): boolean {
  return a === null || b === null ? a === b : a.equals(b);
}
