import { MigrationInterface, QueryRunner } from 'typeorm';

/** The published-version immutability check, as first written (restored by `down`). */
const ORIGINAL_CHECK = `
        IF OLD.published_at IS NOT NULL AND (
             NEW.characteristics IS DISTINCT FROM OLD.characteristics OR NEW.texts IS DISTINCT FROM OLD.texts
          OR NEW.completed_by IS DISTINCT FROM OLD.completed_by OR NEW.number IS DISTINCT FROM OLD.number
          OR NEW.published_at IS DISTINCT FROM OLD.published_at OR NEW.datasheet_id IS DISTINCT FROM OLD.datasheet_id) THEN
          RAISE EXCEPTION 'a published datasheet version is never edited' USING ERRCODE = 'check_violation', CONSTRAINT = 'datasheet_version_published_is_immutable';
        END IF;`;

/**
 * Retention of a withdrawn datasheet's record (rule DATASHEET_RECORD: 12 months after the datasheet
 * is withdrawn, issue 18): who completed its versions is forgotten (`completed_by` NULL), as are its
 * contact and who added its attachments. A published version stays immutable but for that one
 * change, and only while its datasheet is withdrawn (no version published or in the works): a live
 * datasheet's versions, superseded ones included, keep who completed them.
 */
export class DatasheetRecordRetention1767500000100 implements MigrationInterface {
  name = 'DatasheetRecordRetention1767500000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE datasheet_version ALTER COLUMN completed_by DROP NOT NULL`);
    await db.query(`
      CREATE OR REPLACE FUNCTION datasheet_version_published_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.published_at IS NOT NULL AND (
             NEW.characteristics IS DISTINCT FROM OLD.characteristics OR NEW.texts IS DISTINCT FROM OLD.texts
          OR NEW.number IS DISTINCT FROM OLD.number
          OR NEW.published_at IS DISTINCT FROM OLD.published_at OR NEW.datasheet_id IS DISTINCT FROM OLD.datasheet_id) THEN
          RAISE EXCEPTION 'a published datasheet version is never edited' USING ERRCODE = 'check_violation', CONSTRAINT = 'datasheet_version_published_is_immutable';
        END IF;
        -- Who completed it: forgotten only (NULL), and only once the datasheet is withdrawn (DATASHEET_RECORD).
        IF NEW.completed_by IS DISTINCT FROM OLD.completed_by AND OLD.published_at IS NOT NULL AND (
             NEW.completed_by IS NOT NULL
          OR EXISTS (SELECT 1 FROM datasheet_version o WHERE o.tenant_id = OLD.tenant_id AND o.datasheet_id = OLD.datasheet_id AND o.state NOT IN ('UNPUBLISHED', 'SUPERSEDED'))) THEN
          RAISE EXCEPTION 'who completed a published datasheet version is forgotten only once the datasheet is withdrawn'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'datasheet_version_published_is_immutable';
        END IF;
        RETURN NEW;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION datasheet_version_published_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN${ORIGINAL_CHECK}
        RETURN NEW;
      END $$`);
  }
}
