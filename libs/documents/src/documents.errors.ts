import { defineErrors, ErrorCode } from '@chancery/core';

export const DocumentErrors = defineErrors('documents', {
  DOCUMENT_EMPTY: [ErrorCode.BAD_USER_INPUT, 'The document has no bytes.'],
  DOCUMENT_TOO_LARGE: [ErrorCode.BAD_USER_INPUT, 'The document is larger than the limit (`details.maxBytes`).'],
  DOCUMENT_TYPE_NOT_ACCEPTED: [ErrorCode.BAD_USER_INPUT, 'The bytes are not a PDF, PNG or JPEG file (checked on the content, not the name).'],
  DOCUMENT_INCOMPLETE: [ErrorCode.BAD_USER_INPUT, 'The bytes begin as a PDF, PNG or JPEG (`details.found`) but do not end as one: an upload cut off, or a header alone. Upload the whole file.'],
  DOCUMENT_NAME_INVALID: [ErrorCode.BAD_USER_INPUT, 'The file name is empty, too long or holds control characters or a path.'],
  DOCUMENT_TYPE_MISMATCH: [ErrorCode.BAD_USER_INPUT, "The file name's extension or the declared Content-Type is not the type found in the bytes (`details.found`); a PDF is .pdf, a PNG .png, a JPEG .jpg or .jpeg."],
  DOCUMENT_CONTENT_MISSING: [ErrorCode.CONFLICT, 'The stored bytes of the document are missing or do not match its checksum.'],
});
