import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The exporter as submitted (attack of 3 December 2026): the certificate printed the company profile as it
 * was at signing, so a company renamed between the clerk's approval and the signature had the chamber
 * certify a name nobody at the chamber had seen. The application now keeps the profile's name, address and
 * country from its submission; the clerk reviews them and the signature prints them. Applications already
 * with the chamber take the profile as it is now (what their clerk sees from today); drafts take it when
 * submitted; issued, rejected and destroyed ones keep none (their certificate, if any, printed it).
 */
export class ExporterAsSubmitted1767610000000 implements MigrationInterface {
  name = 'ExporterAsSubmitted1767610000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE certificate_application ADD COLUMN exporter_name text, ADD COLUMN exporter_address text, ADD COLUMN exporter_country text`);
    await db.query(`
      UPDATE certificate_application a
         SET exporter_name = o.name, exporter_address = o.street || ', ' || o.postal_code || ' ' || o.city, exporter_country = o.country
        FROM organisation o
       WHERE o.id = a.organisation_id AND a.state IN ('SUBMITTED', 'IN_REVIEW', 'APPROVED', 'CHANGES_REQUESTED') AND a.destroyed_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE certificate_application DROP COLUMN exporter_country, DROP COLUMN exporter_address, DROP COLUMN exporter_name`);
  }
}
