import { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from '@chancery/core/database/row-security';

/**
 * Documents anyone may download (#17: a published datasheet's attachments). `published_document`
 * says which documents a publisher (e.g. `datasheet:<id>`) shows the public now; it is rewritten in
 * the transaction that publishes, supersedes or unpublishes. The public scope reads a document's
 * record and bytes only while such a row exists: the database, not only the code, keeps drafts' and
 * superseded versions' files private.
 */
export class PublishedDocuments1767300000100 implements MigrationInterface {
  name = 'PublishedDocuments1767300000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE stored_document DROP CONSTRAINT stored_document_kind_check`);
    await db.query(`ALTER TABLE stored_document ADD CONSTRAINT stored_document_kind_check CHECK (kind IN ('SUPPORTING_DOCUMENT', 'CERTIFICATE_PDF', 'DATASHEET_ATTACHMENT'))`);
    await db.query(`
      CREATE TABLE published_document (
        tenant_id    uuid NOT NULL,
        publisher    text NOT NULL CHECK (length(publisher) BETWEEN 1 AND 100),
        document_id  uuid NOT NULL,
        PRIMARY KEY (publisher, document_id),
        FOREIGN KEY (tenant_id, document_id) REFERENCES stored_document(tenant_id, id)
      )`);
    await db.query(`CREATE INDEX published_document_document ON published_document (document_id)`);
    await isolateTenantTable(db, 'published_document', { privileges: 'SELECT, INSERT, DELETE' });
    await db.query(`CREATE POLICY published_document_public_read ON published_document FOR SELECT USING (app_in_public_scope())`);
    await db.query(`
      CREATE POLICY stored_document_public_read ON stored_document FOR SELECT
        USING (app_in_public_scope() AND EXISTS (SELECT 1 FROM published_document p WHERE p.document_id = stored_document.id AND p.tenant_id = stored_document.tenant_id))`);
    await db.query(`
      CREATE POLICY document_content_public_read ON document_content FOR SELECT
        USING (app_in_public_scope() AND EXISTS (SELECT 1 FROM published_document p WHERE p.document_id = document_content.document_id AND p.tenant_id = document_content.tenant_id))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP POLICY document_content_public_read ON document_content`);
    await db.query(`DROP POLICY stored_document_public_read ON stored_document`);
    await db.query(`DROP TABLE published_document`);
    await db.query(`ALTER TABLE stored_document DROP CONSTRAINT stored_document_kind_check`);
    await db.query(`ALTER TABLE stored_document ADD CONSTRAINT stored_document_kind_check CHECK (kind IN ('SUPPORTING_DOCUMENT', 'CERTIFICATE_PDF'))`);
  }
}
