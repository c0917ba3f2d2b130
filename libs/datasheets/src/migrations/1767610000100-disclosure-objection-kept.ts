import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An objection to the contact disclosure stays recorded (attack report D4). Acknowledging the notice
 * again after objecting rewrote the one acknowledgement per person and version as "never objected,
 * role not ended": the objection was gone from it and the retention clock (DISCLOSURE_ACKNOWLEDGEMENT,
 * from role_ended_at) stopped while the person held no role. An acknowledgement given after an
 * objection is a new record now: one person holds at most one acknowledgement of a version in force
 * (not objected), and keeps the objected ones as they were until their retention ends.
 *
 * Acknowledgements the defect reset (no role held, no end recorded) count from this migration, as
 * DisclosureRoleEnd1767510000300 did (their real date was not kept; later keeps them longer).
 */
export class DisclosureObjectionKept1767610000100 implements MigrationInterface {
  name = 'DisclosureObjectionKept1767610000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE contact_disclosure_acknowledgement DROP CONSTRAINT contact_disclosure_acknowledg_tenant_id_user_id_notice_vers_key`);
    await db.query(`
      CREATE UNIQUE INDEX contact_disclosure_acknowledgement_in_force ON contact_disclosure_acknowledgement (tenant_id, user_id, notice_version)
       WHERE objected_at IS NULL`);
    await db.query(`
      UPDATE contact_disclosure_acknowledgement a SET role_ended_at = now()
       WHERE a.role_ended_at IS NULL
         AND NOT EXISTS (
           SELECT 1 FROM user_account u JOIN user_role r ON r.user_id = u.id
            WHERE u.id = a.user_id AND u.tenant_id = a.tenant_id AND u.status <> 'DISABLED' AND r.role IN ('ORG_ADMIN', 'ORG_MEMBER'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    // One record per person and version again: the objected ones a later acknowledgement replaced go.
    await db.query(`
      DELETE FROM contact_disclosure_acknowledgement o
       WHERE o.objected_at IS NOT NULL
         AND EXISTS (SELECT 1 FROM contact_disclosure_acknowledgement n
                      WHERE n.tenant_id = o.tenant_id AND n.user_id = o.user_id AND n.notice_version = o.notice_version AND n.id <> o.id
                        AND (n.objected_at IS NULL OR n.objected_at > o.objected_at))`);
    await db.query(`DROP INDEX contact_disclosure_acknowledgement_in_force`);
    await db.query(`
      ALTER TABLE contact_disclosure_acknowledgement
        ADD CONSTRAINT contact_disclosure_acknowledg_tenant_id_user_id_notice_vers_key UNIQUE (tenant_id, user_id, notice_version)`);
  }
}
