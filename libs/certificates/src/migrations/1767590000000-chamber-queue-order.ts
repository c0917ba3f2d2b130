import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A chamber's review queue (ApplicationRepository.listOfTenantQueue) is its work (submitted, in review,
 * approved), oldest submission first, then the rest, newest first. Sorted as one expression, every page
 * sorted the chamber's whole register: about 200 ms at 57,500 applications (the bench's volume), growing
 * with each certificate issued. Each part now reads a partial index of its own in its order, so a page is
 * a keyset read of 50 entries whatever the register's size. The queue holds what was submitted to the
 * chamber (a draft replacement closed because the certificate it replaced was revoked never was), in
 * order of submission: the indexes hold those rows only.
 */
export class ChamberQueueOrder1767590000000 implements MigrationInterface {
  name = 'ChamberQueueOrder1767590000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX certificate_application_chamber_work ON certificate_application (tenant_id, submitted_at, id)
        WHERE state IN ('SUBMITTED', 'IN_REVIEW', 'APPROVED') AND submitted_at IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX certificate_application_chamber_handled ON certificate_application (tenant_id, submitted_at DESC, id DESC)
        WHERE state IN ('CHANGES_REQUESTED', 'REJECTED', 'ISSUED') AND submitted_at IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX certificate_application_chamber_handled`);
    await db.query(`DROP INDEX certificate_application_chamber_work`);
  }
}
