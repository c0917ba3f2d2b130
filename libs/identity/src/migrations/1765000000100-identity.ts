import { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from '@chancery/core/database/row-security';

/** Tenant-owned tables of the identity context: readable and writable only within their tenant. */
const TENANT_TABLES = ['organisation', 'user_account', 'user_role', 'invitation', 'one_time_token', 'api_key'];
/** Tables that also hold the platform operator's own rows (tenant_id IS NULL). */
const PLATFORM_ROW_TABLES = ['user_account', 'user_role', 'one_time_token'];

/**
 * The identity context's tables: tenants, companies, accounts and their roles, invitations, one-time
 * account tokens (e-mail confirmation, password reset), API keys — with row-level security on every
 * tenant-owned table, forced, keyed by the transaction's `app.tenant_id`. And `account_access`, the
 * one read model identity publishes to another context (auth's per-request session check).
 */
export class Identity1765000000100 implements MigrationInterface {
  name = 'Identity1765000000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE tenant (
        id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug                   text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
        name                   text NOT NULL,
        kinds                  text[] NOT NULL CHECK (cardinality(kinds) > 0),
        legal_entity_number    text NOT NULL,
        street                 text NOT NULL,
        postal_code            text NOT NULL,
        city                   text NOT NULL,
        country                char(2) NOT NULL,
        phone                  text,
        email                  text,
        website                text,
        languages              text[] NOT NULL DEFAULT '{en}',
        privacy_contact_email  text NOT NULL,
        served_postal_codes    jsonb NOT NULL DEFAULT '[]',
        created_at             timestamptz NOT NULL DEFAULT now()
      )`);

    await db.query(`
      CREATE TABLE organisation (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id       uuid NOT NULL REFERENCES tenant(id),
        company_number  text NOT NULL,
        vat_number      text NOT NULL,
        name            text NOT NULL,
        legal_form      text NOT NULL,
        street          text NOT NULL,
        postal_code     text NOT NULL,
        city            text NOT NULL,
        country         char(2) NOT NULL,
        phone           text NOT NULL,
        email           text NOT NULL,
        iban            text NOT NULL,
        login_method    text NOT NULL CHECK (login_method IN ('PASSWORD', 'PASSWORD_AND_TOTP')),
        is_member       boolean NOT NULL DEFAULT false,
        created_at      timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, company_number),
        UNIQUE (tenant_id, id)
      )`);

    await db.query(`
      CREATE TABLE user_account (
        id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id           uuid REFERENCES tenant(id),
        organisation_id     uuid,
        email               text NOT NULL CHECK (email = lower(email)),
        first_name          text NOT NULL,
        last_name           text NOT NULL,
        phone               text,
        job_title           text,
        preferred_language  text NOT NULL DEFAULT 'en',
        password_hash       text,
        status              text NOT NULL CHECK (status IN ('PENDING_CONFIRMATION', 'ACTIVE', 'DISABLED')),
        token_version       integer NOT NULL DEFAULT 1,
        totp_secret         text,
        totp_enrolled_at    timestamptz,
        signature_image     text,
        email_confirmed_at  timestamptz,
        last_login_at       timestamptz,
        created_at          timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisation(tenant_id, id)
      )`);
    await db.query(`CREATE UNIQUE INDEX user_account_email_per_tenant ON user_account (coalesce(tenant_id, '00000000-0000-0000-0000-000000000000'::uuid), email)`);
    await db.query(`CREATE INDEX user_account_organisation ON user_account (tenant_id, organisation_id)`);

    await db.query(`
      CREATE TABLE user_role (
        tenant_id        uuid REFERENCES tenant(id),
        user_id          uuid NOT NULL REFERENCES user_account(id),
        role             text NOT NULL CHECK (role IN ('ORG_ADMIN','ORG_MEMBER','TENANT_ADMIN','CLERK','SIGNER','PRIVACY_OFFICER','AUDITOR','PLATFORM_ADMIN')),
        granted_at       timestamptz NOT NULL DEFAULT now(),
        granted_by       uuid,
        PRIMARY KEY (user_id, role)
      )`);
    await db.query(`CREATE INDEX user_role_tenant ON user_role (tenant_id, role)`);

    await db.query(`
      CREATE TABLE invitation (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id        uuid NOT NULL REFERENCES tenant(id),
        organisation_id  uuid,
        email            text NOT NULL,
        roles            text[] NOT NULL,
        token_hash       bytea NOT NULL UNIQUE,
        invited_by       uuid NOT NULL REFERENCES user_account(id),
        expires_at       timestamptz NOT NULL,
        accepted_at      timestamptz,
        revoked_at       timestamptz,
        created_at       timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisation(tenant_id, id)
      )`);
    await db.query(`CREATE INDEX invitation_tenant ON invitation (tenant_id, organisation_id)`);

    await db.query(`
      CREATE TABLE one_time_token (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id   uuid REFERENCES tenant(id),
        user_id     uuid NOT NULL REFERENCES user_account(id),
        purpose     text NOT NULL CHECK (purpose IN ('EMAIL_CONFIRMATION', 'PASSWORD_RESET')),
        token_hash  bytea NOT NULL UNIQUE,
        expires_at  timestamptz NOT NULL,
        used_at     timestamptz,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX one_time_token_tenant ON one_time_token (tenant_id, user_id)`);

    await db.query(`
      CREATE TABLE api_key (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id        uuid NOT NULL REFERENCES tenant(id),
        organisation_id  uuid,
        name             text NOT NULL,
        scopes           text[] NOT NULL,
        key_hash         bytea NOT NULL UNIQUE,
        created_by       uuid NOT NULL REFERENCES user_account(id),
        created_at       timestamptz NOT NULL DEFAULT now(),
        last_used_at     timestamptz,
        revoked_at       timestamptz,
        FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisation(tenant_id, id)
      )`);
    await db.query(`CREATE INDEX api_key_tenant ON api_key (tenant_id, organisation_id)`);

    // The tenant directory is public; changes are the operator's, or the tenant's own admin's.
    await db.query(`ALTER TABLE tenant ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE tenant FORCE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY tenant_directory_read ON tenant FOR SELECT USING (true)`);
    await db.query(`CREATE POLICY tenant_created_by_platform ON tenant FOR INSERT WITH CHECK (app_in_platform_scope())`);
    await db.query(`CREATE POLICY tenant_updated_by_itself ON tenant FOR UPDATE USING (id = app_current_tenant() OR app_in_platform_scope())`);
    await db.query(`GRANT SELECT, INSERT, UPDATE ON tenant TO chancery_app`);

    // What auth's per-request check needs of an account, in the same statement as the session: status,
    // token version, company, second-factor state, roles, and the profile `me` answers with. No
    // password hash, no second-factor secret, no signature image. security_invoker: the caller's
    // row-level security applies, as if it read the tables.
    await db.query(`
      CREATE VIEW account_access WITH (security_invoker = true) AS
      SELECT u.id, u.tenant_id, u.organisation_id, u.email, u.first_name, u.last_name, u.phone, u.job_title,
             u.preferred_language, u.status, u.token_version, u.totp_enrolled_at, u.email_confirmed_at,
             u.last_login_at, u.created_at, o.login_method,
             ARRAY(SELECT r.role FROM user_role r WHERE r.user_id = u.id ORDER BY r.role) AS roles
        FROM user_account u LEFT JOIN organisation o ON o.id = u.organisation_id`);
    await db.query(`GRANT SELECT ON account_access TO chancery_app`);

    for (const table of TENANT_TABLES) {
      await isolateTenantTable(db, table, { platformRows: PLATFORM_ROW_TABLES.includes(table) });
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP VIEW account_access`);
    for (const table of [...TENANT_TABLES].reverse()) await db.query(`DROP TABLE ${table}`);
    await db.query(`DROP TABLE tenant`);
  }
}
