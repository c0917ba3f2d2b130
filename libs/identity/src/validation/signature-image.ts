import { crc32, inflateSync } from 'node:zlib';
import { registerDecorator, ValidationOptions } from 'class-validator';

/** The largest signature image taken, in pixels each way (a signature scanned at 300 dpi is well within). */
export const SIGNATURE_IMAGE_MAX_PIXELS = 2000;

const DATA_URL = /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/]+=*)$/;
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Bit depths allowed for each PNG colour type (PNG spec, table 11.1). */
const PNG_BIT_DEPTHS: Readonly<Record<number, readonly number[]>> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
const PNG_CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
/** Adam7 passes: x start, y start, x step, y step. */
const ADAM7 = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]] as const;


const fitsLimit = (width: number, height: number) => width > 0 && height > 0 && width <= SIGNATURE_IMAGE_MAX_PIXELS && height <= SIGNATURE_IMAGE_MAX_PIXELS;

/**
 * A whole PNG: every chunk there with its checksum, a valid header first, the image data inflating to
 * exactly the rows the header announces, IEND last. The PDF library reads the chunks when a
 * certificate is rendered and throws on a short or damaged file (probe F5: one bad upload stopped
 * every PDF the signer signed), so it is refused here, where the signer can still fix it.
 */
export function isWholePng(bytes: Buffer): boolean {
  if (bytes.length < PNG_MAGIC.length || !bytes.subarray(0, 8).equals(PNG_MAGIC)) return false;
  let pos = 8;
  let header: { width: number; height: number; bitDepth: number; colourType: number; interlaced: boolean } | null = null;
  let palette = false;
  const data: Buffer[] = [];
  while (pos + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(pos);
    const end = pos + 12 + length;
    if (end > bytes.length) return false;
    const type = bytes.toString('latin1', pos + 4, pos + 8);
    const body = bytes.subarray(pos + 8, pos + 8 + length);
    if (crc32(bytes.subarray(pos + 4, pos + 8 + length)) !== bytes.readUInt32BE(pos + 8 + length)) return false;
    if (!header && type !== 'IHDR') return false;
    if (type === 'IHDR') {
      if (header || length !== 13) return false;
      header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), bitDepth: body[8]!, colourType: body[9]!, interlaced: body[12] === 1 };
      if (!fitsLimit(header.width, header.height) || !PNG_BIT_DEPTHS[header.colourType]?.includes(header.bitDepth) || body[10] !== 0 || body[11] !== 0 || body[12]! > 1) return false;
    } else if (type === 'PLTE') palette = true;
    else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') {
      if (end !== bytes.length || !header || data.length === 0 || (header.colourType === 3 && !palette)) return false;
      const bitsPerPixel = header.bitDepth * PNG_CHANNELS[header.colourType]!;
      const rows = (width: number, height: number) => (width > 0 && height > 0 ? height * (1 + Math.ceil((width * bitsPerPixel) / 8)) : 0);
      const { width, height } = header;
      const expected = header.interlaced
        ? ADAM7.reduce((sum, [x, y, dx, dy]) => sum + rows(Math.ceil((width - x) / dx), Math.ceil((height - y) / dy)), 0)
        : rows(width, height);
      try {
        // At most the announced size is inflated: a small file cannot make the server inflate gigabytes.
        return inflateSync(Buffer.concat(data), { maxOutputLength: expected + 1 }).length === expected;
      } catch {
        return false;
      }
    }
    pos = end;
  }
  return false;
}

/** A whole JPEG: its segments in order with their lengths, a frame header with the size, a scan, and the end marker last. */
export function isWholeJpeg(bytes: Buffer): boolean {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return false;
  let pos = 2;
  let frame = false;
  let scan = false;
  while (pos + 1 < bytes.length) {
    if (bytes[pos] !== 0xff) return false;
    while (bytes[pos + 1] === 0xff) pos += 1; // fill bytes
    const marker = bytes[pos + 1]!;
    if (marker === 0xd9) return frame && scan && pos + 2 === bytes.length;
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      pos += 2;
      continue;
    }
    if (pos + 4 > bytes.length) return false;
    const length = bytes.readUInt16BE(pos + 2);
    if (length < 2 || pos + 2 + length > bytes.length) return false;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (length < 8) return false;
      const components = bytes[pos + 9]!;
      if (!fitsLimit(bytes.readUInt16BE(pos + 7), bytes.readUInt16BE(pos + 5)) || ![1, 3, 4].includes(components)) return false;
      frame = true;
    }
    pos += 2 + length;
    if (marker === 0xda) {
      if (!frame) return false;
      scan = true;
      // Entropy-coded data runs to the next marker that is neither a stuffed 0xFF00 nor a restart marker.
      while (pos + 1 < bytes.length && !(bytes[pos] === 0xff && bytes[pos + 1] !== 0x00 && !(bytes[pos + 1]! >= 0xd0 && bytes[pos + 1]! <= 0xd7))) pos += 1;
    }
  }
  return false;
}

/** Whether a signature data URL holds a whole image of the type it names (a wrong prefix is left to the pattern check). */
export function isWholeSignatureImage(value: unknown): boolean {
  const match = typeof value === 'string' ? DATA_URL.exec(value) : null;
  if (!match) return true;
  const bytes = Buffer.from(match[2]!, 'base64');
  return match[1] === 'png' ? isWholePng(bytes) : isWholeJpeg(bytes);
}

export function IsWholeSignatureImage(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'wholeImage',
      target: target.constructor,
      propertyName,
      options: { message: `must be a whole PNG or JPEG image of the type it names, at most ${SIGNATURE_IMAGE_MAX_PIXELS}×${SIGNATURE_IMAGE_MAX_PIXELS} pixels`, ...options },
      validator: { validate: isWholeSignatureImage },
    });
}
