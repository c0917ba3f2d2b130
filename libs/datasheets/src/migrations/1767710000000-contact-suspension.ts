import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A restriction of processing (Art. 18) suspends a person as a contact instead of releasing them: the
 * datasheet (or project party) shows the company's general contact without a replacement deadline, and
 * remembers whom to show again when the restriction is lifted (review F12: a restriction started the
 * replacement clock, and lifting it restored nothing). `contact_suspended` is what the company reads;
 * who it is stays internal. The tables keep their row-level security (columns on isolated tables).
 */
export class ContactSuspension1767710000000 implements MigrationInterface {
  name = 'ContactSuspension1767710000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE datasheet
        ADD COLUMN contact_suspended_user_id uuid,
        ADD COLUMN contact_suspended boolean GENERATED ALWAYS AS (contact_suspended_user_id IS NOT NULL) STORED,
        ADD CONSTRAINT datasheet_contact_suspension CHECK (contact_suspended_user_id IS NULL OR contact_user_id IS NULL)`);
    await db.query(`CREATE INDEX datasheet_contact_suspended ON datasheet (tenant_id, contact_suspended_user_id) WHERE contact_suspended_user_id IS NOT NULL`);
    await db.query(`
      ALTER TABLE project_party
        ADD COLUMN contact_suspended_user_id uuid,
        ADD CONSTRAINT project_party_contact_suspension CHECK (contact_suspended_user_id IS NULL OR contact_user_id IS NULL)`);
    await db.query(`CREATE INDEX project_party_contact_suspended ON project_party (contact_suspended_user_id) WHERE contact_suspended_user_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX project_party_contact_suspended`);
    await db.query(`ALTER TABLE project_party DROP CONSTRAINT project_party_contact_suspension, DROP COLUMN contact_suspended_user_id`);
    await db.query(`DROP INDEX datasheet_contact_suspended`);
    await db.query(`ALTER TABLE datasheet DROP CONSTRAINT datasheet_contact_suspension, DROP COLUMN contact_suspended, DROP COLUMN contact_suspended_user_id`);
  }
}
