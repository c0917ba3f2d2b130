import { CoreErrors, DomainError, NotFoundError, withoutStackTrace } from './domain-error';

/**
 * Refusals are made in bulk (a client or an attacker refused thousands of times): V8 must not collect
 * a stack trace for them, which it formats as soon as `stack` is read or replaced.
 */
describe('refusals carry no stack trace', () => {
  const formatted: number[] = [];
  const original = Error.prepareStackTrace;
  beforeEach(() => {
    formatted.length = 0;
    // Called by V8 with the frames it collected, whenever a stack is formatted.
    Error.prepareStackTrace = (error, frames) => {
      formatted.push(frames.length);
      return `${String(error)} (${frames.length} frames)`;
    };
  });
  afterEach(() => {
    Error.prepareStackTrace = original;
  });

  it('a domain error collects no frames, and its stack names the refusal', () => {
    const errors = [CoreErrors.PERMISSION_REQUIRED('Not allowed'), new NotFoundError('User')];
    expect(formatted.every((frames) => frames === 0)).toBe(true);
    expect(errors.map((error) => error.stack)).toEqual(['DomainError: Not allowed', 'NotFoundError: User not found']);
    expect(errors.every((error) => error instanceof DomainError)).toBe(true);
  });

  it('a wrapper made withoutStackTrace collects none; the limit is restored for every other error', () => {
    const limit = Error.stackTraceLimit;
    const wrapper = withoutStackTrace(() => new Error('wrapped'));
    void wrapper.stack;
    expect(formatted).toEqual([0]);
    expect(Error.stackTraceLimit).toBe(limit);
    // The control: an ordinary error still has its frames.
    void new Error('ordinary').stack;
    expect(formatted[1]).toBeGreaterThan(0);
    expect(() => withoutStackTrace(() => { throw new Error('thrown'); })).toThrow('thrown');
    expect(Error.stackTraceLimit).toBe(limit);
  });
});
