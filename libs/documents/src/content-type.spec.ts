import { isWholeFile, mediaTypeOf } from './content-type';

const IEND = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR ...'), IEND]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

describe('a whole file (isWholeFile)', () => {
  it('a PDF ends with %%EOF in its last kilobyte; a header alone or a cut-off file does not', () => {
    expect(isWholeFile(PDF, 'application/pdf')).toBe(true);
    expect(isWholeFile(Buffer.concat([PDF, Buffer.alloc(1000, 0x20)]), 'application/pdf')).toBe(true);
    expect(isWholeFile(Buffer.from('%PDF-1.4'), 'application/pdf')).toBe(false);
    expect(isWholeFile(PDF.subarray(0, PDF.length - 3), 'application/pdf')).toBe(false);
    // %%EOF only far from the end: the rest was appended, or the end is missing.
    expect(isWholeFile(Buffer.concat([PDF, Buffer.alloc(2000, 0x41)]), 'application/pdf')).toBe(false);
  });

  it('a PNG ends with its IEND chunk; a JPEG with its end-of-image marker', () => {
    expect(isWholeFile(PNG, 'image/png')).toBe(true);
    expect(isWholeFile(PNG.subarray(0, PNG.length - 1), 'image/png')).toBe(false);
    expect(isWholeFile(PNG.subarray(0, 8), 'image/png')).toBe(false);
    expect(isWholeFile(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0xff, 0xd9]), 'image/jpeg')).toBe(true);
    expect(isWholeFile(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), 'image/jpeg')).toBe(false);
    expect(isWholeFile(Buffer.from([0xff, 0xd8, 0xff, 0xd9]), 'image/jpeg')).toBe(false);
  });

  it('types are still found from the first bytes', () => {
    expect([mediaTypeOf(PDF), mediaTypeOf(PNG), mediaTypeOf(Buffer.from('MZ'))]).toEqual(['application/pdf', 'image/png', null]);
  });
});
