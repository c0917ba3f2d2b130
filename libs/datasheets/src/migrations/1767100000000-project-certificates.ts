import { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from '@chancery/core/database/row-security';

/**
 * Multi-party project certificates (COPRO 000 §5c, DIGITAR): a project names a client, a contractor
 * and an intermediate storage location, each a company with a contact person whose details are
 * published on the project certificate to the members of the three companies; a party's
 * administrator may distribute it to an external system (each distribution recorded).
 */
export class ProjectCertificates1767100000000 implements MigrationInterface {
  name = 'ProjectCertificates1767100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE project_certificate (
        id                          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id                   uuid NOT NULL REFERENCES tenant(id),
        reference                   text NOT NULL,
        site                        text NOT NULL,
        material                    text NOT NULL,
        quantity_tonnes             numeric(12, 3) NOT NULL CHECK (quantity_tonnes > 0),
        state                       text NOT NULL CHECK (state IN ('DRAFT', 'ISSUED', 'WITHDRAWN')),
        created_by_organisation_id  uuid NOT NULL,
        created_at                  timestamptz NOT NULL DEFAULT now(),
        issued_at                   timestamptz,
        UNIQUE (tenant_id, id)
      )`);
    await db.query(`
      CREATE TABLE project_party (
        project_id                    uuid NOT NULL,
        tenant_id                     uuid NOT NULL,
        role                          text NOT NULL CHECK (role IN ('CLIENT', 'CONTRACTOR', 'INTERMEDIATE_STORAGE')),
        organisation_id               uuid NOT NULL,
        organisation_name             text NOT NULL,
        contact_kind                  text NOT NULL CHECK (contact_kind IN ('PERSON', 'COMPANY')),
        contact_user_id               uuid,
        contact_name                  text NOT NULL,
        contact_email                 text,
        contact_phone                 text,
        contact_position              text,
        contact_replacement_required  boolean NOT NULL,
        PRIMARY KEY (project_id, role),
        FOREIGN KEY (tenant_id, project_id) REFERENCES project_certificate (tenant_id, id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX project_party_organisation ON project_party (tenant_id, organisation_id)`);
    await db.query(`CREATE INDEX project_party_contact ON project_party (contact_user_id) WHERE contact_user_id IS NOT NULL`);
    await db.query(`
      CREATE TABLE project_distribution (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id       uuid NOT NULL,
        project_id      uuid NOT NULL,
        distributed_by  uuid NOT NULL,
        target          text NOT NULL,
        distributed_at  timestamptz NOT NULL,
        FOREIGN KEY (tenant_id, project_id) REFERENCES project_certificate (tenant_id, id) ON DELETE CASCADE
      )`);
    for (const table of ['project_certificate', 'project_party', 'project_distribution']) await isolateTenantTable(db, table);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE project_distribution`);
    await db.query(`DROP TABLE project_party`);
    await db.query(`DROP TABLE project_certificate`);
  }
}
