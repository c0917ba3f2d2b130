/** EEA countries (ISO 3166-1 alpha-2): processing there is no transfer under GDPR Chapter V. */
const EEA = new Set('AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO'.split(' '));

/** Whether data processed in `country` stays in the EEA (any letter case). */
export function inTheEea(country: string): boolean {
  return EEA.has(country.toUpperCase());
}
