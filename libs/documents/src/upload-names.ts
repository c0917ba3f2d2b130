/**
 * The checks an upload's name and declared type get, shared by every route that takes a file (a
 * certificate application's supporting documents, a datasheet version's attachments). Each says what
 * is wrong rather than throwing: the calling context refuses with its own reason.
 */

/** Extensions each accepted type may carry: a name saying one thing while the bytes are another is refused. */
const EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
};

// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** Bidirectional and invisible format characters: `invoice\u202Efdp.exe` displays as `invoiceexe.pdf`. */
const FORMAT = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

export function hasControlCharacter(text: string): boolean {
  return CONTROL.test(text);
}

/** The text without bidirectional overrides and invisible characters, NFC. */
export function withoutFormatCharacters(text: string): string {
  return text.replace(FORMAT, '').normalize('NFC');
}

/**
 * A header's value percent-decoded (names and titles travel percent-encoded), '' when absent, null
 * when it is not percent-encoded UTF-8 (`%ZZ`): decodeURIComponent throws a URIError on that.
 */
export function percentDecodedHeader(value: string | string[] | undefined): string | null {
  const raw = Array.isArray(value) ? value.join(',') : (value ?? '');
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/**
 * The file name as it is kept and shown: the last segment of a path (a browser on Windows may send
 * `C:\Users\…\dop.pdf`), without bidirectional overrides or invisible characters, trimmed. NUL and
 * other control characters are refused rather than cleaned: no honest file name holds them.
 */
export function cleanFileName(raw: string): { name: string; problem?: never } | { name?: never; problem: string } {
  if (CONTROL.test(raw)) return { problem: 'The file name holds NUL or other control characters' };
  const name = withoutFormatCharacters(raw.split(/[\\/]/).pop() ?? '').trim();
  if (name === '' || name === '.' || name === '..' || name.length > 200) return { problem: 'The file name is empty or longer than 200 characters' };
  return { name };
}

/**
 * Why the name (and a declared Content-Type, when it names an accepted type) does not say what the
 * bytes are, e.g. `drawing.pdf` holding a PNG or `setup.exe` holding a PDF; undefined when they agree.
 */
export function typeMismatch(fileName: string, found: string, declared: string | undefined): string | undefined {
  const extension = /\.([A-Za-z0-9]{1,10})$/.exec(fileName)?.[1]?.toLowerCase();
  const mediaType = declared?.split(';')[0]?.trim().toLowerCase();
  const declaredMismatch = mediaType !== undefined && mediaType in EXTENSIONS && mediaType !== found;
  if (extension && EXTENSIONS[found]?.includes(extension) && !declaredMismatch) return undefined;
  return `The bytes are ${found}: the file name must end with .${EXTENSIONS[found]?.join(' or .')}${declaredMismatch ? ` and the declared type is ${mediaType}` : ''}`;
}
