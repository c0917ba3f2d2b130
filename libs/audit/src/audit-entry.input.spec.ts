import {
  AuditEntryInput,
  checkAuditEntryInput,
  InvalidAuditEntryError,
  MAX_AUDIT_VALUE_LENGTH,
} from './audit-entry.input';

describe('What an audit entry may hold', () => {
  it('accepts ids, codes and counts', () => {
    expect(() =>
      checkAuditEntryInput({
        action: 'auth.login.succeeded',
        subjectType: 'User',
        subjectId: '0b6e1f0c-3c1e-4a57-8f43-8d1f0f3f7a21',
        details: { method: 'password', attempts: 3, secondFactor: true, previousRole: null },
        tenantId: '6f1d1c9e-8a43-4c2b-9d7e-2b0c1a6f4e11',
      }),
    ).not.toThrow();
    expect(() => checkAuditEntryInput({ action: 'apiKey.revoked', tenantId: null })).not.toThrow();
  });

  it.each<[string, AuditEntryInput]>([
    ['an action that is not dotted words', { action: 'login' }],
    ['an action with spaces', { action: 'auth.login failed' }],
    ['a subject type that is not an identifier', { action: 'a.b', subjectType: 'User account' }],
    ['an empty subject id', { action: 'a.b', subjectId: '' }],
    ['free text in a detail', { action: 'a.b', details: { note: 'x'.repeat(MAX_AUDIT_VALUE_LENGTH + 1) } }],
    ['a control character', { action: 'a.b', details: { code: 'a\u0000b' } }],
    ['a nested object', { action: 'a.b', details: { address: { city: 'Gent' } } as never }],
    ['a non-finite number', { action: 'a.b', details: { count: Number.NaN } }],
    ['a tenant id that is not a uuid', { action: 'a.b', tenantId: 'tenant-1' }],
    ['a detail key that is not an identifier', { action: 'a.b', details: { 'e-mail': 'x' } }],
  ])('refuses %s', (_label, entry) => {
    expect(() => checkAuditEntryInput(entry)).toThrow(InvalidAuditEntryError);
  });
});
