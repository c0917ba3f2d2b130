import { authorised, saveAs } from '../../api/http-files';

/**
 * The plain HTTP routes of certificates the portal uses beside GraphQL: uploading a supporting
 * document (raw bytes, the name in `X-File-Name`), downloading it again, and downloading the stored
 * PDF.
 */
export async function uploadSupportingDocument(applicationId: string, file: File): Promise<void> {
  await authorised(`/certificate-applications/${encodeURIComponent(applicationId)}/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name) },
    body: file,
  });
}

/** Downloads the stored PDF of a certificate (or of one of its copies) as a file. */
export async function downloadCertificatePdf(certificateId: string, fileName: string, copyNumber = 0): Promise<void> {
  const query = copyNumber > 0 ? `?copy=${copyNumber}` : '';
  await saveAs(await authorised(`/certificates/${encodeURIComponent(certificateId)}/pdf${query}`, { method: 'GET' }), fileName);
}

/** Downloads a supporting document of an application as uploaded (the company's own; the chamber's staff once submitted). */
export async function downloadSupportingDocument(applicationId: string, documentId: string, fileName: string): Promise<void> {
  await saveAs(await authorised(`/certificate-applications/${encodeURIComponent(applicationId)}/documents/${encodeURIComponent(documentId)}`, { method: 'GET' }), fileName);
}
