import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every destruction certificate written from now on carries its signature, and none loses it: the
 * check holds for every new row and every change of a row (NOT VALID: certificates written before
 * the platform signed them keep their hash alone). So a certificate without a signature is one of
 * those, not a signed one stripped to pass as one.
 */
export class DestructionCertificatesSigned1767400000200 implements MigrationInterface {
  name = 'DestructionCertificatesSigned1767400000200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE tenant_destruction_certificate
        ADD CONSTRAINT tenant_destruction_certificate_signed CHECK (signature IS NOT NULL AND signing_key_id IS NOT NULL) NOT VALID`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE tenant_destruction_certificate DROP CONSTRAINT tenant_destruction_certificate_signed`);
  }
}
