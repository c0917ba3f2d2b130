/**
 * The types a supporting document may have, recognised from the bytes (their signature), never from
 * the file name or a client's header: a renamed executable stays refused.
 */
const SIGNATURES: ReadonlyArray<{ mediaType: string; magic: readonly number[] }> = [
  { mediaType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mediaType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mediaType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
];

export const ACCEPTED_MEDIA_TYPES: readonly string[] = SIGNATURES.map((s) => s.mediaType);

/** The media type the bytes are, or null when they are none of the accepted ones. */
export function mediaTypeOf(bytes: Buffer): string | null {
  return SIGNATURES.find((s) => bytes.length >= s.magic.length && s.magic.every((b, i) => bytes[i] === b))?.mediaType ?? null;
}

/** How far from the end a file's end marker may lie (a line break after `%%EOF`, padding after a JPEG's end). */
const END_WINDOW = 1024;
const PNG_END = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]); // the IEND chunk, with its CRC
const PDF_END = Buffer.from('%%EOF', 'latin1');
const JPEG_END = Buffer.from([0xff, 0xd9]);

/**
 * Whether the bytes of `mediaType` are a whole file: they end as the format ends (a PDF's `%%EOF`, a
 * PNG's IEND chunk, a JPEG's end-of-image marker). A header alone, or an upload cut off, is not a
 * document anyone can open: the eight bytes `%PDF-1.4` were stored as an invoice.
 */
export function isWholeFile(bytes: Buffer, mediaType: string): boolean {
  const tail = bytes.subarray(Math.max(0, bytes.length - END_WINDOW));
  switch (mediaType) {
    case 'application/pdf':
      return tail.includes(PDF_END);
    case 'image/png':
      return bytes.length >= 8 + PNG_END.length && bytes.subarray(bytes.length - PNG_END.length).equals(PNG_END);
    case 'image/jpeg':
      // After the start-of-image marker (the first two bytes), not the marker's own bytes.
      return bytes.length > 4 && bytes.subarray(Math.max(2, bytes.length - END_WINDOW)).includes(JPEG_END);
    default:
      return false;
  }
}
