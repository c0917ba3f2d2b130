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
    // Outside review of 7 December (F12): a Hangul filler shows as nothing, and is a whole company name no more;
    // tag characters carry hidden text (ASCII smuggling); twenty accents stacked on one letter spill over the lines around.
    ['\u3164', 'must not be blank'],
    [' \u115f\u1160\uffa0\u2800 ', 'must not be blank'],
    ['Acme\u{E0049}\u{E0067}\u{E006E}', 'contains a control or text-direction character that is not allowed'],
    [`Z${'\u0301'.repeat(20)}algo`, 'stacks too many accents or marks on one character'],
  ])('%j is refused: %s', (value, reason) => {
    expect(problemWithText(value)).toBe(reason);
  });

  it.each([['Beton'], ['Zürich'], ['👩‍👩‍👧 family'], ['co\u00adoperation'], ['\u200bvisible'], ['Nguyễn'], ['e\u0301\u0323'], ['한국']])('%j is accepted', (value) => {
    expect(problemWithText(value)).toBeUndefined();
  });
});
