/** Where a stored document's bytes are: a record says which storage and key. */
export interface DocumentLocation {
  tenantId: string;
  documentId: string;
  storageKey: string;
}

/**
 * Keeps the bytes of documents. Called inside the unit of work that writes the document's record:
 * the default (PostgreSQL) storage then commits or rolls back with it; an external store (S3) may
 * keep an orphan object after a rollback, never a record without bytes.
 */
export interface DocumentStorage {
  readonly name: 'postgres' | 's3';
  put(location: DocumentLocation, bytes: Buffer, mediaType: string): Promise<void>;
  get(location: DocumentLocation): Promise<Buffer | null>;
  /** Removes bytes kept outside the database (an S3 object); the PostgreSQL storage's go with their row. */
  deleteExternal?(location: DocumentLocation): Promise<void>;
}

export const DOCUMENT_STORAGE = Symbol('DocumentStorage');
