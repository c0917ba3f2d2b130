import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention of who distributed a project certificate (declared PROJECT_DISTRIBUTOR, rule
 * CERTIFICATE_FILE counted from the distribution, issue 18): past the tenant's period the
 * distribution keeps where and when it was sent, and forgets who sent it (`distributed_by` NULL).
 *
 * A distribution is a record: the application role, which could change any of its columns, may now
 * only forget its distributor (the one column, and only to nothing, by a restrictive policy).
 */
export class ProjectDistributionRetention1767530000000 implements MigrationInterface {
  name = 'ProjectDistributionRetention1767530000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE project_distribution ALTER COLUMN distributed_by DROP NOT NULL`);
    await db.query(`REVOKE UPDATE ON project_distribution FROM chancery_app`);
    await db.query(`GRANT UPDATE (distributed_by) ON project_distribution TO chancery_app`);
    await db.query(`
      CREATE POLICY project_distribution_forget_distributor_only ON project_distribution AS RESTRICTIVE FOR UPDATE
        USING (true) WITH CHECK (distributed_by IS NULL)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP POLICY project_distribution_forget_distributor_only ON project_distribution`);
    await db.query(`REVOKE UPDATE (distributed_by) ON project_distribution FROM chancery_app`);
    await db.query(`GRANT UPDATE ON project_distribution TO chancery_app`);
  }
}
