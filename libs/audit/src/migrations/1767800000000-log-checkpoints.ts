import { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from '@chancery/core/database/row-security';

/**
 * Review F2: removing the newest rows of a hash chain leaves a shorter chain that verifies. The head of
 * each chain (a tenant's audit log and personal-data access log, the platform's audit log) is
 * therefore signed from time to time with the platform attestation key and the signed head handed to
 * the tenant (webhook `audit.checkpoint`, portal download): `log_checkpoint` keeps them, so the
 * verification knows where each chain reached. Append-only for the application role, like the logs;
 * tenant_id NULL is the platform's chain, reachable in platform scope only. Ids, positions, hashes and
 * times: no personal data.
 */
export class LogCheckpoints1767800000000 implements MigrationInterface {
  name = 'LogCheckpoints1767800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE log_checkpoint (
        id               bigserial PRIMARY KEY,
        tenant_id        uuid NULL REFERENCES tenant(id),
        chain            text NOT NULL CHECK (chain IN ('AUDIT', 'PERSONAL_DATA_ACCESS')),
        sequence         bigint NOT NULL CHECK (sequence > 0),
        head_hash        text NOT NULL CHECK (head_hash ~ '^[0-9a-f]{64}$'),
        checkpointed_at  timestamptz NOT NULL,
        signing_key_id   text NOT NULL REFERENCES platform_attestation_key(id),
        signature        text NOT NULL,
        -- The platform has no personal-data access log.
        CONSTRAINT log_checkpoint_platform_audit_only CHECK (tenant_id IS NOT NULL OR chain = 'AUDIT')
      )`);
    // One checkpoint per position of a chain (two runs of the job racing: the second one adds nothing).
    await db.query(`CREATE UNIQUE INDEX log_checkpoint_position ON log_checkpoint (tenant_id, chain, sequence) NULLS NOT DISTINCT`);
    await isolateTenantTable(db, 'log_checkpoint', { platformRows: true, privileges: 'SELECT, INSERT' });
    // As for audit_entry: the owner (the verification command) reads every chain's checkpoints.
    await db.query(`CREATE POLICY log_checkpoint_owner_verification ON log_checkpoint FOR SELECT TO CURRENT_USER USING (true)`);
    await db.query(`REVOKE ALL ON log_checkpoint FROM PUBLIC`);
    await db.query(`GRANT USAGE ON SEQUENCE log_checkpoint_id_seq TO chancery_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE log_checkpoint`);
  }
}
