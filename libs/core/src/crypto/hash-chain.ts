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

/**
 * Why a chain is broken: a record changed, removed or moved within it (LINK_BROKEN); the chain ends
 * before a head the platform signed (TRUNCATED: its newest records were removed); the record at a
 * signed head's position is not the one signed (CHECKPOINT_MISMATCH: rewritten from there on).
 */
export type ChainBreak = 'LINK_BROKEN' | 'TRUNCATED' | 'CHECKPOINT_MISMATCH';

export interface HashChainVerification {
  entries: number;
  valid: boolean;
  /** The first position where the stored chain differs from a recomputed one (a missing entry's own number). */
  firstBrokenSequence?: number;
  reason?: ChainBreak;
  /** The newest signed head (checkpoint) the chain was checked against, when there was one. */
  checkpointSequence?: number;
}

/** A head of a chain the platform signed (a chain checkpoint): the record at `sequence` had `hash`. */
export interface SignedChainHead {
  sequence: number;
  hash: Buffer;
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
 * A run of consecutive records removed from a chain after their retention, vouched for by what they
 * linked: the first one's previous hash and the last one's hash (what the next kept record links to).
 */
export interface ChainCheckpoint {
  firstSequence: number;
  lastSequence: number;
  previousHash: Buffer | null;
  lastHash: Buffer;
}

/**
 * Walks one chain in sequence order, one record at a time, so arbitrarily long chains are verified
 * page by page. After the first break it only counts. A chain whose old records were pruned is walked
 * with its checkpoints in place of them (`acceptCheckpoint`): a gap no checkpoint covers is a break.
 */
export class HashChainVerifier<E extends ChainLink> {
  private entries = 0;
  private expectedSequence = 1;
  private previousHash: Buffer | null = null;
  private firstBrokenSequence?: number;
  private reason?: ChainBreak;
  private pruned = 0;
  private prunedThrough = 0;
  /** Signed heads by position, and the newest one: the chain must reach it, with these hashes. */
  private readonly heads = new Map<number, Buffer>();
  private newestHead = 0;

  /** `hashOf` recomputes a record's hash from its predecessor's (see `chainedHash`). */
  constructor(private readonly hashOf: (previousHash: Buffer | null, entry: E) => Buffer) {}

  /**
   * Heads of this chain the platform signed (its checkpoints, or copies of them the tenant kept): the
   * chain must reach the newest, and the record at each one's position must be the one signed.
   */
  expectHeads(heads: Iterable<SignedChainHead>): this {
    for (const head of heads) {
      this.heads.set(head.sequence, head.hash);
      this.newestHead = Math.max(this.newestHead, head.sequence);
    }
    return this;
  }

  accept(entry: E): void {
    // Read just before a prune removed it, and already covered by that prune's checkpoint.
    if (entry.sequence < this.expectedSequence && entry.sequence <= this.prunedThrough && this.firstBrokenSequence === undefined) return;
    this.entries += 1;
    if (this.firstBrokenSequence !== undefined) return;
    if (entry.sequence !== this.expectedSequence) {
      // A gap is a removed entry: name the missing position, not the one after it.
      this.breakAt(Math.min(entry.sequence, this.expectedSequence), 'LINK_BROKEN');
      return;
    }
    const linked = sameBytes(entry.previousHash, this.previousHash);
    if (!linked || !this.hashOf(this.previousHash, entry).equals(entry.hash)) {
      this.breakAt(entry.sequence, 'LINK_BROKEN');
      return;
    }
    const signed = this.heads.get(entry.sequence);
    if (signed && !signed.equals(entry.hash)) {
      this.breakAt(entry.sequence, 'CHECKPOINT_MISMATCH');
      return;
    }
    this.previousHash = entry.hash;
    this.expectedSequence += 1;
  }

  /**
   * A checkpoint in the walk, in sequence order with the records: it must start where the chain is
   * (and link to the record before it), or continue a part already walked (a prune that committed
   * while the chain was read page by page); the next record must link to its last hash.
   */
  acceptCheckpoint(checkpoint: ChainCheckpoint): void {
    if (this.firstBrokenSequence !== undefined || checkpoint.lastSequence < this.expectedSequence) return;
    if (checkpoint.firstSequence > this.expectedSequence) {
      this.breakAt(this.expectedSequence, 'LINK_BROKEN');
      return;
    }
    if (checkpoint.firstSequence === this.expectedSequence && !sameBytes(checkpoint.previousHash, this.previousHash)) {
      this.breakAt(checkpoint.firstSequence, 'LINK_BROKEN');
      return;
    }
    // A signed head at the pruned run's end is checked; one inside it went with the run's records.
    const signed = this.heads.get(checkpoint.lastSequence);
    if (signed && !signed.equals(checkpoint.lastHash)) {
      this.breakAt(checkpoint.lastSequence, 'CHECKPOINT_MISMATCH');
      return;
    }
    this.pruned += checkpoint.lastSequence - this.expectedSequence + 1;
    this.prunedThrough = checkpoint.lastSequence;
    this.previousHash = checkpoint.lastHash;
    this.expectedSequence = checkpoint.lastSequence + 1;
  }

  /** Records the checkpoints walked stand for (pruned after their retention). */
  get prunedEntries(): number {
    return this.pruned;
  }

  /** The verdict once every record was accepted: a chain ending before its newest signed head was truncated. */
  get status(): HashChainVerification {
    const checked = this.newestHead > 0 ? { checkpointSequence: this.newestHead } : {};
    if (this.firstBrokenSequence === undefined && this.expectedSequence <= this.newestHead) {
      // The first position signed for but missing.
      return { entries: this.entries, valid: false, firstBrokenSequence: this.expectedSequence, reason: 'TRUNCATED', ...checked };
    }
    return this.firstBrokenSequence === undefined
      ? { entries: this.entries, valid: true, ...checked }
      : { entries: this.entries, valid: false, firstBrokenSequence: this.firstBrokenSequence, reason: this.reason, ...checked };
  }

  private breakAt(sequence: number, reason: ChainBreak): void {
    this.firstBrokenSequence = sequence;
    this.reason = reason;
  }
}

function sameBytes(a: Buffer | null, b: Buffer | null): boolean {
  return a === null || b === null ? a === b : a.equals(b);
}
