import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention of privacy-policy answers (rule ACCOUNT, issue 18 item 4): a closed account's answers
 * are deleted once the period after its closing is over. The application role, which could only read
 * and insert answers, may now delete them, within its tenant (the table's row-level security).
 */
export class PolicyAnswerRetention1767520000000 implements MigrationInterface {
  name = 'PolicyAnswerRetention1767520000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`GRANT DELETE ON privacy_policy_response TO chancery_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`REVOKE DELETE ON privacy_policy_response FROM chancery_app`);
  }
}
