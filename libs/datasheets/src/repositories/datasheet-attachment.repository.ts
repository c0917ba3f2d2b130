import { Injectable } from '@nestjs/common';
import { GenerateSql, selectColumns, Sql, SQL_EXAMPLE, toEntity } from '@chancery/core';
import { DatasheetAttachment } from '../entities/datasheet-attachment.entity';

const ATTACHMENT = selectColumns(DatasheetAttachment, 'a');

export type NewDatasheetAttachment = Omit<DatasheetAttachment, 'id' | 'createdAt'>;

/**
 * `datasheet_attachment`: the documents attached to datasheet versions. A published version's rows
 * are frozen (a trigger refuses adding, removing or changing them); every read names the version.
 */
@Injectable()
export class DatasheetAttachmentRepository {
  constructor(private readonly sql: Sql) {}

  @GenerateSql({
    params: [{ tenantId: SQL_EXAMPLE.tenantId, organisationId: SQL_EXAMPLE.organisationId, datasheetId: SQL_EXAMPLE.id, versionId: SQL_EXAMPLE.id, documentId: SQL_EXAMPLE.id, title: 'Declaration of performance', language: 'en', fileName: 'dop.pdf', mediaType: 'application/pdf', sizeBytes: 10, sha256: 'ab'.repeat(32), uploadedBy: SQL_EXAMPLE.userId }],
  })
  async insert(attachment: NewDatasheetAttachment): Promise<DatasheetAttachment> {
    const [row] = await this.sql.query(
      `INSERT INTO datasheet_attachment AS a (tenant_id, organisation_id, datasheet_id, version_id, document_id, title, language, file_name, media_type, size_bytes, sha256, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING ${ATTACHMENT}`,
      [attachment.tenantId, attachment.organisationId, attachment.datasheetId, attachment.versionId, attachment.documentId, attachment.title, attachment.language,
        attachment.fileName, attachment.mediaType, attachment.sizeBytes, attachment.sha256, attachment.uploadedBy],
    );
    return toEntity(DatasheetAttachment, row!);
  }

  /** The attachments of several versions (a page of versions in one statement), in the order they were added. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, [SQL_EXAMPLE.id]] })
  async ofVersions(tenantId: string, versionIds: readonly string[]): Promise<DatasheetAttachment[]> {
    const rows = await this.sql.query(
      `SELECT ${ATTACHMENT} FROM datasheet_attachment a WHERE a.tenant_id = $1 AND a.version_id = ANY($2::uuid[]) ORDER BY a.created_at, a.id`,
      [tenantId, versionIds],
    );
    return rows.map((row) => toEntity(DatasheetAttachment, row));
  }

  /** An attachment by its own id within the scope (removal names the attachment only). */
  @GenerateSql({ params: [SQL_EXAMPLE.id, { tenantId: SQL_EXAMPLE.tenantId, organisationId: SQL_EXAMPLE.organisationId }] })
  async findInScope(attachmentId: string, scope: { tenantId: string; organisationId: string | null }): Promise<DatasheetAttachment | null> {
    const [row] = await this.sql.query(
      `SELECT ${ATTACHMENT} FROM datasheet_attachment a WHERE a.id = $1 AND a.tenant_id = $2 AND ($3::uuid IS NULL OR a.organisation_id = $3)`,
      [attachmentId, scope.tenantId, scope.organisationId],
    );
    return row ? toEntity(DatasheetAttachment, row) : null;
  }

  @GenerateSql({ params: [SQL_EXAMPLE.id] })
  async remove(attachmentId: string): Promise<void> {
    await this.sql.query(`DELETE FROM datasheet_attachment a WHERE a.id = $1`, [attachmentId]);
  }

  /** Whether any attachment of any version still names the document (a new version names its predecessor's files). */
  @GenerateSql({ params: [SQL_EXAMPLE.id] })
  async documentIsNamed(documentId: string): Promise<boolean> {
    const rows = await this.sql.query(`SELECT 1 FROM datasheet_attachment a WHERE a.document_id = $1 LIMIT 1`, [documentId]);
    return rows.length > 0;
  }

  /** A new version starts with the attachments of the one before: new rows naming the same documents (no bytes copied). */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.id, SQL_EXAMPLE.id] })
  async copyToVersion(tenantId: string, fromVersionId: string, toVersionId: string): Promise<number> {
    const rows = await this.sql.query(
      `INSERT INTO datasheet_attachment (tenant_id, organisation_id, datasheet_id, version_id, document_id, title, language, file_name, media_type, size_bytes, sha256, uploaded_by, created_at)
       SELECT a.tenant_id, a.organisation_id, a.datasheet_id, $3, a.document_id, a.title, a.language, a.file_name, a.media_type, a.size_bytes, a.sha256, a.uploaded_by, a.created_at
         FROM datasheet_attachment a WHERE a.tenant_id = $1 AND a.version_id = $2 ORDER BY a.created_at, a.id RETURNING id`,
      [tenantId, fromVersionId, toVersionId],
    );
    return rows.length;
  }

  /** The attachments the person added (a data-subject export). */
  @GenerateSql({ params: [SQL_EXAMPLE.userId] })
  async uploadedBy(userId: string): Promise<DatasheetAttachment[]> {
    const rows = await this.sql.query(`SELECT ${ATTACHMENT} FROM datasheet_attachment a WHERE a.uploaded_by = $1 ORDER BY a.created_at, a.id`, [userId]);
    return rows.map((row) => toEntity(DatasheetAttachment, row));
  }

  /** Erasure: the documents stay (they are the company's), the person's id leaves them. */
  @GenerateSql({ params: [SQL_EXAMPLE.userId] })
  async forgetUploader(userId: string): Promise<number> {
    const rows = await this.sql.query(`UPDATE datasheet_attachment a SET uploaded_by = NULL WHERE a.uploaded_by = $1 RETURNING a.id`, [userId]);
    return rows.length;
  }
}
