import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '@chancery/access';
import { RequestContext } from '@chancery/core';
import { DatasheetFeedService } from '@chancery/datasheets/services/datasheet-feed.service';
import { totpCodeAt } from '@chancery/identity';
import { expectData, linkTokenOf, queuedEmails, useTestApp } from '@chancery/testing';
import { DEMO_PASSWORD, describeDemoAccounts, loadDemoDataOnce } from '../../apps/api/src/demo/demo-data';

/**
 * #14 defect 15: the "demo accounts" table `npm start` prints lists the demo set only, on every start,
 * never an account somebody registered, and never a real account's second-factor secret.
 */
describe('defect 15: the demo accounts table', () => {
  const started = useTestApp();
  const dataDir = mkdtempSync(join(tmpdir(), 'chancery-demo-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('lists the same demo accounts on a later start, after accounts were registered and enrolled, and none of their secrets', async () => {
    const { app, factory } = started;
    const first = await loadDemoDataOnce(app.app, dataDir);
    expect(first.loadedNow).toBe(true);
    const firstTable = describeDemoAccounts(first.accounts);
    expect(firstTable).toContain(DEMO_PASSWORD);

    // Someone registers a company with the demo chamber, confirms the address, logs in, enrols a second factor.
    const email = `registrant-${Date.now()}@example.test`;
    const password = 'a long enough password 15';
    expectData(
      await app.graphql('mutation($i: RegisterOrganisationInput!) { registerOrganisation(input: $i) { tenant { slug } } }', {
        i: {
          tenantSlug: 'voka-antwerpen-waasland', vatNumber: 'BE0202.239.951', name: 'Registered NV', legalForm: 'NV', street: 'Kaai 1', postalCode: '2000', city: 'Antwerpen',
          country: 'BE', phone: '+3232322219', email: 'info@registered.example.test', iban: 'BE71096123456769', loginMethod: 'PASSWORD',
          administrator: { firstName: 'Reg', lastName: 'Istrant', email, phone: '+32470112233', password },
        },
      }),
    );
    const [confirmation] = await queuedEmails(app, { recipient: email, template: 'identity.confirm-email' });
    expectData(await app.graphql('mutation($t: String!) { confirmEmail(token: $t) }', { t: linkTokenOf(confirmation!.body) }));
    const login = expectData(await app.graphql<{ login: { accessToken: string } }>('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { email, password, tenant: 'voka-antwerpen-waasland' } })).login;
    const uri = expectData(await app.graphql<{ beginTotpEnrolment: string }>('mutation { beginTotpEnrolment }', {}, { token: login.accessToken })).beginTotpEnrolment;
    const secret = new URL(uri).searchParams.get('secret')!;
    expectData(await app.graphql('mutation($c: String!) { confirmTotpEnrolment(code: $c) }', { c: totpCodeAt(secret, app.clock.now()) }, { token: login.accessToken }));
    // And a staff account made by the platform, with a second factor.
    const tenant = await factory.tenant();
    const signer = await factory.user({ tenant, roles: [Role.SIGNER], withTotp: true });

    // The next start: the same table, exactly.
    const second = await loadDemoDataOnce(app.app, dataDir);
    expect(second.loadedNow).toBe(false);
    const secondTable = describeDemoAccounts(second.accounts);
    expect(secondTable).toBe(firstTable);
    for (const absent of [email, secret, signer.email, signer.totpSecret!]) expect(secondTable).not.toContain(absent);
    expect(second.accounts.every((account) => /@(chancery|voka|be-cert|company\d\.voka|company\d\.be-cert)\.test$/.test(account.email))).toBe(true);
  });

  it("lets a consumer replaying the certification body's datasheet feed from 0 rebuild exactly its published demo datasheets", async () => {
    const { app } = started;
    await loadDemoDataOnce(app.app, dataDir);
    const tenantId = (await app.asOwner((db) => db.query(`SELECT id FROM tenant WHERE slug = 'be-cert'`))).rows[0].id as string;
    const published = new Map(
      (await app.asOwner((db) => db.query(`SELECT datasheet_id, version_id FROM published_datasheet WHERE tenant_id = $1`, [tenantId]))).rows.map((r: { datasheet_id: string; version_id: string }) => [r.datasheet_id, r.version_id]),
    );
    expect(published.size).toBe(10);

    // The central system's replay: a PUBLISHED event (re)places the datasheet at its version, UNPUBLISHED removes it.
    const feed = app.get(DatasheetFeedService);
    const actor = { kind: 'user' as const, id: (await app.asOwner((db) => db.query(`SELECT id FROM user_account WHERE email = 'tenant-admin@be-cert.test'`))).rows[0].id as string, tenantId, roles: [Role.TENANT_ADMIN] };
    const mirror = new Map<string, string>();
    const unknownRemovals: string[] = [];
    for (let cursor = '0'; ; ) {
      const page = await app.get(RequestContext).runAs(actor, () => feed.changes(cursor, undefined));
      if (page.events.length === 0) break;
      for (const event of page.events) {
        if (event.kind === 'PUBLISHED') mirror.set(event.datasheetId, event.versionId!);
        if (event.kind === 'UNPUBLISHED' || event.kind === 'SUPERSEDED') {
          if (!mirror.has(event.datasheetId)) unknownRemovals.push(`${event.kind} ${event.datasheetId}`);
          if (event.kind === 'UNPUBLISHED') mirror.delete(event.datasheetId);
        }
      }
      cursor = page.nextCursor;
    }
    expect(unknownRemovals).toEqual([]);
    expect(mirror).toEqual(published);
  });
});
