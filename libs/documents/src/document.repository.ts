import { Injectable } from '@nestjs/common';
import { GenerateSql, selectColumns, Sql, SQL_EXAMPLE, toEntity } from '@chancery/core';
import { DocumentKind, StoredDocument } from './entities/stored-document.entity';

const DOCUMENT = selectColumns(StoredDocument, 'd');

export type NewStoredDocument = Omit<StoredDocument, 'createdAt' | 'id'> & { id?: string };

/** The `stored_document` and `document_content` tables: document records and, for the default storage, their bytes. */
@Injectable()
export class DocumentRepository {
  constructor(private readonly sql: Sql) {}

  @GenerateSql({ params: [{ id: SQL_EXAMPLE.id, tenantId: SQL_EXAMPLE.tenantId, organisationId: SQL_EXAMPLE.organisationId, kind: 'SUPPORTING_DOCUMENT', fileName: 'invoice.pdf', mediaType: 'application/pdf', sizeBytes: 10, sha256: 'ab'.repeat(32), storage: 'postgres', storageKey: SQL_EXAMPLE.id, uploadedBy: SQL_EXAMPLE.userId }] })
  async insert(document: NewStoredDocument): Promise<StoredDocument> {
    const [row] = await this.sql.query(
      `INSERT INTO stored_document AS d (id, tenant_id, organisation_id, kind, file_name, media_type, size_bytes, sha256, storage, storage_key, uploaded_by)
       VALUES (coalesce($1, gen_random_uuid()), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${DOCUMENT}`,
      [document.id ?? null, document.tenantId, document.organisationId, document.kind, document.fileName, document.mediaType, document.sizeBytes, document.sha256,
        document.storage, document.storageKey, document.uploadedBy],
    );
    return toEntity(StoredDocument, row!);
  }

  @GenerateSql({ params: [SQL_EXAMPLE.id] })
  async findById(id: string): Promise<StoredDocument | null> {
    const [row] = await this.sql.query(`SELECT ${DOCUMENT} FROM stored_document d WHERE d.id = $1`, [id]);
    return row ? toEntity(StoredDocument, row) : null;
  }

  @GenerateSql({ params: [[SQL_EXAMPLE.id]] })
  async findByIds(ids: readonly string[]): Promise<StoredDocument[]> {
    const rows = await this.sql.query(`SELECT ${DOCUMENT} FROM stored_document d WHERE d.id = ANY($1::uuid[]) ORDER BY d.created_at, d.id`, [ids]);
    return rows.map((row) => toEntity(StoredDocument, row));
  }

  /** The documents of a kind the person uploaded (their data-subject export). */
  @GenerateSql({ params: [SQL_EXAMPLE.userId, 'SUPPORTING_DOCUMENT'] })
  async uploadedBy(userId: string, kind: DocumentKind): Promise<StoredDocument[]> {
    const rows = await this.sql.query(`SELECT ${DOCUMENT} FROM stored_document d WHERE d.tenant_id = app_current_tenant() AND d.uploaded_by = $1 AND d.kind = $2 ORDER BY d.created_at, d.id`, [userId, kind]);
    return rows.map((row) => toEntity(StoredDocument, row));
  }

  /** Erasure: the documents of a kind stay (they are the company's), the person's id leaves them. */
  @GenerateSql({ params: [SQL_EXAMPLE.userId, 'SUPPORTING_DOCUMENT'] })
  async forgetUploader(userId: string, kind: DocumentKind): Promise<number> {
    const rows = await this.sql.query(`UPDATE stored_document d SET uploaded_by = NULL WHERE d.tenant_id = app_current_tenant() AND d.uploaded_by = $1 AND d.kind = $2 RETURNING d.id`, [userId, kind]);
    return rows.length;
  }

  /**
   * Documents of one kind no record names any more (an erased draft's supporting documents, a removed
   * attachment's file) deleted with, in PostgreSQL storage, their bytes; the database lets the
   * application delete no certificate PDF. Where the bytes of each were kept.
   */
  @GenerateSql({ params: [[SQL_EXAMPLE.id], 'SUPPORTING_DOCUMENT'] })
  async deleteOfKind(ids: readonly string[], kind: DocumentKind): Promise<Array<{ tenantId: string; id: string; storage: string; storageKey: string }>> {
    await this.sql.query(
      `DELETE FROM document_content c USING stored_document d WHERE d.tenant_id = c.tenant_id AND d.id = c.document_id AND c.document_id = ANY($1::uuid[]) AND d.kind = $2`,
      [ids, kind],
    );
    return this.sql.query(
      `DELETE FROM stored_document d WHERE d.id = ANY($1::uuid[]) AND d.kind = $2
       RETURNING d.tenant_id AS "tenantId", d.id, d.storage, d.storage_key AS "storageKey"`,
      [ids, kind],
    );
  }

  /** The documents the publisher shows the public from now on (none: it shows nothing), replacing what it showed. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, 'datasheet:' + SQL_EXAMPLE.id, [SQL_EXAMPLE.id]] })
  async replacePublished(tenantId: string, publisher: string, documentIds: readonly string[]): Promise<void> {
    await this.sql.query(`DELETE FROM published_document p WHERE p.publisher = $1`, [publisher]);
    if (documentIds.length === 0) return;
    await this.sql.query(
      `INSERT INTO published_document (tenant_id, publisher, document_id) SELECT $1, $2, d FROM unnest($3::uuid[]) AS d`,
      [tenantId, publisher, [...new Set(documentIds)]],
    );
  }

  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.id, Buffer.from('%PDF-1.7')] })
  async insertContent(tenantId: string, documentId: string, bytes: Buffer): Promise<void> {
    await this.sql.query(`INSERT INTO document_content (tenant_id, document_id, bytes) VALUES ($1, $2, $3)`, [tenantId, documentId, bytes]);
  }

  @GenerateSql({ params: [SQL_EXAMPLE.id] })
  async contentOf(documentId: string): Promise<Buffer | null> {
    const [row] = await this.sql.query<{ bytes: Buffer }>(`SELECT c.bytes FROM document_content c WHERE c.document_id = $1`, [documentId]);
    return row?.bytes ?? null;
  }
}
