import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { AppConfig, NotFoundError, RequestContext, TransactionRunner } from '@chancery/core';
import { isWholeFile, mediaTypeOf } from './content-type';
import { DocumentRepository } from './document.repository';
import { DocumentErrors } from './documents.errors';
import { DocumentKind, StoredDocument } from './entities/stored-document.entity';
import { DOCUMENT_STORAGE, DocumentStorage } from './storage/document-storage';
import { PostgresDocumentStorage } from './storage/postgres-document-storage';
import { S3DocumentStorage } from './storage/s3-document-storage';

export interface NewDocument {
  tenantId: string;
  organisationId: string | null;
  kind: DocumentKind;
  fileName: string;
  bytes: Buffer;
  /** The field a refusal names (the caller's input), e.g. `file`. */
  field?: string;
  /**
   * Whether the record keeps who uploaded it (default yes: evidence of an application). No when the
   * calling context keeps that itself and can forget it (a datasheet attachment's uploader, erased on request).
   */
  recordUploader?: boolean;
}

// eslint-disable-next-line no-control-regex -- refusing control characters in file names is the point
const FILE_NAME = /^[^\u0000-\u001f\u007f/\\]{1,200}$/;

/**
 * Uploads and generated files. Size and type are checked on the bytes; the SHA-256 is recorded and
 * checked again on every read, so a changed or truncated object is refused rather than served. Who
 * may attach or read a document is the calling context's rule (an application's owner, the tenant's
 * staff); row-level security keeps every tenant's documents apart.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly documents: DocumentRepository,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    private readonly config: AppConfig,
    private readonly context: RequestContext,
  ) {}

  /** Stores a document in the caller's unit of work (or a new one). */
  async store(document: NewDocument): Promise<StoredDocument> {
    const field = document.field ?? 'file';
    if (!FILE_NAME.test(document.fileName) || document.fileName.trim() === '' || document.fileName === '.' || document.fileName === '..') {
      throw DocumentErrors.DOCUMENT_NAME_INVALID('The file name is empty, too long, or holds control characters or a path', { field: `${field}.name` });
    }
    if (document.bytes.length === 0) throw DocumentErrors.DOCUMENT_EMPTY('The document is empty', { field });
    if (document.bytes.length > this.config.DOCUMENT_MAX_BYTES) {
      throw DocumentErrors.DOCUMENT_TOO_LARGE(`The document is larger than ${this.config.DOCUMENT_MAX_BYTES} bytes`, { field, details: { maxBytes: this.config.DOCUMENT_MAX_BYTES } });
    }
    const mediaType = mediaTypeOf(document.bytes);
    if (!mediaType) throw DocumentErrors.DOCUMENT_TYPE_NOT_ACCEPTED('Only PDF, PNG and JPEG files are accepted (recognised from their content)', { field });
    if (!isWholeFile(document.bytes, mediaType)) {
      throw DocumentErrors.DOCUMENT_INCOMPLETE('The file ends before its format does (an upload cut off, or a header alone): upload the whole file', { field, details: { found: mediaType } });
    }
    const id = randomUUID();
    const storageKey = this.storage.name === 's3' ? S3DocumentStorage.keyOf(document.tenantId, id) : id;
    const actor = this.context.actor;
    return this.transactions.run(async () => {
      const stored = await this.documents.insert({
        id, tenantId: document.tenantId, organisationId: document.organisationId, kind: document.kind, fileName: document.fileName, mediaType,
        sizeBytes: document.bytes.length, sha256: sha256(document.bytes), storage: this.storage.name, storageKey,
        uploadedBy: actor.kind === 'user' && document.recordUploader !== false ? (actor.id ?? null) : null,
      });
      await this.storage.put({ tenantId: document.tenantId, documentId: id, storageKey }, document.bytes, mediaType);
      return stored;
    });
  }

  /** Document records by id, in the caller's scope (row-level security applies). */
  describe(ids: readonly string[]): Promise<StoredDocument[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.transactions.run(() => this.documents.findByIds(ids));
  }

  /** The documents of a kind the person uploaded, in the caller's unit of work (a data-subject export). */
  uploadedBy(userId: string, kind: DocumentKind): Promise<StoredDocument[]> {
    return this.transactions.run(() => this.documents.uploadedBy(userId, kind));
  }

  /**
   * Documents of one kind that no record names any more (the caller knows: an erased draft's supporting
   * documents, a removed attachment's file), in the caller's unit of work: record and bytes. An S3
   * object is deleted before the unit commits: should the commit fail, a record is left without bytes,
   * and the same removal, run again, deletes it. The database refuses a certificate PDF unless the
   * certificate naming it was destroyed after its retention period (restrictive delete policies).
   */
  async deleteUnnamed(ids: readonly string[], kind: 'SUPPORTING_DOCUMENT' | 'DATASHEET_ATTACHMENT' | 'CERTIFICATE_PDF'): Promise<number> {
    if (ids.length === 0) return 0;
    return this.transactions.run(async () => {
      const deleted = await this.documents.deleteOfKind(ids, kind);
      for (const d of deleted) {
        if (d.storage !== 'postgres' && d.storage === this.storage.name) await this.storage.deleteExternal?.({ tenantId: d.tenantId, documentId: d.id, storageKey: d.storageKey });
      }
      return deleted.length;
    });
  }

  /**
   * The objects of a tenant being destroyed that live outside the database (S3), each deleted: their
   * records and any PostgreSQL bytes go with the tenant's rows, in the caller's unit of work, which
   * calls this before it commits (should a deletion fail, nothing is destroyed and the destruction
   * can run again). An object this server's storage cannot reach is refused rather than left behind.
   */
  async deleteExternalObjects(tenantId: string, objects: ReadonlyArray<{ documentId: string; storage: string; storageKey: string }>): Promise<number> {
    let deleted = 0;
    for (const object of objects) {
      if (object.storage === 'postgres') continue;
      if (object.storage !== this.storage.name || !this.storage.deleteExternal) {
        throw new Error(`a document of the tenant is kept in ${object.storage} storage, which this server is not configured with: its object cannot be deleted`);
      }
      await this.storage.deleteExternal({ tenantId, documentId: object.documentId, storageKey: object.storageKey });
      deleted += 1;
    }
    return deleted;
  }

  /** Erasure of the uploader, in the caller's unit of work: the documents stay, without the person's id. Repeating it changes nothing. */
  forgetUploader(userId: string, kind: DocumentKind): Promise<number> {
    return this.transactions.run(() => this.documents.forgetUploader(userId, kind));
  }

  /**
   * What a publisher (`datasheet:<id>`) shows the public from now on, in the caller's unit of work:
   * the public scope reads these documents' records and bytes, and no others (row-level security).
   */
  setPublished(tenantId: string, publisher: string, documentIds: readonly string[]): Promise<void> {
    return this.transactions.run(() => this.documents.replacePublished(tenantId, publisher, documentIds));
  }

  /** A published document's record and bytes, read in the public scope: anything not published now is NOT_FOUND. */
  readPublished(id: string): Promise<{ document: StoredDocument; bytes: Buffer }> {
    return this.transactions.publicReading(() => this.read(id));
  }

  /** A document's record and bytes, checked against its checksum. The caller decided the reader may. */
  async read(id: string): Promise<{ document: StoredDocument; bytes: Buffer }> {
    return this.transactions.run(async () => {
      const document = await this.documents.findById(id);
      if (!document) throw new NotFoundError('Document');
      const storage = document.storage === this.storage.name ? this.storage : null;
      const bytes = storage ? await storage.get({ tenantId: document.tenantId, documentId: document.id, storageKey: document.storageKey }) : null;
      if (!bytes || sha256(bytes) !== document.sha256) {
        throw DocumentErrors.DOCUMENT_CONTENT_MISSING('The stored document cannot be read back intact');
      }
      return { document, bytes };
    });
  }
}

export function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function storageFor(config: AppConfig, documents: DocumentRepository): DocumentStorage {
  if (config.DOCUMENT_STORAGE === 's3') {
    if (!config.S3_BUCKET) throw new Error('DOCUMENT_STORAGE=s3 needs S3_BUCKET');
    return new S3DocumentStorage({ bucket: config.S3_BUCKET, region: config.S3_REGION, endpoint: config.S3_ENDPOINT || undefined });
  }
  return new PostgresDocumentStorage(documents);
}
