import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The worker's PDF queue across tenants: in the `pdf-queue` scope (the `findingAwaitingPdfs` entry
 * point) a read-only transaction sees the certificates and copies of every tenant that have no PDF
 * yet, and nothing else. One query per round finds them (the partial indexes of the PDF-queue
 * migration); before, each round asked every tenant in turn, a query per tenant every two seconds.
 */
export class PdfQueueScope1767250000000 implements MigrationInterface {
  name = 'PdfQueueScope1767250000000';

  async up(db: QueryRunner): Promise<void> {
    for (const table of ['certificate', 'certificate_copy']) {
      await db.query(`
        CREATE POLICY ${table}_pdf_queue ON ${table} FOR SELECT
          USING (current_setting('app.scope', true) = 'pdf-queue' AND pdf_document_id IS NULL)`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['certificate', 'certificate_copy']) await db.query(`DROP POLICY ${table}_pdf_queue ON ${table}`);
  }
}
