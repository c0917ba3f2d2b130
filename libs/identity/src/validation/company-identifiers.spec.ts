import { isValidPostalCode, normaliseBelgianEnterpriseNumber, normaliseEuVatNumber } from './company-identifiers';

describe('Belgian enterprise numbers', () => {
  it('accepts a number whose last two digits are 97 minus the first eight modulo 97', () => {
    // 0123.456.7xx: 1234567 % 97 = 48 → check digits 49.
    expect(normaliseBelgianEnterpriseNumber('0123.456.749')).toBe('0123456749');
    expect(normaliseBelgianEnterpriseNumber('BE 0123 456 749')).toBe('0123456749');
  });
  it('refuses a wrong check digit, a wrong length or a leading digit other than 0 or 1', () => {
    expect(normaliseBelgianEnterpriseNumber('0123.456.748')).toBeNull();
    expect(normaliseBelgianEnterpriseNumber('0123.456.74')).toBeNull();
    expect(normaliseBelgianEnterpriseNumber('2123.456.749')).toBeNull();
  });
});

describe('EU VAT numbers', () => {
  it('checks Belgian numbers by check digits and others by syntax', () => {
    expect(normaliseEuVatNumber('BE0123.456.749')).toBe('BE0123456749');
    expect(normaliseEuVatNumber('BE0123.456.748')).toBeNull();
    expect(normaliseEuVatNumber('NL123456789B01')).toBe('NL123456789B01');
    expect(normaliseEuVatNumber('DE12345678')).toBeNull();
    expect(normaliseEuVatNumber('XX123')).toBeNull();
  });
});

describe('postal codes', () => {
  it('knows the Belgian four-digit format', () => {
    expect(isValidPostalCode('2000', 'BE')).toBe(true);
    expect(isValidPostalCode('0200', 'BE')).toBe(false);
    expect(isValidPostalCode('20000', 'BE')).toBe(false);
  });
});
