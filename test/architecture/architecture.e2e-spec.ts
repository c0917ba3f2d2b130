import { ExecutionContext } from '@nestjs/common';
import { INTERCEPTORS_METADATA } from '@nestjs/common/constants';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE, ModulesContainer, Reflector } from '@nestjs/core';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { firstValueFrom, of } from 'rxjs';
import { Role } from '@chancery/access';
import { Actor, AppLogger, GENERATE_SQL, RequestContext, SCOPE_BYPASSES, ScopeBypass, SecretBox, Sql, SUPPORT_GRANT_NOT_ACTIVE, SYSTEM_ACTOR, TransactionRunner } from '@chancery/core';
import { UserAccount } from '@chancery/identity';
import { PUBLISHED_VIEWS } from '@chancery/migrations';
import { emailTemplate, Mailer } from '@chancery/notifications';
import { formatLogObject, outputChannels, OutputPurpose, present, presentedCounts, PresentResultsInterceptor } from '@chancery/policy';
import { Certificate, CertificatePdfService } from '@chancery/certificates';
import { CertificateFactory, expectData, queuedEmails, reportFigure, TestOrganisation, TestTenant, TestUser, useTestApp } from '@chancery/testing';
import { PersonalDataExporter } from '@chancery/privacy';
import { WebhookDispatcher, WebhookEvents, WebhookPayloads } from '@chancery/webhooks';
import { ARCHITECTURE_FILE, renderArchitecture } from '@chancery/testing/generated-docs/architecture-doc';
import { expectFile } from '@chancery/testing/generated-docs/expect-file';
import { captureRepository, methodsOf, renderSnapshot, repositoryClasses, snapshotPathOf, tablesByContext, tablesOf } from './repository-sql';
import { contextGraph, dataAccessAndOutputViolations, dependencyViolations } from './static-checks';

/**
 * The shape the issue "Before the document contexts" asks for, checked: each context owns its tables
 * and reaches them only through its data-access layer (whose SQL is snapshot-tested), contexts import
 * each other only downwards and through their index, every output goes through the gate, and every
 * named scope bypass does what it says and no more. Prints
 *   architecture: <a> SQL outside data-access layers, <b> cross-context table reads, <n> outputs through the gate, <m> named bypasses tested
 * and writes docs/architecture.md (UPDATE_GENERATED_FILES=1).
 */
const logLines: string[] = [];
const logDestination = new Writable({
  write(chunk: Buffer, _encoding, done) {
    logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  },
});

