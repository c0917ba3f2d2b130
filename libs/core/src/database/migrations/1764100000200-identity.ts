import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tenant-owned tables of the identity context: readable and writable only within their tenant. */
const TENANT_TABLES = ['organisation', 'user_account', 'user_role', 'invitation', 'one_time_token', 'auth_session', 'refresh_token', 'api_key', 'login_throttle', 'outbox_message'];
/** Tables that also hold the platform operator's own rows (tenant_id IS NULL). */
const PLATFORM_ROW_TABLES = ['user_account', 'user_role', 'one_time_token', 'auth_session', 'refresh_token', 'login_throttle', 'outbox_message'];

/**
 * Tenants, companies, users and roles, sessions, API keys — and row-level security on every
 * tenant-owned table, forced, keyed by the transaction's `app.tenant_id`.
 */
export class Identity1764100000200 implements MigrationInterface {
  name = 'Identity1764100000200';

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
      CREATE TABLE auth_session (
        id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id          uuid REFERENCES tenant(id),
        user_id            uuid NOT NULL REFERENCES user_account(id),
        created_at         timestamptz NOT NULL,
        last_refreshed_at  timestamptz NOT NULL,
        absolute_expires_at timestamptz NOT NULL,
        stepped_up_at      timestamptz,
        revoked_at         timestamptz,
        revoked_reason     text,
        ip_address         text,
        user_agent         text
      )`);
    await db.query(`CREATE INDEX auth_session_user ON auth_session (tenant_id, user_id)`);

    await db.query(`
      CREATE TABLE refresh_token (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id    uuid REFERENCES tenant(id),
        session_id   uuid NOT NULL REFERENCES auth_session(id),
        token_hash   bytea NOT NULL UNIQUE,
        created_at   timestamptz NOT NULL,
        used_at      timestamptz
      )`);
    await db.query(`CREATE INDEX refresh_token_session ON refresh_token (tenant_id, session_id)`);

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

    // Failed logins per account key (a hash of tenant + e-mail), so throttling works the same for
    // addresses that are not registered and reveals nothing.
    await db.query(`
      CREATE TABLE login_throttle (
        tenant_id     uuid REFERENCES tenant(id),
        account_key   bytea NOT NULL,
        failures      integer NOT NULL,
        window_start  timestamptz NOT NULL,
        PRIMARY KEY (account_key)
      )`);
    await db.query(`CREATE INDEX login_throttle_tenant ON login_throttle (tenant_id)`);

    // Messages to send (e-mail for now), written in the transaction of the change that causes them;
    // the worker delivers them. Tests read them back here instead of mocking an SMTP server.
    await db.query(`
      CREATE TABLE outbox_message (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id   uuid REFERENCES tenant(id),
        channel     text NOT NULL CHECK (channel IN ('EMAIL')),
        recipient   text NOT NULL,
        template    text NOT NULL,
        subject     text NOT NULL,
        body        text NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        sent_at     timestamptz,
        attempts    integer NOT NULL DEFAULT 0
      )`);
    await db.query(`CREATE INDEX outbox_message_pending ON outbox_message (tenant_id, created_at) WHERE sent_at IS NULL`);

    // The tenant directory is public; changes are the operator's, or the tenant's own admin's.
    await db.query(`ALTER TABLE tenant ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE tenant FORCE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY tenant_directory_read ON tenant FOR SELECT USING (true)`);
    await db.query(`CREATE POLICY tenant_created_by_platform ON tenant FOR INSERT WITH CHECK (app_in_platform_scope())`);
    await db.query(`CREATE POLICY tenant_updated_by_itself ON tenant FOR UPDATE USING (id = app_current_tenant() OR app_in_platform_scope())`);
    await db.query(`GRANT SELECT, INSERT, UPDATE ON tenant TO chancery_app`);

    for (const table of TENANT_TABLES) {
      const platformRows = PLATFORM_ROW_TABLES.includes(table) ? ' OR (tenant_id IS NULL AND app_in_platform_scope())' : '';
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await db.query(`
        CREATE POLICY ${table}_tenant_isolation ON ${table}
          USING (tenant_id = app_current_tenant()${platformRows})
          WITH CHECK (tenant_id = app_current_tenant()${platformRows})`);
      await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO chancery_app`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [...TENANT_TABLES].reverse()) await db.query(`DROP TABLE ${table}`);
    await db.query(`DROP TABLE tenant`);
  }
}
