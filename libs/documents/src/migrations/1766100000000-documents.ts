import { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from '@chancery/core/database/row-security';

/**
 * Uploaded and generated documents: the record (`stored_document`: name, type and size as checked
 * on the bytes, SHA-256) and, for the default storage, the bytes themselves (`document_content`), so
 * several API replicas and the worker share them with no extra server. With the S3 storage the
 * bytes live in the bucket and `document_content` stays empty. Both tables are tenant-owned.
 */
export class Documents1766100000000 implements MigrationInterface {
  name = 'Documents1766100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE stored_document (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id        uuid NOT NULL REFERENCES tenant(id),
        organisation_id  uuid,
        kind             text NOT NULL CHECK (kind IN ('SUPPORTING_DOCUMENT', 'CERTIFICATE_PDF')),
        file_name        text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
        media_type       text NOT NULL,
        size_bytes       integer NOT NULL CHECK (size_bytes > 0),
        sha256           text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        storage          text NOT NULL CHECK (storage IN ('postgres', 's3')),
        storage_key      text NOT NULL,
        uploaded_by      uuid,
        created_at       timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id)
      )`);
    await db.query(`CREATE INDEX stored_document_organisation ON stored_document (tenant_id, organisation_id)`);
    await db.query(`
      CREATE TABLE document_content (
        tenant_id    uuid NOT NULL,
        document_id  uuid PRIMARY KEY,
        bytes        bytea NOT NULL,
        FOREIGN KEY (tenant_id, document_id) REFERENCES stored_document(tenant_id, id)
      )`);
    // Documents are evidence: never updated, removed only by retention (the owner role).
    await isolateTenantTable(db, 'stored_document', { privileges: 'SELECT, INSERT' });
    await isolateTenantTable(db, 'document_content', { privileges: 'SELECT, INSERT' });
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE document_content`);
    await db.query(`DROP TABLE stored_document`);
  }
}
