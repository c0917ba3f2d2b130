import { randomBytes } from 'node:crypto';
import { openSecret, sealSecret } from './secret-box';

describe('sealed secrets', () => {
  const key = randomBytes(32);

  it('open to what was sealed, and never show it in the sealed form', () => {
    const sealed = sealSecret(key, 'JBSWY3DPEHPK3PXP');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(openSecret(key, sealed)).toBe('JBSWY3DPEHPK3PXP');
    expect(sealSecret(key, 'JBSWY3DPEHPK3PXP')).not.toBe(sealed);
  });

  it('do not open with another key, when changed, or when not sealed', () => {
    const sealed = sealSecret(key, 'JBSWY3DPEHPK3PXP');
    expect(openSecret(randomBytes(32), sealed)).toBeNull();
    const bytes = Buffer.from(sealed.slice(3), 'base64');
    bytes[bytes.length - 1] ^= 1;
    expect(openSecret(key, `v1.${bytes.toString('base64')}`)).toBeNull();
    expect(openSecret(key, 'JBSWY3DPEHPK3PXP')).toBeNull();
  });
});
