import { ADDRESS_COUNTRIES, type Formatters } from '../../i18n/format';

/**
 * Countries offered for the origin of goods and the consignee: Europe (the address forms' list) and
 * the main trading partners outside it. Names come from Intl in the reader's language.
 */
const TRADE_PARTNERS = [
  'AE', 'AR', 'AU', 'BR', 'CA', 'CL', 'CN', 'CO', 'DZ', 'EG', 'HK', 'ID', 'IL', 'IN', 'JP', 'KE', 'KR', 'KZ', 'MA', 'MX',
  'MY', 'NG', 'NZ', 'PE', 'PH', 'PK', 'QA', 'RS', 'SA', 'SG', 'TH', 'TN', 'TR', 'TW', 'UA', 'US', 'VN', 'ZA',
] as const;

export function tradeCountries(format: Formatters): Array<{ value: string; label: string }> {
  const collator = new Intl.Collator(format.locale);
  return [...ADDRESS_COUNTRIES, ...TRADE_PARTNERS]
    .map((code) => ({ value: code, label: format.country(code) }))
    .sort((a, b) => collator.compare(a.label, b.label));
}
