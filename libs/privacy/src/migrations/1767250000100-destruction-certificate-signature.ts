import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The platform signs what it attests as processor (issue 18 item 10): a destruction certificate
 * carries an Ed25519 signature over the canonical JSON its hash already covered, by the platform's
 * attestation key, so the former tenant can prove it with the public key alone, long after its
 * accounts are gone. The key's private half is sealed (SECRETS_KEY); its public half is readable by
 * anyone (GET /platform/attestation-keys). Certificates written before this carry no signature.
 */
export class DestructionCertificateSignature1767250000100 implements MigrationInterface {
  name = 'DestructionCertificateSignature1767250000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE platform_attestation_key (
        id                  text PRIMARY KEY,
        public_key          text NOT NULL,
        sealed_private_key  text NOT NULL,
        created_at          timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`ALTER TABLE platform_attestation_key ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE platform_attestation_key FORCE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY platform_attestation_key_platform ON platform_attestation_key FOR SELECT USING (app_in_platform_scope() OR app_in_public_scope())`);
    await db.query(`CREATE POLICY platform_attestation_key_create ON platform_attestation_key FOR INSERT WITH CHECK (app_in_platform_scope())`);
    await db.query(`REVOKE ALL ON platform_attestation_key FROM PUBLIC`);
    // Made once, never changed nor removed by the application (a rotation would add a key).
    await db.query(`GRANT SELECT, INSERT ON platform_attestation_key TO chancery_app`);
    await db.query(`ALTER TABLE tenant_destruction_certificate ADD COLUMN signing_key_id text REFERENCES platform_attestation_key(id)`);
    await db.query(`ALTER TABLE tenant_destruction_certificate ADD COLUMN signature text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE tenant_destruction_certificate DROP COLUMN signature`);
    await db.query(`ALTER TABLE tenant_destruction_certificate DROP COLUMN signing_key_id`);
    await db.query(`DROP TABLE platform_attestation_key`);
  }
}
