import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deleting a document asks the documents' restrictive delete policy whether it is the PDF of a destroyed
 * certificate, or of a copy of one (`CertificateFileRetention1767500000000`). Neither table had an index
 * on the PDF, so PostgreSQL 17 answered with a hash of every destroyed certificate it could see, read by
 * a sequential scan of the table at every deletion of a supporting document or an attachment (found by
 * test/architecture/index-seeks on the embedded server; PostgreSQL 15 planned it otherwise). Each is now
 * a seek: the destroyed certificates by their PDF (a small partial index), the copies by theirs.
 */
export class DestroyedPdfLookup1767600000400 implements MigrationInterface {
  name = 'DestroyedPdfLookup1767600000400';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX certificate_destroyed_pdf ON certificate (tenant_id, pdf_document_id) WHERE destroyed_at IS NOT NULL`);
    await db.query(`CREATE INDEX certificate_copy_pdf ON certificate_copy (tenant_id, pdf_document_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX certificate_copy_pdf`);
    await db.query(`DROP INDEX certificate_destroyed_pdf`);
  }
}
