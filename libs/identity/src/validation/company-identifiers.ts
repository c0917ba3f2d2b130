import { registerDecorator, ValidationOptions } from 'class-validator';

/**
 * Belgian enterprise number: ten digits written `0123.456.789` (or without dots); the last two digits
 * are 97 minus the first eight modulo 97. Returns the ten digits, or null when invalid.
 */
export function normaliseBelgianEnterpriseNumber(value: string): string | null {
  const compact = value.replace(/^BE/i, '').replace(/[.\s]/g, '');
  if (!/^[01]\d{9}$/.test(compact)) return null;
  const base = Number(compact.slice(0, 8));
  const check = Number(compact.slice(8));
  return 97 - (base % 97) === check ? compact : null;
}

export function formatBelgianEnterpriseNumber(digits: string): string {
  return `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`;
}

/** Syntax of VAT numbers of the EU member states (VIES formats); Belgium also checks the digits. */
const EU_VAT_PATTERNS: Record<string, RegExp> = {
  AT: /^U\d{8}$/, BE: /^[01]\d{9}$/, BG: /^\d{9,10}$/, CY: /^\d{8}[A-Z]$/, CZ: /^\d{8,10}$/,
  DE: /^\d{9}$/, DK: /^\d{8}$/, EE: /^\d{9}$/, EL: /^\d{9}$/, ES: /^[A-Z0-9]\d{7}[A-Z0-9]$/,
  FI: /^\d{8}$/, FR: /^[A-HJ-NP-Z0-9]{2}\d{9}$/, HR: /^\d{11}$/, HU: /^\d{8}$/, IE: /^\d{7}[A-W][A-I]?$|^\d[A-Z+*]\d{5}[A-W]$/,
  IT: /^\d{11}$/, LT: /^(\d{9}|\d{12})$/, LU: /^\d{8}$/, LV: /^\d{11}$/, MT: /^\d{8}$/,
  NL: /^\d{9}B\d{2}$/, PL: /^\d{10}$/, PT: /^\d{9}$/, RO: /^\d{2,10}$/, SE: /^\d{12}$/,
  SI: /^\d{8}$/, SK: /^\d{10}$/, XI: /^(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/,
};

/** Returns the VAT number in its compact form (`BE0123456749`), or null when it is not valid. */
export function normaliseEuVatNumber(value: string): string | null {
  const compact = value.toUpperCase().replace(/[\s.-]/g, '');
  const country = compact.slice(0, 2);
  const rest = compact.slice(2);
  if (country === 'BE') {
    const digits = normaliseBelgianEnterpriseNumber(rest);
    return digits ? `BE${digits}` : null;
  }
  const pattern = EU_VAT_PATTERNS[country];
  return pattern && pattern.test(rest) ? compact : null;
}

export function IsEuVatNumber(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isEuVatNumber',
      target: target.constructor,
      propertyName,
      options: { message: 'must be an EU VAT number, e.g. BE0123.456.749 (Belgian numbers are checked with their check digits)', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && normaliseEuVatNumber(value) !== null },
    });
}

/** Postal code by country: four digits for BE, LU, AT…; a general pattern elsewhere. */
const POSTAL_CODE_PATTERNS: Record<string, RegExp> = {
  BE: /^[1-9]\d{3}$/, LU: /^\d{4}$/, NL: /^\d{4} ?[A-Z]{2}$/, FR: /^\d{5}$/, DE: /^\d{5}$/,
};
const GENERAL_POSTAL_CODE = /^[A-Z0-9][A-Z0-9 -]{1,9}$/i;

export function isValidPostalCode(postalCode: string, country: string): boolean {
  return (POSTAL_CODE_PATTERNS[country.toUpperCase()] ?? GENERAL_POSTAL_CODE).test(postalCode);
}
