import { inflateSync } from 'node:zlib';

type PdfObjects = Map<string, { dictionary: string; stream: string | null }>;
/** A font's glyph codes to the text they show. */
type GlyphMap = Map<number, string>;

function readObjects(bytes: Buffer): PdfObjects {
  const raw = bytes.toString('latin1');
  const objects: PdfObjects = new Map();
  const objectPattern = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (let match = objectPattern.exec(raw); match; match = objectPattern.exec(raw)) {
    const body = match[2]!;
    const streamAt = body.search(/stream\r?\n/);
    if (streamAt < 0) {
      objects.set(match[1]!, { dictionary: body, stream: null });
      continue;
    }
    const start = streamAt + body.slice(streamAt).indexOf('\n') + 1;
    const data = Buffer.from(body.slice(start, body.lastIndexOf('endstream')), 'latin1');
    const dictionary = body.slice(0, streamAt);
    let stream: string;
    try {
      stream = /FlateDecode/.test(dictionary) ? inflateSync(data).toString('latin1') : data.toString('latin1');
    } catch {
      stream = '';
    }
    objects.set(match[1]!, { dictionary, stream });
  }
  return objects;
}

/** Font names (/F1…) to their glyph maps, from every resource dictionary (pdfkit names a font once per document). */
function fontsOf(objects: PdfObjects): Map<string, GlyphMap> {
  const toUnicode = (fontObject: string): GlyphMap => {
    const map: GlyphMap = new Map();
    const ref = /\/ToUnicode (\d+) 0 R/.exec(objects.get(fontObject)?.dictionary ?? '')?.[1];
    const cmap = ref ? (objects.get(ref)?.stream ?? '') : '';
    const unicode = (hex: string) => String.fromCharCode(...(hex.match(/[0-9a-fA-F]{4}/g) ?? []).map((h) => parseInt(h, 16)));
    for (const range of cmap.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[([^\]]*)\]/g)) {
      const first = parseInt(range[1]!, 16);
      // An empty target (`<>`: a glyph with no text) keeps its place in the range.
      [...range[3]!.matchAll(/<([0-9a-fA-F ]*)>/g)].forEach((target, i) => map.set(first + i, unicode(target[1]!)));
    }
    for (const pair of cmap.matchAll(/^<([0-9a-fA-F]{4})>\s*<([0-9a-fA-F ]+)>$/gm)) map.set(parseInt(pair[1]!, 16), unicode(pair[2]!));
    return map;
  };
  const fonts = new Map<string, GlyphMap>();
  for (const { dictionary } of objects.values()) {
    for (const entry of dictionary.matchAll(/\/(F\d+) (\d+) 0 R/g)) if (!fonts.has(entry[1]!)) fonts.set(entry[1]!, toUnicode(entry[2]!));
  }
  return fonts;
}

const decode = (operation: string, font: GlyphMap) =>
  [...operation.matchAll(/<([0-9a-fA-F]*)>/g)].map((s) => (s[1]!.match(/.{4}/g) ?? []).map((code) => font.get(parseInt(code, 16)) ?? '').join('')).join('');

/**
 * The text a PDF written by pdfkit shows, and how many images it embeds: enough for a test to say
 * whether a name or a signature image is in a rendered certificate. pdfkit writes text in embedded
 * (Type0, Identity-H) fonts as glyph codes, with a ToUnicode map per font; each `Tf` picks the font
 * whose map decodes the `Tj`/`TJ` strings after it.
 */
export function pdfContent(bytes: Buffer): { text: string; images: number } {
  const objects = readObjects(bytes);
  const fonts = fontsOf(objects);
  let text = '';
  for (const { stream } of objects.values()) {
    if (!stream || !/\bBT\b/.test(stream)) continue;
    let font: GlyphMap = new Map();
    for (const op of stream.matchAll(/\/(F\d+) [\d.]+ Tf|(\[[^\]]*\]\s*TJ|<[0-9a-fA-F]*>\s*Tj)|\bET\b/g)) {
      if (op[1]) font = fonts.get(op[1]) ?? new Map();
      else if (op[2]) text += decode(op[2], font);
      else text += '\n';
    }
  }
  const images = [...objects.values()].filter((o) => /\/Subtype \/Image/.test(o.dictionary)).length;
  return { text, images };
}

