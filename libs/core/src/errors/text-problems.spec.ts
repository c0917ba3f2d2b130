import { problemWithText } from './validation';

describe('text no field of ours takes', () => {
  it.each([
    ['   ', 'must not be blank'],
    ['\u00a0\u3000', 'must not be blank'],
    // Review of 6 December (F16): only zero-width and format characters read as nothing, and were accepted.
    ['\u200b'.repeat(12), 'must not be blank'],
    ['\u200b\ufeff', 'must not be blank'],
    [' \u2060\u00ad\u200d ', 'must not be blank'],
    ['a\u0000b', 'contains a control or text-direction character that is not allowed'],
    ['abc\u202e', 'contains a control or text-direction character that is not allowed'],
  ])('%j is refused: %s', (value, reason) => {
    expect(problemWithText(value)).toBe(reason);
  });

  it.each([['Beton'], ['Zürich'], ['👩‍👩‍👧 family'], ['co\u00adoperation'], ['\u200bvisible']])('%j is accepted', (value) => {
    expect(problemWithText(value)).toBeUndefined();
  });
});
