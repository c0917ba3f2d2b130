import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The worker's PDF queue, indexed: each round asks every tenant for its certificates and copies
 * without a PDF, oldest first (`CertificateRepository.awaitingPdf`; since the PDF-queue scope, one query for every tenant). Without these partial indexes
 * that was a scan of the tenant's whole register (about a second per tenant at a million
 * certificates, every round); with them it reads only the few rows waiting.
 */
export class CertificatePdfQueue1767200000000 implements MigrationInterface {
  name = 'CertificatePdfQueue1767200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX certificate_awaiting_pdf ON certificate (tenant_id, issued_at) WHERE pdf_document_id IS NULL`);
    await db.query(`CREATE INDEX certificate_copy_awaiting_pdf ON certificate_copy (tenant_id, created_at) WHERE pdf_document_id IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX certificate_copy_awaiting_pdf`);
    await db.query(`DROP INDEX certificate_awaiting_pdf`);
  }
}
