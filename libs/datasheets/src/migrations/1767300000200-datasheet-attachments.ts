import { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from '@chancery/core/database/row-security';

/**
 * Attachments of datasheet versions (#17 item 2: a declaration of performance, a drawing): each row
 * names a stored document (the documents context keeps the bytes) with a title and an optional
 * language, and copies the document's name, type, size and checksum, which never change, so a
 * version's list is one statement. A new version copies the rows of the one before (the same
 * documents, no bytes copied). A published version's attachments are frozen with it: a trigger
 * refuses the application adding, removing or changing them; only the uploader's id may be cleared
 * (erasure).
 * The public read model lists the published version's attachments in its row (`attachments`).
 */
export class DatasheetAttachments1767300000200 implements MigrationInterface {
  name = 'DatasheetAttachments1767300000200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE datasheet_version ADD CONSTRAINT datasheet_version_tenant_id_key UNIQUE (tenant_id, id)`);
    await db.query(`
      CREATE TABLE datasheet_attachment (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id        uuid NOT NULL REFERENCES tenant(id),
        organisation_id  uuid NOT NULL,
        datasheet_id     uuid NOT NULL,
        version_id       uuid NOT NULL,
        document_id      uuid NOT NULL,
        title            text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        language         text CHECK (language IN ('nl', 'fr', 'de', 'en')),
        file_name        text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
        media_type       text NOT NULL,
        size_bytes       integer NOT NULL CHECK (size_bytes > 0),
        sha256           text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        uploaded_by      uuid,
        created_at       timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (tenant_id, version_id) REFERENCES datasheet_version(tenant_id, id)
      )`);
    await db.query(`CREATE INDEX datasheet_attachment_version ON datasheet_attachment (tenant_id, version_id, created_at)`);
    await db.query(`CREATE INDEX datasheet_attachment_uploader ON datasheet_attachment (tenant_id, uploaded_by)`);
    await db.query(`
      CREATE FUNCTION datasheet_attachment_frozen_when_published() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        row_of datasheet_attachment := CASE WHEN TG_OP = 'INSERT' THEN NEW ELSE OLD END;
      BEGIN
        -- The owner's maintenance (a departing tenant's destruction) deletes whole datasheets; the application never does.
        IF TG_OP = 'DELETE' AND current_user <> 'chancery_app' THEN
          RETURN OLD;
        END IF;
        IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - 'uploaded_by') = (to_jsonb(OLD) - 'uploaded_by') AND NEW.uploaded_by IS NULL THEN
          RETURN NEW;
        END IF;
        IF EXISTS (SELECT 1 FROM datasheet_version v WHERE v.id = row_of.version_id AND v.tenant_id = row_of.tenant_id AND v.published_at IS NOT NULL) THEN
          RAISE EXCEPTION 'the attachments of a published datasheet version are never changed'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'datasheet_attachment_frozen_when_published';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await db.query(`
      CREATE TRIGGER datasheet_attachment_frozen_when_published BEFORE INSERT OR UPDATE OR DELETE ON datasheet_attachment
        FOR EACH ROW EXECUTE FUNCTION datasheet_attachment_frozen_when_published()`);
    await isolateTenantTable(db, 'datasheet_attachment', { privileges: 'SELECT, INSERT, DELETE' });
    await db.query(`GRANT UPDATE (uploaded_by) ON datasheet_attachment TO chancery_app`);

    await db.query(`ALTER TABLE published_datasheet ADD COLUMN attachments jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE published_datasheet DROP COLUMN attachments`);
    await db.query(`DROP TABLE datasheet_attachment`);
    await db.query(`DROP FUNCTION datasheet_attachment_frozen_when_published()`);
    await db.query(`ALTER TABLE datasheet_version DROP CONSTRAINT datasheet_version_tenant_id_key`);
  }
}
