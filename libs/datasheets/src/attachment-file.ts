import { DatasheetsErrors } from './datasheets.errors';

/** The most documents one datasheet version carries. */
export const MAX_ATTACHMENTS_PER_VERSION = 20;

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

/**
 * The file name as it is kept and shown: the last segment of a path (a browser on Windows may send
 * `C:\Users\…\dop.pdf`), without bidirectional overrides or invisible characters, trimmed. NUL and
 * other control characters are refused rather than cleaned: no honest file name holds them.
 */
export function sanitiseFileName(raw: string): string {
  if (CONTROL.test(raw)) throw DatasheetsErrors.DATASHEET_ATTACHMENT_NAME_INVALID('The file name holds NUL or other control characters', { field: 'file.name' });
  const name = (raw.split(/[\\/]/).pop() ?? '').replace(FORMAT, '').normalize('NFC').trim();
  if (name === '' || name === '.' || name === '..' || name.length > 200) {
    throw DatasheetsErrors.DATASHEET_ATTACHMENT_NAME_INVALID('The file name is empty or longer than 200 characters', { field: 'file.name' });
  }
  return name;
}

/** The title shown with the attachment: 1 to 200 characters, no control characters, trimmed. */
export function validTitle(raw: string): string {
  const title = raw.replace(FORMAT, '').normalize('NFC').trim();
  if (title === '' || title.length > 200 || CONTROL.test(title)) {
    throw DatasheetsErrors.DATASHEET_ATTACHMENT_TITLE_INVALID('The title must be 1 to 200 characters without control characters', { field: 'title' });
  }
  return title;
}

/**
 * The type found in the bytes must be what the name (and a declared Content-Type, when it names an
 * accepted type) says: `drawing.pdf` holding a PNG, or `setup.exe` holding a PDF, is refused.
 */
export function assertTypeMatches(fileName: string, found: string, declared: string | undefined): void {
  const extension = /\.([A-Za-z0-9]{1,10})$/.exec(fileName)?.[1]?.toLowerCase();
  const mediaType = declared?.split(';')[0]?.trim().toLowerCase();
  const declaredMismatch = mediaType !== undefined && mediaType in EXTENSIONS && mediaType !== found;
  if (!extension || !EXTENSIONS[found]?.includes(extension) || declaredMismatch) {
    throw DatasheetsErrors.DATASHEET_ATTACHMENT_TYPE_MISMATCH(`The bytes are ${found}: the file name must end with .${EXTENSIONS[found]?.join(' or .')}${declaredMismatch ? ` and the declared type is ${mediaType}` : ''}`, {
      field: 'file', details: { found },
    });
  }
}
