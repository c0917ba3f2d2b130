import { Client, Pool } from 'pg';
import { ThrottlerStorage } from '@nestjs/throttler';
import { Role } from '@chancery/access';
import { Actor, ANONYMOUS_ACTOR, APPLICATION_ROLE, RequestContext, Sql, TransactionRunner } from '@chancery/core';
import { CertificateFactory, DatasheetsFactory, expectData, IdentityFactory, reportFigure, SAMPLE_PDF, TestApp, TestTenant, TestUser, useTestApp } from '@chancery/testing';

/**
 * VERIFY T5 — the database backstop (ARCHITECTURE decision 1, the second lock): whatever the
 * application code does, PostgreSQL itself keeps tenants apart.
 * (a) every table of schema public with a tenant_id column has row-level security enabled AND forced;
 * (b) the application's role owns nothing, is no superuser and cannot bypass row-level security;
 * (c) connected as that role: no tenant context → 0 rows; tenant A's context → only A's rows, and a
 *     row for tenant B is refused by the policies' WITH CHECK;
 * (d) 1,000 interleaved units of work of two tenants over ONE pooled connection (a plain pg.Pool, the
 *     app's own TransactionRunner, and HTTP requests, the app itself running on a pool of one): 0 rows
 *     of the other tenant, and the tenant setting never outlives its transaction.
 */

const UNITS = 1000;
/** Tables the brief names: the catalog check must find at least these. */
const REQUIRED_TENANT_TABLES = ['user_account', 'organisation', 'auth_session', 'audit_entry'];

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/**
 * Tenant tables the platform operator reads in platform scope, each with why: records the processor
 * keeps about a tenant, holding no personal data of the tenant's people. Every other tenant row is out
 * of platform scope.
 */
const PLATFORM_READABLE: Record<string, string> = {
  tenant_offboarding: "the operator files and follows a tenant's departure (#18 item 10): dates, status and the archive's hash",
};

interface Seeded {
  tenant: TestTenant;
  orgAdmin: TestUser;
  tenantAdmin: TestUser;
  tenantAdminToken: string;
}

/**
 * The per-address rate limit (600 operations a minute from one address) is not what this suite is
 * about — its own test covers it — and thousands of calls from 127.0.0.1 would otherwise be answered
 * TOO_MANY_REQUESTS, neither a success nor comparable. The limiter stays in place and counts nothing.
 */
const UNLIMITED_RATE = { increment: async () => ({ totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 }) };

