import { DocumentsService } from '@chancery/documents';
import { ApplicationRepository } from '../repositories/application.repository';

/**
 * Deletes the supporting documents (record and bytes) of these ids that no application of the tenant
 * names any more, in the caller's unit of work: a replacement names its certificate's files, and those
 * stay with the certificate as evidence. Returns how many were deleted.
 */
export async function deleteSupportingDocumentsNoLongerNamed(applications: ApplicationRepository, documents: DocumentsService, documentIds: readonly string[]): Promise<number> {
  const ids = [...new Set(documentIds)];
  if (ids.length === 0) return 0;
  const stillNamed = new Set(await applications.documentsNamedByAnyApplication(ids));
  return documents.deleteUnnamed(ids.filter((id) => !stillNamed.has(id)), 'SUPPORTING_DOCUMENT');
}
