import { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from '@chancery/core/database/row-security';

/**
 * Data-subject requests (SPEC §5, GDPR Art. 12 and 15–21) with their legal clock, and legal holds
 * that stop the retention sweep for named records. Both belong to the tenant, the controller.
 */
export class DataSubjectRequests1766300000100 implements MigrationInterface {
  name = 'DataSubjectRequests1766300000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE data_subject_request (
        id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id               uuid NOT NULL REFERENCES tenant(id),
        type                    text NOT NULL CHECK (type IN ('ACCESS','RECTIFICATION','ERASURE','RESTRICTION','OBJECTION','PORTABILITY','CONSENT_WITHDRAWAL')),
        status                  text NOT NULL CHECK (status IN ('AWAITING_EMAIL_VERIFICATION','AWAITING_IDENTITY_CHECK','IN_PROGRESS','COMPLETED','REFUSED')),
        subject_user_id         uuid NULL,
        requester_email         text NULL,
        language                text NOT NULL,
        details                 text NULL,
        received_at             timestamptz NOT NULL,
        acknowledged_at         timestamptz NULL,
        first_due_on            date NOT NULL,
        due_on                  date NOT NULL,
        extension_months        integer NULL CHECK (extension_months BETWEEN 1 AND 2),
        extension_reason        text NULL,
        extended_at             timestamptz NULL,
        identity_verified_by    text NULL CHECK (identity_verified_by IN ('LOGIN','EMAIL_AND_MANUAL_CHECK')),
        email_verified_at       timestamptz NULL,
        identity_checked_by     uuid NULL,
        verification_token_hash bytea NULL,
        completed_at            timestamptz NULL,
        outcome                 text NULL,
        -- One extension, with its reason.
        CONSTRAINT data_subject_request_extension CHECK ((extension_months IS NULL) = (extension_reason IS NULL))
      )`);
    await db.query(`CREATE INDEX data_subject_request_queue ON data_subject_request (tenant_id, status, due_on)`);
    await db.query(`CREATE INDEX data_subject_request_subject ON data_subject_request (tenant_id, subject_user_id)`);
    await db.query(`CREATE UNIQUE INDEX data_subject_request_token ON data_subject_request (verification_token_hash) WHERE verification_token_hash IS NOT NULL`);
    await isolateTenantTable(db, 'data_subject_request', { privileges: 'SELECT, INSERT, UPDATE' });

    // Restriction of processing (Art. 18): the person's data is stored, and nothing else is done with it.
    await db.query(`
      CREATE TABLE processing_restriction (
        tenant_id     uuid NOT NULL REFERENCES tenant(id),
        user_id       uuid NOT NULL,
        request_id    uuid NULL REFERENCES data_subject_request(id),
        restricted_at timestamptz NOT NULL,
        lifted_at     timestamptz NULL,
        PRIMARY KEY (tenant_id, user_id)
      )`);
    await isolateTenantTable(db, 'processing_restriction', { privileges: 'SELECT, INSERT, UPDATE' });

    await db.query(`
      CREATE TABLE legal_hold (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id    uuid NOT NULL REFERENCES tenant(id),
        record       text NOT NULL CHECK (record ~ '^[A-Za-z]+:[0-9a-f-]{36}$'),
        reason       text NOT NULL CHECK (length(reason) > 0),
        placed_by    uuid NULL,
        placed_at    timestamptz NOT NULL,
        released_at  timestamptz NULL
      )`);
    await db.query(`CREATE INDEX legal_hold_active ON legal_hold (tenant_id, record) WHERE released_at IS NULL`);
    await isolateTenantTable(db, 'legal_hold', { privileges: 'SELECT, INSERT, UPDATE' });
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE legal_hold`);
    await db.query(`DROP TABLE processing_restriction`);
    await db.query(`DROP TABLE data_subject_request`);
  }
}
