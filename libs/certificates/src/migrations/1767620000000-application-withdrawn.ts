import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An application its company withdraws before a decision (the shipment was cancelled): a state of its
 * own, WITHDRAWN, from SUBMITTED or CHANGES_REQUESTED. Before, the company could only leave it with the
 * chamber, where it stayed in the queue. The check of the states names it.
 */
export class ApplicationWithdrawn1767620000000 implements MigrationInterface {
  name = 'ApplicationWithdrawn1767620000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE certificate_application DROP CONSTRAINT certificate_application_state_check`);
    await db.query(`
      ALTER TABLE certificate_application ADD CONSTRAINT certificate_application_state_check
        CHECK (state IN ('DRAFT','SUBMITTED','IN_REVIEW','CHANGES_REQUESTED','REJECTED','APPROVED','ISSUED','WITHDRAWN'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`UPDATE certificate_application SET state = 'CHANGES_REQUESTED' WHERE state = 'WITHDRAWN'`);
    await db.query(`ALTER TABLE certificate_application DROP CONSTRAINT certificate_application_state_check`);
    await db.query(`
      ALTER TABLE certificate_application ADD CONSTRAINT certificate_application_state_check
        CHECK (state IN ('DRAFT','SUBMITTED','IN_REVIEW','CHANGES_REQUESTED','REJECTED','APPROVED','ISSUED'))`);
  }
}
