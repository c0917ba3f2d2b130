import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The open replacement of a certificate is looked up by `replaces_certificate_id` when a replacement
 * starts (one at a time) and, locked, twice in every revocation: without an index each was a scan of
 * the tenant's applications. Few applications replace anything: a partial index.
 */
export class ReplacementLookup1767570000000 implements MigrationInterface {
  name = 'ReplacementLookup1767570000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX certificate_application_replaces ON certificate_application (replaces_certificate_id) WHERE replaces_certificate_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX certificate_application_replaces`);
  }
}
