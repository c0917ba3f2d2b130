import { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from '@chancery/core/database/row-security';

const TENANT_TABLES = [
  'datasheet_settings',
  'product_family_schema',
  'certified_product',
  'datasheet',
  'datasheet_version',
  'published_datasheet',
  'contact_disclosure_acknowledgement',
  'datasheet_change',
];

/**
 * The datasheets context (SPEC §3): certified products, datasheets and their versions, the tenant's
 * JSON Schema per product family, acknowledgements of the contact-disclosure notice (COPRO §5b), the
 * change log the external system reads, and `published_datasheet`: the public read model, one row per
 * published datasheet, written in the publishing transaction. Anonymous readers (public scope) reach
 * that table only: the others have no policy for the public scope, so drafts are out of reach.
 */
export class Datasheets1766200000000 implements MigrationInterface {
  name = 'Datasheets1766200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await db.query(`CREATE EXTENSION IF NOT EXISTS btree_gin`);

    await db.query(`
      CREATE TABLE datasheet_settings (
        tenant_id                 uuid PRIMARY KEY REFERENCES tenant(id),
        contact_replacement_days  integer NOT NULL DEFAULT 30 CHECK (contact_replacement_days BETWEEN 1 AND 365),
        updated_at                timestamptz NOT NULL DEFAULT now()
      )`);

    await db.query(`
      CREATE TABLE product_family_schema (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id    uuid NOT NULL REFERENCES tenant(id),
        family       text NOT NULL,
        version      integer NOT NULL DEFAULT 1,
        json_schema  jsonb NOT NULL,
        updated_at   timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, family)
      )`);

    await db.query(`
      CREATE TABLE certified_product (
        id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id              uuid NOT NULL REFERENCES tenant(id),
        organisation_id        uuid NOT NULL,
        name                   text NOT NULL,
        product_family         text NOT NULL,
        certificate_reference  text NOT NULL,
        scheme                 text NOT NULL,
        status                 text NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'WITHDRAWN', 'EXPIRED')),
        production_unit        text NOT NULL,
        created_at             timestamptz NOT NULL DEFAULT now(),
        status_changed_at      timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id),
        UNIQUE (tenant_id, certificate_reference),
        FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisation(tenant_id, id)
      )`);
    await db.query(`CREATE INDEX certified_product_organisation ON certified_product (tenant_id, organisation_id)`);

    await db.query(`
      CREATE TABLE datasheet (
        id                             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id                      uuid NOT NULL REFERENCES tenant(id),
        organisation_id                uuid NOT NULL,
        certified_product_id           uuid NOT NULL,
        public_code                    char(8) NOT NULL UNIQUE CHECK (public_code ~ '^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}$'),
        contact_user_id                uuid,
        contact_replacement_required   boolean NOT NULL DEFAULT false,
        contact_replacement_deadline   timestamptz,
        created_at                     timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, certified_product_id) REFERENCES certified_product(tenant_id, id)
      )`);
    await db.query(`CREATE INDEX datasheet_organisation ON datasheet (tenant_id, organisation_id)`);
    await db.query(`CREATE INDEX datasheet_contact ON datasheet (tenant_id, contact_user_id)`);
    await db.query(`CREATE INDEX datasheet_deadline ON datasheet (tenant_id, contact_replacement_deadline) WHERE contact_replacement_required`);

    await db.query(`
      CREATE TABLE datasheet_version (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id        uuid NOT NULL REFERENCES tenant(id),
        organisation_id  uuid NOT NULL,
        datasheet_id     uuid NOT NULL,
        number           integer NOT NULL CHECK (number > 0),
        state            text NOT NULL CHECK (state IN ('DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED', 'PUBLISHED', 'SUPERSEDED', 'UNPUBLISHED')),
        characteristics  jsonb NOT NULL DEFAULT '{}',
        texts            jsonb NOT NULL DEFAULT '[]',
        completed_by     uuid NOT NULL,
        review_comment   text,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        submitted_at     timestamptz,
        approved_at      timestamptz,
        published_at     timestamptz,
        superseded_at    timestamptz,
        unpublished_at   timestamptz,
        UNIQUE (datasheet_id, number),
        FOREIGN KEY (tenant_id, datasheet_id) REFERENCES datasheet(tenant_id, id)
      )`);
    await db.query(`CREATE INDEX datasheet_version_datasheet ON datasheet_version (tenant_id, datasheet_id, number)`);
    // At most one published version and one version in the works per datasheet.
    await db.query(`CREATE UNIQUE INDEX datasheet_one_published ON datasheet_version (datasheet_id) WHERE state = 'PUBLISHED'`);
    await db.query(`CREATE UNIQUE INDEX datasheet_one_open ON datasheet_version (datasheet_id) WHERE state IN ('DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED')`);
    // Issued means immutable (ARCHITECTURE §5): once published, a version's content never changes;
    // only its state moves on (superseded, unpublished).
    await db.query(`
      CREATE FUNCTION datasheet_version_published_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.published_at IS NOT NULL AND (
             NEW.characteristics IS DISTINCT FROM OLD.characteristics OR NEW.texts IS DISTINCT FROM OLD.texts
          OR NEW.completed_by IS DISTINCT FROM OLD.completed_by OR NEW.number IS DISTINCT FROM OLD.number
          OR NEW.published_at IS DISTINCT FROM OLD.published_at OR NEW.datasheet_id IS DISTINCT FROM OLD.datasheet_id) THEN
          RAISE EXCEPTION 'a published datasheet version is never edited' USING ERRCODE = 'check_violation', CONSTRAINT = 'datasheet_version_published_is_immutable';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER datasheet_version_published_is_immutable BEFORE UPDATE ON datasheet_version
        FOR EACH ROW EXECUTE FUNCTION datasheet_version_published_is_immutable()`);

    // The public read model: what anyone may read of each published datasheet, in one row, so a page
    // of search results is one statement on one table (composite trigram index for tenant + name).
    await db.query(`
      CREATE TABLE published_datasheet (
        datasheet_id                  uuid PRIMARY KEY,
        tenant_id                     uuid NOT NULL REFERENCES tenant(id),
        organisation_id               uuid NOT NULL,
        version_id                    uuid NOT NULL,
        version_number                integer NOT NULL,
        public_code                   char(8) NOT NULL UNIQUE,
        product_name                  text NOT NULL,
        product_family                text NOT NULL,
        certificate_reference         text NOT NULL,
        scheme                        text NOT NULL,
        production_unit               text NOT NULL,
        holder_name                   text NOT NULL,
        characteristics               jsonb NOT NULL,
        texts                         jsonb NOT NULL,
        contact_user_id               uuid,
        contact_kind                  text NOT NULL CHECK (contact_kind IN ('PERSON', 'COMPANY')),
        contact_name                  text NOT NULL,
        contact_email                 text,
        contact_phone                 text,
        contact_position              text,
        contact_replacement_required  boolean NOT NULL DEFAULT false,
        published_at                  timestamptz NOT NULL,
        revision                      bigint NOT NULL DEFAULT 1,
        FOREIGN KEY (tenant_id, datasheet_id) REFERENCES datasheet(tenant_id, id)
      )`);
    await db.query(`CREATE INDEX published_datasheet_name ON published_datasheet USING gin (tenant_id, product_name gin_trgm_ops)`);
    await db.query(`CREATE INDEX published_datasheet_holder ON published_datasheet USING gin (holder_name gin_trgm_ops)`);
    await db.query(`CREATE INDEX published_datasheet_order ON published_datasheet (published_at DESC, datasheet_id DESC)`);
    await db.query(`CREATE INDEX published_datasheet_tenant_order ON published_datasheet (tenant_id, published_at DESC, datasheet_id DESC)`);
    await db.query(`CREATE INDEX published_datasheet_certificate ON published_datasheet (certificate_reference)`);
    await db.query(`CREATE INDEX published_datasheet_contact ON published_datasheet (tenant_id, contact_user_id)`);

    await db.query(`
      CREATE TABLE contact_disclosure_acknowledgement (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id        uuid NOT NULL REFERENCES tenant(id),
        user_id          uuid NOT NULL,
        notice_version   text NOT NULL,
        notice_text      text NOT NULL,
        acknowledged_at  timestamptz NOT NULL,
        objected_at      timestamptz,
        UNIQUE (tenant_id, user_id, notice_version)
      )`);

    // What changed, in order: the feed's cursor is `seq`. No copy of the datasheet is kept here: a
    // reader gets the current public state, so a contact removed is gone from every replay too.
    await db.query(`
      CREATE TABLE datasheet_change (
        seq           bigserial PRIMARY KEY,
        tenant_id     uuid NOT NULL REFERENCES tenant(id),
        datasheet_id  uuid NOT NULL,
        version_id    uuid,
        kind          text NOT NULL CHECK (kind IN ('PUBLISHED', 'SUPERSEDED', 'UNPUBLISHED', 'CONTACT_CHANGED')),
        occurred_at   timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX datasheet_change_tenant ON datasheet_change (tenant_id, seq)`);

    for (const table of TENANT_TABLES) {
      await isolateTenantTable(db, table, { privileges: table === 'datasheet_change' ? 'SELECT, INSERT' : undefined });
    }
    await db.query(`GRANT USAGE ON SEQUENCE datasheet_change_seq_seq TO chancery_app`);
    await db.query(`CREATE POLICY published_datasheet_public_read ON published_datasheet FOR SELECT USING (app_in_public_scope())`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [...TENANT_TABLES].reverse()) await db.query(`DROP TABLE ${table}`);
    await db.query(`DROP FUNCTION datasheet_version_published_is_immutable()`);
  }
}
