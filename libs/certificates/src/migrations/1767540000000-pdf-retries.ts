import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retries of the worker's PDF queue: a PDF that fails to render was tried again every round (2 s)
 * without end, and fifty such ones filled every round, holding back the newer ones. Each certificate
 * and copy now counts its failed attempts and when it may next be tried (the outbox's back-off), and
 * is given up after the maximum (`pdf_given_up_at`, which operators read and clear to queue it again).
 * The queue reads only what is due, fewest attempts first.
 */
export class PdfRetries1767540000000 implements MigrationInterface {
  name = 'PdfRetries1767540000000';

  async up(db: QueryRunner): Promise<void> {
    for (const table of ['certificate', 'certificate_copy']) {
      await db.query(`ALTER TABLE ${table} ADD COLUMN pdf_attempts integer NOT NULL DEFAULT 0`);
      await db.query(`ALTER TABLE ${table} ADD COLUMN pdf_next_attempt_at timestamptz`);
      await db.query(`ALTER TABLE ${table} ADD COLUMN pdf_given_up_at timestamptz`);
    }
    // An issued certificate's columns are granted one by one (a copy's table is updatable whole).
    await db.query(`GRANT UPDATE (pdf_attempts, pdf_next_attempt_at, pdf_given_up_at) ON certificate TO chancery_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`REVOKE UPDATE (pdf_attempts, pdf_next_attempt_at, pdf_given_up_at) ON certificate FROM chancery_app`);
    for (const table of ['certificate', 'certificate_copy']) {
      for (const column of ['pdf_given_up_at', 'pdf_next_attempt_at', 'pdf_attempts']) await db.query(`ALTER TABLE ${table} DROP COLUMN ${column}`);
    }
  }
}
