import { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from '@chancery/core/database/row-security';

/**
 * The privacy office of each tenant (SPEC §5, issue 18 items 5–8): the tenant's own entries of its
 * register of processing activities, sub-processors and their announced changes with customers'
 * objections, the breach register, and privacy-policy versions with each user's answer.
 *
 * Sub-processor lists are public (every customer may consult them, 001 and 002 §5): their rows are
 * also readable in the public scope. Rows without a tenant are the platform's own (as processor).
 */
export class PrivacyOffice1766400000000 implements MigrationInterface {
  name = 'PrivacyOffice1766400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE processing_activity (
        id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id          uuid NOT NULL REFERENCES tenant(id),
        name               text NOT NULL,
        purpose            text NOT NULL,
        legal_basis        text NOT NULL,
        data_subjects      text[] NOT NULL CHECK (cardinality(data_subjects) > 0),
        data_categories    text[] NOT NULL CHECK (cardinality(data_categories) > 0),
        recipients         text[] NOT NULL DEFAULT '{}',
        transfers          text NOT NULL,
        retention          text NOT NULL,
        security_measures  text NOT NULL,
        created_at         timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX processing_activity_tenant ON processing_activity (tenant_id, created_at)`);
    await isolateTenantTable(db, 'processing_activity', { privileges: 'SELECT, INSERT, DELETE' });

    await db.query(`
      CREATE TABLE sub_processor (
        id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id           uuid NULL REFERENCES tenant(id),
        name                text NOT NULL,
        service             text NOT NULL,
        location            text NOT NULL,
        transfer_safeguard  text NULL,
        data_categories     text[] NOT NULL DEFAULT '{}',
        effective_from      timestamptz NOT NULL,
        effective_until     timestamptz NULL CHECK (effective_until IS NULL OR effective_until >= effective_from),
        created_at          timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX sub_processor_tenant ON sub_processor (tenant_id, effective_from)`);
    await isolateTenantTable(db, 'sub_processor', { platformRows: true, privileges: 'SELECT, INSERT, UPDATE' });
    await db.query(`CREATE POLICY sub_processor_public_read ON sub_processor FOR SELECT USING (app_in_public_scope())`);

    await db.query(`
      CREATE TABLE sub_processor_change (
        id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id           uuid NULL REFERENCES tenant(id),
        kind                text NOT NULL CHECK (kind IN ('ADDITION', 'REMOVAL')),
        sub_processor_id    uuid NOT NULL REFERENCES sub_processor(id),
        description         text NOT NULL,
        announced_at        timestamptz NOT NULL,
        objection_deadline  timestamptz NOT NULL,
        effective_at        timestamptz NOT NULL,
        customers_notified  integer NOT NULL CHECK (customers_notified >= 0),
        -- The promise, kept by the database too: nothing takes effect before the objection window closes.
        CHECK (objection_deadline > announced_at AND effective_at >= objection_deadline)
      )`);
    await db.query(`CREATE INDEX sub_processor_change_tenant ON sub_processor_change (tenant_id, announced_at)`);
    await isolateTenantTable(db, 'sub_processor_change', { platformRows: true, privileges: 'SELECT, INSERT' });
    await db.query(`CREATE POLICY sub_processor_change_public_read ON sub_processor_change FOR SELECT USING (app_in_public_scope())`);

    // The objecting customer's tenant owns the row; `change_tenant_id` is the announcer (null: the
    // platform), so the operator sees objections to the platform's changes and nothing else.
    await db.query(`
      CREATE TABLE sub_processor_objection (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id         uuid NOT NULL REFERENCES tenant(id),
        change_id         uuid NOT NULL REFERENCES sub_processor_change(id),
        change_tenant_id  uuid NULL REFERENCES tenant(id),
        organisation_id   uuid NULL REFERENCES organisation(id),
        objector_user_id  uuid NOT NULL,
        reason            text NOT NULL,
        objected_at       timestamptz NOT NULL,
        CHECK (change_tenant_id IS NULL OR change_tenant_id = tenant_id)
      )`);
    await db.query(`CREATE UNIQUE INDEX sub_processor_objection_once ON sub_processor_objection (tenant_id, change_id, COALESCE(organisation_id, tenant_id))`);
    await isolateTenantTable(db, 'sub_processor_objection', { privileges: 'SELECT, INSERT' });
    await db.query(`
      CREATE POLICY sub_processor_objection_platform_read ON sub_processor_objection
        FOR SELECT USING (change_tenant_id IS NULL AND app_in_platform_scope())`);

    await db.query(`
      CREATE TABLE breach (
        id                        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id                 uuid NOT NULL REFERENCES tenant(id),
        reference                 text NOT NULL,
        nature                    text NOT NULL,
        became_aware_at           timestamptz NOT NULL,
        occurred_at               timestamptz NULL,
        data_categories           text[] NOT NULL CHECK (cardinality(data_categories) > 0),
        involved_organisation_ids uuid[] NOT NULL DEFAULT '{}',
        involves_all_organisations boolean NOT NULL,
        involves_staff            boolean NOT NULL,
        affected_people           integer NOT NULL CHECK (affected_people >= 0),
        affected_records          integer NULL CHECK (affected_records >= 0),
        likely_consequences       text NOT NULL,
        measures                  text NOT NULL,
        notifiable                boolean NOT NULL,
        not_notifiable_reason     text NULL,
        high_risk                 boolean NOT NULL,
        authority_notified_at     timestamptz NULL,
        delay_reason              text NULL,
        subjects_notified_at      timestamptz NULL,
        subjects_notified         integer NULL,
        registered_by             uuid NULL,
        registered_at             timestamptz NOT NULL,
        -- Documented even when not notifiable, and then with the reason why not (Art. 33(5)).
        CHECK (notifiable OR not_notifiable_reason IS NOT NULL),
        UNIQUE (tenant_id, reference)
      )`);
    await db.query(`CREATE INDEX breach_tenant_awareness ON breach (tenant_id, became_aware_at)`);
    await isolateTenantTable(db, 'breach', { privileges: 'SELECT, INSERT, UPDATE' });

    await db.query(`
      CREATE TABLE privacy_policy_version (
        id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id           uuid NOT NULL REFERENCES tenant(id),
        version             integer NOT NULL CHECK (version > 0),
        title               text NOT NULL,
        summary             text NOT NULL,
        body                text NOT NULL,
        published_at        timestamptz NOT NULL,
        published_by        uuid NULL,
        objection_deadline  timestamptz NOT NULL CHECK (objection_deadline > published_at),
        UNIQUE (tenant_id, version)
      )`);
    await isolateTenantTable(db, 'privacy_policy_version', { privileges: 'SELECT, INSERT' });
    await db.query(`CREATE POLICY privacy_policy_version_public_read ON privacy_policy_version FOR SELECT USING (app_in_public_scope())`);

    await db.query(`
      CREATE TABLE privacy_policy_response (
        tenant_id     uuid NOT NULL REFERENCES tenant(id),
        version_id    uuid NOT NULL REFERENCES privacy_policy_version(id),
        user_id       uuid NOT NULL,
        response      text NOT NULL CHECK (response IN ('ACCEPTED', 'OBJECTED')),
        reason        text NULL,
        responded_at  timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, version_id, user_id)
      )`);
    await isolateTenantTable(db, 'privacy_policy_response', { privileges: 'SELECT, INSERT' });
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['privacy_policy_response', 'privacy_policy_version', 'breach', 'sub_processor_objection', 'sub_processor_change', 'sub_processor', 'processing_activity']) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
