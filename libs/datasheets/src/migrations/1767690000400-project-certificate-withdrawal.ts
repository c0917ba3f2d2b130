import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A project certificate issued in error is withdrawn by the certification body's staff: when and why
 * are kept on the row, which the parties still read (WITHDRAWN, with the date and the reason); it can
 * no longer be distributed nor have a contact named. The table keeps its row-level security (the
 * columns are added to the isolated table; no new table, no new policy).
 */
export class ProjectCertificateWithdrawal1767690000400 implements MigrationInterface {
  name = 'ProjectCertificateWithdrawal1767690000400';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE project_certificate ADD COLUMN withdrawn_at timestamptz, ADD COLUMN withdrawal_reason text`);
    await db.query(`
      ALTER TABLE project_certificate ADD CONSTRAINT project_certificate_withdrawal CHECK (
        (state = 'WITHDRAWN') = (withdrawn_at IS NOT NULL)
        AND (withdrawn_at IS NULL) = (withdrawal_reason IS NULL)
        AND (withdrawal_reason IS NULL OR char_length(withdrawal_reason) BETWEEN 1 AND 500)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE project_certificate DROP CONSTRAINT project_certificate_withdrawal`);
    await db.query(`ALTER TABLE project_certificate DROP COLUMN withdrawal_reason, DROP COLUMN withdrawn_at`);
  }
}
