import { crc32, deflateSync } from 'node:zlib';

const WIDTH = 300;
const HEIGHT = 120;
/** Dark blue ink, as a pen would leave it. */
const INK = [0x1a, 0x2a, 0x6c] as const;

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, sum]);
}

/**
 * A handwritten-looking signature for the demo's signers (SPEC §1: a signer has a stored signature):
 * a looping stroke and an underline, drawn as a PNG (RGBA, transparent ground) as the signature page
 * stores an upload. `seed` varies the stroke, so two demo signers do not sign alike.
 */
export function demoSignatureImage(seed = 0): string {
  const alpha = new Float32Array(WIDTH * HEIGHT);
  const dab = (cx: number, cy: number, radius: number) => {
    for (let y = Math.floor(cy - radius - 1); y <= Math.ceil(cy + radius + 1); y += 1) {
      for (let x = Math.floor(cx - radius - 1); x <= Math.ceil(cx + radius + 1); x += 1) {
        if (x < 0 || y < 0 || x >= WIDTH || y >= HEIGHT) continue;
        const cover = Math.min(1, Math.max(0, radius + 0.5 - Math.hypot(x - cx, y - cy)));
        alpha[y * WIDTH + x] = Math.max(alpha[y * WIDTH + x]!, cover);
      }
    }
  };
  // The name: a run of loops that lean forward and fade in height, the pen pressing less towards the end.
  const loops = 7 + (seed % 3);
  for (let i = 0; i <= 4000; i += 1) {
    const t = i / 4000;
    const phase = 2 * Math.PI * loops * t;
    const height = 34 * (1 - 0.45 * t) * (0.8 + 0.2 * Math.sin(3 * phase / loops + seed));
    const x = 22 + 240 * t + 14 * Math.cos(phase) - 10 * Math.sin(phase);
    const y = 62 - height * Math.sin(phase) * 0.9 + 6 * Math.sin(Math.PI * t);
    dab(x, y, 1.9 - 0.7 * t);
  }
  // The flourish underneath.
  for (let i = 0; i <= 1500; i += 1) {
    const t = i / 1500;
    dab(30 + 235 * t, 100 - 8 * Math.sin(Math.PI * t) + 3 * t, 1.4 - 0.6 * t);
  }
  const rows = Buffer.alloc(HEIGHT * (1 + WIDTH * 4));
  for (let y = 0; y < HEIGHT; y += 1) {
    const row = y * (1 + WIDTH * 4); // filter byte 0 (none) first
    for (let x = 0; x < WIDTH; x += 1) {
      const at = row + 1 + x * 4;
      rows.set([...INK, Math.round(255 * alpha[y * WIDTH + x]!)], at);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(WIDTH, 0);
  header.writeUInt32BE(HEIGHT, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
  return `data:image/png;base64,${png.toString('base64')}`;
}
