import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The personal-data access log becomes a hash chain per tenant, like the audit log (#14 defect 12):
 * `sequence` from 1 without gaps, `previous_hash`, `hash` = sha256(previous hash || canonical row).
 * Rows written before this migration carry no link (they were never chained, and a migration does
 * not load the application's canonical form); the NOT VALID check makes every later row carry one.
 */
export class PersonalDataAccessChain1766300000000 implements MigrationInterface {
  name = 'PersonalDataAccessChain1766300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE personal_data_access
        ADD COLUMN sequence      bigint NULL CHECK (sequence > 0),
        ADD COLUMN previous_hash bytea NULL CHECK (octet_length(previous_hash) = 32),
        ADD COLUMN hash          bytea NULL CHECK (octet_length(hash) = 32),
        ADD CONSTRAINT personal_data_access_chain_start CHECK ((sequence = 1) = (previous_hash IS NULL))`);
    await db.query(`
      ALTER TABLE personal_data_access
        ADD CONSTRAINT personal_data_access_chained CHECK (sequence IS NOT NULL AND hash IS NOT NULL) NOT VALID`);
    // One position per chain, even should two writers get past the advisory lock.
    await db.query(`CREATE UNIQUE INDEX personal_data_access_tenant_sequence ON personal_data_access (tenant_id, sequence)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX personal_data_access_tenant_sequence`);
    await db.query(`
      ALTER TABLE personal_data_access DROP CONSTRAINT personal_data_access_chained,
        DROP CONSTRAINT personal_data_access_chain_start, DROP COLUMN hash, DROP COLUMN previous_hash, DROP COLUMN sequence`);
  }
}
