import { deflateSync } from 'node:zlib';
import { isWholeJpeg, isWholePng, isWholeSignatureImage } from './signature-image';

/** SOI, a baseline frame header (1×1, three components), a scan with a stuffed 0xFF00 and a restart marker, EOI. */
const segment = (marker: number, body: number[]) => [0xff, marker, ((body.length + 2) >> 8) & 0xff, (body.length + 2) & 0xff, ...body];
const JPEG = Buffer.from([
  0xff, 0xd8,
  ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
  ...segment(0xc0, [8, 0, 1, 0, 1, 3, 1, 0x11, 0, 2, 0x11, 1, 3, 0x11, 1]),
  ...segment(0xda, [3, 1, 0, 2, 0x11, 3, 0x11, 0, 63, 0]),
  0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56,
  0xff, 0xd9,
]);

describe('signature images', () => {
  it('take a whole JPEG, and refuse one cut short, without a frame or with bytes after the end', () => {
    expect(isWholeJpeg(JPEG)).toBe(true);
    expect(isWholeJpeg(JPEG.subarray(0, JPEG.length - 2))).toBe(false);
    expect(isWholeJpeg(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toBe(false);
    expect(isWholeJpeg(Buffer.concat([JPEG, Buffer.from('trailing')]))).toBe(false);
    expect(isWholeSignatureImage(`data:image/jpeg;base64,${JPEG.toString('base64')}`)).toBe(true);
    expect(isWholeSignatureImage(`data:image/png;base64,${JPEG.toString('base64')}`)).toBe(false);
  });

  it('refuse a PNG whose data does not inflate to the rows its header announces', () => {
    expect(isWholePng(Buffer.from('not a png'))).toBe(false);
    const crc = (b: Buffer) => { let c = 0xffffffff; for (const x of b) { c ^= x; for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; } return (c ^ 0xffffffff) >>> 0; };
    const chunk = (type: string, data: Buffer) => { const body = Buffer.concat([Buffer.from(type), data]); const out = Buffer.alloc(12 + data.length); out.writeUInt32BE(data.length, 0); body.copy(out, 4); out.writeUInt32BE(crc(body), 8 + data.length); return out; };
    const png = (pixels: Buffer, width = 2, height = 1) => {
      const header = Buffer.alloc(13);
      header.writeUInt32BE(width, 0); header.writeUInt32BE(height, 4); header[8] = 8; header[9] = 2;
      return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0))]);
    };
    expect(isWholePng(png(Buffer.alloc(7)))).toBe(true);
    expect(isWholePng(png(Buffer.alloc(6)))).toBe(false);
    expect(isWholePng(png(Buffer.alloc(7 * 3000), 2, 3000))).toBe(false); // over the size limit
    expect(isWholePng(png(Buffer.alloc(1)))).toBe(false);
  });
});