/** One page of a PDF written by pdfkit; every position is in points from the page's top edge. */
export interface PdfPage {
  height: number;
  /** Each line of text drawn, where its baseline lies. */
  lines: Array<{ text: string; x: number; baseline: number }>;
  /** Images (`Do`) and stroked or filled paths, with how far down they reach. */
  graphics: Array<{ kind: 'image' | 'path'; top: number; bottom: number }>;
}

/**
 * The pages of a PDF written by pdfkit, in order, with where their text and graphics lie: enough for
 * a test to say on which page something is printed and that nothing reaches past a margin. pdfkit
 * flips each page's coordinates (`1 0 0 -1 0 h cm`) once, so paths and images are placed from the top;
 * each line of text is set with its own `Tm`, from the bottom (its `BT` sits inside a second flip).
 */
export function pdfPages(bytes: Buffer): PdfPage[] {
  const objects = readObjects(bytes);
  const fonts = fontsOf(objects);
  const root = [...objects.values()].find((o) => /\/Type \/Pages\b/.test(o.dictionary));
  const kids = [.../\/Kids \[([^\]]*)\]/.exec(root?.dictionary ?? '')?.[1]?.matchAll(/(\d+) 0 R/g) ?? []].map((ref) => ref[1]!);
  return kids.map((kid) => {
    const dictionary = objects.get(kid)?.dictionary ?? '';
    const height = Number(/\/MediaBox \[[\d.]+ [\d.]+ [\d.]+ ([\d.]+)\]/.exec(dictionary)?.[1] ?? 0);
    const stream = objects.get(/\/Contents (\d+) 0 R/.exec(dictionary)?.[1] ?? '')?.stream ?? '';
    const page: PdfPage = { height, lines: [], graphics: [] };
    let font: GlyphMap = new Map();
    let line: PdfPage['lines'][number] | undefined;
    let pathPoints: number[] = [];
    const operations = /\/(F\d+) [\d.]+ Tf|(\[[^\]]*\]\s*TJ|<[0-9a-fA-F]*>\s*Tj)|([-\d.]+) ([-\d.]+) Tm\b|\bET\b|(-?[\d.]+) 0 0 (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) cm\s*\/\w+ Do|((?:-?[\d.]+ )+)(?:m|l|c|v|y)\b|(?:^|\s)(?:S|s|f\*?|F|B\*?|b\*?)(?=\s|$)/gm;
    for (const op of stream.matchAll(operations)) {
      if (op[1]) font = fonts.get(op[1]) ?? new Map();
      else if (op[2]) (line ??= { text: '', x: 0, baseline: 0 }).text += decode(op[2], font);
      else if (op[3]) {
        line = { text: '', x: Number(op[3]), baseline: height - Number(op[4]) };
        page.lines.push(line);
      } else if (op[0] === 'ET') line = undefined;
      else if (op[5]) {
        // `w 0 0 -h x y+h cm`: the image's unit square drawn from y+h up to y, in the flipped space.
        const [imageHeight, bottom] = [Math.abs(Number(op[6])), Number(op[8])];
        page.graphics.push({ kind: 'image', top: bottom - imageHeight, bottom });
      } else if (op[9]) {
        const numbers = op[9].trim().split(/\s+/).map(Number);
        numbers.forEach((value, i) => i % 2 === 1 && pathPoints.push(value));
      } else if (pathPoints.length > 0) {
        page.graphics.push({ kind: 'path', top: Math.min(...pathPoints), bottom: Math.max(...pathPoints) });
        pathPoints = [];
      }
    }
    return page;
  });
}
