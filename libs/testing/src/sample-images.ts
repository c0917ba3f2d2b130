import { crc32, deflateSync } from 'node:zlib';


function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, sum]);
}

/** A real 2×1 truecolour PNG; `shade` (0-255) tells one apart from another. */
export function samplePng(shade = 255): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(1, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const pixels = Buffer.from([0, shade, shade, shade, 255, 255, 255]);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0))]);
}

/** A signature image as `setMySignatureImage` takes it: a real PNG as a data URL. */
export function signatureImage(shade = 255): string {
  return `data:image/png;base64,${samplePng(shade).toString('base64')}`;
}
