import { DocumentRepository } from '../document.repository';
import { DocumentLocation, DocumentStorage } from './document-storage';

/** The default: bytes in `document_content`, in the same transaction as the record; every replica and the worker see them. */
export class PostgresDocumentStorage implements DocumentStorage {
  readonly name = 'postgres' as const;

  constructor(private readonly documents: DocumentRepository) {}

  put(location: DocumentLocation, bytes: Buffer): Promise<void> {
    return this.documents.insertContent(location.tenantId, location.documentId, bytes);
  }

  get(location: DocumentLocation): Promise<Buffer | null> {
    return this.documents.contentOf(location.documentId);
  }
}
