import { exceedsTokenLimit, WithinTokenLimit } from './token-limit';

describe('the token limit', () => {
  it('counts the tokens of a document against the limit (a lexical error is left to the parser)', () => {
    expect(exceedsTokenLimit('{ a b c }', 5)).toBe(false);
    expect(exceedsTokenLimit('{ a b c }', 4)).toBe(true);
    expect(exceedsTokenLimit('{ a "unterminated }', 2)).toBe(false);
  });

  it('gives the same verdict for a document it has seen, and refuses one over the limit every time', () => {
    const withinLimit = new WithinTokenLimit(4);
    for (let time = 0; time < 3; time += 1) {
      expect(withinLimit.test('{ a b }')).toBe(true);
      expect(withinLimit.test('{ a b c }')).toBe(false);
    }
    // Only the document within the limit is remembered.
    expect(withinLimit.size).toBe('{ a b }'.length);
  });

  it('remembers at most its capacity in characters, forgetting the oldest documents first', () => {
    const withinLimit = new WithinTokenLimit(100, 50);
    const documents = Array.from({ length: 20 }, (_, i) => `{ field${String(i).padStart(2, '0')} }`);
    for (const document of documents) expect(withinLimit.test(document)).toBe(true);
    expect(withinLimit.size).toBeLessThanOrEqual(50);
    expect(withinLimit.size).toBe(Math.floor(50 / documents[0].length) * documents[0].length);
    // A document longer than the whole capacity is counted every time and never kept.
    expect(withinLimit.test(`{ ${'a '.repeat(40)}}`)).toBe(true);
    expect(withinLimit.size).toBeLessThanOrEqual(50);
  });
});
