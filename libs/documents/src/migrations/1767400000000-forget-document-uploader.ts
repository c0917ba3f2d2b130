import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Erasure (Art. 17) of the person who uploaded a supporting document: the document stays (it is the
 * company's evidence of the application), the uploader's account id leaves it. The application may
 * change that one column, and only to NULL; everything else about a stored document stays as written.
 */
export class ForgetDocumentUploader1767400000000 implements MigrationInterface {
  name = 'ForgetDocumentUploader1767400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION stored_document_only_uploader_forgotten() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.uploaded_by IS NOT NULL OR (to_jsonb(NEW) - 'uploaded_by') <> (to_jsonb(OLD) - 'uploaded_by') THEN
          RAISE EXCEPTION 'a stored document is never changed, but for forgetting who uploaded it'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'stored_document_only_uploader_forgotten';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER stored_document_only_uploader_forgotten BEFORE UPDATE ON stored_document
        FOR EACH ROW EXECUTE FUNCTION stored_document_only_uploader_forgotten()`);
    await db.query(`GRANT UPDATE (uploaded_by) ON stored_document TO chancery_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`REVOKE UPDATE (uploaded_by) ON stored_document FROM chancery_app`);
    await db.query(`DROP TRIGGER stored_document_only_uploader_forgotten ON stored_document`);
    await db.query(`DROP FUNCTION stored_document_only_uploader_forgotten()`);
  }
}
