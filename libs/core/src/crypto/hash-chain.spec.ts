import { chainedHash, HashChainVerifier } from './hash-chain';

interface Entry {
  sequence: number;
  previousHash: Buffer | null;
  hash: Buffer;
  text: string;
}

const hashOf = (previousHash: Buffer | null, entry: Entry) => chainedHash(previousHash, entry.text);

function chain(length: number): Entry[] {
  const entries: Entry[] = [];
  let previousHash: Buffer | null = null;
  for (let sequence = 1; sequence <= length; sequence += 1) {
    const text = `entry ${sequence}`;
    const hash = chainedHash(previousHash, text);
    entries.push({ sequence, previousHash, hash, text });
    previousHash = hash;
  }
  return entries;
}

/** A checkpoint standing for entries first..last of the chain. */
const checkpointOf = (entries: Entry[], first: number, last: number) => ({
  firstSequence: first, lastSequence: last, previousHash: entries[first - 1]!.previousHash, lastHash: entries[last - 1]!.hash,
});

function walk(items: Array<Entry | ReturnType<typeof checkpointOf>>) {
  const verifier = new HashChainVerifier<Entry>(hashOf);
  for (const item of items) ('text' in item ? verifier.accept(item) : verifier.acceptCheckpoint(item));
  return { ...verifier.status, pruned: verifier.prunedEntries };
}

describe('HashChainVerifier with checkpoints of pruned runs', () => {
  const entries = chain(6);

  it('a chain whose runs were pruned verifies with their checkpoints in place', () => {
    expect(walk([checkpointOf(entries, 1, 2), entries[2]!, checkpointOf(entries, 4, 4), checkpointOf(entries, 5, 5), entries[5]!]))
      .toEqual({ entries: 2, valid: true, pruned: 4 });
  });

  it('a gap no checkpoint covers is a break at the missing position', () => {
    expect(walk([checkpointOf(entries, 1, 2), entries[3]!, entries[4]!])).toEqual({ entries: 2, valid: false, firstBrokenSequence: 3, reason: 'LINK_BROKEN', pruned: 2 });
  });

  it('a kept entry that does not link to the checkpoint before it, or was changed, is a break', () => {
    expect(walk([checkpointOf(entries, 1, 2), { ...entries[2]!, text: 'changed' }])).toMatchObject({ valid: false, firstBrokenSequence: 3 });
    expect(walk([{ ...checkpointOf(entries, 1, 2), lastHash: entries[0]!.hash }, entries[2]!])).toMatchObject({ valid: false, firstBrokenSequence: 3 });
  });

  it('a checkpoint that does not continue the entry before it is a break', () => {
    expect(walk([entries[0]!, { ...checkpointOf(entries, 2, 3), previousHash: Buffer.alloc(32) }, entries[3]!])).toMatchObject({ valid: false, firstBrokenSequence: 2 });
  });

  it('an entry read just before a prune removed it, and its checkpoint read after, counts once', () => {
    expect(walk([entries[0]!, entries[1]!, checkpointOf(entries, 1, 3), entries[3]!])).toEqual({ entries: 3, valid: true, pruned: 1 });
  });
});

describe('HashChainVerifier against signed heads (chain checkpoints)', () => {
  const entries = chain(5);
  const headAt = (sequence: number) => ({ sequence, hash: entries[sequence - 1]!.hash });
  function walkWith(heads: Array<{ sequence: number; hash: Buffer }>, items: Array<Entry | ReturnType<typeof checkpointOf>>) {
    const verifier = new HashChainVerifier<Entry>(hashOf).expectHeads(heads);
    for (const item of items) ('text' in item ? verifier.accept(item) : verifier.acceptCheckpoint(item));
    return verifier.status;
  }

  it('a whole chain that reaches its signed heads with their hashes is valid, and says which head it was checked against', () => {
    expect(walkWith([headAt(2), headAt(4)], entries)).toEqual({ entries: 5, valid: true, checkpointSequence: 4 });
  });

  it('a chain whose newest records were removed, still intact in itself, ends before its signed head: TRUNCATED at the first missing position', () => {
    expect(walkWith([], entries.slice(0, 3))).toEqual({ entries: 3, valid: true });
    expect(walkWith([headAt(4)], entries.slice(0, 3))).toEqual({ entries: 3, valid: false, firstBrokenSequence: 4, reason: 'TRUNCATED', checkpointSequence: 4 });
    expect(walkWith([headAt(2)], [])).toMatchObject({ valid: false, firstBrokenSequence: 1, reason: 'TRUNCATED' });
  });

  it('a chain rewritten from a signed position on (valid in itself) differs there: CHECKPOINT_MISMATCH', () => {
    const signedOther = { sequence: 3, hash: chainedHash(entries[1]!.hash, 'another entry 3') };
    expect(walkWith([signedOther], entries)).toEqual({ entries: 5, valid: false, firstBrokenSequence: 3, reason: 'CHECKPOINT_MISMATCH', checkpointSequence: 3 });
  });

  it('a signed head at the end of a pruned run is checked against the run’s checkpoint', () => {
    expect(walkWith([headAt(2)], [checkpointOf(entries, 1, 2), ...entries.slice(2)])).toMatchObject({ valid: true, checkpointSequence: 2 });
    expect(walkWith([{ sequence: 2, hash: entries[0]!.hash }], [checkpointOf(entries, 1, 2), ...entries.slice(2)])).toMatchObject({ valid: false, reason: 'CHECKPOINT_MISMATCH', firstBrokenSequence: 2 });
  });
});
