import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The second part of a chamber's queue (ApplicationRepository.listOfTenantQueue: every state after the
 * chamber's work, HANDLED_STATES) now holds withdrawn applications too. Its partial index named the
 * states of 1767590000000: a query whose states the predicate does not imply cannot read it, so each
 * page would sort the chamber's whole register again. The index is made again with WITHDRAWN.
 */
export class ChamberHandledWithdrawn1767620000100 implements MigrationInterface {
  name = 'ChamberHandledWithdrawn1767620000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX certificate_application_chamber_handled`);
    await db.query(
      `CREATE INDEX certificate_application_chamber_handled ON certificate_application (tenant_id, submitted_at DESC, id DESC)
        WHERE state IN ('CHANGES_REQUESTED', 'REJECTED', 'ISSUED', 'WITHDRAWN') AND submitted_at IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX certificate_application_chamber_handled`);
    await db.query(
      `CREATE INDEX certificate_application_chamber_handled ON certificate_application (tenant_id, submitted_at DESC, id DESC)
        WHERE state IN ('CHANGES_REQUESTED', 'REJECTED', 'ISSUED') AND submitted_at IS NOT NULL`,
    );
  }
}
