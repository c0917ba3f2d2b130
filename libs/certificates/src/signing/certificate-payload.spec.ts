import { canonicalJson } from '@chancery/core';
import { CertificateApplication, CertificateLanguage, GoodsLine } from '../entities/certificate-application.entity';
import { sameHash } from '@chancery/core';
import { certificateNumber, certificatePayload, goodsHash, newVerificationCode, verificationCodeDigest } from './certificate-payload';
import { jwkThumbprint, newEd25519KeyPair, signEd25519, verifyEd25519 } from '@chancery/core';

const application = Object.assign(new CertificateApplication(), {
  language: CertificateLanguage.NL, consigneeName: 'Importer Ltd', consigneeAddress: '1 Dock Road', consigneeCountry: 'GB', countryOfOrigin: 'BE',
  transportDetails: 'By sea', invoiceReferences: ['INV-1'], remarks: '',
  goods: [Object.assign(new GoodsLine(), { description: 'Pralines', hsCode: '180690', quantity: 10, unit: 'kg', grossWeightKg: 11, netWeightKg: 10, marksAndNumbers: 'A', packages: 1 })],
});

describe('the signed content of a certificate', () => {
  const payload = certificatePayload({
    number: 'BE-ANT-2026-000123', issuedAt: new Date('2026-03-01T10:00:00Z'), keyId: 'kid', application, replacesNumber: null,
    chamber: { name: 'Voka Antwerpen', slug: 'voka-antwerpen', country: 'BE' }, exporter: { name: 'Pralines NV', address: 'Kaai 1, 2000 Antwerpen', country: 'BE' },
  });

  it('is the canonical JSON (RFC 8785) of the content: the shared canonicaliser of the audit log', () => {
    expect(canonicalJson(JSON.parse(payload))).toBe(payload);
    expect(JSON.parse(payload)).toMatchObject({ number: 'BE-ANT-2026-000123', goodsHash: goodsHash(application.goods), language: 'NL' });
  });

  it('verifies with the key that signed it, and not once changed or with another key', () => {
    const key = newEd25519KeyPair();
    const signature = signEd25519(key.privateKeyPkcs8, payload);
    expect(verifyEd25519(key.x, payload, signature)).toBe(true);
    expect(verifyEd25519(key.x, payload.replace('"quantity":10', '"quantity":11'), signature)).toBe(false);
    expect(verifyEd25519(newEd25519KeyPair().x, payload, signature)).toBe(false);
    expect(verifyEd25519('not a key', payload, signature)).toBe(false);
    expect(key.kid).toBe(jwkThumbprint(key.x));
  });

  it('numbers per tenant and year with six digits; codes are 12 readable characters, compared whatever their case and dashes', () => {
    expect(certificateNumber('BE-ANT', 2026, 123)).toBe('BE-ANT-2026-000123');
    const code = newVerificationCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(sameHash(verificationCodeDigest(code), verificationCodeDigest(code.toLowerCase().replace(/-/g, '')))).toBe(true);
    expect(sameHash(verificationCodeDigest(code), verificationCodeDigest('AAAA-AAAA-AAAA'))).toBe(false);
  });
});
