import { assertAcceptablePassword } from './password-policy';

const reasonFor = (password: string, email?: string): string | null => {
  try {
    assertAcceptablePassword(password, 'newPassword', email);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
};

describe('which passwords are accepted (NIST SP 800-63B: length, and not a known or easily guessed one)', () => {
  // Review of 6 December (F9): these passed the length and the distinct-character rules.
  it.each(['password1234', '123456789012', 'qwertyuiopas', 'passwordpassword', 'Voka2026Voka2026', 'iloveyou1234', 'azertyuiop12'])('%s is refused as too easy to guess', (password) => {
    expect(reasonFor(password)).toBe('is too easy to guess');
  });

  it('a password built on the person’s own address is refused', () => {
    expect(reasonFor('jan.peeters-2026!', 'jan.peeters@example.test')).toBe('must not contain the e-mail address');
    expect(reasonFor('peeters123456', 'jan.peeters@example.test')).toBe('is too easy to guess');
    // The same password is acceptable for someone else: the address's words are what make it guessable.
    expect(reasonFor('peeters123456', 'someone@example.test')).toBeNull();
  });

  it.each(['chancery-demo-2026', 'granite-river-window-88', 'a long enough passphrase 42', 'correct horse battery staple', 'Tr0ub4dor&3xyz'])('%s is accepted', (password) => {
    expect(reasonFor(password, 'someone@example.test')).toBeNull();
  });

  it('length first: too short and too long say so', () => {
    expect(reasonFor('short1!')).toBe('must be at least 12 characters long');
    expect(reasonFor('x'.repeat(64) + 'y'.repeat(65))).toBe('must be at most 128 characters long');
  });
});
