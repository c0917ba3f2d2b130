import { CountryCodes } from 'validator/es/lib/isISO31661Alpha2';
import type { Formatters } from '../../i18n/format';

/**
 * Countries offered for the origin of goods and the consignee: every ISO 3166-1 country, the list the
 * API checks them against (class-validator's `IsISO31661Alpha2` reads the same set), named by Intl in
 * the reader's language. A chamber certifies for any destination, and goods of any origin.
 */
export function tradeCountries(format: Formatters): Array<{ value: string; label: string }> {
  const collator = new Intl.Collator(format.locale);
  return [...CountryCodes]
    .map((code) => ({ value: code, label: format.country(code) }))
    .sort((a, b) => collator.compare(a.label, b.label));
}
