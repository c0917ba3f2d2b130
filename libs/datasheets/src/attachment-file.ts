import { cleanFileName, hasControlCharacter, typeMismatch, withoutFormatCharacters } from '@chancery/documents';
import { DatasheetsErrors } from './datasheets.errors';

/** The most documents one datasheet version carries. */
export const MAX_ATTACHMENTS_PER_VERSION = 20;

/** The file name as it is kept and shown (see `cleanFileName`, shared with supporting documents), or refused. */
export function sanitiseFileName(raw: string): string {
  const { name, problem } = cleanFileName(raw);
  if (problem !== undefined) throw DatasheetsErrors.DATASHEET_ATTACHMENT_NAME_INVALID(problem, { field: 'file.name' });
  return name;
}

/** The title shown with the attachment: 1 to 200 characters, no control characters, trimmed. */
export function validTitle(raw: string): string {
  const title = withoutFormatCharacters(raw).trim();
  if (title === '' || title.length > 200 || hasControlCharacter(title)) {
    throw DatasheetsErrors.DATASHEET_ATTACHMENT_TITLE_INVALID('The title must be 1 to 200 characters without control characters', { field: 'title' });
  }
  return title;
}

/** The type found in the bytes must be what the name (and a declared Content-Type) says (see `typeMismatch`). */
export function assertTypeMatches(fileName: string, found: string, declared: string | undefined): void {
  const mismatch = typeMismatch(fileName, found, declared);
  if (mismatch) throw DatasheetsErrors.DATASHEET_ATTACHMENT_TYPE_MISMATCH(mismatch, { field: 'file', details: { found } });
}
