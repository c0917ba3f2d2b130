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
