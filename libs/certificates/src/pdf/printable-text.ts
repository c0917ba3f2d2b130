import { openSync } from 'fontkit';
import { CERTIFICATE_FONT_FILES } from './certificate-fonts';

/** Line breaks and tabs are laid out by the PDF writer, not drawn from the font. */
const LAYOUT_CHARACTERS = new Set([0x09, 0x0a, 0x0d]);

/**
 * The characters both faces of the certificate can draw, read from the font files once per process
 * (the parsed faces are dropped: only this set of about 3,000 code points is kept).
 */
let printable: ReadonlySet<number> | undefined;

function printableCodePoints(): ReadonlySet<number> {
  if (printable) return printable;
  const [regular, bold] = [CERTIFICATE_FONT_FILES.regular, CERTIFICATE_FONT_FILES.bold].map((file) => {
    const font = openSync(file);
    if ('fonts' in font) throw new Error(`${file}: expected a single font face, found a collection`);
    return new Set(font.characterSet);
  });
  printable = new Set([...regular!].filter((codePoint) => bold!.has(codePoint)));
  return printable;
}

/**
 * The characters of `text` a certificate cannot print, each once, in order of appearance. The PDF
 * writer draws any other as an empty box (the font's glyph 0): a consignee's name in Chinese or Arabic
 * would come out as a row of boxes on a signed document, so such text is refused when it is typed.
 */
export function unprintableCharacters(text: string): string[] {
  const codePoints = printableCodePoints();
  const missing = new Set<string>();
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    if (!LAYOUT_CHARACTERS.has(codePoint) && !codePoints.has(codePoint)) missing.add(character);
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
