import { authorised, saveAs } from '../../api/http-files';

/**
 * The plain HTTP routes of datasheet attachments: the upload (raw bytes; the name, title and
 * language percent-encoded in headers) and the download by the company and the staff. The public
 * downloads a published version's attachments by an ordinary link (PublicDatasheetPage).
 */
export async function uploadAttachment(versionId: string, file: File, title: string, language: string): Promise<void> {
  await authorised(`/datasheet-versions/${encodeURIComponent(versionId)}/attachments`, {
    method: 'POST',
    headers: {
      'content-type': file.type || 'application/octet-stream',
      'x-file-name': encodeURIComponent(file.name),
      'x-attachment-title': encodeURIComponent(title),
      ...(language ? { 'x-attachment-language': language } : {}),
    },
    body: file,
  });
}

export async function downloadAttachment(versionId: string, attachmentId: string, fileName: string): Promise<void> {
  await saveAs(await authorised(`/datasheet-versions/${encodeURIComponent(versionId)}/attachments/${encodeURIComponent(attachmentId)}`, { method: 'GET' }), fileName);
}
