import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The personal-data access log (`libs/privacy`, SPEC §5 "Access accountability"): one row per
 * request, accessor and data subject, naming the categories and fields read, never their values.
 * Append-only for the application role: it may read and insert, nothing else.
 *
 * Rows belong to the tenant whose record was read, also when the operator read it, so the tenant
 * (the controller) sees every access to its data. No platform-scope policy: platform scope reaches
 * only rows without a tenant, this table has none, and the operator has no business browsing who
 * read which person at a tenant.
 */
export class PersonalDataAccessLog1765000000500 implements MigrationInterface {
  name = 'PersonalDataAccessLog1765000000500';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE personal_data_access (
        id              bigserial PRIMARY KEY,
        tenant_id       uuid NOT NULL REFERENCES tenant(id),
        occurred_at     timestamptz NOT NULL,
        accessor_kind   text NOT NULL,
        accessor_id     uuid NULL,
        accessor_roles  text[] NOT NULL DEFAULT '{}',
        subject_type    text NOT NULL,
        subject_id      uuid NOT NULL,
        categories      text[] NOT NULL CHECK (cardinality(categories) > 0),
        fields          text[] NOT NULL CHECK (cardinality(fields) > 0),
        operation       text NOT NULL,
        request_id      text NULL
      )`);
    // What the privacy officer and the data subject ask: one person's accesses, newest first.
    await db.query(`
      CREATE INDEX personal_data_access_subject
        ON personal_data_access (tenant_id, subject_id, occurred_at)`);
    // The privacy officer's tenant-wide listing, newest first.
    await db.query(`
      CREATE INDEX personal_data_access_tenant_time
        ON personal_data_access (tenant_id, occurred_at)`);

    await db.query(`ALTER TABLE personal_data_access ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE personal_data_access FORCE ROW LEVEL SECURITY`);
    // Policies for reading and appending only: even if UPDATE or DELETE were granted by mistake,
    // no row would be reachable by them.
    await db.query(`
      CREATE POLICY personal_data_access_read ON personal_data_access
        FOR SELECT USING (tenant_id = app_current_tenant())`);
    await db.query(`
      CREATE POLICY personal_data_access_append ON personal_data_access
        FOR INSERT WITH CHECK (tenant_id = app_current_tenant())`);

    await db.query(`REVOKE ALL ON personal_data_access FROM PUBLIC`);
    await db.query(`GRANT SELECT, INSERT ON personal_data_access TO chancery_app`);
    await db.query(`GRANT USAGE ON SEQUENCE personal_data_access_id_seq TO chancery_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE personal_data_access`);
  }
}