describe('Architecture', () => {
  const world = useTestApp({ env: { LOG_LEVEL: 'info' }, logDestination });
  const figures = { sqlOutside: -1, crossContextReads: -1, channels: new Set<string>(), bypasses: new Set<ScopeBypass>() };
  const repositories = repositoryClasses();
  const owners = tablesByContext();

  describe('each context owns its data', () => {
    it('finds the repositories of every context (so the checks below are not vacuous)', () => {
      const contexts = new Set(repositories.map((r) => r.context));
      expect([...contexts].sort()).toEqual(expect.arrayContaining(['audit', 'auth', 'core', 'identity', 'notifications', 'privacy']));
      expect(repositories.length).toBeGreaterThanOrEqual(12);
    });

    it('every method of every repository has an example to capture its SQL with (@GenerateSql)', () => {
      const missing = repositories.flatMap((r) =>
        methodsOf(r.cls).filter((m) => !Reflect.getMetadata(GENERATE_SQL, r.cls.prototype[m as keyof object])).map((m) => `${r.name}.${m}`),
      );
      expect(missing).toEqual([]);
    });

    it("each repository's SQL is its committed snapshot, and reads only its own context's tables (or a view published to it)", async () => {
      const crossContext: string[] = [];
      for (const repository of repositories) {
        const captured = await captureRepository(world.app.app, repository);
        expect(captured.every((c) => c.statements.length > 0)).toBe(true);
        expectFile(snapshotPathOf(repository), renderSnapshot(repository, captured));
        for (const { method, statements } of captured) {
          for (const table of statements.flatMap(tablesOf)) {
            const owner = owners.get(table);
            const published = PUBLISHED_VIEWS.find((v) => v.view === table && v.readers.includes(repository.context));
            if (owner !== repository.context && !published) crossContext.push(`${repository.name}.${method} (${repository.context}) reads ${table} of ${owner ?? 'no context'}`);
          }
        }
      }
      figures.crossContextReads = crossContext.length;
      expect(crossContext).toEqual([]);
    });

    it('every table belongs to exactly one context', () => {
      expect(owners.size).toBeGreaterThanOrEqual(13);
      for (const [table, context] of owners) expect([table, context]).toEqual([table, expect.stringMatching(/^[a-z]+$/)]);
    });
  });

  describe('rules of the code', () => {
    it('no SQL outside the data-access layers, no output sink outside the gate (lint)', () => {
      const violations = dataAccessAndOutputViolations();
      figures.sqlOutside = violations.filter((v) => v.includes('data-access layer')).length;
      expect(violations).toEqual([]);
    });

    it('contexts import each other downwards and through their index only; no cycles (dependency-cruiser)', () => {
      expect(dependencyViolations()).toEqual([]);
    });

    it('the application-wide enhancers are the ones we declare, and no library adds one', () => {
      // Each runs around every resolver and route handler: a library's no-op (nestjs-cls's ClsModule
      // registers a guard and an interceptor even when they are not mounted) would cost every call Nest's
      // guard and rxjs interceptor chains for nothing.
      const enhancers = (kind: string) =>
        [...world.app.get(ModulesContainer).values()].flatMap((module) =>
          [...module.providers.entries()].filter(([token]) => typeof token === 'string' && token.startsWith(`${kind} `)).map(([, wrapper]) => (wrapper.instance as object).constructor.name),
        );
      expect(enhancers(APP_GUARD).sort()).toEqual(['AccessGuard', 'GraphQLThrottlerGuard']);
      expect(enhancers(APP_INTERCEPTOR)).toEqual([]);
      expect(enhancers(APP_PIPE)).toEqual(['InputValidationPipe']);
      expect(enhancers(APP_FILTER)).toEqual(['ErrorResponseFilter']);
    });
  });

  // ------------------------------------------------------------------------------------------
  // Named scope bypasses: each does what it says, and no more
  // ------------------------------------------------------------------------------------------
  describe('named scope entry points', () => {
    let a: TestTenant;
    let b: TestTenant;
    let operator: TestUser;
    const transactions = () => world.app.get(TransactionRunner);
    const sql = () => world.app.get(Sql);
    const context = () => world.app.get(RequestContext);
    /** Tenants whose accounts the current unit of work sees ('platform' for rows without a tenant). */
    const visibleAccounts = async () =>
      [...new Set((await sql().query<{ tenant: string | null }>('SELECT tenant_id::text AS tenant FROM user_account')).map((r) => r.tenant ?? 'platform'))].sort();
    const tryInsertInto = (tenantId: string) =>
      sql()
        .query(`INSERT INTO login_throttle (tenant_id, account_key, failures, window_start) VALUES ($1, gen_random_bytes(32), 1, now())`, [tenantId])
        .then(() => 'written', (error: Error) => error.message);
    const bypass = (name: ScopeBypass, test: () => Promise<void>) =>
      it(`${name}: ${SCOPE_BYPASSES[name].split(/[.:;(]/)[0]}`, async () => {
        await context().runAs(SYSTEM_ACTOR, test);
        figures.bypasses.add(name);
      });

    beforeAll(async () => {
      a = await world.factory.tenant();
      b = await world.factory.tenant();
      await world.factory.user({ tenant: a, roles: [Role.CLERK] });
      await world.factory.user({ tenant: b, roles: [Role.CLERK] });
      operator = await world.factory.user({ roles: [Role.PLATFORM_ADMIN] });
    });

    const seesOnly = (expected: string[]) => async () => expect((await visibleAccounts()).filter((t) => t === 'platform' || t === a.id || t === b.id)).toEqual(expected.sort());

    bypass('forSecretHolder', async () => {
      await transactions().forSecretHolder({ tenantId: a.id }, seesOnly([a.id]));
      await transactions().forSecretHolder({}, seesOnly(['platform']));
      expect(await transactions().forSecretHolder({ tenantId: a.id }, () => tryInsertInto(b.id))).toMatch(/row-level security/);
    });

    bypass('beforeSession', async () => {
      await transactions().beforeSession(b.id, seesOnly([b.id]));
      await transactions().beforeSession(null, seesOnly(['platform']));
      expect(await transactions().beforeSession(b.id, () => tryInsertInto(a.id))).toMatch(/row-level security/);
    });

    bypass('lookingUpLoginAddress', async () => {
      const email = `same-address-${a.id.slice(0, 8)}@example.test`;
      await world.factory.user({ tenant: a, roles: [Role.CLERK], email });
      await world.factory.user({ tenant: b, roles: [Role.CLERK], email });
      await world.factory.user({ roles: [Role.PLATFORM_ADMIN], email });
      // Every account with the address, in whichever tenant; no other account, and nothing of other tables.
      const seen = await transactions().lookingUpLoginAddress(email, () => sql().query<{ tenant: string | null; email: string }>('SELECT tenant_id::text AS tenant, email FROM user_account'));
      expect(seen.map((r) => r.tenant ?? 'platform').sort()).toEqual([a.id, b.id, 'platform'].sort());
      expect(new Set(seen.map((r) => r.email))).toEqual(new Set([email]));
      expect(await transactions().lookingUpLoginAddress(email, () => sql().query('SELECT * FROM user_role'))).toEqual([]);
      expect(await transactions().lookingUpLoginAddress(email, () => sql().query('SELECT * FROM organisation'))).toEqual([]);
      expect(await transactions().lookingUpLoginAddress('', () => sql().query('SELECT * FROM user_account'))).toEqual([]);
      expect(await transactions().lookingUpLoginAddress(email, () => tryInsertInto(a.id))).toMatch(/read-only transaction/);
    });

    bypass('forAccessToken', async () => {
      await transactions().forAccessToken({ tenantId: a.id, userId: operator.id }, seesOnly([a.id]));
      // Held for a query's request: read only, and it ends before any other unit of the request opens.
      const statements = await context().recordStatements(async () => {
        const held = await transactions().forAccessToken({ tenantId: a.id, userId: operator.id }, async () => tryInsertInto(a.id), { holdForRequest: true });
        expect(held).toMatch(/read-only transaction/);
      });
      expect(statements[0]).toBe('BEGIN');
    });

    bypass('creatingTenant', async () => {
      await transactions().creatingTenant(async (enterTenant) => {
        await seesOnly(['platform'])();
        await enterTenant(b.id);
        await seesOnly([b.id])();
        throw new Error('rolled back on purpose');
      }).catch((error: Error) => expect(error.message).toBe('rolled back on purpose'));
    });

    bypass('invitingTenantAdministrator', async () => {
      await transactions().invitingTenantAdministrator(a.id, seesOnly([a.id]));
      expect(await transactions().invitingTenantAdministrator(a.id, () => tryInsertInto(b.id))).toMatch(/row-level security/);
    });

    bypass('resettingAdministratorSecondFactor', async () => {
      await transactions().resettingAdministratorSecondFactor(a.id, seesOnly([a.id]));
      expect(await transactions().resettingAdministratorSecondFactor(a.id, () => tryInsertInto(b.id))).toMatch(/row-level security/);
    });

    bypass('asSystem', async () => {
      await transactions().asSystem(a.id, seesOnly([a.id]));
      await transactions().asSystem(null, seesOnly(['platform']));
      expect(await transactions().asSystem(a.id, () => tryInsertInto(b.id))).toMatch(/row-level security/);
    });

    bypass('deliveringOutbox', async () => {
      await transactions().asSystem(a.id, () => sql().query(`INSERT INTO outbox_message (tenant_id, channel, recipient, template, subject, body) VALUES ($1, 'EMAIL', 'a@example.test', 'architecture.bypass', 's', 'v1.x')`, [a.id]));
      await transactions().asSystem(b.id, () => sql().query(`INSERT INTO outbox_message (tenant_id, channel, recipient, template, subject, body) VALUES ($1, 'EMAIL', 'b@example.test', 'architecture.bypass', 's', 'v1.x')`, [b.id]));
      // The outbox of every tenant, to read and mark; nothing of any other table; nothing added or removed.
      const seen = await transactions().deliveringOutbox(() => sql().query<{ tenant: string }>(`SELECT tenant_id::text AS tenant FROM outbox_message WHERE template = 'architecture.bypass'`));
      expect(seen.map((r) => r.tenant).sort()).toEqual([a.id, b.id].sort());
      const marked = await transactions().deliveringOutbox(() => sql().query(`UPDATE outbox_message SET attempts = attempts + 1 WHERE template = 'architecture.bypass' RETURNING id`));
      expect(marked).toHaveLength(2);
      await transactions().deliveringOutbox(seesOnly([]));
      expect(await transactions().deliveringOutbox(() => sql().query('SELECT * FROM tenant WHERE id = $1', [a.id]))).toHaveLength(1); // the public directory
      expect(await transactions().deliveringOutbox(() => sql().query('SELECT * FROM organisation'))).toEqual([]);
      expect(await transactions().deliveringOutbox(() => sql().query(`DELETE FROM outbox_message WHERE template = 'architecture.bypass' RETURNING id`))).toEqual([]);
      expect(
        await transactions()
          .deliveringOutbox(() => sql().query(`INSERT INTO outbox_message (tenant_id, channel, recipient, template, subject, body) VALUES ($1, 'EMAIL', 'x@example.test', 'architecture.bypass', 's', 'v1.x')`, [a.id]))
          .then(() => 'written', (error: Error) => error.message),
      ).toMatch(/row-level security/);
    });

    bypass('deliveringWebhooks', async () => {
      const subscribe = (tenantId: string) =>
        transactions().asSystem(tenantId, async () => {
          const [s] = await sql().query<{ id: string }>(`INSERT INTO webhook_subscription (tenant_id, url, event_types, secret, created_at) VALUES ($1, 'https://x.example.test', '{datasheet.published}', 'v1.x', now()) RETURNING id`, [tenantId]);
          await sql().query(`INSERT INTO webhook_delivery (tenant_id, subscription_id, event_id, event_type, subject, occurred_at, next_attempt_at) VALUES ($1, $2, gen_random_uuid(), 'architecture.bypass', '{}', now(), now())`, [tenantId, s!.id]);
          return s!.id;
        });
      const subscriptions = [await subscribe(a.id), await subscribe(b.id)];
      // Deliveries of every tenant with their targets, to read and mark; nothing else; nothing added or removed.
      const seen = await transactions().deliveringWebhooks(() => sql().query<{ tenant: string }>(`SELECT d.tenant_id::text AS tenant FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id WHERE d.event_type = 'architecture.bypass'`));
      expect(seen.map((r) => r.tenant).sort()).toEqual([a.id, b.id].sort());
      expect(await transactions().deliveringWebhooks(() => sql().query(`UPDATE webhook_delivery SET attempts = attempts + 1 WHERE event_type = 'architecture.bypass' RETURNING id`))).toHaveLength(2);
      expect(await transactions().deliveringWebhooks(() => sql().query(`UPDATE webhook_subscription SET url = 'https://evil.example.test' WHERE id = ANY($1::uuid[]) RETURNING id`, [subscriptions]))).toEqual([]);
      await transactions().deliveringWebhooks(seesOnly([]));
      expect(await transactions().deliveringWebhooks(() => sql().query('SELECT * FROM organisation'))).toEqual([]);
      expect(await transactions().deliveringWebhooks(() => sql().query(`DELETE FROM webhook_delivery WHERE event_type = 'architecture.bypass' RETURNING id`))).toEqual([]);
      expect(
        await transactions()
          .deliveringWebhooks(() => sql().query(`INSERT INTO webhook_delivery (tenant_id, subscription_id, event_id, event_type, subject, occurred_at, next_attempt_at) VALUES ($1, $2, gen_random_uuid(), 'architecture.bypass', '{}', now(), now())`, [a.id, subscriptions[0]]))
          .then(() => 'written', (error: Error) => error.message),
      ).toMatch(/row-level security/);
    });

    bypass('findingAwaitingPdfs', async () => {
      // An issued certificate awaiting its PDF in each tenant.
      const certificates = new CertificateFactory(world.app);
      const issuedIn = async (tenant: TestTenant) => {
        const company = await world.factory.organisation(tenant);
        const token = async (roles: Role[], organisation?: TestOrganisation) => (await world.factory.login(await world.factory.user({ tenant, organisation, roles }))).accessToken;
        return (await certificates.issued(await token([Role.ORG_ADMIN], company), await token([Role.CLERK]), await token([Role.SIGNER]))).id;
      };
      const issued = [await issuedIn(a), await issuedIn(b)];
      const awaiting = () => transactions().findingAwaitingPdfs(() => sql().query<{ tenant: string }>(`SELECT tenant_id::text AS tenant FROM certificate WHERE id = ANY($1::uuid[])`, [issued]));
      // Those of every tenant, read only; nothing of any other table.
      expect((await awaiting()).map((r) => r.tenant).sort()).toEqual([a.id, b.id].sort());
      await transactions().findingAwaitingPdfs(seesOnly([]));
      expect(await transactions().findingAwaitingPdfs(() => sql().query('SELECT * FROM organisation'))).toEqual([]);
      expect(await transactions().findingAwaitingPdfs(() => sql().query('SELECT * FROM certificate_application'))).toEqual([]);
      expect(await transactions().findingAwaitingPdfs(() => tryInsertInto(a.id))).toMatch(/read-only transaction/);
      // One round renders both (each in its own tenant); a certificate with its PDF is no longer seen.
      expect(await world.app.get(CertificatePdfService).renderAwaiting()).toBeGreaterThanOrEqual(2);
      expect(await awaiting()).toEqual([]);
    });

    bypass('publicReading', async () => {
      await transactions().publicReading(seesOnly([]));
      const directory = await transactions().publicReading(() => sql().query<{ n: number }>('SELECT count(*)::int AS n FROM tenant'));
      expect(directory[0]!.n).toBeGreaterThanOrEqual(2);
      expect(await transactions().publicReading(() => tryInsertInto(a.id))).toMatch(/read-only transaction/);
    });

    bypass('duringSupportGrant', async () => {
      const grant = async (tenantId: string, status: string, endsInMinutes: number, requestedBy = operator.id) => {
        const now = world.app.clock.now();
        const [row] = await transactions().asSystem(tenantId, () =>
          sql().query<{ id: string }>(
            `INSERT INTO support_grant (tenant_id, requested_by, purpose, duration_minutes, requested_at, status, starts_at, ends_at)
             VALUES ($1, $2, 'architecture test', 60, $3, $4, $3, $5) RETURNING id`,
            [tenantId, requestedBy, new Date(now.getTime() - 120 * 60_000), status, new Date(now.getTime() + endsInMinutes * 60_000)],
          ),
        );
        return row!.id;
      };
      const asOperator = <T>(work: () => Promise<T>) => context().runAs({ kind: 'user', id: operator.id, roles: [Role.PLATFORM_ADMIN] }, work);
      const refused = (grantId: string) =>
        asOperator(() => transactions().duringSupportGrant(grantId, () => visibleAccounts())).then(() => 'entered', (error: { code?: string }) => error.code);
      // A running grant of tenant a: a's rows only, read only.
      const running = await grant(a.id, 'APPROVED', 30);
      await asOperator(() => transactions().duringSupportGrant(running, seesOnly([a.id])));
      expect(await asOperator(() => transactions().duringSupportGrant(running, () => tryInsertInto(a.id)))).toMatch(/read-only transaction/);
      // Anything else enters nothing: not approved, expired, another operator's, no such grant, another actor.
      expect(await refused(await grant(a.id, 'REQUESTED', 30))).toBe(SUPPORT_GRANT_NOT_ACTIVE);
      expect(await refused(await grant(a.id, 'APPROVED', -1))).toBe(SUPPORT_GRANT_NOT_ACTIVE);
      expect(await refused(await grant(b.id, 'APPROVED', 30, a.id))).toBe(SUPPORT_GRANT_NOT_ACTIVE);
      expect(await refused('00000000-0000-4000-8000-000000000000')).toBe(SUPPORT_GRANT_NOT_ACTIVE);
      expect(await transactions().duringSupportGrant(running, () => visibleAccounts()).then(() => 'entered', (error: { code?: string }) => error.code)).toBe(SUPPORT_GRANT_NOT_ACTIVE);
    });

    it("the actor's own scope (run): a tenant's person sees their tenant, the operator the platform's rows, anonymous nothing", async () => {
      const as = (actor: Actor, expected: string[]) => context().runAs(actor, () => transactions().run(seesOnly(expected)));
      await as({ kind: 'user', id: operator.id, tenantId: a.id, roles: [Role.CLERK] }, [a.id]);
      await as({ kind: 'user', id: operator.id, roles: [Role.PLATFORM_ADMIN] }, ['platform']);
      await as({ kind: 'anonymous', roles: [] }, []);
    });

    it('every named entry point has its test here', () => {
      expect([...figures.bypasses].sort()).toEqual(Object.keys(SCOPE_BYPASSES).sort());
    });
  });

  // ------------------------------------------------------------------------------------------
  // Outputs: every channel passes records through the gate
  // ------------------------------------------------------------------------------------------
  describe('every output goes through the gate', () => {
    let tenant: TestTenant;
    let company: TestOrganisation;
    let admin: TestUser;
    let member: TestUser;
    const PHONE = '+32470123987';
    const countOf = (purpose: OutputPurpose) => presentedCounts().get(purpose) ?? 0;
    const channel = (name: string, test: () => Promise<void>) =>
      it(`${name}: a field the viewer may not read never leaves`, async () => {
        await test();
        figures.channels.add(name);
      });
    /** The admin's account as the application holds it (phone and e-mail readable by the company's admins only). */
    const adminAccount = () => Object.assign(new UserAccount(), { id: admin.id, tenantId: tenant.id, organisationId: company.id, firstName: 'Ann', email: admin.email, phone: PHONE });
    const memberActor = (): Actor => ({ kind: 'user', id: member.id, tenantId: tenant.id, organisationId: company.id, roles: [Role.ORG_MEMBER] });

    beforeAll(async () => {
      tenant = await world.factory.tenant();
      company = await world.factory.organisation(tenant);
      admin = await world.factory.user({ tenant, organisation: company, roles: [Role.ORG_ADMIN] });
      member = await world.factory.user({ tenant, organisation: company, roles: [Role.ORG_MEMBER] });
      await world.app.asOwner((db) => db.query('UPDATE user_account SET phone = $2 WHERE id = $1', [admin.id, PHONE]));
    });

    channel('graphql', async () => {
      const before = countOf('graphql');
      const session = await world.factory.login(member);
      const response = await world.app.graphql<{ user: { firstName: string; phone: string | null; email: string | null } }>(
        'query($id: ID!) { user(id: $id) { firstName phone email } }', { id: admin.id }, { token: session.accessToken });
      expect(expectData(response).user).toEqual({ firstName: expect.any(String), phone: null, email: null });
      expect(response.text).not.toContain(PHONE);
      expect(countOf('graphql')).toBeGreaterThan(before);
    });

    channel('http', async () => {
      const before = countOf('http');
      // A route's result passes the gate as its caller may see it (the public verification and
      // datasheet routes use this path); health reports, which hold no records, are marked and pass as they are.
      class Routes {
        colleague() {}
      }
      const execution = { getType: () => 'http', getHandler: () => Routes.prototype.colleague, getClass: () => Routes } as unknown as ExecutionContext;
      const interceptor = new PresentResultsInterceptor(world.app.get(RequestContext), world.app.get(Reflector));
      const sent = await world.app.get(RequestContext).runAs(memberActor(), () =>
        firstValueFrom(interceptor.intercept(execution, { handle: () => of(adminAccount()) })),
      );
      expect({ ...(sent as object) }).toEqual({ id: admin.id, organisationId: company.id, firstName: 'Ann' });
      expect(JSON.stringify(sent)).not.toContain(PHONE);
      expect(countOf('http')).toBeGreaterThan(before);
      const health = await world.app.http().get('/health/live');
      expect(health.status).toBe(200);
      // Every controller of the application declares the gate, first (outermost) among its interceptors.
      const controllers = [...world.app.get(ModulesContainer).values()].flatMap((module) => [...module.controllers.values()].map((wrapper) => wrapper.metatype as object));
      const withoutGate = controllers.filter((controller) => (Reflect.getMetadata(INTERCEPTORS_METADATA, controller) as unknown[] | undefined)?.[0] !== PresentResultsInterceptor);
      expect(controllers.length).toBeGreaterThanOrEqual(8);
      expect(withoutGate.map((controller) => (controller as { name: string }).name)).toEqual([]);
    });

    channel('log', async () => {
      const before = countOf('log');
      world.app.get(AppLogger).log({ account: adminAccount(), nested: { accounts: [adminAccount()] }, msg: 'architecture probe' });
      const line = logLines.find((l) => l.includes('architecture probe'));
      expect(line).toBeDefined();
      expect(line).not.toContain(PHONE);
      expect(line).not.toContain(admin.email);
      expect(JSON.parse(line!).account).toEqual({ entity: 'User', ref: admin.id });
      expect(formatLogObject({ account: adminAccount() })).toEqual({ account: { entity: 'User', ref: admin.id } });
      expect(countOf('log')).toBeGreaterThan(before);
    });

    channel('email', async () => {
      const before = countOf('email');
      const probe = emailTemplate<{ colleague: UserAccount }>('architecture.probe', {
        en: (v) => ({ subject: 'probe', text: `${v.colleague.firstName}: ${v.colleague.phone ?? 'hidden'}` }),
        nl: (v) => ({ subject: 'probe', text: `${v.colleague.firstName}: ${v.colleague.phone ?? 'verborgen'}` }),
        fr: (v) => ({ subject: 'probe', text: `${v.colleague.firstName}: ${v.colleague.phone ?? 'masqué'}` }),
        de: (v) => ({ subject: 'probe', text: `${v.colleague.firstName}: ${v.colleague.phone ?? 'verborgen'}` }),
      });
      await world.app.get(RequestContext).runAs(SYSTEM_ACTOR, () =>
        world.app.get(TransactionRunner).asSystem(tenant.id, () =>
          world.app.get(Mailer).queue(probe, { tenantId: tenant.id, to: member.email, language: 'en', viewer: memberActor(), values: { colleague: adminAccount() } }),
        ),
      );
      const [message] = await queuedEmails(world.app, { template: 'architecture.probe' });
      expect(message!.body).toBe('Ann: hidden');
      expect(countOf('email')).toBeGreaterThan(before);
    });

    channel('pdf', async () => {
      // A certificate's PDF is rendered from the certificate as the company's users see it (the
      // signer's id, readable by staff only, is not in what the renderer gets), and stored.
      const before = countOf('pdf');
      const certificates = new CertificateFactory(world.app);
      const clerk = await world.factory.login(await world.factory.user({ tenant, roles: [Role.CLERK] }));
      const signer = await world.factory.login(await world.factory.user({ tenant, roles: [Role.SIGNER] }));
      const certificate = await certificates.issued((await world.factory.login(admin)).accessToken, clerk.accessToken, signer.accessToken);
      const seen = present(memberActor(), Object.assign(new Certificate(), { id: certificate.id, tenantId: tenant.id, organisationId: company.id, signedBy: signer.accessToken, signedPayload: '{}' }), 'pdf');
      expect(seen).toEqual(expect.objectContaining({ signedPayload: '{}' }));
      expect(seen).not.toHaveProperty('signedBy');
      await world.app.get(RequestContext).runAs(SYSTEM_ACTOR, () => world.app.get(CertificatePdfService).renderAwaiting());
      const [row] = (await world.app.asOwner((db) => db.query(`SELECT pdf_document_id FROM certificate WHERE id = $1`, [certificate.id]))).rows as Array<{ pdf_document_id: string | null }>;
      expect(row!.pdf_document_id).not.toBeNull();
      expect(countOf('pdf')).toBeGreaterThan(before);
    });

    channel('data-subject-export', async () => {
      const before = countOf('export');
      const adminActor: Actor = { kind: 'user', id: admin.id, tenantId: tenant.id, organisationId: company.id, roles: [Role.ORG_ADMIN] };
      const exported = await world.app.get(RequestContext).runAs(adminActor, () =>
        world.app.get(TransactionRunner).run(() =>
          world.app.get(PersonalDataExporter).exportOf({ tenantId: tenant.id, userId: admin.id, email: admin.email }, false),
        ),
      );
      const text = JSON.stringify(exported);
      expect(text).toContain(PHONE);
      // Credentials are declared personal data but never leave; nor does anything of a colleague.
      expect(text).not.toContain('$argon2');
      expect(text).not.toContain(member.email);
      expect(exported.records.find((r) => r.entity === 'User')?.withheld.map((w) => w.field).sort()).toEqual(['passwordHash', 'totpSecret']);
      expect(countOf('export')).toBeGreaterThan(before);
    });

    channel('webhook', async () => {
      // A webhook body passes the gate as the target's integration may see it: of a person's account,
      // only what the company's integration may read; the phone and e-mail nowhere in the request.
      const before = countOf('webhook');
      const bodies: string[] = [];
      const server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          bodies.push(Buffer.concat(chunks).toString('utf8'));
          res.end();
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/probe`;
        const secret = world.app.get(SecretBox).seal('whsec_' + Buffer.alloc(24, 7).toString('base64'));
        await world.app.asOwner((db) => db.query(`INSERT INTO webhook_subscription (tenant_id, organisation_id, url, event_types, secret, created_at) VALUES ($1, $2, $3, '{certificate.revoked}', $4, now())`, [tenant.id, company.id, url, secret]));
        world.app.get(WebhookPayloads).register({ eventTypes: ['certificate.revoked'], dataOf: async () => adminAccount() });
        await world.app.get(RequestContext).runAs(SYSTEM_ACTOR, async () => {
          await world.app.get(TransactionRunner).asSystem(tenant.id, () => world.app.get(WebhookEvents).publish({ tenantId: tenant.id, organisationId: company.id, type: 'certificate.revoked', subject: {} }));
          expect((await world.app.get(WebhookDispatcher).deliverDue()).delivered.length).toBeGreaterThan(0);
        });
      } finally {
        server.close();
      }
      // The company's integration (an ERP key's scope, no role) reads no one's phone or e-mail.
      const data = JSON.parse(bodies.at(-1)!).data as Record<string, unknown>;
      expect(data).not.toHaveProperty('phone');
      expect(data).not.toHaveProperty('email');
      expect(bodies.join('')).not.toContain(PHONE);
      expect(bodies.join('')).not.toContain(admin.email);
      expect(countOf('webhook')).toBeGreaterThan(before);
    });

    it('every registered output channel has its test here', () => {
      expect([...figures.channels].sort()).toEqual(outputChannels().map((c) => c.name).sort());
    });
  });

  it('docs/architecture.md is generated from the code', () => {
    const tables = new Map<string, string[]>();
    for (const [table, context] of owners) tables.set(context, [...(tables.get(context) ?? []), table].sort());
    const byContext = new Map<string, string[]>();
    for (const r of repositories) byContext.set(r.context, [...(byContext.get(r.context) ?? []), r.name].sort());
    expectFile(ARCHITECTURE_FILE, renderArchitecture({ tables, repositories: byContext, publishedViews: PUBLISHED_VIEWS, graph: contextGraph(), channels: outputChannels() }));
  });

  afterAll(() => {
    reportFigure(
      `architecture: ${figures.sqlOutside} SQL outside data-access layers, ${figures.crossContextReads} cross-context table reads, ` +
        `${figures.channels.size} outputs through the gate, ${figures.bypasses.size} named bypasses tested`,
    );
  });
});
