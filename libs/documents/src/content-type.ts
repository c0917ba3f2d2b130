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
