import { MigrationInterface, QueryRunner } from 'typeorm';

/** A CERTIFICATE_PDF whose certificate (or whose copy's certificate) was destroyed after its retention period. */
const PDF_OF_DESTROYED_CERTIFICATE = (document: string) => `
  EXISTS (SELECT 1 FROM certificate c WHERE c.tenant_id = ${document}.tenant_id AND c.pdf_document_id = ${document}.id AND c.destroyed_at IS NOT NULL)
  OR EXISTS (SELECT 1 FROM certificate_copy k JOIN certificate c ON c.tenant_id = k.tenant_id AND c.id = k.certificate_id
              WHERE k.tenant_id = ${document}.tenant_id AND k.pdf_document_id = ${document}.id AND c.destroyed_at IS NOT NULL)`;

/**
 * Retention of the certificate file (rule CERTIFICATE_FILE, issue 18): past its period an issued
 * certificate keeps a minimal record, without anyone in it: its number, status, dates, the chamber,
 * the country of origin and the goods hash, and `destroyed_at`, so public verification answers
 * "destroyed after its retention period" rather than nothing. The signed content (consignee,
 * exporter), its signature, the signer and the copies' requesters go; so does its application's
 * personal data (`destroyed_at` there too, for rejected applications as well).
 *
 * An issued certificate stays immutable but for that one step: the application role may now write
 * the signed columns, and a trigger lets it do so only to destroy the record (empty payload and
 * signature, no signer, nothing else changed), and never change a destroyed record again. The PDFs
 * of a destroyed certificate and of its copies become deletable (record and bytes), narrowly: the
 * restrictive delete policies of the documents allow a CERTIFICATE_PDF only when the certificate
 * naming it is destroyed; supporting documents and datasheet attachments as before.
 */
export class CertificateFileRetention1767500000000 implements MigrationInterface {
  name = 'CertificateFileRetention1767500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE certificate ADD COLUMN destroyed_at timestamptz`);
    await db.query(`ALTER TABLE certificate ALTER COLUMN signed_by DROP NOT NULL`);
    await db.query(`ALTER TABLE certificate_copy ALTER COLUMN requested_by DROP NOT NULL`);
    await db.query(`ALTER TABLE certificate_application ADD COLUMN destroyed_at timestamptz`);
    await db.query(`ALTER TABLE certificate_application ALTER COLUMN created_by DROP NOT NULL`);
    await db.query(`
      CREATE FUNCTION certificate_changed_only_as_allowed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        destruction text[] := ARRAY['destroyed_at', 'signed_payload', 'signature', 'signed_by'];
      BEGIN
        IF OLD.destroyed_at IS NOT NULL THEN
          RAISE EXCEPTION 'a certificate record destroyed after its retention period is never changed'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'certificate_changed_only_as_allowed';
        END IF;
        IF NEW.destroyed_at IS NOT NULL THEN
          IF NEW.signed_payload <> '' OR NEW.signature <> '' OR NEW.signed_by IS NOT NULL OR (to_jsonb(NEW) - destruction) <> (to_jsonb(OLD) - destruction) THEN
            RAISE EXCEPTION 'a certificate record is destroyed whole (signed content, signature and signer), nothing else changed'
              USING ERRCODE = 'check_violation', CONSTRAINT = 'certificate_changed_only_as_allowed';
          END IF;
        ELSIF NEW.signed_payload IS DISTINCT FROM OLD.signed_payload OR NEW.signature IS DISTINCT FROM OLD.signature OR NEW.signed_by IS DISTINCT FROM OLD.signed_by THEN
          RAISE EXCEPTION 'an issued certificate is never changed'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'certificate_changed_only_as_allowed';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`CREATE TRIGGER certificate_changed_only_as_allowed BEFORE UPDATE ON certificate FOR EACH ROW EXECUTE FUNCTION certificate_changed_only_as_allowed()`);
    await db.query(`GRANT UPDATE (destroyed_at, signed_payload, signature, signed_by) ON certificate TO chancery_app`);

    await db.query(`DROP POLICY document_content_delete_unissued_only ON document_content`);
    await db.query(`DROP POLICY stored_document_delete_unissued_only ON stored_document`);
    await db.query(`
      CREATE POLICY stored_document_delete_unissued_or_destroyed ON stored_document AS RESTRICTIVE FOR DELETE
        USING (kind IN ('SUPPORTING_DOCUMENT', 'DATASHEET_ATTACHMENT') OR (kind = 'CERTIFICATE_PDF' AND (${PDF_OF_DESTROYED_CERTIFICATE('stored_document')})))`);
    await db.query(`
      CREATE POLICY document_content_delete_unissued_or_destroyed ON document_content AS RESTRICTIVE FOR DELETE
        USING (EXISTS (SELECT 1 FROM stored_document d WHERE d.tenant_id = document_content.tenant_id AND d.id = document_content.document_id
                       AND (d.kind IN ('SUPPORTING_DOCUMENT', 'DATASHEET_ATTACHMENT') OR (d.kind = 'CERTIFICATE_PDF' AND (${PDF_OF_DESTROYED_CERTIFICATE('d')})))))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP POLICY document_content_delete_unissued_or_destroyed ON document_content`);
    await db.query(`DROP POLICY stored_document_delete_unissued_or_destroyed ON stored_document`);
    await db.query(`CREATE POLICY stored_document_delete_unissued_only ON stored_document AS RESTRICTIVE FOR DELETE USING (kind IN ('SUPPORTING_DOCUMENT', 'DATASHEET_ATTACHMENT'))`);
    await db.query(`
      CREATE POLICY document_content_delete_unissued_only ON document_content AS RESTRICTIVE FOR DELETE
        USING (EXISTS (SELECT 1 FROM stored_document d WHERE d.tenant_id = document_content.tenant_id AND d.id = document_content.document_id
                       AND d.kind IN ('SUPPORTING_DOCUMENT', 'DATASHEET_ATTACHMENT')))`);
    await db.query(`REVOKE UPDATE (destroyed_at, signed_payload, signature, signed_by) ON certificate FROM chancery_app`);
    await db.query(`DROP TRIGGER certificate_changed_only_as_allowed ON certificate`);
    await db.query(`DROP FUNCTION certificate_changed_only_as_allowed()`);
    await db.query(`ALTER TABLE certificate_application DROP COLUMN destroyed_at`);
    await db.query(`ALTER TABLE certificate DROP COLUMN destroyed_at`);
  }
}
