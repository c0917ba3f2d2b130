import { inflateSync } from 'node:zlib';

/**
 * The text a PDF written by pdfkit shows, and how many images it embeds: enough for a test to say
 * whether a name or a signature image is in a rendered certificate. pdfkit writes text in embedded
 * (Type0, Identity-H) fonts as glyph codes, with a ToUnicode map per font; each `Tf` picks the font
 * whose map decodes the `Tj`/`TJ` strings after it.
 */
export function pdfContent(bytes: Buffer): { text: string; images: number } {
  const raw = bytes.toString('latin1');
  const objects = new Map<string, { dictionary: string; stream: string | null }>();
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
  const toUnicode = (fontObject: string): Map<number, string> => {
    const map = new Map<number, string>();
    const ref = /\/ToUnicode (\d+) 0 R/.exec(objects.get(fontObject)?.dictionary ?? '')?.[1];
    const cmap = ref ? (objects.get(ref)?.stream ?? '') : '';
    const unicode = (hex: string) => String.fromCharCode(...(hex.match(/[0-9a-fA-F]{4}/g) ?? []).map((h) => parseInt(h, 16)));
    for (const range of cmap.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[([^\]]*)\]/g)) {
      const first = parseInt(range[1]!, 16);
      [...range[3]!.matchAll(/<([0-9a-fA-F ]+)>/g)].forEach((target, i) => map.set(first + i, unicode(target[1]!)));
    }
    for (const pair of cmap.matchAll(/^<([0-9a-fA-F]{4})>\s*<([0-9a-fA-F ]+)>$/gm)) map.set(parseInt(pair[1]!, 16), unicode(pair[2]!));
    return map;
  };
  // Font names (/F1…) to their objects, from every resource dictionary.
  const fonts = new Map<string, Map<number, string>>();
  for (const { dictionary } of objects.values()) {
    for (const entry of dictionary.matchAll(/\/(F\d+) (\d+) 0 R/g)) if (!fonts.has(entry[1]!)) fonts.set(entry[1]!, toUnicode(entry[2]!));
  }
  let text = '';
  for (const { stream } of objects.values()) {
    if (!stream || !/\bBT\b/.test(stream)) continue;
    let font = new Map<number, string>();
    for (const op of stream.matchAll(/\/(F\d+) [\d.]+ Tf|(\[[^\]]*\]\s*TJ|<[0-9a-fA-F]*>\s*Tj)|\bET\b/g)) {
      if (op[1]) font = fonts.get(op[1]) ?? new Map();
      else if (op[2]) text += [...op[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((s) => (s[1]!.match(/.{4}/g) ?? []).map((code) => font.get(parseInt(code, 16)) ?? '').join('')).join('');
      else text += '\n';
    }
  }
  const images = [...objects.values()].filter((o) => /\/Subtype \/Image/.test(o.dictionary)).length;
  return { text, images };
}
