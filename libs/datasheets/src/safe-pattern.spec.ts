import { linearTimeRegExp, unsafePatternReason } from './safe-pattern';

describe('unsafePatternReason', () => {
  it.each(['^(a+)+$', '(a*)*b', '^(a|aa)+$', '^((ab)*c)+$', '^(\\w+\\s?)*$', '^([A-Z0-9]+-?)+$', '^(x+x+)+y$', '(a+){2}', '(?:a+)+', '(?<n>a+)*', '((a|b)c)+', '(a+|b){2,}'])(
    'refuses %s: it can backtrack exponentially',
    (pattern) => expect(unsafePatternReason(pattern)).toMatch(/repeats a group/),
  );

  it.each(['^(a)\\1$', '^(?<x>a)\\k<x>$'])('refuses the backreference in %s', (pattern) => expect(unsafePatternReason(pattern)).toBe('holds a backreference'));

  it.each(['(?=a+)b', '^(?!x)\\d*\\d*y$', '^\\d{0,17}$', '^[A-Z0-9]{1,35}$'])(
    'refuses %s: the linear-time engine cannot run it (a lookaround, a counted repetition above 16)',
    (pattern) => expect(unsafePatternReason(pattern)).toMatch(/cannot be run in linear time/),
  );

  it('leaves a malformed pattern to the schema compiler, which names the syntax error', () => expect(unsafePatternReason('(?=a')).toBeNull());

  it('runs an accepted pattern in linear time, with the same matches', () => {
    const polynomial = linearTimeRegExp('^\\d*\\d*\\d*x$');
    const startedAt = Date.now();
    expect(polynomial.test(`${'1'.repeat(60_000)}!`)).toBe(false);
    expect(Date.now() - startedAt).toBeLessThan(1_000);
    expect(polynomial.test('123x')).toBe(true);
    expect(linearTimeRegExp('^[A-Z]{2}-\\d{3}$').test('AB-123')).toBe(true);
  });

  it('refuses a pattern longer than 200 characters', () => expect(unsafePatternReason('a'.repeat(201))).toMatch(/longer than 200/));

  it.each(['^[A-Z]{2}-\\d{3}$', '^(C\\d{2}/\\d{2})?$', '^x-[a-z]+$', '^(?:ab){3}$', '(a+){1}', '(a+){0,1}', '[(]+)+', '[\\]()]+', '(?<n>a+)b', '^(a|b)?$', '\\(a+\\)+', '^\\d+(\\.\\d+)?$', '^\\d{0,16}$', '^$', '\\\\(a)+'])(
    'accepts %s',
    (pattern) => expect(unsafePatternReason(pattern)).toBeNull(),
  );
});
