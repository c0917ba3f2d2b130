import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When the role an acknowledgement of the contact-disclosure notice was given for ended (issue 18
 * item 4, rule DISCLOSURE_ACKNOWLEDGEMENT: 12 months after the role ends). The role ends when the
 * person objects, loses their last organisation role or their account is disabled; it resumes (the
 * date goes) when they take a role again or their account is enabled. An objection ended the role
 * when it was made. Acknowledgements whose person held no organisation role in an active account when
 * this migration ran count from the migration (their real date was not kept; later keeps them longer).
 */
export class DisclosureRoleEnd1767510000300 implements MigrationInterface {
  name = 'DisclosureRoleEnd1767510000300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE contact_disclosure_acknowledgement ADD COLUMN role_ended_at timestamptz NULL`);
    await db.query(`UPDATE contact_disclosure_acknowledgement SET role_ended_at = objected_at WHERE objected_at IS NOT NULL`);
    await db.query(`
      UPDATE contact_disclosure_acknowledgement a SET role_ended_at = now()
       WHERE a.role_ended_at IS NULL
         AND NOT EXISTS (
           SELECT 1 FROM user_account u JOIN user_role r ON r.user_id = u.id
            WHERE u.id = a.user_id AND u.tenant_id = a.tenant_id AND u.status <> 'DISABLED' AND r.role IN ('ORG_ADMIN', 'ORG_MEMBER'))`);
    await db.query(`CREATE INDEX contact_disclosure_acknowledgement_role_ended ON contact_disclosure_acknowledgement (tenant_id, role_ended_at) WHERE role_ended_at IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX contact_disclosure_acknowledgement_role_ended`);
    await db.query(`ALTER TABLE contact_disclosure_acknowledgement DROP COLUMN role_ended_at`);
  }
}
