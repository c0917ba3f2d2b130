import type { HttpReply } from '@chancery/core';

/** `attachment` with the uploaded name: an ASCII fallback, and the name itself as RFC 8187 UTF-8 (quotes and accents survive). */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/**
 * Sends a stored document's bytes as a download: the media type found in its bytes, as an attachment
 * under its uploaded name, never rendered by the browser in the portal's origin (nosniff, a sandboxed
 * CSP), and not kept by shared caches unless the caller says it may be (a published, public file).
 */
export function sendDocumentAttachment(
  response: HttpReply,
  document: { fileName: string; mediaType: string },
  bytes: Buffer,
  cacheControl = 'private, no-store',
): void {
  response.header('Content-Type', document.mediaType);
  response.header('Content-Disposition', attachmentDisposition(document.fileName));
  response.header('Content-Length', String(bytes.length));
  response.header('Cache-Control', cacheControl);
  response.header('X-Content-Type-Options', 'nosniff');
  response.header('Content-Security-Policy', "default-src 'none'; sandbox");
  response.send(bytes);
}
