import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `natural_order`: the collation lists by name sort with. The database's own collation is whatever its
 * cluster was created with (C.UTF-8 for the embedded server and the CI's): every capital before every
 * small letter and accented letters after z, so "de Smet", "van Damme" and "École" came after "Zwart".
 * ICU's root collation sorts case and accents as readers of Dutch, French and German expect, and with
 * numeric ordering "Plant 9" before "Plant 10". Deterministic (equal only when identical), so it
 * serves keyset pages and unique indexes alike. A server built without ICU gets the C order, as before.
 */
export class NaturalNameOrder1767600000000 implements MigrationInterface {
  name = 'NaturalNameOrder1767600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      DO $$
      BEGIN
        CREATE COLLATION natural_order (provider = icu, locale = 'und-u-kn-true');
      EXCEPTION WHEN feature_not_supported THEN
        CREATE COLLATION natural_order FROM "C";
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP COLLATION natural_order`);
  }
}
