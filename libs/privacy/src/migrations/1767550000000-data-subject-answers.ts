import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An answered request reaches the person (Art. 12(3), 15(3)): `answer_kind` says what kind of answer
 * it was (the portal and the e-mail turn it into a sentence; `outcome` stays the officer's evidence),
 * and an access or portability answer has a download link: only the SHA-256 of its secret, its expiry
 * and the downloads left. The export itself is not stored (built again at each download).
 */
export class DataSubjectAnswers1767550000000 implements MigrationInterface {
  name = 'DataSubjectAnswers1767550000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE data_subject_request
        ADD COLUMN answer_kind text NULL CHECK (answer_kind IN ('EXPORT','ERASURE','RESTRICTION','STATEMENT')),
        ADD COLUMN export_token_hash bytea NULL,
        ADD COLUMN export_expires_at timestamptz NULL,
        ADD COLUMN export_downloads_left integer NULL CHECK (export_downloads_left >= 0),
        ADD CONSTRAINT data_subject_request_export_link
          CHECK ((export_token_hash IS NULL) = (export_expires_at IS NULL) AND (export_token_hash IS NULL) = (export_downloads_left IS NULL))`);
    await db.query(`CREATE UNIQUE INDEX data_subject_request_export_token ON data_subject_request (export_token_hash) WHERE export_token_hash IS NOT NULL`);
    // Requests answered before: what the answer was, from what was recorded (the automatic answers
    // recorded counts as JSON; anything else is the officer's words).
    await db.query(`
      UPDATE data_subject_request SET answer_kind = CASE
          WHEN type IN ('ACCESS','PORTABILITY') AND outcome LIKE '{"exportedRecords":%' THEN 'EXPORT'
          WHEN type = 'ERASURE' AND outcome LIKE '[%' THEN 'ERASURE'
          WHEN type = 'RESTRICTION' AND outcome LIKE '{"restricted":%' THEN 'RESTRICTION'
          ELSE 'STATEMENT' END
        WHERE status IN ('COMPLETED','REFUSED')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX data_subject_request_export_token`);
    await db.query(`
      ALTER TABLE data_subject_request DROP CONSTRAINT data_subject_request_export_link,
        DROP COLUMN export_downloads_left, DROP COLUMN export_expires_at, DROP COLUMN export_token_hash, DROP COLUMN answer_kind`);
  }
}
