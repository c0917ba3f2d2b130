const namers = new Map<string, Intl.DisplayNames>();

/**
 * A country's name in a locale ("Belgique" for BE in fr-BE), from Intl (CLDR); the code itself when
 * Intl knows no name or the code is not a region code. The signed content keeps the code.
 */
export function countryName(code: string, locale: string): string {
  let namer = namers.get(locale);
  if (!namer) namers.set(locale, (namer = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' })));
  try {
    return namer.of(code) ?? code;
  } catch {
    return code; // not a well-formed region code: as it was signed
  }
}

/**
 * Countries by name and numbers with the locale's decimal mark ("Belgique", "10,5"), as a customs
 * officer reads them, on the printed certificate and on the verification page; the signed content
 * keeps the ISO codes and the numbers. No digit grouping: "1.250" reads as 1.25 to half of the
 * certificate's readers. Three decimals at most, as the application form accepts: a number is shown
 * as it was signed.
 */
export function readerFormats(locale: string): { country: (code: string) => string; number: (value: number) => string } {
  const numbers = new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 3 });
  return { country: (code) => countryName(code, locale), number: (value) => numbers.format(value) };
}
