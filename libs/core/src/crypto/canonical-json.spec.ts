import fc from 'fast-check';
import { canonicalJson, CanonicalJsonError, JsonValue } from './canonical-json';

describe('Canonical JSON (RFC 8785) of audit values', () => {
  it('matches the example of RFC 8785 §3.2.2 (numbers, escapes, literals, member order)', () => {
    const input = JSON.parse(
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],' +
        '"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}',
    ) as JsonValue;
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts members by UTF-16 code units, as RFC 8785 §3.2.3 requires', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    const keys = Object.keys(JSON.parse(canonicalJson(input)) as object);
    // JSON.parse keeps "1" first (an array index), so read the order from the text instead.
    expect(keys).toHaveLength(7);
    const order = [...canonicalJson(input).matchAll(/"([^"]*)":"[^"]*"/g)].map((m) =>
      JSON.parse(`"${m[1]}"`),
    );
    expect(order).toEqual(['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33']);
  });

  it('gives the same text whatever order the members were written in, and no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[true,null]},"b":1}',
    );
    expect(canonicalJson({ a: { c: 'x', d: [true, null] }, b: 1 })).toBe(
      '{"a":{"c":"x","d":[true,null]},"b":1}',
    );
  });

  it('writes -0 as 0', () => {
    expect(canonicalJson({ n: -0 })).toBe('{"n":0}');
  });

  it.each([
    ['undefined member', { a: undefined } as unknown as JsonValue],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a Date', new Date(0) as unknown as JsonValue],
    ['a Buffer', Buffer.from('x') as unknown as JsonValue],
    ['a lone high surrogate', 'a\ud800b'],
    ['a lone low surrogate', '\udc00'],
    ['a bigint', 1n as unknown as JsonValue],
  ])('refuses %s instead of coercing it', (_label, value) => {
    expect(() => canonicalJson(value)).toThrow(CanonicalJsonError);
  });

  it('is JSON that parses back to the same value, for any JSON value (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value as JsonValue);
        expect(canonicalJson(JSON.parse(text) as JsonValue)).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});
