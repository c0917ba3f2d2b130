import { PRINTABLE_CODE_POINT_RANGES } from './printable-code-points';

/** Line breaks and tabs are laid out by the PDF writer, not drawn from the font. */
const LAYOUT_CHARACTERS = new Set([0x09, 0x0a, 0x0d]);

/**
 * Whether both faces of the certificate can draw the code point: a binary search of the ranges read
 * from the font files when they were chosen (printable-code-points.spec.ts keeps them equal), so the
 * API never loads a font parser to validate text.
 */
function printable(codePoint: number): boolean {
  let [low, high] = [0, PRINTABLE_CODE_POINT_RANGES.length - 1];
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [from, to] = PRINTABLE_CODE_POINT_RANGES[middle]!;
    if (codePoint < from) high = middle - 1;
    else if (codePoint > to) low = middle + 1;
    else return true;
  }
  return false;
}

/**
 * The characters of `text` a certificate cannot print, each once, in order of appearance. The PDF
 * writer draws any other as an empty box (the font's glyph 0): a consignee's name in Chinese or Arabic
 * would come out as a row of boxes on a signed document, so such text is refused when it is typed.
 */
export function unprintableCharacters(text: string): string[] {
  const missing = new Set<string>();
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    if (!LAYOUT_CHARACTERS.has(codePoint) && !printable(codePoint)) missing.add(character);
  }
  return [...missing];
}

/** Characters as a refusal names them, the first five: `"北" (U+5317), "京" (U+4EAC), …`. */
export function describeCharacters(characters: readonly string[]): string {
  const shown = characters.slice(0, 5).map((character) => `"${character}" (U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`);
  return `${shown.join(', ')}${characters.length > 5 ? ', …' : ''}`;
}

/** The exporter's details as the certificate prints them (the company profile's name and address). */
export interface PrintedExporter {
  name: string;
  street: string;
  postalCode: string;
  city: string;
}

/**
 * The exporter's profile fields the certificate cannot print, with their characters: they come from
 * the company profile (identity), not from the application, so they are checked when the company
 * submits and again when the chamber signs (the profile may have changed in between).
 */
export function unprintableExporterFields(exporter: PrintedExporter): { fields: string[]; characters: string[] } {
  const fields: string[] = [];
  const characters = new Set<string>();
  for (const field of ['name', 'street', 'postalCode', 'city'] as const) {
    const missing = unprintableCharacters(exporter[field] ?? '');
    if (missing.length === 0) continue;
    fields.push(`organisation.${field}`);
    missing.forEach((character) => characters.add(character));
  }
  return { fields, characters: [...characters] };
}
