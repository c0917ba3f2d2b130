import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A tenant may require a second factor of every member of its staff, not only of its signers and
 * administrators (review F13): `tenant.staff_second_factor_required`, off by default, so existing
 * tenants keep their rule. The per-request session check reads it with the account, in the same
 * statement (`account_access` gains the column, last, so CREATE OR REPLACE keeps the others); the rule
 * itself, that it binds the tenant's staff and not its companies' users, is `secondFactorRequired`.
 */
export class StaffSecondFactorRequirement1767810000000 implements MigrationInterface {
  name = 'StaffSecondFactorRequirement1767810000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE tenant ADD COLUMN staff_second_factor_required boolean NOT NULL DEFAULT false`);
    await db.query(`
      CREATE OR REPLACE VIEW account_access WITH (security_invoker = true) AS
      SELECT u.id, u.tenant_id, u.organisation_id, u.email, u.first_name, u.last_name, u.phone, u.job_title,
             u.preferred_language, u.status, u.token_version, u.totp_enrolled_at, u.email_confirmed_at,
             u.last_login_at, u.created_at, o.login_method,
             ARRAY(SELECT r.role FROM user_role r WHERE r.user_id = u.id ORDER BY r.role) AS roles,
             COALESCE(t.staff_second_factor_required, false) AS staff_second_factor_required
        FROM user_account u LEFT JOIN organisation o ON o.id = u.organisation_id LEFT JOIN tenant t ON t.id = u.tenant_id`);
  }

  async down(db: QueryRunner): Promise<void> {
    // A view's columns cannot be dropped in place: the view is made again as it was.
    await db.query(`DROP VIEW account_access`);
    await db.query(`
      CREATE VIEW account_access WITH (security_invoker = true) AS
      SELECT u.id, u.tenant_id, u.organisation_id, u.email, u.first_name, u.last_name, u.phone, u.job_title,
             u.preferred_language, u.status, u.token_version, u.totp_enrolled_at, u.email_confirmed_at,
             u.last_login_at, u.created_at, o.login_method,
             ARRAY(SELECT r.role FROM user_role r WHERE r.user_id = u.id ORDER BY r.role) AS roles
        FROM user_account u LEFT JOIN organisation o ON o.id = u.organisation_id`);
    await db.query(`GRANT SELECT ON account_access TO chancery_app`);
    await db.query(`ALTER TABLE tenant DROP COLUMN staff_second_factor_required`);
  }
}
