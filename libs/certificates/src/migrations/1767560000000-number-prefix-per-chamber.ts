import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A number prefix is one chamber's: certificate numbers are unique across chambers (public verification
 * finds a certificate by its number alone), and a chamber that took another's prefix made every
 * signature of the other fail on that uniqueness. The index holds across tenants whatever row-level
 * security shows; the default prefixes (derived from the slug, never stored) are checked when saved.
 */
export class NumberPrefixPerChamber1767560000000 implements MigrationInterface {
  name = 'NumberPrefixPerChamber1767560000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE UNIQUE INDEX certificate_settings_number_prefix_key ON certificate_settings (number_prefix)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX certificate_settings_number_prefix_key`);
  }
}