describe('T5 database backstop: row-level security as the second lock', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  let a: Seeded;
  let b: Seeded;
  let tenantTables: string[];
  /** Rows per table and tenant, counted as the owner. */
  let ownerCounts: Record<string, Record<string, number>>;
  const figures = { forced: 0, rowsWithoutContext: -1, crossTenantRows: -1 };

  async function seedTenant(label: string, vatNumber: string): Promise<Seeded> {
    const tenant = await factory.tenant({ name: `Chamber ${label}` });
    const organisation = await factory.organisation(tenant);
    const orgAdmin = await factory.user({ tenant, organisation, roles: [Role.ORG_ADMIN] });
    await factory.user({ tenant, organisation, roles: [Role.ORG_MEMBER] });
    const tenantAdmin = await factory.user({ tenant, roles: [Role.TENANT_ADMIN] });
    await factory.user({ tenant, roles: [Role.CLERK] });
    // Sessions, refresh tokens and audit entries, through the real login.
    const orgSession = await factory.login(orgAdmin);
    const staffSession = await factory.login(tenantAdmin);
    // The tenant administrator's second-factor recovery codes.
    expectData(await app.graphql('mutation($c: String!) { regenerateRecoveryCodes(totpCode: $c) { generatedAt } }', { c: factory.totpCode(tenantAdmin) }, { token: staffSession.accessToken }));
    // An API key, an invitation and its e-mail in the outbox.
    expectData(await app.graphql('mutation { createApiKey(input: { name: "ERP" }) { secret } }', {}, { token: orgSession.accessToken }));
    expectData(await app.graphql('mutation($i: InviteUserInput!) { inviteUser(input: $i) { id } }', { i: { email: `invitee-${label}@example.test`, roles: ['ORG_MEMBER'] } }, { token: orgSession.accessToken }));
    // A failed login (login_throttle).
    const failed = await app.graphql('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { email: orgAdmin.email, password: 'not the password at all', tenant: tenant.slug } });
    expect(failed.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // A registration: a one-time e-mail confirmation token.
    expectData(
      await app.graphql('mutation($i: RegisterOrganisationInput!) { registerOrganisation(input: $i) { organisation { id } } }', {
        i: {
          tenantSlug: tenant.slug, vatNumber, name: `Registered ${label}`, legalForm: 'NV', street: 'Kaai 1', postalCode: '2000', city: 'Antwerpen',
          country: 'BE', phone: '+3232322219', email: `info-${label}@example.test`, iban: 'BE71096123456769', loginMethod: 'PASSWORD',
          administrator: { firstName: 'Reg', lastName: label, email: `admin-${label}@example.test`, password: 'a long enough passphrase 42', preferredLanguage: 'en' },
        },
      }),
    );
    // A staff read of a person's data (what fills the personal-data access log once it is wired).
    await app.graphql('query($id: ID!) { user(id: $id) { id email phone } }', { id: orgAdmin.id }, { token: staffSession.accessToken });
    // The privacy office's tables (issue 18 items 5–8), through the API.
    const officerToken = (await factory.login(await factory.user({ tenant, roles: [Role.PRIVACY_OFFICER] }))).accessToken;
    const call = async <T>(token: string, query: string, variables: Record<string, unknown> = {}) => expectData(await app.graphql<T>(query, variables, { token }));
    await call(officerToken, 'mutation($i: AddProcessingActivityInput!) { addProcessingActivity(input: $i) { id } }', {
      i: { name: 'Newsletter', purpose: 'x', legalBasis: 'consent', dataSubjects: ['subscribers'], dataCategories: ['contact'], transfers: 'None', retention: 'x', securityMeasures: 'x' },
    });
    await call(officerToken, 'mutation($i: RegisterBreachInput!) { registerBreach(input: $i) { id } }', {
      i: { reference: `BR-${label}`, nature: 'x', becameAwareAt: new Date(0).toISOString(), dataCategories: ['contact'], likelyConsequences: 'x', measures: 'x', notifiable: true },
    });
    const { publishPrivacyPolicy: version } = await call<{ publishPrivacyPolicy: { id: string } }>(officerToken, 'mutation { publishPrivacyPolicy(input: { title: "t", summary: "s", body: "b" }) { id } }');
    await call(orgSession.accessToken, 'mutation($id: ID!) { acceptPrivacyPolicy(versionId: $id) { answer } }', { id: version.id });
    const { announceSubProcessorChange: change } = await call<{ announceSubProcessorChange: { id: string } }>(staffSession.accessToken,
      'mutation($i: AnnounceSubProcessorChangeInput!) { announceSubProcessorChange(input: $i) { id } }',
      { i: { kind: 'ADDITION', description: 'x', effectiveAt: new Date(Date.now() + 40 * 24 * 3600 * 1000).toISOString(), newSubProcessor: { name: 'ScanCo', service: 'scanning', location: 'NL' } } });
    await call(orgSession.accessToken, 'mutation($i: ObjectToSubProcessorChangeInput!) { objectToSubProcessorChange(input: $i) { id } }', { i: { changeId: change.id, reason: 'x' } });
    // A data-subject request, a restriction and a legal hold (privacy operations).
    const { requestMyDataSubjectRight: request } = expectData(
      await app.graphql<{ requestMyDataSubjectRight: { id: string } }>('mutation { requestMyDataSubjectRight(input: { type: RESTRICTION }) { id } }', {}, { token: orgSession.accessToken }),
    );
    await app.asOwner(async (db) => {
      await db.query(`INSERT INTO processing_restriction (tenant_id, user_id, request_id, restricted_at) VALUES ($1, $2, $3, now())`, [tenant.id, orgAdmin.id, request.id]);
      await db.query(`INSERT INTO legal_hold (tenant_id, record, reason, placed_at) VALUES ($1, 'Session:' || gen_random_uuid(), 'Litigation', now())`, [tenant.id]);
    });
    // Certificates of origin (#16): settings, a saved consignee, an application with a document, an
    // issued certificate (number counter, signing key, billable line), a copy and a failed verification.
    const certificates = new CertificateFactory(app);
    const clerkToken = (await factory.login(await factory.user({ tenant, roles: [Role.CLERK] }))).accessToken;
    // A fresh login counts as a recent step-up for the signature.
    const signerToken = (await factory.login(await factory.user({ tenant, roles: [Role.SIGNER] }))).accessToken;
    await call(staffSession.accessToken, 'mutation($i: CertificateSettingsInput!) { setCertificateSettings(input: $i) { numberPrefix } }', {
      i: { numberPrefix: `BE-${label.slice(0, 3).toUpperCase()}`, memberFeeCents: 2500, nonMemberFeeCents: 4000, copyMemberFeeCents: 500, copyNonMemberFeeCents: 800 },
    });
    await call(orgSession.accessToken, 'mutation($i: ConsigneeInput!) { saveConsignee(input: $i) { id } }', { i: { name: 'Importer Ltd', address: '1 Dock Road, Dover', country: 'GB' } });
    const draft = await certificates.create(orgSession.accessToken);
    const upload = await app.http().post(`/certificate-applications/${draft.id}/documents`).set('authorization', `Bearer ${orgSession.accessToken}`)
      .set('content-type', 'application/octet-stream').set('x-file-name', 'invoice.pdf').send(SAMPLE_PDF);
    expect(upload.status).toBe(201);
    const issued = await certificates.issued(orgSession.accessToken, clerkToken, signerToken);
    await call(orgSession.accessToken, 'mutation($id: ID!) { requestCertificateCopy(certificateId: $id) { copyNumber } }', { id: issued.id });
    await certificates.verify(issued.number, 'WRONG-CODE');
    // The verification throttle counts per address and number, outside any tenant (tenant_id NULL); a
    // row with a tenant, as the owner could write one, must still stay with its tenant.
    await app.asOwner((db) => db.query(`INSERT INTO certificate_verification_throttle (tenant_id, throttle_key, failures, window_start) VALUES ($1, gen_random_bytes(32), 1, now())`, [tenant.id]));
    // Tables no API operation fills yet get a row as the owner would write it, so (c) is not vacuous for them.
    await app.asOwner(async (db) => {
      const { rows } = await db.query(`SELECT to_regclass('personal_data_access') IS NOT NULL AS present`);
      if (!rows[0].present) return;
      const existing = await db.query('SELECT 1 FROM personal_data_access WHERE tenant_id = $1 LIMIT 1', [tenant.id]);
      if (existing.rowCount) return;
      await db.query(
        `INSERT INTO personal_data_access (tenant_id, occurred_at, accessor_kind, accessor_id, accessor_roles, subject_type, subject_id, categories, fields, operation)
         VALUES ($1, now(), 'user', $2, '{TENANT_ADMIN}', 'User', $3, '{contact}', '{email}', 'user')`,
        [tenant.id, tenantAdmin.id, orgAdmin.id],
      );
    });
    return { tenant, orgAdmin, tenantAdmin, tenantAdminToken: staffSession.accessToken };
  }

  async function asApplicationRole<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: app.database.appUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  // The application itself runs on a pool of ONE connection here, so (d) also exercises the app's
  // own pool, TransactionRunner and HTTP path with every unit of work sharing that connection.
  const started = useTestApp({
    env: { LOG_LEVEL: 'silent', DATABASE_POOL_SIZE: '1' },
    customize: (builder) => builder.overrideProvider(ThrottlerStorage).useValue(UNLIMITED_RATE),
  });
  beforeAll(async () => {
    app = started.app;
    factory = started.factory;
    a = await seedTenant('a', 'BE0123.456.749');
    b = await seedTenant('b', 'BE0123.456.749');
    // Datasheets (#17): both tenants certify products too; a published datasheet, its change log, the deadline setting.
    for (const seeded of [a, b]) {
      await app.asOwner((db) => db.query(`UPDATE tenant SET kinds = '{CHAMBER_OF_COMMERCE,CERTIFICATION_BODY}' WHERE id = $1`, [seeded.tenant.id]));
      const sheets = new DatasheetsFactory(app, factory);
      const body = await sheets.certificationBody(seeded.tenant);
      expectData(await app.graphql('mutation { setDatasheetSettings(contactReplacementDays: 20) { contactReplacementDays } }', {}, { token: body.adminToken }));
      // Published with an attachment: the attachment's row and the document the public may read.
      const holder = await sheets.holder(body);
      const draft = await sheets.draft(holder.adminToken, (await sheets.product(body, holder)).id);
      const attached = await app.http().post(`/datasheet-versions/${draft.id}/attachments`).set('authorization', `Bearer ${holder.adminToken}`)
        .set('content-type', 'application/pdf').set('x-file-name', 'dop.pdf').set('x-attachment-title', 'Declaration of performance').send(SAMPLE_PDF);
      expect(attached.status).toBe(201);
      await sheets.publish(body, holder.adminToken, draft.id);
      // A second version supersedes it: the first joins the public history.
      const second = expectData(await app.graphql<{ startDatasheetVersion: { id: string } }>('mutation($d: ID!) { startDatasheetVersion(datasheetId: $d) { id } }', { d: draft.datasheetId }, { token: holder.adminToken })).startDatasheetVersion;
      await sheets.publish(body, holder.adminToken, second.id);
      // Another one published and withdrawn: its public notice.
      const withdrawn = await sheets.published(body, holder);
      expectData(await app.graphql('mutation($d: ID!) { unpublishDatasheet(datasheetId: $d) { id } }', { d: withdrawn.datasheetId }, { token: body.clerkToken }));
    }
    // Webhooks, project certificates, support grants, offboarding and privacy settings: one row of each per
    // tenant, written as the owner (their own suites drive them through the API; here only the lock matters).
    for (const seeded of [a, b]) {
      await app.asOwner(async (db) => {
        const t = seeded.tenant.id;
        const organisationId = seeded.orgAdmin.organisationId;
        const [subscription] = (await db.query(
          `INSERT INTO webhook_subscription (tenant_id, url, event_types, secret, created_at) VALUES ($1, 'https://erp.example.test/hooks', '{datasheet.published}', 'v1.sealed', now()) RETURNING id`, [t],
        )).rows as Array<{ id: string }>;
        await db.query(
          `INSERT INTO webhook_delivery (tenant_id, subscription_id, event_id, event_type, subject, occurred_at, next_attempt_at) VALUES ($1, $2, gen_random_uuid(), 'datasheet.published', '{}', now(), now())`,
          [t, subscription!.id],
        );
        const [project] = (await db.query(
          `INSERT INTO project_certificate (tenant_id, reference, site, material, quantity_tonnes, state, created_by_organisation_id) VALUES ($1, 'N49 lot 3', 'Zelzate', 'tar-containing asphalt', 10, 'DRAFT', $2) RETURNING id`,
          [t, organisationId],
        )).rows as Array<{ id: string }>;
        await db.query(
          `INSERT INTO project_party (project_id, tenant_id, role, organisation_id, organisation_name, contact_kind, contact_name, contact_replacement_required) VALUES ($1, $2, 'CLIENT', $3, 'Client NV', 'COMPANY', 'Client NV', true)`,
          [project!.id, t, organisationId],
        );
        await db.query(`INSERT INTO project_distribution (tenant_id, project_id, distributed_by, target, distributed_at) VALUES ($1, $2, $3, 'Central register', now())`, [t, project!.id, seeded.orgAdmin.id]);
        await db.query(`INSERT INTO support_grant (tenant_id, requested_by, purpose, duration_minutes, requested_at, status) VALUES ($1, gen_random_uuid(), 'diagnose a failed import', 60, now(), 'REQUESTED')`, [t]);
        await db.query(`INSERT INTO tenant_offboarding (tenant_id, requested_by, requested_at, status) VALUES ($1, gen_random_uuid(), now(), 'REQUESTED')`, [t]);
        await db.query(`INSERT INTO privacy_settings (tenant_id, request_deadline_rule, updated_at, updated_by) VALUES ($1, 'THIRTY_DAYS', now(), $2)`, [t, seeded.tenantAdmin.id]);
        await db.query(`INSERT INTO retention_period (tenant_id, rule, period, updated_at, updated_by) VALUES ($1, 'LOGIN_SESSION', 6, now(), $2)`, [t, seeded.tenantAdmin.id]);
        // Written only by the access log's pruning function (owner's rights): seeded as it would write one.
        await db.query(
          `INSERT INTO personal_data_access_checkpoint (tenant_id, first_sequence, last_sequence, previous_hash, last_hash, entries, occurred_until, retention, pruned_at)
           VALUES ($1, 1, 1, NULL, sha256('pruned'), 1, now() - interval '2 years', '12 months', now())`, [t]);
        // Signed by the worker with the platform attestation key (LogCheckpointJob): seeded as it would write one.
        await db.query(`INSERT INTO platform_attestation_key (id, public_key, sealed_private_key, created_at) VALUES ('backstop', 'x', 'sealed', now()) ON CONFLICT DO NOTHING`);
        await db.query(
          `INSERT INTO log_checkpoint (tenant_id, chain, sequence, head_hash, checkpointed_at, signing_key_id, signature)
           VALUES ($1, 'AUDIT', 1, encode(sha256('head'), 'hex'), now(), 'backstop', 'signature')`, [t]);
      });
    }
    // A platform-operator row too (tenant_id IS NULL): it must not show without platform scope either.
    await factory.user({ roles: [Role.PLATFORM_ADMIN] });
  });


  it('(a) every table with tenant_id has row-level security enabled and forced, with a policy', async () => {
    const rows = await app.asOwner(async (db) =>
      (
        await db.query(`
          SELECT c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
                 (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
             AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
           ORDER BY c.relname`)
      ).rows as Array<{ table: string; enabled: boolean; forced: boolean; policies: number }>,
    );
    tenantTables = rows.map((r) => r.table);
    expect(tenantTables).toEqual(expect.arrayContaining(REQUIRED_TENANT_TABLES));
    figures.forced = rows.filter((r) => r.enabled && r.forced && r.policies > 0).length;
    // Whole rows, so a failure names the table and what is missing.
    expect(rows).toEqual(rows.map((r) => ({ table: r.table, enabled: true, forced: true, policies: expect.any(Number) })));
    for (const row of rows) expect({ table: row.table, hasPolicy: row.policies > 0 }).toEqual({ table: row.table, hasPolicy: true });
  });

  it('(b) the application role owns nothing, is no superuser and cannot bypass row-level security', async () => {
    const facts = await app.asOwner(async (db) => ({
      ownedTables: (await db.query(`SELECT schemaname || '.' || tablename AS t FROM pg_tables WHERE tableowner = $1`, [APPLICATION_ROLE])).rows,
      ownedRelations: (await db.query(`SELECT relname FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = $1)`, [APPLICATION_ROLE])).rows,
      role: (await db.query(`SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = $1`, [APPLICATION_ROLE])).rows[0],
      // Not a member of any role that is superuser, bypasses RLS, or owns a table (SET ROLE would do).
      powerfulRolesHeld: (
        await db.query(
          `SELECT r.rolname FROM pg_roles r
            WHERE r.rolname <> $1 AND pg_has_role($1, r.oid, 'MEMBER')
              AND (r.rolsuper OR r.rolbypassrls OR EXISTS (SELECT 1 FROM pg_class c WHERE c.relowner = r.oid AND c.relkind IN ('r','p')))`,
          [APPLICATION_ROLE],
        )
      ).rows,
    }));
    expect(facts).toEqual({
      ownedTables: [],
      ownedRelations: [],
      role: { rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false },
      powerfulRolesHeld: [],
    });
    // And the app really connects as that role.
    const [{ current_user: appUser }] = await app.dataSource.query('SELECT current_user');
    expect(appUser).toBe(APPLICATION_ROLE);
  });

  it('(c) as the application role: no context → 0 rows; tenant A → only A\'s rows; a row for B is refused', async () => {
    expect(tenantTables?.length).toBeGreaterThan(0);
    ownerCounts = await app.asOwner(async (db) => {
      const counts: Record<string, Record<string, number>> = {};
      for (const table of tenantTables) {
        const rows = (await db.query(`SELECT tenant_id::text AS tenant, count(*)::int AS n FROM ${quote(table)} GROUP BY 1`)).rows as Array<{ tenant: string | null; n: number }>;
        counts[table] = Object.fromEntries(rows.map((r) => [r.tenant ?? 'platform', r.n]));
      }
      return counts;
    });
    // Rows of both tenants exist in every tenant table (a new table needs seeding above, or this fails).
    const unseeded = tenantTables.filter((t) => !(ownerCounts[t]![a.tenant.id]! > 0 && ownerCounts[t]![b.tenant.id]! > 0));
    expect(unseeded).toEqual([]);

    const result = await asApplicationRole(async (db) => {
      const [{ current_user: user }] = (await db.query('SELECT current_user')).rows;
      expect(user).toBe(APPLICATION_ROLE);

      // No tenant context at all (a plain query, and an explicit empty transaction).
      const withoutContext: Record<string, number> = {};
      for (const table of tenantTables) {
        withoutContext[table] = (await db.query(`SELECT count(*)::int AS n FROM ${quote(table)}`)).rows[0].n;
      }
      // Platform scope without a tenant: the operator's rows only, never a tenant's.
      await db.query('BEGIN');
      await db.query(`SELECT set_config('app.scope', 'platform', true)`);
      const tenantRowsInPlatformScope: Record<string, number> = {};
      for (const table of tenantTables) {
        tenantRowsInPlatformScope[table] = (await db.query(`SELECT count(*)::int AS n FROM ${quote(table)} WHERE tenant_id IS NOT NULL`)).rows[0].n;
      }
      await db.query('ROLLBACK');

      // Tenant A's context: A's rows, all of them, and nothing else.
      await db.query('BEGIN');
      await db.query(`SELECT set_config('app.tenant_id', $1, true)`, [a.tenant.id]);
      const visible: Record<string, { own: number; other: number }> = {};
      const refusals: Record<string, { insert: string; update?: string }> = {};
      const withoutInsert = new Set<string>();
      for (const table of tenantTables) {
        visible[table] = (
          await db.query(
            `SELECT count(*) FILTER (WHERE tenant_id = $1)::int AS own, count(*) FILTER (WHERE tenant_id IS DISTINCT FROM $1)::int AS other FROM ${quote(table)}`,
            [a.tenant.id],
          )
        ).rows[0];
        // A copy of one of A's rows, relabelled as B's: refused by WITH CHECK, before any constraint.
        const attempt = async (sql: string): Promise<string> => {
          await db.query('SAVEPOINT attempt');
          try {
            await db.query(sql, [b.tenant.id]);
            return 'ACCEPTED';
          } catch (error) {
            const { code, message } = error as { code?: string; message: string };
            return `${code}: ${/row-level security policy/.test(message) ? 'row-level security policy' : message}`;
          } finally {
            await db.query('ROLLBACK TO SAVEPOINT attempt');
          }
        };
        // A table the application may not insert into at all (written through an owner's-rights function) refuses before row-level security.
        const [{ can_insert: canInsert }] = (await db.query(`SELECT has_table_privilege(current_user, $1, 'INSERT') AS can_insert`, [table])).rows;
        if (!canInsert) withoutInsert.add(table);
        // Every column but the generated ones (PostgreSQL computes those; naming one is refused before any policy).
        const [{ columns }] = (await db.query(
          `SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) AS columns FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''`,
          [quote(table)],
        )).rows;
        refusals[table] = {
          insert: await attempt(
            `INSERT INTO ${quote(table)} (${columns}) SELECT ${columns} FROM (SELECT (jsonb_populate_record(NULL::${quote(table)}, to_jsonb(x) || jsonb_build_object('tenant_id', $1::text))).* FROM ${quote(table)} x LIMIT 1) AS copy`,
          ),
        };
        const [{ can_update: canUpdate }] = (await db.query(`SELECT has_table_privilege(current_user, $1, 'UPDATE') AS can_update`, [table])).rows;
        if (canUpdate) {
          refusals[table]!.update = await attempt(`UPDATE ${quote(table)} SET tenant_id = $1 WHERE ctid = (SELECT ctid FROM ${quote(table)} LIMIT 1)`);
        }
      }
      await db.query('SAVEPOINT attempt');
      let explicitInsert = 'ACCEPTED';
      try {
        await db.query(`INSERT INTO user_account (tenant_id, email, first_name, last_name, status) VALUES ($1, 'intruder@example.test', 'In', 'Truder', 'ACTIVE')`, [b.tenant.id]);
      } catch (error) {
        explicitInsert = `${(error as { code?: string }).code}: ${(error as Error).message}`;
      }
      await db.query('ROLLBACK');
      return { withoutContext, tenantRowsInPlatformScope, visible, refusals, explicitInsert, withoutInsert };
    });

    figures.rowsWithoutContext = Object.values(result.withoutContext).reduce((x, y) => x + y, 0);
    const zeroes = Object.fromEntries(tenantTables.map((t) => [t, 0]));
    expect(result.withoutContext).toEqual(zeroes);
    // Platform scope sees no tenant's rows, but for the named records the operator keeps about a tenant.
    expect(result.tenantRowsInPlatformScope).toEqual({ ...zeroes, ...Object.fromEntries(Object.keys(PLATFORM_READABLE).map((t) => [t, ownerCounts[t]![a.tenant.id]! + ownerCounts[t]![b.tenant.id]!])) });
    expect(result.visible).toEqual(Object.fromEntries(tenantTables.map((t) => [t, { own: ownerCounts[t]![a.tenant.id], other: 0 }])));
    const refused = 'row-level security policy';
    expect(result.refusals).toEqual(
      Object.fromEntries(tenantTables.map((t) => {
        const insert = result.withoutInsert.has(t) ? `42501: permission denied for table ${t}` : `42501: ${refused}`;
        return [t, result.refusals[t]!.update === undefined ? { insert } : { insert, update: `42501: ${refused}` }];
      })),
    );
    // Only these: every other tenant table takes the application's inserts, row-level security deciding which.
    expect([...result.withoutInsert]).toEqual(['personal_data_access_checkpoint']);
    expect(result.explicitInsert).toBe('42501: new row violates row-level security policy for table "user_account"');
  });

  describe('(d) 1,000 interleaved units of work of two tenants over one connection', () => {
    let tenantUserIds: Record<string, Set<string>>;
    let crossTenant = 0;

    beforeAll(async () => {
      tenantUserIds = await app.asOwner(async (db) => {
        const rows = (await db.query('SELECT id, tenant_id::text AS tenant FROM user_account WHERE tenant_id IS NOT NULL')).rows as Array<{ id: string; tenant: string }>;
        const ids: Record<string, Set<string>> = { [a.tenant.id]: new Set(), [b.tenant.id]: new Set() };
        for (const row of rows) ids[row.tenant]?.add(row.id);
        return ids;
      });
    });

    /** Tenant A, B, A, B… (the tests add a unit without any tenant after every ninth). */
    const schedule = () => Array.from({ length: UNITS }, (_, i) => (i % 2 === 0 ? a.tenant.id : b.tenant.id));

    it('a pg.Pool of one connection as the application role', async () => {
      const pool = new Pool({ connectionString: app.database.appUrl, max: 1 });
      try {
        const unit = async (tenantId: string | null) => {
          const client = await pool.connect();
          try {
            await client.query('BEGIN');
            if (tenantId) await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
            await new Promise((resolve) => setImmediate(resolve));
            const { rows } = await client.query('SELECT tenant_id::text AS tenant, pg_backend_pid() AS pid FROM user_account');
            await client.query('COMMIT');
            return { tenantId, rows: rows as Array<{ tenant: string | null; pid: number }> };
          } finally {
            client.release();
          }
        };
        const units = schedule().flatMap((tenantId, i) => (i % 9 === 8 ? [tenantId, null] : [tenantId]));
        const results = await Promise.all(units.map(unit));
        const tenantResults = results.filter((r) => r.tenantId);
        const noContext = results.filter((r) => !r.tenantId);
        const foreign = tenantResults.reduce((n, r) => n + r.rows.filter((row) => row.tenant !== r.tenantId).length, 0);
        crossTenant += foreign;
        expect(tenantResults).toHaveLength(UNITS);
        expect(foreign).toBe(0);
        // Every unit saw all of its own tenant's users (the check is not passing on empty results).
        expect(tenantResults.every((r) => r.rows.length === tenantUserIds[r.tenantId!]!.size)).toBe(true);
        expect(noContext.reduce((n, r) => n + r.rows.length, 0)).toBe(0);
        expect(new Set(results.flatMap((r) => r.rows.map((row) => row.pid))).size).toBe(1);
        expect(pool.totalCount).toBe(1);
        // After all of them, the one connection carries no tenant: set_config(…, true) ended with each transaction.
        const after = await pool.query(`SELECT count(*)::int AS n, coalesce(current_setting('app.tenant_id', true), '') AS setting FROM user_account`);
        expect(after.rows[0]).toEqual({ n: 0, setting: '' });
      } finally {
        await pool.end();
      }
    });

    it("the app's own TransactionRunner over the app's own pool (one connection)", async () => {
      const runner = app.get(TransactionRunner);
      const sql = app.get(Sql);
      const context = app.get(RequestContext);
      const actors: Record<string, Actor> = {
        [a.tenant.id]: { kind: 'user', id: a.tenantAdmin.id, tenantId: a.tenant.id, roles: [Role.TENANT_ADMIN] },
        [b.tenant.id]: { kind: 'user', id: b.tenantAdmin.id, tenantId: b.tenant.id, roles: [Role.TENANT_ADMIN] },
      };
      const unit = (actor: Actor) =>
        context.runAs(actor, () =>
          runner.run(async () => ({
            tenantId: actor.tenantId ?? null,
            rows: await sql.query<{ tenant: string | null; pid: number }>('SELECT tenant_id::text AS tenant, pg_backend_pid() AS pid FROM user_account'),
          })),
        );
      const units = schedule().flatMap((tenantId, i) => (i % 9 === 8 ? [actors[tenantId]!, ANONYMOUS_ACTOR] : [actors[tenantId]!]));
      const results = await Promise.all(units.map(unit));
      const tenantResults = results.filter((r) => r.tenantId);
      const foreign = tenantResults.reduce((n, r) => n + r.rows.filter((row) => row.tenant !== r.tenantId).length, 0);
      crossTenant += foreign;
      expect(tenantResults).toHaveLength(UNITS);
      expect(foreign).toBe(0);
      expect(tenantResults.every((r) => r.rows.length === tenantUserIds[r.tenantId!]!.size)).toBe(true);
      expect(results.filter((r) => !r.tenantId).reduce((n, r) => n + r.rows.length, 0)).toBe(0);
      expect(new Set(results.flatMap((r) => r.rows.map((row) => row.pid))).size).toBe(1);
      // The same (only) pooled connection, used directly without the runner: no tenant left behind.
      const after = await app.dataSource.query(`SELECT count(*)::int AS n, coalesce(current_setting('app.tenant_id', true), '') AS setting FROM user_account`);
      expect(after[0]).toEqual({ n: 0, setting: '' });
    });

    it('HTTP requests of the two tenants\' admins, concurrently, on the app running with one connection', async () => {
      const query = '{ managedUsers { id } me { id } }';
      // 100 requests in flight at a time (a thousand sockets at once only tests the machine's
      // patience): every one of them still waits for the app's single connection, interleaved.
      const order = schedule();
      const results: Array<{ tenantId: string; seeded: Seeded; response: Awaited<ReturnType<typeof app.graphql<{ managedUsers: Array<{ id: string }>; me: { id: string } }>>> }> = [];
      for (let i = 0; i < order.length; i += 100) {
        results.push(...(await Promise.all(
          order.slice(i, i + 100).map(async (tenantId) => {
            const seeded = tenantId === a.tenant.id ? a : b;
            const response = await app.graphql<{ managedUsers: Array<{ id: string }>; me: { id: string } }>(query, {}, { token: seeded.tenantAdminToken });
            return { tenantId, seeded, response };
          }),
        )));
      }
      const failures = results.filter((r) => r.response.errors?.length || !r.response.data).map((r) => r.response.text.slice(0, 200));
      expect(failures).toEqual([]);
      const foreign = results.reduce((n, { tenantId, seeded, response }) => {
        const ids = [...response.data!.managedUsers.map((u) => u.id), response.data!.me.id];
        return n + ids.filter((id) => !tenantUserIds[tenantId]!.has(id)).length + (response.data!.me.id === seeded.tenantAdmin.id ? 0 : 1);
      }, 0);
      crossTenant += foreign;
      expect(foreign).toBe(0);
      expect(results.every((r) => r.response.data!.managedUsers.length > 0)).toBe(true);
      const after = await app.dataSource.query(`SELECT count(*)::int AS n FROM user_account`);
      expect(after[0].n).toBe(0);
    });

    afterAll(() => {
      figures.crossTenantRows = crossTenant;
    });
  });

  afterAll(() => {
    const tables = tenantTables?.length ?? 0;
    reportFigure(
      `T5 database backstop: ${figures.forced}/${tables} tables forced, ${figures.rowsWithoutContext} rows without context, ${figures.crossTenantRows} cross-tenant rows in ${UNITS} interleaved requests`,
    );
  });
});
