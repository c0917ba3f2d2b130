import { newPublicCode, normalisePublicCode, PUBLIC_CODE_ALPHABET } from './public-code';

describe('public codes', () => {
  it('are 8 characters of an alphabet without 0, O, 1 or I', () => {
    expect(PUBLIC_CODE_ALPHABET).not.toMatch(/[0O1I]/);
    expect(new Set(PUBLIC_CODE_ALPHABET).size).toBe(32);
    for (let i = 0; i < 1000; i += 1) expect(newPublicCode()).toMatch(/^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}$/);
  });

  it('are read back as people type them, and refuse what cannot be a code', () => {
    expect(normalisePublicCode('k7qx-3m9p')).toBe('K7QX3M9P');
    expect(normalisePublicCode('K7QX 3M9P')).toBe('K7QX3M9P');
    expect(normalisePublicCode('K7QX3M9O')).toBeNull();
    expect(normalisePublicCode('K7QX3M9')).toBeNull();
  });
});
