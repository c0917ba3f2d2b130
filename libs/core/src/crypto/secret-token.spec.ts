import fc from 'fast-check';
import { issueSecret, parseSecret } from './secret-token';

describe('opaque secrets', () => {
  it('parse back to their kind, tenant and hash, whatever characters the random part holds', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.constantFrom('rt', 'inv', 'ect', 'prt', 'key') as fc.Arbitrary<'rt'>, (tenantId, kind) => {
        const { token, hash } = issueSecret(kind, tenantId);
        const parsed = parseSecret(token, kind);
        expect(parsed).toEqual({ kind, tenantId: tenantId.toLowerCase(), hash });
      }),
      { numRuns: 500 },
    );
  });

  it('are refused as another kind, with a changed tenant part, or with a wrong length', () => {
    const { token } = issueSecret('rt', '0b6f3a52-7f0e-4a43-9d42-5d0b1ea4f8a1');
    expect(parseSecret(token, 'inv')).toBeNull();
    expect(parseSecret(token.replace('rt_0b6f', 'rt_zzzz'), 'rt')).toBeNull();
    expect(parseSecret(`${token}x`, 'rt')).toBeNull();
    expect(parseSecret(token.slice(0, -1), 'rt')).toBeNull();
  });

  it('keep the platform operator apart from every tenant', () => {
    const { token } = issueSecret('rt', null);
    expect(parseSecret(token, 'rt')?.tenantId).toBeUndefined();
  });
});
