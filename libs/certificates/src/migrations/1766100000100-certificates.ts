import { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from '@chancery/core/database/row-security';

const APPLICATION_STATES = `'DRAFT','SUBMITTED','IN_REVIEW','CHANGES_REQUESTED','REJECTED','APPROVED','ISSUED'`;

/**
 * Certificates of origin: applications and their workflow, the signing keys, the per-tenant-per-year
 * number counters, issued certificates (immutable: the application role may change only their
 * status columns and the rendered PDF), copies, fees and billable lines, saved consignees, and the
 * throttle of public verification. Every tenant-owned table has row-level security, forced; issued
 * certificates and public keys are also readable in the public scope (verification, no login).
 */
export class Certificates1766100000100 implements MigrationInterface {
  name = 'Certificates1766100000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE certificate_settings (
        tenant_id                  uuid PRIMARY KEY REFERENCES tenant(id),
        number_prefix              text NOT NULL CHECK (number_prefix ~ '^[A-Z0-9]{1,12}(-[A-Z0-9]{1,12}){0,3}$'),
        member_fee_cents           integer NOT NULL DEFAULT 0 CHECK (member_fee_cents >= 0),
        non_member_fee_cents       integer NOT NULL DEFAULT 0 CHECK (non_member_fee_cents >= 0),
        copy_member_fee_cents      integer NOT NULL DEFAULT 0 CHECK (copy_member_fee_cents >= 0),
        copy_non_member_fee_cents  integer NOT NULL DEFAULT 0 CHECK (copy_non_member_fee_cents >= 0),
        currency                   char(3) NOT NULL DEFAULT 'EUR'
      )`);

    await db.query(`
      CREATE TABLE saved_consignee (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id        uuid NOT NULL REFERENCES tenant(id),
        organisation_id  uuid NOT NULL,
        name             text NOT NULL,
        address          text NOT NULL,
        country          char(2) NOT NULL,
        created_at       timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisation(tenant_id, id),
        UNIQUE (tenant_id, organisation_id, name, address, country)
      )`);

    await db.query(`
      CREATE TABLE certificate_application (
        id                       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id                uuid NOT NULL REFERENCES tenant(id),
        organisation_id          uuid NOT NULL,
        state                    text NOT NULL CHECK (state IN (${APPLICATION_STATES})),
        language                 text NOT NULL CHECK (language IN ('NL','FR','DE','EN')),
        consignee_name           text NOT NULL,
        consignee_address        text NOT NULL,
        consignee_country        char(2) NOT NULL,
        country_of_origin        char(2) NOT NULL,
        transport_details        text NOT NULL DEFAULT '',
        goods                    jsonb NOT NULL DEFAULT '[]',
        invoice_references       text[] NOT NULL DEFAULT '{}',
        remarks                  text NOT NULL DEFAULT '',
        declaration_accepted     boolean NOT NULL DEFAULT false,
        supporting_document_ids  uuid[] NOT NULL DEFAULT '{}',
        created_by               uuid NOT NULL,
        claimed_by               uuid,
        reviewed_by              uuid,
        review_comment           text,
        rejection_reason         text,
        replaces_certificate_id  uuid,
        started_from_application_id uuid,
        certificate_id           uuid,
        created_at               timestamptz NOT NULL DEFAULT now(),
        updated_at               timestamptz NOT NULL DEFAULT now(),
        submitted_at             timestamptz,
        FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisation(tenant_id, id),
        UNIQUE (tenant_id, id)
      )`);
    await db.query(`CREATE INDEX certificate_application_organisation ON certificate_application (tenant_id, organisation_id, created_at DESC)`);
    await db.query(`CREATE INDEX certificate_application_queue ON certificate_application (tenant_id, state, submitted_at)`);

    await db.query(`
      CREATE TABLE certificate_signing_key (
        id                  text PRIMARY KEY,
        tenant_id           uuid NOT NULL REFERENCES tenant(id),
        public_key          text NOT NULL,
        sealed_private_key  text NOT NULL,
        created_at          timestamptz NOT NULL DEFAULT now(),
        retired_at          timestamptz
      )`);
    await db.query(`CREATE UNIQUE INDEX certificate_signing_key_active ON certificate_signing_key (tenant_id) WHERE retired_at IS NULL`);

    // One row per tenant and year, incremented in the signing transaction: the row lock serialises
    // signers and a rolled-back signature gives its number back, so numbers are gapless.
    await db.query(`
      CREATE TABLE certificate_number_counter (
        tenant_id   uuid NOT NULL REFERENCES tenant(id),
        year        integer NOT NULL,
        last_value  integer NOT NULL,
        PRIMARY KEY (tenant_id, year)
      )`);

    await db.query(`
      CREATE TABLE certificate (
        id                            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id                     uuid NOT NULL REFERENCES tenant(id),
        organisation_id               uuid NOT NULL,
        application_id                uuid NOT NULL UNIQUE,
        number                        text NOT NULL UNIQUE,
        year                          integer NOT NULL,
        sequence                      integer NOT NULL,
        status                        text NOT NULL CHECK (status IN ('ISSUED','REVOKED','SUPERSEDED')),
        language                      text NOT NULL,
        country_of_origin             char(2) NOT NULL,
        goods_hash                    text NOT NULL,
        issuing_chamber               text NOT NULL,
        signed_payload                text NOT NULL,
        signature                     text NOT NULL,
        key_id                        text NOT NULL REFERENCES certificate_signing_key(id),
        verification_code_hash        text NOT NULL,
        sealed_verification_code      text NOT NULL,
        idempotency_key               text NOT NULL,
        signed_by                     uuid NOT NULL,
        issued_at                     timestamptz NOT NULL,
        revoked_at                    timestamptz,
        revocation_reason             text,
        superseded_at                 timestamptz,
        superseded_by_certificate_id  uuid,
        superseded_by_number          text,
        pdf_document_id               uuid,
        FOREIGN KEY (tenant_id, application_id) REFERENCES certificate_application(tenant_id, id),
        UNIQUE (tenant_id, year, sequence),
        UNIQUE (tenant_id, idempotency_key),
        UNIQUE (tenant_id, id)
      )`);
    await db.query(`CREATE INDEX certificate_organisation ON certificate (tenant_id, organisation_id, issued_at DESC)`);

    await db.query(`
      CREATE TABLE certificate_copy (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id        uuid NOT NULL,
        certificate_id   uuid NOT NULL,
        copy_number      integer NOT NULL CHECK (copy_number > 0),
        requested_by     uuid NOT NULL,
        created_at       timestamptz NOT NULL DEFAULT now(),
        pdf_document_id  uuid,
        FOREIGN KEY (tenant_id, certificate_id) REFERENCES certificate(tenant_id, id),
        UNIQUE (certificate_id, copy_number)
      )`);

    await db.query(`
      CREATE TABLE certificate_billable_line (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id        uuid NOT NULL,
        organisation_id  uuid NOT NULL,
        certificate_id   uuid NOT NULL,
        kind             text NOT NULL CHECK (kind IN ('ISSUE','COPY')),
        copy_number      integer,
        member           boolean NOT NULL,
        amount_cents     integer NOT NULL CHECK (amount_cents >= 0),
        currency         char(3) NOT NULL,
        occurred_at      timestamptz NOT NULL,
        FOREIGN KEY (tenant_id, certificate_id) REFERENCES certificate(tenant_id, id)
      )`);
    await db.query(`CREATE INDEX certificate_billable_line_month ON certificate_billable_line (tenant_id, occurred_at, organisation_id)`);

    // Failed public verifications per key (a client address, a number): platform rows, no tenant.
    await db.query(`
      CREATE TABLE certificate_verification_throttle (
        tenant_id     uuid REFERENCES tenant(id),
        throttle_key  bytea PRIMARY KEY,
        failures      integer NOT NULL,
        window_start  timestamptz NOT NULL
      )`);

    for (const table of ['certificate_settings', 'saved_consignee', 'certificate_application', 'certificate_number_counter', 'certificate_copy']) {
      await isolateTenantTable(db, table);
    }
    await isolateTenantTable(db, 'certificate_billable_line', { privileges: 'SELECT, INSERT' });
    await isolateTenantTable(db, 'certificate_signing_key', { privileges: 'SELECT, INSERT' });
    await db.query(`GRANT UPDATE (retired_at) ON certificate_signing_key TO chancery_app`);
    // Issued means immutable: only the status columns and the rendered PDF may change.
    await isolateTenantTable(db, 'certificate', { privileges: 'SELECT, INSERT' });
    await db.query(`
      GRANT UPDATE (status, revoked_at, revocation_reason, superseded_at, superseded_by_certificate_id, superseded_by_number, pdf_document_id)
        ON certificate TO chancery_app`);
    await isolateTenantTable(db, 'certificate_verification_throttle', { platformRows: true });
    // Public verification (no login) reads issued certificates and the keys that signed them.
    await db.query(`CREATE POLICY certificate_public_verification ON certificate FOR SELECT USING (app_in_public_scope())`);
    await db.query(`CREATE POLICY certificate_signing_key_public ON certificate_signing_key FOR SELECT USING (app_in_public_scope())`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'certificate_verification_throttle', 'certificate_billable_line', 'certificate_copy', 'certificate', 'certificate_number_counter',
      'certificate_signing_key', 'certificate_application', 'saved_consignee', 'certificate_settings',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
